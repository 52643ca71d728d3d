"""A briefing's problems, one ``file:line:col`` per row: the page of a briefing that cannot be
opened, and the panel beside one that can (a saved version with errors, text that could not be
shown)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.domain.problems import Problem
from viewer.ui.roles import LOCATION_ROLE


class ErrorsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("errorsHeading")
        self.list = QListWidget()
        self.list.setAccessibleName("Problems")
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self.copy_location)
        self.list.itemDoubleClicked.connect(self.copy_location)
        hint = QLabel("Double-click or press Enter on a problem to copy its file:line location.")
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)

    def show_problems(self, heading: str, problems: Sequence[Problem]) -> None:
        """List ``problems`` under ``heading`` (rich text; the caller escapes what it quotes)."""
        self.heading.setText(heading)
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(LOCATION_ROLE, str(problem.location))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def copy_location(self, item: QListWidgetItem) -> None:
        QGuiApplication.clipboard().setText(item.data(LOCATION_ROLE))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def cannot_open_heading(folder: str, problems: Sequence[Problem], watching: bool) -> str:
    errors = sum(p.is_error for p in problems)
    after = (
        "Fix these and save: the briefing opens by itself."
        if watching
        else "Fix these and open it again (File ▸ Open)."
    )
    return f"<b>{escape(folder)}</b> cannot be opened: {plural(errors, 'error')}. {after}"
