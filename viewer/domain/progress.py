"""How far a long task has got, and the reader's wish to stop it.

The task (a thread loading a briefing, an export) calls :meth:`Progress.step` where stopping is
safe; whoever shows the task hears each step. Nothing here knows how it is shown: the window turns
steps into a progress bar, the command line into a line on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """The reader stopped the task; what it had built so far is dropped."""


Report = Callable[[str, float | None], None]
"""What is being done, and the share of it done (0 to 1), or None when that is not known."""


class Progress:
    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self.cancelled = False
        """Set from another thread; a plain flag is enough, the task only reads it."""

    def cancel(self) -> None:
        self.cancelled = True

    def step(self, what: str, done: float | None = None) -> None:
        """Report ``what`` and ``done``, or raise :class:`Cancelled` if the reader has stopped
        the task."""
        if self.cancelled:
            raise Cancelled
        if self._report is not None:
            self._report(what, done)
