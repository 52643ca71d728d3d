"""What rendering a briefing's prose yields: the HTML, its contents and every anchor it defines.

One parse gives all three, so what ``validate`` accepts as a ``passage`` is exactly what the
reading view and the PDF can jump to. The classes here are plain data that cross a process
boundary (rendering runs in a worker process, see ``prose_worker``) and go into the cache, so each
has a JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.domain.problems import Location, Problem, Severity

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

    def to_json(self) -> dict:
        return {
            "blocks": list(self.blocks),
            "toc": [[e.level, e.title, e.anchor] for e in self.toc],
            "anchors": [[a.id, *_location(a.location)] for a in self.anchors],
            "problems": [problem_to_json(p) for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: dict) -> RenderedProse:
        return cls(
            blocks=tuple(map(str, data["blocks"])),
            toc=tuple(
                TocEntry(int(level), str(title), str(anchor))
                for level, title, anchor in data["toc"]
            ),
            anchors=tuple(
                Anchor(str(ident), Location(str(file), int(line), int(column)))
                for ident, file, line, column in data["anchors"]
            ),
            problems=tuple(problem_from_json(p) for p in data["problems"]),
        )


def _location(location: Location) -> list[object]:
    return [location.file, location.line, location.column]


def problem_to_json(problem: Problem) -> list[object]:
    return [*_location(problem.location), problem.message, problem.severity.value]


def problem_from_json(data: list) -> Problem:
    file, line, column, message, severity = data
    return Problem(Location(str(file), int(line), int(column)), str(message), Severity(severity))
