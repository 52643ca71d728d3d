"""Bookmarks and notes for one window: the store, the Notes pane, and the dialogs that write.

The store is opened the first time it is needed, not at start-up. Every change is written at
once (one transaction each, see :mod:`viewer.domain.notes`); another window's changes show when
this one comes back into focus.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
)

from viewer import folders
from viewer.domain.atomic import write_bytes
from viewer.domain.model import Briefing
from viewer.domain.notes import Mark, NoteStore
from viewer.domain.targets import Target
from viewer.presentation.notes import KIND_NAMES, ShownNote, notes_markdown, place_name, shown_notes
from viewer.ui.navigation import Navigator
from viewer.ui.notes_pane import NotesPane

QUOTE_SHOWN = 240
"""Characters of the noted words the note dialog shows."""


class _SaveOnCtrlEnter(QObject):
    """Ctrl+Enter in the note's text accepts its dialog; Enter alone starts a new line."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.dialog.accept()
            return True
        return False


class NotesKeeper(QObject):
    def __init__(self, window: QMainWindow, navigator: Navigator) -> None:
        super().__init__(window)
        self.window = window
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self._store: NoteStore | None = None
        self.pane = NotesPane()
        self.dock = QDockWidget("Notes", window)
        self.dock.setObjectName("notes")
        self.dock.setWidget(self.pane)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.pane.go.connect(self._go)
        self.pane.edit_requested.connect(self.edit)
        self.pane.delete_requested.connect(self.delete)
        self.pane.export_requested.connect(self.export)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._application_state)

    # -- the store --------------------------------------------------------------------------

    def store(self) -> NoteStore | None:
        """The notes database, opened on first use; None (with the reason said) if it cannot be."""
        if self._store is None:
            path = folders.notes_file()
            try:
                self._store = NoteStore(path)
            except (OSError, sqlite3.Error) as exc:
                self._warn(f"Your notes cannot be opened ({exc}); nothing was changed in {path}.")
                return None
            if self._store.set_aside is not None:
                self._warn(
                    f"Your notes database could not be read. It was kept as "
                    f"{self._store.set_aside} (nothing in it was deleted) and a new one started."
                )
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _warn(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Notes", message, parent=self.window)
        box.open()

    def _write(self, change: str, write: Callable[[], object]) -> bool:
        """Run one write, saying plainly if it failed (the reader's words are then still in
        front of them, never silently dropped)."""
        try:
            write()
        except (OSError, sqlite3.Error) as exc:
            self._warn(f"Could not {change}: {exc}")
            return False
        self.refresh()
        return True

    # -- showing ----------------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.refresh()

    def notes(self) -> list[ShownNote]:
        store = self.store() if self.briefing is not None else None
        if store is None or self.briefing is None:
            return []
        return shown_notes(self.briefing, store.notes(self.briefing.id))

    def refresh(self) -> None:
        """List the notes again, when the pane is on show (it is filled when it opens)."""
        if self.dock.isVisible():
            self.pane.show_notes(self.notes())

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.pane.show_notes(self.notes())

    def _application_state(self, state: Qt.ApplicationState) -> None:
        """Another window may have written meanwhile."""
        active = state == Qt.ApplicationState.ApplicationActive
        if active and self._store is not None and self._store.changed_elsewhere():
            self.refresh()

    def show_pane(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.pane.tree.setFocus()

    def _go(self, shown: ShownNote) -> None:
        if shown.target is not None:
            self.navigator.go(shown.target)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    # -- writing ----------------------------------------------------------------------------

    def toggle_bookmark(self, target: Target, quote: str) -> None:
        """Bookmark the place, or take the bookmark away if it has one."""
        store = self.store()
        if store is None or self.briefing is None:
            return
        briefing = self.briefing
        where = f"{KIND_NAMES[target.kind]}: {place_name(briefing, target)}"
        existing = store.bookmark(briefing.id, target.url())
        if existing is not None:
            if self._write("remove the bookmark", lambda: store.delete(existing.id)):
                self._status(f"Bookmark removed: {where}")
            return
        if self._write(
            "save the bookmark",
            lambda: store.add(briefing.id, target.url(), Mark.BOOKMARK, "", quote),
        ):
            self._status(f"Bookmarked: {where} (Ctrl+D again removes it)")

    def write_note(self, target: Target, quote: str) -> None:
        """Ask for a note on the place and save it as soon as the reader says OK."""
        if self.briefing is None:
            return
        briefing = self.briefing
        where = f"{KIND_NAMES[target.kind]}: {place_name(briefing, target)}"

        def save(text: str) -> None:
            store = self.store()
            if store is None or not text.strip():
                return
            if self._write(
                "save the note",
                lambda: store.add(briefing.id, target.url(), Mark.NOTE, text, quote),
            ):
                self._status(f"Note saved on {where}")
                self.show_pane()

        self._ask(f"Note on {where}", quote, "", save)

    def edit(self, shown: ShownNote) -> None:
        note = shown.note

        def save(text: str) -> None:
            store = self.store()
            if store is not None:
                self._write("save the note", lambda: store.edit(note.id, text))

        self._ask(f"Note on {shown.place}", note.quote, note.text, save)

    def _ask(self, title: str, quote: str, text: str, save: Callable[[str], None]) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("note-dialog")
        dialog.setWindowTitle(title)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        shown = " ".join(quote.split())
        if len(shown) > QUOTE_SHOWN:
            shown = shown[: QUOTE_SHOWN - 1] + "…"
        prompt = "Your note (Ctrl+Enter saves it):"
        dialog.setLabelText(f"“{shown}”\n\n{prompt}" if shown else prompt)
        label = dialog.findChild(QLabel)
        if label is not None:  # unwrapped, a long paragraph widens the dialog past the screen
            label.setWordWrap(True)
        dialog.setTextValue(text)
        dialog.resize(560, 360)
        dialog.textValueSelected.connect(save)
        editor = dialog.findChild(QPlainTextEdit)
        if editor is not None:
            editor.installEventFilter(_SaveOnCtrlEnter(dialog))
        dialog.open()

    def delete(self, shown: ShownNote) -> None:
        store = self.store()
        if store is None:
            return
        note = shown.note
        if note.mark is Mark.NOTE and note.text.strip():
            answer = QMessageBox.question(
                self.window,
                "Delete note",
                f"Delete your note on {shown.place}?\n\n{note.text[:300]}",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._write("delete it", lambda: store.delete(note.id)):
            self._status(f"Deleted: {shown.place}")

    def export(self) -> None:
        """Save the open briefing's notes as Markdown, atomically."""
        if self.briefing is None:
            return
        store = self.store()
        if store is None:
            return
        briefing = self.briefing
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export notes", f"{briefing.id}-notes.md", "Markdown (*.md)"
        )
        if not name:
            return
        text = notes_markdown(briefing, store.notes(briefing.id))
        try:
            write_bytes(Path(name), text.encode("utf-8"))
        except OSError as exc:
            self._warn(f"Could not write {name}: {exc.strerror or exc}")
            return
        self._status(f"Notes saved to {name}")
