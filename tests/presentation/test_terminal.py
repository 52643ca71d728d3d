"""The command line's progress line: rewritten in place on a terminal, absent anywhere else."""

from __future__ import annotations

import io

import pytest

from viewer.presentation import terminal
from viewer.presentation.terminal import WIDTH, progress_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_is_rewritten_in_place_then_wiped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(terminal, "EVERY", 0.0)
    stream = Terminal()
    with progress_line(stream) as progress:
        assert progress is not None
        progress.step("Reading stances.csv", 0.25)
        progress.step("Checking references")
        progress.step("Painting page 3 of 812 " + "x" * 200, 0.5)
    writes = stream.getvalue().split("\r")[1:]
    assert [w.rstrip() for w in writes[:2]] == ["Reading stances.csv: 25%", "Checking references"]
    assert all(len(w) == WIDTH for w in writes[:-1]), "never longer than the line, so no wrap"
    assert writes[-2].strip() == "" and writes[-1] == "", "the line is wiped at the end"


def test_steps_faster_than_the_eye_are_skipped() -> None:
    stream = Terminal()
    with progress_line(stream) as progress:
        assert progress is not None
        for page in range(1, 500):
            progress.step(f"Painting page {page} of 500", page / 500)
    assert stream.getvalue().count("Painting") < 5


def test_a_file_or_a_pipe_gets_no_progress_at_all() -> None:
    stream = io.StringIO()
    with progress_line(stream) as progress:
        assert progress is None
    assert stream.getvalue() == ""
