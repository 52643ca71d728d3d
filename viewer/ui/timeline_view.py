"""The Timeline tab: the dated events on a time axis, one lane per actor or per theme, from
decades down to months; a date known only to the year or month is drawn as a bar over all of it.

It follows the other tabs: shown after an actor's profile, it shows that actor's events.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.timeline import (
    LaneKind,
    date_words,
    event_page,
    event_words,
    extent,
    lanes,
    place_lane,
    shown_events,
    ticks,
)
from viewer.ui.browser import LinkBrowser
from viewer.ui.canvas import Canvas, zoom_buttons
from viewer.ui.navigation import Navigator
from viewer.ui.panes import INSET, side_by_side
from viewer.ui.settings import Settings

ROW = 24.0
"""Height of one row of events in a lane."""
LANE_GAP = 10.0
AXIS = 34.0
"""Height of the axis's labels above the lanes."""
LABEL = 220.0
"""Room for an event's words beside its mark, at most."""
MARK = 12.0
"""Height of a bar; width and height of a known day's diamond."""
MOST_PER_YEAR = 12 * 90.0
"""Zoomed in no further than months about 90 units wide."""
ALL = ""
HINT = (
    "<p><i>Click an event to read it here; double-click it, or press Enter on it, to read it in "
    "the briefing. A bar stands for a date known only to the year or the month; a diamond for "
    "a known day. Tab moves from event to event.</i></p>"
)


class EventItem(QGraphicsRectItem):
    """An event's mark and its words, clipped to the room it has in its row."""

    def __init__(
        self, index: int, rect: QRectF, words: str, room: float, day: bool, palette: QPalette
    ) -> None:
        super().__init__(rect)
        self.index = index
        self.words = words
        self.room = room
        self.day = day
        self.palette = palette
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        rect = self.rect()
        return QRectF(rect.left() - 1, rect.top() - 4, rect.width() + self.room + 2, ROW)

    def shape(self) -> QPainterPath:
        """The mark and its words: a click on either chooses the event."""
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        ink = self.palette.color(QPalette.ColorRole.Text)
        accent = self.palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Text
        )
        rect = self.rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.day:
            centre = rect.center()
            half = MARK / 2
            diamond = [
                centre + QPointF(0, -half),
                centre + QPointF(half, 0),
                centre + QPointF(0, half),
                centre + QPointF(-half, 0),
            ]
            painter.setPen(QPen(accent, 1.2))
            painter.setBrush(accent)
            painter.drawPolygon(diamond)
        else:
            fill = QColor(accent)
            fill.setAlpha(110 if selected else 60)
            painter.setPen(QPen(accent, 2.0 if selected else 1.2))
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(rect, 3, 3)
        if self.room > 20:
            metrics = QFontMetricsF(painter.font())
            text = metrics.elidedText(self.words, Qt.TextElideMode.ElideRight, self.room - 6)
            painter.setPen(ink)
            where = QRectF(rect.right() + 4, rect.top() - 4, self.room, ROW - 4)
            painter.drawText(
                where, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )


