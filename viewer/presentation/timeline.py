"""The timeline: when each dated event happened, as honestly as its date allows, in lanes by
actor or by theme, with the axis's marks for any zoom. Qt-free; the Timeline tab and the printed
figure draw the same thing.

A date of a year alone spans the whole year and a year and month the whole month: a source that
says "in 2015" does not say when in 2015, and the drawing does not pretend it does.
"""

from __future__ import annotations

import calendar
import enum
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from viewer.domain.model import Briefing, Event
from viewer.domain.targets import Kind
from viewer.presentation.pages import anchor, passage_link

MONTHS = tuple(calendar.month_abbr)[1:]


class Precision(enum.Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class Span:
    """When an event may have happened, in years (2015.0 is the first moment of 2015)."""

    start: float
    end: float
    precision: Precision


def span(date: str) -> Span:
    """The span a partial date covers; the loader has checked its form."""
    parts = [int(part) for part in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return Span(year, year + 1, Precision.YEAR)
    month = parts[1]
    if len(parts) == 2:
        return Span(year + (month - 1) / 12, year + month / 12, Precision.MONTH)
    days = 366 if calendar.isleap(year) else 365
    day_of_year = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + parts[2] - 1
    start = year + day_of_year / days
    return Span(start, start + 1 / days, Precision.DAY)


def date_words(date: str) -> str:
    """A date as a reader says it, with how much of it is known."""
    parts = date.split("-")
    if len(parts) == 1:
        return f"{date} (the year only)"
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]} (the month only)"
    return f"{int(parts[2])} {month} {parts[0]}"


class LaneKind(enum.Enum):
    ACTOR = "actor"
    THEME = "theme"


@dataclass(frozen=True)
class Lane:
    key: str
    """An actor's or a theme's id; empty for the lane of events with none."""
    title: str
    events: tuple[int, ...]
    """Indexes into the briefing's timeline, oldest first."""


def shown_events(briefing: Briefing, actor: str = "", issue: str = "") -> list[int]:
    """The events that involve ``actor`` and bear on ``issue`` (either may be empty: any),
    oldest first."""
    chosen = [
        index
        for index, event in enumerate(briefing.timeline)
        if (not actor or actor in event.actors) and (not issue or issue in event.issues)
    ]
    return sorted(chosen, key=lambda index: span(briefing.timeline[index].date).start)


def lanes(briefing: Briefing, by: LaneKind, actor: str = "", issue: str = "") -> list[Lane]:
    """One lane per actor (or theme) with an event on show, in briefing order; an event of
    several actors (or themes) is in each of their lanes, one of none in a last lane."""
    events = shown_events(briefing, actor, issue)
    members: dict[str, list[int]] = {}
    loose: list[int] = []
    for index in events:
        keys = _keys(briefing, briefing.timeline[index], by)
        for key in keys:
            members.setdefault(key, []).append(index)
        if not keys:
            loose.append(index)
    if by is LaneKind.ACTOR:
        ordered = [(a.id, a.name) for a in briefing.actors]
        none = "No actor named"
    else:
        ordered = [(t.id, t.title) for t in briefing.themes]
        none = "No theme"
    found = [Lane(key, title, tuple(members[key])) for key, title in ordered if key in members]
    if loose:
        found.append(Lane("", none, tuple(loose)))
    return found


def _keys(briefing: Briefing, event: Event, by: LaneKind) -> list[str]:
    if by is LaneKind.ACTOR:
        return [a for a in dict.fromkeys(event.actors) if a in briefing.actor_by_id]
    issues = briefing.issue_by_id
    themes = (issues[i].theme for i in event.issues if i in issues)
    return [t for t in dict.fromkeys(themes) if t]


@dataclass(frozen=True)
class Tick:
    at: float
    label: str
    major: bool


