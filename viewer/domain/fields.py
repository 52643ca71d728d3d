"""Field types of the briefing format: each turns one written value into a checked Python value.

The same converters serve YAML scalars and CSV cells, so a value means the same thing wherever it
is written (CSV rows take a faster path with the same outcome; see ``csvstances``).
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import get_close_matches

from viewer.domain.model import Actor, Briefing, Event, Issue, Relation, Source, Stance, Theme
from viewer.domain.schema import SchemaField, fields_of, is_record

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
_YEAR = re.compile(r"\d{4}\Z")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")


class Invalid(ValueError):
    """The value is of the right shape but not allowed; the message says what is."""


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" suffix for the closest choice, or nothing."""
    options = list(choices)
    same_letters = [option for option in options if option.casefold() == word.casefold()]
    close = same_letters or get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


Converter = Callable[[str, str], object]
"""Takes the written text and its YAML tag (``STR_TAG`` for CSV cells)."""


def text(value: str, tag: str) -> str:
    if tag == NULL_TAG or not value.strip():
        raise Invalid("must not be empty")
    return value.strip()


def identifier(value: str, tag: str) -> str:
    value = text(value, tag)
    if not ID_PATTERN.match(value):
        raise Invalid(f"'{value}' is not a valid id (use lower case letters, digits and hyphens)")
    return value


def language(value: str, tag: str) -> str:
    value = text(value, tag)
    if not _LANGUAGE.match(value):
        raise Invalid(f"'{value}' is not a language tag such as 'en' or 'fr-CA'")
    return value


def whole_number(value: str, tag: str) -> int:
    try:
        return int(text(value, tag))
    except ValueError:
        raise Invalid(f"'{value}' is not a whole number") from None


_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\Z")


def date_hint(value: str) -> str:
    """What a date written day first (as many locales and spreadsheets do) would be."""
    found = _DAY_FIRST.match(value)
    if not found:
        return ""
    first, second, year = (int(part) for part in found.groups())
    readings = [
        f"{year:04d}-{month:02d}-{day:02d}"
        for day, month in ((first, second), (second, first))
        if 1 <= month <= 12 and 1 <= day <= 31
    ]
    if not readings:
        return ""
    return "; did you mean " + " or ".join(f"{r}" for r in dict.fromkeys(readings)) + "?"


def full_date(value: str, tag: str) -> str:
    value = text(value, tag)
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise Invalid(f"'{value}' is not a date in the form YYYY-MM-DD{date_hint(value)}") from None


def partial_date(value: str, tag: str) -> str:
    """A year, a year and month, or a full date: sources often give no more."""
    value = text(value, tag)
    if _YEAR.match(value):
        return value
    month = _YEAR_MONTH.match(value)
    if month and 1 <= int(month.group(2)) <= 12:
        return value
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise Invalid(
            f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD){date_hint(value)}"
        ) from None


SYNONYMS = {
    "against": "oppose",
    "opposed": "oppose",
    "opposes": "oppose",
    "con": "oppose",
    "no": "oppose",
    "for": "support",
    "in-favour": "support",
    "in-favor": "support",
    "supports": "support",
    "pro": "support",
    "yes": "support",
    "undecided": "unclear",
    "unknown": "unclear",
    "abstain": "neutral",
    "ambivalent": "mixed",
    "country": "state",
    "government": "state",
    "nation": "state",
    "organisation": "organization",
    "org": "organization",
    "institution": "organization",
    "alliance": "bloc",
    "coalition": "bloc",
    "group": "bloc",
    "militia": "armed-group",
    "rebels": "armed-group",
    "individual": "person",
    "leader": "person",
    "enemy": "adversary",
    "foe": "adversary",
    "friend": "ally",
    "competitor": "rival",
    "broker": "mediator",
}
"""Words authors write for the format's choices, and the choice each stands for."""


def choice(kind: type[enum.Enum], what: str) -> Converter:
    allowed = {member.value: member for member in kind}

    def convert(value: str, tag: str) -> enum.Enum:
        value = text(value, tag)
        if value not in allowed:
            written = value.casefold().replace(" ", "-").replace("_", "-")
            meant = SYNONYMS.get(written)
            hint = (
                f"; did you mean '{meant}'?"
                if meant in allowed
                else (suggest(written, allowed) if written != value else suggest(value, allowed))
            )
            raise Invalid(f"'{value}' is not a valid {what}{hint} (one of: {', '.join(allowed)})")
        return allowed[value]

    return convert


@dataclass(frozen=True)
class Field:
    name: str
    convert: Converter
    required: bool = True
    many: bool = False
    """A list of values; ``one_or_many`` also accepts a single value."""
    one_or_many: bool = False


_MEANINGS: dict[str, Converter] = {
    "text": text,
    "id": identifier,
    "partial date": partial_date,
    "full date": full_date,
    "language": language,
    "anchor": text,
    "reference": text,
}


def _converter(field: SchemaField) -> Converter:
    base = field.base
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return choice(base, re.sub(r"(?<!^)(?=[A-Z])", " ", base.__name__).lower())
    return _MEANINGS[field.semantic]


def is_collection(field: SchemaField) -> bool:
    """A list of entries of their own (themes, actors…), inline or in a file of its own."""
    return field.many and not field.one_or_many and is_record(field.base)


def spec_for(kind: type) -> dict[str, Field]:
    """The keys of an entry of ``kind`` as written, derived from the data class (collections of
    entries are read by the loader itself: here they are only known keys)."""
    found = {}
    for field in fields_of(kind):
        if not field.written:
            continue
        convert = text if is_collection(field) else _converter(field)
        found[field.key] = Field(
            field.key,
            convert,
            required=field.required,
            many=field.many and not field.one_or_many and not is_collection(field),
            one_or_many=field.one_or_many,
        )
    return found


SOURCE = spec_for(Source)
THEME = spec_for(Theme)
ACTOR = spec_for(Actor)
ISSUE = spec_for(Issue)
STANCE = spec_for(Stance)
RELATION = spec_for(Relation)
EVENT = spec_for(Event)
BRIEFING = {"format": Field("format", whole_number), **spec_for(Briefing)}
"""Top-level keys: the format version, then the briefing's own fields."""

COLLECTIONS = tuple(f.key for f in fields_of(Briefing) if f.written and is_collection(f))
