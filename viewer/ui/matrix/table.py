"""The matrix table: cells painted in their position's colour, Enter and Ctrl+C."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from viewer.ui.actions import LOCAL_KEYS
from viewer.ui.matrix.model import Index, MatrixModel


class CellDelegate(QStyledItemDelegate):
    """Paints a cell's own colour even when selected, outlining the selection instead.

    The default style replaces the background with the highlight colour, which would hide the very
    position the reader just clicked. The look comes straight from the model
    (:meth:`MatrixModel.look_at`), and empty cells cost no drawing at all: with PySide6 6.12 on
    Python 3.11 every call into Qt from Python that returns nothing over-releases ``None``, so
    painting code is kept to the fewest such calls.
    """

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.outer = QPen(QColor("#000000"), 2)
        self.inner = QPen(QColor("#ffffff"), 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        look = self.model.look_at(index)
        if look is not None:
            text, background, foreground, font = look
            painter.fillRect(rect, background)
            painter.setPen(foreground.color())
            painter.setFont(font or option.font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(self.outer)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.setPen(self.inner)
            painter.drawRect(rect.adjusted(3, 3, -3, -3))


class MatrixTable(QTableView):
    """The table itself: Enter opens the current stance's passage, Ctrl+C copies the selection."""

    enter_pressed = Signal()
    copy_requested = Signal()
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        copy = LOCAL_KEYS["copy_cells"].key
        if isinstance(copy, QKeySequence.StandardKey) and event.matches(copy):
            self.copy_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        else:
            super().keyPressEvent(event)
