"""Search across the library: an SQLite FTS5 index of every briefing's prose and data.

Each briefing becomes documents (a paragraph of the prose, a theme, an actor, an issue, a stance,
a relation, a dated event), each with the place it opens (a target such as ``passage:ID``). The
index lives in the reader's data folder and is only ever a copy: a briefing is indexed again when
the content of its files changes, and an index that is damaged or from another version is thrown
away and rebuilt. Nothing but search results comes from it.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from viewer.domain import library
from viewer.domain.library import Entry
from viewer.domain.loader import LoadResult, load_briefing
from viewer.domain.model import Briefing
from viewer.domain.schema import from_plain, to_plain
from viewer.domain.targets import Kind, Target
from viewer.domain.textfiles import FileStamp

VERSION = 2
"""Of the index's layout; an index of another version is rebuilt."""
MARK_START, MARK_END = "\x02", "\x03"
"""Around the matched words in a snippet; a view turns them into its own highlighting."""
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|u)\b[^>]*>")
"""Tags inside a word's run of text (``<a>Upland</a>'s`` is one word); any other tag parts words."""
_TAG = re.compile(r"<[^>]+>")
_FIRST_ID = re.compile(r'\bid="([^"]+)"')
_FOOTNOTE = re.compile(r'<li id="(fn:[^"]+)">(.*?)</li>', re.DOTALL)
_HEADING = re.compile(r"<h[1-6]\b")
_WORD = re.compile(r"\w+")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Document:
    kind: str
    """What it is, for the reader: passage, theme, actor, issue, stance, relation, event."""
    target: str
    """Where it opens, as a link (``passage:ID``, ``actor:ID``, ``stance:ACTOR/ISSUE``…)."""
    label: str
    text: str


@dataclass(frozen=True)
class Hit:
    path: Path
    briefing_id: str
    title: str
    kind: str
    target: str
    label: str
    snippet: str
    """The matching words between :data:`MARK_START` and :data:`MARK_END`."""
    rank: float


