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
import unicodedata
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

VERSION = 4
"""Of the index's layout; an index of another version is rebuilt."""
RANKED = 2000
"""Matches ranked at most for one search (see :meth:`SearchIndex.search`)."""
CAPPED = f"the best of the first {RANKED:,} places found; add a word to narrow the search"
"""What a capped answer says to the reader, wherever it is shown."""
TABLES = ("entries", "stances")
"""Of documents: stances apart from the rest (see :meth:`SearchIndex.search`)."""
FORMS = 50
"""Words of the index a prefix is looked up as, at most (see :meth:`SearchIndex.forms`)."""
MARK_START, MARK_END = "\x02", "\x03"
"""Around the matched words in a snippet; a view turns them into its own highlighting."""
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|u)\b[^>]*>")
"""Tags inside a word's run of text (``<a>Upland</a>'s`` is one word); any other tag parts words."""
_TAG = re.compile(r"<[^>]+>")
_FIRST_ID = re.compile(r'\bid="([^"]+)"')
_FOOTNOTE = re.compile(r'<li id="(fn:[^"]+)">(.*?)</li>', re.DOTALL)
_HEADING = re.compile(r"<h[1-6]\b")
_WORD = re.compile(r"\w+")
_TERMS_STALE = "terms-stale"
"""Set with every change to the index, cleared when its list of words is made again."""
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


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    capped: bool
    """More than :data:`RANKED` places matched: the best of the first ones are given."""


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
    for stance in briefing.stances:
        who = actors.get(stance.actor)
        what = issues.get(stance.issue)
        label = f"{who.name if who else stance.actor} on {what.title if what else stance.issue}"
        target = Target.stance(stance.actor, stance.issue).url()
        yield Document("stance", target, label, f"{stance.summary} {stance.evidence}")


BATCH_ROWS = 10_000
"""Rows inserted at a time when a briefing is indexed."""


