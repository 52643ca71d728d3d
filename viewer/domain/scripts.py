"""Writing systems, Qt-free: a character's script by name, which languages are written right to
left, and which text the bundled faces surely draw (so ``validate`` starts Qt only for text
beyond it)."""

from __future__ import annotations

import re
import unicodedata

RIGHT_TO_LEFT = frozenset(
    ("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi")
)
"""Primary language subtags of languages written right to left."""
_RIGHT_TO_LEFT_SCRIPTS = frozenset(("arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"))

_BEFORE_NAME = re.compile(
    r"\b(?:CAPITAL|SMALL|LETTER|LIGATURE|SYLLABLE|SYLLABICS|IDEOGRAPH|HIEROGLYPH|DIGIT|NUMBER|"
    r"NUMERAL|SIGN|VOWEL|CONSONANT|MARK|CHARACTER|SYMBOL|PUNCTUATION|VIRAMA|TONE|FRACTION|"
    r"COMMA|FULL STOP|QUESTION|ABBREVIATION|INDEPENDENT|DEPENDENT|SUBJOINED|HONORIFIC)\b"
)
_RENAMED = {"Cjk Unified": "Han", "Cjk Compatibility": "Han", "Cjk": "Han", "Hangul": "Hangul"}

SURELY_DRAWN = (
    (0x20, 0x7E),
    (0xA0, 0x148),
    (0x14A, 0x17F),
    (0x218, 0x21B),
    (0x400, 0x45F),
    (0x2013, 0x2015),
    (0x2017, 0x201E),
    (0x2020, 0x2022),
    (0x2026, 0x2026),
    (0x2039, 0x203A),
)
"""Code point ranges every bundled Latin face draws in full: Latin-1 and Latin Extended-A (and
the Romanian commas), basic Cyrillic and the common punctuation (a test holds them to it)."""
_SURELY_DRAWN = re.compile(
    "[^\\s" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in SURELY_DRAWN) + "]"
)


def is_right_to_left(language: str) -> bool:
    """Whether a BCP 47 language tag names a language written right to left (``fa``,
    ``ar-EG``, ``az-Arab``…)."""
    parts = language.lower().replace("_", "-").split("-")
    return parts[0] in RIGHT_TO_LEFT or any(part in _RIGHT_TO_LEFT_SCRIPTS for part in parts[1:])


def script_name(char: str) -> str:
    """The script a character is written in, as its Unicode name says ("Tibetan", "Han",
    "Linear B"); symbols and emoji have none of their own."""
    name = unicodedata.name(char, "")
    if not name:
        return f"unassigned code point U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category.startswith("S"):
        return "symbols and emoji"
    if category.startswith("M") and name.startswith("COMBINING"):
        return "combining marks"
    found = _BEFORE_NAME.search(name)
    words = name[: found.start()].strip().title() if found else ""
    return _RENAMED.get(words, words) or "symbols and emoji"


def needs_font_check(text: str) -> bool:
    """Whether ``text`` has a character beyond what the bundled faces surely draw."""
    return _SURELY_DRAWN.search(text) is not None