def ticks(start: float, end: float, per_year: float) -> list[Tick]:
    """Marks for the axis from ``start`` to ``end`` (in years) at ``per_year`` drawing units
    a year: months when there is room to name them, else years, 5 years or decades."""
    first, last = math.floor(start), math.ceil(end)
    if per_year >= 12 * 28:
        found = []
        for year in range(first, last + 1):
            for month in range(12):
                label = f"{MONTHS[month]} {year}" if month == 0 else MONTHS[month]
                found.append(Tick(year + month / 12, label, month == 0))
        return [t for t in found if start <= t.at <= end]
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if s * per_year >= 40), 100)
    major = 10 if step < 10 else step * 5
    return [
        Tick(float(year), str(year), year % major == 0)
        for year in range(first - first % step, last + 1, step)
        if start <= year <= end
    ]


def extent(briefing: Briefing, events: list[int]) -> tuple[float, float]:
    """The years the events span, with a little room either side."""
    if not events:
        return (0.0, 1.0)
    spans = [span(briefing.timeline[i].date) for i in events]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    room = max((end - start) * 0.03, 0.25)
    return (start - room, end + room)


def event_page(briefing: Briefing, index: int) -> str:
    """An event for the detail pane: when, what, who and on which issues, and where to read it."""
    event = briefing.timeline[index]
    actors = [
        anchor(Kind.ACTOR, a, briefing.actor_by_id[a].name)
        for a in event.actors
        if a in briefing.actor_by_id
    ]
    issues = [
        anchor(Kind.ISSUE, i, briefing.issue_by_id[i].title)
        for i in event.issues
        if i in briefing.issue_by_id
    ]
    rows = [f"<h2>{escape(date_words(event.date))}</h2>", f"<p>{escape(event.event)}</p>"]
    if actors:
        rows.append(f"<p><b>Actors:</b> {', '.join(actors)}</p>")
    if issues:
        rows.append(f"<p><b>Issues:</b> {', '.join(issues)}</p>")
    rows.append(f"<p>{passage_link(event.passage, 'Read in briefing ›')}</p>")
    return "".join(rows)


def stacked(extents: list[tuple[float, float]], gap: float) -> list[int]:
    """A row for each of ``extents`` (start and end, in drawing units, in order of start) so
    that none overlaps another in its row: the first row with room, else a new one."""
    ends: list[float] = []
    rows = []
    for start, end in extents:
        row = next((r for r, last in enumerate(ends) if last + gap <= start), len(ends))
        if row == len(ends):
            ends.append(end)
        else:
            ends[row] = end
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Placed:
    """An event's mark in its lane: from ``left`` to ``right`` on row ``row``, its words in
    ``room`` units after it; ``day`` when the date is known to the day (a point, not a bar)."""

    index: int
    left: float
    right: float
    row: int
    room: float
    day: bool


def place_lane(
    briefing: Briefing,
    lane: Lane,
    start: float,
    per_year: float,
    width_of: Callable[[str], float],
    mark: float,
    most_words: float,
) -> list[Placed]:
    """Lay one lane out: each event's mark where its date puts it (at least ``mark`` wide for a
    day, half that for a bar), rows added until no two marks overlap, and its words after it in
    the room left before the next mark of its row (none when the marks are close: zoom in)."""
    marks = []
    for index in lane.events:
        when = span(briefing.timeline[index].date)
        left, right = (when.start - start) * per_year, (when.end - start) * per_year
        day = when.precision is Precision.DAY
        if day:
            centre = (left + right) / 2
            left, right = centre - mark / 2, centre + mark / 2
        elif right - left < mark / 2:
            right = left + mark / 2
        words = min(width_of(event_words(briefing.timeline[index])) + 10, most_words)
        marks.append((index, left, right, words, day))
    rows = stacked([(left, right) for _, left, right, _, _ in marks], 2.0)
    placed = []
    for (index, left, right, words, day), row in zip(marks, rows, strict=True):
        following = [m[1] for m, r in zip(marks, rows, strict=True) if r == row and m[1] > left]
        room = min(min(following, default=right + words + 6) - right - 6, most_words)
        placed.append(Placed(index, left, right, row, room, day))
    return placed


def event_words(event: Event) -> str:
    """What an event's mark says beside it."""
    return f"{event.date}: {event.event}"
