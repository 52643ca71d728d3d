"""Single-file bundles: a packed briefing opens as its folder does, and a hostile one is refused
with one clear line before anything is inflated, leaving nothing behind."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from viewer.domain import bundles
from viewer.domain.loader import load_briefing

ROOT = Path(__file__).parent.parent.parent


def zip_of(
    entries: dict[str, bytes] | list[tuple[str, bytes]],
    change: Callable[[zipfile.ZipInfo], None] | None = None,
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are what one case is about
        for name, data in entries.items() if isinstance(entries, dict) else entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if change is not None:
                change(info)
            archive.writestr(info, data)
    return out.getvalue()


def minimal_entries() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in MINIMAL.iterdir()}


def test_a_packed_briefing_opens_like_its_folder(tmp_path: Path, minimal) -> None:
    bundle = tmp_path / "water.briefing"
    assert bundles.pack(MINIMAL, bundle) == 2
    result = load_briefing(bundle)
    assert result.briefing is not None
    assert result.briefing.stances == minimal.stances
    assert result.briefing.anchors == minimal.anchors
    assert result.folder == bundle


def test_problems_in_a_bundle_are_named_after_the_bundle(tmp_path: Path) -> None:
    entries = minimal_entries()
    entries["briefing.yaml"] = entries["briefing.yaml"].replace(b"kind: state", b"kind: statee", 1)
    bundle = tmp_path / "broken.briefing"
    bundle.write_bytes(zip_of(entries))
    (error, *_) = load_briefing(bundle).errors
    assert str(error.location).startswith(f"{bundle}/briefing.yaml:")


def test_a_bundle_holding_one_folder_opens_too(tmp_path: Path) -> None:
    entries = {f"water/{name}": data for name, data in minimal_entries().items()}
    bundle = tmp_path / "nested.briefing"
    bundle.write_bytes(zip_of(entries))
    assert load_briefing(bundle).briefing is not None


def symlink(info: zipfile.ZipInfo) -> None:
    info.external_attr = (stat.S_IFLNK | 0o777) << 16


def encrypted(data: bytes) -> bytes:
    """Sets the "encrypted" bit in every local and central header (zipfile cannot write one)."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = patched.find(signature)
        while start >= 0:
            patched[start + offset] |= 0x1
            start = patched.find(signature, start + 4)
    return bytes(patched)


def not_utf8(data: bytes) -> bytes:
    """The name ``zz.md`` rewritten in both headers as a Latin-1 ``é`` with no UTF-8 flag."""
    return data.replace(b"zz.md", b"\xe9z.md")


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "not a zip": (lambda: b"just some text\n", "not a readable zip archive"),
    "truncated": (lambda: zip_of(minimal_entries())[:300], "not a readable zip archive"),
    "zip bomb": (lambda: zip_of({"briefing.yaml": b"\0" * (30 << 20)}), "zip bomb"),
    "parent path": (lambda: zip_of({"../evil.md": b"x"}), "leads outside the bundle"),
    "absolute path": (lambda: zip_of({"/etc/evil.md": b"x"}), "leads outside the bundle"),
    "drive letter": (lambda: zip_of({"C:evil.md": b"x"}), "leads outside the bundle"),
    "backslash": (lambda: zip_of({"..\\evil.md": b"x"}), "leads outside the bundle"),
    "symlink": (lambda: zip_of({"link.md": b"/etc/passwd"}, symlink), "is a link"),
    "encrypted": (lambda: encrypted(zip_of({"secret.md": b"x"})), "is encrypted"),
    "duplicate": (lambda: zip_of([("a.md", b"1"), ("A.md", b"2")]), "twice"),
    "not utf-8 name": (lambda: not_utf8(zip_of({"zz.md": b"x"})), "not UTF-8"),
    "no briefing": (lambda: zip_of({"notes.md": b"x"}), "holds no briefing.yaml"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_bundle_is_refused_in_one_line(case: str, tmp_path: Path) -> None:
    make, said = HOSTILE[case]
    bundle = tmp_path / f"{case.replace(' ', '-')}.briefing"
    bundle.write_bytes(make())
    result = load_briefing(bundle)
    assert result.briefing is None
    (problem,) = result.problems
    assert str(problem.location) == f"{bundle}:1:1"
    assert said in problem.message, problem.message


def test_totals_and_entry_sizes_are_bounded(tmp_path: Path, monkeypatch) -> None:
    bundle = tmp_path / "big.briefing"
    bundle.write_bytes(zip_of({f"{n}.md": b"a" * 2_000 for n in range(10)}))
    monkeypatch.setattr(bundles, "MAX_ENTRY_BYTES", 1_000)
    assert "over the limit" in load_briefing(bundle).problems[0].message
    monkeypatch.setattr(bundles, "MAX_ENTRY_BYTES", 10_000)
    monkeypatch.setattr(bundles, "MAX_TOTAL_BYTES", 15_000)
    assert "inflates to more than" in load_briefing(bundle).problems[0].message


def test_validate_refuses_each_with_exit_1_and_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for case, (make, _) in HOSTILE.items():
        (folder / f"{case.replace(' ', '-')}.briefing").write_bytes(make())
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "validate", *sorted(map(str, folder.iterdir()))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch)},
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(HOSTILE) + 1
    assert all(": error: " in line for line in lines[:-1])
    assert list(scratch.iterdir()) == [], "the private folder is removed when the process ends"
