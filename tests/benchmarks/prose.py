"""Figures for the prose of one briefing, measured in this process; prints one JSON object.

``python -m tests.benchmarks.prose NAME FOLDER``: rendering in the worker process (the first
request pays for starting the worker), and opening the briefing in the window with nothing
cached, recording the longest time the event loop went without turning (a 5 ms timer notes
every turn) until the whole text is laid out.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def main(name: str, folder: Path) -> dict[str, float]:
    from viewer.domain.prose_worker import ProseRenderer

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))]
    renderer = ProseRenderer()
    figures: dict[str, float] = {}
    start = time.perf_counter()
    renderer.render(texts)
    figures[f"{name}_render_first_s"] = time.perf_counter() - start
    start = time.perf_counter()
    renderer.render(texts)
    figures[f"{name}_render_s"] = time.perf_counter() - start
    renderer.close()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from viewer.ui.app import create_application
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    create_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp  # nothing cached: the text is rendered
        window = MainWindow(Settings(Path(tmp) / "settings.ini"), watch=False)
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        turns: list[float] = []
        heartbeat = QTimer()
        heartbeat.timeout.connect(lambda: turns.append(time.perf_counter()))
        heartbeat.start(5)
        done: list[float] = []
        waiting = QEventLoop()
        window.briefing_view.filled.connect(lambda: done.append(time.perf_counter()))
        window.briefing_view.filled.connect(waiting.quit)
        window.opened.connect(lambda shown: shown or waiting.quit())
        start = time.perf_counter()
        turns.append(start)
        window.open_briefing(folder)
        waiting.exec()
        heartbeat.stop()
        assert done, f"{folder} did not open"
        figures[f"{name}_open_to_text_s"] = done[0] - start
        gaps = [later - earlier for earlier, later in itertools.pairwise(turns)]
        figures[f"{name}_open_longest_stall_ms"] = 1000 * max(gaps, default=0.0)
        window.close()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
