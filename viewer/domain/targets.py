"""Places in a briefing: an actor, theme, issue, stance or passage, and the links that lead there.

Every page writes its links with :func:`link`, and the navigator reads them back with
:func:`parse`, so a link's form is defined once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Links the reader's browser may open, after a click; every other unknown scheme is inert."""


class Kind(enum.Enum):
    ACTOR = "actor"
    THEME = "theme"
    ISSUE = "issue"
    STANCE = "stance"
    PASSAGE = "passage"


@dataclass(frozen=True)
class Target:
    kind: Kind
    key: str
    """The id; ``actor/issue`` for a stance (see :meth:`stance`)."""

    @classmethod
    def stance(cls, actor_id: str, issue_id: str) -> Target:
        return cls(Kind.STANCE, f"{actor_id}/{issue_id}")

    @property
    def pair(self) -> tuple[str, str]:
        """A stance's actor and issue ids."""
        actor, _, issue = self.key.partition("/")
        return actor, issue

    def url(self) -> str:
        return f"{self.kind.value}:{self.key}"


def link(kind: Kind, key: str) -> str:
    return Target(kind, key).url()


_KINDS = {kind.value: kind for kind in Kind}


def parse(text: str) -> Target | None:
    """The target of a link in a page, or of an in-document link (``#anchor``) in the prose."""
    if text.startswith("#"):
        return Target(Kind.PASSAGE, text[1:]) if len(text) > 1 else None
    scheme, _, key = text.partition(":")
    kind = _KINDS.get(scheme)
    return Target(kind, key) if kind is not None and key else None
