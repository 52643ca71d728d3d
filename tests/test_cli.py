"""The command line: exit codes and output of ``validate`` and ``--version``, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BAD, MINIMAL
from viewer import __version__
from viewer.cli import main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def test_validate_bundled_briefing_exits_zero(bundled_path: Path) -> None:
    done = run_cli("validate", str(bundled_path))
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == ["1 briefing checked: 0 with errors; 0 errors, 0 warnings"]
    assert done.stderr == ""


def test_validate_reports_each_problem_then_a_summary() -> None:
    done = run_cli("validate", "unknown-key-typo", str(MINIMAL), cwd=BAD)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "unknown-key-typo/briefing.yaml:21:5: error: theme is missing required key 'summary'",
        "unknown-key-typo/briefing.yaml:23:5: error: unknown key 'sumary' in theme; "
        "did you mean 'summary'?",
        "2 briefings checked: 1 with errors; 2 errors, 0 warnings",
    ]
    assert "Traceback" not in done.stderr


def test_warnings_alone_keep_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BAD / "summary-too-long")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert ": warning: summary is 226 characters" in lines[0]
    assert lines[-1] == "1 briefing checked: 0 with errors; 0 errors, 1 warning"


def test_validate_without_paths_is_a_usage_error() -> None:
    done = run_cli("validate")
    assert done.returncode == 2
    assert "usage: briefing-viewer validate" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_option_is_a_usage_error() -> None:
    done = run_cli("--no-such-option")
    assert done.returncode == 2
    assert "unrecognized arguments" in done.stderr


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"briefing-viewer {__version__}"


def test_hostile_inputs_never_print_a_traceback() -> None:
    cases = [str(BAD / name) for name in ("yaml-alias-bomb", "yaml-deep-nesting", "yaml-binary")]
    done = run_cli("validate", *cases)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.splitlines()[-1].startswith("3 briefings checked: 3 with errors")


def test_window_without_display_explains_instead_of_aborting() -> None:
    done = run_cli(str(MINIMAL))
    assert done.returncode == 1
    assert "no display found" in done.stderr


def test_validate_a_glob_of_the_briefings_folder(bundled_path: Path) -> None:
    """``validate briefings/*`` also meets FORMAT.md: it is skipped with a warning, not failed."""
    entries = sorted(str(p) for p in bundled_path.parent.iterdir())
    done = run_cli("validate", *entries)
    assert done.returncode == 0, done.stdout
    skipped = "warning: not a briefing folder or bundle; skipped"
    assert f"{bundled_path.parent / 'FORMAT.md'}:1:1: {skipped}" in done.stdout.splitlines()
    assert done.stdout.splitlines()[-1].startswith("1 briefing checked: 0 with errors; 0 errors")


def test_search_prints_one_tab_separated_hit_a_line(tmp_path: Path) -> None:
    done = run_cli("search", "Caspian")  # the reader's library: the bundled briefing at least
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines
    for line in lines:
        briefing, target, snippet = line.split("\t")
        assert snippet
        assert briefing == "russia-iran"
        assert target.split(":")[0] in {"passage", "theme", "actor", "issue", "stance"}
    assert any("[Caspian]" in line for line in lines)


def test_search_in_a_given_library_and_its_exit_codes(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    assert run_cli("pack", str(MINIMAL), "-o", str(library / "water")).returncode == 0
    found = run_cli("search", "reservoir", "--library", str(library))
    assert found.returncode == 0
    assert "water-talks\tpassage:upland-plan\t" in found.stdout
    assert run_cli("search", "Caspian", "--library", str(library)).returncode == 1
    assert run_cli("search").returncode == 2


def test_a_search_that_found_too_much_says_so(tmp_path: Path) -> None:
    from tests.benchmarks.generate import generate
    from viewer.domain.search import CAPPED

    generate(tmp_path / "lib" / "roll-call", actors=50, issues=50)  # "measure" in 2,500 stances
    common = run_cli("search", "measure", "--library", str(tmp_path / "lib"))
    assert common.returncode == 0 and CAPPED in common.stderr
    assert len(common.stdout.splitlines()) == 50
    rare = run_cli("search", "measure 49 pass", "--library", str(tmp_path / "lib"))
    assert rare.returncode == 0 and rare.stderr == ""


def test_pack_refuses_a_broken_briefing_and_writes_nothing(tmp_path: Path) -> None:
    done = run_cli("pack", str(BAD / "yaml-syntax"), "-o", str(tmp_path / "x.briefing"))
    assert done.returncode == 1
    assert "YAML syntax" in done.stderr and "nothing written" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_writes_a_briefing_that_validates_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "nile"
    done = run_cli("new", str(folder), "--title", "Nile water: who wants what")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "briefing.md",
        "briefing.yaml",
        "stances.csv",
    ]
    checked = run_cli("validate", str(folder))
    assert checked.returncode == 0
    assert checked.stdout.splitlines() == [
        "1 briefing checked: 0 with errors; 0 errors, 0 warnings"
    ]
    assert 'title: "Nile water: who wants what"' in (folder / "briefing.yaml").read_text()
    before = (folder / "briefing.md").read_text()
    again = run_cli("new", str(folder))
    assert again.returncode == 1
    assert "already has briefing.yaml" in again.stderr
    assert (folder / "briefing.md").read_text() == before


def test_anchors_lists_headings_anchors_and_what_cites_them(bundled, bundled_path: Path) -> None:
    done = run_cli("anchors", str(bundled_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(bundled.rendered.anchors)
    first = bundled.rendered.toc[0]
    heading = next(line for line in lines if f": {first.anchor}\t" in line)
    assert heading.split("\t")[1] == f"heading '{first.title}'"
    stance = bundled.stances[0]
    cited = next(line for line in lines if f": {stance.passage}\t" in line)
    location, _, rest = cited.partition(": ")
    assert location.startswith(str(bundled_path / "briefing.md") + ":")
    assert f"stance of '{stance.actor}' on '{stance.issue}'" in rest


def test_anchors_of_a_briefing_with_errors_still_lists_the_prose() -> None:
    done = run_cli("anchors", "passage-not-in-prose", cwd=BAD)
    assert done.returncode == 0
    assert "passage-not-in-prose/briefing.md:" in done.stdout
    assert "what cites each anchor is not listed" in done.stderr
