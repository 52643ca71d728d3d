"""The printed matrix's column groups painted page by page, not laid out as rich-text tables.

Qt's text layout of a table grows faster than its cells (a 200 × 400 matrix took 17 s; a
roll-call's thousands of pages, minutes, and one laid-out document stops short past some 700
pages). Painting is linear and has no such limit: each page is a group's slice of rows under the
group's header rows, and every row and column is accounted for before a page is painted.

The object stands in for a :class:`PrintDocument` in a part: it answers ``pageCount`` and paints a
page from ``drawContents`` when the writer asks for the rectangle of that page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from viewer.domain.model import Briefing, Confidence, Issue
from viewer.presentation.history import move_mark
from viewer.presentation.positions import LOOKS, glyph
from viewer.presentation.styles import UI_FAMILY
from viewer.print.matrix import (
    CELL_MM,
    NAME_MM,
    column_groups,
    issue_labels,
    theme_head,
    theme_labels,
)
from viewer.print.pages import MM_PER_INCH

CELL_POINTS = 7.0
TITLE_POINTS = 8.5
GRID = QColor("#b8b8b8")
WRAP = Qt.TextFlag.TextWordWrap
HEAD = QColor("#eeeeee")


class IncompleteMatrix(RuntimeError):
    """The pages would not hold every actor on every issue (a bug, never a silent cut)."""


@dataclass(frozen=True)
class Slice:
    """Some rows of one column group, under the group's title and header rows."""

    group: int
    first_row: int
    """The first actor shown (an index into the briefing's actors)."""
    rows: int
    top: float
    """Where on its page it starts."""


