"""The Issue Matrix tab: actors × issues grouped by theme, with filters and a stance detail pane.

The table only shows what :class:`MatrixModel` lists; this view turns the reader's filters into a
:class:`MatrixFilter`, keeps the current cell across filter changes by id, and speaks to the rest of
the app in ids (``cell_selected``, ``stance_activated``), never in row and column numbers.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from viewer.domain.atomic import replacing
from viewer.domain.model import ActorKind, Briefing
from viewer.ui.actions import LOCAL_KEYS
from viewer.ui.browser import LinkBrowser
from viewer.ui.matrix_model import (
    BAND_ROLE,
    SHADE_ROLE,
    Index,
    MatrixFilter,
    MatrixModel,
    SortOrder,
)
from viewer.ui.navigation import Navigator, Target
from viewer.ui.panes import INSET, side_by_side
from viewer.ui.positions import legend_html
from viewer.ui.profiles import issue_page
from viewer.ui.settings import Settings
from viewer.ui.stance_detail import stance_page

CELL_WIDTH = 48
CELL_HEIGHT = 22
HEADER_HEIGHT = 170
BAND = 18
"""Thickness of the theme band drawn along the issue header."""
LABEL_LIMIT = 260
SHADES = (QColor("#e4e4ec"), QColor("#c9c9d6"))
BAND_INK = QColor("#1a1a1a")
"""The band shades are light in every palette, so their labels are always dark."""


class MatrixHeader(QHeaderView):
    """A header whose horizontal labels run bottom to top, so narrow columns stay readable.

    When the model gives a section a theme (``BAND_ROLE``), a band runs along the header with the
    theme's title spanning its group of sections, so the grouping by theme can be seen at a glance.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.label_width = 120

    def _band(self, section: int) -> str | None:
        model = self.model()
        return model.headerData(section, self.orientation(), BAND_ROLE) if model else None

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(hint.width(), HEADER_HEIGHT)
        band = BAND if self.count() and self._band(0) is not None else 0
        return QSize(self.label_width + band, hint.height())

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        banded = self._band(section) is not None
        if self.orientation() == Qt.Orientation.Vertical:
            super().paintSection(painter, rect.adjusted(BAND if banded else 0, 0, 0, 0), section)
            return
        area = rect.adjusted(0, BAND if banded else 0, 0, 0)
        current = self.selectionModel().currentIndex().column() == section
        palette = self.palette()
        painter.save()
        painter.fillRect(area, palette.highlight() if current else palette.button())
        painter.setPen(palette.mid().color())
        painter.drawLine(area.topRight(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        font = self.font()
        font.setBold(current)
        painter.setFont(font)
        painter.setPen(
            palette.highlightedText().color() if current else palette.buttonText().color()
        )
        text = str(self.model().headerData(section, self.orientation()) or "")
        length = area.height() - 10
        text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, length)
        painter.translate(area.left(), area.bottom() - 5)
        painter.rotate(-90)
        painter.drawText(QRect(0, 0, length, area.width()), Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the theme bands over the sections, one label per run of same-theme sections."""
        super().paintEvent(event)
        if not self.count() or self._band(0) is None:
            return
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        extent = self.viewport().width() if horizontal else self.viewport().height()
        first = self.logicalIndexAt(0)
        last = self.logicalIndexAt(extent - 1)
        last = self.count() - 1 if last < 0 else last
        model = self.model()
        painter = QPainter(self.viewport())
        painter.setPen(BAND_INK)
        section = first
        while 0 <= section <= last:
            title = self._band(section)
            end = section
            while end < last and self._band(end + 1) == title:
                end += 1
            start = self.sectionViewportPosition(section)
            size = self.sectionViewportPosition(end) + self.sectionSize(end) - start
            shade = SHADES[model.headerData(section, self.orientation(), SHADE_ROLE) or 0]
            band = QRect(start, 0, size, BAND) if horizontal else QRect(0, start, BAND, size)
            painter.fillRect(band, shade)
            painter.drawLine(band.topLeft(), band.bottomLeft() if horizontal else band.topRight())
            painter.save()
            if horizontal:
                visible = band.intersected(self.viewport().rect()).adjusted(3, 0, -2, 0)
            else:
                painter.translate(0, band.bottom())
                painter.rotate(-90)
                visible = QRect(3, 0, size - 5, BAND)
            text = self.fontMetrics().elidedText(
                str(title), Qt.TextElideMode.ElideRight, visible.width()
            )
            painter.drawText(visible, Qt.AlignmentFlag.AlignVCenter, text)
            painter.restore()
            section = end + 1
        painter.end()


class CellDelegate(QStyledItemDelegate):
    """Paints a cell's own colour even when selected, outlining the selection instead.

    The default style replaces the background with the highlight colour, which would hide the very
    position the reader just clicked. The look comes straight from the model
    (:meth:`MatrixModel.look_at`), and empty cells cost no drawing at all: with PySide6 6.12 on
    Python 3.11 every call into Qt from Python that returns nothing over-releases ``None``, so
    painting code is kept to the fewest such calls.
    """

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.outer = QPen(QColor("#000000"), 2)
        self.inner = QPen(QColor("#ffffff"), 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        look = self.model.look_at(index)
        if look is not None:
            text, background, foreground, font = look
            painter.fillRect(rect, background)
            painter.setPen(foreground.color())
            painter.setFont(font or option.font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(self.outer)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.setPen(self.inner)
            painter.drawRect(rect.adjusted(3, 3, -3, -3))


class MatrixTable(QTableView):
    """The table itself: Enter opens the current stance's passage, Ctrl+C copies the selection."""

    enter_pressed = Signal()
    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(LOCAL_KEYS["copy_cells"].key):  # type: ignore[arg-type]
            self.copy_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        else:
            super().keyPressEvent(event)


class MatrixView(QWidget):
    cell_selected = Signal(str, str)
    """The current cell moved to ``(actor id, issue id)``; there may be no stance there."""
    stance_activated = Signal(str, str)
    """The reader asked to read the evidence of a stance in the briefing."""

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.settings = settings
        self.briefing: Briefing | None = None
        self._quiet = False
        self._sort_issue = ""
        self.model = MatrixModel(self)
        self.model.transposed = settings.matrix_transposed

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme filter")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Actor kind filter")
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText("Filter actors and issues")
        self.text_filter.setAccessibleName("Filter actors and issues")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMinimumWidth(120)
        self.sort_combo = QComboBox()
        self.sort_combo.setAccessibleName("Sort actors by")
        for order in SortOrder:
            self.sort_combo.addItem(order.value, order)
        self.hide_empty = QCheckBox("Hide empty")
        self.hide_empty.setToolTip("Hide actors and issues without any stance in view")
        self.transpose = QCheckBox("Issues as rows")
        self.transpose.setToolTip("Swap rows and columns")
        self.transpose.setChecked(self.model.transposed)
        self.count_label = QLabel()
        for combo in (self.theme_combo, self.kind_combo, self.sort_combo):
            # Long theme titles must not widen the window past the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        controls = QHBoxLayout()
        for label, widget in (
            ("Theme", self.theme_combo),
            ("Actors", self.kind_combo),
            ("", self.text_filter),
            ("Sort actors by", self.sort_combo),
        ):
            if label:
                controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addWidget(self.hide_empty)
        controls.addWidget(self.transpose)
        controls.addStretch(1)
        controls.addWidget(self.count_label)
        self.legend = QLabel(legend_html())
        self.legend.setAccessibleName("Legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.table = MatrixTable()
        self.table.setAccessibleName("Issue matrix")
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
            above=(controls, self.legend),
            margins=INSET,
        )

        self.theme_combo.currentIndexChanged.connect(self._refilter)
        self.kind_combo.currentIndexChanged.connect(self._refilter)
        self.text_filter.textChanged.connect(self._refilter)
        self.sort_combo.currentIndexChanged.connect(self._sort_changed)
        self.hide_empty.toggled.connect(self._refilter)
        self.transpose.toggled.connect(self._set_transposed)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.enter_pressed.connect(self._enter)
        self.table.doubleClicked.connect(self._enter)
        self.table.copy_requested.connect(self.copy_selection)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.sectionClicked.connect(
                lambda section, header=header: self._header_clicked(header.orientation(), section)
            )
        self.cell_selected.connect(self._show_cell)
        self.stance_activated.connect(self._read_stance)

    # -- content ------------------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing) -> None:
        """Show a new briefing with every filter reset."""
        self.briefing = briefing
        widgets = (
            self.theme_combo,
            self.kind_combo,
            self.text_filter,
            self.sort_combo,
            self.hide_empty,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.theme_combo.clear()
        self.theme_combo.addItem("All themes", "")
        for theme in briefing.themes:
            self.theme_combo.addItem(theme.title, theme.id)
        self.kind_combo.clear()
        self.kind_combo.addItem("All kinds", None)
        for kind in ActorKind:
            if any(actor.kind is kind for actor in briefing.actors):
                self.kind_combo.addItem(kind.label, kind)
        self.text_filter.clear()
        self.sort_combo.setCurrentIndex(0)
        self._set_sort_issue("")
        self.hide_empty.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
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

    def _filter(self) -> MatrixFilter:
        return MatrixFilter(
            theme=self.theme_combo.currentData() or "",
            kind=self.kind_combo.currentData(),
            text=self.text_filter.text(),
            hide_empty=self.hide_empty.isChecked(),
            sort=self.sort_combo.currentData() or SortOrder.BRIEFING,
            sort_issue=self._sort_issue,
        )

    def _set_sort_issue(self, issue_id: str) -> None:
        """Remember the issue that orders the actors, and name it in the sort combo."""
        self._sort_issue = issue_id
        title = self.model.label(issue_id) if issue_id else "selected issue"
        self.sort_combo.setItemText(
            list(SortOrder).index(SortOrder.POSITION), f"Position on {title}"
        )

    def _sort_changed(self) -> None:
        if self.sort_combo.currentData() is SortOrder.POSITION:
            if self.table.currentIndex().isValid():
                self._set_sort_issue(self.current_ids()[1])
            elif not self._sort_issue and self.model.visible_issues:
                self._set_sort_issue(self.model.visible_issues[0])
        self._refilter()

    def _refilter(self) -> None:
        self._apply(self._filter(), self.model.transposed)

    def _set_transposed(self, transposed: bool) -> None:
        self.settings.matrix_transposed = transposed
        self._apply(self.model.filter, transposed)

    def _apply(self, matrix_filter: MatrixFilter, transposed: bool) -> None:
        """Change what is shown, keeping the current cell if it is still in view."""
        current = self.current_ids() if self.table.currentIndex().isValid() else None
        self.model.apply(matrix_filter, transposed)
        self._after_reset()
        if current:
            index = self.model.index_of(*current)
            if index.isValid():
                self._quietly(lambda: self.table.setCurrentIndex(index))
                self.table.scrollTo(index)

    def _after_reset(self) -> None:
        vertical = self.table.verticalHeader()
        labels = self.model.row_ids()
        metrics = vertical.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.model.label(i)) for i in labels), default=40)
        vertical.label_width = min(widest + 16, LABEL_LIMIT)  # type: ignore[attr-defined]
        vertical.updateGeometry()
        self.table.updateGeometries()
        actors, issues = len(self.model.visible_actors), len(self.model.visible_issues)
        self.count_label.setText(f"{actors} actors × {issues} issues")

    # -- selection and navigation ---------------------------------------------------------

    def current_ids(self) -> tuple[str, str]:
        """``(actor id, issue id)`` of the current cell; call only when one is current."""
        return self.model.ids_at(self.table.currentIndex())

    def _quietly(self, change) -> None:
        """Make a selection change that was asked for elsewhere, without recording it again."""
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False

    def _current_changed(self, index: Index) -> None:
        if index.isValid():
            self.cell_selected.emit(*self.model.ids_at(index))

    def _show_cell(self, actor_id: str, issue_id: str) -> None:
        if self.briefing is None:
            return
        self.detail.setHtml(stance_page(self.briefing, actor_id, issue_id))
        if not self._quiet and (actor_id, issue_id) in self.briefing.stance_index:
            self.navigator.note_location(Target("stance", f"{actor_id}/{issue_id}"))

    def _enter(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.model.stance_at(index) is not None:
            self.stance_activated.emit(*self.model.ids_at(index))

    def _read_stance(self, actor_id: str, issue_id: str) -> None:
        if self.briefing is not None:
            self.navigator.go_to_passage(self.briefing.stance_index[actor_id, issue_id].passage)

    def _header_clicked(self, orientation: Qt.Orientation, section: int) -> None:
        item_id = self.model.section_id(orientation, section)
        if not self.model.is_issue_axis(orientation):
            self.navigator.go_to_actor(item_id)
            return
        self._show_issue_page(item_id)
        self.navigator.note_location(Target("issue", item_id))
        if self.model.filter.sort is SortOrder.POSITION:
            self._set_sort_issue(item_id)
            self._refilter()

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
        for widget in (self.theme_combo, self.kind_combo):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self.hide_empty.blockSignals(True)
        self.hide_empty.setChecked(False)
        self.hide_empty.blockSignals(False)
        self._refilter()

    def show_issue(self, issue_id: str) -> None:
        """Narrow the matrix to the issue's theme, select its column and list every position."""
        if self.briefing is None or issue_id not in self.briefing.issue_by_id:
            return
        theme = self.theme_combo.findData(self.briefing.issue_by_id[issue_id].theme)
        self.theme_combo.setCurrentIndex(max(theme, 0))
        if issue_id not in self.model.visible_issues:
            self._clear_filters()
            self.theme_combo.setCurrentIndex(max(theme, 0))
        section = self.model.visible_issues.index(issue_id)
        if self.model.transposed:
            self._quietly(lambda: self.table.selectRow(section))
        else:
            self._quietly(lambda: self.table.selectColumn(section))
        self._show_issue_page(issue_id)

    def show_stance(self, actor_id: str, issue_id: str) -> None:
        """Select the stance's cell (clearing filters that hide it) and show its detail."""
        if self.briefing is None or not self.model.index_of(actor_id, issue_id).isValid():
            self._clear_filters()
        self.select_if_shown(actor_id, issue_id)

    # -- output -------------------------------------------------------------------------------

    def visible_table(self) -> list[list[str]]:
        rows, columns = self.model.rowCount(), self.model.columnCount()
        return self.model.table(list(range(rows)), list(range(columns)))

    def selected_table(self) -> list[list[str]]:
        """The selected cells' rows and columns; unselected cells inside them stay blank."""
        ranges = [
            (r.top(), r.bottom(), r.left(), r.right())
            for r in self.table.selectionModel().selection()
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
