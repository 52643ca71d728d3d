"""Indexing the library in a child process: the index it leaves is what the app lists and
searches, without the app loading a briefing itself; when the child fails, the library is still
listed, from what was indexed before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from viewer.domain.indexing import index_library
from viewer.domain.library import State, places
from viewer.domain.search import SearchIndex


def test_the_child_indexes_the_library_and_the_app_reads_it_back_without_loading(
    tmp_path: Path, library_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = places([library_folder], [])
    reported: list[tuple[int, int]] = []
    assert index_library(tmp_path / "search.sqlite", paths, lambda *p: reported.append(p)) == []
    assert reported == [(1, 3), (2, 3), (3, 3)]
    monkeypatch.setattr(
        "viewer.domain.search.load_briefing", lambda *a, **k: pytest.fail("loaded in the app")
    )
    index = SearchIndex(tmp_path / "search.sqlite")
    try:
        entries = {e.path.name: e for e in index.catalogue(paths, read=False)}
        assert entries["russia-iran"].state is State.VALID
        assert entries["russia-iran"].actors == 27
        assert entries["water.briefing"].title == "Water talks on the Rivella"
        assert entries["broken"].state is State.ERRORS
        assert index.search("Caspian").hits
    finally:
        index.close()


def test_a_child_that_fails_is_reported(tmp_path: Path, library_folder: Path) -> None:
    not_a_file = tmp_path / "index"
    not_a_file.mkdir()
    paths = places([library_folder], [])
    assert index_library(not_a_file, paths) == paths, "none indexed, and it gave up"


def test_without_reading_a_new_briefing_is_unread_and_a_changed_one_keeps_its_entry(
    tmp_path: Path, library_folder: Path
) -> None:
    paths = places([library_folder], [])
    index = SearchIndex(tmp_path / "search.sqlite")
    try:
        index.catalogue([p for p in paths if p.name != "water.briefing"])
        prose = library_folder / "russia-iran" / "briefing.md"
        prose.write_text(prose.read_text(encoding="utf-8") + "\n\nHydropower.\n")
        entries = {e.path.name: e for e in index.catalogue(paths, read=False)}
        assert entries["water.briefing"].state is State.UNREAD
        assert entries["russia-iran"].state is State.VALID
        assert entries["russia-iran"].title.startswith("Russia and Iran")
        assert not index.search("hydropower").hits, "nothing was read"
    finally:
        index.close()


def test_a_briefing_that_kills_the_indexer_is_skipped_and_the_rest_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.domain import indexing

    started = indexing.start_child
    monkeypatch.setattr(
        indexing, "start_child", lambda module, *args: started("tests.domain.dying_indexer", *args)
    )
    paths = []
    for name in ("first", "dies", "last"):
        shutil.copytree(MINIMAL, tmp_path / name)
        paths.append(tmp_path / name)
    reported: list[tuple[int, int]] = []
    index_file = tmp_path / "search.sqlite"
    assert index_library(index_file, paths, lambda *p: reported.append(p)) == [paths[1]]
    assert reported == [(1, 3), (3, 3)]
    index = SearchIndex(index_file)
    try:
        entries = {e.path.name: e.state for e in index.catalogue(paths, read=False)}
    finally:
        index.close()
    assert entries == {"first": State.VALID, "dies": State.UNREAD, "last": State.VALID}


def test_once_the_app_quits_no_indexer_starts_and_nothing_is_called_unreadable(
    tmp_path: Path, library_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from viewer.domain import indexing

    monkeypatch.setattr(indexing, "_stopping", threading.Event())
    monkeypatch.setattr(indexing, "start_child", lambda *a: pytest.fail("an indexer started"))
    indexing._stop_children()  # what the app runs as it quits
    assert index_library(tmp_path / "search.sqlite", places([library_folder], [])) == []
