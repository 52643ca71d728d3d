"""Reading a briefing's files safely: inside the folder, bounded in size, UTF-8 text only."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from viewer.domain.limits import MB
from viewer.domain.problems import Location

BRIEFING_FILE = "briefing.yaml"
"""The file that makes a folder a briefing."""


@dataclass(frozen=True)
class FileStamp:
    """A file's size and modification time when it was read: what a cache entry and the
    window's file watching compare against (both -1 for a file that was not there)."""

    path: Path
    size: int
    modified_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        try:
            info = path.stat()
        except OSError:
            return cls(path, -1, -1)
        return cls(path, info.st_size, info.st_mtime_ns)

    @property
    def current(self) -> bool:
        """Whether the file is still as it was."""
        return FileStamp.of(self.path) == self


class FileProblem(Exception):
    """A file cannot be used; carries the location to report."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


def resolve_inside(folder: Path, name: str, referrer: Location) -> Path:
    """Resolve ``name`` relative to ``folder``, refusing anything that leads outside it.

    Symbolic links are followed before the check, so a link pointing out is refused too.
    """
    if not name or Path(name).is_absolute() or name.startswith(("/", "\\")):
        raise FileProblem(referrer, f"path '{name}' must be relative to the briefing folder")
    if ".." in Path(name).parts or "\\" in name or ":" in name:
        raise FileProblem(referrer, f"path '{name}' must stay inside the briefing folder")
    root = folder.resolve()
    target = (folder / name).resolve()
    if not target.is_relative_to(root):
        raise FileProblem(referrer, f"path '{name}' leads outside the briefing folder")
    return target


DECODE_BYTES = 1 << 22
"""Bytes decoded by one call: over a 94 MB roll-call at once, the call held the interpreter, and
so the window, for a tenth of a second."""


def _decoded(data: bytes) -> str:
    """``data`` as UTF-8 without a BOM, decoded a piece at a time."""
    if len(data) <= DECODE_BYTES:  # whole (a piece shorter than a BOM would decode to "")
        return data.decode("utf-8-sig")
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    view = memoryview(data)
    parts = [
        decoder.decode(view[start : start + DECODE_BYTES])
        for start in range(0, len(data), DECODE_BYTES)
    ]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _not_utf8(data: bytes, shown: str) -> FileProblem:
    """Where the first byte that is not UTF-8 is, found by decoding the whole again (its place
    among pieces would need the bytes the decoder held back)."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start]
        advice = (
            '; in a spreadsheet, save it as "CSV UTF-8"'
            if shown.lower().endswith(".csv")
            else "; save it with the UTF-8 encoding"
        )
        guess = data[exc.start : exc.start + 1].decode("cp1252", errors="replace")
        seen = f" ('{guess}' in Windows-1252)" if guess.isprintable() and guess != "\ufffd" else ""
        where = Location(shown, line, column)
        return FileProblem(where, f"not UTF-8 text (byte 0x{bad:02x}{seen}){advice}")
    raise AssertionError("decoded whole what did not decode in pieces")


def read_text(path: Path, shown: str, max_bytes: int, referrer: Location | None = None) -> str:
    """Return the file's text with any BOM removed and line ends normalised to LF.

    A missing file is reported where it is named (``referrer``), since that is what to fix.
    """
    here = Location(shown)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if referrer is None:
            raise FileProblem(here, "file not found") from None
        raise FileProblem(referrer, f"file '{shown}' not found") from None
    except OSError as exc:
        raise FileProblem(here, f"cannot read file: {exc.strerror}") from None
    if not path.is_file():
        raise FileProblem(here, "not a regular file")
    if size > max_bytes:
        raise FileProblem(
            here, f"file is {size / MB:.1f} MB, over the limit of {max_bytes // MB} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(here, f"cannot read file: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise FileProblem(here, "binary file, expected UTF-8 text")
    try:
        text = _decoded(data)
    except UnicodeDecodeError:
        raise _not_utf8(data, shown) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
