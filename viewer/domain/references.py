"""Checking that references name something the briefing defines, and saying what was meant.

One unknown name is one mistake however often it is used: it is reported once, at its first
use, with the other places listed, rather than as an error per use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from viewer.domain.fields import suggest
from viewer.domain.problems import Location, ProblemList

SHOWN_USES = 5
"""Other places listed in full; beyond them, only their number."""


def plain(text: str) -> str:
    """Lower case, punctuation and spaces as single hyphens: a title and the id an author
    makes of it by following the id rules come out the same."""
    return re.sub(r"[\W_]+", "-", text.casefold()).strip("-")


@dataclass
class Known:
    """The ids of one kind of entry, with the titles (or names) written for them."""

    what: str
    ids: set[str]
    titles: dict[str, str] = field(default_factory=dict)
    """The :func:`plain` form of each title or name, and the id it belongs to."""

    @classmethod
    def of(cls, what: str, ids: set[str], titled: Iterable[tuple[str, Iterable[str]]]) -> Known:
        """``titled``: each entry's id with its titles or names."""
        titles: dict[str, str] = {}
        for ident, names in titled:
            for name in names:
                titles.setdefault(plain(name), ident)
        return cls(what, ids, titles)

    def hint(self, ref: str) -> str:
        owner = self.titles.get(plain(ref))
        if owner is not None and owner != ref:
            called = "name" if self.what == "actor" else "title"
            return f"; that is the {called} of {self.what} '{owner}'"
        return suggest(ref, self.ids)


@dataclass
class Unknown:
    """Unknown references gathered over the whole briefing, reported one per name."""

    uses: dict[tuple[str, str], tuple[Known, list[tuple[Location, str]]]] = field(
        default_factory=dict
    )

    def check(self, known: Known, ref: str, location: Location, key: str) -> None:
        """Note ``ref`` (written under ``key`` at ``location``) unless ``known`` defines it."""
        if ref not in known.ids:
            self.uses.setdefault((known.what, ref), (known, []))[1].append((location, key))

    def report(self, problems: ProblemList) -> None:
        for (what, ref), (known, uses) in self.uses.items():
            uses.sort()
            first, key = uses[0]
            column = f" (column '{key}')" if first.file.lower().endswith(".csv") else ""
            hint = known.hint(ref)
            if what == "passage":
                message = f"passage '{ref}' is not an anchor in the prose{column}"
            else:
                message = f"unknown {what} '{ref}'{column}"
            others = [str(location) for location, _ in uses[1:]]
            if others:
                listed = ", ".join(others[:SHOWN_USES])
                more = len(others) - SHOWN_USES
                message += f", used {len(uses)} times (also at {listed}" + (
                    f" and {more} more)" if more > 0 else ")"
                )
            if what == "passage" and not hint:
                hint = (
                    f"; to define it, write {{: #{ref} }} on the line after its paragraph"
                    " (or use a heading's id)"
                )
            message += hint
            problems.error(first, message)
