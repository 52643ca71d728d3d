"""Each tab's first show on a large briefing, and the longest the window stalls meanwhile.

``python -m tests.benchmarks.tabs FOLDER`` prints one JSON object. A heartbeat timer every 5 ms
records when the event loop gets a turn: the longest gap between turns, while the briefing opens
and every tab is shown for the first time, is the longest a reader's click or key would wait. A
tab's first show is timed from asking for it until it has painted and its pending events have
run (work it hands to a thread goes on after that, and counts only if it stalls the loop).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.benchmarks.watching import heartbeat, longest_gap_ms, settle, shown_window

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def open_in(window: MainWindow, folder: Path) -> float:
    """Seconds from asking the window to open ``folder`` until it is shown."""
    from PySide6.QtCore import QEventLoop

    waiting = QEventLoop()
    window.opened.connect(waiting.quit)
    start = time.perf_counter()
    window.open_briefing(folder)
    waiting.exec()
    seconds = time.perf_counter() - start
    window.opened.disconnect(waiting.quit)
    assert window.briefing is not None, f"{folder} did not open"
    return seconds


def first_shows(window: MainWindow, prefix: str = "") -> dict[str, float]:
    """Seconds to show each tab for the first time, named ``{prefix}tab_{name}_first_show_s``."""
    from PySide6.QtWidgets import QApplication

    figures: dict[str, float] = {}
    for index in range(window.tabs.count()):
        name = window.tabs.tabText(index).replace("&", "").lower().replace(" ", "_")
        start = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        window.tabs.currentWidget().repaint()
        QApplication.processEvents()
        figures[f"{prefix}tab_{name}_first_show_s"] = time.perf_counter() - start
        settle()
    return figures


def main(folder: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", tmp)
        window = shown_window(Path(tmp))
        turns: list[float] = []
        beating = heartbeat(turns)
        open_in(window, folder)
        settle()
        figures = first_shows(window)
        beating.stop()
        figures["tabs_longest_stall_ms"] = longest_gap_ms(turns)
        window.close()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
