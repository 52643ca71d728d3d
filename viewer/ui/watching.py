"""Noticing when an author saves a file of the open briefing, so the window can reload it.

Qt's file watcher reports writes to a watched file, and changes to the entries of a watched folder.
Editors save in two ways: in place (a write) or by writing a new file and renaming it over the old
one, after which the watcher has lost the old file. Watching the folders as well catches the
rename, and the paths are watched again after every reload. Editors touch files in bursts, so a
change is reported once things have been quiet for a moment, and only if some watched file's size
or modification time really differs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from viewer.domain.textfiles import BRIEFING_FILE, FileStamp

QUIET_MS = 200
"""How long the files must stay untouched before a change is reported."""


class BriefingWatcher(QObject):
    changed = Signal()
    """Some file of the briefing differs from when :meth:`watch` was last called."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._settle)
        self._seen: dict[Path, FileStamp] = {}
        """Each watched file as the briefing was read from it."""

    def watch(self, folder: Path, files: Iterable[FileStamp]) -> None:
        """Watch ``files`` and the folders that hold them (and ``folder`` itself).

        ``files`` are as they were when the briefing was read from them, so a save made
        while it loaded is still a change; a change already noticed stays pending.
        """
        self._forget()
        folder = folder if folder.is_dir() else folder.parent  # a bundle: watch beside it
        self._seen = {stamp.path: stamp for stamp in files}
        briefing = folder / BRIEFING_FILE
        self._seen.setdefault(briefing, FileStamp.of(briefing))
        folders = {folder} | {path.parent for path in self._seen}
        existing = [str(p) for p in (*self._seen, *folders) if p.exists()]
        if existing:
            with contextlib.suppress(RuntimeError):
                self._watcher.addPaths(existing)
        if not all(stamp.current for stamp in self._seen.values()):
            # Saved since it was read: Qt's notice of it may have gone with the old paths.
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._forget()

    def _forget(self) -> None:
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._seen = {}

    def _touched(self, _path: str) -> None:
        self._timer.start()

    def _settle(self) -> None:
        if not all(stamp.current for stamp in self._seen.values()):
            self._seen = {path: FileStamp.of(path) for path in self._seen}
            self.changed.emit()
        else:  # a file replaced by rename is no longer watched: watch it again
            watched = set(self._watcher.files())
            again = [str(p) for p in self._seen if str(p) not in watched and p.exists()]
            if again:
                self._watcher.addPaths(again)
