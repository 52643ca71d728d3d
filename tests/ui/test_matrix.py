"""The Issue Matrix tab as a reader uses it: clicks, keys, filters, export and copy."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.helpers import click_link, open_and_wait, prose_paragraph
from viewer.domain.model import ActorKind
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.matrix.header import BAND, fitted
from viewer.ui.matrix.model import MatrixModel, SortOrder
from viewer.ui.matrix.view import CELL_WIDTH, WIDE_CELL, MatrixView
from viewer.ui.navigation import Navigator


def click_cell(qtbot, view: MatrixView, actor: str, issue: str) -> None:
    index = view.model.index_of(actor, issue)
    assert index.isValid()
    table = view.table
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def test_clicking_a_cell_shows_its_evidence(qtbot, window, matrix, bundled) -> None:
    stance = bundled.stance_index["iran", "assad-stays"]
    click_cell(qtbot, matrix, "iran", "assad-stays")
    text = matrix.detail.toPlainText()
    assert stance.evidence in text
    assert stance.summary in text
    assert "Iran" in text and bundled.issue_by_id["assad-stays"].question in text


def test_read_in_briefing_highlights_the_passage(qtbot, window, matrix, bundled) -> None:
    stance = bundled.stance_index["russia", "oil-cap"]
    click_cell(qtbot, matrix, "russia", "oil-cap")
    click_link(qtbot, matrix.detail, f"passage:{stance.passage}")
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == window.tab_of(BriefingView))
    assert window.briefing_view.highlighted_text() == prose_paragraph(window, stance.passage)
    assert window.briefing_view.highlighted_text()


def test_arrow_keys_move_the_detail_and_enter_opens_the_passage(
    qtbot, window, matrix, bundled
) -> None:
    click_cell(qtbot, matrix, "russia", "jcpoa-holds")
    qtbot.keyClick(matrix.table, Qt.Key.Key_Down)
    assert matrix.current_ids() == ("iran", "jcpoa-holds")
    assert bundled.stance_index["iran", "jcpoa-holds"].evidence in matrix.detail.toPlainText()
    qtbot.keyClick(matrix.table, Qt.Key.Key_Right)
    issues = matrix.model.visible_issues
    assert matrix.current_ids() == ("iran", "iran-nuclear-weapons")
    assert issues.index("iran-nuclear-weapons") == issues.index("jcpoa-holds") + 1
    assert "records no stance" in matrix.detail.toPlainText()
    qtbot.keyClick(matrix.table, Qt.Key.Key_Right)
    assert matrix.current_ids() == ("iran", "iran-missiles")
    stance = bundled.stance_index["iran", "iran-missiles"]
    assert stance.evidence in matrix.detail.toPlainText()
    with qtbot.waitSignal(window.navigator.requested):
        qtbot.keyClick(matrix.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert window.briefing_view.highlighted_text() == prose_paragraph(window, stance.passage)


def test_cells_show_glyphs_and_mark_low_confidence(matrix, bundled) -> None:
    model = matrix.model
    low = next(s for s in bundled.stances if s.confidence.value == "low")
    index = model.index_of(low.actor, low.issue)
    assert model.data(index, Qt.ItemDataRole.DisplayRole).endswith("′")
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert low.summary in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "low confidence" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    empty = model.index_of("egypt", "jcpoa-holds")
    assert model.data(empty, Qt.ItemDataRole.DisplayRole) is None
    neutral = model.index_of("russia", "alawite-rule")
    assert model.data(neutral, Qt.ItemDataRole.DisplayRole) == "0"
    assert "Low confidence" in matrix.legend.text() and "No stance" in matrix.legend.text()


def test_columns_are_grouped_by_theme(matrix, bundled) -> None:
    order = [t.id for t in bundled.themes]
    themes = [bundled.issue_by_id[i].theme for i in matrix.model.visible_issues]
    assert [order.index(t) for t in themes] == sorted(order.index(t) for t in themes)
    first = matrix.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert bundled.theme_by_id[themes[0]].title in first


def test_theme_kind_and_text_filters(qtbot, matrix, bundled) -> None:
    matrix.filters.theme_combo.setCurrentIndex(matrix.filters.theme_combo.findData("syria"))
    issues = matrix.model.visible_issues
    assert issues == [i.id for i in bundled.issues if i.theme == "syria"]
    assert (
        matrix.filters.count_label.text() == f"{len(bundled.actors)} actors × {len(issues)} issues"
    )
    matrix.filters.kind_combo.setCurrentIndex(
        matrix.filters.kind_combo.findData(ActorKind.ARMED_GROUP)
    )
    assert matrix.model.visible_actors == [
        a.id for a in bundled.actors if a.kind is ActorKind.ARMED_GROUP
    ]
    matrix.filters.kind_combo.setCurrentIndex(0)
    matrix.filters.theme_combo.setCurrentIndex(0)
    qtbot.keyClicks(matrix.filters.text_filter, "hezbollah")
    assert matrix.model.visible_actors == ["hezbollah"]
    assert matrix.model.visible_issues == ["hezbollah-backing", "engage-hezbollah"]
    matrix.filters.text_filter.setText("Assad's survival")
    assert matrix.model.visible_actors == [a.id for a in bundled.actors]
    assert matrix.model.visible_issues == ["assad-stays"]


def test_hide_empty_drops_rows_and_columns_without_stances(matrix, bundled) -> None:
    matrix.filters.hide_empty.setChecked(True)
    with_stances = {s.actor for s in bundled.stances}
    assert set(matrix.model.visible_actors) == with_stances
    assert "houthis" not in matrix.model.visible_actors
    matrix.filters.theme_combo.setCurrentIndex(matrix.filters.theme_combo.findData("gulf-yemen"))
    gulf = {i.id for i in bundled.issues if i.theme == "gulf-yemen"}
    assert set(matrix.model.visible_actors) == {s.actor for s in bundled.stances if s.issue in gulf}


def test_sorting_by_name_and_by_position(qtbot, matrix, bundled) -> None:
    matrix.filters.sort_combo.setCurrentIndex(matrix.filters.sort_combo.findData(SortOrder.NAME))
    names = [bundled.actor_by_id[a].name.casefold() for a in matrix.model.visible_actors]
    assert names == sorted(names)
    click_cell(qtbot, matrix, "iran", "syria-military-victory")
    matrix.filters.sort_combo.setCurrentIndex(
        matrix.filters.sort_combo.findData(SortOrder.POSITION)
    )
    assert "Military victory in Syria" in matrix.filters.sort_combo.currentText()
    actors = matrix.model.visible_actors
    scores = [
        bundled.stance_index[a, "syria-military-victory"].position.score
        for a in actors
        if (a, "syria-military-victory") in bundled.stance_index
    ]
    assert actors[0] == "iran" and scores == sorted(scores, reverse=True)


def test_transpose_swaps_axes_and_is_remembered(matrix, settings, bundled) -> None:
    rows, columns = matrix.model.rowCount(), matrix.model.columnCount()
    matrix.filters.transpose.setChecked(True)
    assert (matrix.model.rowCount(), matrix.model.columnCount()) == (columns, rows)
    assert matrix.model.row_ids()[0] == matrix.model.visible_issues[0]
    assert settings.matrix_transposed
    fresh = MatrixView(Navigator(), settings)
    fresh.set_briefing(bundled)
    assert fresh.filters.transpose.isChecked() and fresh.model.transposed
    fresh.deleteLater()


def test_filters_survive_switching_tabs(window, matrix) -> None:
    matrix.filters.theme_combo.setCurrentIndex(matrix.filters.theme_combo.findData("nuclear"))
    visible = matrix.model.visible_issues
    window.tabs.setCurrentIndex(window.tab_of(BriefingView))
    window.tabs.setCurrentIndex(window.tab_of(MatrixView))
    assert matrix.filters.theme_combo.currentData() == "nuclear"
    assert matrix.model.visible_issues == visible


def test_csv_export_holds_exactly_the_visible_cells(tmp_path: Path, matrix, bundled) -> None:
    matrix.filters.theme_combo.setCurrentIndex(matrix.filters.theme_combo.findData("nuclear"))
    matrix.filters.hide_empty.setChecked(True)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "matrix.csv"
    matrix.export_csv(target)
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    issues, actors = matrix.model.visible_issues, matrix.model.visible_actors
    assert rows[0] == ["", *(bundled.issue_by_id[i].title for i in issues)]
    assert [row[0] for row in rows[1:]] == [bundled.actor_by_id[a].name for a in actors]
    index = bundled.stance_index
    for row, actor in zip(rows[1:], actors, strict=True):
        expected = [index[actor, i].position.value if (actor, i) in index else "" for i in issues]
        assert row[1:] == expected
    assert [p.name for p in folder.iterdir()] == ["matrix.csv"]


def test_csv_export_failure_raises_and_leaves_nothing(tmp_path: Path, matrix) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OSError):
        matrix.export_csv(folder / "missing" / "matrix.csv")
    target = folder / "taken"
    target.mkdir()
    with pytest.raises(OSError):
        matrix.export_csv(target)
    assert [p.name for p in folder.iterdir()] == ["taken"]


def test_ctrl_c_copies_the_selected_cells_with_labels(qtbot, matrix, bundled) -> None:
    model, table = matrix.model, matrix.table
    top_left = model.index_of("russia", "jcpoa-holds")
    bottom_right = model.index_of("iran", "iran-nuclear-weapons")
    table.selectionModel().select(
        QItemSelection(top_left, bottom_right),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    index = bundled.stance_index
    expected = "\n".join(
        [
            "\tSurvival of the nuclear deal\tAn Iranian bomb",
            "Russia\t"
            + "\t".join(
                index["russia", i].position.value for i in ("jcpoa-holds", "iran-nuclear-weapons")
            ),
            "Iran\t"
            + "\t".join(
                index["iran", i].position.value if ("iran", i) in index else ""
                for i in ("jcpoa-holds", "iran-nuclear-weapons")
            ),
        ]
    )
    assert QGuiApplication.clipboard().text() == expected + "\n"


def test_issue_header_lists_every_position_and_actor_header_opens_actor(
    qtbot, window, matrix, bundled
) -> None:
    header = matrix.table.horizontalHeader()
    column = matrix.model.visible_issues.index("assad-stays")
    matrix.table.scrollTo(matrix.model.index(0, column))
    point = header.rect().center()
    point.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    text = matrix.detail.toPlainText()
    assert bundled.issue_by_id["assad-stays"].question in text
    for stance in bundled.stances_on_issue("assad-stays"):
        assert stance.summary in text
    vertical = matrix.table.verticalHeader()
    row = matrix.model.visible_actors.index("israel")
    point = vertical.rect().center()
    point.setY(vertical.sectionViewportPosition(row) + vertical.sectionSize(row) // 2)
    qtbot.mouseClick(vertical.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == "israel"


def test_navigating_to_an_issue_filters_to_its_theme(window, bundled) -> None:
    window.view(MatrixView).filters.text_filter.setText("hezbollah")
    window.navigator.go_to_issue("oil-cap")
    matrix = window.view(MatrixView)
    assert window.tabs.currentIndex() == window.tab_of(MatrixView)
    assert matrix.filters.theme_combo.currentData() == "energy"
    assert matrix.model.visible_issues == [i.id for i in bundled.issues if i.theme == "energy"]
    assert matrix.current_ids()[1] == "oil-cap"
    assert bundled.issue_by_id["oil-cap"].question in matrix.detail.toPlainText()


def test_navigating_to_a_hidden_stance_clears_filters(window, bundled) -> None:
    matrix = window.view(MatrixView)
    matrix.filters.theme_combo.setCurrentIndex(matrix.filters.theme_combo.findData("nuclear"))
    window.navigator.go_to_stance("israel", "israeli-strike")
    assert window.tabs.currentIndex() == window.tab_of(MatrixView)
    window.navigator.go_to_stance("turkey", "russia-turkey-ties")
    assert matrix.current_ids() == ("turkey", "russia-turkey-ties")
    stance = bundled.stance_index["turkey", "russia-turkey-ties"]
    assert stance.evidence in matrix.detail.toPlainText()


def test_model_passes_the_model_tester(qtmodeltester, bundled) -> None:
    model = MatrixModel()
    model.set_briefing(bundled)
    qtmodeltester.check(model)
    model.set_transposed(True)
    qtmodeltester.check(model)


def test_a_200_by_2000_matrix_filters_to_the_asked_issue(qtbot, settings) -> None:
    """200 actors × 2,000 issues: filtering is list work and painting touches visible cells only."""

    from tests.domain.test_compare import make_briefing
    from viewer.domain.model import Position

    positions = list(Position)
    stances = [
        (a, i, positions[(a * 7 + i) % 7]) for a in range(200) for i in range(2000) if (a + i) % 3
    ]
    briefing = make_briefing(200, 2000, stances)
    view = MatrixView(Navigator(), settings)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.set_briefing(briefing)
    view.filters.hide_empty.setChecked(True)
    view.filters.text_filter.setText("Issue 19")
    QApplication.processEvents()
    assert view.model.visible_issues[0] == "i19"


def test_columns_widen_to_use_the_room_and_titles_wrap_rather_than_cut(
    qtbot, new_window, synthetic: Path
) -> None:
    main = new_window()
    main.resize(1400, 900)
    assert open_and_wait(qtbot, main, synthetic)
    main.tabs.setCurrentIndex(main.tab_of(MatrixView))
    view = main.view(MatrixView)
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > CELL_WIDTH)
    assert header.sectionSize(0) <= WIDE_CELL
    assert header.length() <= view.table.viewport().width()  # no sideways scrolling
    main.resize(700, 900)
    qtbot.waitUntil(lambda: header.sectionSize(0) == CELL_WIDTH)


def test_a_long_column_title_wraps_over_lines_and_is_cut_only_when_it_cannot_fit() -> None:
    metrics = QFontMetrics(QApplication.font())
    title = "Ambition and long-term goals of the partnership"
    line = metrics.height()
    assert metrics.horizontalAdvance(title) > 150, "the sample must be wider than one line"
    assert fitted(metrics, title, QRect(0, 0, 150, 3 * line + 2)) == title
    cut = fitted(metrics, title, QRect(0, 0, 150, line + 2))
    assert cut.endswith("…") and title.startswith(cut[:-1])


def test_a_theme_bands_tooltip_is_the_themes_whole_title(qtbot, matrix, bundled) -> None:
    header = matrix.table.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(0) + 5, BAND // 2)
    QApplication.sendEvent(
        header.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, spot, header.viewport().mapToGlobal(spot)),
    )
    theme = bundled.issue_by_id[matrix.model.visible_issues[0]].theme
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"Theme: {bundled.theme_by_id[theme].title}"
