"""Write a synthetic briefing of N actors × M issues with a stance in every cell (stances in CSV).

Used by the benchmarks and by scale tests: ``python -m tests.benchmarks.generate OUT [N] [M]``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

POSITIONS = (
    "strongly-support",
    "support",
    "mixed",
    "neutral",
    "oppose",
    "strongly-oppose",
    "unclear",
)
CONFIDENCES = ("high", "medium", "low")
KINDS = ("state", "organization", "armed-group", "person", "bloc", "other")
THEMES = 20


def generate(folder: Path, actors: int = 200, issues: int = 2000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "format: 1",
        f"id: synthetic-{actors}x{issues}",
        f"title: Synthetic briefing, {actors} actors by {issues} issues",
        "subtitle: Generated for measuring scale",
        "authors: [Benchmark generator]",
        "date: 2026-01-01",
        "language: en",
        "summary: Every actor takes a stance on every issue.",
        "text: briefing.md",
        "stances: stances.csv",
        "themes:",
    ]
    for t in range(THEMES):
        lines += [
            f"  - id: theme-{t}",
            f"    title: Theme {t}",
            "    summary: A theme.",
            f"    passage: theme-{t}",
        ]
    lines.append("actors:")
    for a in range(actors):
        lines += [
            f"  - id: actor-{a}",
            f"    name: Actor {a}",
            f"    kind: {KINDS[a % len(KINDS)]}",
            "    summary: An actor.",
        ]
    lines.append("issues:")
    for i in range(issues):
        lines += [
            f"  - id: issue-{i}",
            f"    title: Issue {i}",
            f"    question: Should measure {i} pass?",
            f"    theme: theme-{i % THEMES}",
            f"    passage: issue-{i}",
        ]
    (folder / "briefing.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    prose = []
    for t in range(THEMES):
        prose.append(f"# Theme {t} {{: #theme-{t} }}\n")
        for i in range(t, issues, THEMES):
            prose.append(f"Measure {i} is discussed here at some length.\n{{: #issue-{i} }}\n")
    (folder / "briefing.md").write_text("\n".join(prose), encoding="utf-8")
    with (folder / "stances.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["actor", "issue", "position", "confidence", "summary", "evidence", "passage"]
        )
        for a in range(actors):
            for i in range(issues):
                writer.writerow(
                    [
                        f"actor-{a}",
                        f"issue-{i}",
                        POSITIONS[(a * 7 + i * 3) % len(POSITIONS)],
                        CONFIDENCES[(a + i) % 3],
                        f"Actor {a} on measure {i}.",
                        f"Evidence for actor {a} on measure {i}.",
                        f"issue-{i}",
                    ]
                )
    return folder


if __name__ == "__main__":
    size = [int(x) for x in sys.argv[2:4]] or [200, 2000]
    print(generate(Path(sys.argv[1]), *size))
