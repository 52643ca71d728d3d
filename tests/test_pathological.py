"""Hostile prose from a stranger: each class is refused by ``validate`` at a place in the prose,
or it opens and prints within bounds. Never a hang, a traceback or a crash, and the window agrees
with ``validate`` about which is which."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL
from tests.pathological import CLASSES, write_briefing
from tests.ui.helpers import open_and_wait
from viewer.print.command import export_command
from viewer.ui.matrix.view import MatrixView

FIRST_PAINT_MS = 5_000
EXPORT_S = 30
"""Bounds, not measurements (``make bench`` measures): past them a class counts as a hang."""
OWN_LINES = (MINIMAL / "briefing.md").read_text(encoding="utf-8").count("\n") + 2
"""The hostile prose starts after the minimal briefing's own text."""
LOCATED = re.compile(r"^(.+):(\d+):(\d+): (error|warning): (.+)$")


def test_corpus_has_every_class_the_issue_names() -> None:
    assert len(CLASSES) >= 15


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pathological")
    return {name: write_briefing(root / name, make()) for name, make in CLASSES.items()}


@pytest.fixture(scope="module")
def verdicts(corpus: dict[str, Path]) -> dict[str, list[tuple[str, int, str]]]:
    """``validate`` run once over the whole corpus, as a user runs it: each briefing's errors
    as (file, line, message)."""
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "validate", *map(str, corpus.values())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 1
    found: dict[str, list[tuple[str, int, str]]] = {name: [] for name in corpus}
    for line in done.stdout.splitlines()[:-1]:
        match = LOCATED.match(line)
        assert match, line
        file, number, _column, severity, message = match.groups()
        name = Path(file).parent.name
        if severity == "error":
            found[name].append((Path(file).name, int(number), message))
    return found


@pytest.mark.parametrize("name", CLASSES)
def test_validate_refuses_at_a_place_in_the_prose_or_accepts(
    name: str, verdicts: dict[str, list[tuple[str, int, str]]]
) -> None:
    for file, line, message in verdicts[name]:
        assert file == "briefing.md", message
        assert line >= OWN_LINES or "the prose is" in message, (line, message)


@pytest.mark.parametrize("name", CLASSES)
def test_window_shows_the_text_or_says_why_and_the_data_still_works(
    name: str, corpus: dict[str, Path], verdicts, qtbot, new_window
) -> None:
    window = new_window()
    assert open_and_wait(qtbot, window, corpus[name], timeout_ms=FIRST_PAINT_MS)
    shown = window.briefing_view.text.toPlainText()
    if verdicts[name]:
        assert "The text could not be shown" in shown
        assert window.problems_dock.isVisible()
        listed = window.problems_view.list.item(0).text()
        assert re.match(r".+briefing\.md:\d+:\d+: error: ", listed), listed
    else:
        assert "The Rivella crosses both states" in shown
    window.tabs.setCurrentIndex(window.tab_of(MatrixView))
    assert window.view(MatrixView).model.rowCount() == 3


@pytest.mark.timeout(EXPORT_S)
@pytest.mark.parametrize("name", CLASSES)
def test_export_writes_within_bounds_or_fails_leaving_nothing(
    name: str, corpus: dict[str, Path], verdicts, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "out.pdf"
    code = export_command([str(corpus[name]), "-o", str(target)])
    if verdicts[name]:
        assert code == 1
        assert "nothing written" in capsys.readouterr().err
        assert list(tmp_path.iterdir()) == []
    else:
        assert code == 0
        assert target.stat().st_size > 10_000
