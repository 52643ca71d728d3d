"""The bounds on prose: each is reported where it is broken, and ordinary documents break none."""

from __future__ import annotations

import pytest

from tests.benchmarks.generate import long_prose
from viewer.domain import prose_limits as limits
from viewer.domain.prose_limits import check


def problems(text: str) -> list[str]:
    return [f"{p.location.line}:{p.location.column} {p.message}" for p in check([("p.md", text)])]


def test_ordinary_documents_break_no_bound(bundled) -> None:
    assert check([(f.path.name, f.text) for f in bundled.prose]) == []
    assert check([("long.md", long_prose(400_000))]) == []


def test_code_is_not_prose() -> None:
    code = "```\n" + "[" * 500 + "\n" + "> " * 30 + "x\n```\n\n    " + "*" * 300 + "\n"
    assert problems(code) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n".join("  " * d + "- x" for d in range(25)), "21:41 lists and quotes are nested 21"),
        ("\n".join("> " * d + "text" for d in range(1, 25)), "21:1 lists and quotes are nested 21"),
        ("intro\n\n" + "word " * 25_000, "3:1 paragraph is 125,000 characters long"),
        ("&amp;" * 10_001, "1:1 paragraph holds 10,001 markup characters"),
        ("text [" + "[" * 40, "1:38 brackets nested more than 32 deep"),
        ("x " + "[a](" * 201, "1:5 201 brackets or link targets that are never closed"),
        (" ".join("`" * n for n in range(1, 103)), "1:1 102 runs of backticks that nothing closes"),
        ("a " + "*" * 101 + " b", "1:3 run of 101 '*' marks"),
        ("**a " * 60 + "b", "1:201 emphasis nested more than 50 deep"),
        ("|" + "|".join("c" * 51) + "|\n|" + "|".join("-" * 51) + "|", "1:1 table is 51 columns"),
        ("\n".join(["|a|b|", "|-|-|", *["|1|2|"] * 1000]), "1:1 table has 2,002 cells"),
        ("\n\n".join(f"# H{n}" for n in range(5_001)), "10001:1 more than 5,000 headings"),
        (
            "See[^a] " * 101,
            "1:804 footnote 'a' is referred to more than 100 times (first at p.md:1:4)",
        ),
        ("\n".join(f"- item {n}" for n in range(20_000)), "1:1 this list is 248,890 characters"),
    ],
)
def test_each_bound_is_reported_where_it_is_broken(text: str, expected: str) -> None:
    found = problems(text)
    assert any(problem.startswith(expected) for problem in found), found


def test_many_footnotes_and_images() -> None:
    notes = "\n\n".join(f"Claim.[^{n}]\n\n[^{n}]: Note." for n in range(1_001))
    assert any("more than 1,000 footnotes" in p for p in problems(notes))
    images = "\n\n".join(f"![f]({n}.png)" for n in range(501))
    assert any("more than 500 images" in p for p in problems(images))


def test_the_prose_as_a_whole_has_a_size_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PROSE_BYTES", 1_000)
    found = check([("a.md", "x\n" * 400), ("b.md", "y\n" * 400)])
    assert [str(p.location) for p in found] == ["b.md:1:1"]
    assert "over the limit" in found[0].message


@pytest.mark.timeout(20)
def test_a_long_paragraph_of_footnote_references_is_checked_quickly() -> None:
    """Locating each reference in a huge paragraph used to take minutes; only what is reported
    is located now."""
    text = "\n".join(f"See [^a{n}] here" for n in range(90_000))
    assert any("paragraph is" in p for p in problems(text))
