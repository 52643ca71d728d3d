"""What the user chose to print: page size, parts, the matrix's orientation and their notes.

Shared by the command line, the export dialog and the print dialog, so all three accept the same
choices and spell them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QPageSize

from viewer.domain.notes import Note

PARTS: dict[str, str] = {
    "cover": "Cover",
    "contents": "Contents",
    "text": "Briefing",
    "matrix": "Issue matrix",
    "actors": "Actors",
    "relations": "Relations",
    "stances": "Stance appendix",
    "timeline": "Timeline",
    "sources": "Sources",
    "notes": "Reader’s notes",
}
"""Every part a publication may hold, in print order, with the title its pages carry."""
DEFAULT_PARTS = tuple(name for name in PARTS if name != "notes")
"""What is printed unless the reader asks otherwise: their own notes only when asked."""

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}


@dataclass(frozen=True)
class PrintOptions:
    page_size: str = "A4"
    parts: tuple[str, ...] = DEFAULT_PARTS
    matrix_landscape: bool = False
    notes: tuple[Note, ...] = ()
    """The reader's notes, for the notes part."""

    def __post_init__(self) -> None:
        unknown = [part for part in self.parts if part not in PARTS]
        if unknown or self.page_size not in PAGE_SIZES:
            raise ValueError(f"unknown page size or parts: {self.page_size}, {unknown}")
        # Print order is fixed whatever order the parts were named in.
        object.__setattr__(self, "parts", tuple(p for p in PARTS if p in self.parts))

    @property
    def page_size_id(self) -> QPageSize.PageSizeId:
        return PAGE_SIZES[self.page_size]
