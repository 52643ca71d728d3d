"""Files the app writes appear whole or not at all, and a failure keeps the old file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from viewer.domain.atomic import replacing, write_bytes


def test_success_replaces_the_file_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"the old PDF")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"half a PDF")
        raise RuntimeError("the writer failed half way")
    assert target.read_bytes() == b"the old PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]


def test_unwritable_folder_fails_before_any_work(tmp_path: Path) -> None:
    work = []
    with pytest.raises(OSError), replacing(tmp_path / "missing" / "out.pdf"):
        work.append("done")
    assert work == []
