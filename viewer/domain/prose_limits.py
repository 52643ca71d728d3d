"""Bounds on what the prose may hold, checked before it is rendered, each reported where it is.

Python-Markdown (and Qt's rich text after it) take time that grows faster than the text for a
few shapes of input: deep nesting, long runs of unmatched brackets, emphasis marks or backticks,
very wide tables, many footnotes. No real document comes near the bounds below (see
``tests/benchmarks/RESULTS.md`` for the measurements they rest on); a file that does is refused
with a ``file:line:col`` error instead of freezing the app. What slips past them is still caught
by the renderer's time limit (``prose_worker``).

The scan is deliberately rough: it knows fenced and indented code, list items, block quotes and
table rows, and counts characters rather than parsing inline markup, so it costs a small fraction
of the rendering it protects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from viewer.domain.problems import Location, Problem

MB = 1024 * 1024

MAX_PROSE_BYTES = 2 * MB
"""All prose files together: about 300,000 words, five times the longest real document measured
(an RFC of 370 KB); it renders in about 4 s and prints on some 800 pages."""
MAX_NESTING = 20
"""Lists and block quotes inside one another."""
MAX_BLOCK_CHARS = 100_000
"""One paragraph, list item, heading or table row."""
MAX_RUN_CHARS = 200_000
"""One list, block quote or code block: each is laid out (and printed) as a single piece."""
MAX_MARKUP = 10_000
"""Markup characters (``& < [ ] * _ ` ! \\``) in one paragraph, outside code."""
MAX_UNMATCHED_BRACKETS = 200
"""``[`` with no ``]``, and link targets ``](`` with no ``)``, in one paragraph."""
MAX_BRACKET_DEPTH = 32
MAX_OPEN_BACKTICKS = 100
"""Runs of backticks that no later run of the same length closes, in one paragraph."""
MAX_DELIMITER_RUN = 100
"""Consecutive ``*`` or ``_`` outside a horizontal rule."""
MAX_EMPHASIS_DEPTH = 50
"""Emphasis opened inside emphasis, in one paragraph."""
MAX_TABLE_COLUMNS = 50
MAX_TABLE_CELLS = 2_000
MAX_HEADINGS = 5_000
"""Each is a line of the contents and a bookmark of the PDF; the longest real document measured
has 135."""
MAX_FOOTNOTES = 1_000
MAX_REFERENCES_PER_FOOTNOTE = 100
MAX_IMAGES = 500

_FENCE = re.compile(r"(`{3,}|~{3,})")
_QUOTES = re.compile(r"(?: {0,3}> ?)*")
_LIST_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+) *$")
_RULE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")
_TABLE_SEPARATOR = re.compile(r" *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$")
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]]+)\]:", re.MULTILINE)
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_IMAGE = re.compile(r"!\[")
_BACKTICKS = re.compile(r"`+")
_DELIMITERS = re.compile(r"\*+|_+")
_BRACKETS = re.compile(r"\]\(|[\[\]()]")
_MARKUP = "&<[]*_`!\\"


