"""The issue matrix as a Qt table model: actors × issues, one stance per cell.

Filtering, sorting and transposing are done here as two plain lists (the visible actor ids and the
visible issue ids) instead of a QSortFilterProxyModel, so a 200 × 2,000 briefing costs one pass over
the lists per filter change and ``data()`` stays a dictionary lookup plus cached brushes and fonts.
Views ask the model for ids (:meth:`MatrixModel.ids_at`, :meth:`MatrixModel.index_of`) and never
interpret raw row or column numbers themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from viewer.domain.model import ActorKind, Briefing, Confidence, Position, Stance
from viewer.presentation.history import MOVES, move_mark, moved, previous, was_text
from viewer.presentation.positions import LOOKS, NO_STANCE_WORDS, glyph
from viewer.ui.roles import BAND_ROLE, ID_ROLE, SHADE_ROLE

Role = Qt.ItemDataRole

Index = QModelIndex | QPersistentModelIndex


class SortOrder(Enum):
    BRIEFING = "Briefing order"
    NAME = "Name"
    POSITION = "Position on selected issue"


@dataclass(frozen=True)
class MatrixFilter:
    """What the reader asked to see; the model turns it into the visible rows and columns."""

    theme: str = ""
    """A theme id, or empty for all themes."""
    kind: ActorKind | None = None
    text: str = ""
    """Keeps actors whose name matches and issues whose title or question matches; an axis on
    which nothing matches is left unfiltered, so "russia" narrows the rows to Russia and the
    columns to the issues that mention it."""
    hide_empty: bool = False
    sort: SortOrder = SortOrder.BRIEFING
    sort_issue: str = ""
    """The issue whose positions order the actors under :attr:`SortOrder.POSITION`."""
    as_of: str = ""
    """Show positions as they stood at this date; "" for the latest."""


def cell_text(stance: Stance | None) -> str:
    """A cell as exported text: the position's name, as a spreadsheet user would type it."""
    return stance.position.value if stance else ""


