"""Writing a briefing's PDF to a file, all or nothing.

The pages go to a temporary file beside the target, which replaces the target only once complete:
an interrupted or failed export never leaves a half-written PDF under the chosen name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from viewer.domain.atomic import replacing
from viewer.domain.model import Briefing
from viewer.domain.progress import Progress
from viewer.print.headings import Heading
from viewer.print.options import PrintOptions
from viewer.print.outline import CREATOR, finish_pdf
from viewer.print.writer import Publication

PDF_RESOLUTION = 1200


class NothingToPrint(OSError):
    """The chosen parts are all empty for this briefing (say, only a timeline it does not have).

    An ``OSError`` so that every caller already reporting failed writes reports this one too.
    """


def render_pdf(
    briefing: Briefing, options: PrintOptions, progress: Progress | None = None
) -> tuple[bytes, list[Heading], int, str]:
    """The PDF as Qt paints it, the headings its outline needs, its page count and the text its
    pages draw; ``progress`` hears each part and page, and can stop the work."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(briefing.title)
    writer.setCreator(CREATOR)
    publication = Publication(briefing, options, writer, progress)
    if publication.page_count == 0:
        raise NothingToPrint("the chosen parts have nothing to print for this briefing")
    publication.paint()
    headings, pages, drawn = publication.headings, publication.page_count, publication.text()
    del publication  # its documents are laid out for the writer: release them first
    del writer
    return bytes(buffer.data().data()), headings, pages, drawn


def write_pdf(
    briefing: Briefing, options: PrintOptions, path: Path, progress: Progress | None = None
) -> int:
    """Export to ``path`` and return the page count.

    Raises OSError when ``path`` cannot be written, and ``Cancelled`` when ``progress`` was
    cancelled, leaving nothing behind either way. The temporary file is made first, so an
    unwritable folder fails before any time goes into the layout.
    """
    with replacing(path) as temporary, temporary.open("wb") as target:
        pdf, headings, pages, drawn = render_pdf(briefing, options, progress)
        if progress is not None:
            progress.step("Finishing the PDF")
        finish_pdf(pdf, headings, briefing, target, drawn)
    return pages
