"""The Relations tab: the actors as a network, relation kinds told apart by line and arrow,
actor kinds by shape; filters that double as the legend; a pane for what is clicked.

The picture (where each actor sits, how each kind is drawn) comes from
:mod:`viewer.presentation.network`; this module only draws it and answers the reader. The layout
is worked out on a thread (importing networkx alone takes half a second), the tab saying so
meanwhile; a briefing with fewer than two actors in relations has nothing to lay out.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from viewer.domain import foreground
from viewer.domain.model import ActorKind, Briefing, RelationKind
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.presentation.network import (
    NODE_SHAPES,
    RELATION_NAMES,
    Edge,
    Network,
    Node,
    actor_relations_page,
    layout,
    linked_actors,
    relation_page,
    relation_title,
)
from viewer.typesetting.network import RADIUS, edge_geometry, node_path, paint_edge, relation_pen
from viewer.ui.browser import LinkBrowser
from viewer.ui.canvas import Canvas, zoom_buttons
from viewer.ui.navigation import Navigator
from viewer.ui.panes import INSET, side_by_side
from viewer.ui.settings import Settings

WORKING = "Laying out the network…"
HINT = (
    "<p><i>Click an actor or a relation to read about it here. Double-click an actor, or press "
    "Enter on it, to open its profile. Tab moves from actor to actor.</i></p>"
)


def legend_icon(draw: str | RelationKind, palette: QPalette) -> QIcon:
    """A sample of a relation's line or an actor kind's shape, for the filter that is also
    the legend."""
    pixmap = QPixmap(QSize(36, 18))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = palette.color(QPalette.ColorRole.WindowText)
    if isinstance(draw, RelationKind):
        path, arrow = edge_geometry(QPointF(-2, 9), QPointF(38, 9), draw, 4.5)
        paint_edge(painter, path, arrow, relation_pen(draw, ink))
    else:
        painter.setPen(QPen(ink, 1.3))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.translate(18, 9)
        painter.drawPath(node_path(draw, 7))
    painter.end()
    return QIcon(pixmap)


class NodeLabel(QGraphicsRectItem):
    """An actor's name under it, on a veil of the background so crossing lines do not hide it,
    and the same size at every zoom."""

    def __init__(self, name: str, palette: QPalette, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.text = QGraphicsSimpleTextItem(name, self)
        self.text.setBrush(palette.color(QPalette.ColorRole.Text))
        bounds = self.text.boundingRect()
        self.text.setPos(-bounds.width() / 2, 0)
        self.setRect(QRectF(-bounds.width() / 2 - 2, 0, bounds.width() + 4, bounds.height()))
        veil = QColor(palette.color(QPalette.ColorRole.Base))
        veil.setAlpha(210)
        self.setBrush(veil)
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)


class NodeItem(QGraphicsPathItem):
    def __init__(self, node: Node, palette: QPalette) -> None:
        super().__init__(node_path(NODE_SHAPES[node.kind]))
        self.node = node
        self.palette = palette
        self.setPos(node.x, node.y)
        self.setZValue(2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setToolTip(f"{node.name} ({node.kind.singular})")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label = NodeLabel(node.name, palette, self)
        self.label.setPos(0, RADIUS + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        ink = self.palette.color(QPalette.ColorRole.Text)
        fill = self.palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink, 3.0 if selected else 1.5))
        painter.setBrush(fill)
        painter.drawPath(self.path())


class EdgeItem(QGraphicsPathItem):
    def __init__(self, edge: Edge, start: QPointF, end: QPointF, title: str, palette: QPalette):
        super().__init__()
        self.edge = edge
        self.palette = palette
        path, self.arrow = edge_geometry(start, end, edge.kind)
        self.setPath(path)
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(title)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def shape(self) -> QPainterPath:
        """Wider than the line, so a thin or dotted line can be clicked."""
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path())

    def boundingRect(self) -> QRectF:
        return self.shape().boundingRect().united(self.arrow.boundingRect())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        role = QPalette.ColorRole.Highlight if self.isSelected() else QPalette.ColorRole.Text
        colour = self.palette.color(role)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = relation_pen(self.edge.kind, colour)
        if self.isSelected():
            pen.setWidthF(pen.widthF() + 1.5)
        paint_edge(painter, self.path(), self.arrow, pen)


class NetworkCanvas(Canvas):
    """The network: Tab steps from actor to actor in reading order."""

    def stops(self) -> list[QGraphicsItem]:
        """The visible actors, in reading order (top to bottom, then left to right)."""
        found = [i for i in self.scene().items() if isinstance(i, NodeItem) and i.isVisible()]
        return sorted(found, key=lambda item: (round(item.y() / 40), item.x()))

    def opens(self, item: QGraphicsItem) -> bool:
        return isinstance(item, NodeItem | EdgeItem)

    def fit(self) -> None:
        """The whole network in the window, names included, and never larger than life; the
        same from any zoom (names keep their size on screen, so their room is worked out at
        the scale the actors will have)."""
        shown = QRectF()
        labels = [0.0, 0.0]
        for item in self.scene().items():
            if item.isVisible() and isinstance(item, NodeItem | EdgeItem):
                shown = shown.united(item.sceneBoundingRect())
                if isinstance(item, NodeItem):
                    size = item.label.rect()
                    labels = [max(labels[0], size.width() / 2), max(labels[1], size.height())]
        if shown.isEmpty():
            return
        area = self.viewport().rect()
        scale = min(
            (area.width() - 2 * labels[0] - 20) / max(shown.width(), 1),
            (area.height() - labels[1] - 20) / max(shown.height(), 1),
            1.0,
        )
        self.resetTransform()
        self.scale(max(scale, 0.05), max(scale, 0.05))
        self.centerOn(shown.center() + QPointF(0, labels[1] / 2 / max(scale, 0.05)))


class _Laid(QObject):
    """Carries a network laid out on a thread back to the GUI thread (a queued signal)."""

    done = Signal(int, object)


class RelationsView(QWidget):
    CLAIMS: frozenset[Kind] = frozenset()

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.briefing: Briefing | None = None
        self.network: Network | None = None
        self._request = 0
        self._kept: object = None
        """What the reader had selected, to select again once the network is drawn."""
        self._laid = _Laid(self)
        self._laid.done.connect(self._laid_out)
        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._selected)
        self.canvas = NetworkCanvas()
        self.canvas.setAccessibleName("Network of actors")
        self.canvas.setScene(self.scene)
        self.canvas.opened.connect(self._open)
        self.detail = LinkBrowser(navigator, "Relation details")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.relation_boxes = self._boxes("Relations", list(RelationKind), RELATION_NAMES)
        self.actor_boxes = self._boxes(
            "Actors", list(ActorKind), {kind: kind.label for kind in ActorKind}
        )
        buttons = QHBoxLayout()
        for button in zoom_buttons(self.canvas, ""):
            buttons.addWidget(button)
        buttons.addWidget(self.count, 1)
        self._first_show = True
        side_by_side(
            self,
            self.canvas,
            self.detail,
            (820, 320),
            grow=0,
            above=[self.relation_boxes[0], self.actor_boxes[0], buttons],
            margins=INSET,
        )
        self.detail.setHtml(HINT)

    def _boxes(
        self, title: str, kinds: Sequence[RelationKind | ActorKind], names: dict
    ) -> tuple[QHBoxLayout, dict]:
        row = QHBoxLayout()
        label = QLabel(f"{title}:")
        row.addWidget(label)
        boxes = {}
        palette = self.palette()
        for kind in kinds:
            box = QCheckBox(names[kind])
            box.setChecked(True)
            sample = kind if isinstance(kind, RelationKind) else NODE_SHAPES[kind]
            box.setIcon(legend_icon(sample, palette))
            box.setIconSize(QSize(36, 18))
            box.setAccessibleName(f"Show {title.lower()}: {names[kind]}")
            box.toggled.connect(self._filter)
            row.addWidget(box)
            boxes[kind] = box
        row.addStretch(1)
        return row, boxes

    # -- the tab's part ---------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        """Draw the briefing's network: at once when there is nothing to lay out, else once a
        thread has laid it out (a result for a briefing shown since is dropped)."""
        self._kept = self.state()
        self.briefing = briefing
        self._request += 1
        request = self._request
        if len(linked_actors(briefing)) < 2:
            self._draw(layout(briefing))
            return
        self.network = None
        self.scene.clear()
        self.detail.setHtml(HINT)
        self.count.setText(WORKING)

        def work() -> None:
            network = layout(briefing)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._laid.done.emit(request, network)

        foreground.start_behind("network layout", work)

    def _laid_out(self, request: int, network: Network) -> None:
        if request == self._request:
            with foreground.busy():
                self._draw(network)

    def _draw(self, network: Network) -> None:
        assert self.briefing is not None
        self.network = network
        self.scene.clear()
        palette = self.palette()
        placed = {}
        degree = Counter(a for edge in network.edges for a in (edge.source, edge.target))
        for node in network.nodes:
            item = NodeItem(node, palette)
            item.setZValue(2 + degree[node.actor_id] / 10_000)  # a hub's name over its neighbours'
            self.scene.addItem(item)
            placed[node.actor_id] = item
        for edge in network.edges:
            relation = self.briefing.relations[edge.index]
            start, end = placed[edge.source].pos(), placed[edge.target].pos()
            title = f"{relation_title(self.briefing, relation)}: {relation.summary}"
            self.scene.addItem(EdgeItem(edge, start, end, title, palette))
        self._filter()
        self.detail.setHtml(HINT)
        self.restore(self._kept)
        self._kept = None
        if not self._first_show:
            self.canvas.fit()

    def show_target(self, target: Target) -> bool:
        return False

    def current_place(self) -> Target | None:
        node = self.selected_node()
        return Target(Kind.ACTOR, node.node.actor_id) if node else None

    def state(self) -> object:
        node = self.selected_node()
        return node.node.actor_id if node else self._kept

    def restore(self, state: object) -> None:
        """Select the actor again; while the network is laid out, once it is drawn."""
        if self.network is None:
            self._kept = state
        elif isinstance(state, str):
            self.select_actor(state)

    def changeEvent(self, event: QEvent) -> None:
        """Light to dark or back: the drawing and the legend take the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            palette = self.palette()
            for boxes in (self.relation_boxes[1], self.actor_boxes[1]):
                for kind, box in boxes.items():
                    sample = kind if isinstance(kind, RelationKind) else NODE_SHAPES[kind]
                    box.setIcon(legend_icon(sample, palette))
            if self.network is not None:
                self._kept = self.state()
                self._draw(self.network)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.canvas.fit()

    # -- the reader's part ------------------------------------------------------------------

    def node_items(self) -> list[NodeItem]:
        return [i for i in self.scene.items() if isinstance(i, NodeItem)]

    def edge_items(self) -> list[EdgeItem]:
        return [i for i in self.scene.items() if isinstance(i, EdgeItem)]

    def selected_node(self) -> NodeItem | None:
        return next((i for i in self.scene.selectedItems() if isinstance(i, NodeItem)), None)

    def select_actor(self, actor_id: str) -> bool:
        for item in self.node_items():
            if item.node.actor_id == actor_id and item.isVisible():
                self.scene.clearSelection()
                item.setSelected(True)
                self.canvas.ensureVisible(item, 60, 60)
                return True
        return False

    def _filter(self) -> None:
        """Show the relations and actors of the kinds ticked; an actor left with no relation
        on show is hidden with them."""
        kinds = {kind for kind, box in self.relation_boxes[1].items() if box.isChecked()}
        actor_kinds = {kind for kind, box in self.actor_boxes[1].items() if box.isChecked()}
        nodes = {item.node.actor_id: item for item in self.node_items()}
        linked: set[str] = set()
        shown_edges = 0
        for edge_item in self.edge_items():
            edge = edge_item.edge
            visible = (
                edge.kind in kinds
                and nodes[edge.source].node.kind in actor_kinds
                and nodes[edge.target].node.kind in actor_kinds
            )
            edge_item.setVisible(visible)
            if visible:
                linked.update((edge.source, edge.target))
                shown_edges += 1
        for actor_id, item in nodes.items():
            item.setVisible(actor_id in linked)
        self._count(len(linked), shown_edges)

    def _count(self, actors: int, relations: int) -> None:
        text = f"{actors} actor{'s' if actors != 1 else ''}, {relations} relation" + (
            "s" if relations != 1 else ""
        )
        unlinked = self.network.unlinked if self.network else []
        if unlinked:
            text += f"; not drawn, in no relation: {', '.join(unlinked)}"
        self.count.setText(text)

    def _selected(self) -> None:
        if self.briefing is None:
            return
        chosen = self.scene.selectedItems()
        if not chosen:
            return
        item = chosen[0]
        if isinstance(item, NodeItem):
            self.detail.setHtml(actor_relations_page(self.briefing, item.node.actor_id))
            self.navigator.note_location(Target(Kind.ACTOR, item.node.actor_id))
        elif isinstance(item, EdgeItem):
            self.detail.setHtml(relation_page(self.briefing, item.edge.index))

    def _open(self, item: QGraphicsItem) -> None:
        if isinstance(item, NodeItem):
            self.navigator.go_to_actor(item.node.actor_id)
        elif isinstance(item, EdgeItem) and self.briefing is not None:
            passage = self.briefing.relations[item.edge.index].passage
            if passage:
                self.navigator.go_to_passage(passage)
