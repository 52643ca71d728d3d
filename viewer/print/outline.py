"""PDF bookmarks and document information, added with pypdf after Qt has written the pages.

Qt's PDF engine writes no outline and only a title, so the finished file is completed with an
incremental update: Qt's bytes stay as they are and the outline follows them, which costs the
same for a 5-page and a 500-page document.
"""

from __future__ import annotations

from io import BytesIO
from typing import BinaryIO

from pypdf import PdfWriter
from pypdf.generic import IndirectObject

from viewer import __version__
from viewer.domain.model import Briefing
from viewer.print.headings import Heading
from viewer.print.text_layer import mend_text_layer

CREATOR = f"Briefing Viewer {__version__}"


def metadata(briefing: Briefing) -> dict[str, str]:
    return {
        "/Title": briefing.title,
        "/Author": ", ".join(briefing.authors),
        "/Subject": briefing.summary or briefing.subtitle,
        "/Creator": CREATOR,
    }


def finish_pdf(
    pdf: bytes, headings: list[Heading], briefing: Briefing, target: BinaryIO, drawn: str = ""
) -> None:
    """Write ``pdf`` to ``target`` with a bookmark per heading, nested by level, and its text
    layer mended for the text ``drawn`` on its pages (``text_layer``)."""
    writer = PdfWriter(BytesIO(pdf), incremental=True)
    mend_text_layer(writer, drawn)
    parents: list[tuple[int, IndirectObject]] = []
    for heading in headings:
        while parents and parents[-1][0] >= heading.level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(title=heading.title, page_number=heading.page, parent=parent)
        parents.append((heading.level, item))
    writer.page_mode = "/UseOutlines"
    writer.add_metadata(metadata(briefing))
    writer.write(target)
