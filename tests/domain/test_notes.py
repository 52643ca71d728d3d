"""The reader's notes store: what is written stays written, through kills, rivals and damage."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.domain.notes import Mark, NoteStore

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from viewer.domain.notes import Mark, NoteStore

    store = NoteStore(Path(sys.argv[1]))
    name, count = sys.argv[2], int(sys.argv[3])
    for number in range(count):
        store.add("brief", f"passage:p{number}", Mark.NOTE, f"{name} {number} " + "x" * 2000, "q")
        print(number, flush=True)  # said only once the note is committed
    store.close()
    """
)


def writer(path: Path, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(count)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )


def test_notes_are_kept_edited_and_deleted(tmp_path: Path) -> None:
    store = NoteStore(tmp_path / "notes.sqlite")
    first = store.add("brief", "actor:russia", Mark.NOTE, "Check the 2016 figure.", "Russia")
    mark = store.add("brief", "passage:syria", Mark.BOOKMARK, "", "In August 2016…")
    store.add("other", "actor:iran", Mark.NOTE, "Elsewhere.", "Iran")
    store.edit(first.id, "Checked: it holds.")
    store.close()
    again = NoteStore(tmp_path / "notes.sqlite")
    notes = again.notes("brief")
    assert [(n.target, n.mark, n.text) for n in notes] == [
        ("actor:russia", Mark.NOTE, "Checked: it holds."),
        ("passage:syria", Mark.BOOKMARK, ""),
    ]
    assert again.bookmark("brief", "passage:syria") == mark
    again.delete(mark.id)
    assert again.bookmark("brief", "passage:syria") is None
    assert len(again.notes("brief")) == 1
    again.close()


def test_a_writer_killed_mid_write_loses_nothing_it_committed(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    committed = 0
    for _ in range(4):
        child = writer(path, "killed", 100_000)
        assert child.stdout is not None
        for _ in range(40):  # let it get well into its writing, then kill it without warning
            child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
        said = 40 + sum(1 for _ in child.stdout)  # lines already written before the kill
        child.wait()
        child.stdout.close()
        store = NoteStore(path)
        assert store.set_aside is None
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = len(store.notes("brief"))
        store.close()
        assert committed + said <= count <= committed + said + 1  # one more may have committed
        committed = count
    assert committed >= 160


def test_two_writers_at_once_keep_every_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    NoteStore(path).close()
    children = [writer(path, name, 150) for name in ("first", "second")]
    for child in children:
        assert child.stdout is not None
        out = child.stdout.read()
        child.stdout.close()
        assert child.wait() == 0
        assert out.split()[-1] == "149"
    store = NoteStore(path)
    texts = [note.text.split(" ")[:2] for note in store.notes("brief")]
    store.close()
    assert sorted(texts) == sorted(
        [name, str(n)] for name in ("first", "second") for n in range(150)
    )


def test_another_windows_write_is_noticed(tmp_path: Path) -> None:
    one, two = NoteStore(tmp_path / "n.sqlite"), NoteStore(tmp_path / "n.sqlite")
    assert not one.changed_elsewhere()
    two.add("brief", "actor:iran", Mark.NOTE, "From the other window.", "Iran")
    assert one.changed_elsewhere()
    assert not one.changed_elsewhere()
    assert [n.text for n in one.notes("brief")] == ["From the other window."]
    one.close()
    two.close()


def test_an_unreadable_database_is_set_aside_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"not a database " * 500)
    store = NoteStore(path)
    assert store.set_aside is not None
    assert store.set_aside.read_bytes() == b"not a database " * 500
    store.add("brief", "actor:iran", Mark.NOTE, "A fresh start.", "Iran")
    assert [n.text for n in store.notes("brief")] == ["A fresh start."]
    store.close()


def test_notes_from_a_newer_version_are_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    NoteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="newer version"):
        NoteStore(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*unreadable*")) == []
