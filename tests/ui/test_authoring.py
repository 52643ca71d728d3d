"""Authors in the window: File ▸ Reload, and a problem opened at its line in their editor."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import BAD, MINIMAL
from tests.ui.helpers import open_and_wait
from viewer.domain.problems import Location
from viewer.domain.starter import write_starter
from viewer.ui.editor import editor_command
from viewer.ui.matrix.view import MatrixView


def test_a_new_briefing_opens_with_its_stance_in_the_matrix(qtbot, new_window, tmp_path) -> None:
    folder = tmp_path / "started"
    write_starter(folder, "A first briefing")
    window = new_window()
    assert open_and_wait(qtbot, window, folder)
    assert window.windowTitle().startswith("A first briefing")
    matrix = window.view(MatrixView)
    window.show_tab(window.tab_of(MatrixView))
    assert matrix.model.stance_at(matrix.model.index_of("first-actor", "first-issue"))


def test_f5_reloads_the_briefing_from_its_files(qtbot, new_window, tmp_path: Path) -> None:
    folder = tmp_path / "briefing"
    shutil.copytree(MINIMAL, folder)
    window = new_window(watch=False)
    assert open_and_wait(qtbot, window, folder)
    prose = folder / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nA line added by the author.\n")
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(window.opened, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.briefing_view.filling)
    assert "A line added by the author." in window.briefing_view.text.toPlainText()


def test_double_clicking_a_problem_opens_its_file_at_its_line_in_the_editor(
    qtbot, new_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "editor-arguments"
    editor = tmp_path / "fake-editor"
    editor.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("VISUAL", str(editor))
    folder = tmp_path / "bad"
    shutil.copytree(BAD / "bad-date", folder)
    window = new_window()
    assert not open_and_wait(qtbot, window, folder)
    problems = window.errors_view.list
    item = problems.item(0)
    spot = problems.visualItemRect(item).center()
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(record.exists, timeout=10_000)
    qtbot.waitUntil(lambda: len(record.read_text().splitlines()) == 2)
    assert record.read_text().splitlines() == ["+6", str(folder / "briefing.yaml")]
    problems.setCurrentItem(item)
    qtbot.keyClick(problems, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == f"{folder / 'briefing.yaml'}:6:7"


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("code --wait", ["code", "--wait", "--goto", "f.yaml:3:5"]),
        ("kate", ["kate", "--line", "3", "--column", "5", "f.yaml"]),
        ("gedit", ["gedit", "+3", "f.yaml"]),
    ],
)
def test_each_editor_is_told_the_line_its_own_way(editor: str, expected: list[str]) -> None:
    assert editor_command(editor, Location("f.yaml", 3, 5)) == expected


def test_a_terminal_editor_gets_a_terminal_when_there_is_one(monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/x-terminal-emulator")
    assert editor_command("vim", Location("f.md", 9)) == [
        "/usr/bin/x-terminal-emulator",
        "-e",
        "vim",
        "+9",
        "f.md",
    ]
