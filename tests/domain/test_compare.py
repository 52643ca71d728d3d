"""Agreement, distance, ordering and the alignment table, on hand-made and bundled briefings."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path

import pytest

from viewer.domain.compare import (
    actors_with_stances,
    agreement,
    agreement_of,
    alignment_table,
    describe,
    distance,
    shared_issues,
)
from viewer.domain.model import (
    Actor,
    ActorKind,
    Briefing,
    Confidence,
    Issue,
    Position,
    Stance,
    Theme,
)

P = Position


def make_briefing(actors: int, issues: int, stances: list[tuple[int, int, Position]]) -> Briefing:
    """A briefing of ``actors`` × ``issues`` with the given (actor, issue, position) stances."""
    return Briefing(
        folder=Path("."),
        id="test",
        title="Test",
        subtitle="",
        authors=("Tester",),
        date="2024-01-01",
        language="en",
        summary="",
        sources=(),
        prose=(),
        themes=(Theme("t", "Theme", ""),),
        actors=tuple(Actor(f"a{n}", f"Actor {n}", ActorKind.STATE, "") for n in range(actors)),
        issues=tuple(Issue(f"i{n}", f"Issue {n}", f"Q{n}?", "t") for n in range(issues)),
        stances=tuple(
            Stance(f"a{a}", f"i{i}", position, Confidence.HIGH, "", "", "p")
            for a, i, position in stances
        ),
    )


def test_distance_counts_steps_and_is_unknown_when_unclear() -> None:
    assert distance(P.STRONGLY_SUPPORT, P.STRONGLY_OPPOSE) == 4
    assert distance(P.SUPPORT, P.SUPPORT) == 0
    assert distance(P.MIXED, P.NEUTRAL) == 0
    assert distance(P.OPPOSE, P.SUPPORT) == 2
    assert distance(P.UNCLEAR, P.SUPPORT) is None


def test_shared_issues_run_from_convergence_to_divergence_with_unclear_last() -> None:
    briefing = make_briefing(
        2,
        6,
        [
            (0, 0, P.STRONGLY_SUPPORT), (1, 0, P.STRONGLY_OPPOSE),  # 4 apart
            (0, 1, P.SUPPORT), (1, 1, P.SUPPORT),  # same, mild
            (0, 2, P.UNCLEAR), (1, 2, P.SUPPORT),  # unclear
            (0, 3, P.STRONGLY_OPPOSE), (1, 3, P.STRONGLY_OPPOSE),  # same, strong
            (0, 4, P.SUPPORT), (1, 4, P.OPPOSE),  # 2 apart, opposite sides
            (0, 5, P.SUPPORT),  # only one actor: not shared
        ],
    )  # fmt: skip
    order = [row.issue for row in shared_issues(briefing, "a0", "a1")]
    assert order == ["i3", "i1", "i4", "i0", "i2"]


def test_agreement_excludes_unclear_and_counts_sides() -> None:
    briefing = make_briefing(
        2,
        5,
        [
            (0, 0, P.STRONGLY_SUPPORT), (1, 0, P.SUPPORT),  # same side
            (0, 1, P.MIXED), (1, 1, P.NEUTRAL),  # both in between: same side
            (0, 2, P.SUPPORT), (1, 2, P.OPPOSE),  # opposite
            (0, 3, P.UNCLEAR), (1, 3, P.SUPPORT),  # not comparable
            (0, 4, P.SUPPORT),
        ],
    )  # fmt: skip
    result = agreement(briefing, "a0", "a1")
    assert (result.agree, result.comparable, result.shared, result.unclear) == (2, 3, 4, 1)
    assert result.share == pytest.approx(2 / 3)
    text = describe(result, "North", "South")
    assert text.startswith("North and South agree on 2 of 3 shared issues (67%)")
    assert "1 more shared issue" in text


def test_no_shared_or_only_unclear_issues_are_said_plainly() -> None:
    briefing = make_briefing(3, 2, [(0, 0, P.SUPPORT), (1, 1, P.OPPOSE), (2, 1, P.UNCLEAR)])
    none = agreement(briefing, "a0", "a1")
    assert none.share is None and none.shared == 0
    assert describe(none, "A", "B") == "A and B have no issue in common."
    unclear = agreement(briefing, "a1", "a2")
    assert (unclear.shared, unclear.comparable, unclear.share) == (1, 0, None)
    assert "unclear" in describe(unclear, "B", "C")
    assert shared_issues(briefing, "a0", "a1") == []


def test_russia_and_iran_on_the_bundled_briefing(bundled) -> None:
    rows = shared_issues(bundled, "russia", "iran")
    index = bundled.stance_index
    both = [i.id for i in bundled.issues if ("russia", i.id) in index and ("iran", i.id) in index]
    assert sorted(row.issue for row in rows) == sorted(both)
    gaps = [row.distance for row in rows if row.distance is not None]
    assert gaps == sorted(gaps) and gaps[0] == 0 and gaps[-1] >= 3
    result = agreement(bundled, "russia", "iran")
    same = sum(
        1 for row in rows if row.distance is not None and row.a.position.side == row.b.position.side
    )
    assert (result.agree, result.shared) == (same, len(rows))


def test_alignment_table_agrees_with_pairwise_figures(bundled) -> None:
    table = alignment_table(bundled)
    with_stances = {s.actor for s in bundled.stances}
    assert set(table.actors) == with_stances
    assert table.get("russia", "russia") is None
    for a, b in combinations(table.actors, 2):
        assert table.get(a, b) == table.get(b, a) == agreement(bundled, a, b)


def test_alignment_table_for_200_actors_has_every_pair() -> None:
    rng = random.Random(7)
    positions = list(Position)
    stances = [
        (a, i, rng.choice(positions)) for a in range(200) for i in range(2000) if rng.random() < 0.3
    ]
    briefing = make_briefing(200, 2000, stances)
    table = alignment_table(briefing)
    assert len(table.pairs) == 200 * 199 // 2
    ids = [actor.id for actor in briefing.actors]
    for a, b in (rng.sample(ids, 2) for _ in range(60)):  # the matrix products and the bit masks
        assert table.get(a, b) == agreement(briefing, a, b)


def test_a_pairs_figures_from_its_shared_issues_are_those_of_agreement(bundled) -> None:
    for a, b in combinations([actor.id for actor in bundled.actors], 2):
        assert agreement_of(shared_issues(bundled, a, b)) == agreement(bundled, a, b)


def test_the_actors_with_stances_are_in_briefing_order() -> None:
    briefing = make_briefing(5, 4, [(3, 3, P.SUPPORT), (1, 0, P.UNCLEAR), (3, 1, P.OPPOSE)])
    assert actors_with_stances(briefing) == ("a1", "a3")
    assert actors_with_stances(make_briefing(2, 2, [])) == ()


def test_the_table_is_the_same_from_bit_masks_and_from_arrays(monkeypatch) -> None:
    import viewer.domain.compare as compare

    rng = random.Random(11)
    stances = [
        (a, i, rng.choice(list(Position)))
        for a in range(30)
        for i in range(90)
        if rng.random() < 0.5
    ]
    briefing = make_briefing(31, 90, stances)  # the last actor takes no stance
    monkeypatch.setattr(compare, "ARRAYS_ABOVE_CELLS", 10**9)
    masked = alignment_table(briefing)
    monkeypatch.setattr(compare, "ARRAYS_ABOVE_CELLS", 0)
    assert alignment_table(briefing) == masked
    assert len(masked.actors) == 30


def test_shared_issues_that_tie_keep_the_briefings_order() -> None:
    briefing = make_briefing(
        2,
        5,
        [
            (0, 0, P.SUPPORT), (1, 0, P.SUPPORT),
            (0, 1, P.OPPOSE), (1, 1, P.SUPPORT),
            (0, 2, P.SUPPORT), (1, 2, P.SUPPORT),
            (0, 3, P.UNCLEAR), (1, 3, P.UNCLEAR),
            (0, 4, P.SUPPORT), (1, 4, P.SUPPORT),
        ],
    )  # fmt: skip
    order = [row.issue for row in shared_issues(briefing, "a1", "a0")]
    assert order == ["i0", "i2", "i4", "i1", "i3"]