def _position_rank(stance: Stance | None) -> int:
    """Strong support first, then down the scale; unclear after, no stance last."""
    if stance is None:
        return 6
    score = stance.position.score
    return 5 if score is None else 2 - score


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.briefing: Briefing | None = None
        self.filter = MatrixFilter()
        self.transposed = False
        self._actors: list[str] = []
        self._issues: list[str] = []
        self._shades: list[int] = []
        self._index: Mapping[tuple[str, str], Stance] = {}
        self._marks: dict[tuple[str, str], str] = {}
        """A move mark for each cell whose position changed since the entry before it."""
        self._all_issues: list[str] = []
        self._actor_issues: dict[str, set[str]] = {}
        self._issue_actors: dict[str, set[str]] = {}
        self._labels: dict[str, str] = {}
        self._tips: dict[str, str] = {}
        self._bands: dict[str, str] = {}
        self._actor_text: dict[str, str] = {}
        self._issue_text: dict[str, str] = {}
        self._looks = self._make_looks()

    @staticmethod
    def _make_looks() -> dict[
        tuple[Position, Confidence], tuple[str, QBrush, QBrush, QFont | None]
    ]:
        """Glyph, background, foreground and font for every position and confidence, built once."""
        italic = QFont()
        italic.setItalic(True)
        looks = {}
        for position, look in LOOKS.items():
            for confidence in Confidence:
                looks[position, confidence] = (
                    glyph(position, confidence),
                    QBrush(QColor(look.background)),
                    QBrush(QColor(look.foreground)),
                    italic if confidence is Confidence.LOW else None,
                )
        return looks

    # -- content ------------------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing) -> None:
        """Index the briefing once; every later filter change works from these dictionaries."""
        self.briefing = briefing
        theme_order = {theme.id: n for n, theme in enumerate(briefing.themes)}
        issues = sorted(
            enumerate(briefing.issues),
            key=lambda pair: (theme_order.get(pair[1].theme, 0), pair[0]),
        )
        self._all_issues = [issue.id for _, issue in issues]
        self._show_as_of("")
        self._labels = {actor.id: actor.name for actor in briefing.actors}
        self._labels.update({issue.id: issue.title for issue in briefing.issues})
        self._actor_text = {
            actor.id: " ".join((actor.name, *actor.aliases)).casefold() for actor in briefing.actors
        }
        self._issue_text = {
            issue.id: f"{issue.title} {issue.question}".casefold() for issue in briefing.issues
        }
        themes = briefing.theme_by_id
        self._bands = {
            issue.id: themes[issue.theme].title if issue.theme in themes else issue.theme
            for issue in briefing.issues
        }
        self._tips = {
            actor.id: f"{actor.name} ({actor.kind.singular.lower()})\nClick to open the actor"
            for actor in briefing.actors
        }
        self._tips.update(
            {
                issue.id: f"{issue.title}\n{issue.question}\nTheme: {self._bands[issue.id]}\n"
                "Click to see every position on it"
                for issue in briefing.issues
            }
        )
        self.apply(MatrixFilter(), self.transposed)

    def _show_as_of(self, date: str) -> None:
        """Index the positions as they stood at ``date`` ("" for the latest), with the cells
        that moved since the entry before them marked."""
        briefing = self.briefing
        if briefing is None:
            return
        self._index = briefing.stances_as_of(date) if date else briefing.stance_index
        self._actor_issues, self._issue_actors = {}, {}  # made when "Hide empty" first needs them
        self._marks = {}
        for pair in briefing.series_index:
            stance = self._index.get(pair)
            mark = "" if stance is None else move_mark(briefing, stance)
            if mark:
                self._marks[pair] = mark

    def _index_pairs(self) -> None:
        """Which issues each actor has a stance on, and the other way round (for "Hide
        empty"), made when a reader first asks. For the latest positions they come from the
        stances grouped by actor and by issue on the loader's thread, a C-level pass per actor
        and per issue (0.1 s at 200 × 6,000, where a Python pass over every pair took 1.2 s)."""
        briefing = self.briefing
        if self._actor_issues or briefing is None:
            return
        if self._index is briefing.stance_index:
            issue_of, actor_of = attrgetter("issue"), attrgetter("actor")
            self._actor_issues = {
                a.id: set(map(issue_of, briefing.stances_of_actor(a.id))) for a in briefing.actors
            }
            self._issue_actors = {
                i.id: set(map(actor_of, briefing.stances_on_issue(i.id))) for i in briefing.issues
            }
            return
        self._actor_issues = {actor.id: set() for actor in briefing.actors}
        self._issue_actors = {issue.id: set() for issue in briefing.issues}
        for actor_id, issue_id in self._index:
            self._actor_issues[actor_id].add(issue_id)
            self._issue_actors[issue_id].add(actor_id)

    def apply(self, matrix_filter: MatrixFilter, transposed: bool) -> None:
        """Recompute the visible actors and issues for ``matrix_filter``."""
        if matrix_filter.as_of != self.filter.as_of:
            self._show_as_of(matrix_filter.as_of)
        self.beginResetModel()
        self.filter = matrix_filter
        self.transposed = transposed
        self._actors, self._issues = self._visible(matrix_filter)
        self._shades = []
        shade, previous = 1, None
        for issue_id in self._issues:
            if self._bands[issue_id] != previous:
                shade, previous = 1 - shade, self._bands[issue_id]
            self._shades.append(shade)
        self.endResetModel()

    def set_transposed(self, transposed: bool) -> None:
        self.apply(self.filter, transposed)

    def _visible(self, f: MatrixFilter) -> tuple[list[str], list[str]]:
        briefing = self.briefing
        if briefing is None:
            return [], []
        actors = [a.id for a in briefing.actors if f.kind is None or a.kind is f.kind]
        issues = [
            i for i in self._all_issues if not f.theme or briefing.issue_by_id[i].theme == f.theme
        ]
        needle = f.text.strip().casefold()
        if needle:
            matching_actors = [a for a in actors if needle in self._actor_text[a]]
            matching_issues = [i for i in issues if needle in self._issue_text[i]]
            if matching_actors or matching_issues:
                actors = matching_actors or actors
                issues = matching_issues or issues
        if f.hide_empty:
            issue_set = set(issues)
            self._index_pairs()
            actors = [a for a in actors if not self._actor_issues[a].isdisjoint(issue_set)]
            actor_set = set(actors)
            issues = [i for i in issues if not self._issue_actors[i].isdisjoint(actor_set)]
        if f.sort is SortOrder.NAME:
            actors.sort(key=lambda a: self._labels[a].casefold())
        elif f.sort is SortOrder.POSITION and f.sort_issue:
            actors.sort(key=lambda a: _position_rank(self._index.get((a, f.sort_issue))))
        return actors, issues

    @property
    def visible_actors(self) -> list[str]:
        return list(self._actors)

    @property
    def visible_issues(self) -> list[str]:
        return list(self._issues)

    def row_ids(self) -> list[str]:
        """The ids along the rows, as shown (issues when transposed)."""
        return list(self._issues if self.transposed else self._actors)

    def is_issue_axis(self, orientation: Qt.Orientation) -> bool:
        """Whether the header in ``orientation`` lists issues (else actors)."""
        return (orientation == Qt.Orientation.Horizontal) != self.transposed

    def ids_at(self, index: Index) -> tuple[str, str]:
        """The ``(actor id, issue id)`` of a cell."""
        if self.transposed:
            return self._actors[index.column()], self._issues[index.row()]
        return self._actors[index.row()], self._issues[index.column()]

    def index_of(self, actor_id: str, issue_id: str) -> QModelIndex:
        """The cell of a stance, or an invalid index when either side is filtered out."""
        if actor_id not in self._actors or issue_id not in self._issues:
            return QModelIndex()
        actor, issue = self._actors.index(actor_id), self._issues.index(issue_id)
        return self.index(issue, actor) if self.transposed else self.index(actor, issue)

    def section_id(self, orientation: Qt.Orientation, section: int) -> str:
        ids = self._issues if self.is_issue_axis(orientation) else self._actors
        return ids[section]

    def stance_at(self, index: Index) -> Stance | None:
        return self._index.get(self.ids_at(index))

    def label(self, item_id: str) -> str:
        return self._labels[item_id]

    def table(self, rows: list[int], columns: list[int]) -> list[list[str]]:
        """The given visible rows and columns as text, with a header row and a label column."""
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        lines = [["", *(self._labels[self.section_id(horizontal, c)] for c in columns)]]
        for row in rows:
            line = [self._labels[self.section_id(vertical, row)]]
            line.extend(cell_text(self.stance_at(self.index(row, column))) for column in columns)
            lines.append(line)
        return lines

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid():
            return 0
        return len(self._issues if self.transposed else self._actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._actors if self.transposed else self._issues)

    def look_at(self, index: Index) -> tuple[str, QBrush, QBrush, QFont | None] | None:
        """Glyph, background, foreground and font of a cell; None where there is no stance."""
        pair = self.ids_at(index)
        stance = self._index.get(pair)
        if stance is None:
            return None
        look = self._looks[stance.position, stance.confidence]
        mark = self._marks.get(pair)
        return look if mark is None else (look[0] + mark, *look[1:])

    def data(self, index: Index, role: int = Role.DisplayRole) -> object:
        if not index.isValid():
            return None
        look = self.look_at(index)
        if look is None:
            return NO_STANCE_WORDS if role == Role.AccessibleTextRole else None
        stance = self._index[self.ids_at(index)]
        if role == Role.DisplayRole:
            return look[0]
        if role == Role.BackgroundRole:
            return look[1]
        if role == Role.ForegroundRole:
            return look[2]
        if role == Role.FontRole:
            return look[3]
        if role == Role.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Role.ToolTipRole:
            tip = (
                f"{stance.summary}\n{stance.position.label} · {stance.confidence.value} confidence"
            )
            if stance.as_of:
                tip += f" · as of {stance.as_of}"
            was = was_text(self.briefing, stance) if self.briefing else ""
            return f"{tip}\n{was[0].upper()}{was[1:]}" if was else tip
        if role == Role.AccessibleTextRole:
            said = f"{stance.position.label}, {stance.confidence.value} confidence"
            briefing = self.briefing
            move = moved(stance, previous(briefing, stance)) if briefing else None
            if briefing is not None and move is not None:
                said += f"; {MOVES[move]}, {was_text(briefing, stance)}"
            return said
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> object:
        issues = self.is_issue_axis(orientation)
        ids = self._issues if issues else self._actors
        if not 0 <= section < len(ids):
            return None
        item_id = ids[section]
        if role == Role.DisplayRole:
            return self._labels[item_id]
        if role == Role.ToolTipRole:
            return self._tips[item_id]
        if role == Role.AccessibleDescriptionRole and issues:
            return f"Theme: {self._bands[item_id]}"
        if role == ID_ROLE:
            return item_id
        if role == BAND_ROLE:
            return self._bands[item_id] if issues else None
        if role == SHADE_ROLE:
            return self._shades[section] if issues else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
