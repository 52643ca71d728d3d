"""The bundled briefing is valid content: complete, anchored, and in its own words."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from viewer.domain.loader import load_briefing
from viewer.domain.model import Confidence, Position

SOURCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "source"
    / "russia-iran-source-article.txt"
)
RUN = 8
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NAME_LINKS = {"of", "the", "and", "for", "de", "al"}
HEDGES = re.compile(r"\b(may|might|possibly|perhaps|probably|hedged|could)\b", re.IGNORECASE)
"""Words that soften a claim: evidence that uses one cannot carry high confidence."""
FORMULAS = re.compile(r"\bthe source (says|states|notes)\b|\bimpl(y|ies|ied)\b", re.IGNORECASE)
"""Stock phrases evidence replaces with what was said or done, by whom and when."""
DATED_SERIES = {
    ("iran", "iran-joins-sco"): ("2014", "2016-08"),
    ("iran", "russian-use-of-iranian-bases"): ("1979", "2016-08"),
    ("iran", "us-presence-afghanistan"): ("2001", "2016-08"),
    ("russia", "arms-to-iran"): ("2015", "2016-08"),
    ("russia", "russia-concessions-to-us"): ("1991", "2014"),
    ("russia", "russia-turkey-ties"): ("2015-11", "2016-08"),
    ("russia", "sanctions-lifted"): ("2012", "2016-08"),
    ("russia", "us-presence-afghanistan"): ("2001", "2016-08"),
    ("turkey", "russia-turkey-ties"): ("2015-11", "2016-06"),
}
"""Every position recorded as having moved: (actor, issue) -> its dates, oldest first."""
SILENT_ACTORS_AT_MOST = 3


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


def test_hedged_evidence_never_has_high_confidence(bundled) -> None:
    overclaimed = [
        (s.actor, s.issue, s.as_of, HEDGES.findall(s.evidence))
        for s in bundled.stances
        if s.confidence is Confidence.HIGH and HEDGES.search(s.evidence)
    ]
    assert overclaimed == []


def test_the_hedge_check_catches_a_hedge_but_not_a_word_inside_another() -> None:
    assert HEDGES.search("Moscow might accept a compromise.")
    assert HEDGES.search("The wording is Hedged.")
    assert not HEDGES.search("Mayors and couriers met in Mightyville.")


def test_evidence_reads_as_analysis_without_stock_formulas_or_repeats(bundled) -> None:
    assert [(s.actor, s.issue) for s in bundled.stances if FORMULAS.search(s.evidence)] == []
    sentences = Counter(
        sentence
        for s in bundled.stances
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(s.evidence.split()))
    )
    assert [sentence for sentence, n in sentences.items() if n > 1] == []


def test_the_dated_series_are_exactly_the_recorded_ones(bundled) -> None:
    dates = defaultdict(list)
    for stance in bundled.stances:
        dates[stance.actor, stance.issue].append(stance.as_of)
    series = {pair: tuple(sorted(found)) for pair, found in dates.items() if len(found) > 1}
    assert series == DATED_SERIES


def test_each_dated_series_records_a_move(bundled) -> None:
    for (actor, issue), dates in DATED_SERIES.items():
        positions = {
            s.as_of: s.position for s in bundled.stances if (s.actor, s.issue) == (actor, issue)
        }
        assert len({positions[d] for d in dates}) == len(dates), (actor, issue)


def test_at_most_three_actors_take_no_stance_each_with_a_reason(
    bundled, bundled_path: Path
) -> None:
    speaking = {s.actor for s in bundled.stances}
    silent = [a.id for a in bundled.actors if a.id not in speaking]
    assert len(silent) <= SILENT_ACTORS_AT_MOST, silent
    lines = (bundled_path / "briefing.yaml").read_text(encoding="utf-8").split("\n")
    for actor in silent:
        (at,) = [n for n, line in enumerate(lines) if line.strip() == f"- id: {actor}"]
        assert lines[at - 1].strip().startswith("#"), f"say why {actor} takes no stance"
        assert any(r.between.count(actor) for r in bundled.relations), f"{actor} has no relation"
