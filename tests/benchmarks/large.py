"""Figures for one large briefing, measured in this process; prints one JSON object.

``python -m tests.benchmarks.large FOLDER``; the caller runs it several times in fresh processes.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def scroll_repaints(table: QTableView) -> list[float]:
    """Repaint time for every page while scrolling across, then down, the whole table."""
    times = []
    for bar in (table.horizontalScrollBar(), table.verticalScrollBar()):
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            times.append(seconds(table.viewport().repaint))
    return times


def floor_table(rows: int, columns: int, cell: tuple[int, int]) -> QTableView:
    """A bare QTableView of the same size whose model returns one string per cell: Qt's floor."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class Bare(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
            return rows

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
            return columns

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            return "+" if role == Qt.ItemDataRole.DisplayRole else None

    table = QTableView()
    table.setModel(Bare(table))
    table.horizontalHeader().setDefaultSectionSize(cell[0])
    table.verticalHeader().setDefaultSectionSize(cell[1])
    return table


def main(folder: Path) -> dict[str, float]:
    from viewer.domain.compare import agreement, alignment_table, shared_issues
    from viewer.domain.loader import load_briefing

    figures: dict[str, float] = {}
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    cold = seconds(lambda: load_briefing(folder))
    figures["large_open_cold_s"] = cold
    figures["validate_mb_per_s"] = size / 2**20 / cold
    load_briefing(folder, use_cache=True)
    figures["large_open_warm_s"] = seconds(lambda: load_briefing(folder, use_cache=True))
    briefing = load_briefing(folder, use_cache=True).briefing
    assert briefing is not None

    from PySide6.QtWidgets import QApplication

    from viewer.ui.app import create_application
    from viewer.ui.matrix.view import MatrixView
    from viewer.ui.navigation import Navigator
    from viewer.ui.settings import Settings

    create_application()
    with tempfile.TemporaryDirectory() as tmp:
        view = MatrixView(Navigator(), Settings(Path(tmp) / "settings.ini"))
        view.resize(1280, 800)
        view.show()
        QApplication.processEvents()

        def first_paint() -> None:
            view.set_briefing(briefing)
            view.table.viewport().repaint()

        figures["large_matrix_first_paint_s"] = seconds(first_paint)
        repaints = scroll_repaints(view.table)
        figures["large_scroll_repaint_ms"] = 1000 * statistics.median(repaints)
        figures["large_scroll_pages"] = len(repaints)
        cell = (view.table.columnWidth(0), view.table.rowHeight(0))
        floor = floor_table(view.model.rowCount(), view.model.columnCount(), cell)
        floor.resize(view.table.size())
        floor.show()
        QApplication.processEvents()
        floor_times = scroll_repaints(floor)
        figures["floor_scroll_repaint_ms"] = 1000 * statistics.median(floor_times)
        floor.close()

        def apply_filter() -> None:
            view.filters.text_filter.setText("Actor 1")
            view.table.viewport().repaint()

        figures["large_filter_ms"] = 1000 * seconds(apply_filter)
        view.close()
    first, second = briefing.actors[0].id, briefing.actors[1].id

    def compare() -> None:
        shared_issues(briefing, first, second)
        agreement(briefing, first, second)

    figures["large_compare_ms"] = 1000 * seconds(compare)
    figures["large_alignment_s"] = seconds(lambda: alignment_table(briefing))
    figures["large_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
