"""Loading a briefing folder into immutable data, collecting every problem in one pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from viewer.domain import anchors as prose_scan
from viewer.domain import fields as F
from viewer.domain.csvstances import read_stances
from viewer.domain.fields import suggest
from viewer.domain.limits import MAX_CSV_BYTES, MAX_ENTRIES, MAX_TEXT_BYTES
from viewer.domain.model import (
    Actor,
    Briefing,
    Event,
    Issue,
    ProseFile,
    Relation,
    Source,
    Stance,
    Theme,
)
from viewer.domain.problems import Location, Problem, ProblemList
from viewer.domain.records import Record, RecordReader
from viewer.domain.textfiles import FileProblem, read_text, resolve_inside
from viewer.domain.yamlnodes import YamlProblem, compose

BRIEFING_FILE = "briefing.yaml"
FORMAT_VERSION = 1
SUMMARY_MAX = 160
SPLIT_COLLECTIONS = ("themes", "actors", "issues", "stances")
"""Collections that may name a file beside ``briefing.yaml`` instead of holding a list."""


@dataclass(frozen=True)
class LoadResult:
    folder: Path
    briefing: Briefing | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def load_briefing(path: str | Path) -> LoadResult:
    """Load the briefing in folder ``path`` (or the folder of a ``briefing.yaml`` given directly).

    File names in problems are shown relative to ``path`` as the user wrote it.
    """
    folder = Path(path)
    if folder.name == BRIEFING_FILE and folder.is_file():
        folder = folder.parent
    loader = _Loader(folder)
    briefing = loader.load()
    problems = loader.problems.sorted()
    if loader.problems.has_errors:
        briefing = None
    return LoadResult(folder, briefing, problems)


class _Loader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems = ProblemList()
        self.shown_yaml = str(folder / BRIEFING_FILE)

    def shown(self, name: str) -> str:
        return str(self.folder / name)

    def load(self) -> Briefing | None:
        if not self.folder.is_dir():
            what = "does not exist" if not self.folder.exists() else "is not a folder"
            self.problems.error(Location(str(self.folder)), f"briefing folder {what}")
            return None
        root = self.parse_yaml(self.folder / BRIEFING_FILE, self.shown_yaml)
        if root is None:
            return None
        reader = RecordReader(self.shown_yaml, self.problems)
        if not isinstance(root, yaml.MappingNode):
            reader.error(root, f"{BRIEFING_FILE} must hold a mapping of keys to values")
            return None
        top = reader.record(root, F.BRIEFING, "briefing", raw=F.COLLECTIONS)
        if top is None:
            return None
        version = top.get("format")
        if isinstance(version, int) and version != FORMAT_VERSION:
            self.problems.error(
                top.at("format"),
                f"unsupported format {version}; this viewer reads format {FORMAT_VERSION}",
            )
        prose, anchor_ids = self.read_prose(top)
        sources = [self.build(Source, r) for r in self.inline(reader, top, "sources", F.SOURCE)]
        themes = self.collection(reader, top, "themes", F.THEME, "theme")
        actors = self.collection(reader, top, "actors", F.ACTOR, "actor")
        issues = self.collection(reader, top, "issues", F.ISSUE, "issue")
        stances = self.collection(reader, top, "stances", F.STANCE, "stance")
        relations = self.inline(reader, top, "relations", F.RELATION, "relation")
        timeline = self.inline(reader, top, "timeline", F.EVENT, "timeline event")

        theme_ids = self.unique_ids(themes, "theme")
        actor_ids = self.unique_ids(actors, "actor")
        issue_ids = self.unique_ids(issues, "issue")
        self.check_refs(issues, "theme", theme_ids, "theme")
        self.check_refs(stances, "actor", actor_ids, "actor")
        self.check_refs(stances, "issue", issue_ids, "issue")
        self.check_refs(relations, "between", actor_ids, "actor")
        self.check_refs(timeline, "actors", actor_ids, "actor")
        self.check_refs(timeline, "issues", issue_ids, "issue")
        self.check_relations(relations)
        self.check_stances(stances)
        if anchor_ids is not None:
            for records in (themes, actors, issues, stances, relations, timeline):
                self.check_refs(records, "passage", anchor_ids, "passage")

        if self.problems.has_errors:
            return None
        authors: list[str] = top.get("authors", [])  # type: ignore[assignment]
        return Briefing(
            folder=self.folder,
            id=str(top.get("id")),
            title=str(top.get("title")),
            subtitle=str(top.get("subtitle")),
            authors=tuple(authors),
            date=str(top.get("date")),
            language=str(top.get("language")),
            summary=str(top.get("summary")),
            sources=tuple(s for s in sources if s is not None),
            prose=tuple(prose),
            themes=tuple(self.build(Theme, r) for r in themes),
            actors=tuple(self.build(Actor, r, aliases=tuple(r.get("aliases", []))) for r in actors),
            issues=tuple(self.build(Issue, r) for r in issues),
            stances=tuple(self.build(Stance, r) for r in stances),
            relations=tuple(
                self.build(Relation, r, between=tuple(r.get("between"))) for r in relations
            ),
            timeline=tuple(
                self.build(
                    Event, r, actors=tuple(r.get("actors", [])), issues=tuple(r.get("issues", []))
                )
                for r in timeline
            ),
            anchors=frozenset(anchor_ids or ()),
        )

    @staticmethod
    def build(kind: type, record: Record, **overrides: Any) -> Any:
        return kind(**{**record.values, **overrides})

    # -- reading files --------------------------------------------------------------------

    def parse_yaml(
        self, path: Path, shown: str, referrer: Location | None = None
    ) -> yaml.Node | None:
        try:
            node = compose(read_text(path, shown, MAX_TEXT_BYTES, referrer), shown)
        except (FileProblem, YamlProblem) as exc:
            self.problems.error(exc.location, exc.message)
            return None
        if node is None:
            self.problems.error(Location(shown), "file is empty")
        return node

    def read_prose(self, top: Record) -> tuple[list[ProseFile], set[str] | None]:
        """The prose files and the anchors they define (None when a file could not be read)."""
        names: list[str] = top.get("text", [])  # type: ignore[assignment]
        files: list[ProseFile] = []
        readable = True
        for name in names:
            shown = self.shown(name)
            try:
                path = resolve_inside(self.folder, name, top.at("text"))
                files.append(
                    ProseFile(path, read_text(path, shown, MAX_TEXT_BYTES, top.at("text")))
                )
            except FileProblem as exc:
                self.problems.error(exc.location, exc.message)
                readable = False
        if not readable or not names:
            return files, None
        scan = prose_scan.scan([(self.shown(f.path.name), f.text) for f in files])
        first: dict[str, Location] = {}
        for anchor in scan.anchors:
            if anchor.id in first and anchor.explicit:
                self.problems.error(
                    anchor.location,
                    f"anchor '{anchor.id}' is defined twice (first at {first[anchor.id]})",
                )
            first.setdefault(anchor.id, anchor.location)
        for where in scan.detached:
            self.problems.warning(
                where,
                "attribute list after a blank line is shown as text and defines no anchor; "
                "put it on the line right after its paragraph",
            )
        return files, set(first)

    def inline(
        self, reader: RecordReader, top: Record, key: str, spec: dict, what: str = ""
    ) -> list[Record]:
        node = top.get(key, None)
        if node is None:
            return []
        return self.records(reader, node, spec, what or key[:-1], key)

    def records(
        self, reader: RecordReader, node: yaml.Node, spec: dict, what: str, key: str
    ) -> list[Record]:
        items = reader.sequence(node, f"'{key}'")
        if len(items) > MAX_ENTRIES:
            reader.error(node, f"more than {MAX_ENTRIES:,} entries; the limit is {MAX_ENTRIES:,}")
            return []
        found = [reader.record(item, spec, what) for item in items]
        return [r for r in found if r is not None]

    def collection(
        self, reader: RecordReader, top: Record, key: str, spec: dict, what: str
    ) -> list[Record]:
        """A collection held inline or in a file named beside ``briefing.yaml``."""
        node = top.get(key, None)
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            return self.inline(reader, top, key, spec, what)
        name = node.value
        shown = self.shown(name)
        suffix = Path(name).suffix.lower()
        allowed = (".yaml", ".yml", ".csv") if key == "stances" else (".yaml", ".yml")
        if suffix not in allowed:
            self.problems.error(
                top.at(key),
                f"'{key}' must be a list or the name of a {' or '.join(allowed)} file, "
                f"not '{name}'",
            )
            return []
        try:
            path = resolve_inside(self.folder, name, top.at(key))
            if suffix == ".csv":
                text = read_text(path, shown, MAX_CSV_BYTES, top.at(key))
                return read_stances(text, shown, self.problems)
        except FileProblem as exc:
            self.problems.error(exc.location, exc.message)
            return []
        sub = self.parse_yaml(path, shown, top.at(key))
        if sub is None:
            return []
        return self.records(RecordReader(shown, self.problems), sub, spec, what, key)

    # -- cross-checks ---------------------------------------------------------------------

    def unique_ids(self, records: list[Record], what: str) -> set[str]:
        first: dict[str, Location] = {}
        for record in records:
            ident = record.get("id", None)
            if not isinstance(ident, str):
                continue
            if ident in first:
                self.problems.error(
                    record.at("id"), f"duplicate {what} id '{ident}' (first at {first[ident]})"
                )
                record.complete = False
            else:
                first[ident] = record.at("id")
        return set(first)

    def check_refs(self, records: list[Record], key: str, known: set[str], what: str) -> None:
        for record in records:
            value = record.get(key, None)
            if value is None or value == "":
                continue
            refs: Iterable[str] = value if isinstance(value, list) else [value]  # type: ignore[assignment]
            for ref in refs:
                if ref in known:
                    continue
                hint = suggest(ref, known)
                message = (
                    f"passage '{ref}' is not an anchor in the prose{hint}"
                    if what == "passage"
                    else f"unknown {what} '{ref}'{hint}"
                )
                self.problems.error(record.at(key), message)

    def check_relations(self, relations: list[Record]) -> None:
        for record in relations:
            between = record.get("between", None)
            if not isinstance(between, list):
                continue
            if len(between) != 2 or between[0] == between[1]:
                self.problems.error(
                    record.at("between"), "'between' must name exactly two different actors"
                )
                record.complete = False

    def check_stances(self, stances: list[Record]) -> None:
        first: dict[tuple[object, object], Location] = {}
        for record in stances:
            pair = (record.get("actor", None), record.get("issue", None))
            if None in pair:
                continue
            if pair in first:
                self.problems.error(
                    record.location,
                    f"second stance of actor '{pair[0]}' on issue '{pair[1]}' "
                    f"(first at {first[pair]})",
                )
            else:
                first[pair] = record.location
            summary = record.get("summary")
            if isinstance(summary, str) and len(summary) > SUMMARY_MAX:
                self.problems.warning(
                    record.at("summary"),
                    f"summary is {len(summary)} characters; keep it to one line "
                    f"({SUMMARY_MAX} at most) and put detail in 'evidence'",
                )
