"""Library figures: indexing a library of 50 briefings (one of them 200 × 2,000) and searching it.

``python -m tests.benchmarks.library LARGE WORK``; prints one JSON object. LARGE is the big
generated briefing (made once by the runner), WORK a folder for the rest of the library and the
index. Searches run as the search box runs them (the best 200 hits, only in the library's
briefings), for words of every kind: common to 400,000 stances, rare, a prefix being typed,
two words, and a miss.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from tests.benchmarks.generate import generate

QUERIES = (
    "measure",
    "measur",
    "mea",
    "actor 7",
    "evidence 1999",
    "theme",
    "issue 1234",
    "qwertyuiop",
)
SMALL = 48
"""Generated briefings besides the large one and the bundled one: 50 in all."""
REPEATS = 7


def library(large: Path, work: Path) -> list[Path]:
    from viewer.resources import default_briefing

    paths = [default_briefing(), large]
    for number in range(SMALL):
        folder = work / f"small-{number}"
        if not folder.exists():
            generate(folder, 6 + number % 7, 12 + number)
        paths.append(folder)
    return paths


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(large: Path, work: Path) -> dict[str, float]:
    from viewer.domain.search import SearchIndex

    paths = library(large, work)
    index_path = work / "index.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path}{suffix}").unlink(missing_ok=True)
    figures: dict[str, float] = {}
    index = SearchIndex(index_path)
    figures["library_index_cold_s"] = timed(lambda: index.catalogue(paths))
    figures["library_rescan_unchanged_s"] = timed(lambda: index.catalogue(paths))
    prose = work / "small-0" / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    figures["library_rescan_one_changed_s"] = timed(lambda: index.catalogue(paths))
    figures["library_index_mb"] = index_path.stat().st_size / 1e6
    per_query = []
    for words in QUERIES:
        index.search(words, 200, paths)
        times = [timed(lambda w=words: index.search(w, 200, paths)) for _ in range(REPEATS)]
        per_query.append(statistics.median(times) * 1000)
        figures[f"library_search_{words.replace(' ', '_')}_ms"] = per_query[-1]
    figures["library_search_median_ms"] = statistics.median(per_query)
    figures["library_search_worst_ms"] = max(per_query)
    index.close()
    figures["library_dialog_worst_ms"] = dialog_worst_ms(paths, index_path)
    shutil.rmtree(work / "small-0")  # changed above: made afresh on the next run
    return figures


def dialog_worst_ms(paths: list[Path], index_path: Path) -> float:
    """The search box itself: from the reader's words to the results on show (the search on
    its thread, the grouped rows built and painted), worst query's median; the typing pause before a
    search starts is not counted."""
    import os

    os.environ["XDG_DATA_HOME"] = str(index_path.parent / "data")
    target = Path(os.environ["XDG_DATA_HOME"]) / "briefing-viewer" / "search.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):  # a last run's log would be replayed over the copy
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(index_path, target)
    from PySide6.QtCore import QEventLoop, QSignalBlocker

    from viewer.ui.app import create_application
    from viewer.ui.navigation import Navigator
    from viewer.ui.search_dialog import SearchDialog

    create_application()
    dialog = SearchDialog(Navigator())
    dialog.show()
    worst = 0.0
    for words in QUERIES:
        times = []
        for _ in range(REPEATS + 1):
            with QSignalBlocker(dialog.box):  # no typing pause: the search starts here
                dialog.box.setText(words)
            loop = QEventLoop()
            dialog.searcher.found.connect(loop.quit)
            start = time.perf_counter()
            dialog.searcher.ask(words, paths)
            loop.exec()
            dialog.results.viewport().repaint()
            times.append(time.perf_counter() - start)
            dialog.searcher.found.disconnect(loop.quit)
        worst = max(worst, statistics.median(times[1:]) * 1000)
    return worst


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
