"""The Themes tab: the briefing's topics, each with its issues and their spread of positions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from viewer.domain.model import Briefing
from viewer.ui.browser import LinkBrowser
from viewer.ui.navigation import Navigator, Target
from viewer.ui.panes import side_by_side
from viewer.ui.profiles import theme_page

ID_ROLE = Qt.ItemDataRole.UserRole


class ThemesView(QWidget):
    def __init__(self, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Themes")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setMinimumWidth(260)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._selected)
        self.detail = LinkBrowser(navigator, "Theme details")
        side_by_side(self, self.list, self.detail, (320, 800))

    def set_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.list.blockSignals(True)
        self.list.clear()
        for theme in briefing.themes:
            item = QListWidgetItem(f"{theme.title}\n{theme.summary}")
            item.setData(ID_ROLE, theme.id)
            item.setToolTip(theme.summary)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if briefing.themes:
            self.list.setCurrentRow(0)
        else:
            self.detail.setHtml("<p><i>This briefing defines no themes.</i></p>")

    def show_theme(self, theme_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == theme_id:
                self.list.setCurrentRow(row)
                return

    def current_theme(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else ""

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is None or self.briefing is None:
            return
        theme_id = item.data(ID_ROLE)
        self.detail.setHtml(theme_page(self.briefing, theme_id))
        self.navigator.note_location(Target("theme", theme_id))
