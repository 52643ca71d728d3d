"""Background work gives way to the window's bursts of work, and is never starved by them."""

from __future__ import annotations

import threading
import time

import pytest

from viewer.domain import foreground


def in_background(work) -> float:
    """Seconds ``work`` took on a thread of its own."""
    took: list[float] = []

    def run() -> None:
        start = time.monotonic()
        work()
        took.append(time.monotonic() - start)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=10)
    return took[0]


def test_background_goes_on_at_once_while_the_window_is_idle() -> None:
    time.sleep(foreground.LINGER)
    assert in_background(foreground.give_way) < 0.05


def test_background_waits_for_a_burst_and_the_painting_after_it() -> None:
    ended: list[float] = []

    def burst() -> None:
        with foreground.busy():
            time.sleep(0.2)
        ended.append(time.monotonic())

    window = threading.Thread(target=burst)  # stands in for the window's thread
    window.start()
    time.sleep(0.05)
    started = time.monotonic()
    in_background(foreground.give_way)
    waited = time.monotonic() - started
    window.join()
    assert waited >= 0.15 + foreground.LINGER * 0.9
    assert time.monotonic() >= ended[0] + foreground.LINGER * 0.9


def test_background_is_never_starved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "LONGEST_WAIT", 0.2)
    with foreground.busy():  # a burst that outlasts the wait
        took = in_background(lambda: list(foreground.taking_turns(range(3))))
    assert took < 0.2 * 3, "after one wait it has a turn, not a wait per item"


def test_the_window_never_waits_for_itself() -> None:
    with foreground.busy():
        started = time.monotonic()
        foreground.give_way()
        assert time.monotonic() - started < 0.01


def test_work_done_in_one_batch_never_waits() -> None:
    with foreground.busy():
        took = in_background(lambda: list(foreground.in_slices(range(10), 100)))
    assert took < 0.05


def test_work_done_within_a_turn_never_waits() -> None:
    with foreground.busy():
        took = in_background(lambda: list(foreground.taking_turns(range(1000))))
    assert took < foreground.TURN