class TimelineCanvas(Canvas):
    """The timeline: zoom stretches time only; lane names stay at the left edge."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.pin_names())

    def stops(self) -> list[QGraphicsItem]:
        """The events in time order, lane by lane where two start together."""
        found = [i for i in self.scene().items() if isinstance(i, EventItem)]
        found.sort(key=lambda item: (item.rect().left(), item.rect().top()))
        return list(found)

    def opens(self, item: QGraphicsItem) -> bool:
        return isinstance(item, EventItem)

    def zoom(self, factor: float) -> None:
        self.view.set_scale(self.view.per_year * factor)

    def fit(self) -> None:
        self.view.set_scale(None)

    def pin_names(self) -> None:
        left = self.mapToScene(0, 0).x()
        for name in self.view.lane_names:
            if shiboken6.isValid(name):  # a closing window deletes its items first
                name.setX(left)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.pin_names()


class TimelineView(QWidget):
    CLAIMS: frozenset[Kind] = frozenset()

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self.per_year = 0.0
        self.start = 0.0
        self.lane_names: list[QGraphicsRectItem] = []
        self._followed: Target | None = None
        self._fitted = False
        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._selected)
        self.canvas = TimelineCanvas(self)
        self.canvas.setAccessibleName("Timeline")
        self.canvas.setScene(self.scene)
        self.canvas.opened.connect(self._open)
        self.detail = LinkBrowser(navigator, "Event details")
        self.lanes_by = self._combo(
            "Lanes", [("By actor", LaneKind.ACTOR), ("By theme", LaneKind.THEME)]
        )
        self.actor = self._combo("Actor", [])
        self.issue = self._combo("Issue", [])
        self.count = QLabel()
        row = QHBoxLayout()
        for label, combo in (
            ("Lanes", self.lanes_by),
            ("Actor", self.actor),
            ("Issue", self.issue),
        ):
            caption = QLabel(f"{label}:")
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo)
        for button in zoom_buttons(self.canvas, " (time)"):
            row.addWidget(button)
        row.addWidget(self.count, 1)
        side_by_side(self, self.canvas, self.detail, (820, 320), grow=0, above=[row], margins=INSET)
        self.detail.setHtml(HINT)

    def _combo(self, name: str, entries: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for text, data in entries:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _: self.draw())
        return combo

    # -- the tab's part ---------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        kept = (self.actor.currentData(), self.issue.currentData())
        self.briefing = briefing
        dated_actors = {a for event in briefing.timeline for a in event.actors}
        dated_issues = {i for event in briefing.timeline for i in event.issues}
        for combo, everything, entries in (
            (
                self.actor,
                "All actors",
                [(a.name, a.id) for a in briefing.actors if a.id in dated_actors],
            ),
            (
                self.issue,
                "All issues",
                [(i.title, i.id) for i in briefing.issues if i.id in dated_issues],
            ),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for text, key in entries:
                combo.addItem(text, key)
            combo.blockSignals(False)
        self._choose(self.actor, kept[0])
        self._choose(self.issue, kept[1])
        self._fitted = False
        self.draw()

    def show_target(self, target: Target) -> bool:
        return False

    def current_place(self) -> Target | None:
        return None

    def state(self) -> object:
        return (self.actor.currentData(), self.issue.currentData(), self.lanes_by.currentIndex())

    def restore(self, state: object) -> None:
        if isinstance(state, tuple) and len(state) == 3:
            self.lanes_by.setCurrentIndex(state[2])
            self._choose(self.actor, state[0])
            self._choose(self.issue, state[1])

    def changeEvent(self, event: QEvent) -> None:
        """Light to dark or back: drawn again in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.follow(self.navigator.current)
        if not self._fitted:
            self._fitted = True
            self.set_scale(None)

    # -- following the other tabs ----------------------------------------------------------

    def follow(self, target: Target | None) -> None:
        """Show the events of the actor or issue the reader was last at, once per visit."""
        if target is None or target == self._followed or self.briefing is None:
            return
        self._followed = target
        if target.kind is Kind.ACTOR:
            self._choose(self.actor, target.key, ALL)
            self._choose(self.issue, ALL)
        elif target.kind is Kind.ISSUE:
            self._choose(self.actor, ALL)
            self._choose(self.issue, target.key, ALL)
        elif target.kind is Kind.STANCE:
            actor, _, issue = target.key.partition("/")
            self._choose(self.actor, actor, ALL)
            self._choose(self.issue, issue, ALL)
            if not shown_events(self.briefing, self.actor.currentData(), self.issue.currentData()):
                self._choose(self.issue, ALL)

    @staticmethod
    def _choose(combo: QComboBox, key: object, otherwise: object = None) -> None:
        index = combo.findData(key)
        if index < 0 and otherwise is not None:
            index = combo.findData(otherwise)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- drawing ----------------------------------------------------------------------------

    def set_scale(self, per_year: float | None) -> None:
        """Drawing units a year; None fits the whole span to the window."""
        if self.briefing is None:
            return
        first, last = extent(self.briefing, self._events())
        if per_year is None:
            width = self.canvas.viewport().width() - 2 * LABEL - 40  # the last words too
            per_year = max(width, 200) / max(last - first, 0.1)
        self.per_year = min(per_year, MOST_PER_YEAR)
        self.draw()

    def _events(self) -> list[int]:
        assert self.briefing is not None
        return shown_events(
            self.briefing, self.actor.currentData() or "", self.issue.currentData() or ""
        )

    def draw(self) -> None:
        briefing = self.briefing
        if briefing is None:
            return
        chosen = self.scene.selectedItems()
        selected = chosen[0].index if chosen and isinstance(chosen[0], EventItem) else None
        self.lane_names = []  # before the items go: clearing may scroll, which moves the names
        self.scene.blockSignals(True)
        self.scene.clear()
        self.scene.blockSignals(False)
        events = self._events()
        by = self.lanes_by.currentData() or LaneKind.ACTOR
        shown = lanes(briefing, by, self.actor.currentData() or "", self.issue.currentData() or "")
        self._count(len(events), len(shown))
        if not events:
            self.detail.setHtml(HINT)
            return
        self.per_year = self.per_year or 100.0  # until the window's width is known
        self.start, end = extent(briefing, events)
        palette = self.palette()
        metrics = QFontMetricsF(self.font())
        top = 0.0
        lane_tops = []
        width_of = metrics.horizontalAdvance
        for lane in shown:
            placed = place_lane(briefing, lane, self.start, self.per_year, width_of, MARK, LABEL)
            lane_tops.append((lane, top))
            for mark in placed:
                event = briefing.timeline[mark.index]
                rect = QRectF(
                    mark.left, top + mark.row * ROW + (ROW - MARK) / 2, mark.right - mark.left, MARK
                )
                item = EventItem(mark.index, rect, event_words(event), mark.room, mark.day, palette)
                item.setToolTip(f"{date_words(event.date)}: {event.event}")
                item.setZValue(2)
                self.scene.addItem(item)
                item.setSelected(mark.index == selected)
            top += (max((m.row for m in placed), default=0) + 1) * ROW + LANE_GAP
        self._axis(end, top, palette)
        self._lanes(lane_tops, top, palette, metrics)
        width = (end - self.start) * self.per_year
        self.scene.setSceneRect(QRectF(-LABEL, -AXIS, width + LABEL + 20, top + AXIS + 10))
        self.canvas.pin_names()

    def _axis(self, end: float, bottom: float, palette: QPalette) -> None:
        ink = palette.color(QPalette.ColorRole.Text)
        faint = QColor(ink)
        faint.setAlpha(40)
        strong = QColor(ink)
        strong.setAlpha(110)
        for tick in ticks(self.start, end, self.per_year):
            x = (tick.at - self.start) * self.per_year
            line = self.scene.addLine(x, -6, x, bottom, QPen(strong if tick.major else faint, 1))
            line.setZValue(0)
            label = QGraphicsSimpleTextItem(tick.label)
            label.setBrush(ink)
            label.setPos(x + 3, -AXIS + 4)
            self.scene.addItem(label)

    def _lanes(
        self, lane_tops: list, bottom: float, palette: QPalette, metrics: QFontMetricsF
    ) -> None:
        veil = palette.color(QPalette.ColorRole.Base)  # opaque: events pass under the names
        band = QColor(palette.color(QPalette.ColorRole.AlternateBase))
        heights = [t for _, t in lane_tops[1:]] + [bottom]
        for number, ((lane, top), next_top) in enumerate(zip(lane_tops, heights, strict=True)):
            height = next_top - top - LANE_GAP / 2
            if number % 2:
                stripe = self.scene.addRect(
                    QRectF(-LABEL, top - LANE_GAP / 4, 1e6, height), QPen(Qt.PenStyle.NoPen), band
                )
                stripe.setZValue(-1)
            name = QGraphicsRectItem(QRectF(0, top - LANE_GAP / 4, LABEL - 10, height))
            name.setBrush(veil)
            name.setPen(QPen(Qt.PenStyle.NoPen))
            name.setZValue(3)
            text = QGraphicsSimpleTextItem(
                metrics.elidedText(lane.title, Qt.TextElideMode.ElideRight, LABEL - 20), name
            )
            text.setBrush(palette.color(QPalette.ColorRole.Text))
            text.setPos(4, top + (ROW - metrics.height()) / 2)
            name.setToolTip(lane.title)
            self.scene.addItem(name)
            self.lane_names.append(name)

    def _count(self, events: int, lane_count: int) -> None:
        if events:
            self.count.setText(
                f"{events} event{'s' if events != 1 else ''} in {lane_count} lane"
                + ("s" if lane_count != 1 else "")
            )
        elif self.briefing is not None and self.briefing.timeline:
            self.count.setText("No dated event matches: choose All actors or All issues")
        else:
            self.count.setText("This briefing has no dated events")

    # -- the reader's part ------------------------------------------------------------------

    def event_items(self) -> list[EventItem]:
        return [i for i in self.scene.items() if isinstance(i, EventItem)]

    def _selected(self) -> None:
        chosen = self.scene.selectedItems()
        if self.briefing is not None and chosen and isinstance(chosen[0], EventItem):
            self.detail.setHtml(event_page(self.briefing, chosen[0].index))

    def _open(self, item: QGraphicsItem) -> None:
        if isinstance(item, EventItem) and self.briefing is not None:
            passage = self.briefing.timeline[item.index].passage
            if passage:
                self.navigator.go_to_passage(passage)
