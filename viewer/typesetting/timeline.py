"""The timeline painted for the page: lanes by actor, each event a bar over all its date could
mean (a year, a month) or a diamond on a known day, with its words where they fit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from viewer.domain.model import Briefing
from viewer.presentation.timeline import (
    Lane,
    LaneKind,
    Placed,
    event_words,
    extent,
    lanes,
    place_lane,
    shown_events,
    ticks,
)

SCREEN_LINE = 16.0
"""A line of text on screen, in pixels: the axis's spacing rules are set in those units."""
ROW = 1.5
LANE_GAP = 0.4
AXIS = 1.4
"""In lines of the names' text."""


@dataclass(frozen=True)
class Drawn:
    """The timeline laid out for one width."""

    lanes: list[tuple[Lane, float, list[Placed]]]
    """Each lane, its top (from the figure's top) and its marks."""
    names: float
    """Width of the lane names' column."""
    start: float
    end: float
    per_year: float
    height: float


def lay_out(briefing: Briefing, width: float, metrics: QFontMetricsF) -> Drawn:
    line = metrics.height()
    shown = lanes(briefing, LaneKind.ACTOR)
    widest = max((metrics.horizontalAdvance(lane.title) for lane in shown), default=0.0)
    names = min(widest + line, width / 4)
    start, end = extent(briefing, shown_events(briefing))
    per_year = (width - names - line) / max(end - start, 0.1)
    top = line * AXIS
    placed = []
    for lane in shown:
        marks = place_lane(
            briefing, lane, start, per_year, metrics.horizontalAdvance, line * 0.6, width / 3
        )
        placed.append((lane, top, marks))
        top += (max((m.row for m in marks), default=0) + 1) * line * ROW + line * LANE_GAP
    return Drawn(placed, names, start, end, per_year, top)


def timeline_height(briefing: Briefing, width: float, metrics: QFontMetricsF) -> float:
    return lay_out(briefing, width, metrics).height


def paint_timeline(
    painter: QPainter, briefing: Briefing, area: QRectF, ink: QColor, paper: QColor
) -> None:
    """The timeline in ``area``, shrunk to fit when it is taller (the words stay text)."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    drawn = lay_out(briefing, area.width(), metrics)
    scale = 1.0
    for _ in range(3):
        if drawn.height <= area.height() / scale:
            break
        scale *= area.height() / scale / drawn.height
        drawn = lay_out(briefing, area.width() / scale, metrics)
    painter.save()
    painter.translate(area.topLeft())
    painter.scale(scale, scale)
    _paint(painter, briefing, drawn, area.width() / scale, metrics, ink, paper)
    painter.restore()


def _paint(
    painter: QPainter,
    briefing: Briefing,
    drawn: Drawn,
    width: float,
    metrics: QFontMetricsF,
    ink: QColor,
    paper: QColor,
) -> None:
    line = metrics.height()
    row, mark = line * ROW, line * 0.6
    faint, grey = QColor(ink), QColor(ink)
    faint.setAlpha(60)
    grey.setAlpha(140)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    left = drawn.names
    for tick in ticks(drawn.start, drawn.end, drawn.per_year * SCREEN_LINE / line):
        x = left + (tick.at - drawn.start) * drawn.per_year
        painter.setPen(QPen(grey if tick.major else faint, line / 20))
        painter.drawLine(QPointF(x, line * 1.2), QPointF(x, drawn.height))
        painter.setPen(ink)
        painter.drawText(QPointF(x + line * 0.15, line), tick.label)
    for lane, top, marks in drawn.lanes:
        for item in marks:
            y = top + item.row * row + row / 2
            x0, x1 = left + item.left, left + item.right
            painter.setPen(QPen(ink, line / 14))
            if item.day:
                centre, half = QPointF((x0 + x1) / 2, y), mark / 2
                painter.setBrush(ink)
                corners = [QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)]
                painter.drawPolygon(QPolygonF([centre + c for c in corners]))
            else:
                painter.setBrush(faint)
                painter.drawRect(QRectF(x0, y - mark / 2, x1 - x0, mark))
            room = min(item.room, width - x1 - line * 0.3)
            if room > line:
                words = metrics.elidedText(
                    event_words(briefing.timeline[item.index]), Qt.TextElideMode.ElideRight, room
                )
                painter.setPen(ink)
                painter.drawText(
                    QRectF(x1 + line * 0.25, y - row / 2, room, row),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    words,
                )
        box = QRectF(0, top, drawn.names - line * 0.5, row)
        painter.fillRect(box, paper)
        painter.setPen(ink)
        title = metrics.elidedText(lane.title, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
