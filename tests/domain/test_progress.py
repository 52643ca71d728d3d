"""Loading reports how far it has got and stops when the reader cancels: a roll-call of
hundreds of thousands of stances takes seconds, and the reader may have picked the wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks.generate import generate
from viewer.domain import csvstances
from viewer.domain.loader import load_briefing
from viewer.domain.progress import Cancelled, Progress


@pytest.fixture
def roll_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A briefing of 2,000 stances, read about 100 rows at a time."""
    monkeypatch.setattr(csvstances, "CHUNK_CHARS", 100 * 90)
    return generate(tmp_path / "roll-call", actors=20, issues=100)


def test_loading_reports_each_block_of_the_stance_file_in_order(roll_call: Path) -> None:
    steps: list[tuple[str, float | None]] = []
    result = load_briefing(roll_call, progress=Progress(lambda *step: steps.append(step)))
    assert result.briefing is not None
    shares = [done for what, done in steps if what.endswith("stances.csv")]
    assert 15 <= len(shares) <= 25
    assert shares == sorted(shares)
    assert shares[0] < 0.1 and shares[-1] == 1.0
    said = [what for what, _ in steps]
    assert said[0].endswith("briefing.yaml") and "Checking references" in said


def test_a_cancelled_load_stops_at_the_next_block(roll_call: Path) -> None:
    blocks: list[float | None] = []

    def report(what: str, done: float | None) -> None:
        if what.endswith("stances.csv"):
            blocks.append(done)
            if len(blocks) == 3:
                progress.cancel()

    progress = Progress(report)
    with pytest.raises(Cancelled):
        load_briefing(roll_call, use_cache=True, progress=progress)
    assert len(blocks) == 3, "nothing was read after the reader cancelled"


def test_a_progress_cancelled_before_the_load_reads_nothing(roll_call: Path) -> None:
    steps: list[str] = []
    progress = Progress(lambda what, done: steps.append(what))
    progress.cancel()
    with pytest.raises(Cancelled):
        load_briefing(roll_call, progress=progress)
    assert steps == []
