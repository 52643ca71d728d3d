"""What rendering a briefing's prose yields: the HTML, its contents and every anchor it defines.

One parse gives all three, so what ``validate`` accepts as a ``passage`` is exactly what the
reading view and the PDF can jump to. The classes here are plain data that cross a process
boundary (rendering runs in a worker process, see ``prose_worker``) and go into the cache, in the
JSON form that ``schema`` gives every data class.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.domain.problems import Location, Problem

ACTOR_SCHEME = "actor"
"""Links to actors in rendered prose: ``actor:ID``."""


@dataclass(frozen=True)
class NamedActor:
    """What the renderer needs of an actor: the names that link to it."""

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class TocEntry:
    level: int
    title: str
    anchor: str


@dataclass(frozen=True)
class Anchor:
    """An id the HTML defines, and where the prose defines it."""

    id: str
    location: Location


@dataclass(frozen=True)
class RenderedProse:
    blocks: tuple[str, ...]
    """The HTML, one piece per top-level element (a heading, paragraph, list, table…)."""
    toc: tuple[TocEntry, ...]
    anchors: tuple[Anchor, ...]
    """Every id in the HTML (headings, attribute lists, footnotes), in reading order."""
    problems: tuple[Problem, ...] = ()
    """What the parse noticed: ids defined twice, attribute lists shown as text."""

    @property
    def html(self) -> str:
        return "\n".join(self.blocks)

    @property
    def anchor_ids(self) -> frozenset[str]:
        return frozenset(anchor.id for anchor in self.anchors)
