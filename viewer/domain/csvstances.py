"""Stances kept in a CSV file, so a large matrix can live in a spreadsheet.

A large briefing holds hundreds of thousands of rows, so a valid row goes straight to a
:class:`Stance`; only a row with a problem takes the slower path that reports each bad cell. Rows
remember their line, and columns are worked out only when a problem needs one.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from viewer.domain.fields import STANCE, STR_TAG, Invalid, suggest
from viewer.domain.limits import MAX_ENTRIES
from viewer.domain.model import Confidence, Position, Stance
from viewer.domain.problems import Location, ProblemList
from viewer.domain.progress import Progress
from viewer.domain.records import Record

_POSITIONS = {p.value: p for p in Position}
_CONFIDENCES = {c.value: c for c in Confidence}


def field_columns(line: str, separator: str = ",") -> list[int]:
    """1-based start column of each field on a physical CSV line (quotes respected)."""
    columns = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            columns.append(index + 2)
    return columns


@dataclass
class StanceRows:
    """Stances as read, with a way to locate any field of the n-th one for error messages."""

    stances: list[Stance]
    locate: Callable[[int, str], Location]


def from_records(records: list[Record]) -> StanceRows:
    """Stances from YAML; incomplete ones are kept (bad fields empty) so their references are
    checked too, while the errors already reported keep the briefing from opening."""
    stances = [Stance._make(r.values.get(name, "") for name in STANCE) for r in records]
    return StanceRows(stances, lambda n, name: records[n].at(name))


def column_name(written: str) -> str:
    """A header cell as the column it names: spreadsheets and people write "Actor" or "As of"
    for ``actor`` and ``as_of``."""
    return "_".join(written.strip().lower().split())


def joined(parts: list[StanceRows]) -> StanceRows:
    """The stances of several files, one after another, each still located in its own file."""
    if len(parts) == 1:
        return parts[0]
    starts = list(itertools.accumulate((len(part.stances) for part in parts), initial=0))

    def locate(n: int, name: str) -> Location:
        part = bisect.bisect_right(starts, n) - 1
        return parts[part].locate(n - starts[part], name)

    return StanceRows([stance for part in parts for stance in part.stances], locate)


def read_stances(
    text: str, shown: str, problems: ProblemList, progress: Progress | None = None
) -> StanceRows:
    """Stances from CSV text whose columns are separated by commas, or by the semicolons or
    tabs that spreadsheets write in many locales (told apart by the header row).

    ``progress`` hears how far the reading has got after each block of rows, and can stop it.
    """
    separator = _separator(text.partition("\n")[0])
    reader = csv.reader(_lines(text), strict=True, delimiter=separator)
    lines: list[str] = []

    def line(number: int) -> str:
        if not lines:
            lines.extend(text.split("\n"))
        return lines[number - 1] if number <= len(lines) else ""

    def at(number: int, names: tuple[str, ...], name: str) -> Location:
        columns = field_columns(line(number), separator)
        index = names.index(name) if name in names else 0
        return Location(shown, number, columns[index] if index < len(columns) else 1)

    empty = StanceRows([], lambda n, name: Location(shown))
    try:
        header = next(reader)
    except StopIteration:
        problems.error(Location(shown), "CSV file is empty; expected a header row")
        return empty
    except csv.Error as exc:
        problems.error(Location(shown), f"CSV syntax: {exc}")
        return empty
    names = tuple(map(column_name, header))
    usable = True
    header_columns = field_columns(text.partition("\n")[0], separator)
    for index, name in enumerate(names):
        if name and name in names[:index]:
            where = Location(shown, 1, header_columns[min(index, len(header_columns) - 1)])
            problems.error(where, f"CSV column '{name}' is given twice")
            usable = False
        elif name and name not in STANCE:  # an empty one: a spreadsheet's unused column
            problems.error(
                at(1, names, name), f"unknown CSV column '{name}'{suggest(name, STANCE)}"
            )
            usable = False
    for name, wanted in STANCE.items():
        if wanted.required and name not in names:
            problems.error(Location(shown, 1, 1), f"CSV header lacks the column '{name}'")
            usable = False
    if not usable:
        return empty

    order = [names.index(name) if name in names else -1 for name in STANCE]
    ia, ii, ip, ic, isu, iev, ipa, ias = order
    width = len(names)
    stances: list[Stance] = []
    starts = array("I")
    append, mark = stances.append, starts.append
    shared: dict[str, str] = {}
    same = shared.setdefault
    """Ids repeat on every row: one string object per distinct id saves a third of the memory."""
    positions, confidences, new = _POSITIONS.get, _CONFIDENCES.get, tuple.__new__
    previous_end = reader.line_num
    try:
        for row in _in_blocks(reader, progress, shown, text.count("\n")):
            start, previous_end = previous_end + 1, reader.line_num
            if len(row) == width:
                position = positions(row[ip])
                confidence = confidences(row[ic])
                summary, evidence = row[isu].strip(), row[iev].strip()
                actor, issue, passage = row[ia].strip(), row[ii].strip(), row[ipa].strip()
                as_of = _as_of(row[ias]) if ias >= 0 and row[ias] else ""
                if (
                    position is not None
                    and confidence is not None
                    and summary
                    and evidence
                    and actor
                    and issue
                    and passage
                    and as_of is not None
                ):
                    fields = (
                        same(actor, actor),
                        same(issue, issue),
                        position,
                        confidence,
                        summary,
                        evidence,
                        same(passage, passage),
                        as_of,
                    )
                    append(new(Stance, fields))
                    mark(start)
                    continue
            if not any(cell.strip() for cell in row):
                continue  # a blank row, as spreadsheets leave below the data
            kept = _report_row(
                row, names, start, shown, problems, functools.partial(at, start, names), separator
            )
            if kept is not None:
                append(kept)
                mark(start)
        if len(stances) > MAX_ENTRIES:
            problems.error(
                Location(shown, starts[MAX_ENTRIES]),
                f"more than {MAX_ENTRIES:,} stances; the limit keeps large files workable",
            )
    except csv.Error as exc:
        problems.error(Location(shown, reader.line_num), f"CSV syntax: {exc}")
    return StanceRows(stances, lambda n, name: at(starts[n], names, name))


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its line break, made one at a time: ``io.StringIO``
    would hold the whole text again, four bytes a character (370 MB for a 94 MB roll-call)."""
    start, find = 0, text.find
    while (end := find("\n", start)) >= 0:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


