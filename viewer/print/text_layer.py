"""Mending the text layer of Qt's PDF, so that search, copy and extraction give back the text.

Qt writes, for each embedded font, a ToUnicode map that gives every glyph the lowest code point
the font maps to it (``QFontSubset::getReverseMap``). Where a font maps several code points to
one glyph that is the wrong one: the space glyph comes back as a tab (the font also maps U+0009
to it), 日 as the Kangxi radical ⽇ and 民 as the radical ⺠ (Noto CJK draws each pair alike), and
an Arabic or Hebrew letter shaped in context as its presentation form (U+FB50–U+FEFF), which
search and copy do not match. Each such entry is given the character the briefing really holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, StreamObject
from PySide6.QtGui import QFont, QRawFont

from viewer.presentation.styles import PROSE_FALLBACKS, PROSE_FAMILY, UI_FALLBACKS, UI_FAMILY

_PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufeff\u2e80-\u2fdf\uf900-\ufaff]")
"""Presentation forms (ligatures, Arabic and Hebrew letters in context), CJK radicals and
compatibility ideographs: characters written for their looks, which a text rarely holds."""
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_RANGES = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)


def _decode(token: bytes) -> str:
    return bytes.fromhex(token.decode()).decode("utf-16-be", "replace")


def _encode(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"


class Mender:
    """Picks the right character for each glyph of the fonts of a PDF whose pages draw the
    characters ``drawn``."""

    def __init__(self, drawn: str) -> None:
        self.drawn = set(drawn)
        self.faces: dict[str, tuple[QRawFont, dict[tuple[int, ...], str]]] = {}

    def face(self, base_font: str) -> tuple[QRawFont, dict[tuple[int, ...], str]]:
        """The declared face a font's PostScript name (``NotoSerifCJKsc-Bold``) stands for,
        with each of its glyphs that draws a character of the text and that character
        (nothing for a face that is not declared or not installed)."""
        name = base_font.split("+")[-1].lower()
        families = (PROSE_FAMILY, UI_FAMILY, *PROSE_FALLBACKS, *UI_FALLBACKS)
        family = next((f for f in families if name.startswith(f.replace(" ", "").lower())), "")
        if family not in self.faces:
            raw = QRawFont.fromFont(QFont(family)) if family else QRawFont()
            if not raw.isValid() or raw.familyName() != family:
                self.faces[family] = (QRawFont(), {})
            else:
                glyphs = {tuple(raw.glyphIndexesForString(c)): c for c in sorted(self.drawn)}
                self.faces[family] = (raw, glyphs)
        return self.faces[family]

    def character(self, written: str, base_font: str) -> str:
        """What a glyph Qt mapped to ``written`` (a character the text does not hold) stands
        for in the text: a character of the text the face draws with the same glyph, else the
        letters a presentation form stands for."""
        if written == "\t":
            return " "
        folded = unicodedata.normalize("NFKC", written)
        if folded in self.drawn:
            return folded
        raw, glyphs = self.face(base_font)
        if raw.isValid():
            found = glyphs.get(tuple(raw.glyphIndexesForString(written)))
            if found is not None:
                return found
        return folded if _PRESENTATION_FORMS.fullmatch(written) else written

    def mend(self, data: bytes, base_font: str) -> bytes:
        """A ToUnicode map with the right characters."""

        def replaced(found: re.Match[bytes]) -> bytes:
            written = _decode(found.group(1))
            if written in self.drawn or len(written) != 1:
                return found.group(0)
            return _encode(self.character(written, base_font))

        def ranges(found: re.Match[bytes]) -> bytes:
            # Each line maps source codes (its first two tokens) to destinations (the rest).
            mended = []
            for line in found.group(1).split(b"\n"):
                cut = _second_token_end(line)
                mended.append(line[:cut] + _HEX.sub(replaced, line[cut:]))
            return b"beginbfrange" + b"\n".join(mended) + b"endbfrange"

        return _RANGES.sub(ranges, data)


def _second_token_end(line: bytes) -> int:
    tokens = list(_HEX.finditer(line))
    return tokens[1].end() if len(tokens) >= 2 else len(line)


def mend_text_layer(writer: PdfWriter, drawn: str) -> None:
    """Give each glyph of ``writer``'s fonts the character of ``drawn`` (the text its pages
    draw) it stands for, where Qt wrote another."""
    mender = Mender(drawn)
    seen: set[int] = set()
    for font in _fonts(writer):
        stream = font.get("/ToUnicode")
        if stream is None or stream.idnum in seen:
            continue
        seen.add(stream.idnum)
        to_unicode = stream.get_object()
        assert isinstance(to_unicode, StreamObject)
        data = to_unicode.get_data()
        mended = mender.mend(data, str(font.get("/BaseFont", ""))[1:])
        if mended != data:
            to_unicode.set_data(mended)


def _fonts(writer: PdfWriter) -> Iterable[DictionaryObject]:
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for font in fonts.get_object().values():
            font = font.get_object()
            if isinstance(font, DictionaryObject):
                yield font
