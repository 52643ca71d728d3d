"""The running header (briefing title, part) and footer ("Page N of M") painted in the margins."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.presentation.styles import UI_FAMILY
from viewer.print.pages import MM_PER_INCH

FURNITURE_POINT_SIZE = 8.0
GAP_MM = 5.0
"""Distance between the text area and the header rule or the footer line."""


def paint_furniture(
    painter: QPainter, body: QRectF, resolution: int, header: tuple[str, str], footer: str
) -> None:
    gap = GAP_MM * resolution / MM_PER_INCH
    font = QFont(UI_FAMILY)
    font.setPointSizeF(FURNITURE_POINT_SIZE)
    metrics = QFontMetricsF(font, painter.device())
    line_height = metrics.height()
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    left, right = header
    header_rect = QRectF(body.left(), body.top() - gap - line_height, body.width(), line_height)
    right_width = metrics.horizontalAdvance(right)
    title_width = body.width() - right_width - gap
    painter.drawText(
        header_rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        metrics.elidedText(left, Qt.TextElideMode.ElideRight, title_width),
    )
    painter.drawText(header_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, right)
    painter.setPen(QPen(QColor("#999999"), resolution / 200))
    rule_y = body.top() - gap * 0.6
    painter.drawLine(QPointF(body.left(), rule_y), QPointF(body.right(), rule_y))
    painter.setPen(QColor("#444444"))
    footer_rect = QRectF(body.left(), body.bottom() + gap, body.width(), line_height)
    painter.drawText(footer_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, footer)
    painter.restore()