BLOCK_ROWS = 20_000
"""Rows read between two progress steps (each a chance to cancel)."""


class _Rows(Protocol):
    """A ``csv.reader``: rows, and the line the last row ended on."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _in_blocks(
    reader: _Rows, progress: Progress | None, shown: str, lines: int
) -> Iterator[list[str]]:
    """The reader's rows, with a step of ``progress`` after each block of them."""
    if progress is None:
        yield from reader
        return
    name = PurePath(shown).name
    for first in reader:
        yield first
        yield from itertools.islice(reader, BLOCK_ROWS - 1)
        progress.step(f"Reading {name}", min(reader.line_num / max(lines, 1), 1.0))


_SEPARATORS = (",", ";", "\t")


def _separator(header: str) -> str:
    """The separator that splits the header row into the most stance columns."""
    return max(
        _SEPARATORS,
        key=lambda separator: len(
            {column_name(cell.strip('"')) for cell in header.split(separator)} & set(STANCE)
        ),
    )


def _as_of(value: str) -> str | None:
    """The date as the YAML path would store it, or None when it is not a date."""
    try:
        return str(STANCE["as_of"].convert(value, STR_TAG))
    except Invalid:
        return None


def _report_row(
    row: list[str],
    names: tuple[str, ...],
    start: int,
    shown: str,
    problems: ProblemList,
    locate: Callable[[str], Location],
    separator: str = ",",
) -> Stance | None:
    """Say what is wrong with a row that the fast path refused.

    The row still comes back, with its bad cells emptied, so that its references are checked
    too and the reader learns of every problem at once.
    """
    if len(row) != len(names):
        shown_separator = {"\t": "tab"}.get(separator, f"'{separator}'")
        hint = (
            f"; a value holding a {shown_separator} must be written in double quotes"
            if len(row) > len(names)
            else "; is a value missing, or a separator?"
        )
        problems.error(
            Location(shown, start, 1),
            f"row has {len(row)} fields, the header names {len(names)}{hint}",
        )
        return None
    values: dict[str, object] = {}
    for name, cell in zip(names, row, strict=True):
        if not name:
            continue
        wanted = STANCE[name]
        if not cell and not wanted.required:
            continue
        try:
            values[name] = wanted.convert(cell, STR_TAG)
        except Invalid as exc:
            problems.error(locate(name), f"stance.{name}: {exc}")
    return Stance._make(values.get(name, "") for name in STANCE)
