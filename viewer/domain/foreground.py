"""The window's thread has right of way over background work in this process.

Python runs one thread at a time, and a thread hands the interpreter over at the latest every
switch interval (5 ms). The window's thread gives it up at each of its calls into Qt, and laying
out a text, filling a tab or painting a large table makes thousands of them: with a busy
background thread, each call waits up to an interval for its turn. Laying out a slice of the
briefing's text took 800 ms instead of 40 while the loader wrote the cache entry behind it.

So the window marks its bursts of work (:func:`busy`), and background work calls
:func:`give_way` between its batches: while the window is busy, and for a moment after, it
waits. Work runs in turns of
:data:`TURN` that start with the work, so a job that fits in one turn never waits; and it is
never starved: after waiting :data:`LONGEST_WAIT` it goes on for a turn before asking again.

Background work must not give way while it holds a lock the window's thread may wait for
(``functools.cached_property`` holds one per property, shared by every instance): the window
would wait for the work, and the work for the window, until the longest wait ends. Nor should
it give way for long under the garbage collector's pause, which ends by freezing what the window
made meanwhile out of the collector's sight: while a briefing loads, the window only shows
progress.

(Qt's own signals for an event loop waking up and going idle do not bracket the work on every
platform: with GLib, timers run after the loop said it would wait.)
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

TURN = 0.02
"""Seconds of work background may do between two checks."""
LONGEST_WAIT = 0.5
"""Seconds background waits at most for the window, so that it is never starved."""

LINGER = 0.1
"""Seconds after a burst of the window's work that background still waits. Without it, what Qt
does right after a burst (laying out what was just set, painting it) met the lock convoy again:
a tab's first show took three to five times as long. The price is that background work moves
slowly while the window works in bursts close together, as when it fills a long text."""

_changed = threading.Condition()
_bursts = 0
_quiet_from = 0.0
_turns = threading.local()


@contextlib.contextmanager
def busy(linger: float = LINGER) -> Iterator[None]:
    """Mark a burst of the window's own work (nested bursts count once), and keep background
    waiting ``linger`` seconds after it, for what Qt does next (laying out, painting)."""
    global _bursts, _quiet_from
    with _changed:
        _bursts += 1
    try:
        yield
    finally:
        with _changed:
            _bursts -= 1
            _quiet_from = max(_quiet_from, time.monotonic() + linger)
            _changed.notify_all()


def give_way() -> None:
    """Called by background work between batches: wait while the window is busy, and for a
    moment after."""
    if threading.current_thread() is threading.main_thread():
        return
    now = time.monotonic()
    if now - getattr(_turns, "started", -math.inf) < TURN:
        return
    deadline = now + LONGEST_WAIT
    with _changed:
        while (now := time.monotonic()) < deadline and (_bursts or now < _quiet_from):
            _changed.wait(deadline - now if _bursts else min(deadline, _quiet_from) - now)
    _turns.started = time.monotonic()


def taking_turns(items: Iterable[T]) -> Iterator[T]:
    """``items``, giving way to the window between each two (for a background loop of
    batches): work done within a turn, as for a small briefing, never waits."""
    for number, item in enumerate(items):
        if number:
            give_way()
        else:  # a turn starts with the work
            _turns.started = time.monotonic()
        yield item


def start_behind(name: str, work: Callable[[], object]) -> None:
    """Run ``work`` on a thread of its own once the window's burst is over: the window starts
    such work in the middle of filling a tab, and a thread that began at once met the rest of
    that filling in the lock convoy (Compare's first show: 0.11 s of its own work took 0.23)."""

    def run() -> None:
        give_way()
        work()

    threading.Thread(target=run, name=name, daemon=True).start()
