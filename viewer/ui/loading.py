"""Loading briefings off the window's thread, so reading a large or hostile one never freezes it.

Parsing YAML and CSV runs in a thread; rendering the prose runs in the worker process (see
``viewer.domain.prose_worker``), which the thread waits for. The window hears the result through
a queued signal. Every request has a number, so a result that a newer request has overtaken
(a reader opening another briefing, an author saving twice) is ignored.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.domain.loader import LoadResult, collector_paused, load_briefing
from viewer.domain.problems import Location, Problem
from viewer.domain.progress import Cancelled, Progress


class BriefingLoader(QObject):
    loaded = Signal(object, int)
    """A :class:`LoadResult` and the number of the request it answers."""
    progressed = Signal(str, float, int)
    """What the load is doing, the share of it done (negative when not known), and the number of
    the request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest = 0
        self._progress = Progress()

    def load(self, path: Path) -> int:
        """Start loading ``path``; returns the request's number."""
        self._progress.cancel()  # a load overtaken has nothing left to do
        self.latest += 1
        request = self.latest

        def report(what: str, done: float | None) -> None:
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self.progressed.emit(what, -1.0 if done is None else done, request)

        self._progress = Progress(report)
        worker = threading.Thread(
            target=self._run,
            args=(path, request, self._progress),
            name=f"load {path}",
            daemon=True,
        )
        worker.start()
        return request

    def cancel(self) -> None:
        """Stop the current load: its thread stops at its next step (a block of rows at most)
        and says nothing more."""
        self._progress.cancel()

    def _run(self, path: Path, request: int, progress: Progress) -> None:
        try:
            result = load_briefing(path, use_cache=True, progress=progress, store_later=True)
            if result.briefing is not None:
                with collector_paused():
                    result.briefing.index_stances()  # every tab's lookup, off the window's thread
        except Cancelled:
            return
        except Exception as exc:  # reported in the window, like any other problem
            traceback.print_exc()
            problem = Problem(Location(str(path)), f"could not be read: {exc}")
            result = LoadResult(path, None, (problem,))
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.loaded.emit(result, request)
        if result.briefing is not None:
            # Not under the collector's pause: warm gives way to the window, and what the
            # window makes meanwhile must not be frozen out of the collector's sight.
            result.briefing.warm()  # while the reader looks at the first tab, not before
        if result.store is not None:
            result.store()  # the cache entry, for the next start: after what the tabs need
