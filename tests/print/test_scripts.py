"""A briefing in every script, exported: every face it uses embedded, no missing glyph, the text
extracted as written (Arabic script and Hebrew within the known limits the README measures), and
a right-to-left briefing's prose laid out from the right."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.multilingual import LINKED, PARAGRAPHS, write_briefing
from tests.print.pdftext import flat
from viewer.print.command import export_command

EXACT = ("Latin", "Cyrillic", "Greek", "Chinese", "Japanese", "Korean")
RIGHT_TO_LEFT = ("Persian", "Arabic", "Urdu", "Hebrew")


def export(folder: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert export_command([str(folder), "-o", str(out), "--parts", "text"]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def pdfs(qapp, multilingual: Path, persian: Path, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("scripts")
    found = {}
    for name, folder in (("en", multilingual), ("fa", persian)):
        found[name] = out / f"{name}.pdf"
        assert export_command([str(folder), "-o", str(found[name]), "--parts", "text"]) == 0
    return found


def poppler(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    return run.stdout.decode()


def fonts(pdf: Path) -> dict[str, bool]:
    """Each font's name, and whether its glyphs are embedded."""
    found = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descriptor = descendant.get_object()["/FontDescriptor"]
                found[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    return found


def test_every_face_used_is_embedded(pdfs: dict[str, Path]) -> None:
    used = fonts(pdfs["en"])
    assert all(used.values()), used
    for face in ("CharisSIL", "NotoNaskhArabic", "NotoSerifHebrew", "DejaVuSerif", "NotoSerifCJK"):
        assert any(face in name for name in used), (face, used)


def test_text_in_latin_cyrillic_greek_and_cjk_comes_back_as_written(pdfs) -> None:
    text = flat(poppler(pdfs["en"]))
    for script in EXACT:
        assert PARAGRAPHS[script] in text, script
    assert LINKED["Russian aliases"] in text and LINKED["Chinese alias"] in text
    reader = PdfReader(pdfs["en"])
    assert not any("\t" in page.extract_text() for page in reader.pages)
    # pypdf's plain mode breaks a line wherever Qt starts a glyph run; its layout mode does not.
    laid_out = flat(" ".join(p.extract_text(extraction_mode="layout") for p in reader.pages))
    for script in EXACT:
        assert PARAGRAPHS[script] in laid_out, script


def test_search_finds_fi_and_the_words_of_a_heading(pdfs) -> None:
    text = poppler(pdfs["en"])
    assert "\ufb01" not in text and "final briefing" in text
    assert "Briefing in every script" in text


def test_arabic_script_and_hebrew_come_back_as_letters_in_reading_order(pdfs) -> None:
    """Known limits (README): the zero-width non-joiner and the lam-alef ligature are lost."""
    text = poppler(pdfs["en"])
    assert not any("\ufb50" <= char <= "\ufeff" for char in text)
    for script in RIGHT_TO_LEFT:
        written = PARAGRAPHS[script].replace("\u200c", "").rstrip(".۔")
        words = [word for word in written.split() if "لا" not in word]
        lines = [line for line in text.splitlines() if words[0] in line]
        assert lines and all(word in lines[0] for word in words), (script, lines)


def test_closing_line_says_which_script_prints_as_boxes(qapp, tmp_path, capsys) -> None:
    folder = write_briefing(tmp_path / "tibetan")
    prose = folder / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nབོད་ཡིག\n", encoding="utf-8")
    line = export(folder, tmp_path / "out.pdf", capsys)
    assert "no installed font draws its Tibetan text (first at" in line
    assert "it prints as empty boxes" in line


def test_a_right_to_left_briefing_is_laid_out_from_the_right(pdfs) -> None:
    """pdftotext -bbox gives each word's box: the Persian prose ends at the right margin."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdfs["fa"]), "-"], capture_output=True, text=True
    ).stdout
    right = [
        float(line.split('xMax="')[1].split('"')[0])
        for line in boxes.splitlines()
        if "<word" in line and "Latin" in line
    ]
    width = float(boxes.split('<page width="')[1].split('"')[0])
    assert right and right[0] > width * 0.8
