"""Reading and checking a briefing folder's files, collecting every problem in one pass.

Only a cold load comes here (a warm one is served from the cache), so the YAML and CSV
machinery is not imported on a start-up that does not need it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from viewer.domain import fields as F
from viewer.domain import prose_limits
from viewer.domain.csvstances import StanceRows, from_records, read_stances
from viewer.domain.fields import suggest
from viewer.domain.limits import MAX_CSV_BYTES, MAX_ENTRIES, MAX_TEXT_BYTES
from viewer.domain.model import Briefing, ProseFile
from viewer.domain.problems import Location, ProblemList
from viewer.domain.prose import NamedActor, RenderedProse
from viewer.domain.prose_worker import ProseRenderer, RenderFailed
from viewer.domain.records import Record, RecordReader
from viewer.domain.schema import build, fields_of
from viewer.domain.textfiles import (
    BRIEFING_FILE,
    FileProblem,
    FileStamp,
    read_text,
    resolve_inside,
)
from viewer.domain.yamlnodes import YamlProblem, compose

FORMAT_VERSION = 1
SUMMARY_MAX = 160


def named_actor(record: Record) -> NamedActor:
    """The names that link to an actor in the prose (those that passed their checks)."""
    aliases = record.get("aliases", [])
    names = [record.get("name", ""), *(aliases if isinstance(aliases, list) else [])]
    return NamedActor(
        str(record.get("id", "")), tuple(n for n in names if isinstance(n, str) and n)
    )


class Reader:
    def __init__(self, folder: Path, renderer: ProseRenderer, shown: Path | None = None) -> None:
        self.folder = folder
        self.shown_root = shown or folder
        """How the folder is named in problems (a bundle's own name, for one)."""
        self.renderer = renderer
        self.problems = ProblemList()
        self.prose_errors = 0
        """Errors that keep the text from being shown but leave the data usable."""
        self.shown_yaml = str(self.shown_root / BRIEFING_FILE)
        self.files: list[FileStamp] = []
        """Every file read, as it was just before it was read (for the cache and the watcher:
        a file saved while the briefing loads must count as changed)."""

    def shown(self, name: str) -> str:
        return str(self.shown_root / name)

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
        prose = self.read_prose(top)
        sources = self.inline(reader, top, "sources", F.SOURCE)
        themes = self.collection(reader, top, "themes", F.THEME, "theme")
        actors = self.collection(reader, top, "actors", F.ACTOR, "actor")
        issues = self.collection(reader, top, "issues", F.ISSUE, "issue")
        stance_rows = self.stance_rows(reader, top)
        relations = self.inline(reader, top, "relations", F.RELATION, "relation")
        timeline = self.inline(reader, top, "timeline", F.EVENT, "timeline event")

        theme_ids = self.unique_ids(themes, "theme")
        actor_ids = self.unique_ids(actors, "actor")
        issue_ids = self.unique_ids(issues, "issue")
        rendered = self.render_prose(prose, actors) if prose is not None else None
        anchor_ids = set(rendered.anchor_ids) if rendered is not None else None
        self.check_refs(issues, "theme", theme_ids, "theme")
        self.check_refs(relations, "between", actor_ids, "actor")
        self.check_refs(timeline, "actors", actor_ids, "actor")
        self.check_refs(timeline, "issues", issue_ids, "issue")
        self.check_relations(relations)
        self.check_stances(stance_rows, actor_ids, issue_ids, anchor_ids)
        if anchor_ids is not None:
            for records in (themes, actors, issues, relations, timeline):
                self.check_refs(records, "passage", anchor_ids, "passage")

        if self.problems.error_count > self.prose_errors:
            return None
        entries = {
            "sources": sources,
            "themes": themes,
            "actors": actors,
            "issues": issues,
            "relations": relations,
            "timeline": timeline,
        }
        kinds = {field.key: field.base for field in fields_of(Briefing)}
        return build(
            Briefing,
            top.values,
            folder=self.folder,
            prose=tuple(prose or ()),
            stances=tuple(stance_rows.stances),
            rendered=rendered,
            **{
                key: tuple(build(kinds[key], record.values) for record in records)
                for key, records in entries.items()
            },
        )

    # -- reading files --------------------------------------------------------------------

    def parse_yaml(
        self, path: Path, shown: str, referrer: Location | None = None
    ) -> yaml.Node | None:
        self.files.append(FileStamp.of(path))
        try:
            node = compose(read_text(path, shown, MAX_TEXT_BYTES, referrer), shown)
        except (FileProblem, YamlProblem) as exc:
            self.problems.error(exc.location, exc.message)
            return None
        if node is None:
            self.problems.error(Location(shown), "file is empty")
        return node

    def read_prose(self, top: Record) -> list[ProseFile] | None:
        """The prose files, or None when one of them could not be read."""
        written = top.get("text", [])
        names = [str(name) for name in written] if isinstance(written, list) else []
        files: list[ProseFile] = []
        readable = True
        for name in names:
            shown = self.shown(name)
            try:
                path = resolve_inside(self.folder, name, top.at("text"))
                self.files.append(FileStamp.of(path))
                files.append(
                    ProseFile(path, read_text(path, shown, MAX_TEXT_BYTES, top.at("text")))
                )
            except FileProblem as exc:
                self.problems.error(exc.location, exc.message)
                self.prose_errors += 1
                readable = False
        return files if readable and names else None

    def render_prose(self, prose: list[ProseFile], actors: list[Record]) -> RenderedProse | None:
        """The prose rendered once, for its HTML, contents and anchors; None when it cannot be.

        The text is checked against the bounds first, and rendered in a worker process that is
        stopped after a time limit; either way a failure is an error at a location, and the
        data stays usable.
        """
        root = self.folder.resolve()
        files = [(self.shown(str(f.path.relative_to(root))), f.text) for f in prose]
        problems = prose_limits.check(files)
        for problem in problems:
            self.problems.add(problem)
        if problems:
            self.prose_errors += len(problems)
            return None
        try:
            rendered = self.renderer.render(files, [named_actor(r) for r in actors])
        except RenderFailed as exc:
            self.problems.error(Location(files[0][0]), f"the text could not be rendered: {exc}")
            self.prose_errors += 1
            return None
        for problem in rendered.problems:
            self.problems.add(problem)
            self.prose_errors += problem.is_error
        return rendered

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
        except FileProblem as exc:
            self.problems.error(exc.location, exc.message)
            return []
        sub = self.parse_yaml(path, shown, top.at(key))
        if sub is None:
            return []
        return self.records(RecordReader(shown, self.problems), sub, spec, what, key)

    def stance_rows(self, reader: RecordReader, top: Record) -> StanceRows:
        """Stances from YAML (inline or a file) or, for large matrices, a CSV file."""
        node = top.get("stances", None)
        if not isinstance(node, yaml.ScalarNode) or Path(node.value).suffix.lower() != ".csv":
            return from_records(self.collection(reader, top, "stances", F.STANCE, "stance"))
        name = node.value
        try:
            path = resolve_inside(self.folder, name, top.at("stances"))
            self.files.append(FileStamp.of(path))
            text = read_text(path, self.shown(name), MAX_CSV_BYTES, top.at("stances"))
        except FileProblem as exc:
            self.problems.error(exc.location, exc.message)
            return from_records([])
        return read_stances(text, self.shown(name), self.problems)

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
            else:
                first[ident] = record.at("id")
        return set(first)

    def check_refs(self, records: list[Record], key: str, known: set[str], what: str) -> None:
        for record in records:
            value = record.get(key, None)
            if value is None or value == "":
                continue
            refs = [str(ref) for ref in (value if isinstance(value, list) else [value])]
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

    def check_stances(
        self,
        rows: StanceRows,
        actor_ids: set[str],
        issue_ids: set[str],
        anchor_ids: set[str] | None,
    ) -> None:
        """References, duplicates and summary length over possibly many rows.

        Set operations in C answer "is anything wrong?" first; the row-by-row pass that says
        where runs only when something is.
        """
        stances = rows.stances
        known_passages = anchor_ids if anchor_ids is not None else {s.passage for s in stances}
        if (
            {s.actor for s in stances} <= actor_ids
            and {s.issue for s in stances} <= issue_ids
            and {s.passage for s in stances} <= known_passages
            and len({(s.actor, s.issue) for s in stances}) == len(stances)
            and max((len(s.summary) for s in stances), default=0) <= SUMMARY_MAX
        ):
            return
        first: dict[tuple[str, str], int] = {}
        dated: dict[tuple[tuple[str, str], str], int] = {}
        for n, stance in enumerate(stances):
            if stance.actor and stance.actor not in actor_ids:
                self.problems.error(
                    rows.locate(n, "actor"),
                    f"unknown actor '{stance.actor}'{suggest(stance.actor, actor_ids)}",
                )
            if stance.issue and stance.issue not in issue_ids:
                self.problems.error(
                    rows.locate(n, "issue"),
                    f"unknown issue '{stance.issue}'{suggest(stance.issue, issue_ids)}",
                )
            if anchor_ids is not None and stance.passage and stance.passage not in anchor_ids:
                self.problems.error(
                    rows.locate(n, "passage"),
                    f"passage '{stance.passage}' is not an anchor in the prose"
                    f"{suggest(stance.passage, anchor_ids)}",
                )
            pair = (stance.actor, stance.issue)
            if pair in first:
                other = stances[first[pair]]
                earlier = rows.locate(dated.get((pair, stance.as_of), first[pair]), "actor")
                if not stance.as_of or not other.as_of:
                    self.problems.error(
                        rows.locate(n, "actor"),
                        f"second stance of actor '{stance.actor}' on issue '{stance.issue}' "
                        f"(first at {earlier}); to record a change over time, give each stance "
                        "of the series its own as_of",
                    )
                elif (pair, stance.as_of) in dated:
                    self.problems.error(
                        rows.locate(n, "as_of"),
                        f"second stance of actor '{stance.actor}' on issue '{stance.issue}' as of "
                        f"{stance.as_of} (first at {earlier}); each stance of a series needs its "
                        "own as_of",
                    )
            else:
                first[pair] = n
            dated.setdefault((pair, stance.as_of), n)
            if len(stance.summary or "") > SUMMARY_MAX:
                self.problems.warning(
                    rows.locate(n, "summary"),
                    f"summary is {len(stance.summary)} characters; keep it to one line "
                    f"({SUMMARY_MAX} at most) and put detail in 'evidence'",
                )
