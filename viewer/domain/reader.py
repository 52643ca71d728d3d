"""Reading and checking a briefing folder's files, collecting every problem in one pass.

Only a cold load comes here (a warm one is served from the cache), so the YAML and CSV
machinery is not imported on a start-up that does not need it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path

import yaml

from viewer.domain import fields as F
from viewer.domain import prose_limits
from viewer.domain.csvstances import StanceRows, from_records, joined, read_stances
from viewer.domain.foreground import taking_turns
from viewer.domain.limits import MAX_CSV_BYTES, MAX_ENTRIES, MAX_TEXT_BYTES
from viewer.domain.model import BATCH, PAIR_OF, Briefing, ProseFile, Stance
from viewer.domain.problems import Location, ProblemList
from viewer.domain.progress import Progress
from viewer.domain.prose import NamedActor, RenderedProse
from viewer.domain.prose_worker import RENDERING, ProseRenderer, RenderFailed
from viewer.domain.records import Record, RecordReader
from viewer.domain.references import Known, Unknown
from viewer.domain.schema import build, fields_of
from viewer.domain.textfiles import (
    BRIEFING_FILE,
    FileProblem,
    FileStamp,
    read_text,
    resolve_inside,
)
from viewer.domain.yamlnodes import YamlProblem, compose, locate

FORMAT_VERSION = 1
SUMMARY_MAX = 160


def titled(records: list[Record], *keys: str) -> list[tuple[str, list[str]]]:
    """Each record's id with the titles or names written under ``keys``."""
    found = []
    for record in records:
        ident = record.get("id", None)
        if isinstance(ident, str):
            names = [record.get(key, None) for key in keys]
            flat = [n for name in names for n in (name if isinstance(name, list) else [name])]
            found.append((ident, [str(n) for n in flat if n]))
    return found


def named_actor(record: Record) -> NamedActor:
    """The names that link to an actor in the prose (those that passed their checks)."""
    aliases = record.get("aliases", [])
    names = [record.get("name", ""), *(aliases if isinstance(aliases, list) else [])]
    return NamedActor(
        str(record.get("id", "")), tuple(n for n in names if isinstance(n, str) and n)
    )


