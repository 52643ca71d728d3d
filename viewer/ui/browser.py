"""A rich-text pane whose links go through the navigator and whose resources stay local."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.domain.links import local_resource
from viewer.ui.navigation import Navigator

PLACEHOLDER_SIZE = (220, 60)


def placeholder_image(text: str) -> QImage:
    """Shown instead of an image that must not or cannot be loaded."""
    image = QImage(*PLACEHOLDER_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("#eeeeee"))
    painter = QPainter(image)
    painter.setPen(QColor("#555555"))
    painter.drawRect(0, 0, PLACEHOLDER_SIZE[0] - 1, PLACEHOLDER_SIZE[1] - 1)
    painter.drawText(image.rect(), 0x0084, text)  # AlignCenter
    painter.end()
    return image


def local_image(folder: Path | None, kind: int, url: QUrl) -> object:
    """What a rich-text document may load: images from the briefing folder, else nothing.

    Shared by the screen and the printed document, so both refuse exactly the same things.
    """
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return QByteArray()
    path = local_resource(folder, url.toString()) if folder else None
    image = QImage(str(path)) if path else QImage()
    return placeholder_image("image not shown") if image.isNull() else image


class LinkBrowser(QTextBrowser):
    def __init__(self, navigator: Navigator, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.anchorClicked.connect(navigator.open_url)
        self.highlighted.connect(lambda url: navigator.hover(url.toString()))

    def loadResource(self, kind: int, url: QUrl) -> object:
        return local_image(self.folder, kind, url)
