"""A heading of the printed publication: one line of the contents and one PDF bookmark."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    title: str
    level: int
    """1 for a part or a top-level prose section, deeper for its subsections."""
    anchor: str
    page: int
    """Page index in the publication, counting from 0."""
