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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

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
    end = text.find("\n")
    header_line = text[:end] if end >= 0 else text  # not partition: it copies the rest too
    separator = _separator(header_line)
    source = _Lines(text)
    reader = csv.reader(source, strict=True, delimiter=separator)
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
    header_columns = field_columns(header_line, separator)
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
    fast = _FastRows(order, len(names), separator)
    stances: list[Stance] = []
    starts = array("I")
    position, first = source.position, reader.line_num + 1
    while position < len(text):
        found = text.find("\n", min(position + CHUNK_CHARS, len(text)))
        end = len(text) if found < 0 else found + 1
        chunk = text[position:end]
        made = fast.chunk(chunk)
        if made is not None:
            stances.extend(made)
            starts.extend(range(first, first + len(made)))
            position, first = end, first + chunk.count("\n")
        else:  # row by row, on past the chunk's end while a quoted cell is open
            rest = _Lines(text, position)
            rows = csv.reader(rest, strict=True, delimiter=separator)
            last = first - 1
            try:
                for row in rows:
                    start, last = last + 1, first - 1 + rows.line_num
                    stance = fast.row(row)
                    if stance is None and any(cell.strip() for cell in row):  # not blank
                        stance = _report_row(
                            row,
                            names,
                            start,
                            shown,
                            problems,
                            functools.partial(at, start, names),
                            separator,
                        )
                    if stance is not None:
                        stances.append(stance)
                        starts.append(start)
                    if rest.position >= end:
                        break
            except csv.Error as exc:
                problems.error(Location(shown, first - 1 + rows.line_num), f"CSV syntax: {exc}")
                break
            position, first = rest.position, last + 1
        if progress is not None:
            progress.step(f"Reading {PurePath(shown).name}", position / len(text))
    if len(stances) > MAX_ENTRIES:
        problems.error(
            Location(shown, starts[MAX_ENTRIES]),
            f"more than {MAX_ENTRIES:,} stances; the limit keeps large files workable",
        )
    return StanceRows(stances, lambda n, name: at(starts[n], names, name))


class _FastRows:
    """Valid rows straight to stances, a chunk at a time: one C-level call per column does what
    a Python loop did per cell (reading 200 x 2,000 stances: 1.6-1.9 s before, 0.9-1.2 s
    after). A chunk with any row that is not simply valid comes back None, for the caller to
    read row by row and say where each problem is; the rules of a valid row are therefore
    written twice, by column (:meth:`_made`) and by row (:meth:`_row_reader`), and a property
    test holds the two to the same result."""

    def __init__(self, order: list[int], width: int, separator: str) -> None:
        self.order = order
        self.width = width
        self.separator = separator
        self.shared: dict[str, str] = {}
        """Ids repeat on every row: one string object per distinct id saves a third of the
        memory."""
        self.dates: dict[str, str | None] = {}
        self.row = self._row_reader()

    def chunk(self, text: str) -> list[Stance] | None:
        """The stances of whole lines of CSV text, or None if any line is not a valid row or
        any cell is quoted (quoted cells need the csv module's parser, row by row)."""
        if '"' in text:
            return None
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        if set(map(str.count, lines, itertools.repeat(self.separator))) != {self.width - 1}:
            return None
        cells = self.separator.join(lines).split(self.separator)  # as csv splits quote-free lines
        if max(map(len, cells)) > csv.field_size_limit():
            return None  # for the csv module to refuse, as it would any such cell
        return self._made([cells[k :: self.width] for k in range(self.width)], len(lines))

    def _row_reader(self) -> Callable[[list[str]], Stance | None]:
        """The reading of one row: its stance, or None when the row is not valid. A closure
        over locals, since a roll-call's quoted rows come through it one by one."""
        ia, ii, ip, ic, isu, iev, ipa, ias = self.order
        width, positions, confidences = self.width, _POSITIONS.get, _CONFIDENCES.get
        same, dates, new = self.shared.setdefault, self.dates, tuple.__new__

        def row(cells: list[str]) -> Stance | None:
            if len(cells) != width:
                return None
            position = positions(cells[ip])
            confidence = confidences(cells[ic])
            summary, evidence = cells[isu].strip(), cells[iev].strip()
            actor, issue, passage = cells[ia].strip(), cells[ii].strip(), cells[ipa].strip()
            if ias < 0:
                as_of: str | None = ""
            else:
                cell = cells[ias]
                as_of = dates[cell] if cell in dates else self._dates([cell])[0]
            if (
                position is None
                or confidence is None
                or as_of is None
                or not (summary and evidence and actor and issue and passage)
            ):
                return None
            actor, issue, passage = same(actor, actor), same(issue, issue), same(passage, passage)
            return new(
                Stance, (actor, issue, position, confidence, summary, evidence, passage, as_of)
            )

        return row

    def _made(self, columns: list[list[str]], count: int) -> list[Stance] | None:
        ia, ii, ip, ic, isu, iev, ipa, ias = self.order
        values: list[Sequence[object]] = [
            self._ids(columns[ia]),
            self._ids(columns[ii]),
            list(map(_POSITIONS.get, columns[ip])),
            list(map(_CONFIDENCES.get, columns[ic])),
            list(map(str.strip, columns[isu])),
            list(map(str.strip, columns[iev])),
            self._ids(columns[ipa]),
            self._dates(columns[ias]) if ias >= 0 else [""] * count,
        ]
        if any(None in values[index] for index in (2, 3, 7)) or any(
            "" in values[index] for index in (0, 1, 4, 5, 6)
        ):
            return None
        return list(map(tuple.__new__, itertools.repeat(Stance), zip(*values, strict=True)))

    def _ids(self, cells: list[str]) -> list[object]:
        stripped = list(map(str.strip, cells))
        return list(map(self.shared.setdefault, stripped, stripped))

    def _dates(self, cells: list[str]) -> list[str | None]:
        """Each distinct cell converted once: dates repeat on every row of a roll-call."""
        for cell in set(cells).difference(self.dates):
            self.dates[cell] = _as_of(cell) if cell else ""
        return list(map(self.dates.__getitem__, cells))


class _Lines:
    """The lines of a text from ``position`` on, each with its line break, made one at a time
    (``io.StringIO`` would hold the whole text again, four bytes a character: 370 MB for a
    94 MB roll-call), remembering where the last line given ends: the csv module reads no
    further than the row it returns."""

    def __init__(self, text: str, position: int = 0) -> None:
        self.text = text
        self.position = position

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.text):
            raise StopIteration
        found = self.text.find("\n", self.position)
        end = len(self.text) if found < 0 else found + 1
        line, self.position = self.text[self.position : end], end
        return line


CHUNK_CHARS = 1 << 20
"""Characters of whole lines read at a time, with a progress step (a chance to cancel) after
each: about 20,000 rows of a roll-call."""


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
