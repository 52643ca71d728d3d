"""Opening off the window's thread: the window keeps responding and shows progress while a
briefing is read, and text that cannot be rendered in time gives way to a message."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.benchmarks.generate import generate
from tests.pathological import SLOW, write_briefing
from tests.ui.helpers import open_and_wait
from viewer.domain import csvstances
from viewer.domain.reader import Reader
from viewer.ui import main_window
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


@pytest.fixture
def roll_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """30,000 stances, read about 200 rows at a time: some 150 steps of progress."""
    monkeypatch.setattr(csvstances, "CHUNK_CHARS", 200 * 90)
    monkeypatch.setattr(main_window, "LOADING_DELAY_MS", 0)
    return generate(tmp_path / "roll-call", actors=60, issues=500)


def loading_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("load ") and t.is_alive()]


def cancel_at_first_block(qtbot, window) -> list[tuple[bool, str, bool]]:
    """Press Cancel as soon as the bar shows a share of the stance file read; returns what the
    bar and the button showed then."""
    seen: list[tuple[bool, str, bool]] = []
    view = window.briefing_view

    def step(what: str, done: float, request: int) -> None:
        if done > 0 and not seen:
            seen.append((view.progress.isVisible(), view.progress.text(), view.cancel.isVisible()))
            qtbot.mouseClick(view.cancel, Qt.MouseButton.LeftButton)

    window.loader.progressed.connect(step)
    return seen


def test_a_large_briefing_shows_how_much_is_read_and_cancel_really_stops_it(
    qtbot, new_window, bundled, bundled_path: Path, roll_call: Path, settings, monkeypatch
) -> None:
    window = new_window()
    assert open_and_wait(qtbot, window, bundled_path)
    checked: list[int] = []
    check = Reader.check_stances
    monkeypatch.setattr(
        Reader, "check_stances", lambda self, *args: (checked.append(1), check(self, *args))[1]
    )
    seen = cancel_at_first_block(qtbot, window)
    with qtbot.assertNotEmitted(window.opened, wait=1000):
        window.open_briefing(roll_call)
        qtbot.waitUntil(lambda: bool(seen))
    shown, text, cancel_shown = seen[0]
    assert shown and cancel_shown
    assert re.fullmatch(r"Reading stances\.csv: \d+%", text)
    qtbot.waitUntil(lambda: not loading_threads(), timeout=5000)
    assert not checked, "the load stopped before checking what it had read"
    assert window.briefing.title == bundled.title
    assert window.windowTitle().startswith(bundled.title)
    assert settings.last_briefing == str(bundled_path), "the next start opens what was shown"
    assert window.statusBar().currentMessage() == f"Stopped opening {roll_call}"
    assert not window.briefing_view.progress.isVisible()
    assert not window.briefing_view.cancel.isVisible()


def test_cancel_with_nothing_shown_says_so_and_where_to_go(
    qtbot, new_window, roll_call: Path
) -> None:
    window = new_window()
    seen = cancel_at_first_block(qtbot, window)
    with qtbot.assertNotEmitted(window.opened, wait=500):
        window.open_briefing(roll_call)
        qtbot.waitUntil(lambda: bool(seen))
    assert window.briefing is None
    text = window.briefing_view.text.toPlainText()
    assert f"Stopped opening {roll_call}" in text and "Library" in text
    assert open_and_wait(qtbot, window, roll_call), "the same briefing opens when asked again"
