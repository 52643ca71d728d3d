"""Offline means offline: the main flows run with every network connection made to fail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from tests.ui.helpers import click_link
from viewer.print.options import PrintOptions
from viewer.ui.main_window import MainWindow
from viewer.ui.printing import export_pdf


def test_main_flows_make_no_connection(
    tmp_path: Path, qtbot, attempts: list[str], window: MainWindow, bundled
) -> None:
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(5)
    click_link(qtbot, window.briefing_view.text, "actor:russia")
    for actor in bundled.actors:
        window.navigator.go_to_actor(actor.id)
    for theme in bundled.themes:
        window.navigator.go_to_theme(theme.id)
    for stance in bundled.stances[:20]:
        window.navigator.go_to_stance(stance.actor, stance.issue)
        window.navigator.go_to_passage(stance.passage)
    window.navigator.open_url(QUrl("actor:iran"))
    written = export_pdf(
        bundled, PrintOptions(parts=("cover", "text", "matrix")), str(tmp_path / "x")
    )
    assert written.stat().st_size > 10_000
    assert attempts == []
