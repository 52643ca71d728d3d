"""A briefing in every script in the window: every character drawn with a glyph, each paragraph
in its direction, and a right-to-left briefing's prose and contents laid out from the right."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.multilingual import PARAGRAPHS
from tests.ui.helpers import open_and_wait

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def opened(qtbot, new_window, path: Path):
    window = new_window()
    assert open_and_wait(qtbot, window, path)
    return window.briefing_view


def blocks(view) -> dict[str, object]:
    """Each block of the shown text by its text."""
    found = {}
    block = view.text.document().begin()
    while block.isValid():
        found[block.text()] = block
        block = block.next()
    return found


def test_every_drawn_character_has_a_glyph(qtbot, new_window, multilingual: Path) -> None:
    view = opened(qtbot, new_window, multilingual)
    shown = blocks(view)
    layout = view.text.document().documentLayout()
    for script, text in PARAGRAPHS.items():
        block = shown[text]
        layout.blockBoundingRect(block)  # laid out on demand
        glyphs, families = [], set()
        fragments = block.begin()
        while not fragments.atEnd():
            for run in fragments.fragment().glyphRuns():
                glyphs.extend(run.glyphIndexes())
                families.add(run.rawFont().familyName())
            fragments += 1
        assert glyphs and 0 not in glyphs, (script, families)


def test_each_paragraph_takes_its_direction_from_its_text(qtbot, new_window, multilingual) -> None:
    shown = blocks(opened(qtbot, new_window, multilingual))
    for script, text in PARAGRAPHS.items():
        expected = RTL if script in ("Persian", "Arabic", "Urdu", "Hebrew") else LTR
        assert shown[text].textDirection() == expected, script
    assert view_contents_direction(qtbot, new_window, multilingual) == LTR


def view_contents_direction(qtbot, new_window, path: Path) -> Qt.LayoutDirection:
    return opened(qtbot, new_window, path).contents.layoutDirection()


def test_a_right_to_left_briefing_reads_from_the_right(qtbot, new_window, persian) -> None:
    view = opened(qtbot, new_window, persian)
    shown = blocks(view)
    for script, text in PARAGRAPHS.items():
        assert shown[text].textDirection() == RTL, script
    assert view.contents.layoutDirection() == RTL
    title = view.text.document().begin()
    assert title.text() == "Every script" and title.textDirection() == RTL, "the title block too"
    latin = shown[PARAGRAPHS["Latin"]]
    view.text.document().documentLayout().blockBoundingRect(latin)
    line = latin.layout().lineAt(0)
    assert line.naturalTextRect().right() == pytest.approx(line.rect().right(), abs=2)
