"""Laying out the publication's parts and painting them page by page on a paged device.

A PDF writer and a printer are both ``QPagedPaintDevice``, so the print dialog, the preview and
the PDF export all go through this one painter. Each part is its own document, so each can start
on a fresh page, carry its own running header and use its own orientation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPainter

from viewer.domain.model import Briefing
from viewer.domain.progress import Progress
from viewer.domain.prose import RenderedProse
from viewer.presentation.network import layout
from viewer.print.document import PrintDocument
from viewer.print.figures import Figure
from viewer.print.furniture import paint_furniture
from viewer.print.headings import Heading
from viewer.print.html import contents_html
from viewer.print.matrix import PAINTED
from viewer.print.matrix_pages import PaintedMatrix
from viewer.print.options import PARTS, PrintOptions
from viewer.print.pages import body_rect, body_width_mm, page_layout
from viewer.print.paginate import (
    PAGE_TOLERANCE,
    anchor_pages,
    keep_headings_with_next,
    keep_rows_whole,
)
from viewer.print.parts import has_content, part_blocks, part_heading
from viewer.typesetting.network import paint_network
from viewer.typesetting.timeline import paint_timeline, timeline_height

CONTENTS_DEPTH = 3
"""Parts, prose sections and their subsections; deeper headings are only bookmarks."""
MAX_CONTENTS_RUNS = 4
SECTION_CHARS = 200_000
"""HTML per laid-out document. Qt's text layout breaks down (and crashes) beyond some 700 pages
at the PDF's resolution; a long part is laid out as several documents of at most about 100
pages, each starting at a heading where one comes soon enough, and going on below the one
before it on the same page."""
_HEADING_START = re.compile(r"<h[1-6][ >]")


def sections(blocks: Sequence[str]) -> list[str]:
    """Top-level blocks of HTML grouped into pieces of about :data:`SECTION_CHARS` at most, each
    piece after the first starting at a heading where one comes within twice that size."""
    grouped: list[str] = []
    current: list[str] = []
    size = 0
    for block in blocks:
        at_heading = _HEADING_START.match(block) is not None
        if current and size > SECTION_CHARS and (at_heading or size > 2 * SECTION_CHARS):
            grouped.append("\n".join(current))
            current, size = [], 0
        current.append(block)
        size += len(block)
    grouped.append("\n".join(current))
    return grouped


class IncompleteExport(OSError):
    """A part could not be laid out whole: rather than a PDF that silently stops short of what
    was asked for, no PDF (an ``OSError``, reported as every failed export is)."""


def check_whole(name: str, document: PrintDocument) -> None:
    """Raise :class:`IncompleteExport` unless ``document`` is laid out to its last line within
    its pages (Qt's text layout can stop short of a very long document without saying so)."""
    last = document.lastBlock()
    while last.isValid() and last.length() <= 1:  # the empty block after a table is not laid out
        last = last.previous()
    if not last.isValid():
        return
    bottom = document.documentLayout().blockBoundingRect(last).bottom()
    room = document.pageCount() * document.pageSize().height()
    if last.layout().lineCount() == 0 or bottom > room + PAGE_TOLERANCE:
        raise IncompleteExport(
            f"the {PARTS[name]} part could not be laid out whole (it stops after page "
            f"{document.pageCount()} of one of its pieces); nothing was written"
        )


class PageSource(Protocol):
    """What a part's pages come from: a laid-out document, or pages painted directly."""

    shares_first_page: bool

    def pageCount(self) -> int: ...

    def ends_at(self) -> float: ...

    def drawContents(self, painter: QPainter, clip: QRectF) -> None: ...


@dataclass
class Part:
    name: str
    documents: list[PageSource]
    layout: QPageLayout
    first_page: int = 0

    @property
    def page_count(self) -> int:
        return len(self.pages())

    def pages(self) -> list[list[tuple[PageSource, int]]]:
        """Each page as what is painted on it: a document and its page index there (two, where
        a document goes on below the end of the one before it)."""
        pages: list[list[tuple[PageSource, int]]] = []
        for document in self.documents:
            for index in range(document.pageCount()):
                if index == 0 and pages and document.shares_first_page:
                    pages[-1].append((document, 0))
                else:
                    pages.append([(document, index)])
        return pages


class Publication:
    """Every chosen part laid out for ``device``, with page numbers and headings known."""

    def __init__(
        self,
        briefing: Briefing,
        options: PrintOptions,
        device: QPagedPaintDevice,
        progress: Progress | None = None,
    ):
        self.briefing = briefing
        self.options = options
        self.device = device
        self.progress = progress or Progress()
        """Hears each part laid out and each page painted, and can stop the work between them."""
        self.prose = briefing.rendered or RenderedProse((), (), ())
        chosen = [
            n for n in options.parts if n != "contents" and has_content(n, briefing, options.notes)
        ]
        with_actors = "actors" in chosen
        self.parts = []
        for number, name in enumerate(chosen):
            self.progress.step(f"Laying out: {PARTS[name]}", number / len(chosen))
            blocks = part_blocks(name, briefing, self._width(name), with_actors, options.notes)
            self.parts.append(self._part(name, blocks))
        self.headings = self._number()

    @property
    def page_count(self) -> int:
        return sum(part.page_count for part in self.parts)

    def text(self) -> str:
        """The characters the pages draw: every part's text, the running header's title and
        the painted figures' names (from the briefing's data)."""
        documents = [d for part in self.parts for d in part.documents]
        written = [d.toPlainText() for d in documents if isinstance(d, PrintDocument)]
        names = [a.name for a in self.briefing.actors] + [i.title for i in self.briefing.issues]
        return "".join({*"".join([self.briefing.title, *written, *names])})

    def _layout(self, name: str) -> QPageLayout:
        return page_layout(self.options, name == "matrix" and self.options.matrix_landscape)

    def _width(self, name: str) -> float:
        return body_width_mm(self._layout(name))

    def _part(self, name: str, blocks: Sequence[str]) -> Part:
        layout = self._layout(name)
        body = body_rect(layout, self.device.logicalDpiX())
        documents: list[PageSource] = []
        figures = self._figures(name)
        runs = [list(blocks)]
        if PAINTED in blocks:
            cut = list(blocks).index(PAINTED)
            runs = [list(blocks[:cut]), list(blocks[cut + 1 :])]
        for number, run in enumerate(runs):
            if number:
                start = documents[-1].ends_at() if documents else 0.0
                painted = PaintedMatrix(self.briefing, self.device, body.size(), start)
                documents.append(painted)
            for section in sections(run) if run else ():
                document = PrintDocument(
                    section, self.briefing.folder, self.device, body.size(), figures
                )
                if documents:
                    document.continue_below(documents[-1].ends_at())
                if name != "cover":
                    keep_headings_with_next(document)
                    keep_rows_whole(document)
                    keep_headings_with_next(document)  # tables moved may have stranded one
                check_whole(name, document)
                documents.append(document)
        return Part(name, documents, layout)

    def _figures(self, name: str) -> dict[str, Figure]:
        """The vector figures of part ``name``, drawn in black on white."""
        briefing, ink, paper = self.briefing, QColor("black"), QColor("white")
        if name == "relations":
            network = layout(briefing)
            return {
                name: Figure(
                    lambda painter, area: paint_network(painter, network, area, ink, paper),
                    lambda width, metrics: width * 0.9,
                )
            }
        if name == "timeline":
            return {
                name: Figure(
                    lambda painter, area: paint_timeline(painter, briefing, area, ink, paper),
                    lambda width, metrics: timeline_height(briefing, width, metrics),
                )
            }
        return {}

    def _place(self, reserved: int) -> None:
        """Give each part its first page; ``reserved`` pages after the cover are kept for a
        contents not built yet (0 once it is one of the parts)."""
        page = 0
        self.contents_page: int | None = None
        for part in self.parts:
            if part.name == "contents" or (
                reserved and self.contents_page is None and part.name != "cover"
            ):
                self.contents_page = page
                page += reserved
            part.first_page = page
            page += part.page_count

    def _headings(self) -> list[Heading]:
        headings = []
        if self.contents_page is not None:
            headings.append(Heading(PARTS["contents"], 1, "part-contents", self.contents_page))
        for part in self.parts:
            if part.name in ("cover", "contents"):
                continue
            if part.name != "text":
                headings.append(Heading(PARTS[part.name], 1, f"part-{part.name}", part.first_page))
                continue
            toc = self.prose.toc
            top = min((entry.level for entry in toc), default=1)
            pages: dict[str, int] = {}
            offset = 0
            for document in part.documents:
                assert isinstance(document, PrintDocument)  # the prose is never painted
                offset -= document.shares_first_page
                for anchor, page in anchor_pages(document).items():
                    pages.setdefault(anchor, offset + page)
                offset += document.pageCount()
            first_anchor = toc[0].anchor if toc else ""
            headings.append(Heading(PARTS["text"], 1, first_anchor, part.first_page))
            headings.extend(
                Heading(
                    e.title, e.level - top + 2, e.anchor, part.first_page + pages.get(e.anchor, 0)
                )
                for e in toc
            )
        return headings

    def _number(self) -> list[Heading]:
        """Page numbers for every heading; the contents is rebuilt until its length is stable."""
        if "contents" not in self.options.parts:
            self._place(0)
            return self._headings()
        contents_pages = 1
        for _ in range(MAX_CONTENTS_RUNS):
            self._place(contents_pages)
            headings = self._headings()
            shown = [
                h for h in headings if h.level <= CONTENTS_DEPTH and h.anchor != "part-contents"
            ]
            html = part_heading("contents") + contents_html(shown, 1)
            contents = self._part("contents", [html])
            if contents.page_count == contents_pages:
                break
            contents_pages = contents.page_count
        start = 1 if self.parts and self.parts[0].name == "cover" else 0
        self.parts.insert(start, contents)
        self._place(0)
        return headings

    def paint(self) -> None:
        """Paint every page; raises OSError when the device cannot be painted on."""
        painter = QPainter()
        total = self.page_count
        page = 0
        for part in self.parts:
            for sources in part.pages():
                self.device.setPageLayout(part.layout)
                if page == 0:
                    if not painter.begin(self.device):
                        raise OSError("the page device could not be opened for painting")
                else:
                    self.device.newPage()
                footer = f"Page {page + 1} of {total}"
                self.progress.step(f"Painting page {page + 1} of {total}", page / total)
                self._paint_page(painter, part, sources, footer)
                page += 1
        painter.end()

    def _paint_page(
        self,
        painter: QPainter,
        part: Part,
        sources: Sequence[tuple[PageSource, int]],
        footer: str,
    ) -> None:
        body = body_rect(part.layout, self.device.logicalDpiX())
        height = body.height()
        for document, index in sources:
            painter.save()
            painter.translate(body.left(), body.top() - index * height)
            # The layout pushes a line to a page's top with float sums that can leave it a hair
            # above the boundary; shifting the clip by the same tolerance draws it on its page
            # only, instead of also leaving an invisible copy of its text on the page before.
            clip = QRectF(0, index * height - PAGE_TOLERANCE, body.width(), height)
            document.drawContents(painter, clip)
            painter.restore()
        if part.name != "cover":
            header = (self.briefing.title, PARTS[part.name])
            paint_furniture(painter, body, self.device.logicalDpiX(), header, footer)
