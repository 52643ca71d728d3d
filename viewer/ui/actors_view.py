"""The Actors tab: actors grouped by kind with a filter, and a profile of the selected one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeView,
    QWidget,
)

from viewer.domain.model import ActorKind, Briefing
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.pages import actor_page
from viewer.ui.accessible import clear_button
from viewer.ui.browser import LinkBrowser
from viewer.ui.navigation import Navigator
from viewer.ui.panes import side_by_side, stack
from viewer.ui.roles import ID_ROLE
from viewer.ui.settings import Settings


class ActorsView(QWidget):
    CLAIMS = frozenset({Kind.ACTOR})

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self._shown = ""
        """The id of what the page shows."""
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter actors")
        self.filter.setAccessibleName("Filter actors")
        clear_button(self.filter, "Clear the filter")
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Actors")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._selected)
        self.profile = LinkBrowser(navigator, "Actor profile")
        self.profile.whole_list_asked.connect(lambda: self._show(everything=True))
        side_by_side(self, stack(self.filter, self.tree), self.profile, (280, 840))

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        self.briefing = briefing
        with QSignalBlocker(self.filter):
            self.filter.clear()
        self.proxy.setFilterFixedString("")
        self.model.clear()
        self.model.setHorizontalHeaderLabels(["Actors"])  # its hidden header is named, not "1"
        for kind in ActorKind:
            members = sorted(
                (a for a in briefing.actors if a.kind is kind), key=lambda a: a.name.casefold()
            )
            if not members:
                continue
            group = QStandardItem(f"{kind.label} ({len(members)})")
            group.setSelectable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            for actor in members:
                item = QStandardItem(actor.name)
                item.setData(actor.id, ID_ROLE)
                item.setToolTip(actor.summary)
                group.appendRow(item)
            self.model.appendRow(group)
        self.tree.expandAll()
        first = self.proxy.index(0, 0, self.proxy.index(0, 0))
        if first.isValid():
            self.tree.setCurrentIndex(first)
        else:
            self.profile.setHtml("<p><i>This briefing defines no actors.</i></p>")

    def _index_of(self, actor_id: str) -> QModelIndex:
        matches = self.proxy.match(
            self.proxy.index(0, 0),
            ID_ROLE,
            actor_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()

    def show_target(self, target: Target) -> bool:
        """Select the actor and put the keyboard on its profile, where a jump means to go."""
        shown = self._select(target.key)
        if shown:
            self.profile.setFocus(Qt.FocusReason.OtherFocusReason)
        return shown

    def _select(self, actor_id: str) -> bool:
        """Select the actor, clearing a filter that hides it."""
        index = self._index_of(actor_id)
        if not index.isValid():
            self.filter.clear()
            index = self._index_of(actor_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def current_actor(self) -> str:
        return self.tree.currentIndex().data(ID_ROLE) or ""

    def current_place(self) -> Target | None:
        actor = self.current_actor()
        return Target(Kind.ACTOR, actor) if actor else None

    def state(self) -> object:
        return self.current_actor()

    def restore(self, state: object) -> None:
        if isinstance(state, str) and state:
            self._select(state)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _selected(self, index: QModelIndex) -> None:
        actor_id = index.data(ID_ROLE)
        if not actor_id or self.briefing is None:
            return
        self._shown = actor_id
        self._show()
        self.navigator.note_location(Target(Kind.ACTOR, actor_id))

    def _show(self, everything: bool = False) -> None:
        if self.briefing is not None and self._shown in self.briefing.actor_by_id:
            self.profile.set_page(actor_page(self.briefing, self._shown, everything))
