"""Page geometry: paper, orientation and the margins that hold the running header and footer."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize

from viewer.print.options import PrintOptions

MARGINS_MM = QMarginsF(20, 22, 20, 18)
"""Left, top, right, bottom; the top and bottom margins hold the header and footer."""
MM_PER_INCH = 25.4


def page_layout(options: PrintOptions, landscape: bool) -> QPageLayout:
    """A full-page layout (no device margins): the painter's origin is the paper's corner."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(options.page_size_id),
        orientation,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def body_rect(layout: QPageLayout, resolution: int) -> QRectF:
    """The text area in device pixels."""
    scale = resolution / MM_PER_INCH
    paper = QRectF(layout.fullRectPixels(resolution))
    return paper.adjusted(
        MARGINS_MM.left() * scale,
        MARGINS_MM.top() * scale,
        -MARGINS_MM.right() * scale,
        -MARGINS_MM.bottom() * scale,
    )


def body_width_mm(layout: QPageLayout) -> float:
    return (
        layout.fullRect(QPageLayout.Unit.Millimeter).width()
        - MARGINS_MM.left()
        - MARGINS_MM.right()
    )
