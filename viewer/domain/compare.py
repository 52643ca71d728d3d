"""Comparing two actors issue by issue, and every pair of actors at once.

Pure functions over a :class:`Briefing`, so the numbers the Compare tab shows can be tested without
Qt. Agreement counts the shared issues on which both actors sit on the same side of the scale
(:attr:`Position.side`); issues where either position is ``unclear`` are shared but cannot agree or
disagree, so they are left out of the share.

The alignment table compares every pair of actors. To stay fast for hundreds of actors, each
actor's stances are reduced once to bit masks over the issues (one per side), and a pair's figures
are then a handful of integer ``&`` and ``bit_count`` operations instead of dictionary walks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from operator import attrgetter, itemgetter

from viewer.domain.foreground import taking_turns
from viewer.domain.model import BATCH, Briefing, Position, Stance


def distance(a: Position, b: Position) -> int | None:
    """Steps between two positions on the scale (0 to 4); None when either is unclear."""
    if a.score is None or b.score is None:
        return None
    return abs(a.score - b.score)


@dataclass(frozen=True)
class SharedIssue:
    """One issue on which both compared actors have a stance."""

    issue: str
    a: Stance
    b: Stance

    @property
    def distance(self) -> int | None:
        return distance(self.a.position, self.b.position)

    @property
    def opposed(self) -> bool:
        """True when the two stand on opposite sides (one for, one against)."""
        a, b = self.a.position.side, self.b.position.side
        return a is not None and b is not None and a * b < 0


def _pair_order(a: Position, b: Position) -> tuple[int, int, int]:
    """Closest first; among equals, firm shared views before lukewarm ones; unclear last."""
    gap = distance(a, b)
    if gap is None:
        return (5, 0, 0)
    opposed = a.side is not None and b.side is not None and a.side * b.side < 0
    return (gap, int(opposed), -(abs(a.score or 0) + abs(b.score or 0)))


_PAIR_ORDER = {a: {b: _pair_order(a, b) for b in Position} for a in Position}
"""The order of every pair of positions, worked out once: a roll-call pair shares thousands of
issues, and a key worked out afresh for each, in Python, made sorting them most of Compare's
work."""


Positions = Mapping[tuple[str, str], Stance]
"""Each (actor, issue)'s stance at one time: the latest (``stance_index``) or as of a date."""


def shared_issues(
    briefing: Briefing, actor_a: str, actor_b: str, index: Positions | None = None
) -> list[SharedIssue]:
    """Issues on which both actors have a stance, from closest agreement to widest divergence.

    Issues with an ``unclear`` position come last, as nothing can be said about their distance.
    """
    index = briefing.stance_index if index is None else index
    found = [
        SharedIssue(issue.id, index[(actor_a, issue.id)], index[(actor_b, issue.id)])
        for issue in briefing.issues
        if (actor_a, issue.id) in index and (actor_b, issue.id) in index
    ]
    found.sort(key=lambda shared: _PAIR_ORDER[shared.a.position][shared.b.position])
    return found  # in issue order among equals: the sort keeps the order it was given


@dataclass(frozen=True)
class Agreement:
    agree: int
    """Comparable shared issues on which both are on the same side."""
    comparable: int
    """Shared issues on which neither position is unclear."""
    shared: int
    """All issues on which both have a stance."""

    @property
    def share(self) -> float | None:
        return self.agree / self.comparable if self.comparable else None

    @property
    def unclear(self) -> int:
        return self.shared - self.comparable


@dataclass(frozen=True)
class _Profile:
    """One actor's stances as bit masks over the issue list (bit n = the n-th issue)."""

    support: int
    oppose: int
    middle: int
    unclear: int

    @property
    def known(self) -> int:
        return self.support | self.oppose | self.middle

    def against(self, other: _Profile) -> Agreement:
        agree = (
            (self.support & other.support).bit_count()
            + (self.oppose & other.oppose).bit_count()
            + (self.middle & other.middle).bit_count()
        )
        comparable = (self.known & other.known).bit_count()
        everything = (self.known | self.unclear) & (other.known | other.unclear)
        return Agreement(agree, comparable, everything.bit_count())


def _profile_of(briefing: Briefing, actor: str, index: Positions) -> _Profile:
    """One actor's profile by lookups per issue, without a pass over every stance."""
    sides: dict[int | None, int] = {1: 0, -1: 0, 0: 0, None: 0}
    for n, issue in enumerate(briefing.issues):
        stance = index.get((actor, issue.id))
        if stance is not None:
            sides[stance.position.side] |= 1 << n
    return _Profile(sides[1], sides[-1], sides[0], sides[None])


def agreement(
    briefing: Briefing, actor_a: str, actor_b: str, index: Positions | None = None
) -> Agreement:
    """How often two actors are on the same side of the issues they share."""
    index = briefing.stance_index if index is None else index
    return _profile_of(briefing, actor_a, index).against(_profile_of(briefing, actor_b, index))


def agreement_of(shared: Sequence[SharedIssue]) -> Agreement:
    """:func:`agreement` from the pair's shared issues, when they are found already: no second
    walk over a roll-call's thousands of issues."""
    sides = [(row.a.position.side, row.b.position.side) for row in shared]
    comparable = [a for a, b in sides if a is not None and b is not None]
    agree = sum(1 for a, b in sides if a is not None and a == b)
    return Agreement(agree, len(comparable), len(shared))


