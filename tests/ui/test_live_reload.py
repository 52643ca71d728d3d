"""Live reload: an author saves a file of the open briefing and the window follows within a second,
keeping the reader's place; a broken save shows its errors beside the last good version."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from tests.conftest import MINIMAL
from tests.ui.helpers import open_and_wait
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow

FOLLOW_MS = 1_000
"""What the issue promises an author: the view follows a save within a second."""


@pytest.fixture
def authored(tmp_path: Path) -> Path:
    folder = tmp_path / "draft"
    shutil.copytree(MINIMAL, folder)
    return folder


@pytest.fixture
def live(qtbot, new_window, authored: Path) -> MainWindow:
    window = new_window(watch=True)
    window.resize(900, 500)
    assert open_and_wait(qtbot, window, authored)
    return window


def text_of(window: MainWindow) -> str:
    return window.briefing_view.text.toPlainText()


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_saving_the_prose_shows_the_new_text_in_place(
    qtbot, live: MainWindow, authored: Path
) -> None:
    live.tabs.setCurrentIndex(live.tab_of(ActorsView))
    live.navigator.go_to_actor("lowland")
    with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS):
        edit(authored / "briefing.md", "both depend on it", "both depend on it for water")
    qtbot.waitUntil(lambda: "for water" in text_of(live), timeout=FOLLOW_MS)
    assert live.tabs.currentIndex() == live.tab_of(ActorsView)
    assert live.view(ActorsView).current_actor() == "lowland"
    assert not live.problems_dock.isVisible()


def test_reading_position_survives_a_reload(qtbot, live: MainWindow, authored: Path) -> None:
    view = live.briefing_view
    bar = view.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    top = view.text.cursorForPosition(QPoint(0, 0)).block().text()
    with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS):
        edit(authored / "briefing.yaml", "Water talks on the Rivella", "Water talks, second draft")
    qtbot.waitUntil(lambda: "second draft" in text_of(live), timeout=FOLLOW_MS)
    qtbot.waitUntil(lambda: view.text.cursorForPosition(QPoint(0, 0)).block().text() == top)
    assert live.tabs.currentIndex() == live.tab_of(BriefingView)


def test_a_broken_save_lists_its_errors_beside_the_last_good_version(
    qtbot, live: MainWindow, authored: Path
) -> None:
    data = authored / "briefing.yaml"
    good = data.read_text(encoding="utf-8")
    with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS) as opened:
        data.write_text(good.replace("kind: state", "kind: statee", 1), encoding="utf-8")
    assert opened.args == [False]
    assert live.problems_dock.isVisible()
    rows = [live.problems_view.list.item(n).text() for n in range(live.problems_view.list.count())]
    assert any("'statee' is not a valid actor kind" in row for row in rows)
    assert "last good" in live.problems_view.heading.text() or "loaded at" in (
        live.problems_view.heading.text()
    )
    assert live.pages.currentWidget() is live.tabs, "the last good version stays"
    assert "The Rivella crosses both states" in text_of(live)
    with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS) as opened:
        data.write_text(good.replace("Jane Analyst", "Jane Q. Analyst"), encoding="utf-8")
    assert opened.args == [True]
    assert not live.problems_dock.isVisible()
    qtbot.waitUntil(lambda: "Jane Q. Analyst" in text_of(live), timeout=FOLLOW_MS)


def test_a_file_replaced_by_rename_is_followed_every_time(
    qtbot, live: MainWindow, authored: Path
) -> None:
    prose = authored / "briefing.md"
    for draft in range(3):
        temporary = authored / f".briefing.md.{draft}.tmp"
        temporary.write_text(
            prose.read_text(encoding="utf-8") + f"\nAdded in draft {draft}.\n", encoding="utf-8"
        )
        with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS):
            os.replace(temporary, prose)
        qtbot.waitUntil(lambda draft=draft: f"draft {draft}." in text_of(live), timeout=FOLLOW_MS)


def test_a_briefing_that_could_not_open_opens_once_fixed(qtbot, settings, authored: Path) -> None:
    data = authored / "briefing.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("format: 1", "format: one"), encoding="utf-8")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert not open_and_wait(qtbot, window, authored)
    assert window.pages.currentWidget() is window.errors_view
    assert "opens by itself" in window.errors_view.heading.text()
    with qtbot.waitSignal(window.opened, timeout=FOLLOW_MS) as opened:
        data.write_text(good, encoding="utf-8")
    assert opened.args == [True]
    assert window.pages.currentWidget() is window.tabs


def test_without_watching_nothing_reloads(qtbot, new_window, authored: Path) -> None:
    window = new_window(watch=False)
    assert open_and_wait(qtbot, window, authored)
    with qtbot.assertNotEmitted(window.opened, wait=FOLLOW_MS):
        edit(authored / "briefing.md", "both depend on it", "both depend on it for water")
    assert "for water" not in text_of(window)


def test_a_save_while_the_briefing_loads_is_followed(
    qtbot, live: MainWindow, authored: Path, monkeypatch
) -> None:
    from viewer.ui import loading

    real = loading.load_briefing
    saved: list[bool] = []

    def load_then_save(path, **options):
        result = real(path, **options)
        if not saved:  # the author saves again just after the files were read
            saved.append(True)
            edit(authored / "briefing.md", "both depend on it", "both rely on it")
        return result

    monkeypatch.setattr(loading, "load_briefing", load_then_save)
    edit(authored / "briefing.md", "The Rivella", "The river Rivella")
    qtbot.waitUntil(lambda: "both rely on it" in text_of(live), timeout=3 * FOLLOW_MS)
    assert "The river Rivella" in text_of(live)


def test_opening_another_briefing_is_not_taken_for_a_reload(
    qtbot, live: MainWindow, bundled_path: Path
) -> None:
    live.navigator.go_to_actor("lowland")
    live.tabs.setCurrentIndex(live.tab_of(ActorsView))
    with qtbot.waitSignal(live.opened, timeout=10_000) as opened:
        live.open_briefing(bundled_path)
        live.reload()  # the old briefing's watcher firing just then
    assert opened.args == [True]
    assert "Russia and Iran" in live.windowTitle()
    assert live.tabs.currentIndex() == live.tab_of(BriefingView)
    assert not live.navigator.can_go_back()


def test_a_jump_after_a_reload_is_not_undone_by_the_reading_position(
    qtbot, live: MainWindow, authored: Path
) -> None:
    live.tabs.setCurrentIndex(live.tab_of(ActorsView))
    with qtbot.waitSignal(live.opened, timeout=FOLLOW_MS):
        edit(authored / "briefing.md", "The Rivella", "The river Rivella")
    live.navigator.go_to_passage("power")
    view = live.briefing_view
    qtbot.wait(100)
    assert view.highlighted_anchor == "power"
    block = view.block_of("power")
    top = view.text.document().documentLayout().blockBoundingRect(block).top()
    assert abs(view.text.verticalScrollBar().value() - top) < view.text.viewport().height()
