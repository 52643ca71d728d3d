"""The Library tab: what a reader sees of the briefings they keep, and opening one from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.conftest import BAD, MINIMAL
from viewer import folders
from viewer.domain import bundles
from viewer.domain.library import Shelf
from viewer.ui.briefing_view import BriefingView
from viewer.ui.library_view import LibraryView
from viewer.ui.main_window import MainWindow
from viewer.ui.roles import ID_ROLE


@pytest.fixture
def shelf_folder(tmp_path: Path) -> Path:
    """A library folder: a valid briefing, one with errors and a bundle, added to the shelf."""
    folder = tmp_path / "kept"
    shutil.copytree(MINIMAL, folder / "minimal")
    shutil.copytree(BAD / "unknown-actor-reference", folder / "broken")
    bundles.pack(MINIMAL, folder / "packed.briefing")
    shelf = Shelf()
    shelf.add_folder(folder)
    shelf.write(folders.shelf_file())
    return folder


def show_library(qtbot, window: MainWindow) -> LibraryView:
    """Switch to the Library tab with its shortcut and wait until it has listed the library."""
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.tab_of(LibraryView)
    library = window.view(LibraryView)
    qtbot.waitUntil(lambda: library.count.text() != "", timeout=30_000)
    return library


def rows(library: LibraryView) -> list[dict[str, str]]:
    model = library.table.model()
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {columns[c]: str(model.index(r, c).data() or "") for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def select_row(library: LibraryView, path: Path) -> None:
    """Select the row of the briefing at ``path`` as the reader would, with the keyboard."""
    library.table.setFocus()
    model = library.table.model()
    for row in range(model.rowCount()):
        if Path(model.index(row, 0).data(ID_ROLE)) == path:
            library.table.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"no row for {path}: {rows(library)}")


def test_library_lists_the_bundled_briefing_and_the_added_folder(
    qtbot, window: MainWindow, shelf_folder: Path
) -> None:
    library = show_library(qtbot, window)
    shown = rows(library)
    titles = [row["Title"] for row in shown]
    assert window.briefing is not None and window.briefing.title in titles
    assert sorted(row["State"] for row in shown) == ["1 error", "valid", "valid", "valid"]
    assert len(shown) == 4  # bundled, minimal, broken, the bundle
    assert library.count.text() == "4 briefings"


def test_filter_narrows_the_list(qtbot, window: MainWindow, shelf_folder: Path) -> None:
    library = show_library(qtbot, window)
    qtbot.keyClicks(library.filter, "packed")
    assert len(rows(library)) == 1  # a bundle is found by its file's name too
    library.filter.clear()
    assert len(rows(library)) == 4


def test_enter_opens_the_selected_briefing(
    qtbot, window: MainWindow, shelf_folder: Path, minimal
) -> None:
    library = show_library(qtbot, window)
    select_row(library, shelf_folder / "minimal")
    with qtbot.waitSignal(window.opened, timeout=30_000) as opened:
        qtbot.keyClick(library.table, Qt.Key.Key_Return)
    assert opened.args == [True]
    assert window.path == shelf_folder / "minimal"
    assert window.windowTitle().startswith(minimal.title)
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)  # the reader lands on the text


def test_remove_takes_a_briefing_off_the_list_but_leaves_its_files(
    qtbot, window: MainWindow, shelf_folder: Path, minimal
) -> None:
    library = show_library(qtbot, window)
    select_row(library, shelf_folder / "packed.briefing")
    qtbot.mouseClick(library.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library.count.text() == "3 briefings", timeout=30_000)
    assert not [row for row in rows(library) if row["File"].endswith("packed.briefing")]
    assert (shelf_folder / "packed.briefing").is_file()
    select_row(library, shelf_folder / "minimal")
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)  # the key does what the button does
    qtbot.waitUntil(lambda: library.count.text() == "2 briefings", timeout=30_000)
    assert not [row for row in rows(library) if row["File"] == str(shelf_folder / "minimal")]


def test_a_folder_that_is_gone_is_listed_as_missing(
    qtbot, window: MainWindow, shelf_folder: Path
) -> None:
    shutil.rmtree(shelf_folder)
    library = show_library(qtbot, window)
    states = {row["Title"]: row["State"] for row in rows(library)}
    assert states == {window.briefing.title: "valid", "kept": "missing"}
    assert str(shelf_folder) in [row["File"] for row in rows(library)]
    assert library.count.text() == "2 briefings, 1 missing"


def test_add_folder_lists_its_briefings(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal
) -> None:
    folder = tmp_path / "new"
    shutil.copytree(MINIMAL, folder / "one")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    library = show_library(qtbot, window)
    assert library.count.text() == "1 briefing"
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library.count.text() == "2 briefings", timeout=30_000)
    assert minimal.title in [row["Title"] for row in rows(library)]
    assert Shelf.read(folders.shelf_file()).folders == [folder]


@pytest.fixture
def crashing_indexer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's indexing child fails at once, as one that a briefing crashed would."""
    from viewer.domain import indexing

    started = indexing.start_child
    monkeypatch.setattr(
        indexing, "start_child", lambda module, *args: started("viewer.domain.not_there")
    )


def test_an_indexer_that_crashes_leaves_the_library_listed_and_the_app_running(
    crashing_indexer: None, qtbot, window: MainWindow, shelf_folder: Path
) -> None:
    library = show_library(qtbot, window)
    assert [row["State"] for row in rows(library)] == ["could not be read"] * 4
    assert library.count.text() == "4 briefings"
    select_row(library, shelf_folder / "minimal")
    with qtbot.waitSignal(window.opened, timeout=30_000) as opened:
        qtbot.keyClick(library.table, Qt.Key.Key_Return)
    assert opened.args == [True]
    assert window.briefing is not None and window.briefing.id == "water-talks"
