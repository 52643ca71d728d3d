"""Figures painted into a printed part as vector drawings: a marker in the part's HTML becomes
an object of the text document that its painter draws when the page is painted, so lines and
names stay sharp at any zoom and the names stay text in the PDF."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

Painter = Callable[[QPainter, QRectF], None]
FIGURE_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
FIGURE_NAME = int(QTextFormat.Property.UserProperty) + 1
HEIGHT_OF_PAGE = 0.8
"""Of the text block's height, the most a figure takes: room for its part's heading above."""
TYPE_SCALE = 0.8
"""Names in a figure, against the text's size."""


def marker(name: str) -> str:
    return f"[[figure:{name}]]"


def figure_html(name: str) -> str:
    """What a part's HTML holds where the figure ``name`` goes."""
    return f"<p>{escape(marker(name))}</p>"


class FigureObject(QPyTextObject):
    """Sizes and paints the figures of one document."""

    def __init__(self, painters: Mapping[str, Painter], parent: QObject) -> None:
        super().__init__(parent)
        self.painters = painters

    def intrinsicSize(self, doc: QTextDocument, position: int, format: QTextFormat) -> QSizeF:
        page = doc.pageSize()
        width = doc.textWidth() if doc.textWidth() > 0 else page.width()
        return QSizeF(width, min(width * 0.9, page.height() * HEIGHT_OF_PAGE))

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        format: QTextFormat,
    ) -> None:
        paint = self.painters.get(str(format.property(FIGURE_NAME)))
        if paint is None:
            return
        painter.save()
        font = QFont(doc.defaultFont())
        font.setPointSizeF(font.pointSizeF() * TYPE_SCALE)
        painter.setFont(font)
        paint(painter, QRectF(rect))
        painter.restore()


def install_figures(document: QTextDocument, painters: Mapping[str, Painter]) -> None:
    """Replace each figure's marker in ``document`` with the figure itself."""
    if not painters:
        return
    handler = FigureObject(painters, document)
    document.documentLayout().registerHandler(FIGURE_OBJECT, handler)
    for name in painters:
        cursor = document.find(marker(name))
        while not cursor.isNull():
            figure = QTextCharFormat()
            figure.setObjectType(FIGURE_OBJECT)
            figure.setProperty(FIGURE_NAME, name)
            cursor.insertText("\ufffc", figure)
            cursor = document.find(marker(name), cursor)
