"""Stances kept in a CSV file, so a large matrix can live in a spreadsheet.

Each row becomes a :class:`Record`, exactly as a YAML stance would, so the loader checks both the
same way. Columns are located only when a row has a problem: working them out for every cell would
slow down large files for nothing.
"""

from __future__ import annotations

import csv

from viewer.domain.fields import STANCE, STR_TAG, Invalid, suggest
from viewer.domain.limits import MAX_ENTRIES
from viewer.domain.problems import Location, ProblemList
from viewer.domain.records import Record, field_columns


def read_stances(text: str, shown: str, problems: ProblemList) -> list[Record]:
    lines = text.split("\n")
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.error(Location(shown), "CSV file is empty; expected a header row")
        return []
    except csv.Error as exc:
        problems.error(Location(shown), f"CSV syntax: {exc}")
        return []
    header_columns = field_columns(lines[0])
    names = [name.strip() for name in header]
    usable = True
    for index, name in enumerate(names):
        if name not in STANCE:
            column = header_columns[min(index, len(header_columns) - 1)]
            problems.error(
                Location(shown, 1, column), f"unknown CSV column '{name}'{suggest(name, STANCE)}"
            )
            usable = False
    for name, wanted in STANCE.items():
        if wanted.required and name not in names:
            problems.error(Location(shown, 1, 1), f"CSV header lacks the column '{name}'")
            usable = False
    if not usable:
        return []
    fields = [STANCE[name] for name in names]
    order = tuple(names)
    records: list[Record] = []
    previous_end = reader.line_num
    try:
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not row or row == [""]:
                continue
            if len(records) >= MAX_ENTRIES:
                problems.error(
                    Location(shown, start),
                    f"more than {MAX_ENTRIES:,} stances; the limit keeps large files workable",
                )
                break
            record = Record("stance", Location(shown, start, 1))
            record.csv_line, record.csv_names = lines[start - 1], order
            records.append(record)
            if len(row) != len(fields):
                problems.error(
                    record.location,
                    f"row has {len(row)} fields, the header names {len(fields)}",
                )
                record.complete = False
                continue
            for wanted, cell in zip(fields, row, strict=True):
                if not cell and not wanted.required:
                    continue
                try:
                    record.values[wanted.name] = wanted.convert(cell, STR_TAG)
                except Invalid as exc:
                    problems.error(record.at(wanted.name), f"stance.{wanted.name}: {exc}")
                    record.complete = False
    except csv.Error as exc:
        problems.error(Location(shown, reader.line_num), f"CSV syntax: {exc}")
    return records
