"""Property tests: mutated briefings never raise, and every problem says where it is."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import BAD, MINIMAL
from viewer.domain.loader import load_briefing
from viewer.domain.markdown_ext import render

YAML_TEXT = (MINIMAL / "briefing.yaml").read_text(encoding="utf-8")
CSV_FOLDER = BAD / "csv-bad-cells"
CSV_TEXT = (CSV_FOLDER / "stances.csv").read_text(encoding="utf-8")
PROSE_TEXT = (MINIMAL / "briefing.md").read_text(encoding="utf-8")
NOISE = st.text(
    alphabet=st.sampled_from(list("[]{}:-,'\"&*!|>#\n\t ab1é\x00\ufeff\r")), max_size=12
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """Delete, insert, duplicate or swap pieces of a valid file, a few times over."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "splice"]))
        if action == "delete" and lines:
            del lines[where]
        elif action == "insert":
            lines.insert(where, draw(NOISE))
        elif action == "duplicate" and lines:
            lines.insert(where, lines[where])
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif lines:
            line = lines[where]
            cut = draw(st.integers(0, len(line)))
            lines[where] = line[:cut] + draw(NOISE) + line[cut:]
    return "\n".join(lines)


def load_with(files: dict[str, str], template: Path = MINIMAL) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "b"
        shutil.copytree(template, folder)
        for name, text in files.items():
            (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        result = load_briefing(folder)
    for problem in result.problems:
        assert problem.location.file
        assert problem.location.line >= 1
        assert problem.location.column >= 1
        assert problem.message
    if result.briefing is None:
        assert result.errors
    elif result.briefing.rendered is None:
        assert result.errors, "text that is not shown is always an error"


@given(mutated(YAML_TEXT))
def test_mutated_yaml_never_raises(text: str) -> None:
    load_with({"briefing.yaml": text})


@given(mutated(CSV_TEXT))
def test_mutated_csv_never_raises(text: str) -> None:
    load_with({"stances.csv": text}, CSV_FOLDER)


@given(mutated(PROSE_TEXT))
def test_mutated_prose_never_raises(text: str) -> None:
    load_with({"briefing.md": text})


@given(st.text(alphabet=st.sampled_from(list("#*_[]()!<>{}:|-`~ \n=ab1\\^")), max_size=300))
def test_random_markdown_renders_with_located_anchors(text: str) -> None:
    rendered = render([("f.md", text)])
    lines = text.split("\n")
    for anchor in rendered.anchors:
        assert anchor.location.file == "f.md"
        assert 1 <= anchor.location.line <= len(lines)
        written = anchor.id.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        assert f'id="{written}"' in rendered.html.replace(">", "&gt;").replace("&gt;", ">")
