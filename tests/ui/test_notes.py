"""Bookmarks and notes as the reader makes them: Ctrl+D, Ctrl+Shift+N, the Notes pane, jumps
back, detached notes after a briefing changes, and export as Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPlainTextEdit,
)

from tests.conftest import MINIMAL
from tests.ui.helpers import open_and_wait
from viewer import folders
from viewer.domain.notes import Mark, NoteStore
from viewer.ui.actors_view import ActorsView
from viewer.ui.main_window import MainWindow


def press(qtbot, window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, key, modifiers)


def type_note(qtbot, window: MainWindow, text: str, by_keys: bool = False) -> QInputDialog:
    """Type ``text`` into the open note dialog and press its OK button (or Ctrl+Enter)."""
    dialog = window.findChild(QInputDialog, "note-dialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    editor = dialog.findChild(QPlainTextEdit)
    editor.setFocus()
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)
    if by_keys:
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


def pane_rows(window: MainWindow) -> list[str]:
    return window.notes.pane.rows()


def test_ctrl_d_bookmarks_the_passage_and_again_removes_it(
    qtbot, window: MainWindow, bundled
) -> None:
    stance = bundled.stances[0]
    window.navigator.go_to_passage(stance.passage)
    press(qtbot, window, Qt.Key.Key_D)
    assert window.statusBar().currentMessage().startswith("Bookmarked: Passage: ")
    press(qtbot, window, Qt.Key.Key_B, shift=True)
    assert window.notes.dock.isVisible()
    rows = pane_rows(window)
    assert rows[0] == "Bookmarks (1)"
    paragraph = window.briefing_view.block_of(stance.passage).text()
    assert paragraph[:40] in rows[1]
    press(qtbot, window, Qt.Key.Key_D)
    assert window.statusBar().currentMessage().startswith("Bookmark removed")
    assert pane_rows(window) == []
    assert window.notes.pane.empty.isVisible()


def test_ctrl_d_on_a_briefing_just_opened_bookmarks_its_first_passage(
    qtbot, window: MainWindow, bundled
) -> None:
    """At the top of the text the reader is on the title, which is no passage: the bookmark
    goes to the first one, not to an error."""
    window.briefing_view.text.verticalScrollBar().setValue(0)
    press(qtbot, window, Qt.Key.Key_D)
    assert window.statusBar().currentMessage().startswith("Bookmarked: Passage: ")
    view = window.briefing_view
    blocks = [view.block_of(anchor) for anchor in bundled.anchors]
    first = min((b for b in blocks if b is not None), key=lambda block: block.blockNumber())
    press(qtbot, window, Qt.Key.Key_B, shift=True)
    assert first.text()[:40] in pane_rows(window)[1]


def test_a_note_on_an_actor_is_listed_and_jumps_back(qtbot, window: MainWindow, bundled) -> None:
    actor = bundled.actors[1]
    window.navigator.go_to_actor(actor.id)
    press(qtbot, window, Qt.Key.Key_N, shift=True)
    type_note(qtbot, window, "Ask about the arms figures.")
    qtbot.waitUntil(lambda: window.notes.dock.isVisible())
    assert pane_rows(window) == [
        "Notes (1)",
        f"  Actor: {actor.name} — Ask about the arms figures.",
    ]
    window.navigator.go_to_actor(bundled.actors[0].id)
    tree = window.notes.pane.tree
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0, tree.model().index(0, 0)))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == actor.id


def test_a_note_on_a_stance_from_the_matrix(qtbot, window: MainWindow, matrix, bundled) -> None:
    stance = bundled.stances[3]
    matrix.table.setFocus()
    matrix.table.setCurrentIndex(matrix.model.index_of(stance.actor, stance.issue))
    press(qtbot, window, Qt.Key.Key_N, shift=True)
    dialog = type_note(qtbot, window, "Compare with 2015.\nAnd 2016.", by_keys=True)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    store = NoteStore(folders.notes_file())
    notes = store.notes(bundled.id)
    store.close()
    assert [(n.target, n.mark, n.text) for n in notes] == [
        (f"stance:{stance.actor}/{stance.issue}", Mark.NOTE, "Compare with 2015.\nAnd 2016.")
    ]
    actor, issue = bundled.actor_by_id[stance.actor], bundled.issue_by_id[stance.issue]
    assert pane_rows(window)[1].startswith(f"  Stance: {actor.name} on {issue.title} — Compare")


def test_cancelling_the_dialog_writes_nothing(qtbot, window: MainWindow, bundled) -> None:
    window.navigator.go_to_actor(bundled.actors[0].id)
    press(qtbot, window, Qt.Key.Key_N, shift=True)
    dialog = window.findChild(QInputDialog, "note-dialog")
    qtbot.keyClicks(dialog.findChild(QPlainTextEdit), "never mind")
    dialog.reject()
    press(qtbot, window, Qt.Key.Key_B, shift=True)
    assert pane_rows(window) == []


def test_a_note_whose_place_left_the_briefing_is_kept_detached(
    qtbot, new_window, tmp_path: Path
) -> None:
    folder = tmp_path / "water"
    shutil.copytree(MINIMAL, folder)
    window = new_window()
    assert open_and_wait(qtbot, window, folder)
    window.navigator.go_to_passage("lowland-farms")
    press(qtbot, window, Qt.Key.Key_N, shift=True)
    type_note(qtbot, window, "Which union?")
    prose = folder / "briefing.md"
    prose.write_text(prose.read_text().replace("{: #lowland-farms }", ""), encoding="utf-8")
    yaml = folder / "briefing.yaml"
    yaml.write_text(yaml.read_text().replace("passage: lowland-farms", "passage: power"))
    assert open_and_wait(qtbot, window, folder)
    window.notes.show_pane()
    rows = pane_rows(window)
    assert rows[0] == "Detached: their place is no longer in the briefing (1)"
    assert "Which union?" in rows[1]
    store = NoteStore(folders.notes_file())
    assert [n.text for n in store.notes("water-talks")] == ["Which union?"]
    store.close()


def test_export_writes_the_notes_as_markdown(
    qtbot, window: MainWindow, bundled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = bundled.actors[0]
    window.navigator.go_to_actor(actor.id)
    press(qtbot, window, Qt.Key.Key_N, shift=True)
    type_note(qtbot, window, "Line one.\nLine two.")
    out = tmp_path / "mine.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(window.notes.pane.export_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# Notes on “{bundled.title}”")
    assert f"### Actor: {actor.name}\n\n> {actor.name}\n\nLine one.\nLine two.\n" in text


def test_an_unreadable_notes_file_is_set_aside_and_said(qtbot, window: MainWindow, bundled) -> None:
    path = folders.notes_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 100)
    window.navigator.go_to_actor(bundled.actors[0].id)
    press(qtbot, window, Qt.Key.Key_D)
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "could not be read" in box.text() and "nothing in it was deleted" in box.text()
    aside = list(path.parent.glob("notes.sqlite.unreadable-*"))
    assert [p.read_bytes() for p in aside] == [b"garbage" * 100]
    assert window.statusBar().currentMessage().startswith("Bookmarked")