class Reader:
    def __init__(
        self,
        folder: Path,
        renderer: ProseRenderer,
        shown: Path | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.folder = folder
        self.progress = progress or Progress()
        self.shown_root = shown or folder
        """How the folder is named in problems (a bundle's own name, for one)."""
        self.renderer = renderer
        self.problems = ProblemList()
        self.prose_errors = 0
        """Errors that keep the text from being shown but leave the data usable."""
        self.shown_yaml = str(self.shown_root / BRIEFING_FILE)
        self.rendered: RenderedProse | None = None
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
        self.progress.step(f"Reading {BRIEFING_FILE}")
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
        language = top.get("language")
        rendering = (
            self.start_rendering(prose, actors, language if isinstance(language, str) else "")
            if prose is not None
            else None
        )
        stance_rows = self.stance_rows(reader, top)
        relations = self.inline(reader, top, "relations", F.RELATION, "relation")
        timeline = self.inline(reader, top, "timeline", F.EVENT, "timeline event")

        theme_ids = self.unique_ids(themes, "theme")
        actor_ids = self.unique_ids(actors, "actor")
        issue_ids = self.unique_ids(issues, "issue")
        self.progress.step(RENDERING)
        rendered = rendering() if rendering is not None else None
        self.rendered = rendered
        anchor_ids = set(rendered.anchor_ids) if rendered is not None else None
        known_themes = Known.of("theme", theme_ids, titled(themes, "title"))
        known_actors = Known.of("actor", actor_ids, titled(actors, "name", "aliases"))
        known_issues = Known.of("issue", issue_ids, titled(issues, "title"))
        unknown = Unknown()
        self.progress.step("Checking references")
        self.check_refs(unknown, issues, "theme", known_themes)
        self.check_refs(unknown, relations, "between", known_actors)
        self.check_refs(unknown, timeline, "actors", known_actors)
        self.check_refs(unknown, timeline, "issues", known_issues)
        self.check_relations(relations)
        known_passages = Known.of("passage", anchor_ids, ()) if anchor_ids is not None else None
        by_pair = self.check_stances(
            unknown, stance_rows, known_actors, known_issues, known_passages
        )
        if known_passages is not None:
            for records in (themes, actors, issues, relations, timeline):
                self.check_refs(unknown, records, "passage", known_passages)
        unknown.report(self.problems)

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
        briefing = build(
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
        briefing.take_index(by_pair)
        return briefing

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

    def start_rendering(
        self, prose: list[ProseFile], actors: list[Record], language: str
    ) -> Callable[[], RenderedProse | None]:
        """Send the prose to be rendered once, for its HTML, contents and anchors, and return
        what waits for the result: None when it cannot be rendered.

        The text is checked against the bounds first, and rendered in a worker process that is
        stopped after a time limit; either way a failure is an error at a location, and the
        data stays usable. The worker renders while this thread reads the stance file (a
        roll-call's takes seconds): a thread here only waits for it.
        """
        root = self.folder.resolve()
        files = [(self.shown(str(f.path.relative_to(root))), f.text) for f in prose]
        problems = prose_limits.check(files)
        for problem in problems:
            self.problems.add(problem)
        if problems:
            self.prose_errors += len(problems)
            return lambda: None
        names = [named_actor(r) for r in actors]
        outcome: list[RenderedProse | Exception] = []

        def render() -> None:
            try:
                outcome.append(self.renderer.render(files, names, language))
            except Exception as exc:  # raised again on this thread, as if rendered here
                outcome.append(exc)

        waiting = threading.Thread(target=render, name="render wait", daemon=True)
        waiting.start()

        def finish() -> RenderedProse | None:
            waiting.join()
            rendered = outcome[0]
            if isinstance(rendered, RenderFailed):
                self.problems.error(
                    Location(files[0][0]), f"the text could not be rendered: {rendered}"
                )
                self.prose_errors += 1
                return None
            if isinstance(rendered, Exception):
                raise rendered
            for problem in rendered.problems:
                self.problems.add(problem)
                self.prose_errors += problem.is_error
            return rendered

        return finish

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
        """Stances inline, or from one or several files: YAML, or CSV for large matrices (a
        spreadsheet for the bulk and YAML for the few with long evidence, say)."""
        node = top.get("stances", None)
        if isinstance(node, yaml.SequenceNode) and any(
            isinstance(item, yaml.ScalarNode) for item in node.value
        ):
            if not all(isinstance(item, yaml.ScalarNode) for item in node.value):
                reader.error(
                    node,
                    "'stances' must list either stances or the names of stance files, not both",
                )
                return from_records([])
            return joined(
                [self.stance_file(item.value, locate(item, self.shown_yaml)) for item in node.value]
            )
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            return self.stance_file(node.value, top.at("stances"))
        return from_records(self.collection(reader, top, "stances", F.STANCE, "stance"))

    def stance_file(self, name: str, at: Location) -> StanceRows:
        """The stances of one file named in ``briefing.yaml`` (at ``at``)."""
        suffix = Path(name).suffix.lower()
        if suffix not in (".yaml", ".yml", ".csv"):
            self.problems.error(
                at, f"'{name}' is not a stance file: name a .yaml, .yml or .csv file"
            )
            return from_records([])
        shown = self.shown(name)
        try:
            path = resolve_inside(self.folder, name, at)
            if suffix != ".csv":
                sub = self.parse_yaml(path, shown, at)
                if sub is None:
                    return from_records([])
                file_reader = RecordReader(shown, self.problems)
                return from_records(self.records(file_reader, sub, F.STANCE, "stance", "stances"))
            self.files.append(FileStamp.of(path))
            text = read_text(path, shown, MAX_CSV_BYTES, at)
        except FileProblem as exc:
            self.problems.error(exc.location, exc.message)
            return from_records([])
        return read_stances(text, shown, self.problems, self.progress)

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

    def check_refs(self, unknown: Unknown, records: list[Record], key: str, known: Known) -> None:
        for record in records:
            value = record.get(key, None)
            if value is None or value == "":
                continue
            for ref in [str(ref) for ref in (value if isinstance(value, list) else [value])]:
                unknown.check(known, ref, record.at(key), key)

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
        unknown: Unknown,
        rows: StanceRows,
        actors: Known,
        issues: Known,
        passages: Known | None,
    ) -> dict[tuple[str, str], Stance]:
        """References, duplicates and summary length over possibly many rows; returns the
        stances by (actor, issue), the last of each pair, which is the briefing's stance index
        when no pair repeats (built once here, not again for the index).

        Set operations in C answer "is anything wrong?" first; the row-by-row pass that says
        where runs only when something is. They take the stances a batch at a time: over a
        roll-call's 840,000 at once, each C-level call held the interpreter, and so the window,
        for up to a third of a second.
        """
        stances = rows.stances
        seen: dict[str, set[str]] = {"actor": set(), "issue": set(), "passage": set()}
        by_pair: dict[tuple[str, str], Stance] = {}
        longest = 0
        for start in taking_turns(range(0, len(stances), BATCH)):
            batch = stances[start : start + BATCH]
            for name, found in seen.items():
                found.update(map(attrgetter(name), batch))
            by_pair.update(zip(map(PAIR_OF, batch), batch, strict=True))
            longest = max(longest, max(map(len, map(attrgetter("summary"), batch))))
        if (
            actors.ids >= seen["actor"]
            and issues.ids >= seen["issue"]
            and (passages is None or passages.ids >= seen["passage"])
            and len(by_pair) == len(stances)
            and longest <= SUMMARY_MAX
        ):
            return by_pair
        first: dict[tuple[str, str], int] = {}
        dated: dict[tuple[tuple[str, str], str], int] = {}
        for n, stance in enumerate(stances):
            for known, ref, key in (
                (actors, stance.actor, "actor"),
                (issues, stance.issue, "issue"),
                (passages, stance.passage, "passage"),
            ):
                if known is not None and ref and ref not in known.ids:
                    unknown.check(known, ref, rows.locate(n, key), key)
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
        return by_pair
