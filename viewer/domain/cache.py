"""A cache of loaded briefings that cannot lie.

An entry is keyed by the app's version and the path, size and modification time of every file the
briefing was read from, so any change to any of them makes a new key. The format is plain data (a
JSON header plus columns of numbers and text for the stances), never ``pickle``: a planted cache
file can at worst be refused. A damaged entry fails its checksum or its decoding and is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from array import array
from collections.abc import Iterator
from dataclasses import asdict
from functools import partial
from pathlib import Path

from viewer import __version__
from viewer.domain.atomic import write_bytes
from viewer.domain.model import (
    Actor,
    ActorKind,
    Briefing,
    Confidence,
    Event,
    Issue,
    Position,
    ProseFile,
    Relation,
    RelationKind,
    Source,
    Stance,
    Theme,
)
from viewer.domain.problems import Problem
from viewer.domain.prose import RenderedProse, problem_from_json, problem_to_json
from viewer.folders import cache_dir

MAGIC = b"BVCACHE2"
_POSITIONS = list(Position)
_CONFIDENCES = list(Confidence)
_SEPARATOR = "\x00"


def code_stamp() -> str:
    """The app's version and the state of the domain code, which shapes what is cached: a
    changed reader or renderer must not be served the results of the old one."""
    modules = sorted(Path(__file__).parent.glob("*.py"))
    return __version__ + "".join(f"\0{p.name}:{p.stat().st_mtime_ns}" for p in modules)


def key_for(folder: Path, files: list[Path]) -> str | None:
    """A digest of everything the briefing was read from, or None if a file has gone."""
    digest = hashlib.sha256(f"{code_stamp()}\0{folder.resolve()}".encode())
    for path in sorted(files):
        try:
            info = path.stat()
        except OSError:
            return None
        digest.update(f"\0{path}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def entry_path(folder: Path) -> Path:
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]
    return cache_dir() / f"{name}.bvc"


def _strings(values: list[str]) -> tuple[list[str], array]:
    table: dict[str, int] = {}
    indexes = array("I", (table.setdefault(v, len(table)) for v in values))
    return list(table), indexes


def store(briefing: Briefing, files: list[Path], problems: tuple[Problem, ...]) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not used."""
    key = key_for(briefing.folder, files)
    stances = briefing.stances
    texts = [s.summary for s in stances] + [s.evidence for s in stances]
    if key is None or any(_SEPARATOR in text for text in texts):
        return
    columns = {
        name: _strings([getattr(s, name) for s in stances])
        for name in ("actor", "issue", "passage", "as_of")
    }
    header = {
        "key": key,
        "files": [str(p) for p in files],
        "briefing": {
            "id": briefing.id,
            "title": briefing.title,
            "subtitle": briefing.subtitle,
            "authors": list(briefing.authors),
            "date": briefing.date,
            "language": briefing.language,
            "summary": briefing.summary,
            "sources": [asdict(s) for s in briefing.sources],
            "prose": [[str(p.path), p.text] for p in briefing.prose],
            "themes": [asdict(t) for t in briefing.themes],
            "actors": [{**asdict(a), "kind": a.kind.value} for a in briefing.actors],
            "issues": [asdict(i) for i in briefing.issues],
            "relations": [{**asdict(r), "kind": r.kind.value} for r in briefing.relations],
            "timeline": [asdict(e) for e in briefing.timeline],
            "rendered": briefing.rendered.to_json() if briefing.rendered else None,
        },
        "problems": [problem_to_json(p) for p in problems],
        "count": len(stances),
        "tables": {name: table for name, (table, _) in columns.items()},
    }
    body = b"".join(
        [
            *(indexes.tobytes() for _, indexes in columns.values()),
            bytes(_POSITIONS.index(s.position) for s in stances),
            bytes(_CONFIDENCES.index(s.confidence) for s in stances),
            _SEPARATOR.join(texts).encode("utf-8"),
        ]
    )
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    checksum = hashlib.sha256(head + body).digest()
    target = entry_path(briefing.folder)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, MAGIC + checksum + len(head).to_bytes(8, "little") + head + body)


def fetch(folder: Path) -> tuple[Briefing, tuple[Problem, ...], tuple[Path, ...]] | None:
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
) -> tuple[Briefing, tuple[Problem, ...], tuple[Path, ...]] | None:
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
    files = [Path(p) for p in header["files"]]
    if key_for(folder, files) != header["key"]:
        return None
    count = header["count"]
    offset = 0
    picked: dict[str, Iterator[str]] = {}
    for name in ("actor", "issue", "passage", "as_of"):
        indexes = array("I")
        indexes.frombytes(body[offset : offset + 4 * count])
        offset += 4 * count
        picked[name] = map(header["tables"][name].__getitem__, indexes)
    positions = map(_POSITIONS.__getitem__, body[offset : offset + count])
    confidences = map(_CONFIDENCES.__getitem__, body[offset + count : offset + 2 * count])
    texts = str(body[offset + 2 * count :], "utf-8").split(_SEPARATOR) if count else []
    if len(texts) != 2 * count:
        return None
    make = partial(tuple.__new__, Stance)
    stances = tuple(
        map(
            make,
            zip(
                picked["actor"],
                picked["issue"],
                positions,
                confidences,
                texts[:count],
                texts[count:],
                picked["passage"],
                picked["as_of"],
                strict=True,
            ),
        )
    )
    meta = header["briefing"]
    briefing = Briefing(
        folder=folder,
        id=meta["id"],
        title=meta["title"],
        subtitle=meta["subtitle"],
        authors=tuple(meta["authors"]),
        date=meta["date"],
        language=meta["language"],
        summary=meta["summary"],
        sources=tuple(Source(**s) for s in meta["sources"]),
        prose=tuple(ProseFile(Path(p), text) for p, text in meta["prose"]),
        themes=tuple(Theme(**t) for t in meta["themes"]),
        actors=tuple(
            Actor(**{**a, "kind": ActorKind(a["kind"]), "aliases": tuple(a["aliases"])})
            for a in meta["actors"]
        ),
        issues=tuple(Issue(**i) for i in meta["issues"]),
        stances=stances,
        relations=tuple(
            Relation(**{**r, "kind": RelationKind(r["kind"]), "between": tuple(r["between"])})
            for r in meta["relations"]
        ),
        timeline=tuple(
            Event(**{**e, "actors": tuple(e["actors"]), "issues": tuple(e["issues"])})
            for e in meta["timeline"]
        ),
        rendered=RenderedProse.from_json(meta["rendered"]) if meta["rendered"] else None,
    )
    problems = tuple(problem_from_json(p) for p in header["problems"])
    return briefing, problems, tuple(files)
