"""A briefing's problems, one ``file:line:col`` per row: the page of a briefing that cannot be
opened, and the panel beside one that can (a saved version with errors, text that could not be
shown)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.domain.problems import Location, Problem
from viewer.ui.editor import open_in_editor
from viewer.ui.roles import LOCATION_ROLE


class ErrorsView(QWidget):
    edit_failed = Signal(str)
    """Why a problem's file could not be opened for editing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("errorsHeading")
        self.list = QListWidget()
        self.list.setAccessibleName("Problems")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)  # a problem that lists where else a name is used is long
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self.edit)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.list, self.copy_current)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        hint = QLabel(
            "Double-click or press Enter on a problem to open its file at that line in your "
            "editor ($VISUAL, $EDITOR or the desktop's choice); the briefing reloads when you "
            "save. Ctrl+C copies its file:line:col."
        )
        hint.setWordWrap(True)
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
            item.setData(LOCATION_ROLE, problem.location)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def copy_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            QGuiApplication.clipboard().setText(str(item.data(LOCATION_ROLE)))

    def edit(self, item: QListWidgetItem) -> None:
        """Open the problem's file at its line; say in the heading when that cannot be done."""
        location = item.data(LOCATION_ROLE)
        failure = open_in_editor(location) if isinstance(location, Location) else None
        if failure:
            self.edit_failed.emit(failure)


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
