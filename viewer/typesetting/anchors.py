"""Where a laid-out document's named anchors are: the one walk over its text fragments that the
reading view and the printed pages both need."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock


def named_anchors(block: QTextBlock) -> Iterator[tuple[str, QTextBlock]]:
    """Every anchor name from ``block`` to the end of its document, with the block holding it."""
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                yield name, block
            fragments += 1
        block = block.next()
