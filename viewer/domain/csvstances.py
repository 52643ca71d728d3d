"""Stances kept in a CSV file, so a large matrix can live in a spreadsheet.

A large briefing holds hundreds of thousands of rows, so a valid row goes straight to a
:class:`Stance`; only a row with a problem takes the slower path that reports each bad cell. Rows
remember their line, and columns are worked out only when a problem needs one.
"""

from __future__ import annotations

import csv
import functools
import io
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from viewer.domain.fields import STANCE, STR_TAG, Invalid, suggest
from viewer.domain.limits import MAX_ENTRIES
from viewer.domain.model import Confidence, Position, Stance
from viewer.domain.problems import Location, ProblemList
from viewer.domain.records import Record

_POSITIONS = {p.value: p for p in Position}
_CONFIDENCES = {c.value: c for c in Confidence}


def field_columns(line: str) -> list[int]:
    """1-based start column of each field on a physical CSV line (quotes respected)."""
    columns = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
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


def read_stances(text: str, shown: str, problems: ProblemList) -> StanceRows:
    reader = csv.reader(io.StringIO(text), strict=True)
    lines: list[str] = []

    def line(number: int) -> str:
        if not lines:
            lines.extend(text.split("\n"))
        return lines[number - 1] if number <= len(lines) else ""

    def at(number: int, names: tuple[str, ...], name: str) -> Location:
        columns = field_columns(line(number))
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
    names = tuple(name.strip() for name in header)
    other = _other_separator(text.partition("\n")[0]) if len(names) == 1 else None
    if other is not None:
        problems.error(
            Location(shown, 1, 1),
            f"the columns are separated by {other}; stances CSV files use commas (in a "
            'spreadsheet, save as "CSV UTF-8 (comma delimited)")',
        )
        return empty
    usable = True
    header_columns = field_columns(text.partition("\n")[0])
    for index, name in enumerate(names):
        if name in names[:index]:
            where = Location(shown, 1, header_columns[min(index, len(header_columns) - 1)])
            problems.error(where, f"CSV column '{name}' is given twice")
            usable = False
        elif name not in STANCE:
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
        for row in reader:
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
            if not row or row == [""]:
                continue
            kept = _report_row(
                row, names, start, shown, problems, functools.partial(at, start, names)
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


_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _other_separator(line: str) -> str | None:
    """The name of the separator a header uses instead of commas, if splitting the header by it
    gives the stance columns (as spreadsheets in many locales write them)."""
    for separator, name in _SEPARATORS.items():
        columns = {cell.strip().strip('"') for cell in line.split(separator)}
        if len(columns & set(STANCE)) >= 2:
            return name
    return None


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
) -> Stance | None:
    """Say what is wrong with a row that the fast path refused.

    The row still comes back, with its bad cells emptied, so that its references are checked
    too and the reader learns of every problem at once.
    """
    if len(row) != len(names):
        problems.error(
            Location(shown, start, 1), f"row has {len(row)} fields, the header names {len(names)}"
        )
        return None
    values: dict[str, object] = {}
    for name, cell in zip(names, row, strict=True):
        wanted = STANCE[name]
        if not cell and not wanted.required:
            continue
        try:
            values[name] = wanted.convert(cell, STR_TAG)
        except Invalid as exc:
            problems.error(locate(name), f"stance.{name}: {exc}")
    return Stance._make(values.get(name, "") for name in STANCE)
