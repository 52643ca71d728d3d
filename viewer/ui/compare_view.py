"""The Compare tab: two actors side by side issue by issue, and how every pair of actors aligns.

The figures come from :mod:`viewer.domain.compare`; this module only lays them out. The shared
issues are a rich-text table so the issue names and both pieces of evidence are links through the
navigator; the alignment table is a small model over the precomputed pair figures.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from viewer.domain import foreground
from viewer.domain.compare import (
    ARRAYS_ABOVE_CELLS,
    AlignmentTable,
    Positions,
    SharedIssue,
    actors_with_stances,
    agreement_of,
    alignment_table,
    describe,
    shared_issues,
)
from viewer.domain.model import Briefing, Confidence, Position
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.pages import anchor, long_table, passage_link
from viewer.presentation.positions import LOOKS, badge_html
from viewer.ui.accessible import label_for, leave_by_tab
from viewer.ui.as_of import AsOfPicker
from viewer.ui.browser import LinkBrowser
from viewer.ui.matrix.header import MatrixHeader
from viewer.ui.matrix.model import Index
from viewer.ui.navigation import Navigator
from viewer.ui.panes import INSET, side_by_side, stack
from viewer.ui.settings import Settings

DEFAULT_PAIR = ("russia", "iran")
ALIGN_CELL = 44
GAPS = {
    0: "same position",
    1: "one step apart",
    2: "two steps apart",
    3: "three steps apart",
    4: "opposite ends",
    None: "cannot tell (unclear)",
}


def _blend(low: QColor, high: QColor, t: float) -> QColor:
    return QColor(
        round(low.red() + (high.red() - low.red()) * t),
        round(low.green() + (high.green() - low.green()) * t),
        round(low.blue() + (high.blue() - low.blue()) * t),
    )


def _agreement_brushes(steps: int = 10) -> list[QBrush]:
    """From the opposition colour (0% agreement) through neutral to the support colour (100%)."""
    low = QColor(LOOKS[Position.OPPOSE].background)
    middle = QColor(LOOKS[Position.NEUTRAL].background)
    high = QColor(LOOKS[Position.SUPPORT].background)
    brushes = []
    for step in range(steps + 1):
        t = step / steps
        colour = _blend(low, middle, 2 * t) if t <= 0.5 else _blend(middle, high, 2 * t - 1)
        brushes.append(QBrush(colour))
    return brushes


THREAD_ABOVE_CELLS = ARRAYS_ABOVE_CELLS
"""Actors × issues beyond which the every-pair table is worked out off the GUI thread (200 ×
2,000 takes about a second; the bundled briefing's 27 × 52, a millisecond)."""
PAIRS = "<b>Agreement between every pair</b> (click to compare)"
WORKING = "<b>Agreement between every pair</b>: working it out…"


class _Results(QObject):
    """Carries a table worked out on a thread back to the GUI thread (a queued signal)."""

    done = Signal(int, object)


class AlignmentModel(QAbstractTableModel):
    """Actor × actor table of agreement shares; empty where a pair shares no comparable issue."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = AlignmentTable((), {})
        self._names: dict[str, str] = {}
        self._brushes = _agreement_brushes()
        self._diagonal = QBrush(QColor("#808080"))
        self._ink = QBrush(QColor("#000000"))
        """Every agreement colour is light, so dark text reads on it in light and dark themes."""

    def set_table(self, table: AlignmentTable, names: dict[str, str]) -> None:
        self.beginResetModel()
        self.table = table
        self._names = names
        self.endResetModel()

    def pair_at(self, index: Index) -> tuple[str, str]:
        actors = self.table.actors
        return actors[index.row()], actors[index.column()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.table.actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.actors)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a, b = self.pair_at(index)
        result = self.table.get(a, b)
        share = result.share if result else None
        if role == Qt.ItemDataRole.DisplayRole:
            if result is None or share is None:
                return "" if result is None else "–"
            # the count under the share: 100% of one shared issue is no strong alignment
            return f"{round(100 * share)}%\nof {result.comparable}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if result is None:
                return self._diagonal
            return None if share is None else self._brushes[round(share * 10)]
        if role == Qt.ItemDataRole.ForegroundRole and share is not None:
            return self._ink
        if role == Qt.ItemDataRole.ToolTipRole and result is not None:
            return describe(result, self._names[a], self._names[b]) + "\nClick to compare them."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if result is None:
                return f"{self._names[a]}: the same actor, not compared"
            return describe(result, self._names[a], self._names[b])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not 0 <= section < len(self.table.actors):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._names[self.table.actors[section]]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def shared_issues_html(
    briefing: Briefing, rows: list[SharedIssue], a: str, b: str, everything: bool = False
) -> str:
    """Shared issues as a table: both badges side by side, the gap, and both pieces of evidence
    (the first :data:`LONG_LIST` of a roll-call's thousands unless ``everything``)."""
    name_a, name_b = briefing.actor_by_id[a].name, briefing.actor_by_id[b].name
    if not rows:
        return f"<p><i>{escape(name_a)} and {escape(name_b)} have no issue in common.</i></p>"

    def cells(row: SharedIssue) -> list[str]:
        issue = briefing.issue_by_id[row.issue]
        return [
            anchor(Kind.ISSUE, issue.id, issue.title),
            _position(row.a.position, row.a.confidence),
            _position(row.b.position, row.b.confidence),
            f"{'–' if row.distance is None else row.distance} <small>{GAPS[row.distance]}</small>",
            f"{passage_link(row.a.passage, f'{name_a} ›')}<br>"
            f"{passage_link(row.b.passage, f'{name_b} ›')}",
        ]

    columns = [
        ("Issue", 20),
        (escape(name_a), 22),
        (escape(name_b), 22),
        ("Distance", 18),
        ("Evidence", 18),
    ]
    return "<p><small>From closest agreement to widest divergence.</small></p>" + long_table(
        columns, rows, cells, everything, "shared issues", padding=4
    )


def _position(position: Position, confidence: Confidence) -> str:
    """A side's badge, and "low confidence" in words where the badge only marks it."""
    low = "<br><small>low confidence</small>" if confidence is Confidence.LOW else ""
    return badge_html(position, confidence) + low


class CompareView(QWidget):
    """Two actors are now being compared (``actor_a``, ``actor_b``)."""

    CLAIMS: frozenset[Kind] = frozenset()

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self.shared: list[SharedIssue] = []
        self._alignment_request = 0
        self._results = _Results(self)
        self._results.done.connect(self._alignment_done)
        self.combo_a = QComboBox()
        self.combo_b = QComboBox()
        swap = QPushButton("⇄")
        swap.setToolTip("Swap the two actors")
        swap.setMaximumWidth(40)
        swap.setAccessibleName("Swap actors")
        swap.clicked.connect(lambda: self.compare(*reversed(self.pair())))
        self.summary = QLabel()
        self.summary.setAccessibleDescription("How far the two actors agree")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.issues = LinkBrowser(navigator, "Shared issues")
        self.issues.whole_list_asked.connect(lambda: self._refresh(everything=True))
        self.alignment = AlignmentModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Alignment of every pair of actors")
        self.table.setAccessibleDescription(
            "Arrow keys move from pair to pair; Enter compares the two actors"
        )
        leave_by_tab(self.table)
        self.table.setHorizontalHeader(MatrixHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setModel(self.alignment)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        two_lines = 2 * self.table.fontMetrics().lineSpacing() + 4  # the share, then its count
        for header, size in (
            (self.table.horizontalHeader(), ALIGN_CELL),
            (self.table.verticalHeader(), two_lines),
        ):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
        self.table.clicked.connect(self._pair_clicked)
        self.table.activated.connect(self._pair_clicked)

        picker = QHBoxLayout()
        picker.addWidget(label_for("Compare", self.combo_a, "First actor"))
        picker.addWidget(self.combo_a)
        picker.addWidget(label_for("with", self.combo_b, "Second actor"))
        picker.addWidget(self.combo_b)
        picker.addWidget(swap)
        picker.addStretch(1)
        self.as_of = AsOfPicker()
        self.as_of.changed.connect(lambda _: self._positions_changed())
        picker.addWidget(self.as_of)
        self.pairs_label = label_for(PAIRS, self.table, "Agreement between every pair")
        pairs = stack(self.pairs_label, self.table)
        side_by_side(
            self,
            self.issues,
            pairs,
            (700, 560),
            grow=0,
            above=(picker, self.summary),
            margins=INSET,
        )
        self.combo_a.currentIndexChanged.connect(lambda _: self._refresh())
        self.combo_b.currentIndexChanged.connect(lambda _: self._refresh())

    def positions(self) -> Positions:
        """Each actor's stance on each issue at the date chosen (the latest by default)."""
        assert self.briefing is not None
        date = self.as_of.date()
        return self.briefing.stances_as_of(date) if date else self.briefing.stance_index

    def _positions_changed(self) -> None:
        """Another date: the alignment table and the pair's figures follow it."""
        if self.briefing is None:
            return
        self._work_out_alignment()
        self._refresh()

    def _work_out_alignment(self) -> None:
        """Fill the every-pair table: at once for a small briefing; for a large one (where it
        takes up to a second) on a thread, the table saying so meanwhile, so that the window
        never stalls."""
        briefing, positions = self.briefing, self.positions()
        assert briefing is not None
        self._alignment_request += 1
        request = self._alignment_request
        if len(briefing.actors) * len(briefing.issues) <= THREAD_ABOVE_CELLS:
            self._alignment_done(request, alignment_table(briefing, positions))
            return
        self.alignment.set_table(AlignmentTable((), {}), {})
        self.pairs_label.setText(WORKING)

        def work() -> None:
            table = alignment_table(briefing, positions)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._results.done.emit(request, table)

        foreground.start_behind("alignment", work)

    def _alignment_done(self, request: int, table: AlignmentTable) -> None:
        if request != self._alignment_request or self.briefing is None:
            return  # a newer briefing or date has been asked for meanwhile
        names = {actor.id: actor.name for actor in self.briefing.actors}
        with foreground.busy():  # Qt asks the model for every header: 1.7 s in the lock convoy
            self.alignment.set_table(table, names)
        self.pairs_label.setText(PAIRS)

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        self.briefing = briefing
        self.as_of.set_briefing(briefing)
        self._work_out_alignment()
        names = {actor.id: actor.name for actor in briefing.actors}
        with_stances = actors_with_stances(briefing)
        choices = with_stances if len(with_stances) >= 2 else tuple(names)
        for combo in (self.combo_a, self.combo_b):
            with QSignalBlocker(combo):
                combo.clear()
                for actor_id in choices:
                    combo.addItem(names[actor_id], actor_id)
        if all(actor_id in choices for actor_id in DEFAULT_PAIR):
            self.compare(*DEFAULT_PAIR)
        elif len(choices) >= 2:
            self.compare(choices[0], choices[1])
        else:
            self.summary.setText("This briefing has too few actors to compare.")
            self.issues.setHtml("")

    def pair(self) -> tuple[str, str]:
        return self.combo_a.currentData() or "", self.combo_b.currentData() or ""

    def compare(self, actor_a: str, actor_b: str) -> None:
        """Show the two actors side by side (both must be actors of the briefing)."""
        for combo, actor_id in ((self.combo_a, actor_a), (self.combo_b, actor_b)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(actor_id))
        self._refresh()

    def show_target(self, target: Target) -> bool:
        return False

    def current_place(self) -> Target | None:
        return None

    def state(self) -> object:
        return self.pair()

    def restore(self, state: object) -> None:
        """Compare the same two actors again, if both can still be picked."""
        if isinstance(state, tuple) and len(state) == 2:
            actor_a, actor_b = state
            if self.combo_a.findData(actor_a) >= 0 and self.combo_b.findData(actor_b) >= 0:
                self.compare(actor_a, actor_b)

    def _refresh(self, everything: bool = False) -> None:
        a, b = self.pair()
        if self.briefing is None or not a or not b:
            return
        names = self.briefing.actor_by_id
        if a == b:
            self.shared = []
            self.summary.setText("Pick two different actors.")
            self.issues.setHtml("")
            return
        positions = self.positions()
        self.shared = shared_issues(self.briefing, a, b, positions)
        found = agreement_of(self.shared)
        self.summary.setText(describe(found, names[a].name, names[b].name))
        self.issues.set_page(shared_issues_html(self.briefing, self.shared, a, b, everything))

    def _pair_clicked(self, index: QModelIndex) -> None:
        a, b = self.alignment.pair_at(index)
        if a != b:
            self.compare(a, b)
