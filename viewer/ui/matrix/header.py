"""The matrix's headers: issue labels that run bottom to top, and theme bands along them.

Also used by the Compare tab's alignment table, whose columns are actors.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHeaderView, QToolTip, QWidget

from viewer.ui.roles import BAND_ROLE, SHADE_ROLE

HEADER_HEIGHT = 170
BAND = 18
"""Thickness of the theme band drawn along the issue header."""
SHADES = (QColor("#e4e4ec"), QColor("#c9c9d6"))
BAND_INK = QColor("#1a1a1a")
"""The band shades are light in every palette, so their labels are always dark."""


WRAP = Qt.TextFlag.TextWordWrap


def fitted(metrics: QFontMetrics, text: str, box: QRect) -> str:
    """``text`` wrapped over as many lines as ``box`` holds, shortened with "…" when even
    that is too little: a wider column shows more of a long title, on more lines."""

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(box, WRAP, candidate).height() <= box.height()

    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits with its "…"
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class MatrixHeader(QHeaderView):
    """A header whose horizontal labels run bottom to top, so narrow columns stay readable.

    When the model gives a section a theme (``BAND_ROLE``), a band runs along the header with the
    theme's title spanning its group of sections, so the grouping by theme can be seen at a glance.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.label_width = 120

    def _band(self, section: int) -> str | None:
        model = self.model()
        return model.headerData(section, self.orientation(), BAND_ROLE) if model else None

    def sizeHint(self) -> QSize:
        """The fixed depth, and the sections' length along: Qt's own hint measures the text of
        sections (thousands of them in a roll-call) on every layout, only to be overridden."""
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(self.length(), HEADER_HEIGHT)
        band = BAND if self.count() and self._band(0) is not None else 0
        return QSize(self.label_width + band, self.length())

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        banded = self._band(section) is not None
        if self.orientation() == Qt.Orientation.Vertical:
            super().paintSection(painter, rect.adjusted(BAND if banded else 0, 0, 0, 0), section)
            return
        area = rect.adjusted(0, BAND if banded else 0, 0, 0)
        current = self.selectionModel().currentIndex().column() == section
        palette = self.palette()
        painter.save()
        painter.fillRect(area, palette.highlight() if current else palette.button())
        painter.setPen(palette.mid().color())
        painter.drawLine(area.topRight(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        font = self.font()
        font.setBold(current)
        painter.setFont(font)
        painter.setPen(
            palette.highlightedText().color() if current else palette.buttonText().color()
        )
        text = str(self.model().headerData(section, self.orientation()) or "")
        box = QRect(0, 2, area.height() - 10, area.width() - 4)  # the label's room, turned
        text = fitted(QFontMetrics(font), text, box)
        painter.translate(area.left(), area.bottom() - 5)
        painter.rotate(-90)
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | WRAP, text)
        painter.restore()

    def viewportEvent(self, event: QEvent) -> bool:
        """Over a theme band, the tooltip is the theme's whole title (the band may be too
        short to show it); over a section, the section's own tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            horizontal = self.orientation() == Qt.Orientation.Horizontal
            across = event.pos().y() if horizontal else event.pos().x()
            section = self.logicalIndexAt(event.pos())
            title = self._band(section) if section >= 0 and across < BAND else None
            if title is not None:
                QToolTip.showText(event.globalPos(), f"Theme: {title}", self)
                return True
        return super().viewportEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the theme bands over the sections, one label per run of same-theme sections."""
        super().paintEvent(event)
        if not self.count() or self._band(0) is None:
            return
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        extent = self.viewport().width() if horizontal else self.viewport().height()
        first = self.logicalIndexAt(0)
        last = self.logicalIndexAt(extent - 1)
        last = self.count() - 1 if last < 0 else last
        model = self.model()
        painter = QPainter(self.viewport())
        painter.setPen(BAND_INK)
        section = first
        while 0 <= section <= last:
            title = self._band(section)
            end = section
            while end < last and self._band(end + 1) == title:
                end += 1
            start = self.sectionViewportPosition(section)
            size = self.sectionViewportPosition(end) + self.sectionSize(end) - start
            shade = SHADES[model.headerData(section, self.orientation(), SHADE_ROLE) or 0]
            band = QRect(start, 0, size, BAND) if horizontal else QRect(0, start, BAND, size)
            painter.fillRect(band, shade)
            painter.drawLine(band.topLeft(), band.bottomLeft() if horizontal else band.topRight())
            painter.save()
            if horizontal:
                visible = band.intersected(self.viewport().rect()).adjusted(3, 0, -2, 0)
            else:
                painter.translate(0, band.bottom())
                painter.rotate(-90)
                visible = QRect(3, 0, size - 5, BAND)
            text = self.fontMetrics().elidedText(
                str(title), Qt.TextElideMode.ElideRight, visible.width()
            )
            painter.drawText(visible, Qt.AlignmentFlag.AlignVCenter, text)
            painter.restore()
            section = end + 1
        painter.end()
