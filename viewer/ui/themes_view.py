"""The Themes tab: the briefing's topics, each with its issues and their spread of positions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.pages import theme_page
from viewer.ui.browser import LinkBrowser
from viewer.ui.navigation import Navigator
from viewer.ui.panes import side_by_side
from viewer.ui.roles import ID_ROLE
from viewer.ui.settings import Settings


class ThemesView(QWidget):
    CLAIMS = frozenset({Kind.THEME})

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self._shown = ""
        """The id of what the page shows."""
        self.list = QListWidget()
        self.list.setAccessibleName("Themes")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setMinimumWidth(260)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._selected)
        self.detail = LinkBrowser(navigator, "Theme details")
        self.detail.whole_list_asked.connect(lambda: self._show(everything=True))
        side_by_side(self, self.list, self.detail, (320, 800))

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        self.briefing = briefing
        with QSignalBlocker(self.list):
            self.list.clear()
            for theme in briefing.themes:
                item = QListWidgetItem(f"{theme.title}\n{theme.summary}")
                item.setData(ID_ROLE, theme.id)
                item.setToolTip(theme.summary)
                self.list.addItem(item)
        if briefing.themes:
            self.list.setCurrentRow(0)
        else:
            self.detail.setHtml("<p><i>This briefing defines no themes.</i></p>")

    def show_target(self, target: Target) -> bool:
        """Select the theme and put the keyboard on its page, where a jump means to go."""
        shown = self._select(target.key)
        if shown:
            self.detail.setFocus(Qt.FocusReason.OtherFocusReason)
        return shown

    def _select(self, theme_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == theme_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def current_theme(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else ""

    def current_place(self) -> Target | None:
        theme = self.current_theme()
        return Target(Kind.THEME, theme) if theme else None

    def state(self) -> object:
        return self.current_theme()

    def restore(self, state: object) -> None:
        if isinstance(state, str) and state:
            self._select(state)

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is None or self.briefing is None:
            return
        theme_id = item.data(ID_ROLE)
        self._shown = theme_id
        self._show()
        self.navigator.note_location(Target(Kind.THEME, theme_id))

    def _show(self, everything: bool = False) -> None:
        if self.briefing is not None and self._shown in self.briefing.theme_by_id:
            self.detail.set_page(theme_page(self.briefing, self._shown, everything))
