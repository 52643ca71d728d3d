"""The bundled briefing is valid content: complete, anchored, and in its own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from viewer.domain.loader import load_briefing
from viewer.domain.model import Position

SOURCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "source"
    / "russia-iran-source-article.txt"
)
RUN = 8
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NAME_LINKS = {"of", "the", "and", "for", "de", "al"}


def test_validates_with_no_errors_and_no_warnings(bundled_path: Path) -> None:
    result = load_briefing(bundled_path)
    assert [str(p) for p in result.problems] == []


def test_has_the_promised_breadth(bundled) -> None:
    assert len(bundled.themes) >= 10
    assert len(bundled.actors) >= 18
    assert len(bundled.issues) >= 25
    assert len(bundled.stances) > 60
    assert len(bundled.relations) >= 10
    assert len(bundled.timeline) >= 25
    years = sorted(int(event.date[:4]) for event in bundled.timeline)
    assert years[0] == 1979
    assert years[-1] >= 2017


def test_russia_and_iran_both_converge_and_diverge(bundled) -> None:
    shared = [
        (bundled.stance_index[("russia", i.id)], bundled.stance_index[("iran", i.id)])
        for i in bundled.issues
        if ("russia", i.id) in bundled.stance_index and ("iran", i.id) in bundled.stance_index
    ]
    sides = [
        (a.position.side, b.position.side)
        for a, b in shared
        if Position.UNCLEAR not in (a.position, b.position)
    ]
    assert sum(a == b != 0 for a, b in sides) >= 5
    assert sum(a * b < 0 for a, b in sides) >= 3


def test_every_cited_anchor_is_a_non_empty_paragraph(bundled) -> None:
    (prose,) = bundled.prose
    lines = prose.text.split("\n")
    anchors = {a.id: a for a in bundled.rendered.anchors}
    cited = {s.passage for s in bundled.stances}
    for anchor_id in cited:
        anchor = anchors[anchor_id]
        assert anchor.location.file.endswith("briefing.md")
        written = lines[anchor.location.line - 1]
        if written.lstrip().startswith("{:"):
            paragraph = lines[anchor.location.line - 2].strip()
            assert len(paragraph.split()) >= 5, anchor_id


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def is_proper_name(run: tuple[str, ...], original: str) -> bool:
    """A run made only of capitalised words (and the little words inside names) is a name."""
    pattern = r"\W+".join(map(re.escape, run))
    for match in re.finditer(pattern, original, flags=re.IGNORECASE):
        tokens = re.findall(r"[\w']+", match.group(0))
        if all(t[0].isupper() or t.lower() in NAME_LINKS or t[0].isdigit() for t in tokens):
            return True
    return False


def briefing_texts(bundled) -> list[str]:
    texts = [bundled.markdown, bundled.summary, bundled.title, bundled.subtitle]
    texts += [t.summary for t in bundled.themes] + [a.summary for a in bundled.actors]
    texts += [i.question for i in bundled.issues]
    texts += [s.summary for s in bundled.stances] + [s.evidence for s in bundled.stances]
    texts += [r.summary for r in bundled.relations] + [e.event for e in bundled.timeline]
    return texts


def copied_runs(texts: list[str], source: str) -> list[str]:
    source_words = words(source)
    source_runs = {tuple(source_words[i : i + RUN]) for i in range(len(source_words) - RUN + 1)}
    copied = set()
    for text in texts:
        found = words(text)
        for i in range(len(found) - RUN + 1):
            run = tuple(found[i : i + RUN])
            if run in source_runs and not is_proper_name(run, text):
                copied.add(" ".join(run))
    return sorted(copied)


needs_source = pytest.mark.skipif(
    not SOURCE.is_file(),
    reason=f"the copy check needs the source article at {SOURCE}, beside the checkout",
)


@needs_source
def test_no_eight_word_run_is_copied_from_the_source(bundled) -> None:
    assert copied_runs(briefing_texts(bundled), SOURCE.read_text(encoding="utf-8")) == []


@needs_source
def test_the_copy_check_catches_a_copied_sentence_but_not_a_long_name() -> None:
    source = SOURCE.read_text(encoding="utf-8")
    sentence = next(s for s in source.split(". ") if len(s.split()) > 12)
    assert copied_runs([f"Our own words first. {sentence}."], source) != []
    name = "the Organization of the Islamic Conference and the Shanghai Cooperation Organization"
    assert copied_runs([name], name) == []