@dataclass
class _Block:
    """Lines of one paragraph, list item, heading or table row, with where they start."""

    file: str
    line: int
    lines: list[str]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets in :attr:`text` where each line begins."""
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts


def check(files: Sequence[tuple[str, str]]) -> list[Problem]:
    """Every bound the prose ``files`` (shown name, text) exceed, located."""
    problems: list[Problem] = []
    total = sum(len(text.encode("utf-8")) for _, text in files)
    if total > MAX_PROSE_BYTES:
        problems.append(
            Problem(
                Location(files[-1][0]),
                f"the prose is {total / MB:.1f} MB in all, over the limit of "
                f"{MAX_PROSE_BYTES // MB} MB",
            )
        )
    footnotes: Counter[str] = Counter()
    references: Counter[str] = Counter()
    first_reference: dict[str, Location] = {}
    images = 0
    headings = 0
    for name, text in files:
        scan = _Scan(name, text.split("\n"))
        problems.extend(scan.problems)
        if headings <= MAX_HEADINGS < headings + len(scan.headings):
            line = scan.headings[MAX_HEADINGS - headings]
            problems.append(
                Problem(
                    Location(name, line),
                    f"more than {MAX_HEADINGS:,} headings; the limit keeps the contents and the "
                    "printed outline usable",
                )
            )
        headings += len(scan.headings)
        for block in scan.blocks:
            problems.extend(_check_block(block))
            body = block.text
            for found in _FOOTNOTE_DEFINITION.finditer(body):
                footnotes[found.group(1)] += 1
                if len(footnotes) == MAX_FOOTNOTES + 1 and footnotes[found.group(1)] == 1:
                    problems.append(
                        Problem(
                            _at(block, found.start()),
                            f"more than {MAX_FOOTNOTES:,} footnotes; the limit keeps the text "
                            "quick to show",
                        )
                    )
            for found in _FOOTNOTE_REFERENCE.finditer(body):
                label = found.group(1)
                references[label] += 1
                if label not in first_reference:
                    first_reference[label] = _at(block, found.start())
                if references[label] == MAX_REFERENCES_PER_FOOTNOTE + 1:
                    problems.append(
                        Problem(
                            _at(block, found.start()),
                            f"footnote '{label}' is referred to more than "
                            f"{MAX_REFERENCES_PER_FOOTNOTE} times (first at "
                            f"{first_reference[label]})",
                        )
                    )
            before = images
            images += len(_IMAGE.findall(body))
            if before <= MAX_IMAGES < images:
                problems.append(
                    Problem(
                        Location(block.file, block.line),
                        f"more than {MAX_IMAGES} images in the prose; the limit keeps the text "
                        "quick to show",
                    )
                )
    return problems


def _at(block: _Block, offset: int) -> Location:
    """The location of a character of the block's text."""
    line = bisect_right(block.line_starts, offset) - 1
    return Location(block.file, block.line + line, offset - block.line_starts[line] + 1)


@dataclass
class _Run:
    """A top-level list, block quote or code block, however many paragraphs it holds."""

    kind: str
    line: int
    chars: int = 0


