"""Where a laid-out document's blocks fall on its pages; headings kept off page bottoms and table
rows kept whole.

A paged ``QTextDocument`` puts page ``n`` at ``y = n * pageHeight``; lines that would straddle a
boundary are pushed below it by the layout itself, so a block's top gives its page.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

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


def block_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """Where the block's last line ends (its rectangle also holds the padding of a table cell)."""
    bottom = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return (
        bottom + layout.lineAt(layout.lineCount() - 1).rect().bottom()
        if layout.lineCount()
        else bottom
    )


def page_of(document: QTextDocument, y: float) -> int:
    """The page holding ``y``; a line pushed to a page's top lands a hair above it (float sums)."""
    return int((y + PAGE_TOLERANCE) // document.pageSize().height())


def below_page_top(document: QTextDocument, y: float) -> float:
    return y - page_of(document, y) * document.pageSize().height()


def stranded_headings(document: QTextDocument) -> list[QTextBlock]:
    """Headings that end their page, alone or with one short line under them (an actor's kind,
    an issue's question), unless already at a page's top."""
    height = document.pageSize().height()
    found = []
    for block in blocks(document):
        following = block.next()
        if not block.blockFormat().headingLevel() or not following.isValid():
            continue
        if following.layout().lineCount() == 1 and following.next().isValid():
            following = following.next()  # the body starts after the short line
        top = block_top(document, block)
        at_page_top = below_page_top(document, top) < height * 0.05
        if not at_page_top and page_of(document, block_top(document, following)) > page_of(
            document, top
        ):
            found.append(block)
    return found


def keep_headings_with_next(document: QTextDocument) -> None:
    document.pageCount()  # lays it out to its end: blocks not laid out yet would look stranded
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


MAX_ROW_MOVES = 2_000
"""Each moved row costs a layout of the rest of its document: a bound, far above any real part."""
MAX_KEPT_CELLS = 1_000
"""Rows are kept whole in tables of up to this many cells (the stance appendix's run to 600 at
roll-call scale). Moving a row lays its table out again, some 0.6 s for a 39 × 50 table, so a
larger one is left to split where Qt splits it."""


ROW_END_MARGIN_PX = 12.0
"""Measured: a row ending 4 to 19 px above the boundary makes the layout move the next row whole."""


def tables(frame: QTextFrame) -> Iterator[QTextTable]:
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from tables(child)


def first_line(document: QTextDocument, table: QTextTable, row: int) -> float:
    """Where the text of a table row starts: the top of its highest first line."""
    return min(
        block_top(document, table.cellAt(row, column).firstCursorPosition().block())
        for column in range(table.columns())
    )


def split_row(document: QTextDocument, table: QTextTable, start: int) -> tuple[int, float] | None:
    """The table's first row from ``start`` on (below the repeated header rows) that starts on
    one page and ends on the next, with where its text starts; a row taller than a page is left
    to split. The first row counts as starting where its table's heading does: a heading or
    header rows alone at a page's foot are a split."""
    height = document.pageSize().height()
    scale = 96 / document.documentLayout().paintDevice().logicalDpiY()
    frame = document.documentLayout().frameBoundingRect(table)
    first, last = table.format().headerRowCount(), table.rows() - 1
    for row in range(max(start, first), table.rows()):
        top, bottom = first_line(document, table, row), 0.0
        for column in range(table.columns()):
            end = document.findBlock(table.cellAt(row, column).lastCursorPosition().position())
            bottom = max(bottom, block_bottom(document, end))
        if row == first:
            heading = introduction(document, table)
            top = min(top, frame.top(), block_top(document, heading) if heading else top)
        if row == last:  # its padding and border too: they would bring the header rows along
            bottom = max(bottom, frame.bottom() - table.format().bottomMargin() / scale)
        if page_of(document, top) != page_of(document, bottom - 1) and bottom - top < height:
            return row, top
    return None


SHORT_TABLE_ROWS = 12
"""A table with no header rows of up to this many rows is kept on one page; a longer one may
run on, its rows being many enough to make sense on each page."""


def split_table(document: QTextDocument, table: QTextTable) -> bool:
    """Whether a short table runs over a page boundary although a page would hold it."""
    if table.rows() > SHORT_TABLE_ROWS:
        return False
    frame = document.documentLayout().frameBoundingRect(table)
    height = document.pageSize().height()
    return frame.height() < height and page_of(document, frame.top()) != page_of(
        document, frame.bottom() - 1
    )


def introduction(document: QTextDocument, table: QTextTable) -> QTextBlock | None:
    """The heading that introduces the table, when it comes at most three blocks before it."""
    block = document.findBlock(table.firstPosition() - 1)
    for _ in range(3):
        if not block.isValid():
            return None
        if block.blockFormat().headingLevel():
            return block
        block = block.previous()
    return None


def break_before_table(document: QTextDocument, table: QTextTable) -> bool:
    """Start the table on a new page, with the heading that introduces it; False when that was
    done already or cannot help (it is as high on its page as it can be)."""
    block = introduction(document, table) or document.findBlock(table.firstPosition() - 1)
    policy = QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
    at_top = below_page_top(document, block_top(document, block)) < 2 * PAGE_TOLERANCE
    if at_top or block.blockFormat().pageBreakPolicy() & policy:
        return False
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(policy)
    QTextCursor(block).mergeBlockFormat(page_break)
    return True


def lengthen_row(document: QTextDocument, table: QTextTable, row: int, boundary: float) -> None:
    """End ``row`` just above the page boundary: an empty line at the end of its first cell,
    as tall as the space left, so that the layout moves the next row whole to the next page."""
    scale = 96 / document.documentLayout().paintDevice().logicalDpiY()
    cell = table.cellAt(row, 0)
    table_format = table.format()
    # What the layout keeps free below a cell's last line on a page (the table's top margin
    # too: Qt counts it at the foot of every page), and a margin: the row after must start
    # below the page's last line, but the empty line must not be pushed past it.
    below_text = (
        cell.format().toTableCellFormat().bottomPadding()
        + 2 * table_format.border()
        + table_format.cellSpacing()
        + table_format.topMargin()
        + ROW_END_MARGIN_PX
    )
    last = document.findBlock(cell.lastCursorPosition().position())
    space = (boundary - block_bottom(document, last)) * scale - below_text
    line = QTextBlockFormat()
    line.setLineHeight(max(space, 0.0), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor = QTextCursor(last)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock(line)


def keep_rows_whole(document: QTextDocument) -> None:
    """Move every table row that a page boundary would cut to the next page, under the table's
    repeated header rows: a reader never finds a name on one page and its position on the next.
    Qt's layout moves a row whole only when it starts below the page's last line, so the row
    before is lengthened to end there (as Qt lengthens it when it moves a row itself), one row
    at a time: each move shifts what follows. A table whose first row would be cut starts on
    the next page, with its heading, and so does a short table with no header rows (an actor's
    positions): its last rows alone on a page, with nothing to say what they are, help no one."""
    height = document.pageSize().height()
    moves = 0
    for table in list(tables(document.rootFrame())):  # earlier tables stay as they are
        if table.rows() * table.columns() > MAX_KEPT_CELLS:
            continue
        if not table.format().headerRowCount() and split_table(document, table):
            moves += 1  # a short table with no header to repeat goes whole to the next page
            if break_before_table(document, table):
                continue
        start = 0
        while moves < MAX_ROW_MOVES and (found := split_row(document, table, start)):
            row, top = found
            moves += 1
            if row == table.format().headerRowCount():
                if not break_before_table(document, table):
                    start = row + 1  # as high as it goes already: let it split
                continue
            lengthen_row(document, table, row - 1, (page_of(document, top) + 1) * height)
            again = split_row(document, table, row - 1)
            # a move that did not take, or cut the row above, is left: never a loop
            start = row + 1 if again and again[0] in (row - 1, row) else row
