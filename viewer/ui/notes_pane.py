"""The Notes pane: the reader's notes and bookmarks on the open briefing, each a jump back to its
place, with the detached ones (whose place left the briefing) kept and shown apart."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.notes import Mark, Note
from viewer.presentation.notes import ShownNote, note_groups

NOTE_ROLE = Qt.ItemDataRole.UserRole + 30
"""The :class:`ShownNote` of a row (None on a group's heading)."""
PREVIEW = 120
"""Characters of a note's text shown in its row (the whole of it is in the tooltip)."""


def _first_words(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= PREVIEW else words[: PREVIEW - 1] + "…"


class NotesTree(QTreeView):
    """Enter jumps to the current note's place; Delete removes it."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class NotesPane(QWidget):
    go = Signal(object)
    """A :class:`ShownNote` whose place to show."""
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.tree = NotesTree()
        self.tree.setAccessibleName("Notes and bookmarks")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.delete_pressed.connect(self._delete)
        self.empty = QLabel(
            "No notes yet. Ctrl+D bookmarks the place you are at; Ctrl+Shift+N writes a note on "
            "it (a paragraph, an actor, a stance)."
        )
        self.empty.setWordWrap(True)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(lambda: self._with_current(self.edit_requested.emit))
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self._delete)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save these notes as a Markdown file")
        self.export_button.clicked.connect(self.export_requested)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.delete_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.empty)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.show_notes([])

    def show_notes(self, notes: Sequence[ShownNote]) -> None:
        """List ``notes`` by group, keeping the current one current if it is still there."""
        current = self.current()
        self.model.clear()
        keep: QStandardItem | None = None
        for title, members in note_groups(notes):
            heading = QStandardItem(f"{title} ({len(members)})")
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            for shown in members:
                row = QStandardItem(self._row_text(shown))
                row.setData(shown, NOTE_ROLE)
                row.setToolTip(self._tooltip(shown.note))
                if not shown.attached:
                    row.setForeground(self.palette().placeholderText())
                heading.appendRow(row)
                if current is not None and shown.note.id == current.note.id:
                    keep = row
            self.model.appendRow(heading)
        self.tree.expandAll()
        if keep is not None:
            self.tree.setCurrentIndex(keep.index())
        self.empty.setVisible(not notes)
        self.tree.setVisible(bool(notes))
        self._update_buttons()

    @staticmethod
    def _row_text(shown: ShownNote) -> str:
        text = shown.note.text if shown.note.mark is Mark.NOTE else shown.note.quote
        return f"{shown.place} — {_first_words(text)}" if text else shown.place

    @staticmethod
    def _tooltip(note: Note) -> str:
        parts = [f"On: “{_first_words(note.quote)}”"] if note.quote else []
        if note.text:
            parts.append(note.text)
        parts.append(f"{note.mark.value.capitalize()}, {note.updated}")
        return "\n\n".join(parts)

    def current(self) -> ShownNote | None:
        index = self.tree.currentIndex()
        found = index.data(NOTE_ROLE) if index.isValid() else None
        return found if isinstance(found, ShownNote) else None

    def rows(self) -> list[str]:
        """What the pane lists, group headings and notes, as the reader sees it."""
        shown = []
        for row in range(self.model.rowCount()):
            heading = self.model.item(row)
            shown.append(heading.text())
            shown.extend(f"  {heading.child(i).text()}" for i in range(heading.rowCount()))
        return shown

    def _update_buttons(self) -> None:
        current = self.current()
        self.edit_button.setEnabled(current is not None and current.note.mark is Mark.NOTE)
        self.delete_button.setEnabled(current is not None)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _with_current(self, act: Callable[[ShownNote], object]) -> None:
        current = self.current()
        if current is not None:
            act(current)

    def _delete(self) -> None:
        self._with_current(self.delete_requested.emit)

    def _activated(self, index: QModelIndex) -> None:
        shown = index.data(NOTE_ROLE)
        if isinstance(shown, ShownNote) and shown.attached:
            self.go.emit(shown)
