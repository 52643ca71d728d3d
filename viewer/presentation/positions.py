"""How each position looks: colour and glyph, so a cell reads in colour, grayscale and print.

The colours are a purple–orange diverging scheme (after ColorBrewer's PuOr), which stays
distinguishable for the common forms of colour blindness; lightness also falls towards both ends,
so grayscale keeps the order. ``unclear`` and "no stance" are kept apart from ``neutral``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from operator import attrgetter

from viewer.domain.model import Confidence, Position, Stance


@dataclass(frozen=True)
class Look:
    background: str
    foreground: str
    glyph: str


LOOKS: dict[Position, Look] = {
    Position.STRONGLY_SUPPORT: Look("#542788", "#ffffff", "++"),
    Position.SUPPORT: Look("#998ec3", "#000000", "+"),
    Position.MIXED: Look("#d9d9d9", "#000000", "±"),
    Position.NEUTRAL: Look("#f7f7f7", "#000000", "0"),
    Position.OPPOSE: Look("#f1a340", "#000000", "−"),
    Position.STRONGLY_OPPOSE: Look("#b35806", "#ffffff", "−−"),
    Position.UNCLEAR: Look("#ffffff", "#555555", "?"),
}
NO_STANCE_WORDS = "No stance"
"""What a screen reader says for an empty cell (the legend shows it as a blank)."""
LOW_CONFIDENCE_MARK = "′"
"""Added to a glyph when the stance rests on weak evidence."""


def glyph(position: Position, confidence: Confidence) -> str:
    text = LOOKS[position].glyph
    return text + LOW_CONFIDENCE_MARK if confidence is Confidence.LOW else text


def chip(position: Position, text: str, title: str = "", italic: bool = False) -> str:
    """``text`` (already HTML) on the position's colour: the one coloured label of every page."""
    look = LOOKS[position]
    tip = f' title="{escape(title)}"' if title else ""
    body = f"<i>&nbsp;{text}&nbsp;</i>" if italic else f"&nbsp;{text}&nbsp;"
    return (
        f'<span style="background-color:{look.background}; color:{look.foreground};"{tip}>'
        f"{body}</span>"
    )


def cell_style(position: Position) -> str:
    """Attributes of a table cell showing the position, for printed tables (Qt's rich text
    colours a cell's background only through ``bgcolor``)."""
    look = LOOKS[position]
    return f'bgcolor="{look.background}" style="color: {look.foreground}; font-weight: 600;"'


def badge_html(position: Position, confidence: Confidence | None = None) -> str:
    """The position's mark and name, for a stance in running text."""
    mark = glyph(position, confidence) if confidence else LOOKS[position].glyph
    return chip(position, f"{escape(mark)}&nbsp;{position.label}")


def mark_html(position: Position, confidence: Confidence) -> str:
    """The position's mark alone, where a key explains the marks."""
    return chip(position, escape(glyph(position, confidence)))


def spread_html(stances: Iterable[Stance]) -> str:
    """Counts of each position on one issue, in scale order (taken in C: a theme page counts
    a roll-call's hundreds of stances on each of hundreds of issues; ``list.count`` compares
    identities, where a ``Counter`` would call the enum's ``__hash__``, a Python function, for
    every stance)."""
    positions = list(map(attrgetter("position"), stances))
    counts = [(position, positions.count(position)) for position in Position]
    parts = [
        chip(
            position, f"{escape(LOOKS[position].glyph)}&nbsp;{count}&nbsp;{position.label.lower()}"
        )
        for position, count in counts
        if count
    ]
    return " ".join(parts) or "<i>no stances</i>"


def legend_html(moves: str = "") -> str:
    """Every position's chip, then how low confidence and a missing stance look (and ``moves``,
    what a move mark means, when a position changed over time)."""
    chips = " ".join(badge_html(position) for position in Position)
    low = chip(
        Position.SUPPORT, f"{LOOKS[Position.SUPPORT].glyph}{LOW_CONFIDENCE_MARK}", italic=True
    )
    return (
        f"{chips} &nbsp; {low} Low confidence (mark {LOW_CONFIDENCE_MARK}, italic) &nbsp; "
        f"[ blank ] {NO_STANCE_WORDS}" + (f" &nbsp; {moves}" if moves else "")
    )


def legend_words(moves: str = "") -> str:
    """The legend as a screen reader should say it: each mark, then what it stands for."""
    marks = [f"{LOOKS[position].glyph} {position.label.lower()}" for position in Position]
    return (
        f"Legend: {', '.join(marks)}; mark {LOW_CONFIDENCE_MARK} and italic: low confidence; "
        f"blank: {NO_STANCE_WORDS.lower()}" + (f"; {moves}" if moves else "")
    )
