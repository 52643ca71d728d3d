"""The timeline's arithmetic: what a partial date spans, lanes by actor and by theme, the axis's
marks at every zoom, and rows that keep marks apart."""

from __future__ import annotations

from itertools import pairwise

import pytest

from viewer.presentation.timeline import (
    LaneKind,
    Precision,
    date_words,
    lanes,
    place_lane,
    shown_events,
    span,
    stacked,
    ticks,
)


def test_a_partial_date_spans_all_it_could_mean() -> None:
    assert span("2015") == span("2015") and span("2015").precision is Precision.YEAR
    assert (span("2015").start, span("2015").end) == (2015.0, 2016.0)
    november = span("2015-11")
    assert november.precision is Precision.MONTH
    assert november.start == pytest.approx(2015 + 10 / 12) and november.end == pytest.approx(
        2015 + 11 / 12
    )
    day = span("2016-08-30")
    assert day.precision is Precision.DAY
    assert day.start == pytest.approx(2016 + (31 + 29 + 31 + 30 + 31 + 30 + 31 + 29) / 366)
    assert span("2016-01-01").start == 2016.0
    assert date_words("2015") == "2015 (the year only)"
    assert date_words("2015-11") == "Nov 2015 (the month only)"
    assert date_words("2016-08-30") == "30 Aug 2016"


def test_lanes_by_actor_and_by_theme_hold_every_event_on_show(bundled) -> None:
    everything = set(range(len(bundled.timeline)))
    for by in LaneKind:
        found = lanes(bundled, by)
        assert {i for lane in found for i in lane.events} == everything
        for lane in found:  # oldest first in each lane
            starts = [span(bundled.timeline[i].date).start for i in lane.events]
            assert starts == sorted(starts)
    by_actor = lanes(bundled, LaneKind.ACTOR)
    assert [lane.key for lane in by_actor if lane.key] == [
        a.id for a in bundled.actors if any(a.id in e.actors for e in bundled.timeline)
    ]
    russia = next(lane for lane in by_actor if lane.key == "russia")
    assert all("russia" in bundled.timeline[i].actors for i in russia.events)


def test_filters_keep_the_events_of_an_actor_on_an_issue(bundled) -> None:
    event = next(e for e in bundled.timeline if e.actors and e.issues)
    chosen = shown_events(bundled, event.actors[0], event.issues[0])
    assert chosen and all(
        event.actors[0] in bundled.timeline[i].actors
        and event.issues[0] in bundled.timeline[i].issues
        for i in chosen
    )
    assert shown_events(bundled, "no-such-actor") == []


def test_the_axis_names_months_decades_or_years_as_room_allows() -> None:
    months = ticks(2015.0, 2016.0, 12 * 40)
    assert [t.label for t in months[:3]] == ["Jan 2015", "Feb", "Mar"]
    years = ticks(1990.0, 2000.0, 60)
    assert [t.label for t in years] == [str(y) for y in range(1990, 2001)]
    assert [t.at for t in years if t.major] == [1990.0, 2000.0]
    decades = ticks(1900.0, 2000.0, 3)
    assert all(t.at % 20 == 0 for t in decades)


def test_marks_that_overlap_go_to_rows_of_their_own(bundled) -> None:
    assert stacked([(0, 10), (5, 15), (12, 20), (30, 40)], 1.0) == [0, 1, 0, 0]
    lane = lanes(bundled, LaneKind.ACTOR)[0]
    placed = place_lane(bundled, lane, 1970.0, 20.0, lambda text: 6.0 * len(text), 12.0, 220.0)
    by_row: dict[int, list] = {}
    for mark in placed:
        by_row.setdefault(mark.row, []).append(mark)
    for marks in by_row.values():
        marks.sort(key=lambda m: m.left)
        assert all(a.right <= b.left for a, b in pairwise(marks))
        assert all(a.right + a.room <= b.left for a, b in pairwise(marks))  # words fit
    year = next(m for m in placed if len(bundled.timeline[m.index].date) == 4)
    assert year.right - year.left == pytest.approx(20.0)  # a year-only date spans its year
    assert not year.day
