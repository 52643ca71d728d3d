"""Where a laid-out document's blocks fall on its pages, and keeping headings off page bottoms.

A paged ``QTextDocument`` puts page ``n`` at ``y = n * pageHeight``; lines and table rows that
would straddle a boundary are pushed below it by the layout itself, so a block's top gives its page.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument

from viewer.typesetting.anchors import named_anchors

PAGE_TOLERANCE = 1.0
"""Device pixels (1/1200 inch in a PDF)."""
MAX_PASSES = 6
"""Moving one heading can strand another; a few passes settle every real document."""


def blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def block_top(document: QTextDocument, block: QTextBlock) -> float:
    """Where the block's first line starts: a line pushed past a page boundary moves, while the
    block's own rectangle (and so its top margin) stays on the page before."""
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return top + layout.lineAt(0).y() if layout.lineCount() else top


def page_of(document: QTextDocument, y: float) -> int:
    """The page holding ``y``; a line pushed to a page's top lands a hair above it (float sums)."""
    return int((y + PAGE_TOLERANCE) // document.pageSize().height())


def stranded_headings(document: QTextDocument) -> list[QTextBlock]:
    """Headings that are the last block on their page, unless already at a page's top."""
    height = document.pageSize().height()
    found = []
    for block in blocks(document):
        following = block.next()
        if not block.blockFormat().headingLevel() or not following.isValid():
            continue
        top = block_top(document, block)
        at_page_top = top - page_of(document, top) * height < height * 0.05
        if not at_page_top and page_of(document, block_top(document, following)) > page_of(
            document, top
        ):
            found.append(block)
    return found


def keep_headings_with_next(document: QTextDocument) -> None:
    for _ in range(MAX_PASSES):
        stranded = stranded_headings(document)
        if not stranded:
            return
        page_break = QTextBlockFormat()
        page_break.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        editing = QTextCursor(document)
        editing.beginEditBlock()  # one layout pass for all the breaks, not one per break
        for block in stranded:
            editing.setPosition(block.position())
            editing.mergeBlockFormat(page_break)
        editing.endEditBlock()


def anchor_pages(document: QTextDocument) -> dict[str, int]:
    """The page (counting from 0 within the document) of every named anchor."""
    pages: dict[str, int] = {}
    for name, block in named_anchors(document.begin()):
        if name not in pages:
            pages[name] = page_of(document, block_top(document, block))
    return pages
