"""Stance history: one actor's position on one issue recorded at several dates, read from CSV,
with the latest shown by default and any date's positions on request."""

from __future__ import annotations

from tests.conftest import SERIES
from viewer.domain.compare import agreement
from viewer.domain.loader import load_briefing
from viewer.domain.model import Position
from viewer.presentation.history import moved, previous, was_text


def series():
    result = load_briefing(SERIES)
    assert result.briefing is not None, result.problems
    return result.briefing


def test_the_latest_stance_of_a_series_is_the_current_one() -> None:
    briefing = series()
    assert len(briefing.stances) == 5
    assert briefing.stance_index["upland", "fast-fill"].position is Position.STRONGLY_SUPPORT
    history = briefing.history("upland", "fast-fill")
    assert [s.as_of for s in history] == ["2024-02", "2023-06", "2022"]
    assert briefing.history("upland", "export-power") == (
        briefing.stance_index["upland", "export-power"],
    )
    assert [s.issue for s in briefing.stances_of_actor("upland")] == ["fast-fill", "export-power"]
    assert briefing.as_of_dates == ("2022", "2023-06", "2024-02")


def test_positions_as_they_stood_at_a_date() -> None:
    briefing = series()
    early = briefing.stances_as_of("2022")
    assert early["upland", "fast-fill"].position is Position.OPPOSE
    assert ("lowland", "fast-fill") not in early  # first recorded later
    assert ("upland", "export-power") in early  # undated: it holds at any date
    middle = briefing.stances_as_of("2023-06")
    assert middle["upland", "fast-fill"].position is Position.SUPPORT
    assert middle["lowland", "fast-fill"].position is Position.OPPOSE
    # the agreement figures follow the date
    assert agreement(briefing, "upland", "lowland", early).shared == 0
    assert agreement(briefing, "upland", "lowland", middle).agree == 0
    assert agreement(briefing, "upland", "lowland").comparable == 1


def test_a_move_says_its_direction_and_what_came_before() -> None:
    briefing = series()
    latest = briefing.stance_index["upland", "fast-fill"]
    assert moved(latest, previous(briefing, latest)) == 1
    assert was_text(briefing, latest) == "was Support in 2023-06, Oppose in 2022"
    first = briefing.stances_as_of("2022")["upland", "fast-fill"]
    assert previous(briefing, first) is None and was_text(briefing, first) == ""
    undated = briefing.stance_index["upland", "export-power"]
    assert moved(undated, previous(briefing, undated)) is None
