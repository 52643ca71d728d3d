"""Every script the app promises draws with a real glyph, through the bundled faces and the
declared fallbacks; what no face draws is found, named and located."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics, QRawFont

from tests.multilingual import LINKED, MIXED, MIXED_RTL, PARAGRAPHS
from viewer.cli import main
from viewer.domain.scripts import SURELY_DRAWN
from viewer.presentation.styles import PROSE_FAMILY, UI_FAMILY
from viewer.resources import font_files
from viewer.typesetting.coverage import undrawn, undrawn_characters
from viewer.typesetting.fonts import load_fonts

ALL_TEXT = "".join([*PARAGRAPHS.values(), MIXED, MIXED_RTL, *LINKED.values()])


@pytest.fixture(scope="module")
def fonts(qapp) -> None:
    load_fonts()


@pytest.mark.parametrize("script", list(PARAGRAPHS))
@pytest.mark.parametrize("family", [PROSE_FAMILY, UI_FAMILY])
def test_every_script_is_drawn(fonts, script: str, family: str) -> None:
    assert undrawn_characters(PARAGRAPHS[script], (family,)) == ""


def test_every_character_has_a_glyph_in_some_declared_face(fonts) -> None:
    """The glyph check agrees with Qt's own answer, ``QFontMetrics.inFontUcs4``, over the
    bundled and declared faces."""
    faces = [PROSE_FAMILY, *QFont.substitutes(PROSE_FAMILY)]
    metrics = [QFontMetrics(QFont(face)) for face in faces]
    for char in set(ALL_TEXT):
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        assert any(m.inFontUcs4(ord(char)) for m in metrics), (char, hex(ord(char)))


def test_the_ranges_said_to_be_surely_drawn_are(fonts) -> None:
    for path in font_files():
        if "Charis" not in path.name and "OpenSans" not in path.name:
            continue
        raw = QRawFont(str(path), 12)
        for low, high in SURELY_DRAWN:
            for code in range(low, high + 1):
                if unicodedata.category(chr(code)) not in ("Cn", "Cc", "Cf", "Zs", "Co"):
                    assert raw.supportsCharacter(code), (path.name, hex(code))


def test_a_script_no_face_draws_is_named_at_its_first_character(fonts) -> None:
    text = "Latin line\nمتن\nTibetan: བོད་ཡིག and Ethiopic ሰላም\n"
    found = {u.script: u for u in undrawn([("b.md", text)])}
    assert set(found) == {"Tibetan", "Ethiopic"}
    assert str(found["Tibetan"].location) == "b.md:3:10"
    assert str(found["Ethiopic"].location) == "b.md:3:31"
    assert "Tibetan" in found["Tibetan"].problem().message


def test_validate_warns_of_an_undrawn_script(fonts, multilingual: Path, tmp_path, capsys) -> None:
    assert main(["validate", str(multilingual)]) == 0
    assert "0 warnings" in capsys.readouterr().out
    from tests.multilingual import write_briefing

    folder = write_briefing(tmp_path / "tibetan")
    prose = folder / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nབོད་ཡིག\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    line = len(prose.read_text(encoding="utf-8").splitlines())
    assert f"{prose}:{line}:1: warning: no installed font draws the Tibetan script" in out
    assert "1 warning" in out
