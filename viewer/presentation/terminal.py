"""A progress line on a terminal for the command line's long jobs (loading a roll-call, exporting
hundreds of pages), and silence when the output goes to a file or a pipe, where a stream of
carriage returns would only clutter a log."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from viewer.domain.progress import Progress

WIDTH = 79
"""Characters the line may take: it is rewritten in place, so it must not wrap."""
EVERY = 0.1
"""Seconds between two rewrites of the line: a terminal redrawn faster only flickers, and
steps that come faster are skipped."""


@contextmanager
def progress_line(stream: TextIO) -> Iterator[Progress | None]:
    """A :class:`Progress` that rewrites one line of ``stream`` in place, or None when ``stream``
    is not a terminal; the line is wiped when the block ends, so what follows starts clean."""
    if not stream.isatty():
        yield None
        return
    written = 0.0
    """When the line was last written (0: never)."""

    def report(what: str, done: float | None) -> None:
        nonlocal written
        now = time.monotonic()
        if now - written < EVERY:
            return
        written = now
        text = what if done is None else f"{what}: {done:.0%}"
        stream.write("\r" + text[:WIDTH].ljust(WIDTH))
        stream.flush()

    try:
        yield Progress(report)
    finally:
        if written:
            stream.write("\r" + " " * WIDTH + "\r")
            stream.flush()
