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

from tests.benchmarks.watching import heartbeat, longest_gap_ms, shown_window


def main(folder: Path) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", tmp)
        window = shown_window(Path(tmp))
        turns: list[float] = []
        beating = heartbeat(turns)
        waiting = QEventLoop()
        window.opened.connect(lambda _: waiting.quit())
        window.open_briefing(folder)
        waiting.exec()

        def settle(ms: int = 300) -> None:
            """Let queued work (a background result, the layout of a page) run its course."""
            QTimer.singleShot(ms, waiting.quit)
            waiting.exec()

        settle()
        for index in range(window.tabs.count()):
            name = window.tabs.tabText(index).replace("&", "").lower().replace(" ", "_")
            start = time.perf_counter()
            window.tabs.setCurrentIndex(index)
            window.tabs.currentWidget().repaint()
            QApplication.processEvents()
            figures[f"tab_{name}_first_show_s"] = time.perf_counter() - start
            settle()
        beating.stop()
        figures["tabs_longest_stall_ms"] = longest_gap_ms(turns)
        window.close()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
