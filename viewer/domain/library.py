"""The reader's library: every briefing in the folders they keep, and the ones opened lately.

A library folder holds briefing folders and ``.briefing`` bundles (a folder that is itself a
briefing counts too). Listing reads each briefing through the loader, so the cache makes a second
listing cheap, and an entry says whether the briefing is valid, has errors, or is missing.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from viewer.domain.atomic import write_bytes
from viewer.domain.bundles import SUFFIX
from viewer.domain.loader import LoadResult, load_briefing
from viewer.domain.textfiles import BRIEFING_FILE

RECENT = 20
"""Briefings opened lately that the library keeps listing."""


class State(enum.Enum):
    VALID = "valid"
    ERRORS = "errors"
    MISSING = "missing"
    UNREAD = "unread"
    """Not indexed: reading it failed or was cut short (the window reads it on its own)."""


@dataclass(frozen=True)
class Entry:
    path: Path
    """The folder or bundle, as the library found it."""
    state: State
    id: str = ""
    title: str = ""
    subtitle: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    actors: int = 0
    issues: int = 0
    stances: int = 0
    errors: int = 0

    @property
    def shown_title(self) -> str:
        return self.title or self.path.name


def briefings_in(folder: Path) -> list[Path]:
    """The briefings a library folder holds, in name order (the folder itself if it is one)."""
    if (folder / BRIEFING_FILE).is_file():
        return [folder]
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        child
        for child in children
        if (child.is_dir() and (child / BRIEFING_FILE).is_file())
        or (child.is_file() and child.suffix == SUFFIX)
    ]


def places(folders: Sequence[Path], recent: Sequence[Path]) -> list[Path]:
    """Every briefing of the library once: those in ``folders``, then recent ones not among
    them. A folder that is gone stays listed (as missing), so the reader sees what happened."""
    found: dict[Path, None] = {}
    for folder in folders:
        if folder.exists():
            found.update((path, None) for path in briefings_in(folder))
        else:
            found[folder] = None
    for path in recent:
        found.setdefault(path, None)
    return list(found)


def entry(path: Path, result: LoadResult | None = None) -> Entry:
    """What the library shows of one briefing (loaded here unless ``result`` is given)."""
    if not path.exists():
        return Entry(path, State.MISSING)
    result = result or load_briefing(path, use_cache=True)
    briefing = result.briefing
    errors = len(result.errors)
    if briefing is None:
        return Entry(path, State.ERRORS, errors=errors)
    return Entry(
        path,
        State.ERRORS if errors else State.VALID,
        id=briefing.id,
        title=briefing.title,
        subtitle=briefing.subtitle,
        date=briefing.date,
        authors=briefing.authors,
        actors=len(briefing.actors),
        issues=len(briefing.issues),
        stances=len(briefing.stances),
        errors=errors,
    )


def entries(paths: Iterable[Path]) -> Iterator[Entry]:
    for path in paths:
        yield entry(path)


@dataclass
class Shelf:
    """What the reader put in their library: the folders they added, the briefings they opened
    lately and the ones they took off the list. Kept as JSON, written atomically."""

    folders: list[Path] = field(default_factory=list)
    recent: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Shelf:
        """The shelf saved at ``path``; an empty one if there is none or it cannot be read."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                *(
                    [Path(p) for p in data.get(key, []) if isinstance(p, str)]
                    for key in ("folders", "recent", "removed")
                )
            )
        except (OSError, ValueError, AttributeError):
            return cls()

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "folders": [str(p) for p in self.folders],
            "recent": [str(p) for p in self.recent],
            "removed": [str(p) for p in self.removed],
        }
        write_bytes(path, json.dumps(data, indent=2).encode("utf-8"))

    def opened(self, path: Path) -> None:
        """Put ``path`` first among the recent briefings (back on the list if it was taken off)."""
        path = path.resolve()
        self.recent = [path, *(p for p in self.recent if p != path)][:RECENT]
        self.removed = [p for p in self.removed if p != path]

    def add_folder(self, folder: Path) -> None:
        folder = folder.resolve()
        if folder not in self.folders:
            self.folders.append(folder)

    def remove(self, path: Path) -> None:
        """Take a briefing off the list (a library folder, if it is one)."""
        if path in self.folders:
            self.folders.remove(path)
        else:
            self.recent = [p for p in self.recent if p != path]
            if path not in self.removed:
                self.removed.append(path)

    def places(self, bundled: Path) -> list[Path]:
        """Every briefing on the list: the bundled ones, the folders' and the recent ones."""
        listed = places([bundled, *self.folders], self.recent)
        return [path for path in listed if path not in self.removed]
