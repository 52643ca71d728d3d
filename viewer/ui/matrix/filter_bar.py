"""The matrix's filters, as the reader sets them: theme, actor kind, text, sort order, hiding empty
rows and columns, and which way round the table is. The bar turns them into a
:class:`MatrixFilter`; it does not know the table."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from viewer.domain.model import ActorKind, Briefing
from viewer.ui.accessible import clear_button, label_for
from viewer.ui.as_of import AsOfPicker
from viewer.ui.matrix.model import MatrixFilter, SortOrder


class MatrixFilterBar(QWidget):
    changed = Signal()
    """The reader changed a filter."""
    sort_changed = Signal()
    """The reader changed the sort order."""
    transposed = Signal(bool)
    """The reader asked for issues as rows (True) or as columns."""

    def __init__(self, transposed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_issue = ""
        """The issue whose positions order the actors under :attr:`SortOrder.POSITION`."""
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleDescription("Shows the issues of one theme, or of all")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleDescription("Shows the actors of one kind, or of all")
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText("Filter actors and issues")
        self.text_filter.setAccessibleName("Filter actors and issues")
        clear_button(self.text_filter, "Clear the filter")
        self.text_filter.setMinimumWidth(120)
        self.sort_combo = QComboBox()
        for order in SortOrder:
            self.sort_combo.addItem(order.value, order)
        self.hide_empty = QCheckBox("Hide empty")
        self.hide_empty.setToolTip("Hide actors and issues without any stance in view")
        self.transpose = QCheckBox("Issues as rows")
        self.transpose.setToolTip("Swap rows and columns")
        self.transpose.setChecked(transposed)
        self.as_of = AsOfPicker()
        self.count_label = QLabel()
        for combo in (self.theme_combo, self.kind_combo, self.sort_combo):
            # Long theme titles must not widen the window past the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, name, widget in (
            ("Theme", "Theme filter", self.theme_combo),
            ("Actors", "Actor kind filter", self.kind_combo),
            ("", "", self.text_filter),
            ("Sort actors by", "", self.sort_combo),
        ):
            if label:
                row.addWidget(label_for(label, widget, name))
            row.addWidget(widget)
        row.addWidget(self.as_of)
        row.addWidget(self.hide_empty)
        row.addWidget(self.transpose)
        row.addStretch(1)
        row.addWidget(self.count_label)

        self.theme_combo.currentIndexChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self.changed)
        self.text_filter.textChanged.connect(self.changed)
        self.sort_combo.currentIndexChanged.connect(self.sort_changed)
        self.hide_empty.toggled.connect(self.changed)
        self.as_of.changed.connect(self.changed)
        self.transpose.toggled.connect(self.transposed)

    def set_briefing(self, briefing: Briefing) -> None:
        """Offer the briefing's themes and actor kinds, with every filter reset."""
        with QSignalBlocker(self.theme_combo), QSignalBlocker(self.kind_combo):
            self.theme_combo.clear()
            self.theme_combo.addItem("All themes", "")
            for theme in briefing.themes:
                self.theme_combo.addItem(theme.title, theme.id)
            self.kind_combo.clear()
            self.kind_combo.addItem("All kinds", None)
            for kind in ActorKind:
                if any(actor.kind is kind for actor in briefing.actors):
                    self.kind_combo.addItem(kind.label, kind)
        with QSignalBlocker(self.sort_combo):
            self.sort_combo.setCurrentIndex(0)
        self.set_sort_issue("", "")
        self.as_of.set_briefing(briefing)
        self.clear_filters()

    def clear_filters(self) -> None:
        """Show everything again (the sort order stays), without announcing it."""
        with contextlib.ExitStack() as quiet:
            for widget in (self.theme_combo, self.kind_combo, self.text_filter, self.hide_empty):
                quiet.enter_context(QSignalBlocker(widget))
            self.theme_combo.setCurrentIndex(0)
            self.kind_combo.setCurrentIndex(0)
            self.text_filter.clear()
            self.hide_empty.setChecked(False)

    def show_theme(self, theme_id: str) -> None:
        """Narrow the matrix to one theme (announced, like a reader's choice)."""
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(theme_id), 0))

    def set_sort_issue(self, issue_id: str, title: str) -> None:
        """Remember the issue that orders the actors, and name it in the sort combo."""
        self.sort_issue = issue_id
        named = title or "selected issue"
        self.sort_combo.setItemText(
            list(SortOrder).index(SortOrder.POSITION), f"Position on {named}"
        )

    def sort_order(self) -> SortOrder:
        return self.sort_combo.currentData() or SortOrder.BRIEFING

    def matrix_filter(self) -> MatrixFilter:
        return MatrixFilter(
            theme=self.theme_combo.currentData() or "",
            kind=self.kind_combo.currentData(),
            text=self.text_filter.text(),
            hide_empty=self.hide_empty.isChecked(),
            sort=self.sort_order(),
            sort_issue=self.sort_issue,
            as_of=self.as_of.date(),
        )

    def show_count(self, actors: int, issues: int) -> None:
        self.count_label.setText(f"{actors} actors × {issues} issues")
