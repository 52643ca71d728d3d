"""Uncaught exceptions: logged to a file and shown briefly, and the app keeps running.

Qt calls Python slots from its event loop, where an exception would otherwise only reach stderr
(or abort the process); a reader should learn something went wrong and where the details are.
"""

from __future__ import annotations

import datetime
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.folders import state_dir

LOG_NAME = "briefing-viewer.log"


def log_path() -> Path:
    return state_dir() / LOG_NAME


class FaultHandler:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.dialog: QMessageBox | None = None

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        path = log_path()
        details = "".join(traceback.format_exception(kind, error, trace))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.datetime.now().isoformat(timespec='seconds')}\n")
                log.write(details)
            where = f"Details were written to {path}."
        except OSError:
            where = "The details could not be written to a log file."
        print(details, file=sys.stderr)
        self.dialog = QMessageBox(
            QMessageBox.Icon.Warning,
            "Something went wrong",
            f"{kind.__name__}: {error}\n\n{where}\nThe app keeps running; "
            "if something looks wrong, reopen the briefing.",
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        self.dialog.setTextFormat(Qt.TextFormat.PlainText)
        self.dialog.open()
