"""A part's text document, laid out for the page it is printed on.

The device that will be painted on is the document's layout device: without it text is laid out
for the screen and comes out at a fraction of its size on a 1200 dpi PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QFont, QPagedPaintDevice, QTextDocument

from viewer.presentation.styles import PROSE_CSS, PROSE_FAMILY
from viewer.print.figures import Figure, install_figures
from viewer.print.html import PRINT_CSS
from viewer.typesetting.images import local_image

PRINT_POINT_SIZE = 10.5
"""Smaller than on screen: a printed page is read closer than a monitor."""


class PrintDocument(QTextDocument):
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

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return local_image(self.folder, kind, url)