def plain(fragment: str) -> str:
    """The text of an HTML fragment, in one line."""
    return " ".join(html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", fragment))).split())


def documents(briefing: Briefing) -> Iterator[Document]:
    """Everything a reader may look for in ``briefing``, each with where it opens."""
    actors = briefing.actor_by_id
    issues = briefing.issue_by_id
    if briefing.rendered is not None:
        heading, anchor = "", ""
        for block in briefing.rendered.blocks:
            notes = _FOOTNOTE.findall(block)
            if notes:
                for ident, note in notes:
                    yield Document(
                        "passage", Target(Kind.PASSAGE, ident).url(), "Note", plain(note)
                    )
                continue
            found = _FIRST_ID.search(block)
            if found:
                anchor = found.group(1)
            text = plain(block)
            if _HEADING.match(block):
                heading = text  # found through the label of each paragraph under it
            elif text and anchor:
                yield Document("passage", Target(Kind.PASSAGE, anchor).url(), heading, text)
    for theme in briefing.themes:
        yield Document("theme", Target(Kind.THEME, theme.id).url(), theme.title, theme.summary)
    for actor in briefing.actors:
        names = " ".join(actor.aliases)
        yield Document(
            "actor", Target(Kind.ACTOR, actor.id).url(), actor.name, f"{actor.summary} {names}"
        )
    for issue in briefing.issues:
        yield Document("issue", Target(Kind.ISSUE, issue.id).url(), issue.title, issue.question)
    for stance in briefing.stances:
        who = actors.get(stance.actor)
        what = issues.get(stance.issue)
        label = f"{who.name if who else stance.actor} on {what.title if what else stance.issue}"
        target = Target.stance(stance.actor, stance.issue).url()
        yield Document("stance", target, label, f"{stance.summary} {stance.evidence}")
    for relation in briefing.relations:
        first, second = (actors.get(a) for a in relation.between)
        label = f"{first.name if first else ''} and {second.name if second else ''}"
        target = Target(Kind.ACTOR, relation.between[0]).url()
        yield Document("relation", target, label, relation.summary)
    for event in briefing.timeline:
        if event.passage:
            target = Target(Kind.PASSAGE, event.passage).url()
        elif event.actors:
            target = Target(Kind.ACTOR, event.actors[0]).url()
        else:
            continue
        yield Document("event", target, event.date, event.event)


def content_key(files: Sequence[FileStamp]) -> str:
    """A digest of the content of the files a briefing was read from."""
    digest = hashlib.sha256(f"{VERSION}".encode())
    for stamp in sorted(files, key=lambda s: str(s.path)):
        digest.update(f"\0{stamp.path}\0".encode())
        with contextlib.suppress(OSError), stamp.path.open("rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
    return digest.hexdigest()


def fts_query(text: str) -> str | None:
    """The reader's words as an FTS5 query: every word must match, the last one as a prefix
    (the reader may still be typing it). None when there is no word to look for."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])


class SearchIndex:
    """The index in one SQLite file; one object per thread (SQLite connections are not shared)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            self._discard()
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, VERSION):
                raise sqlite3.DatabaseError(f"index of version {version}")
            db.executescript(
                f"""
                PRAGMA user_version = {VERSION};
                CREATE TABLE IF NOT EXISTS briefings(
                    path TEXT PRIMARY KEY, key TEXT NOT NULL, files TEXT NOT NULL,
                    entry TEXT NOT NULL, id TEXT, title TEXT);
                CREATE VIRTUAL TABLE IF NOT EXISTS entries USING fts5(
                    path UNINDEXED, kind UNINDEXED, target UNINDEXED, label, text,
                    tokenize = 'unicode61 remove_diacritics 2');
                """
            )
            db.execute("SELECT count(*) FROM entries").fetchone()
            db.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        self.db.close()

    def known(self) -> dict[Path, str]:
        """Each indexed briefing and the content key it was indexed at."""
        return {Path(p): key for p, key in self.db.execute("SELECT path, key FROM briefings")}

    def _stored(self, path: Path) -> tuple[str, list[Path], Entry] | None:
        row = self.db.execute(
            "SELECT key, files, entry FROM briefings WHERE path = ?", (str(path),)
        ).fetchone()
        if row is None:
            return None
        try:
            files = [Path(p) for p in json.loads(row[1])]
            return row[0], files, from_plain(Entry, json.loads(row[2]))
        except (ValueError, KeyError, TypeError):
            return None

    def update(self, path: Path, result: LoadResult) -> Entry:
        """Index a briefing as loaded from ``path`` (its files' content decides whether the
        index holds it already) and return its library entry."""
        key = content_key(result.files)
        stored = self._stored(path)
        if stored is not None and stored[0] == key:
            return stored[2]
        found = library.entry(path, result)
        briefing = result.briefing
        with self.db:
            self._delete(path)
            self.db.execute(
                "INSERT INTO briefings VALUES (?, ?, ?, ?, ?, ?)",
                (
                    str(path),
                    key,
                    json.dumps([str(s.path) for s in result.files]),
                    json.dumps(to_plain(found)),
                    found.id,
                    found.title,
                ),
            )
            if briefing is not None:
                self.db.executemany(
                    "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
                    ((str(path), d.kind, d.target, d.label, d.text) for d in documents(briefing)),
                )
        return found

    def catalogue(
        self,
        paths: Sequence[Path],
        progress: Callable[[int, int], None] | None = None,
        forget_others: bool = True,
    ) -> list[Entry]:
        """The library entries of ``paths``, each indexed afresh only if its files changed:
        an unchanged briefing is not even loaded. Unless told otherwise, briefings no longer
        listed are forgotten."""
        found = []
        for number, path in enumerate(paths, start=1):
            stored = self._stored(path)
            if not path.exists():
                self.forget(path)
                found.append(library.Entry(path, library.State.MISSING))
            elif (
                stored is not None
                and content_key([FileStamp.of(p) for p in stored[1]]) == stored[0]
            ):
                found.append(stored[2])
            else:
                found.append(self.update(path, load_briefing(path, use_cache=True)))
            if progress is not None:
                progress(number, len(paths))
        if forget_others:
            for gone in set(self.known()) - set(paths):
                self.forget(gone)
        return found

    def forget(self, path: Path) -> None:
        with self.db:
            self._delete(path)

    def _delete(self, path: Path) -> None:
        self.db.execute("DELETE FROM entries WHERE path = ?", (str(path),))
        self.db.execute("DELETE FROM briefings WHERE path = ?", (str(path),))

    def search(self, text: str, limit: int = 50, within: Sequence[Path] | None = None) -> list[Hit]:
        """The best ``limit`` matches for the reader's words, best first (bm25; a match in a
        name or title counts twice), only in the briefings ``within`` when given."""
        query = fts_query(text)
        if query is None:
            return []
        only = ""
        arguments: list[object] = [query]
        if within is not None:
            only = f"AND e.path IN ({', '.join('?' * len(within))})"
            arguments.extend(str(path) for path in within)
        rows = self.db.execute(
            f"""
            SELECT e.path, b.id, b.title, e.kind, e.target, e.label,
                   snippet(entries, 4, '{MARK_START}', '{MARK_END}', '…', 24),
                   bm25(entries, 0, 0, 0, 2.0, 1.0) AS score
            FROM entries AS e JOIN briefings AS b ON b.path = e.path
            WHERE entries MATCH ? {only} ORDER BY score LIMIT ?
            """,
            (*arguments, limit),
        )
        return [
            Hit(Path(path), ident, title, kind, target, label, snippet, score)
            for path, ident, title, kind, target, label, snippet, score in rows
        ]
