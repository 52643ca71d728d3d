"""The one layout every tab uses: optional rows on top, then two panes side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget

FLUSH = (0, 0, 0, 0)
INSET = (4, 4, 4, 0)
"""Margins for tabs whose top rows hold controls, so they do not touch the window's edge."""


def stack(*widgets: QWidget, grow: int = -1) -> QWidget:
    """Widgets one above the other, flush; ``grow`` (an index) takes the spare height."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(*FLUSH)
    column.setSpacing(2)
    for index, widget in enumerate(widgets):
        column.addWidget(widget, 1 if index == grow % len(widgets) else 0)
    return holder


def beside(*widgets: QWidget) -> QWidget:
    """Widgets in a row, flush; the first takes the spare width (a bar and its button)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(*FLUSH)
    for index, widget in enumerate(widgets):
        row.addWidget(widget, 1 if index == 0 else 0)
    return holder


def side_by_side(
    owner: QWidget,
    first: QWidget,
    second: QWidget,
    sizes: tuple[int, int],
    grow: int = 1,
    above: Sequence[QWidget | QLayout] = (),
    margins: tuple[int, int, int, int] = FLUSH,
) -> QSplitter:
    """Fill ``owner`` with ``above`` and a splitter of the two panes; pane ``grow`` gets the
    spare width when the window widens."""
    splitter = QSplitter()
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setStretchFactor(grow, 1)
    splitter.setSizes(list(sizes))
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(*margins)
    for item in above:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    layout.addWidget(splitter, 1)
    return splitter
