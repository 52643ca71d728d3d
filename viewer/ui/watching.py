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
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

QUIET_MS = 200
"""How long the files must stay untouched before a change is reported."""

Signature = dict[str, tuple[int, int] | None]


def signature(paths: Iterable[str]) -> Signature:
    """Size and modification time of each path (None for a path that is gone)."""
    found: Signature = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found[path] = None
        else:
            found[path] = (info.st_size, info.st_mtime_ns)
    return found


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
        self._files: list[str] = []
        self._seen: Signature = {}

    def watch(self, folder: Path, files: Iterable[Path]) -> None:
        """Watch ``files`` and the folders that hold them (and ``folder`` itself)."""
        self.stop()
        self._files = sorted({str(path) for path in files} | {str(folder / "briefing.yaml")})
        folders = {str(folder)} | {str(Path(path).parent) for path in self._files}
        existing = [p for p in (*self._files, *folders) if os.path.exists(p)]
        if existing:
            with contextlib.suppress(RuntimeError):
                self._watcher.addPaths(existing)
        self._seen = signature(self._files)

    def stop(self) -> None:
        self._timer.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._files, self._seen = [], {}

    def _touched(self, _path: str) -> None:
        self._timer.start()

    def _settle(self) -> None:
        now = signature(self._files)
        if now != self._seen:
            self._seen = now
            self.changed.emit()
        else:  # a file replaced by rename is no longer watched: watch it again
            missing = [p for p in self._files if p not in self._watcher.files()]
            existing = [p for p in missing if os.path.exists(p)]
            if existing:
                self._watcher.addPaths(existing)
