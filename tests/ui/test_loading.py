"""Opening off the window's thread: the window keeps responding and shows progress while a
briefing is read, and text that cannot be rendered in time gives way to a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.pathological import SLOW, write_briefing
from tests.ui.helpers import open_and_wait
from viewer.ui.actors_view import ActorsView
from viewer.ui.compare_view import CompareView
from viewer.ui.matrix.view import MatrixView
from viewer.ui.themes_view import ThemesView


@pytest.fixture
def slow_briefing(tmp_path: Path) -> Path:
    return write_briefing(tmp_path / "slow", SLOW)


def test_text_over_the_time_limit_gives_way_to_a_message_and_the_rest_works(
    qtbot, new_window, slow_renderer, slow_briefing: Path
) -> None:
    window = new_window()
    assert open_and_wait(qtbot, window, slow_briefing)
    shown = window.briefing_view.text.toPlainText()
    assert "The text could not be shown" in shown
    assert "took longer than 1 s" in shown
    assert "briefing.md:1:1: error:" in window.problems_view.list.item(0).text()
    window.tabs.setCurrentIndex(window.tab_of(ThemesView))
    assert window.view(ThemesView).list.count() == 2
    window.tabs.setCurrentIndex(window.tab_of(ActorsView))
    window.navigator.go_to_actor("lowland")
    assert window.view(ActorsView).current_actor() == "lowland"
    window.tabs.setCurrentIndex(window.tab_of(MatrixView))
    assert window.view(MatrixView).model.rowCount() == 3
    window.tabs.setCurrentIndex(window.tab_of(CompareView))
    assert "Upland and Lowland" in window.view(CompareView).summary.text()


def test_the_window_keeps_responding_and_shows_progress_while_it_waits(
    qtbot, new_window, slow_renderer, slow_briefing: Path
) -> None:
    window = new_window()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.briefing_view.progress.isVisible()))
    timer.start(20)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_briefing(slow_briefing)
    timer.stop()
    assert len(ticks) >= 25, "the event loop ran all through the second of rendering"
    assert any(ticks), "a busy bar showed while the briefing was read"
    assert not window.briefing_view.progress.isVisible()
