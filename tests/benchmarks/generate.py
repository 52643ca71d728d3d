"""Write a synthetic briefing of N actors × M issues with stances in CSV.

Used by the benchmarks and by scale tests: ``python -m tests.benchmarks.generate OUT [N] [M]
[EMPTY]``, EMPTY being the share of cells left without a stance (0 to 1; a roll-call has absences).
"""

from __future__ import annotations

import csv
import random
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


def generate(
    folder: Path,
    actors: int = 200,
    issues: int = 2000,
    empty: float = 0.0,
    evidence_words: int = 0,
) -> Path:
    """``empty``: the share of cells left without a stance, picked at random (the same ones every
    time); ``evidence_words``: up to that many more words of evidence per stance, varying from one
    stance to the next (so that printed rows differ in height)."""
    absent = random.Random(actors * issues).random
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
                if empty and absent() < empty:
                    continue
                writer.writerow(
                    [
                        f"actor-{a}",
                        f"issue-{i}",
                        POSITIONS[(a * 7 + i * 3) % len(POSITIONS)],
                        CONFIDENCES[(a + i) % 3],
                        f"Actor {a} on measure {i}.",
                        f"Evidence for actor {a} on measure {i}."
                        + filler((a * 37 + i * 11) % (evidence_words + 1)),
                        f"issue-{i}",
                    ]
                )
    return folder


def filler(words: int) -> str:
    """``words`` more words of evidence, each after a space."""
    vocabulary = _VOCABULARY.split()
    return "".join(f" {vocabulary[n % len(vocabulary)]}" for n in range(words))


_VOCABULARY = (
    "the endpoint sends a packet with each frame of the stream so that data reaches its peer "
    "in order and every acknowledgment arrives before the timer expires"
)


def long_prose(chars: int, seed: int = 1) -> str:
    """Markdown shaped like a long technical document (an RFC): numbered sections with explicit
    ids, subsections, paragraphs with links, emphasis and code, code blocks, tables and lists."""
    words = _VOCABULARY.split()
    pick = random.Random(seed).choice
    chooser = random.Random(seed + 1).random

    def sentence(count: int = 18) -> str:
        return " ".join(pick(words) for _ in range(count)).capitalize() + "."

    parts: list[str] = []
    size = section = 0
    while size < chars:
        section += 1
        piece = [f"# Section {section} {{: #section-{section} }}\n"]
        for sub in range(1, 5):
            piece.append(f"## Subsection {section}.{sub}\n")
            for _ in range(3):
                piece.append(
                    " ".join(sentence() for _ in range(4))
                    + f" See [Section {section}](#section-{section}), *this* and `that`.\n"
                )
            shape = chooser()
            if shape < 0.3:
                piece.append("~~~\n" + "\n".join(f"  Field ({n}) = {n * 7}," for n in range(12)))
                piece.append("~~~\n")
            elif shape < 0.45:
                rows = "\n".join(f"| 0x{n:02x} | NAME_{n} | {sentence(6)} |" for n in range(10))
                piece.append(f"| Value | Name | Meaning |\n|---|---|---|\n{rows}\n")
            elif shape < 0.6:
                piece.append("\n".join(f"* {sentence(10)}" for _ in range(6)) + "\n")
        text = "\n".join(piece)
        parts.append(text)
        size += len(text) + 1
    return "\n".join(parts)


def prose_briefing(folder: Path, chars: int) -> Path:
    """A briefing whose data is small and whose prose is :func:`long_prose` of ``chars``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "briefing.md").write_text(long_prose(chars), encoding="utf-8")
    (folder / "briefing.yaml").write_text(
        "format: 1\n"
        "id: long-prose\n"
        f"title: A document of {chars // 1000} KB\n"
        "authors: [Benchmark generator]\n"
        "date: 2026-01-01\n"
        "language: en\n"
        "summary: Long prose, little data.\n"
        "text: briefing.md\n"
        "themes:\n"
        "  - {id: transport, title: Transport, summary: Moving data., passage: section-1}\n"
        "actors:\n"
        "  - {id: client, name: Client, kind: other, summary: Opens connections.}\n"
        "  - {id: server, name: Server, kind: other, summary: Accepts them.}\n"
        "issues:\n"
        "  - {id: migration, title: Migration, question: Should connections migrate?, "
        "theme: transport, passage: section-2}\n"
        "stances:\n"
        "  - {actor: client, issue: migration, position: support, confidence: high, "
        "summary: Wants it., evidence: Section 2 says so., passage: section-2}\n",
        encoding="utf-8",
    )
    return folder


if __name__ == "__main__":
    size = [int(x) for x in sys.argv[2:4]] or [200, 2000]
    share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    print(generate(Path(sys.argv[1]), *size, empty=share))
