"""Pagination rules checked on laid-out documents: headings never end a page."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QPdfWriter

from viewer.print.document import PrintDocument
from viewer.print.paginate import keep_headings_with_next, stranded_headings
from viewer.print.writer import Publication


def test_stranded_heading_moves_to_the_next_page(qapp, tmp_path) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    paragraphs = "".join(
        f"<h2>Heading {n}</h2><p>{'Words here. ' * 25 * (n % 4 + 1)}</p>" for n in range(40)
    )
    document = PrintDocument(paragraphs, tmp_path, writer, QSizeF(8000, 9000))
    assert stranded_headings(document), "the sample should strand a heading before the fix"
    pages = document.pageCount()
    keep_headings_with_next(document)
    assert stranded_headings(document) == []
    assert document.pageCount() >= pages


def test_no_part_of_the_bundled_publication_strands_a_heading(qapp, bundled) -> None:
    from viewer.print.options import PrintOptions

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    publication = Publication(bundled, PrintOptions(parts=("contents", "text", "actors")), writer)
    assert [part.name for part in publication.parts] == ["contents", "text", "actors"]
    for part in publication.parts:
        for document in part.documents:
            assert stranded_headings(document) == [], part.name
    assert publication.headings[0].title == "Contents"
    assert publication.headings[0].page == 0
