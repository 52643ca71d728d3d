"""The Issue Matrix tab: actors × issues grouped by theme, with filters and a stance detail pane.

The pieces are apart: the filter bar (:mod:`.filter_bar`) says what the reader wants to see, the
model (:mod:`.model`) lists it, the table (:mod:`.table`) paints it. This view joins them, keeps the
current cell across filter changes by id, and speaks to the rest of the app in targets, never in
row and column numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget

from viewer.domain.atomic import replacing
from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.pages import issue_page, stance_page
from viewer.presentation.positions import legend_html, legend_words
from viewer.ui.accessible import leave_by_tab
from viewer.ui.browser import LinkBrowser
from viewer.ui.matrix.filter_bar import MatrixFilterBar
from viewer.ui.matrix.header import MatrixHeader
from viewer.ui.matrix.model import Index, MatrixFilter, MatrixModel, SortOrder
from viewer.ui.matrix.table import CellDelegate, MatrixTable
from viewer.ui.navigation import Navigator
from viewer.ui.panes import INSET, side_by_side
from viewer.ui.settings import Settings

CELL_WIDTH = 48
CELL_HEIGHT = 22
LABEL_LIMIT = 260
WIDE_CELL = 120
"""Columns widen up to this when the window has room to spare: more of each title shows."""
"""The widest the actor names' column grows, in pixels."""


