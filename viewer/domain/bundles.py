"""Single-file bundles: a briefing folder as one zip archive (``NAME.briefing``) to send by e-mail.

A bundle from someone else is hostile input. It is read into a private folder of this process
(removed when the process ends), and only after every entry has passed the checks below, all made
on the archive's directory before anything is inflated: no path leading out (``..``, absolute,
drive letters, backslashes), no links, no encrypted or duplicate entries, names in UTF-8, and
bounds on the number of entries, each entry's size, the total and the compression ratio (a zip
bomb declares a small archive that inflates without end). Inflating is bounded again by the
declared sizes, which zipfile holds each entry to.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from viewer.domain.atomic import replacing
from viewer.domain.limits import MAX_CSV_BYTES, MB
from viewer.domain.textfiles import BRIEFING_FILE

SUFFIX = ".briefing"
MAX_ENTRIES = 10_000
MAX_ENTRY_BYTES = MAX_CSV_BYTES
MAX_TOTAL_BYTES = 512 * MB
MAX_RATIO = 200
"""Inflated size per compressed byte; text and CSV compress by 3 to 30, a zip bomb by thousands."""
_CHUNK = 1 << 20


class BundleProblem(Exception):
    """The bundle cannot be opened; the message says why, in one line."""


def is_bundle(path: Path) -> bool:
    """Whether ``path`` is given as a bundle (a file that is not a ``briefing.yaml``)."""
    return path.is_file() and path.name != BRIEFING_FILE


def pack(folder: Path, target: Path) -> int:
    """Write the briefing in ``folder`` to ``target`` as a bundle, atomically; returns the number
    of files. Hidden files and links are left out: a bundle holds the briefing, nothing else."""
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    with replacing(target) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        for path in files:
            name = path.relative_to(folder).as_posix()
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            with path.open("rb") as source, archive.open(entry, "w") as sink:
                shutil.copyfileobj(source, sink, _CHUNK)
    return len(files)


_ROOT: list[Path] = []


def _private_root() -> Path:
    """This process's folder for opened bundles, readable by this user only."""
    if not _ROOT:
        root = Path(tempfile.mkdtemp(prefix="briefing-viewer-bundles-"))
        _ROOT.append(root)
        atexit.register(shutil.rmtree, root, True)
    return _ROOT[0]


def unpack(bundle: Path) -> Path:
    """The briefing folder inside ``bundle``, read into this process's private folder (the same
    bundle, unchanged, is read once); raises :class:`BundleProblem`."""
    try:
        data = bundle.read_bytes() if bundle.stat().st_size <= MAX_TOTAL_BYTES else b""
    except OSError as exc:
        raise BundleProblem(f"cannot read the bundle: {exc.strerror}") from None
    if not data:
        raise BundleProblem(f"the bundle is over the limit of {MAX_TOTAL_BYTES // MB} MB")
    target = _private_root() / hashlib.sha256(data).hexdigest()[:32]
    if not target.exists():
        staging = Path(tempfile.mkdtemp(dir=_private_root()))
        try:
            _extract(bundle, staging)
            staging.rename(target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return _briefing_folder(target)


def _extract(bundle: Path, folder: Path) -> None:
    try:
        archive = zipfile.ZipFile(bundle)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BundleProblem("not a briefing bundle (not a readable zip archive)") from None
    with archive:
        entries = archive.infolist()
        names = _check(entries)
        for entry, name in zip(entries, names, strict=True):
            if entry.is_dir():
                continue
            path = folder.joinpath(*name.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            try:
                with archive.open(entry) as source, os.fdopen(descriptor, "wb") as sink:
                    shutil.copyfileobj(source, sink, _CHUNK)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise BundleProblem(f"entry '{name}' is damaged ({exc})") from None


def _check(entries: list[zipfile.ZipInfo]) -> list[PurePosixPath]:
    """Every entry's checked relative path; raises at the first entry that must not be read."""
    if len(entries) > MAX_ENTRIES:
        raise BundleProblem(f"more than {MAX_ENTRIES:,} entries")
    total = 0
    seen: set[str] = set()
    names = []
    for entry in entries:
        raw = entry.filename
        shown = raw.encode("utf-8", "replace").decode("utf-8")
        if not entry.flag_bits & 0x800 and not raw.isascii():
            raise BundleProblem(f"entry '{shown}' has a name that is not UTF-8")
        if entry.flag_bits & 0x1:
            raise BundleProblem(f"entry '{shown}' is encrypted")
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise BundleProblem(f"entry '{shown}' is a link")
        name = PurePosixPath(raw)
        if (
            not raw
            or "\\" in raw
            or ":" in raw
            or "\x00" in raw
            or name.is_absolute()
            or ".." in name.parts
        ):
            raise BundleProblem(f"entry '{shown}' leads outside the bundle")
        key = name.as_posix().rstrip("/").casefold()
        if key in seen:
            raise BundleProblem(f"entry '{shown}' is in the bundle twice")
        seen.add(key)
        if entry.file_size > MAX_ENTRY_BYTES:
            raise BundleProblem(
                f"entry '{shown}' is {entry.file_size / MB:.0f} MB, over the limit of "
                f"{MAX_ENTRY_BYTES // MB} MB"
            )
        if entry.file_size > MAX_RATIO * max(entry.compress_size, 1) and entry.file_size > MB:
            raise BundleProblem(f"entry '{shown}' inflates over {MAX_RATIO} times (a zip bomb?)")
        total += entry.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleProblem(f"the bundle inflates to more than {MAX_TOTAL_BYTES // MB} MB")
        names.append(name)
    return names


def _briefing_folder(root: Path) -> Path:
    """Where ``briefing.yaml`` is: at the top, or in the one folder the bundle holds."""
    if (root / BRIEFING_FILE).is_file():
        return root
    inner = [path for path in root.iterdir() if path.is_dir()]
    if len(inner) == 1 and (inner[0] / BRIEFING_FILE).is_file():
        return inner[0]
    raise BundleProblem(f"the bundle holds no {BRIEFING_FILE}")