def actors_with_stances(briefing: Briefing, index: Positions | None = None) -> tuple[str, ...]:
    """The actors that take a stance, in briefing order: each found by its first issue with
    one, not by a walk over every stance."""
    index = briefing.stance_index if index is None else index
    issues = [issue.id for issue in briefing.issues]
    return tuple(
        actor.id for actor in briefing.actors if any((actor.id, issue) in index for issue in issues)
    )


@dataclass(frozen=True)
class AlignmentTable:
    """Agreement for every pair of actors that have stances, in briefing order."""

    actors: tuple[str, ...]
    pairs: dict[frozenset[str], Agreement]

    def get(self, actor_a: str, actor_b: str) -> Agreement | None:
        """The pair's agreement; None on the diagonal (an actor compared with itself)."""
        return None if actor_a == actor_b else self.pairs[frozenset((actor_a, actor_b))]


ARRAYS_ABOVE_CELLS = 20_000
"""Actors × issues past which the every-pair table is worked out with arrays, on a thread."""
SIDE_CODES = {position: {1: 1, -1: 2, 0: 3, None: 4}[position.side] for position in Position}
"""Support, opposition, in between, unclear: a small number per position, for arrays."""


def alignment_table(briefing: Briefing, index: Positions | None = None) -> AlignmentTable:
    """Every pair's agreement at once: from each actor's bit masks for a briefing of up to
    :data:`ARRAYS_ABOVE_CELLS` actors × issues, from arrays past it."""
    index = briefing.stance_index if index is None else index
    if len(briefing.actors) * len(briefing.issues) <= ARRAYS_ABOVE_CELLS:
        return _masked_table(briefing, index)
    return _array_table(briefing, index)


def _masked_table(briefing: Briefing, index: Positions) -> AlignmentTable:
    """The table from each actor's profile: a few microseconds a pair, and no numpy to import
    (a fifth of a second, on the window's thread for a briefing this small)."""
    profiles = {actor.id: _profile_of(briefing, actor.id, index) for actor in briefing.actors}
    kept = tuple(actor for actor, profile in profiles.items() if profile.known | profile.unclear)
    pairs = {frozenset((a, b)): profiles[a].against(profiles[b]) for a, b in combinations(kept, 2)}
    return AlignmentTable(kept, pairs)


def _array_table(briefing: Briefing, index: Positions) -> AlignmentTable:
    """The table from one row per actor and one column per issue holding the side taken: the
    counts of every pair are products of 0/1 matrices (numpy, imported here so that only a
    large Compare tab and its tests pay for it). Exact: the counts are far below the 2**24 up
    to which float32 holds whole numbers."""
    import numpy as np

    actor_ids = [actor.id for actor in briefing.actors]
    row_of = {actor: n for n, actor in enumerate(actor_ids)}
    column_of = {issue.id: n for n, issue in enumerate(briefing.issues)}
    grid = np.zeros((len(actor_ids), len(column_of)), dtype=np.int8)
    # keyed by identity: an enum member's own hash runs in Python, 400,000 times here
    by_identity = {id(position): code for position, code in SIDE_CODES.items()}
    # Batches are slices of the index's own keys and stances: building a tuple per stance would
    # wake the garbage collector, which then walks every object of the briefing.
    keys, stances = iter(index.keys()), iter(index.values())
    for done in taking_turns(range(0, len(index), BATCH)):
        size = min(BATCH, len(index) - done)
        batch = list(islice(keys, size))
        actors, issues = map(itemgetter(0), batch), map(itemgetter(1), batch)
        rows = np.fromiter(map(row_of.__getitem__, actors), dtype=np.int64, count=size)
        columns = np.fromiter(map(column_of.__getitem__, issues), dtype=np.int64, count=size)
        positions = map(id, map(attrgetter("position"), islice(stances, size)))
        codes = np.fromiter(map(by_identity.__getitem__, positions), dtype=np.int8, count=size)
        grid[rows, columns] = codes
    has = (grid != 0).any(axis=1)
    kept = [n for n in range(len(actor_ids)) if has[n]]
    grid = grid[kept]
    sides = [(grid == code).astype(np.float32) for code in (1, 2, 3)]
    known = sides[0] + sides[1] + sides[2]
    held = (grid != 0).astype(np.float32)
    agree = sum(side @ side.T for side in sides)
    comparable = known @ known.T
    shared = held @ held.T
    actors_kept = tuple(actor_ids[n] for n in kept)
    pairs = {
        frozenset((actors_kept[a], actors_kept[b])): Agreement(
            int(agree[a, b]), int(comparable[a, b]), int(shared[a, b])
        )
        for a, b in combinations(range(len(actors_kept)), 2)
    }
    return AlignmentTable(actors_kept, pairs)


def _issues(count: int) -> str:
    return f"{count} issue" if count == 1 else f"{count} issues"


def describe(result: Agreement, name_a: str, name_b: str) -> str:
    """The one-line figure for a pair: "Russia and Iran agree on 17 of 31 shared issues (55%)"."""
    if result.shared == 0:
        return f"{name_a} and {name_b} have no issue in common."
    if result.comparable == 0:
        return (
            f"{name_a} and {name_b} share {_issues(result.shared)}, all with an unclear position."
        )
    text = (
        f"{name_a} and {name_b} agree on {result.agree} of {result.comparable} shared issues "
        f"({round(100 * (result.share or 0))}%)"
    )
    if result.unclear:
        more = "issue" if result.unclear == 1 else "issues"
        text += f"; {result.unclear} more shared {more} with an unclear position"
    return text + "."
