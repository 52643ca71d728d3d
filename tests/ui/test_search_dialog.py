"""Search across the library (Ctrl+K): hits as the reader types, grouped by briefing, and Enter
opening the briefing at the hit's place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.conftest import MINIMAL
from viewer import folders
from viewer.domain.library import Shelf
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow
from viewer.ui.matrix.view import MatrixView
from viewer.ui.search_dialog import HIT_ROLE, HTML_ROLE, SearchDialog


@pytest.fixture
def kept(tmp_path: Path) -> Path:
    """A copy of the minimal briefing in a library folder the reader added."""
    folder = tmp_path / "kept"
    shutil.copytree(MINIMAL, folder / "water")
    shelf = Shelf()
    shelf.add_folder(folder)
    shelf.write(folders.shelf_file())
    return folder / "water"


def search(qtbot, window: MainWindow, words: str) -> SearchDialog:
    """Press Ctrl+K (or, with the window not active, choose Edit ▸ Search the library), type
    ``words`` and wait for the results of exactly those words."""
    if QApplication.activeWindow() is window:
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    else:  # the offscreen platform gives activation back to no window when a dialog hides
        window.commands["search"].trigger()
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.scanner.running, timeout=30_000)
    qtbot.keyClicks(dialog.box, words)
    qtbot.waitUntil(lambda: dialog.shown_words == words, timeout=10_000)
    return dialog


def headings(dialog: SearchDialog) -> list[str]:
    return [dialog.model.item(row).text() for row in range(dialog.model.rowCount())]


def hit_rows(dialog: SearchDialog) -> list[QModelIndex]:
    model = dialog.model
    return [
        model.index(child, 0, model.index(row, 0))
        for row in range(model.rowCount())
        for child in range(model.rowCount(model.index(row, 0)))
    ]


def choose(qtbot, dialog: SearchDialog, target: str) -> None:
    """Move to the hit that opens ``target`` and press Enter on it."""
    for index in hit_rows(dialog):
        if index.data(HIT_ROLE).target == target:
            dialog.results.setFocus()
            dialog.results.setCurrentIndex(index)
            qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
            return
    raise AssertionError(f"no hit opens {target}: {[i.data() for i in hit_rows(dialog)]}")


def test_hits_are_grouped_by_briefing_and_say_what_they_are(
    qtbot, window: MainWindow, kept: Path, minimal
) -> None:
    dialog = search(qtbot, window, "reservoir")
    assert headings(dialog) == [f"{minimal.title} (3)"]
    shown = sorted(index.data().split(":")[0] for index in hit_rows(dialog))
    assert shown == ["Issue", "Passage", "Stance"]
    assert dialog.status.text() == "3 matches in 1 briefing"
    stance = next(i for i in hit_rows(dialog) if i.data().startswith("Stance"))
    assert stance.data().startswith("Stance: Lowland on Fast filling — Fears a dry season")
    assert "reservoir" in stance.data()


def test_a_word_in_two_briefings_lists_both(
    qtbot, window: MainWindow, kept: Path, minimal, bundled
) -> None:
    dialog = search(qtbot, window, "power")
    titles = [heading.rsplit(" (", 1)[0] for heading in headings(dialog)]
    assert sorted(titles) == sorted([minimal.title, bundled.title])
    for row in range(dialog.model.rowCount()):
        heading = dialog.model.index(row, 0)
        paths = {
            dialog.model.index(child, 0, heading).data(HIT_ROLE).path
            for child in range(dialog.model.rowCount(heading))
        }
        assert len(paths) == 1


def test_search_as_you_type_shows_the_latest_words(qtbot, window: MainWindow, kept: Path) -> None:
    dialog = search(qtbot, window, "riparia")  # the last word is a prefix while typing
    assert [index.data(HIT_ROLE).target for index in hit_rows(dialog)] == ["actor:river-commission"]
    qtbot.keyClicks(dialog.box, "zzz")
    qtbot.waitUntil(lambda: dialog.shown_words == "ripariazzz", timeout=10_000)
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "No match for “ripariazzz”"


def test_enter_on_a_stance_opens_its_briefing_with_the_matrix_cell_selected(
    qtbot, window: MainWindow, kept: Path, minimal
) -> None:
    dialog = search(qtbot, window, "farmers union")
    with qtbot.waitSignal(window.opened, timeout=30_000):
        choose(qtbot, dialog, "stance:lowland/fast-fill")
    assert not dialog.isVisible()
    assert window.path == kept
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == window.tab_of(MatrixView))
    assert window.view(MatrixView).current_ids() == ("lowland", "fast-fill")


def test_enter_on_an_actor_opens_the_profile(
    qtbot, window: MainWindow, kept: Path, minimal
) -> None:
    dialog = search(qtbot, window, "mediates")
    with qtbot.waitSignal(window.opened, timeout=30_000):
        choose(qtbot, dialog, "actor:river-commission")
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == window.tab_of(ActorsView))
    actors = window.view(ActorsView)
    assert actors.current_actor() == "river-commission"
    assert actors.profile.toPlainText().startswith("River Commission")


def test_enter_in_the_box_opens_the_best_hit_at_its_passage(
    qtbot, window: MainWindow, kept: Path
) -> None:
    dialog = search(qtbot, window, "fill the reservoir in three years")
    best = hit_rows(dialog)[0].data(HIT_ROLE)
    assert best.target == "passage:upland-plan"
    with qtbot.waitSignal(window.opened, timeout=30_000):
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    view = window.briefing_view
    qtbot.waitUntil(lambda: view.highlighted_anchor == "upland-plan", timeout=10_000)
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert "fill the reservoir in three years" in view.highlighted_text()


def test_a_hit_in_the_open_briefing_jumps_without_reopening(
    qtbot, window: MainWindow, bundled
) -> None:
    actor = bundled.actors[0]
    dialog = search(qtbot, window, actor.name)
    opened = []
    window.opened.connect(opened.append)
    choose(qtbot, dialog, f"actor:{actor.id}")
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == actor.id
    assert opened == []


def test_a_briefing_saved_meanwhile_is_found_as_it_now_reads(
    qtbot, window: MainWindow, kept: Path
) -> None:
    dialog = search(qtbot, window, "floodplain")
    assert dialog.model.rowCount() == 0
    prose = kept / "briefing.md"
    prose.write_text(prose.read_text() + "\nThe floodplain is farmed.\n", encoding="utf-8")
    dialog.hide()
    dialog.box.clear()
    qtbot.waitUntil(lambda: dialog.shown_words == "")
    dialog = search(qtbot, window, "floodplain")
    assert [index.data(HIT_ROLE).path for index in hit_rows(dialog)] == [kept]


def test_each_result_is_as_tall_as_its_text_and_the_match_reads_when_selected(
    qtbot, window: MainWindow, kept: Path
) -> None:
    dialog = search(qtbot, window, "reservoir")
    dialog.resize(760, 560)
    qtbot.waitUntil(lambda: dialog.results.visualRect(hit_rows(dialog)[0]).height() > 0)
    line = dialog.results.fontMetrics().lineSpacing()
    for index in hit_rows(dialog):  # a label and a snippet of 24 words: at most four lines
        assert line * 2 <= dialog.results.visualRect(index).height() <= line * 4 + 12
    palette = dialog.results.palette()
    selected = dialog.results.currentIndex().data(HTML_ROLE)
    assert f"color:{palette.color(QPalette.ColorRole.Text).name()}" in selected
    assert palette.color(QPalette.ColorRole.HighlightedText).name() not in selected
