"""A shown main window and a heartbeat on its event loop, as the window benchmarks measure."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from viewer.ui.main_window import MainWindow


def shown_window(folder: Path) -> MainWindow:
    """A main window, shown, its settings kept in ``folder``."""
    from PySide6.QtWidgets import QApplication

    from viewer.ui.app import create_application
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    create_application()
    window = MainWindow(Settings(folder / "settings.ini"), watch=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    return window


def heartbeat(turns: list[float]) -> QTimer:
    """A timer that notes every turn the event loop gets (every 5 ms when nothing stalls it)."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(time.perf_counter()))
    turns.append(time.perf_counter())
    timer.start(5)
    return timer


def longest_gap_ms(turns: list[float]) -> float:
    return 1000 * max((b - a for a, b in itertools.pairwise(turns)), default=0.0)


def settle(ms: int = 300) -> None:
    """Let queued work (a background result, the layout of a page) run its course."""
    from PySide6.QtCore import QEventLoop, QTimer

    waiting = QEventLoop()
    QTimer.singleShot(ms, waiting.quit)
    waiting.exec()
