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

from viewer.domain.model import ActorKind, Confidence, Position, RelationKind

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


def full_date(value: str, tag: str) -> str:
    value = text(value, tag)
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise Invalid(f"'{value}' is not a date in the form YYYY-MM-DD") from None


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
        raise Invalid(f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def choice(kind: type[enum.Enum], what: str) -> Converter:
    allowed = {member.value: member for member in kind}

    def convert(value: str, tag: str) -> enum.Enum:
        value = text(value, tag)
        if value not in allowed:
            raise Invalid(f"'{value}' is not a valid {what}; expected one of: {', '.join(allowed)}")
        return allowed[value]

    return convert


position = choice(Position, "position")
confidence = choice(Confidence, "confidence")
actor_kind = choice(ActorKind, "actor kind")
relation_kind = choice(RelationKind, "relation kind")


@dataclass(frozen=True)
class Field:
    name: str
    convert: Converter
    required: bool = True
    many: bool = False
    """A list of values; ``one_or_many`` also accepts a single value."""
    one_or_many: bool = False


def spec(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


SOURCE = spec(
    Field("title", text),
    Field("author", text, required=False),
    Field("publisher", text, required=False),
    Field("date", partial_date, required=False),
    Field("url", text, required=False),
)
THEME = spec(
    Field("id", identifier),
    Field("title", text),
    Field("summary", text),
    Field("passage", text, required=False),
)
ACTOR = spec(
    Field("id", identifier),
    Field("name", text),
    Field("kind", actor_kind),
    Field("summary", text),
    Field("passage", text, required=False),
    Field("aliases", text, required=False, many=True),
)
ISSUE = spec(
    Field("id", identifier),
    Field("title", text),
    Field("question", text),
    Field("theme", identifier),
    Field("passage", text, required=False),
)
STANCE = spec(
    Field("actor", identifier),
    Field("issue", identifier),
    Field("position", position),
    Field("confidence", confidence),
    Field("summary", text),
    Field("evidence", text),
    Field("passage", text),
    Field("as_of", partial_date, required=False),
)
RELATION = spec(
    Field("between", identifier, many=True),
    Field("kind", relation_kind),
    Field("summary", text),
    Field("passage", text, required=False),
)
EVENT = spec(
    Field("date", partial_date),
    Field("event", text),
    Field("actors", identifier, required=False, many=True),
    Field("issues", identifier, required=False, many=True),
    Field("passage", text, required=False),
)
BRIEFING = spec(
    Field("format", whole_number),
    Field("id", identifier),
    Field("title", text),
    Field("subtitle", text, required=False),
    Field("authors", text, many=True),
    Field("date", full_date),
    Field("language", language),
    Field("summary", text),
    Field("sources", text, required=False),
    Field("text", text, one_or_many=True),
    Field("themes", text, required=False),
    Field("actors", text, required=False),
    Field("issues", text, required=False),
    Field("stances", text, required=False),
    Field("relations", text, required=False),
    Field("timeline", text, required=False),
)
"""Top-level keys; the collections among them are read by the loader, not converted here."""

COLLECTIONS = ("sources", "themes", "actors", "issues", "stances", "relations", "timeline")