class _Scan:
    """Splits a file into blocks, skipping code, and checks nesting, tables and the size of
    lists, quotes and code blocks on the way."""

    def __init__(self, name: str, lines: list[str]) -> None:
        self.name = name
        self.lines = lines
        self.blocks: list[_Block] = []
        self.problems: list[Problem] = []
        self.headings: list[int] = []
        """Lines of the headings."""
        self.run: _Run | None = None
        self.fence_lines: dict[str, list[int]] = {}
        """Line numbers (from 1) of the lines that could close each fence."""
        for number, line in enumerate(lines, start=1):
            if line[:1] in "`~" and _FENCE.fullmatch(line.rstrip(" ")):
                self.fence_lines.setdefault(line.rstrip(" "), []).append(number)
        self._run()

    def _run(self) -> None:
        fence = ""
        fence_open = False
        list_indents: list[int] = []
        deepest_reported = False
        previous_blank = True
        in_code = False
        table_rows = 0
        table_columns = 0
        table_start = 0
        block: _Block | None = None
        for number, raw in enumerate(self.lines, start=1):
            if fence_open:
                self._grow("code block", number, raw)
                if raw.rstrip(" ") == fence:
                    fence_open = False
                    self._end_run()
                continue
            opening = _FENCE.match(raw)
            if opening and self._closes_later(opening.group(1), number):
                fence, fence_open = opening.group(1), True
                block = None
                self._end_run()
                self._grow("code block", number, raw)
                continue
            line, quotes = self._unquote(raw)
            if not line.strip():
                previous_blank, block = True, None
                if table_rows:
                    self._check_table(table_start, table_rows, table_columns)
                    table_rows = 0
                continue
            indent = len(line) - len(line.lstrip(" "))
            if previous_blank and indent >= 4 * (len(list_indents) + 1):
                in_code = True
            elif in_code and indent < 4 * (len(list_indents) + 1):
                in_code = False
            if in_code:
                top_level = not list_indents and not quotes and previous_blank
                if top_level and (self.run is None or self.run.kind != "code block"):
                    self._end_run()
                self._grow("code block" if self.run is None else self.run.kind, number, raw)
                previous_blank = False
                continue
            item = _LIST_ITEM.match(line)
            if quotes or (item and not _RULE.match(line)):
                if self.run is None or (previous_blank and self.run.kind == "code block"):
                    self._end_run()
                self._grow("quote" if quotes else "list", number, raw)
            elif self.run is not None and (indent or not previous_blank):
                self._grow(self.run.kind, number, raw)
            else:
                self._end_run()
            if item and not _RULE.match(line):
                while list_indents and list_indents[-1] >= indent:
                    list_indents.pop()
                list_indents.append(indent)
            elif indent == 0 and previous_blank:
                list_indents.clear()
            depth = len(list_indents) + quotes
            if depth > MAX_NESTING and not deepest_reported:
                deepest_reported = True
                self.problems.append(
                    Problem(
                        Location(self.name, number, indent + 1),
                        f"lists and quotes are nested {depth} deep here; the limit is "
                        f"{MAX_NESTING}",
                    )
                )
            if table_rows:
                table_rows += 1
                block = None
            elif (
                "|" in line
                and number < len(self.lines)
                and "|" in self.lines[number]
                and _TABLE_SEPARATOR.match(self._unquote(self.lines[number])[0])
            ):
                table_rows, table_start = 1, number
                table_columns = len(self._cells(self._unquote(self.lines[number])[0]))
                block = None
            heading = _HEADING.match(line) or (
                block is not None and not item and _SETEXT.match(line)
            )
            if heading:
                self.headings.append(number)
            starts_block = block is None or item or _HEADING.match(line) or table_rows
            if starts_block:
                block = _Block(self.name, number, [])
                self.blocks.append(block)
            assert block is not None
            block.lines.append(line)
            if _HEADING.match(line):
                block = None
            previous_blank = False
        if table_rows:
            self._check_table(table_start, table_rows, table_columns)
        self._end_run()

    def _grow(self, kind: str, number: int, raw: str) -> None:
        if self.run is None:
            self.run = _Run(kind, number)
        self.run.chars += len(raw) + 1

    def _end_run(self) -> None:
        run, self.run = self.run, None
        if run is not None and run.chars > MAX_RUN_CHARS:
            self.problems.append(
                Problem(
                    Location(self.name, run.line),
                    f"this {run.kind} is {run.chars:,} characters long; the limit is "
                    f"{MAX_RUN_CHARS:,} (split it, with a paragraph or heading between the parts)",
                )
            )

    def _closes_later(self, fence: str, number: int) -> bool:
        """Python-Markdown takes a fence only when a line of exactly the same fence closes it."""
        later = self.fence_lines.get(fence, [])
        return bisect_right(later, number) < len(later)

    @staticmethod
    def _unquote(line: str) -> tuple[str, int]:
        """The line without its block-quote markers, and how many there were."""
        prefix = _QUOTES.match(line)
        marks = prefix.group() if prefix else ""
        return line[len(marks) :], marks.count(">")

    @staticmethod
    def _cells(separator: str) -> list[str]:
        return [cell for cell in separator.strip().strip("|").split("|")]

    def _check_table(self, start: int, rows: int, columns: int) -> None:
        where = Location(self.name, start, 1)
        if columns > MAX_TABLE_COLUMNS:
            self.problems.append(
                Problem(where, f"table is {columns} columns wide; the limit is {MAX_TABLE_COLUMNS}")
            )
        elif (rows - 1) * columns > MAX_TABLE_CELLS:  # the separator line holds no cells
            self.problems.append(
                Problem(
                    where,
                    f"table has {(rows - 1) * columns:,} cells; the limit is {MAX_TABLE_CELLS:,} "
                    "(split it into several tables)",
                )
            )


