"""Immutable data classes for a loaded briefing.

The Qt layer only ever sees these, never raw YAML dictionaries, so a view cannot depend on how a
briefing happens to be written down.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, NamedTuple

from viewer.domain.foreground import taking_turns
from viewer.domain.prose import RenderedProse

Id = Annotated[str, "id"]
"""Lower case letters, digits and hyphens: what other entries refer to."""
PartialDate = Annotated[str, "partial date"]
"""A year, a year and month, or a full date."""
FullDate = Annotated[str, "full date"]
LanguageTag = Annotated[str, "language"]
AnchorId = Annotated[str, "anchor"]
Ref = Annotated[str, "reference"]
"""An id of something defined elsewhere in the briefing; checked against what is defined, so
a title written in its place can be named as such."""
"""A ``passage``: an id that the prose defines (checked against the rendered prose)."""
NOT_WRITTEN = {"written": False}
"""Field metadata: known to the app, not a key of the briefing's files."""


class Position(enum.Enum):
    """One ordered scale, from full support to full opposition, plus ``unclear``."""

    __hash__ = object.__hash__
    """Identity, taken in C: members are singletons, and ``Enum.__hash__`` is a Python function
    that every count, lookup or grouping by position called once per stance."""

    STRONGLY_SUPPORT = "strongly-support"
    SUPPORT = "support"
    MIXED = "mixed"
    NEUTRAL = "neutral"
    OPPOSE = "oppose"
    STRONGLY_OPPOSE = "strongly-oppose"
    UNCLEAR = "unclear"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()

    @property
    def score(self) -> int | None:
        """Place on the scale, +2 (strong support) to -2 (strong opposition); None when unclear."""
        return _SCORES[self]

    @property
    def side(self) -> int | None:
        """+1 for support, -1 for opposition, 0 in between, None when unclear."""
        score = self.score
        if score is None:
            return None
        return (score > 0) - (score < 0)


_SCORES: dict[Position, int | None] = {
    Position.STRONGLY_SUPPORT: 2,
    Position.SUPPORT: 1,
    Position.MIXED: 0,
    Position.NEUTRAL: 0,
    Position.OPPOSE: -1,
    Position.STRONGLY_OPPOSE: -2,
    Position.UNCLEAR: None,
}


class Confidence(enum.Enum):
    __hash__ = object.__hash__  # as for Position
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActorKind(enum.Enum):
    STATE = "state"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed-group"
    PERSON = "person"
    BLOC = "bloc"
    OTHER = "other"

    @property
    def singular(self) -> str:
        """ "Armed group" for ``armed-group``: the kind as a reader sees it."""
        return self.value.replace("-", " ").capitalize()

    @property
    def label(self) -> str:
        return {
            ActorKind.STATE: "States",
            ActorKind.ORGANIZATION: "Organizations",
            ActorKind.ARMED_GROUP: "Armed groups",
            ActorKind.PERSON: "People",
            ActorKind.BLOC: "Blocs",
            ActorKind.OTHER: "Others",
        }[self]


class RelationKind(enum.Enum):
    ALLY = "ally"
    PARTNER = "partner"
    RIVAL = "rival"
    ADVERSARY = "adversary"
    MEDIATOR = "mediator"
    OTHER = "other"


@dataclass(frozen=True)
class Source:
    title: str
    author: str = ""
    publisher: str = ""
    date: PartialDate = ""
    url: str = ""


@dataclass(frozen=True)
class Theme:
    id: Id
    title: str
    summary: str
    passage: str = ""


@dataclass(frozen=True)
class Actor:
    id: Id
    name: str
    kind: ActorKind
    summary: str
    passage: str = ""
    aliases: tuple[str, ...] = ()
    """Other names the prose uses ("Moscow" for Russia); they link to the actor too."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that links to the actor in the prose."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Issue:
    id: Id
    title: str
    question: str
    theme: Ref
    passage: str = ""


PAIR_OF = operator.itemgetter(0, 1)
"""A stance's (actor, issue), taken in C."""
BATCH = 20_000
"""Stances handled by one C-level call: such a call holds the interpreter all through, so the
window's thread gets its turn between batches while another thread works through a roll-call."""


def _as_of_order(stance: Stance) -> str:
    """Partial dates in ISO form sort as text: 2015 < 2015-03 < 2015-03-01 < 2016; undated
    ("") first of all."""
    return stance.as_of


