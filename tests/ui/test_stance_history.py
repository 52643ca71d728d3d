"""Stance history as the reader sees it: the latest position with a mark that says it moved,
the series in the detail pane, and "As of" on the matrix and on Compare."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import SERIES
from tests.ui.helpers import open_and_wait
from viewer.ui.compare_view import CompareView
from viewer.ui.main_window import MainWindow
from viewer.ui.matrix.view import MatrixView


@pytest.fixture
def series_window(qtbot, new_window) -> MainWindow:
    main = new_window()
    assert open_and_wait(qtbot, main, SERIES)
    return main


def cell(view: MatrixView, actor: str, issue: str):
    return view.model.index_of(actor, issue)


def test_a_cell_shows_the_latest_position_and_that_it_moved(qtbot, series_window) -> None:
    series_window.tabs.setCurrentIndex(series_window.tab_of(MatrixView))
    view = series_window.view(MatrixView)
    upland = cell(view, "upland", "fast-fill")
    assert upland.data() == "++↑"  # strong support, up from support
    tip = upland.data(Qt.ItemDataRole.ToolTipRole)
    assert "as of 2024-02" in tip and "Was Support in 2023-06, Oppose in 2022" in tip
    said = upland.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "moved toward support" in said
    assert cell(view, "lowland", "fast-fill").data() == "−"  # recorded once: no mark
    assert "↑ ↓ moved" in view.legend.text()
    view.table.setFocus()
    view.table.setCurrentIndex(upland)
    text = view.detail.toPlainText()
    assert "Recorded 3 times; newest first." in text
    newest, middle, oldest = (
        text.index(s) for s in ("as of 2024-02", "as of 2023-06", "as of 2022")
    )
    assert newest < middle < oldest
    assert "A revised plan cut the filling to five years." in text


def test_as_of_shows_the_matrix_as_it_stood(qtbot, series_window) -> None:
    series_window.tabs.setCurrentIndex(series_window.tab_of(MatrixView))
    view = series_window.view(MatrixView)
    picker = view.filters.as_of
    assert picker.isVisibleTo(view)
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == [
        "Latest",
        "2024-02",
        "2023-06",
        "2022",
    ]
    picker.choose("2022")
    assert cell(view, "upland", "fast-fill").data() == "−"  # opposed then, nothing before
    assert cell(view, "lowland", "fast-fill").data() is None  # not yet recorded
    assert cell(view, "upland", "export-power").data() == "+′"  # undated: holds throughout
    picker.choose("2023-06")
    assert cell(view, "upland", "fast-fill").data() == "+↑"
    picker.choose("")
    assert cell(view, "upland", "fast-fill").data() == "++↑"


def test_compare_follows_the_date_chosen(qtbot, series_window) -> None:
    series_window.tabs.setCurrentIndex(series_window.tab_of(CompareView))
    view = series_window.view(CompareView)
    view.compare("upland", "lowland")
    assert view.summary.text() == "Upland and Lowland agree on 0 of 1 shared issues (0%)."
    assert view.alignment.table.actors == ("upland", "lowland")
    view.as_of.choose("2022")  # Lowland's position is first recorded in 2023
    assert view.summary.text() == "Upland and Lowland have no issue in common."
    assert view.alignment.table.actors == ("upland",)
    view.as_of.choose("")
    assert view.alignment.table.get("upland", "lowland").comparable == 1
