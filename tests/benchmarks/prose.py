"""Figures for the prose of one briefing, measured in this process; prints one JSON object.

``python -m tests.benchmarks.prose NAME FOLDER``: rendering in the worker process (the first
request pays for starting the worker), and opening the briefing in the window with nothing
cached, recording the longest time the event loop went without turning (a 5 ms timer notes
every turn) until the whole text is laid out.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.watching import heartbeat, longest_gap_ms, shown_window


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

    from PySide6.QtCore import QEventLoop

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp  # nothing cached: the text is rendered
        window = shown_window(Path(tmp))
        turns: list[float] = []
        start = time.perf_counter()
        beating = heartbeat(turns)
        done: list[float] = []
        waiting = QEventLoop()
        window.briefing_view.filled.connect(lambda: done.append(time.perf_counter()))
        window.briefing_view.filled.connect(waiting.quit)
        window.opened.connect(lambda shown: shown or waiting.quit())
        window.open_briefing(folder)
        waiting.exec()
        beating.stop()
        assert done, f"{folder} did not open"
        figures[f"{name}_open_to_text_s"] = done[0] - start
        figures[f"{name}_open_longest_stall_ms"] = longest_gap_ms(turns)
        window.close()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