def _check_block(block: _Block) -> Iterator[Problem]:
    """The bounds on one paragraph, list item, heading or table row."""
    text = block.text
    if len(text) > MAX_BLOCK_CHARS:
        yield Problem(
            Location(block.file, block.line),
            f"paragraph is {len(text):,} characters long; the limit is {MAX_BLOCK_CHARS:,} "
            "(split it into paragraphs)",
        )
        return
    markup = sum(text.count(mark) for mark in _MARKUP)
    if markup > MAX_MARKUP:
        yield Problem(
            Location(block.file, block.line),
            f"paragraph holds {markup:,} markup characters; the limit is {MAX_MARKUP:,}",
        )
        return
    if not markup:
        return
    yield from _check_runs(block, text)
    prose = _without_code_spans(text)
    yield from _check_brackets(block, prose)
    yield from _check_emphasis(block, prose)


def _check_runs(block: _Block, text: str) -> Iterator[Problem]:
    runs = list(_BACKTICKS.finditer(text))
    closed_later: set[int] = set()
    unclosed = []
    for run in reversed(runs):
        length = len(run.group())
        if length not in closed_later:
            unclosed.append(run)
        closed_later.add(length)
    if len(unclosed) > MAX_OPEN_BACKTICKS:
        yield Problem(
            _at(block, unclosed[-1].start()),
            f"{len(unclosed)} runs of backticks that nothing closes; the limit is "
            f"{MAX_OPEN_BACKTICKS}",
        )
    for run in _DELIMITERS.finditer(text):
        if len(run.group()) > MAX_DELIMITER_RUN:
            line_start = text.rfind("\n", 0, run.start()) + 1
            line_end = text.find("\n", run.end())
            if not _RULE.match(text[line_start : line_end if line_end >= 0 else None]):
                yield Problem(
                    _at(block, run.start()),
                    f"run of {len(run.group()):,} '{run.group()[0]}' marks; the limit is "
                    f"{MAX_DELIMITER_RUN}",
                )
                return


def _without_code_spans(text: str) -> str:
    """The text with inline code blanked out: brackets and marks in code are not markup."""
    runs = list(_BACKTICKS.finditer(text))
    later: dict[int, list[int]] = {}
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(len(runs[index].group()), []).append(index)
    parts = []
    position = 0
    index = 0
    while index < len(runs):
        run = runs[index]
        length = len(run.group())
        candidates = later[length]
        while candidates and candidates[-1] <= index:
            candidates.pop()
        if candidates:
            close = candidates.pop()
            parts.append(text[position : run.start()])
            parts.append(" " * (runs[close].end() - run.start()))
            position = runs[close].end()
            index = close + 1
        else:
            index += 1
    parts.append(text[position:])
    return "".join(parts)


def _check_brackets(block: _Block, text: str) -> Iterator[Problem]:
    depth = deepest = 0
    opened: list[int] = []
    targets: list[int] = []
    unmatched = 0
    for found in _BRACKETS.finditer(text):
        mark = found.group()
        if mark == "[":
            opened.append(found.start())
            depth = len(opened)
            if depth > deepest:
                deepest = depth
                if deepest == MAX_BRACKET_DEPTH + 1:
                    yield Problem(
                        _at(block, found.start()),
                        f"brackets nested more than {MAX_BRACKET_DEPTH} deep",
                    )
        elif mark in ("]", "]("):
            if opened:
                opened.pop()
            if mark == "](":
                targets.append(found.start())
        elif mark == "(":
            targets.append(-1)
        elif targets:
            targets.pop()
    unmatched = len(opened) + sum(1 for t in targets if t >= 0)
    if unmatched > MAX_UNMATCHED_BRACKETS:
        first = min([*opened, *(t for t in targets if t >= 0)])
        yield Problem(
            _at(block, first),
            f"{unmatched} brackets or link targets that are never closed; the limit is "
            f"{MAX_UNMATCHED_BRACKETS}",
        )


def _check_emphasis(block: _Block, text: str) -> Iterator[Problem]:
    depth = 0
    for run in _DELIMITERS.finditer(text):
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        opens = not after.isspace() and (before.isspace() or not before.isalnum())
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if opens and not closes:
            depth += 1
            if depth == MAX_EMPHASIS_DEPTH + 1:
                yield Problem(
                    _at(block, run.start()),
                    f"emphasis nested more than {MAX_EMPHASIS_DEPTH} deep",
                )
                return
        elif closes and not opens and depth:
            depth -= 1
