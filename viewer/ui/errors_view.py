"""The list of problems of a briefing that could not be opened, one location per row."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.domain.problems import Problem

LOCATION_ROLE = Qt.ItemDataRole.UserRole


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

    def show_problems(self, folder: str, problems: tuple[Problem, ...]) -> None:
        errors = sum(p.is_error for p in problems)
        self.heading.setText(
            f"<b>{escape(folder)}</b> cannot be opened: "
            f"{errors} error{'s' if errors != 1 else ''}. "
            "Fix these and open it again (File ▸ Open)."
        )
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(LOCATION_ROLE, str(problem.location))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def copy_location(self, item: QListWidgetItem) -> None:
        QGuiApplication.clipboard().setText(item.data(LOCATION_ROLE))
