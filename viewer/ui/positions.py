"""How each position looks: colour and glyph, so a cell reads in colour, grayscale and print.

The colours are a purple–orange diverging scheme (after ColorBrewer's PuOr), which stays
distinguishable for the common forms of colour blindness; lightness also falls towards both ends,
so grayscale keeps the order. ``unclear`` and "no stance" are kept apart from ``neutral``.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.domain.model import Confidence, Position


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
NO_STANCE = Look("transparent", "#9a9a9a", "")
LOW_CONFIDENCE_MARK = "′"
"""Added to a glyph when the stance rests on weak evidence."""


def glyph(position: Position, confidence: Confidence) -> str:
    text = LOOKS[position].glyph
    return text + LOW_CONFIDENCE_MARK if confidence is Confidence.LOW else text


def badge_html(position: Position, confidence: Confidence | None = None) -> str:
    """An inline coloured label for rich-text panes."""
    look = LOOKS[position]
    mark = glyph(position, confidence) if confidence else look.glyph
    return (
        f'<span style="background-color:{look.background}; color:{look.foreground};">'
        f"&nbsp;{mark}&nbsp;{position.label}&nbsp;</span>"
    )


def legend_html() -> str:
    """Every position's chip, then how low confidence and a missing stance look."""
    chips = " ".join(badge_html(position) for position in Position)
    sample = LOOKS[Position.SUPPORT]
    low = (
        f'<span style="background-color:{sample.background}; color:{sample.foreground};">'
        f"<i>&nbsp;{sample.glyph}{LOW_CONFIDENCE_MARK}&nbsp;</i></span>"
    )
    return (
        f"{chips} &nbsp; {low} Low confidence (mark {LOW_CONFIDENCE_MARK}, italic) &nbsp; "
        f'<span style="color:{NO_STANCE.foreground};">[ blank ] No stance</span>'
    )
