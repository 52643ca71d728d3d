"""Pagination rules checked on laid-out documents: headings never end a page, rows are never cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QImage, QPdfWriter, QTextImageFormat

from viewer.print.document import PrintDocument
from viewer.print.paginate import (
    keep_headings_with_next,
    keep_rows_whole,
    split_row,
    split_table,
    stranded_headings,
    tables,
)
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


def stance_tables(tmp_path, sections: int, rows: int) -> PrintDocument:
    """Headed tables like the stance appendix's, rows of many heights, on small pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    html = "".join(
        f"<h2>Issue {s}</h2><p>Should it pass?</p><table class='data'><thead><tr><th>Actor</th>"
        "<th>Evidence</th></tr></thead>"
        + "".join(
            f"<tr><td>Actor {n}</td><td>{'Evidence. ' * (3 + (s * 13 + n * 7) % 60)}</td></tr>"
            for n in range(rows)
        )
        + "</table>"
        for s in range(sections)
    )
    return PrintDocument(html, tmp_path, QPdfWriter(buffer), QSizeF(8000, 9000))


def cut_rows(document: PrintDocument) -> list[tuple[int, int]]:
    return [
        (number, found[0])
        for number, table in enumerate(tables(document.rootFrame()))
        if (found := split_row(document, table, 0))
    ]


@pytest.mark.parametrize(("sections", "rows"), [(1, 60), (30, 3)])
def test_table_rows_and_a_table_with_its_heading_are_never_cut_by_a_page(
    qapp, tmp_path, sections: int, rows: int
) -> None:
    document = stance_tables(tmp_path, sections, rows)
    assert cut_rows(document), "the sample should cut a row before the fix"
    keep_rows_whole(document)
    assert cut_rows(document) == []
    assert document.pageCount() > 3


def image_formats(document: PrintDocument) -> list[QTextImageFormat]:
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if fragments.fragment().charFormat().isImageFormat():
                found.append(fragments.fragment().charFormat().toImageFormat())
            fragments += 1
        block = block.next()
    return found


def test_images_wider_than_the_page_are_scaled_down_and_small_ones_kept(qapp, tmp_path) -> None:
    for name, width, height in (("wide.png", 3000, 1500), ("small.png", 120, 90)):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(0x336699)
        assert image.save(str(tmp_path / name))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    body = QSizeF(8000, 9000)
    document = PrintDocument(
        '<p><img src="wide.png"></p><p><img src="small.png"></p>', tmp_path, writer, body
    )
    wide, small = image_formats(document)
    page_px = body.width() * 96 / writer.logicalDpiX()
    assert wide.width() == pytest.approx(page_px)
    assert wide.height() == pytest.approx(page_px / 2)
    assert (small.width(), small.height()) == (0, 0)  # its own size, not stretched
    assert document.documentLayout().documentSize().width() <= body.width() + 1


def test_a_short_table_without_header_rows_is_not_split_between_pages(qapp, tmp_path) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    rows = "".join(f"<tr><td>I{n}</td><td>Issue {n}</td></tr>" for n in range(10))
    for filler in range(20, 60):
        document = PrintDocument(
            "<p>" + "Words before the table. " * filler + "</p><p>Positions:</p>"
            f"<table>{rows}</table>",
            tmp_path,
            QPdfWriter(buffer),
            QSizeF(8000, 6000),
        )
        (table,) = tables(document.rootFrame())
        if split_table(document, table):
            break
    else:
        pytest.fail("no sample split the table")
    keep_rows_whole(document)
    assert not split_table(document, table)
    assert document.pageCount() == 2
