"""The briefing cache: warm loads equal cold ones; changed or damaged entries are never used."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from viewer.domain import cache
from viewer.domain.loader import load_briefing


def same(a, b) -> bool:
    fields = (
        "title",
        "authors",
        "sources",
        "prose",
        "themes",
        "actors",
        "issues",
        "stances",
        "relations",
        "timeline",
        "anchors",
    )
    return all(getattr(a, f) == getattr(b, f) for f in fields)


@pytest.mark.parametrize("which", ["minimal", "synthetic"])
def test_warm_load_equals_cold_load(which: str, synthetic: Path, tmp_path: Path) -> None:
    folder = synthetic if which == "synthetic" else shutil.copytree(MINIMAL, tmp_path / "m")
    cold = load_briefing(folder, use_cache=True)
    assert cache.entry_path(folder).is_file()
    assert cache.fetch(folder) is not None
    warm = load_briefing(folder, use_cache=True)
    assert same(cold.briefing, warm.briefing)
    assert warm.problems == cold.problems


def test_changed_file_invalidates_the_entry(synthetic: Path) -> None:
    load_briefing(synthetic, use_cache=True)
    csv_path = synthetic / "stances.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[4] = "Edited summary."
    lines[1] = ",".join(fields)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cache.fetch(synthetic) is None
    again = load_briefing(synthetic, use_cache=True)
    assert again.briefing.stances[0].summary == "Edited summary."


def test_same_size_edit_with_new_time_invalidates(synthetic: Path) -> None:
    load_briefing(synthetic, use_cache=True)
    prose = synthetic / "briefing.md"
    text = prose.read_text(encoding="utf-8")
    prose.write_text(text.replace("Measure 0 is", "Measure 0 IS"), encoding="utf-8")
    stat = prose.stat()
    os.utime(prose, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert cache.fetch(synthetic) is None
    assert "Measure 0 IS" in load_briefing(synthetic, use_cache=True).briefing.markdown


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_damaged_entry_is_ignored_and_rebuilt(damage: str, synthetic: Path) -> None:
    load_briefing(synthetic, use_cache=True)  # writes the entry; nothing holds the briefing
    entry = cache.entry_path(synthetic)
    data = bytearray(entry.read_bytes())
    if damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = bytearray(b"\x80\x04not a cache at all" * 10)
    else:
        data = bytearray()
    entry.write_bytes(bytes(data))
    assert cache.fetch(synthetic) is None
    again = load_briefing(synthetic, use_cache=True)
    assert same(again.briefing, load_briefing(synthetic).briefing)
    assert cache.fetch(synthetic) is not None


def test_briefing_with_errors_is_not_cached(tmp_path: Path) -> None:
    folder = shutil.copytree(MINIMAL, tmp_path / "broken")
    (folder / "briefing.md").write_text("# Nothing anchored\n", encoding="utf-8")
    assert load_briefing(folder, use_cache=True).briefing is None
    assert not cache.entry_path(folder).exists()


def test_changed_app_code_invalidates_the_entry(synthetic: Path, monkeypatch) -> None:
    """An entry written by other reading code (another version, an edited module) is not used."""
    load_briefing(synthetic, use_cache=True)
    assert cache.fetch(synthetic) is not None
    monkeypatch.setattr(cache, "code_stamp", lambda: "a different reader")
    assert cache.fetch(synthetic) is None


def test_a_file_saved_while_the_briefing_loads_is_not_hidden_by_the_cache(tmp_path: Path) -> None:
    """The entry is keyed by the files as they were when read, not when it was stored."""
    from viewer.domain.prose_worker import ProseRenderer

    folder = tmp_path / "b"
    shutil.copytree(MINIMAL, folder)
    prose = folder / "briefing.md"

    class SavedMeanwhile(ProseRenderer):
        def render(self, files, actors=(), language=""):
            rendered = super().render(files, actors, language)
            prose.write_text(prose.read_text(encoding="utf-8") + "\nSaved meanwhile.\n")
            return rendered

    renderer = SavedMeanwhile()
    try:
        first = load_briefing(folder, use_cache=True, renderer=renderer)
    finally:
        renderer.close()
    assert first.briefing is not None and "Saved meanwhile" not in first.briefing.markdown
    again = load_briefing(folder, use_cache=True).briefing
    assert again is not None and "Saved meanwhile" in again.markdown


def test_a_cache_entry_left_for_later_is_written_only_when_asked(synthetic: Path) -> None:
    """The window shows a large briefing first and writes its entry afterwards."""
    result = load_briefing(synthetic, use_cache=True, store_later=True)
    assert result.store is not None
    assert not cache.entry_path(synthetic).exists()
    result.store()
    warm = load_briefing(synthetic, use_cache=True, store_later=True)
    assert warm.store is None, "a briefing from the cache has nothing to write"
    assert same(warm.briefing, result.briefing)


def test_a_briefing_still_in_use_is_shared_not_read_again(synthetic: Path) -> None:
    """The window and the library's scan hold one copy of a roll-call, not two."""
    first = load_briefing(synthetic, use_cache=True)
    assert load_briefing(synthetic, use_cache=True).briefing is first.briefing
    assert load_briefing(synthetic).briefing is not first.briefing, "unless asked to read"
    stances = synthetic / "stances.csv"
    stances.write_text(stances.read_text(encoding="utf-8").replace("Actor 0 on", "Actor 0 at"))
    changed = load_briefing(synthetic, use_cache=True).briefing
    assert changed is not first.briefing
    assert changed.stances[0].summary.startswith("Actor 0 at")


def test_an_entry_written_in_many_parts_reads_back_whole(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "CHUNK", 7)  # texts joined a few stances at a time
    cold = load_briefing(synthetic, use_cache=True).briefing
    fetched = cache.fetch(synthetic)
    assert cold is not None and fetched is not None
    assert fetched[0] is not cold, "read from the entry, not shared"
    assert len(cold.stances) > 3 * 7
    assert same(fetched[0], cold)


def test_a_text_holding_the_separator_is_not_cached_and_nothing_is_left(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "CHUNK", 7)
    result = load_briefing(synthetic, use_cache=True, store_later=True)
    assert result.briefing is not None and result.store is not None
    stances = list(result.briefing.stances)
    stances[10] = stances[10]._replace(summary="a\x00b")
    odd = dataclasses.replace(result.briefing, stances=tuple(stances))
    cache.store(odd, result.files, result.problems)
    assert not cache.entry_path(synthetic).exists()
    assert not list(cache.entry_path(synthetic).parent.glob("*.tmp"))
