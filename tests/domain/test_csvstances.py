"""The CSV fast path is the one place the data model is written out by hand: it must read every
field exactly as the general (YAML, schema-driven) path reads the same values."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINIMAL
from viewer.domain.fields import STANCE
from viewer.domain.loader import load_briefing
from viewer.domain.model import Confidence, Position

ACTORS = ("upland", "lowland", "river-commission")
ISSUES = ("fast-fill", "export-power")
PASSAGES = ("water-sharing", "upland-plan", "lowland-farms", "power")
WORDS = st.text(
    alphabet=st.sampled_from(list("ab é,;\"'\n\t-:#{}[]|*")), min_size=1, max_size=30
).filter(lambda text: text.strip() and "\x00" not in text)
AS_OF = st.sampled_from(["", "2024", "2024-02", "2024-02-29", " 2023-11 "])


@st.composite
def stance_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    pairs = draw(st.lists(st.sampled_from(list(itertools.product(ACTORS, ISSUES))), unique=True))
    return [
        {
            "actor": f" {actor}" if draw(st.booleans()) else actor,
            "issue": issue,
            "position": draw(st.sampled_from([p.value for p in Position])),
            "confidence": draw(st.sampled_from([c.value for c in Confidence])),
            "summary": draw(WORDS),
            "evidence": draw(WORDS),
            "passage": draw(st.sampled_from(PASSAGES)),
            "as_of": draw(AS_OF),
        }
        for actor, issue in pairs
    ]


def briefing_with(folder: Path, stances: str, name: str) -> Path:
    shutil.copytree(MINIMAL, folder)
    data = yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8"))
    data["stances"] = name
    (folder / "briefing.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    (folder / name).write_text(stances, encoding="utf-8")
    return folder


def as_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(STANCE), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def as_yaml(rows: list[dict[str, str]]) -> str:
    """The same values as YAML entries; an empty ``as_of`` is left out, as in a CSV cell."""
    entries = [{key: value for key, value in row.items() if value.strip()} for row in rows]
    return yaml.safe_dump(entries, allow_unicode=True)


@given(stance_rows())
def test_csv_fast_path_reads_every_field_as_the_yaml_path(rows: list[dict[str, str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        from_csv = load_briefing(briefing_with(Path(tmp) / "csv", as_csv(rows), "stances.csv"))
        from_yaml = load_briefing(briefing_with(Path(tmp) / "yaml", as_yaml(rows), "s.yaml"))
    assert [str(p) for p in from_csv.errors] == []
    assert [str(p) for p in from_yaml.errors] == []
    assert from_csv.briefing is not None and from_yaml.briefing is not None
    assert from_csv.briefing.stances == from_yaml.briefing.stances
    assert len(from_csv.briefing.stances) == len(rows)


ROW_KINDS = {
    "valid": "upland,fast-fill,support,high,Backs the dam.,Said so twice.,power,",
    "quoted": 'lowland,fast-fill,oppose,low,"Fears, above all, drought.",Farm lobby.,power,',
    "two lines": 'upland,export-power,mixed,medium,"Split\nvote.",Cabinet notes.,power,',
    "bad position": "lowland,export-power,loves,high,Keen.,Minutes.,power,",
    "bad date": "lowland,export-power,oppose,high,Keen.,Minutes.,power,May",
    "short": "upland,fast-fill,support",
    "blank": "",
    "spaced": " river-commission , fast-fill ,neutral,high, Waits. , Report. , power ,",
    "dated": "upland,fast-fill,support,high,Backs it.,Vote.,power,2024-02",
    "stray quote": 'upland,fast-fill,support,high,Wants a 12" pipe.,Said so.,power,',
    "many lines": 'lowland,fast-fill,oppose,low,"One\nlong\n\nnote, over\nlines.",Log.,power,',
}


@given(
    st.lists(st.sampled_from(sorted(ROW_KINDS)), max_size=60),
    st.integers(min_value=1, max_value=300),
    st.booleans(),
)
def test_reading_in_chunks_reads_exactly_what_reading_row_by_row_does(
    kinds: list[str], chunk_chars: int, open_quote: bool
) -> None:
    """The quick way through a chunk of plain rows must agree with the csv module's reading of
    the whole file in one pass, row for row and problem for problem, wherever the chunks happen
    to end: inside a quoted cell, or after a quote inside an unquoted one."""
    from unittest import mock

    from viewer.domain import csvstances
    from viewer.domain.problems import ProblemList

    header = "actor,issue,position,confidence,summary,evidence,passage,as_of"
    lines = [header] + [ROW_KINDS[kind] for kind in kinds]
    text = "\n".join(lines) + ('\nupland,"open' if open_quote else "\n")

    def read() -> tuple[list[object], list[str], list[str]]:
        problems = ProblemList()
        rows = csvstances.read_stances(text, "s.csv", problems)
        places = [str(rows.locate(n, "summary")) for n in range(len(rows.stances))]
        return list(rows.stances), [str(p) for p in problems.sorted()], places

    with mock.patch.object(csvstances, "CHUNK_CHARS", chunk_chars):
        chunked = read()
    with (
        mock.patch.object(csvstances, "CHUNK_CHARS", len(text)),
        mock.patch.object(csvstances._FastRows, "chunk", return_value=None),
    ):
        in_one_pass = read()
    assert chunked == in_one_pass
