"""A rich-text pane whose links go through the navigator and whose resources stay local."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.typesetting.images import local_image
from viewer.ui.navigation import Navigator


class LinkBrowser(QTextBrowser):
    def __init__(self, navigator: Navigator, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.anchorClicked.connect(navigator.open_url)
        self.highlighted.connect(lambda url: navigator.hover(url.toString()))

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return local_image(self.folder, kind, url)