class PaintedMatrix:
    """Every column group of the matrix, its rows cut into pages of ``body`` size."""

    def __init__(
        self, briefing: Briefing, device: QPagedPaintDevice, body: QSizeF, start: float = 0.0
    ) -> None:
        """``start``: how far down its first page the text before it ends; the groups begin
        below it when one fits there (:attr:`shares_first_page`)."""
        self.briefing = briefing
        self.body = body
        self.dpi = device.logicalDpiX()
        self.unit = self.dpi / MM_PER_INCH
        self.font = QFont(UI_FAMILY)
        self.font.setPointSizeF(CELL_POINTS)
        self.title_font = QFont(UI_FAMILY)
        self.title_font.setPointSizeF(TITLE_POINTS)
        self.title_font.setBold(True)
        metrics = QFontMetricsF(self.font, device)
        self.row = metrics.height() * 1.45
        self.title = QFontMetricsF(self.title_font, device).height() * 1.6
        self.name_width = NAME_MM * self.unit
        self.cell = CELL_MM * self.unit
        max_columns = max(1, int((body.width() - self.name_width) // self.cell))
        self.groups: list[list[Issue]] = column_groups(briefing, max_columns)
        self.labels = issue_labels(briefing)
        italic, bold = QFont(self.font), QFont(self.font)
        italic.setItalic(True)
        bold.setWeight(QFont.Weight.DemiBold)
        self.looks = {
            (position, confidence): (
                QColor(look.background),
                QColor(look.foreground),
                italic if confidence is Confidence.LOW else bold,
                glyph(position, confidence),
            )
            for position, look in LOOKS.items()
            for confidence in Confidence
        }
        """Colours, face and glyph of every position and confidence, made once."""
        self.theme_numbers = theme_labels(briefing)
        title_metrics = QFontMetricsF(self.title_font, device)
        self.titles = [self._title(group) for group in self.groups]
        self.title_heights = [
            title_metrics.boundingRect(
                QRectF(0, 0, body.width(), body.height()), WRAP, f"{title} (continued)"
            ).height()
            + self.title
            - title_metrics.height()
            for title in self.titles
        ]
        """A group's title is every theme it holds, wrapped over as many lines as it takes."""
        self.pages = self._pack(len(briefing.actors), start)
        self.shares_first_page = bool(start) and bool(self.pages) and bool(self.pages[0])
        if start and self.pages and not self.pages[0]:
            del self.pages[0]  # nothing fitted below the text: start on a page of its own
        self._check()

    def _pack(self, actors: int, start: float) -> list[list[Slice]]:
        """Groups one after another down the pages, as many on a page as fit; a group that
        does not fit whole goes on over the next pages, its header repeated."""
        gap = self.row
        least = min(actors, 3)
        pages: list[list[Slice]] = [[]]
        used = start
        for group in range(len(self.groups)):
            head = self.title_heights[group] + 2 * self.row
            first = 0
            while first < actors:
                if used and used + gap + head + least * self.row > self.body.height():
                    pages.append([])
                    used = 0.0
                top = used + gap if used else 0.0
                room = max(1, int((self.body.height() - top - head) // self.row))
                rows = min(room, actors - first)
                pages[-1].append(Slice(group, first, rows, top))
                used = top + head + rows * self.row
                first += rows
        self.end = used
        return pages if any(pages) else []

    def _check(self) -> None:
        """Every issue in one group, every actor once in each group: what was asked is printed."""
        issues = [issue.id for group in self.groups for issue in group]
        if sorted(issues) != sorted(issue.id for issue in self.briefing.issues):
            raise IncompleteMatrix("the matrix's column groups leave out some issues")
        for number in range(len(self.groups)):
            rows = sum(part.rows for page in self.pages for part in page if part.group == number)
            if rows != len(self.briefing.actors):
                raise IncompleteMatrix(f"column group {number + 1} holds {rows} actors")

    # -- what the writer asks of a part's document -------------------------------------------

    def pageCount(self) -> int:
        return len(self.pages)

    def ends_at(self) -> float:
        """How far down its last page the painting ends."""
        return self.end

    def drawContents(self, painter: QPainter, clip: QRectF) -> None:
        """Paint the page whose rectangle ``clip`` is (pages are stacked, as in a document)."""
        number = round(clip.top() / self.body.height())
        if 0 <= number < len(self.pages):
            painter.save()
            painter.translate(0, number * self.body.height())
            for part in self.pages[number]:
                painter.save()
                painter.translate(0, part.top)
                self._paint(painter, part)
                painter.restore()
            painter.restore()

    # -- one page ----------------------------------------------------------------------------

    def _spans(self, issues: list[Issue]) -> list[tuple[str, int]]:
        """Each theme of a group with how many columns it spans."""
        themes: list[tuple[str, int]] = []
        for issue in issues:
            if themes and themes[-1][0] == issue.theme:
                themes[-1] = (issue.theme, themes[-1][1] + 1)
            else:
                themes.append((issue.theme, 1))
        return themes

    def _theme_title(self, theme: str) -> str:
        by_id = self.briefing.theme_by_id
        return by_id[theme].title if theme in by_id else theme

    def _title(self, issues: list[Issue]) -> str:
        return " · ".join(
            f"{self.theme_numbers.get(theme, '')} {self._theme_title(theme)}"
            for theme, _ in self._spans(issues)
        )

    def _paint(self, painter: QPainter, page: Slice) -> None:
        issues = self.groups[page.group]
        themes = self._spans(issues)
        middle, centre = Qt.AlignmentFlag.AlignVCenter, Qt.AlignmentFlag.AlignCenter
        elide = Qt.TextElideMode.ElideRight
        black = QColor("#000000")
        right = self.name_width + self.cell * len(issues)
        # the group's title, "(continued)" on its later pages
        title_height = self.title_heights[page.group]
        title = self.titles[page.group] + (" (continued)" if page.first_row else "")
        painter.setPen(black)
        painter.setFont(self.title_font)
        painter.drawText(QRectF(0, 0, self.body.width(), title_height), middle | WRAP, title)
        # header rows: the themes over their columns, then the issue numbers
        top = title_height
        painter.setFont(self.font)
        painter.fillRect(QRectF(0, top, right, 2 * self.row), HEAD)
        painter.drawText(QRectF(self.unit, top, self.name_width, 2 * self.row), middle, "Actor")
        x = self.name_width
        for theme, span in themes:
            head = theme_head(self.theme_numbers.get(theme, ""), self._theme_title(theme), span)
            painter.drawText(QRectF(x, top, span * self.cell, self.row), centre, head)
            x += span * self.cell
        for column, issue in enumerate(issues):
            box = QRectF(self.name_width + column * self.cell, top + self.row, self.cell, self.row)
            painter.drawText(box, centre, self.labels[issue.id])
        top += 2 * self.row
        # the rows: a name, then each position on its colour
        index = self.briefing.stance_index
        series = self.briefing.series_index
        actors = self.briefing.actors[page.first_row : page.first_row + page.rows]
        names = QFontMetricsF(self.font, painter.device())
        for number, actor in enumerate(actors):
            y = top + number * self.row
            painter.setFont(self.font)
            painter.setPen(black)
            box = QRectF(self.unit, y, self.name_width - 2 * self.unit, self.row)
            painter.drawText(box, middle, names.elidedText(actor.name, elide, box.width()))
            font = self.font
            for column, issue in enumerate(issues):
                stance = index.get((actor.id, issue.id))
                if stance is None:
                    continue
                background, ink, face, text = self.looks[stance.position, stance.confidence]
                if series and (actor.id, issue.id) in series:
                    text += move_mark(self.briefing, stance)
                cell = QRectF(self.name_width + column * self.cell, y, self.cell, self.row)
                painter.fillRect(cell, background)
                painter.setPen(ink)
                if face is not font:
                    painter.setFont(face)
                    font = face
                painter.drawText(cell, centre, text)
        # the grid
        bottom = top + len(actors) * self.row
        painter.setPen(QPen(GRID, self.unit * 0.12))
        for line in range(len(actors) + 3):
            y = title_height + line * self.row if line < 2 else top + (line - 2) * self.row
            start = self.name_width if line == 1 else 0.0  # "Actor" spans both header rows
            painter.drawLine(QLineF(start, y, right, y))
        painter.drawLine(QLineF(0.0, title_height, 0.0, bottom))
        for column in range(len(issues) + 1):
            x = self.name_width + column * self.cell
            painter.drawLine(QLineF(x, title_height + (self.row if column else 0), x, bottom))
