"""The loader reports every problem of a bad briefing at its exact place, and builds good ones."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import BAD, MINIMAL, PROSE_ONLY
from viewer.domain.limits import MAX_TEXT_BYTES
from viewer.domain.loader import load_briefing
from viewer.domain.model import ActorKind, Confidence, Position

BAD_CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def test_corpus_is_large_enough() -> None:
    assert len(BAD_CASES) >= 30


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_briefing_reports_exact_lines(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    expected = (BAD / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = load_briefing(Path(name))
    assert [str(p) for p in result.problems] == expected
    if result.errors and name not in PROSE_ONLY:
        assert result.briefing is None
    else:
        assert result.briefing is not None, "errors in the prose alone leave the data usable"


def test_minimal_briefing_builds_typed_data(minimal) -> None:
    assert minimal.title == "Water talks on the Rivella"
    assert minimal.authors == ("Jane Analyst",)
    assert minimal.date == "2024-03-01"
    assert [a.kind for a in minimal.actors] == [
        ActorKind.STATE,
        ActorKind.STATE,
        ActorKind.ORGANIZATION,
    ]
    stance = minimal.stance_index[("lowland", "fast-fill")]
    assert stance.position is Position.OPPOSE
    assert stance.confidence is Confidence.MEDIUM
    assert minimal.relations[0].between == ("upland", "lowland")
    assert minimal.timeline[1].date == "2024"
    assert {"water-sharing", "upland-plan", "lowland-farms", "power"} <= minimal.anchors


def test_crlf_and_bom_give_the_same_data(minimal) -> None:
    crlf = load_briefing(BAD / "crlf-and-bom-valid").briefing
    assert crlf is not None
    assert crlf.stances == minimal.stances
    assert crlf.markdown == minimal.markdown


def test_briefing_yaml_path_is_accepted_for_its_folder() -> None:
    assert load_briefing(MINIMAL / "briefing.yaml").briefing is not None


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    result = load_briefing(tmp_path / "nowhere")
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'nowhere'}:1:1: error: briefing folder does not exist"
    ]


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    shutil.copytree(MINIMAL, folder)
    with open(folder / "briefing.md", "r+b") as prose:
        prose.truncate(MAX_TEXT_BYTES + 1)
    result = load_briefing(folder)
    assert [str(p) for p in result.problems] == [
        f"{folder / 'briefing.md'}:1:1: error: file is 16.0 MB, over the limit of 16 MB"
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "linked"
    shutil.copytree(MINIMAL, folder)
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n", encoding="utf-8")
    (folder / "briefing.md").unlink()
    (folder / "briefing.md").symlink_to(outside)
    result = load_briefing(folder)
    assert [p.message for p in result.problems] == [
        "path 'briefing.md' leads outside the briefing folder"
    ]


def test_problems_are_sorted_by_file_and_line() -> None:
    result = load_briefing(BAD / "duplicate-actor-id")
    locations = [p.location for p in result.problems]
    assert locations == sorted(locations)
    assert len(locations) == 2, "one error for the duplicate id, one for the unknown name"
    assert "used 3 times (also at" in result.problems[1].message


def test_relations_read_from_either_side(minimal) -> None:
    rival, mediation = minimal.relations
    assert rival.role_of("upland") == rival.role_of("lowland") == "Rival of"
    assert mediation.between == ("river-commission", "upland")
    assert mediation.role_of("river-commission") == "Mediates for"
    assert mediation.role_of("upland") == "Mediated by"
    assert mediation.other("upland") == "river-commission"


@pytest.mark.parametrize("folder", [MINIMAL, MINIMAL.parent / "series"])
def test_the_stance_index_read_with_the_briefing_is_the_one_it_would_build(folder: Path) -> None:
    """The reader hands over the stances by pair it built while checking them; with a series
    (a pair recorded more than once) the briefing builds the index from the latest of each."""
    briefing = load_briefing(folder).briefing
    assert briefing is not None
    handed = briefing.stance_index
    assert handed == briefing._latest_stances(iter)
    assert all(handed[stance.actor, stance.issue] is stance for stance in handed.values())
    assert len(handed) == len({(s.actor, s.issue) for s in briefing.stances})


def test_text_is_decoded_in_pieces_as_it_would_be_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces end in the middle of characters and of the BOM; a byte that is not UTF-8 is still
    reported at its own line and column."""
    from viewer.domain import textfiles

    monkeypatch.setattr(textfiles, "DECODE_BYTES", 3)
    text = "Ça va ?\r\nNé à Tōkyō — 東京\n"
    good = tmp_path / "good.md"
    good.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert textfiles.read_text(good, "good.md", 1000) == text.replace("\r\n", "\n")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("a,b\nÇa,".encode() + b"\xe9t\xe9\n")
    with pytest.raises(textfiles.FileProblem) as caught:
        textfiles.read_text(bad, "bad.csv", 1000)
    assert str(caught.value.location) == "bad.csv:2:5"
    assert "byte 0xe9 ('é' in Windows-1252)" in caught.value.message


def test_a_yaml_file_over_the_count_of_values_is_refused_with_or_without_aliases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tree is measured by counting its values as they are parsed; only a file with aliases
    has its graph walked, since only aliases can make it larger than its text."""
    from viewer.domain import yamlnodes

    monkeypatch.setattr(yamlnodes, "MAX_YAML_NODES", 10)
    small = "a: [1, 2, 3]\nb: {c: 4}\n"
    assert yamlnodes.compose(small, "b.yaml") is not None
    with pytest.raises(yamlnodes.YamlProblem, match="more than 10 values"):
        yamlnodes.compose("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", "b.yaml")
    with pytest.raises(yamlnodes.YamlProblem, match="more than 10 values"):
        yamlnodes.compose("a: &x [1, 2, 3]\nb: [*x, *x, *x]\n", "b.yaml")
