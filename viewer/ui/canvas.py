"""A drawing the reader can work with the mouse or the keyboard alone: the base of the Relations
and Timeline tabs' views.

Drag to pan, Ctrl+wheel or + and - to zoom, 0 to fit. Tab and Shift+Tab step through the
drawing's stops (actors, events) in reading order and, past the last, move on to the next control:
a drawing is never a keyboard trap. Enter, or a double-click, opens the selected item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QToolButton

from viewer.ui.accessible import announce

ZOOM_STEP = 1.25
HINT = "Tab moves from item to item, Enter opens the one chosen; + and − zoom, 0 fits"


class Canvas(QGraphicsView):
    opened = Signal(object)
    """An item the reader double-clicked or pressed Enter on."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(HINT)
        self.viewport().setAccessibleName("Drawing")

    # -- what a drawing says --------------------------------------------------------------

    def stops(self) -> list[QGraphicsItem]:
        """The items Tab steps through, in order."""
        raise NotImplementedError

    def opens(self, item: QGraphicsItem) -> bool:
        """Whether a double-click on ``item`` opens it."""
        raise NotImplementedError

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)

    def fit(self) -> None:
        raise NotImplementedError

    # -- the reader's part ----------------------------------------------------------------

    def step(self, forward: bool) -> bool:
        """Select the next (or previous) stop; False past the end."""
        stops = self.stops()
        current = next((item for item in stops if item.isSelected()), None)
        if current is None:
            position = 0 if forward else len(stops) - 1
        else:
            position = stops.index(current) + (1 if forward else -1)
        if not 0 <= position < len(stops):
            return False
        self.scene().clearSelection()
        stops[position].setSelected(True)
        self.ensureVisible(stops[position], 60, 60)
        announce(self, stops[position].toolTip(), HINT)
        return True

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self.hasFocus() and self.step(forward):
            return True
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        selected = self.scene().selectedItems()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            self.opened.emit(selected[0])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
        else:
            super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not self.opens(item):
            item = item.parentItem()
        if item is not None:
            self.opened.emit(item)
        else:
            super().mouseDoubleClickEvent(event)


def zoom_buttons(canvas: Canvas, what: str) -> list[QToolButton]:
    """+, − and Fit for ``canvas``, named for a screen reader ("Zoom in (time)")."""
    buttons = []
    for text, name, act in (
        ("+", f"Zoom in{what}", lambda: canvas.zoom(ZOOM_STEP)),
        ("−", f"Zoom out{what}", lambda: canvas.zoom(1 / ZOOM_STEP)),
        ("Fit", "Fit to the window", canvas.fit),
    ):
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(act)
        buttons.append(button)
    return buttons
