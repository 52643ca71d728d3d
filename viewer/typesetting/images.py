"""Images in rich text: only files inside the briefing folder, the same on screen and on paper.

Anything else (a web address, a path leading out, a file too large) shows a placeholder; nothing
is ever fetched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from viewer.presentation.resources import local_resource

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


def local_image(folder: Path | None, kind: int, url: QUrl | str) -> object:
    """What a rich-text document may load: images from the briefing folder, else nothing.

    Shared by the screen and the printed document, so both refuse exactly the same things.
    """
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return QByteArray()
    address = url.toString() if isinstance(url, QUrl) else url
    path = local_resource(folder, address) if folder else None
    image = QImage(str(path)) if path else QImage()
    return placeholder_image("image not shown") if image.isNull() else image