class Stance(NamedTuple):
    """A named tuple rather than a dataclass: briefings hold hundreds of thousands of these, and
    tuples are several times cheaper to build and smaller in memory."""

    actor: Ref
    issue: Ref
    position: Position
    confidence: Confidence
    summary: str
    evidence: str
    passage: AnchorId
    as_of: PartialDate = ""


@dataclass(frozen=True)
class Relation:
    between: tuple[Ref, Ref]
    kind: RelationKind
    summary: str
    passage: str = ""

    def other(self, actor_id: str) -> str:
        """The actor at the other end from ``actor_id``."""
        return self.between[1] if self.between[0] == actor_id else self.between[0]

    def role_of(self, actor_id: str) -> str:
        """How ``actor_id`` stands to the other actor, read from its side: "Ally of",
        "Mediates for" or "Mediated by" (the first actor of a mediation is the mediator)."""
        if self.kind is RelationKind.MEDIATOR:
            return "Mediates for" if self.between[0] == actor_id else "Mediated by"
        if self.kind is RelationKind.OTHER:
            return "Related to"
        return f"{self.kind.value.capitalize()} of"


@dataclass(frozen=True)
class Event:
    date: PartialDate
    event: str
    actors: tuple[Ref, ...] = ()
    issues: tuple[Ref, ...] = ()
    passage: str = ""


@dataclass(frozen=True)
class ProseFile:
    """One Markdown file of the briefing, already decoded (BOM stripped, LF line ends)."""

    path: Path
    text: str