def content_key(files: Sequence[FileStamp]) -> str:
    """A digest of the content of the files a briefing was read from."""
    digest = hashlib.sha256(f"{VERSION}".encode())
    for stamp in sorted(files, key=lambda s: str(s.path)):
        digest.update(f"\0{stamp.path}\0".encode())
        with contextlib.suppress(OSError), stamp.path.open("rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
    return digest.hexdigest()


def fts_query(text: str, forms: Sequence[str] = ()) -> str | None:
    """The reader's words as an FTS5 query: every word must match, the last one as a prefix
    (the reader may still be typing it) unless it is a single letter, which would match
    nearly everything; or, when given, as any of the index's ``forms`` of it. None when there
    is no word to look for."""
    words = _WORD.findall(text)
    if not words:
        return None
    head = [f'"{w}"' for w in words[:-1]]
    if forms:
        either = " OR ".join('"{}"'.format(form.replace('"', '""')) for form in forms)
        return " AND ".join([*head, f"({either})"])
    last = f'"{words[-1]}"*' if len(words[-1]) > 1 else f'"{words[-1]}"'
    return " ".join([*head, last])


def folded(word: str) -> str:
    """A word as the index's tokenizer stores it: lower case, without diacritics."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )


def _table(name: str) -> str:
    """The statements that make an FTS5 table of documents and the view of its words."""
    return f"""
        CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5(
            path UNINDEXED, kind UNINDEXED, target UNINDEXED, label, text,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}_words USING fts5vocab(main, {name}, row);
    """


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
                {"".join(_table(name) for name in TABLES)}
                CREATE TABLE IF NOT EXISTS terms(term TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS flags(name TEXT PRIMARY KEY) WITHOUT ROWID;
                """
            )
            for name in TABLES:
                db.execute(f"SELECT count(*) FROM {name}").fetchone()
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
                rows: dict[str, list[tuple[str, ...]]] = {name: [] for name in TABLES}
                for d in documents(briefing):
                    table = "stances" if d.kind == "stance" else "entries"
                    batch = rows[table]
                    batch.append((str(path), d.kind, d.target, d.label, d.text))
                    if len(batch) == BATCH_ROWS:
                        self._insert(table, batch)
                for name, batch in rows.items():
                    self._insert(name, batch)
        return found

    def _insert(self, table: str, batch: list[tuple[str, ...]]) -> None:
        """Insert ``batch`` and empty it: a roll-call's rows, all held at once, would take
        hundreds of megabytes."""
        self.db.executemany(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?)", batch)
        batch.clear()

    def catalogue(
        self,
        paths: Sequence[Path],
        progress: Callable[[int, int], None] | None = None,
        forget_others: bool = True,
        read: bool = True,
    ) -> list[Entry]:
        """The library entries of ``paths``, each indexed afresh only if its files changed:
        an unchanged briefing is not even loaded. Unless told otherwise, briefings no longer
        listed are forgotten. Without ``read``, nothing is loaded: a changed briefing keeps the
        entry it was indexed with, and one never indexed is listed as unread."""
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
            elif read:
                found.append(self.update(path, load_briefing(path, use_cache=True)))
            else:
                found.append(stored[2] if stored else library.Entry(path, library.State.UNREAD))
            if progress is not None:
                progress(number, len(paths))
        if forget_others:
            for gone in set(self.known()) - set(paths):
                self.forget(gone)
        if self._terms_stale():
            with self.db:
                self.db.execute("DELETE FROM terms")
                for name in TABLES:
                    self.db.execute(
                        f"INSERT OR IGNORE INTO terms SELECT term FROM temp.{name}_words"
                    )
                self.db.execute(f"DELETE FROM flags WHERE name = '{_TERMS_STALE}'")
        return found

    def _terms_stale(self) -> bool:
        query = f"SELECT 1 FROM flags WHERE name = '{_TERMS_STALE}'"
        return self.db.execute(query).fetchone() is not None

    def forms(self, word: str) -> list[str]:
        """The words of the index that begin with ``word`` when they are a few: looked up as
        these words, a prefix costs no more than a word (an FTS5 prefix query merges every
        form's list of places before it can skip any). Empty when there are many, or when the
        list of words is out of date; the prefix is then looked up as it is."""
        start = folded(word)
        if len(start) < 4 or self._terms_stale():
            return []
        forms = [
            term
            for (term,) in self.db.execute(
                "SELECT term FROM terms WHERE term >= ? AND term < ? LIMIT ?",
                (start, start + "\U0010ffff", FORMS + 1),
            )
        ]
        return forms if len(forms) <= FORMS else []

    def forget(self, path: Path) -> None:
        with self.db:
            self._delete(path)

    def _delete(self, path: Path) -> None:
        self.db.execute(f"INSERT OR IGNORE INTO flags VALUES ('{_TERMS_STALE}')")
        for name in TABLES:
            self.db.execute(f"DELETE FROM {name} WHERE path = ?", (str(path),))
        self.db.execute("DELETE FROM briefings WHERE path = ?", (str(path),))

    def search(self, text: str, limit: int = 50, within: Sequence[Path] | None = None) -> Found:
        """The best ``limit`` matches for the reader's words, best first (bm25; a match in a
        name or title counts twice), only in the briefings ``within`` when given.

        Ranking costs time for every match, so words found in more than :data:`RANKED` places
        of a table (a word in every stance of a roll-call) are ranked among its first
        :data:`RANKED` or so, in the order they were indexed; the answer says so, for the reader
        to add a word. Stances have a table of their own, so that the bulk of one large matrix
        never crowds out the prose, actors and issues of every other briefing.
        """
        words = _WORD.findall(text)
        query = fts_query(text, self.forms(words[-1]) if words else ())
        if query is None:
            return Found([], capped=False)
        hits: list[Hit] = []
        capped = False
        for table in TABLES:
            cut = self._cut(table, query)
            found = self._ranked(table, query, cut, limit, None)
            if within is not None and any(hit.path not in set(within) for hit in found):
                found = self._ranked(table, query, cut, limit, within)  # more than asked for
            hits.extend(found)
            capped = capped or cut is not None
        return Found(sorted(hits, key=lambda hit: hit.rank)[:limit], capped)

    def _cut(self, table: str, query: str) -> int | None:
        """The rowid past the first :data:`RANKED` matches, or None when there are fewer."""
        row = self.db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?",
            (query, RANKED),
        ).fetchone()
        return None if row is None else int(row[0])

    def _ranked(
        self, table: str, query: str, cut: int | None, limit: int, within: Sequence[Path] | None
    ) -> list[Hit]:
        conditions: list[str] = [f"{table} MATCH ?"]
        arguments: list[object] = [query]
        if cut is not None:
            conditions.append("rowid < ?")
            arguments.append(cut)
        if within is not None:
            conditions.append(f"path IN ({', '.join('?' * len(within))})")
            arguments.extend(str(path) for path in within)
        rows = self.db.execute(
            f"""
            SELECT m.path, b.id, b.title, m.kind, m.target, m.label, m.snippet, m.score
            FROM (
                SELECT path, kind, target, label,
                       snippet({table}, 4, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet,
                       bm25({table}, 0, 0, 0, 2.0, 1.0) AS score
                FROM {table} WHERE {" AND ".join(conditions)} ORDER BY score LIMIT ?
            ) AS m JOIN briefings AS b ON b.path = m.path
            ORDER BY m.score
            """,
            (*arguments, limit),
        )
        return [
            Hit(Path(path), ident, title, kind, target, label, snippet, score)
            for path, ident, title, kind, target, label, snippet, score in rows
        ]
