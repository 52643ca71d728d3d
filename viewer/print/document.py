"""A part's text document, laid out for the page it is printed on.

The device that will be painted on is the document's layout device: without it text is laid out
for the screen and comes out at a fraction of its size on a 1200 dpi PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from viewer.presentation.styles import PROSE_CSS, PROSE_FAMILY
from viewer.print.figures import Figure, install_figures
from viewer.print.html import PRINT_CSS
from viewer.typesetting.images import local_image

PRINT_POINT_SIZE = 10.5
"""Smaller than on screen: a printed page is read closer than a monitor."""


GAP_PX = 14.0
"""Space between a document and the one that goes on below it on the same page."""


class PrintDocument(QTextDocument):
    shares_first_page = False
    """Whether its first page is the page the document before it ends on."""

    def __init__(
        self,
        html: str,
        folder: Path,
        device: QPagedPaintDevice,
        body: QSizeF,
        figures: Mapping[str, Figure] | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.documentLayout().setPaintDevice(device)
        font = QFont(PROSE_FAMILY)
        font.setPointSizeF(PRINT_POINT_SIZE)
        # Qt writes no text for a ligature glyph: "fi" would vanish from search and copy.
        font.setFeature(QFont.Tag("liga"), 0)
        self.setDefaultFont(font)
        self.setDefaultStyleSheet(PROSE_CSS + PRINT_CSS)
        self.setDocumentMargin(0)
        self.setPageSize(body)
        self.setHtml(html)
        install_figures(self, figures or {})
        if "<img" in html:
            self.fit_images(body.width() * 96 / device.logicalDpiX())

    def fit_images(self, width: float) -> None:
        """Scale every image wider than ``width`` (CSS pixels) down to it, keeping its aspect
        ratio; smaller ones keep their size (a scaled-up picture only gets blurred)."""
        cursor = QTextCursor(self)
        block = self.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fitted = self._fitted(fragment.charFormat(), width)
                if fitted is not None:
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(fitted)
                fragments += 1
            block = block.next()

    def _fitted(self, format: QTextCharFormat, width: float) -> QTextImageFormat | None:
        if not format.isImageFormat():
            return None
        image = format.toImageFormat()
        natural = self.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(image.name()))
        if not isinstance(natural, QImage) or natural.isNull():
            return None
        wide = image.width() if image.width() > 0 else natural.width()
        high = image.height() if image.height() > 0 else natural.height() * wide / natural.width()
        if wide <= width:
            return None
        image.setWidth(width)
        image.setHeight(high * width / wide)
        return image

    def ends_at(self) -> float:
        """How far down its last page the text ends."""
        height = self.documentLayout().documentSize().height()
        return max(0.0, height - (self.pageCount() - 1) * self.pageSize().height())

    def continue_below(self, top: float) -> None:
        """Start the text ``top`` down its first page, below what the document before it left
        there, rather than on a page of its own: an empty first line as tall as that."""
        if top <= 0:
            return
        scale = 96 / self.documentLayout().paintDevice().logicalDpiY()  # heights are in CSS px
        spacer = QTextBlockFormat()
        spacer.setLineHeight(
            top * scale + GAP_PX, QTextBlockFormat.LineHeightTypes.FixedHeight.value
        )
        cursor = QTextCursor(self)
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.setBlockFormat(spacer)
        # Qt's layout, told of this edit at the top, could leave the last paragraph never laid
        # out (no lines, nothing printed): have it lay out the whole text again.
        self.markContentsDirty(0, self.characterCount())
        self.shares_first_page = True

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return local_image(self.folder, kind, url)