@dataclass(frozen=True, eq=False, kw_only=True)
class Briefing:
    folder: Path = field(metadata=NOT_WRITTEN)
    id: Id
    title: str
    subtitle: str = ""
    authors: tuple[str, ...]
    date: FullDate
    language: LanguageTag
    summary: str
    sources: tuple[Source, ...] = ()
    prose: tuple[ProseFile, ...] = field(metadata={"key": "text", "one_or_many": True})
    """Written as the names of the Markdown files (``text``), in reading order."""
    themes: tuple[Theme, ...] = ()
    actors: tuple[Actor, ...] = ()
    issues: tuple[Issue, ...] = ()
    stances: tuple[Stance, ...] = ()
    relations: tuple[Relation, ...] = ()
    timeline: tuple[Event, ...] = ()
    rendered: RenderedProse | None = field(default=None, metadata=NOT_WRITTEN)
    """The prose as HTML with its contents and anchors; None when it could not be rendered."""

    @property
    def anchors(self) -> frozenset[str]:
        """The ids a ``passage`` may name: what the rendered prose defines."""
        return self.rendered.anchor_ids if self.rendered is not None else frozenset()

    @property
    def markdown(self) -> str:
        """All prose files joined in reading order."""
        return "\n\n".join(p.text for p in self.prose)

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def issue_by_id(self) -> dict[str, Issue]:
        return {i.id: i for i in self.issues}

    @cached_property
    def theme_by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @cached_property
    def stance_index(self) -> dict[tuple[str, str], Stance]:
        """The latest stance of each ``(actor id, issue id)``: the matrix's one lookup."""
        return self._latest_stances(iter)

    def take_index(self, by_pair: dict[tuple[str, str], Stance]) -> None:
        """Take as :attr:`stance_index` the stances by pair that the reader built while checking
        them, when no pair repeats (so the last of each is the one): a roll-call's 840,000
        pairs built a second time, and the first set of them freed at once, held the window
        for a third of a second."""
        if len(by_pair) == len(self.stances) and "stance_index" not in self.__dict__:
            self.__dict__["stance_index"] = by_pair

    def index_stances(self) -> None:
        """Build :attr:`stance_index` on a background thread, giving way to the window between
        batches: outside ``cached_property``, whose lock the window's thread may wait for."""
        if "stance_index" not in self.__dict__:
            self.__dict__["stance_index"] = self._latest_stances(taking_turns)

    def _latest_stances(
        self, turns: Callable[[Iterable[int]], Iterator[int]]
    ) -> dict[tuple[str, str], Stance]:
        latest: dict[tuple[str, str], Stance] = {}
        for start in turns(range(0, len(self.stances), BATCH)):
            batch = self.stances[start : start + BATCH]
            latest.update(zip(map(PAIR_OF, batch), batch, strict=True))
        if len(latest) == len(self.stances):  # no series: each pair once, in C
            return latest
        return {pair: series[-1] for pair, series in self.history_index.items()}

    @cached_property
    def history_index(self) -> dict[tuple[str, str], tuple[Stance, ...]]:
        """Every stance of each pair, oldest first (an undated one first of all)."""
        grouped: dict[tuple[str, str], list[Stance]] = {}
        for stance in self.stances:
            grouped.setdefault((stance.actor, stance.issue), []).append(stance)
        return {pair: tuple(sorted(found, key=_as_of_order)) for pair, found in grouped.items()}

    @cached_property
    def series_index(self) -> dict[tuple[str, str], tuple[Stance, ...]]:
        """The pairs whose position is recorded more than once, as series, oldest first."""
        if len(self.stance_index) == len(self.stances):
            return {}
        return {pair: found for pair, found in self.history_index.items() if len(found) > 1}

    @cached_property
    def as_of_dates(self) -> tuple[str, ...]:
        """Every date a stance is recorded as of, oldest first: where a position may change."""
        return tuple(sorted({s.as_of for s in self.stances if s.as_of}))

    def stances_as_of(self, date: str) -> dict[tuple[str, str], Stance]:
        """Each pair's position as it stood at ``date`` (a partial date): its latest stance
        recorded as of then or earlier, or undated. A pair recorded only later is left out."""
        cached = self._as_of_cache.get(date)
        if cached is None:
            cached = {}
            for pair, series in self.history_index.items():
                known = [s for s in series if not s.as_of or s.as_of <= date]
                if known:
                    cached[pair] = known[-1]
            self._as_of_cache.clear()  # one date at a time: a roll-call's index is large
            self._as_of_cache[date] = cached
        return cached

    @cached_property
    def _as_of_cache(self) -> dict[str, dict[tuple[str, str], Stance]]:
        return {}

    def history(self, actor_id: str, issue_id: str) -> tuple[Stance, ...]:
        """The pair's stances, newest first (one, or none, for most pairs)."""
        series = self.series_index.get((actor_id, issue_id))
        if series is not None:
            return tuple(reversed(series))
        latest = self.stance_index.get((actor_id, issue_id))
        return (latest,) if latest is not None else ()

    def stances_of_actor(self, actor_id: str) -> list[Stance]:
        """The actor's current stances (the latest of each series), in issue order."""
        return self._current_by("actor", actor_id)

    def stances_on_issue(self, issue_id: str) -> list[Stance]:
        """The current stances on the issue (the latest of each series), in actor order."""
        return self._current_by("issue", issue_id)

    def _current_by(self, key: str, wanted: str) -> list[Stance]:
        """Current stances of one actor or issue, in the other's order: from the groups
        :meth:`warm` builds on the loader's thread once they are there, and until then looked
        up, so that the window's thread never groups a roll-call's stances itself."""
        groups = self._groups.get(key)
        if groups is not None:
            return list(groups.get(wanted, ()))
        return self._looked_up(key, wanted)

    def _looked_up(self, key: str, wanted: str) -> list[Stance]:
        """Current stances of one actor or issue by one lookup per issue or actor of the other
        kind, in its order: thousands, not a pass over hundreds of thousands of stances, and
        never long in C without a pause (a sort of them all held the interpreter, and so the
        window, for most of a second). A stance naming an unknown actor or issue is an error
        that keeps a briefing from opening, so the lookups miss none."""
        if key == "actor":
            pairs = [(wanted, issue.id) for issue in self.issues]
        else:
            pairs = [(actor.id, wanted) for actor in self.actors]
        return [stance for stance in map(self.stance_index.get, pairs) if stance is not None]

    def warm(self) -> None:
        """Build what every tab looks stances up by, off the window's thread: the current
        stance of each pair, the stances of each actor and on each issue, and their dates."""
        for key, kind in (("actor", self.actors), ("issue", self.issues)):
            if key not in self._groups:
                ids = taking_turns([item.id for item in kind])
                found = ((ident, self._looked_up(key, ident)) for ident in ids)
                self._groups[key] = {ident: group for ident, group in found if group}
        self.as_of_dates  # noqa: B018 (the dates a matrix or Compare can be shown as of)

    @cached_property
    def _groups(self) -> dict[str, dict[str, list[Stance]]]:
        return {}

    def issues_of_theme(self, theme_id: str) -> list[Issue]:
        return [i for i in self.issues if i.theme == theme_id]

    def relations_of_actor(self, actor_id: str) -> list[Relation]:
        return [r for r in self.relations if actor_id in r.between]

    def events_of_actor(self, actor_id: str) -> list[Event]:
        return [e for e in self.timeline if actor_id in e.actors]
