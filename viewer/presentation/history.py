"""How a position moved: the stance before the one shown, the direction of the change, and the
words that say it ("was Oppose in 2022")."""

from __future__ import annotations

from viewer.domain.model import Briefing, Stance

MARKS = {1: "↑", -1: "↓", 0: "↕"}
"""Beside a cell's glyph: moved toward support, toward opposition, or changed off the scale."""
MOVES = {1: "moved toward support", -1: "moved toward opposition", 0: "changed"}
MOVES_TEXT = (
    "↑ or ↓ after a mark: the position moved toward support or opposition since the date "
    "before (↕: to or from unclear)."
)


def previous(briefing: Briefing, stance: Stance) -> Stance | None:
    """The stance recorded before ``stance`` in its series, if any."""
    series = briefing.series_index.get((stance.actor, stance.issue), ())
    before = [s for s in series if s.as_of < stance.as_of]
    return before[-1] if before else None


def moved(stance: Stance, earlier: Stance | None) -> int | None:
    """+1 toward support, -1 toward opposition, 0 a change that is not along the scale (to or
    from unclear); None when the position did not change or nothing came before."""
    if earlier is None or earlier.position is stance.position:
        return None
    now, then = stance.position.score, earlier.position.score
    if now is None or then is None:
        return 0
    return (now > then) - (now < then)


def was_text(briefing: Briefing, stance: Stance) -> str:
    """The earlier positions of the series, newest first: "was Support in 2023-06, Oppose in
    2022"; empty when there were none."""
    series = briefing.series_index.get((stance.actor, stance.issue), ())
    before = [s for s in reversed(series) if s.as_of < stance.as_of]
    if not before:
        return ""
    return "was " + ", ".join(f"{s.position.label} in {s.as_of}" for s in before)


def move_mark(briefing: Briefing, stance: Stance) -> str:
    """The mark beside a position that moved since the entry before it; empty otherwise."""
    move = moved(stance, previous(briefing, stance))
    return "" if move is None else MARKS[move]
