"""Listing, indexing and searching the library off the window's thread (indexing in a child
process: see :mod:`viewer.domain.indexing`).

One scanner per process, so that the Library tab and the search box share one index writer: one
scan at a time, and asking again while one runs makes one more run after it, so the last change
is always seen. The searcher has its own thread and connection; only the reader's latest words
are looked up, so typing fast never queues searches.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from viewer import folders
from viewer.domain.indexing import index_library
from viewer.domain.library import Entry, Shelf
from viewer.domain.search import Found, SearchIndex
from viewer.resources import briefings_dir

HITS = 200
"""The most matches a search shows; the best come first."""


class LibraryScanner(QObject):
    progress = Signal(int, int)
    """Briefings done, and in all."""
    scanned = Signal(object)
    """The library's entries, in order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._running = False
        self._again = False
        self.entries: list[Entry] | None = None
        """What the last scan found (None before the first one ends)."""

    @property
    def running(self) -> bool:
        with self._lock:
            return self._running

    def scan(self) -> None:
        """List and index the library again, in the background."""
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        threading.Thread(target=self._run, name="library scan", daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                paths = Shelf.read(folders.shelf_file()).places(briefings_dir())
                skipped = index_library(folders.index_file(), paths, self._report)
                for path in skipped:
                    print(f"briefing-viewer: could not index {path}", file=sys.stderr)
                index = SearchIndex(folders.index_file())
                try:  # what the child indexed, read back without loading anything here
                    entries = index.catalogue(paths, read=False)
                finally:
                    index.close()
            except Exception:  # a library that cannot be listed must not take the app down
                traceback.print_exc()
                entries = []
            self.entries = entries
            with contextlib.suppress(RuntimeError):  # the app is closing
                self.scanned.emit(entries)
            with self._lock:
                if not self._again:
                    self._running = False
                    return
                self._again = False

    def _report(self, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):
            self.progress.emit(done, total)


class LibrarySearcher(QObject):
    found = Signal(str, object)
    """The words looked up, and what was :class:`Found` for them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._wanted: tuple[str, list[Path] | None] | None = None
        self._thread: threading.Thread | None = None

    def ask(self, words: str, within: list[Path] | None = None) -> None:
        """Look ``words`` up (only in the briefings ``within``, when given); an earlier question
        not yet started is dropped."""
        with self._condition:
            self._wanted = (words, within)
            self._condition.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="search", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        index: SearchIndex | None = None
        while True:
            with self._condition:
                while self._wanted is None:
                    self._condition.wait()
                (words, within), self._wanted = self._wanted, None
            try:
                index = index or SearchIndex(folders.index_file())
                found = index.search(words, HITS, within)
            except sqlite3.Error:  # damaged under us: the scanner rebuilds it; ask again later
                traceback.print_exc()
                if index is not None:
                    index.close()
                index, found = None, Found([], capped=False)
            with contextlib.suppress(RuntimeError):
                self.found.emit(words, found)


_scanner: LibraryScanner | None = None


def library_scanner() -> LibraryScanner:
    """The process's scanner (the Library tab and the search box share it)."""
    global _scanner
    if _scanner is None:
        _scanner = LibraryScanner(QCoreApplication.instance())
    return _scanner
