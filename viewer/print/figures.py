"""Figures painted into a printed part as vector drawings: a marker in the part's HTML becomes
an object of the text document that its painter draws when the page is painted, so lines and
names stay sharp at any zoom and the names stay text in the PDF."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)


@dataclass(frozen=True)
class Figure:
    paint: Callable[[QPainter, QRectF], None]
    """Draws the figure into the rectangle it was given."""
    height: Callable[[float, QFontMetricsF], float]
    """Its height for a width (in device units) and the measures of its names' font."""


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

    def __init__(self, figures: Mapping[str, Figure], parent: QObject) -> None:
        super().__init__(parent)
        self.figures = figures

    def intrinsicSize(self, doc: QTextDocument, position: int, format: QTextFormat) -> QSizeF:
        page = doc.pageSize()
        width = doc.textWidth() if doc.textWidth() > 0 else page.width()
        figure = self.figures.get(str(format.property(FIGURE_NAME)))
        if figure is None:
            return QSizeF(0, 0)
        metrics = QFontMetricsF(names_font(doc), doc.documentLayout().paintDevice())
        return QSizeF(width, min(figure.height(width, metrics), page.height() * HEIGHT_OF_PAGE))

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        format: QTextFormat,
    ) -> None:
        figure = self.figures.get(str(format.property(FIGURE_NAME)))
        if figure is None:
            return
        painter.save()
        painter.setFont(names_font(doc))
        figure.paint(painter, QRectF(rect))
        painter.restore()


def names_font(doc: QTextDocument) -> QFont:
    font = QFont(doc.defaultFont())
    font.setPointSizeF(font.pointSizeF() * TYPE_SCALE)
    return font


def install_figures(document: QTextDocument, figures: Mapping[str, Figure]) -> None:
    """Replace each figure's marker in ``document`` with the figure itself."""
    if not figures:
        return
    handler = FigureObject(figures, document)
    document.documentLayout().registerHandler(FIGURE_OBJECT, handler)
    for name in figures:
        cursor = document.find(marker(name))
        while not cursor.isNull():
            figure = QTextCharFormat()
            figure.setObjectType(FIGURE_OBJECT)
            figure.setProperty(FIGURE_NAME, name)
            cursor.insertText("\ufffc", figure)
            cursor = document.find(marker(name), cursor)