class MatrixView(QWidget):
    CLAIMS = frozenset({Kind.ISSUE, Kind.STANCE})

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.settings = settings
        self.briefing: Briefing | None = None
        self._quiet = False
        self.model = MatrixModel(self)
        self.model.transposed = settings.matrix_transposed
        self.filters = MatrixFilterBar(self.model.transposed)
        self.legend = QLabel(legend_html())
        self.legend.setAccessibleName(legend_words())
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.table = MatrixTable()
        self.table.setAccessibleName("Issue matrix")
        self.table.setAccessibleDescription(
            "Arrow keys move from cell to cell, Enter reads the stance's passage, "
            "Tab goes on to the stance's details"
        )
        leave_by_tab(self.table)
        self.table.setHorizontalHeader(MatrixHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setVerticalHeader(MatrixHeader(Qt.Orientation.Vertical, self.table))
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.model, self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        for header, size in (
            (self.table.horizontalHeader(), CELL_WIDTH),
            (self.table.verticalHeader(), CELL_HEIGHT),
        ):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setMinimumSectionSize(size)
        self.detail = LinkBrowser(navigator, "Stance details")
        self.detail.setMinimumWidth(280)
        side_by_side(
            self,
            self.table,
            self.detail,
            (860, 380),
            grow=0,
            above=(self.filters, self.legend),
            margins=INSET,
        )

        self.filters.changed.connect(self._filters_changed)
        self.filters.sort_changed.connect(self._sort_changed)
        self.filters.transposed.connect(self._set_transposed)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.enter_pressed.connect(self._read_current)
        self.table.doubleClicked.connect(self._read_current)
        self.table.copy_requested.connect(self.copy_selection)
        self.table.resized.connect(self._fit_columns)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.sectionClicked.connect(
                lambda section, header=header: self._header_clicked(header.orientation(), section)
            )

    # -- content ------------------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        """Show a new briefing with every filter reset, at its top-left stance."""
        self.briefing = briefing
        moves = "↑ ↓ moved" if briefing.series_index else ""
        self.legend.setText(legend_html(moves))
        self.legend.setAccessibleName(legend_words(moves))
        self.filters.set_briefing(briefing)
        self.model.set_briefing(briefing)
        self._after_reset()
        first = self._first_stance()
        if first:
            self.select_if_shown(*first)
        else:
            self.detail.setHtml("<p><i>This briefing records no stances.</i></p>")

    def _first_stance(self) -> tuple[str, str] | None:
        """The top-left stance as shown, so a new briefing opens at the start of the matrix."""
        index = self.briefing.stance_index if self.briefing else {}
        for issue_id in self.model.visible_issues:
            for actor_id in self.model.visible_actors:
                if (actor_id, issue_id) in index:
                    return actor_id, issue_id
        return None

    def _filters_changed(self) -> None:
        self._apply(self.filters.matrix_filter(), self.model.transposed)

    def _sort_changed(self) -> None:
        """Ordering by position needs an issue: the current cell's, else the first shown."""
        if self.filters.sort_order() is SortOrder.POSITION:
            issue = ""
            if self.table.currentIndex().isValid():
                issue = self.current_ids()[1]
            elif not self.filters.sort_issue and self.model.visible_issues:
                issue = self.model.visible_issues[0]
            if issue:
                self.filters.set_sort_issue(issue, self.model.label(issue))
        self._filters_changed()

    def _set_transposed(self, transposed: bool) -> None:
        self.settings.matrix_transposed = transposed
        self._apply(self.model.filter, transposed)

    def _apply(self, matrix_filter: MatrixFilter, transposed: bool) -> None:
        """Change what is shown, keeping the current cell if it is still in view."""
        current = self.current_ids() if self.table.currentIndex().isValid() else None
        self.model.apply(matrix_filter, transposed)
        self._after_reset()
        if current:
            self.select_if_shown(*current)

    def _after_reset(self) -> None:
        vertical = self.table.verticalHeader()
        assert isinstance(vertical, MatrixHeader)
        metrics = vertical.fontMetrics()
        labels = (self.model.label(item) for item in self.model.row_ids())
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=40)
        vertical.label_width = min(widest + 16, LABEL_LIMIT)
        vertical.updateGeometry()
        self.table.updateGeometries()
        self._fit_columns()
        self.filters.show_count(len(self.model.visible_actors), len(self.model.visible_issues))

    def _fit_columns(self) -> None:
        """Share out the width the table has to spare among its columns, up to
        :data:`WIDE_CELL` each; never narrower than :data:`CELL_WIDTH`."""
        header = self.table.horizontalHeader()
        if not header.count():
            return
        share = self.table.viewport().width() // header.count()
        size = max(CELL_WIDTH, min(share, WIDE_CELL))
        if size != header.defaultSectionSize():
            header.setDefaultSectionSize(size)

    # -- selection and navigation ---------------------------------------------------------

    def current_place(self) -> Target | None:
        """The current cell's stance (an empty cell is no place to note)."""
        index = self.table.currentIndex()
        if not index.isValid() or self.model.stance_at(index) is None:
            return None
        return Target.stance(*self.model.ids_at(index))

    def current_ids(self) -> tuple[str, str]:
        """``(actor id, issue id)`` of the current cell; call only when one is current."""
        return self.model.ids_at(self.table.currentIndex())

    def _quietly(self, change: Callable[[], None]) -> None:
        """Make a selection change that was asked for elsewhere, without recording it again."""
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False

    def _current_changed(self, index: Index) -> None:
        if not index.isValid() or self.briefing is None:
            return
        actor_id, issue_id = self.model.ids_at(index)
        self.detail.setHtml(stance_page(self.briefing, actor_id, issue_id))
        if not self._quiet and self.model.stance_at(index) is not None:
            self.navigator.note_location(Target.stance(actor_id, issue_id))

    def _read_current(self) -> None:
        """Open the current stance's passage in the briefing."""
        stance = self.model.stance_at(self.table.currentIndex())
        if stance is not None:
            self.navigator.go_to_passage(stance.passage)

    def _header_clicked(self, orientation: Qt.Orientation, section: int) -> None:
        item_id = self.model.section_id(orientation, section)
        if not self.model.is_issue_axis(orientation):
            self.navigator.go_to_actor(item_id)
            return
        self._show_issue_page(item_id)
        self.navigator.note_location(Target(Kind.ISSUE, item_id))
        if self.model.filter.sort is SortOrder.POSITION:
            self.filters.set_sort_issue(item_id, self.model.label(item_id))
            self._apply(self.filters.matrix_filter(), self.model.transposed)

    def _show_issue_page(self, issue_id: str) -> None:
        if self.briefing is not None:
            self.detail.setHtml(issue_page(self.briefing, self.briefing.issue_by_id[issue_id]))

    def select_if_shown(self, actor_id: str, issue_id: str) -> bool:
        index = self.model.index_of(actor_id, issue_id)
        if not index.isValid():
            return False
        self._quietly(lambda: self.table.setCurrentIndex(index))
        self.table.scrollTo(index)
        return True

    def _clear_filters(self) -> None:
        """Show everything again, for a jump to something the filters hide."""
        self.filters.clear_filters()
        self._apply(self.filters.matrix_filter(), self.model.transposed)

    def show_target(self, target: Target) -> bool:
        if self.briefing is None:
            return False
        if target.kind is Kind.ISSUE:
            return self._show_issue(target.key)
        actor_id, issue_id = target.pair
        if not self.model.index_of(actor_id, issue_id).isValid():
            self._clear_filters()
        return self.select_if_shown(actor_id, issue_id)

    def _show_issue(self, issue_id: str) -> bool:
        """Narrow the matrix to the issue's theme, select its column and list every position."""
        assert self.briefing is not None
        issue = self.briefing.issue_by_id.get(issue_id)
        if issue is None:
            return False
        self.filters.show_theme(issue.theme)
        if issue_id not in self.model.visible_issues:
            self._clear_filters()
            self.filters.show_theme(issue.theme)
        section = self.model.visible_issues.index(issue_id)
        if self.model.transposed:
            self._quietly(lambda: self.table.selectRow(section))
        else:
            self._quietly(lambda: self.table.selectColumn(section))
        self._show_issue_page(issue_id)
        return True

    def state(self) -> object:
        return self.current_ids() if self.table.currentIndex().isValid() else None

    def restore(self, state: object) -> None:
        if isinstance(state, tuple) and len(state) == 2:
            self.select_if_shown(*state)

    # -- output -------------------------------------------------------------------------------

    def visible_table(self) -> list[list[str]]:
        rows, columns = self.model.rowCount(), self.model.columnCount()
        return self.model.table(list(range(rows)), list(range(columns)))

    def selected_table(self) -> list[list[str]]:
        """The selected cells' rows and columns; unselected cells inside them stay blank."""
        selection = self.table.selectionModel().selection()
        ranges = [
            (r.top(), r.bottom(), r.left(), r.right())
            for r in (selection.at(n) for n in range(selection.count()))
        ]
        rows = sorted({row for top, bottom, _, _ in ranges for row in range(top, bottom + 1)})
        columns = sorted({c for _, _, left, right in ranges for c in range(left, right + 1)})
        table = self.model.table(rows, columns)
        for line, row in zip(table[1:], rows, strict=True):
            for n, column in enumerate(columns, start=1):
                if not any(t <= row <= b and lf <= column <= r for t, b, lf, r in ranges):
                    line[n] = ""
        return table

    def copy_selection(self) -> None:
        """Put the selected cells on the clipboard as tab-separated text for a spreadsheet."""
        table = self.selected_table()
        if len(table) > 1:
            text = "\n".join("\t".join(line) for line in table) + "\n"
            QGuiApplication.clipboard().setText(text)

    def export_csv(self, path: Path) -> None:
        """Write the visible matrix to ``path`` atomically: a reader never sees half a file."""
        with replacing(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(self.visible_table())
