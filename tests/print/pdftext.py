"""Reading exported PDFs back: page texts through poppler's pdftotext, structure through pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

GLYPH_CELL = re.compile(r"^(\+\+|\+|±|0|−|−−|\?)′?$")
"""A matrix cell's text: a position glyph, maybe with the low-confidence mark."""


def page_texts(pdf: Path) -> list[str]:
    """Text of each page, laid out so table cells stay apart; whitespace runs kept."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.split("\f")[: len(PdfReader(pdf).pages)]


def flat(text: str) -> str:
    """Whitespace collapsed, so names wrapped over two lines still match."""
    return " ".join(text.split())


def glyph_cells(text: str) -> int:
    return sum(1 for token in text.split() if GLYPH_CELL.match(token))
