"""Faults: uncaught errors are logged and shown, bad settings fall back, memory stays flat."""

from __future__ import annotations

import gc
import resource
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import open_and_wait
from viewer.ui.faults import FaultHandler, log_path
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import Settings


def test_uncaught_error_is_logged_and_shown(qtbot, window: MainWindow) -> None:
    handler = FaultHandler(window)
    try:
        raise ValueError("a slot broke")
    except ValueError as error:
        handler(ValueError, error, error.__traceback__)
    assert handler.dialog is not None
    qtbot.waitUntil(handler.dialog.isVisible)
    assert "ValueError: a slot broke" in handler.dialog.text()
    assert str(log_path()) in handler.dialog.text()
    logged = log_path().read_text(encoding="utf-8")
    assert "ValueError: a slot broke" in logged
    assert "Traceback" in logged
    handler.dialog.button(QMessageBox.StandardButton.Ok).click()
    assert window.isVisible()
    assert open_and_wait(qtbot, window, window.briefing.folder)


def test_corrupt_settings_fall_back_to_defaults(qtbot, tmp_path: Path, bundled_path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(
        "[window]\ngeometry=not-a-geometry\n"
        "[reading]\nzoom=enormous\n"
        "[positions]\nrussia-iran=999999999\n"
        "[matrix]\ntransposed=maybe\n",
        encoding="utf-8",
    )
    settings = Settings(ini)
    assert settings.zoom == 0
    main = MainWindow(settings)
    qtbot.addWidget(main)
    assert open_and_wait(qtbot, main, bundled_path)
    main.show()
    bar = main.briefing_view.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert 0 <= bar.value() <= bar.maximum()
    assert main.width() > 200


def test_out_of_range_zoom_is_ignored(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text("[reading]\nzoom=500\n", encoding="utf-8")
    assert Settings(ini).zoom == 0


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def test_opening_fifty_times_keeps_memory_flat(qtbot, window: MainWindow) -> None:
    folder = window.briefing.folder
    for _ in range(10):
        open_and_wait(qtbot, window, folder)
    gc.collect()
    baseline = rss_mb()
    for _ in range(40):
        open_and_wait(qtbot, window, folder)
        qtbot.wait(1)
    gc.collect()
    assert rss_mb() - baseline < 25
