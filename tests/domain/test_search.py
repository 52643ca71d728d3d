"""Search across the library: every kind of content is found and opens at its place; the index
follows changes, forgets what left the library, and rebuilds itself when damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from viewer.domain.library import Shelf, State, places
from viewer.domain.loader import load_briefing
from viewer.domain.search import MARK_END, MARK_START, SearchIndex, fts_query


@pytest.fixture
def index(tmp_path: Path):
    made = SearchIndex(tmp_path / "index" / "search.sqlite")
    yield made
    made.close()


def targets(hits) -> list[str]:
    return [f"{hit.briefing_id} {hit.target}" for hit in hits]


def test_the_library_lists_folders_bundles_and_broken_ones(index, library_folder: Path) -> None:
    entries = {e.path.name: e for e in index.catalogue(places([library_folder], []))}
    assert set(entries) == {"russia-iran", "water.briefing", "broken"}
    assert entries["russia-iran"].state is State.VALID
    assert entries["russia-iran"].actors == 27
    assert entries["water.briefing"].title == "Water talks on the Rivella"
    assert entries["broken"].state is State.ERRORS and entries["broken"].errors == 1


def test_each_kind_of_content_is_found_with_its_place(index, library_folder: Path) -> None:
    index.catalogue(places([library_folder], []))
    cases = {
        "reservoir three years": "water-talks passage:upland-plan",
        "River Commission riparian": "water-talks actor:river-commission",
        "Power exports": "water-talks issue:export-power",
        "seven-year plan": "water-talks stance:lowland/fast-fill",
        "Caspian": "russia-iran theme:caucasus-caspian",
        "Organization Islamic Conference renamed": "russia-iran passage:fn:1",
    }
    for words, expected in cases.items():
        assert expected in targets(index.search(words).hits), words


def test_the_last_word_is_a_prefix_and_matches_are_marked(index, library_folder: Path) -> None:
    index.catalogue(places([library_folder], []))
    (hit, *_) = index.search("caspi").hits
    assert f"{MARK_START}Caspian{MARK_END}" in hit.snippet
    assert index.search("").hits == []
    assert index.search('"; DROP TABLE entries; --').hits == []
    assert fts_query('say "hi" AND') == '"say" "hi" "AND"*'


def test_a_changed_briefing_is_indexed_again_and_a_removed_one_forgotten(
    index, library_folder: Path
) -> None:
    paths = places([library_folder], [])
    index.catalogue(paths)
    assert not index.search("hydropower").hits
    prose = library_folder / "russia-iran" / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\n\nHydropower dams matter.\n")
    index.catalogue(paths)
    assert "russia-iran" in targets(index.search("hydropower").hits)[0]
    index.catalogue([p for p in paths if p.name != "russia-iran"])
    assert not index.search("hydropower").hits


def test_an_unchanged_library_is_listed_without_loading_anything(
    index, library_folder: Path, monkeypatch
) -> None:
    paths = places([library_folder], [])
    first = index.catalogue(paths)
    monkeypatch.setattr(
        "viewer.domain.search.load_briefing", lambda *a, **k: pytest.fail("loaded again")
    )
    assert index.catalogue(paths) == first


def test_a_folder_that_disappeared_is_listed_as_missing(index, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    (entry,) = index.catalogue(places([gone], []))
    assert entry.state is State.MISSING


def test_a_damaged_index_is_rebuilt(tmp_path: Path, library_folder: Path) -> None:
    file = tmp_path / "search.sqlite"
    file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    index = SearchIndex(file)
    try:
        index.catalogue(places([library_folder], []))
        assert index.search("Caspian").hits
    finally:
        index.close()
    with sqlite3.connect(file) as db:
        db.execute("PRAGMA user_version = 99")
    index = SearchIndex(file)
    try:
        assert index.known() == {}, "an index of another version starts afresh"
    finally:
        index.close()


def test_the_shelf_keeps_folders_recent_and_removed(tmp_path: Path, bundled_path: Path) -> None:
    shelf = Shelf()
    shelf.add_folder(tmp_path)
    shelf.opened(MINIMAL)
    shelf.remove(bundled_path.resolve())
    file = tmp_path / "library.json"
    shelf.write(file)
    again = Shelf.read(file)
    assert again == shelf
    listed = again.places(bundled_path.parent)
    assert MINIMAL.resolve() in listed and bundled_path.resolve() not in listed
    file.write_text("{not json", encoding="utf-8")
    assert Shelf.read(file) == Shelf()


def test_a_word_in_every_stance_of_a_roll_call_leaves_room_for_other_briefings(
    index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.benchmarks.generate import generate
    from viewer.domain import search

    roll_call = generate(tmp_path / "roll-call", actors=20, issues=30)
    small = generate(tmp_path / "small", actors=3, issues=4)
    index.catalogue([roll_call, small])
    monkeypatch.setattr(search, "RANKED", 100)
    # "measure" is in 60 paragraphs and issues and 600 stances of the roll-call, indexed first,
    # and in 8 paragraphs and issues and 12 stances of the small one: all 68 paragraphs and
    # issues are ranked, and the first 100 stances
    common = index.search("measure", limit=200)
    assert common.capped and len(common.hits) == 68 + 100
    kinds = {(hit.briefing_id, hit.kind) for hit in common.hits}
    assert {("synthetic-20x30", "stance"), ("synthetic-3x4", "issue")} <= kinds
    typing = index.search("measur", limit=20)
    assert typing.capped and all(f"{MARK_START}measure{MARK_END}" in h.snippet for h in typing.hits)
    rare = index.search("issue 3 pass", limit=200)
    assert not rare.capped


def test_a_single_letter_is_a_word_not_a_prefix() -> None:
    assert fts_query("actor 7") == '"actor" "7"'
    assert fts_query("actor 71") == '"actor" "71"*'


def test_a_prefix_finds_what_every_form_of_the_word_finds(index, library_folder: Path) -> None:
    paths = places([library_folder], [])
    index.catalogue(paths)
    forms = index.forms("Nucl")
    assert "nuclear" in forms and all(form.startswith("nucl") for form in forms)
    assert index.forms("Nuclé") == index.forms("nucle")  # folded as the index folds words
    by_forms = set(targets(index.search("Nucl", limit=500).hits))
    assert any(target.startswith("russia-iran passage:") for target in by_forms)
    # a change the list of words does not hold yet: the prefix is looked up as it is
    folder = library_folder / "russia-iran"
    prose = folder / "briefing.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\n\nNuclearised rhetoric.\n")
    index.update(folder, load_briefing(folder))
    assert index.forms("Nucl") == []
    added = set(targets(index.search("nuclearised").hits))
    assert len(added) == 1
    assert set(targets(index.search("Nucl", limit=500).hits)) == by_forms | added
    index.catalogue(paths)
    assert "nuclearised" in index.forms("nucl")
