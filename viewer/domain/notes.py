"""The reader's bookmarks and notes: what they make and must never lose.

They live in one SQLite database in the data folder, in WAL mode with full syncs: each change is
one short transaction, so a process killed mid-write leaves the last committed state, and two
windows (or two copies of the app) writing at once wait their turn instead of overwriting each
other. A note is keyed by the briefing's id and the place it is on (``passage:ID``,
``actor:ID``, ``stance:ACTOR/ISSUE``…) and keeps the words it was written on, so a note whose
place left the briefing is still shown, detached, with what it was about.

A database that cannot be read is never deleted: it is set aside under a dated name, for the
reader (or support) to recover, and a fresh one started.
"""

from __future__ import annotations

import datetime
import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

VERSION = 1
BUSY_SECONDS = 30.0
"""How long a write waits for another window's write before giving up."""


class NewerNotes(sqlite3.DatabaseError):
    """The notes were written by a newer version of the app: left alone, not set aside."""


class Damaged(sqlite3.DatabaseError):
    """SQLite opens the file but finds it inconsistent."""


def _unreadable(error: sqlite3.DatabaseError) -> bool:
    """Whether the file is not a database or is damaged (and only then may be set aside)."""
    code = getattr(error, "sqlite_errorname", "")
    return isinstance(error, Damaged) or code in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


class Mark(enum.Enum):
    BOOKMARK = "bookmark"
    NOTE = "note"


@dataclass(frozen=True)
class Note:
    id: int
    briefing: str
    """The id of the briefing it belongs to."""
    target: str
    """The place it is on, as a link (``passage:ID``, ``actor:ID``, ``stance:ACTOR/ISSUE``…)."""
    mark: Mark
    text: str
    """What the reader wrote (empty for a bookmark)."""
    quote: str
    """The words of the place when the note was made: shown when the place is gone."""
    created: str
    updated: str


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


class NoteStore:
    """One connection to the notes database; one object per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside: Path | None = None
        """Where an unreadable database was moved when this one was opened, if it was."""
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if not _unreadable(exc):
                raise  # locked by a stuck writer, or from a newer version: leave it as it is
            self.set_aside = self._set_aside()
            self.db = self._open()
        self._seen_version = self._data_version()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise NewerNotes(f"{self.path} was written by a newer version of the app")
            if version < VERSION:  # a new file: made in one go, or not at all
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    """CREATE TABLE IF NOT EXISTS notes(
                        id INTEGER PRIMARY KEY, briefing TEXT NOT NULL, target TEXT NOT NULL,
                        mark TEXT NOT NULL, text TEXT NOT NULL, quote TEXT NOT NULL,
                        created TEXT NOT NULL, updated TEXT NOT NULL)"""
                )
                db.execute("CREATE INDEX IF NOT EXISTS notes_of ON notes(briefing, target)")
                db.execute(f"PRAGMA user_version = {VERSION}")
                db.execute("COMMIT")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise Damaged(f"{self.path} is damaged")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self) -> Path:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        return aside

    def close(self) -> None:
        self.db.close()

    def _data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window or process) wrote since the last ask."""
        version = self._data_version()
        changed, self._seen_version = version != self._seen_version, version
        return changed

    def _write(self, sql: str, arguments: tuple[object, ...]) -> int:
        """Run one change in its own transaction, taking the write lock at once so that two
        writers queue rather than fail; returns the row id it made."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.db.execute(sql, arguments)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return int(cursor.lastrowid or 0)

    def add(self, briefing: str, target: str, mark: Mark, text: str, quote: str) -> Note:
        now = _now()
        ident = self._write(
            "INSERT INTO notes(briefing, target, mark, text, quote, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (briefing, target, mark.value, text, quote, now, now),
        )
        return Note(ident, briefing, target, mark, text, quote, now, now)

    def edit(self, ident: int, text: str) -> None:
        self._write("UPDATE notes SET text = ?, updated = ? WHERE id = ?", (text, _now(), ident))

    def delete(self, ident: int) -> None:
        self._write("DELETE FROM notes WHERE id = ?", (ident,))

    def notes(self, briefing: str) -> list[Note]:
        """Every bookmark and note of a briefing, oldest first."""
        rows = self.db.execute(
            "SELECT id, briefing, target, mark, text, quote, created, updated FROM notes"
            " WHERE briefing = ? ORDER BY created, id",
            (briefing,),
        )
        marks = {mark.value: mark for mark in Mark}
        return [
            Note(ident, owner, target, marks.get(mark, Mark.NOTE), text, quote, created, updated)
            for ident, owner, target, mark, text, quote, created, updated in rows
        ]

    def bookmark(self, briefing: str, target: str) -> Note | None:
        return next(
            (
                note
                for note in self.notes(briefing)
                if note.mark is Mark.BOOKMARK and note.target == target
            ),
            None,
        )
