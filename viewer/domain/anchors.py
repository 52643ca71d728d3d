"""Finding the anchors that the prose defines, without rendering it.

Validation must know every ``passage`` target, but rendering Markdown is the slowest step of
opening a briefing; a line scan gives the same ids (the tests check it against the renderer) with
the line of each one, for precise errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.domain.problems import Location

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*([^}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARKS = re.compile(r"[*_`]")
_CLOSING_HASHES = re.compile(r"\s+#+$")


@dataclass(frozen=True)
class Anchor:
    id: str
    location: Location
    explicit: bool
    """Set with ``{: #id }`` rather than derived from a heading's text."""


def _heading_text(raw: str) -> tuple[str, str | None]:
    """Split a heading's text from an optional trailing attribute list's id."""
    explicit = None
    match = _ATTR_LIST.search(raw)
    if match:
        ids = _ATTR_ID.findall(match.group(1))
        explicit = ids[0] if ids else None
        raw = raw[: match.start()].rstrip()
    raw = _CLOSING_HASHES.sub("", raw)
    text = _INLINE_MARKS.sub("", _LINK.sub(r"\1", raw)).strip()
    return text, explicit


@dataclass
class ProseScan:
    anchors: list[Anchor]
    detached: list[Location]
    """Attribute lists after a blank line: Markdown shows them as text, so they define nothing."""


def scan(files: list[tuple[str, str]]) -> ProseScan:
    """Anchors of prose ``files`` (shown name, text), in reading order."""
    from markdown.extensions.toc import slugify, unique  # Markdown's own ids, imported late

    detached: list[Location] = []
    anchors: list[Anchor] = []
    used: set[str] = set()
    for shown, text in files:
        lines = text.split("\n")
        in_fence = False
        for number, line in enumerate(lines, start=1):
            if _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            heading = _ATX.match(line)
            level = len(heading.group(1)) if heading else 0
            raw = heading.group(2) if heading else ""
            if not heading and number > 1 and lines[number - 2].strip():
                setext = _SETEXT.match(line)
                previous = lines[number - 2]
                if setext and not _ATX.match(previous) and not previous.startswith(("    ", "\t")):
                    level = 1 if setext.group(1).startswith("=") else 2
                    raw = previous.strip()
                    number -= 1
            if level:
                title, explicit = _heading_text(raw)
                anchor = explicit or unique(slugify(title, "-"), used)
                used.add(anchor)
                anchors.append(Anchor(anchor, Location(shown, number, 1), bool(explicit)))
                continue
            stripped = line.strip()
            attrs = _ATTR_LIST.fullmatch(stripped) if stripped.startswith("{") else None
            if attrs and (number == 1 or not lines[number - 2].strip()):
                detached.append(Location(shown, number, line.index("{") + 1))
            elif attrs:
                for found in _ATTR_ID.finditer(attrs.group(1)):
                    used.add(found.group(1))
                    column = line.index("#" + found.group(1)) + 1
                    anchors.append(Anchor(found.group(1), Location(shown, number, column), True))
    return ProseScan(anchors, detached)
