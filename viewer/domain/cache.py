"""A cache of loaded briefings that cannot lie.

An entry is keyed by the app's version and the path, size and modification time of every file the
briefing was read from, so any change to any of them makes a new key. The format is plain data (a
JSON header plus columns of numbers and text for the stances), never ``pickle``: a planted cache
file can at worst be refused. A damaged entry fails its checksum or its decoding and is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum, EnumMeta
from operator import attrgetter
from pathlib import Path

from viewer import __version__
from viewer.domain.atomic import replacing
from viewer.domain.foreground import taking_turns
from viewer.domain.model import Briefing, Stance
from viewer.domain.problems import Problem
from viewer.domain.schema import fields_of, from_plain, to_plain
from viewer.domain.textfiles import FileStamp
from viewer.folders import cache_dir

MAGIC = b"BVCACHE3"


def code_stamp() -> str:
    """The app's version and the state of the domain code, which shapes what is cached: a
    changed reader or renderer must not be served the results of the old one."""
    modules = sorted(Path(__file__).parent.glob("*.py"))
    return __version__ + "".join(f"\0{p.name}:{p.stat().st_mtime_ns}" for p in modules)


def key_for(folder: Path, stamps: Sequence[FileStamp]) -> str | None:
    """A digest of everything the briefing was read from, or None if a file was missing."""
    digest = hashlib.sha256(f"{code_stamp()}\0{folder.resolve()}".encode())
    for stamp in sorted(stamps, key=lambda s: str(s.path)):
        if stamp.size < 0:
            return None
        digest.update(f"\0{stamp.path}\0{stamp.size}\0{stamp.modified_ns}".encode())
    return digest.hexdigest()


def entry_path(folder: Path) -> Path:
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]
    return cache_dir() / f"{name}.bvc"


def _strings(stances: Sequence[Stance], name: str) -> tuple[list[str], array]:
    """The distinct values of one field in order of first use, and each stance's index among
    them: built by C-level ``dict``/``map`` calls (a Python loop over 800,000 values costs a
    second), a :data:`CHUNK` of stances per call (over all of a roll-call's at once, each call
    held the interpreter, and so the window, for a tenth of a second)."""
    number: dict[str, int] = {}
    indexes = array("I")
    for start in taking_turns(range(0, len(stances), CHUNK)):
        values = list(map(attrgetter(name), stances[start : start + CHUNK]))
        new = [value for value in dict.fromkeys(values) if value not in number]
        number.update(zip(new, range(len(number), len(number) + len(new)), strict=True))
        indexes.extend(map(number.__getitem__, values))
    return list(number), indexes


_COLUMNS = fields_of(Stance)
"""How each stance field is stored, by its type in the schema: an enum as one byte per stance
(its place among the members, found by ``list.index``, which compares identities in C where a
dict would call ``Enum.__hash__``, a Python function, for every stance), an id or a date as an
index into a table of the distinct values (they repeat on every row), free text joined into one
string."""
_ENUMS: dict[str, list[Enum]] = {
    f.name: list(f.base) for f in _COLUMNS if isinstance(f.base, EnumMeta)
}
_TEXTS = [f.name for f in _COLUMNS if f.name not in _ENUMS and f.semantic == "text"]
_TABLED = [f.name for f in _COLUMNS if f.name not in _ENUMS and f.name not in _TEXTS]
_SEPARATOR = "\x00"
_BYTE_SEPARATOR = _SEPARATOR.encode()
CHUNK = 50_000
"""Stances joined or made by one C-level call. Such a call holds the interpreter lock all
through, and the window's thread waits for it: over a roll-call's 840,000 stances at once, a
quarter of a second."""


def store(briefing: Briefing, files: Sequence[FileStamp], problems: tuple[Problem, ...]) -> None:
    """Write the entry atomically, keyed by the files as they were when read (a file saved
    meanwhile makes the entry stale at once); a cache that cannot be written is not used.

    The body is made, hashed and written a part at a time, and the checksum filled in last:
    held whole, the parts of a roll-call are 90 MB more just when memory peaks.
    """
    key = key_for(briefing.folder, files)
    if key is None:
        return
    stances = briefing.stances
    columns = {name: _strings(stances, name) for name in _TABLED}
    header = {
        "key": key,
        "files": [str(stamp.path) for stamp in files],
        "briefing": {
            f.name: to_plain(getattr(briefing, f.name))
            for f in fields_of(Briefing)
            if f.name not in ("folder", "stances")
        },
        "problems": [to_plain(p) for p in problems],
        "count": len(stances),
        "tables": {name: table for name, (table, _) in columns.items()},
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    target = entry_path(briefing.folder)
    with contextlib.suppress(OSError, _Unsplittable):
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target) as temporary, temporary.open("wb") as out:
            digest = hashlib.sha256(head)
            out.write(MAGIC + bytes(digest.digest_size) + len(head).to_bytes(8, "little") + head)
            for part in taking_turns(_body(stances, [indexes for _, indexes in columns.values()])):
                digest.update(part)
                out.write(part)
            out.seek(len(MAGIC))
            out.write(digest.digest())


class _Unsplittable(Exception):
    """A text holds the separator itself, so the texts could not be split back."""


def _body(stances: Sequence[Stance], indexes: Sequence[array]) -> Iterator[bytes]:
    """The entry's columns in order: the tabled ones, the enums, then every text field's
    texts, all separated; the enums and texts a slice of :data:`CHUNK` stances at a time."""
    for column in indexes:
        yield column.tobytes()
    for name, members in _ENUMS.items():
        for start in range(0, len(stances), CHUNK):
            yield bytes(map(members.index, map(attrgetter(name), stances[start : start + CHUNK])))
    first = True
    for name in _TEXTS:
        for start in range(0, len(stances), CHUNK):
            chunk = stances[start : start + CHUNK]
            part = _SEPARATOR.join(map(attrgetter(name), chunk)).encode("utf-8")
            if part.count(_BYTE_SEPARATOR) != len(chunk) - 1:
                raise _Unsplittable
            if not first:
                yield _BYTE_SEPARATOR
            first = False
            yield part


def fetch(folder: Path) -> tuple[Briefing, tuple[Problem, ...], tuple[FileStamp, ...]] | None:
    """The cached briefing if its entry is intact and every file is unchanged; else None."""
    try:
        data = entry_path(folder).read_bytes()
    except OSError:
        return None
    try:
        return _decode(folder, data)
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError):
        return None


def _decode(
    folder: Path, data: bytes
) -> tuple[Briefing, tuple[Problem, ...], tuple[FileStamp, ...]] | None:
    if not data.startswith(MAGIC):
        return None
    checksum = data[8:40]
    size = int.from_bytes(data[40:48], "little")
    view = memoryview(data)
    head, body = view[48 : 48 + size], view[48 + size :]
    """Views, not copies: the entry is tens of megabytes for a large briefing."""
    digest = hashlib.sha256(head)
    digest.update(body)
    if digest.digest() != checksum:
        return None
    header = json.loads(bytes(head))
    files = [FileStamp.of(Path(p)) for p in header["files"]]
    if key_for(folder, files) != header["key"]:
        return None
    count = header["count"]
    offset = 0
    values: dict[str, Iterable[object]] = {}
    for name in _TABLED:
        indexes = array("I")
        indexes.frombytes(body[offset : offset + 4 * count])
        offset += 4 * count
        values[name] = map(header["tables"][name].__getitem__, indexes)
    for name, members in _ENUMS.items():
        values[name] = map(members.__getitem__, body[offset : offset + count])
        offset += count
    texts = str(body[offset:], "utf-8").split(_SEPARATOR) if count else []
    if len(texts) != len(_TEXTS) * count:
        return None
    for n, name in enumerate(_TEXTS):
        values[name] = texts[n * count : (n + 1) * count]
    rows = zip(*(values[f.name] for f in _COLUMNS), strict=True)
    made: list[Stance] = []
    while chunk := list(
        map(tuple.__new__, itertools.repeat(Stance), itertools.islice(rows, CHUNK))
    ):
        made.extend(chunk)
    stances = tuple(made)
    briefing = from_plain(Briefing, header["briefing"], folder=folder, stances=stances)
    problems = tuple(from_plain(Problem, p) for p in header["problems"])
    return briefing, problems, tuple(files)
