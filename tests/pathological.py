"""Pathological prose, generated at test time: the shapes of input that make Markdown renderers
slow or make them crash (after the well-known pathological tests of CommonMark implementations).

Each class is a function returning Markdown; :func:`write_briefing` wraps it in a briefing that is
valid in every other respect.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import MINIMAL


def _table(rows: int, columns: int) -> str:
    head = "|" + "|".join(f"h{c}" for c in range(columns)) + "|"
    rule = "|" + "|".join("-" for _ in range(columns)) + "|"
    body = ("|" + "|".join(f"r{r}" for _ in range(columns)) + "|" for r in range(rows))
    return "\n".join([head, rule, *body])


CLASSES: dict[str, Callable[[], str]] = {
    "deep-list": lambda: "\n".join("  " * depth + "- item" for depth in range(2_000)),
    "deep-quote": lambda: "\n".join(">" * depth + " quoted" for depth in range(1, 2_000)),
    "quotes-and-lists": lambda: "\n".join("> " * d + "- x" for d in range(300)),
    "strong-nested": lambda: "**" * 5_000 + "x" + "**" * 5_000,
    "strong-spaced": lambda: "**a " * 2_000 + "b" + " a**" * 2_000,
    "underscore-run": lambda: "_" * 20_000,
    "emphasis-alternating": lambda: "*_" * 10_000 + "x",
    "link-openers": lambda: "[a](" * 20_000,
    "open-brackets": lambda: "[" * 20_000,
    "nested-brackets": lambda: "[" * 3_000 + "a" + "](b)" * 3_000,
    "backtick-runs": lambda: " ".join("`" * n for n in range(1, 1_000)),
    "wide-table": lambda: _table(2, 5_000),
    "long-table": lambda: _table(20_000, 3),
    "attribute-list": lambda: "Paragraph.\n{: " + " ".join(f"k{n}=v" for n in range(20_000)) + " }",
    "entities": lambda: "&amp;" * 40_000,
    "footnotes": lambda: (
        "\n\n".join(f"Claim {n}.[^{n}]" for n in range(5_000))
        + "\n\n"
        + "\n\n".join(f"[^{n}]: Note {n}." for n in range(5_000))
    ),
    "one-footnote-many-times": lambda: "See[^a] " * 3_000 + "\n\n[^a]: The note.",
    "headings": lambda: "\n\n".join(f"## Heading {n}\n\nText {n}." for n in range(3_000)),
    "too-many-headings": lambda: "\n\n".join(f"## Heading {n}" for n in range(6_000)),
    "megabyte-paragraph": lambda: "word " * 210_000,
    "images": lambda: " ".join(f"![figure {n}](missing-{n}.png)" for n in range(5_000)),
    "long-code-block": lambda: "```\n" + "let x = compute(x);\n" * 50_000 + "```",
    "long-list": lambda: "\n".join(f"- item {n}" for n in range(50_000)),
    "long-quote": lambda: "\n>\n".join(f"> Quoted paragraph {n}." for n in range(20_000)),
    "link-openers-near-the-limit": lambda: "\n\n".join("[a](" * 150 + " x" for _ in range(40)),
    "tables-at-the-limit": lambda: "\n\n".join(_table(39, 50) for _ in range(5)),
    "unclosed-fences": lambda: "\n".join("~" * (3 + n) + "\ncode" for n in range(2_000)),
}
"""Every class of hostile prose, by name."""

SLOW = "\n\n".join("[a](" * 190 + " x" for _ in range(300))
"""Within every bound, yet seconds of work for Python-Markdown: only the time limit stops it."""


def write_briefing(folder: Path, prose: str) -> Path:
    """A copy of the minimal briefing with ``prose`` after its own text, so every anchor the data
    refers to still exists and only the added prose can be at fault."""
    folder.mkdir(parents=True)
    (folder / "briefing.yaml").write_bytes((MINIMAL / "briefing.yaml").read_bytes())
    own = (MINIMAL / "briefing.md").read_text(encoding="utf-8")
    (folder / "briefing.md").write_text(f"{own}\n\n{prose}\n", encoding="utf-8")
    return folder
