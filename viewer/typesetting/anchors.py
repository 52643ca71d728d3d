"""Where a laid-out document's named anchors are: the one walk over its text fragments that the
reading view and the printed pages both need."""

from __future__ import annotations

import re
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


_TABLE_WITH_ID = re.compile(r'<table id="([^"]+)"')


def table_anchors(html: str) -> str:
    """Qt's rich text drops a table's id: each named table gets a named anchor in a hairline
    paragraph just before it, where a link to the table then lands."""
    return _TABLE_WITH_ID.sub(
        r'<p style="margin: 0; font-size: 1px"><a name="\1">&#8203;</a></p>\g<0>', html
    )
