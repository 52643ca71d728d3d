"""Drawing the network of actors with Qt: the shapes, lines and arrows the Relations tab and the
printed figure share, and the whole figure with its legend painted in one go for the page."""

from __future__ import annotations

import math
from collections import Counter

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from viewer.domain.model import ActorKind, RelationKind
from viewer.presentation.network import (
    LINE_STYLES,
    NODE_SHAPES,
    RELATION_NAMES,
    Network,
    shape_points,
)

RADIUS = 13.0
"""Of a node, in drawing units."""
LINE_PER_HEIGHT = 20
"""On paper, the unit of line width is the names' line height over this."""


def node_path(shape: str, radius: float = RADIUS) -> QPainterPath:
    path = QPainterPath()
    points = shape_points(shape, radius)
    if points:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), radius, radius)
    return path


def relation_pen(kind: RelationKind, colour: QColor, scale: float = 1.0) -> QPen:
    style = LINE_STYLES[kind]
    pen = QPen(colour, style.width * scale)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style.dashes:
        pen.setDashPattern(list(style.dashes))
    return pen


def edge_geometry(
    start: QPointF, end: QPointF, kind: RelationKind, radius: float = RADIUS
) -> tuple[QPainterPath, QPolygonF]:
    """The line between two actors, stopping short of their shapes, and its arrowhead at the
    second actor (empty unless the kind is drawn as an arrow)."""
    line = end - start
    length = math.hypot(line.x(), line.y()) or 1.0
    unit = QPointF(line.x() / length, line.y() / length)
    path = QPainterPath(start + unit * (radius * 1.15))
    path.lineTo(end - unit * (radius * 1.3))
    arrow = QPolygonF()
    if LINE_STYLES[kind].arrow:
        normal = QPointF(-unit.y(), unit.x())
        tip = end - unit * (radius * 1.08)
        back = tip - unit * (radius * 0.85)
        arrow = QPolygonF([tip, back + normal * (radius * 0.38), back - normal * (radius * 0.38)])
    return path, arrow


def paint_edge(painter: QPainter, path: QPainterPath, arrow: QPolygonF, pen: QPen) -> None:
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if not arrow.isEmpty():
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(arrow)


def paint_network(
    painter: QPainter, network: Network, area: QRectF, ink: QColor, paper: QColor
) -> None:
    """The whole network fitted into ``area``, names under the actors on a veil of ``paper``,
    and its legend along the bottom."""
    font = QFont(painter.font())
    metrics = QFontMetricsF(font, painter.device())
    legend_height = paint_legend(painter, area, ink, paper, measure_only=True)
    room = area.adjusted(0, 0, 0, -legend_height - metrics.height())
    if not network.nodes:
        return
    xs = [node.x for node in network.nodes]
    ys = [node.y for node in network.nodes]
    label_width = max(metrics.horizontalAdvance(node.name) for node in network.nodes)
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    scale = min(
        (room.width() - label_width) / span_x,
        (room.height() - 2 * metrics.height() - 4 * RADIUS) / span_y,
    )
    radius = max(min(metrics.height() * 0.75, scale * RADIUS), metrics.height() * 0.35)
    origin = QPointF(
        room.center().x() - (min(xs) + max(xs)) / 2 * scale,
        room.top() + radius + metrics.height() * 0.2 - min(ys) * scale,
    )
    place = {n.actor_id: origin + QPointF(n.x * scale, n.y * scale) for n in network.nodes}
    line = metrics.height() / LINE_PER_HEIGHT
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for edge in network.edges:
        path, arrow = edge_geometry(place[edge.source], place[edge.target], edge.kind, radius)
        paint_edge(painter, path, arrow, relation_pen(edge.kind, ink, line))
    painter.setPen(QPen(ink, line * 1.3))
    painter.setBrush(paper)
    for node in network.nodes:
        painter.drawPath(node_path(NODE_SHAPES[node.kind], radius).translated(place[node.actor_id]))
    veil = QColor(paper)
    veil.setAlpha(215)
    degree = Counter(a for edge in network.edges for a in (edge.source, edge.target))
    for node in sorted(network.nodes, key=lambda n: degree[n.actor_id]):  # hubs' names on top
        centre = place[node.actor_id]
        width = metrics.horizontalAdvance(node.name)
        box = QRectF(centre.x() - width / 2, centre.y() + radius * 1.1, width, metrics.height())
        painter.fillRect(box.adjusted(-line, 0, line, 0), veil)
        painter.setPen(ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, node.name)
    painter.restore()
    paint_legend(painter, area, ink, paper)


def paint_legend(
    painter: QPainter, area: QRectF, ink: QColor, paper: QColor, measure_only: bool = False
) -> float:
    """The key to lines and shapes, in rows along the bottom of ``area``; its height."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    height = metrics.height() * 1.5
    sample = metrics.height() * 2.4
    entries: list[tuple[RelationKind | ActorKind, str]] = [
        *((kind, RELATION_NAMES[kind]) for kind in RelationKind),
        *((kind, kind.label) for kind in ActorKind),
    ]
    widest = max(metrics.horizontalAdvance(name) for _, name in entries)
    column_width = sample + metrics.height() * 1.6 + widest
    columns = max(1, int(area.width() // column_width))
    rows = math.ceil(len(entries) / columns)
    total = rows * height
    if measure_only:
        return total
    top = area.bottom() - total
    line = metrics.height() / LINE_PER_HEIGHT
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for number, (kind, name) in enumerate(entries):
        x = area.left() + (number % columns) * column_width
        y = top + (number // columns) * height + height / 2
        if isinstance(kind, RelationKind):
            path = QPainterPath(QPointF(x, y))
            path.lineTo(QPointF(x + sample, y))
            arrow = QPolygonF()
            if LINE_STYLES[kind].arrow:
                tip = QPointF(x + sample + line * 4, y)
                arrow = QPolygonF(
                    [tip, tip + QPointF(-line * 6, -line * 3), tip + QPointF(-line * 6, line * 3)]
                )
            paint_edge(painter, path, arrow, relation_pen(kind, ink, line))
        else:
            painter.setPen(QPen(ink, line * 1.3))
            painter.setBrush(paper)
            shape = node_path(NODE_SHAPES[kind], metrics.height() * 0.4)
            painter.drawPath(shape.translated(QPointF(x + sample / 2, y)))
        painter.setPen(ink)
        text = QRectF(x + sample + metrics.height() * 0.6, y - height / 2, column_width, height)
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
    painter.restore()
    return total
