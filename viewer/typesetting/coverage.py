"""Which characters no installed face draws: Qt would show each as an empty box.

The check lays the characters out as the screen and the page do (the prose and the interface
faces with their declared substitutes, then the system's fallbacks) and looks for the glyph 0 that
stands for a missing glyph, so it finds exactly what a reader would see as a box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont, QTextLayout

from viewer.domain.problems import Location, Problem, Severity
from viewer.domain.scripts import needs_font_check, script_name
from viewer.presentation.styles import PROSE_FAMILY, UI_FAMILY

_RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)


def _drawn(char: str) -> bool:
    """Whether a character is drawn at all (not a space, a control or a format character such
    as a direction mark or a zero-width joiner)."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def undrawn_characters(text: str, families: Sequence[str] = (PROSE_FAMILY, UI_FAMILY)) -> str:
    """The distinct characters of ``text`` (in order of first use) that some of ``families``
    draws as the missing glyph. A combining mark is tried after the letter it follows in
    ``text``, as it is shaped with it."""
    samples: dict[str, str] = {}
    previous = " "
    for char in text:
        if char not in samples and _drawn(char):
            base = previous if unicodedata.combining(char) else ""
            samples[char] = base + char
        previous = char
    if not samples:
        return ""
    line = "".join(samples.values())
    missing: set[str] = set()
    for family in families:
        layout = QTextLayout(line, QFont(family))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        for run in layout.glyphRuns(-1, -1, _RUN_FLAGS):
            for glyph, index in zip(run.glyphIndexes(), run.stringIndexes(), strict=True):
                if glyph == 0 and _drawn(line[index]):
                    missing.add(line[index])
    return "".join(char for char in samples if char in missing)


@dataclass(frozen=True)
class Undrawn:
    """The characters of one script that no face draws, and where the first is written."""

    script: str
    characters: str
    location: Location

    def problem(self) -> Problem:
        count = len(self.characters)
        shown = self.characters if count <= 8 else self.characters[:8] + "…"
        return Problem(
            self.location,
            f"no installed font draws the {self.script} script ({count} character"
            f"{'s' if count != 1 else ''}: {shown}); it shows as empty boxes on screen and in "
            "print: install a font that covers it",
            Severity.WARNING,
        )


def undrawn(texts: Iterable[tuple[str, str]]) -> list[Undrawn]:
    """Each script with characters no face draws, with where the first of them is written."""
    found: dict[str, tuple[list[str], Location]] = {}
    for name, text in texts:
        if not needs_font_check(text):
            continue
        missing = undrawn_characters(text)
        for char in missing:
            script = script_name(char)
            if script in found:
                if char not in found[script][0]:
                    found[script][0].append(char)
                continue
            offset = text.index(char)
            line = text.count("\n", 0, offset)
            column = offset - (text.rfind("\n", 0, offset) + 1)
            found[script] = ([char], Location(name, line + 1, column + 1))
    return [Undrawn(script, "".join(chars), where) for script, (chars, where) in found.items()]
