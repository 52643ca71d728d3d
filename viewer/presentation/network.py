"""The actors as a network: where each actor sits, and how each kind of actor and of relation is
drawn. Qt-free, so the Relations tab and the printed figure draw the same picture.

The layout is networkx's force-directed one, run with a fixed seed over the actors in briefing
order: the same briefing always draws the same picture. networkx (and numpy under it) is imported
only when a network is first laid out, never on the start-up path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from viewer.domain.model import ActorKind, Briefing, Relation, RelationKind
from viewer.domain.targets import Kind
from viewer.presentation.pages import anchor, bullets, passage_link, relation_items

SEED = 20161
"""Of the layout: fixed, so that a briefing is drawn the same way each time."""
SPACING = 150.0
"""Drawing units between neighbours; a drawing grows with the square root of its actors."""


@dataclass(frozen=True)
class LineStyle:
    """How a relation kind is drawn: a dash pattern (in line widths; empty for a solid line),
    a width, and whether the line is an arrow."""

    dashes: tuple[float, ...]
    width: float
    arrow: bool = False


LINE_STYLES: dict[RelationKind, LineStyle] = {
    RelationKind.ALLY: LineStyle((), 3.0),
    RelationKind.PARTNER: LineStyle((), 1.2),
    RelationKind.RIVAL: LineStyle((5.0, 3.0), 1.6),
    RelationKind.ADVERSARY: LineStyle((1.0, 2.0), 3.0),
    RelationKind.MEDIATOR: LineStyle((6.0, 2.0, 1.0, 2.0), 1.4, arrow=True),
    RelationKind.OTHER: LineStyle((1.0, 3.0), 1.0),
}
"""Told apart by line and arrow, never by colour alone."""

RELATION_NAMES: dict[RelationKind, str] = {
    RelationKind.ALLY: "Ally",
    RelationKind.PARTNER: "Partner",
    RelationKind.RIVAL: "Rival",
    RelationKind.ADVERSARY: "Adversary",
    RelationKind.MEDIATOR: "Mediator (arrow from the mediator)",
    RelationKind.OTHER: "Other",
}

NODE_SHAPES: dict[ActorKind, str] = {
    ActorKind.STATE: "circle",
    ActorKind.ORGANIZATION: "square",
    ActorKind.ARMED_GROUP: "triangle",
    ActorKind.PERSON: "diamond",
    ActorKind.BLOC: "hexagon",
    ActorKind.OTHER: "pentagon",
}
"""Each kind of actor a shape of its own (and its name as a label), so kinds read in grey too."""


def shape_points(shape: str, radius: float) -> list[tuple[float, float]]:
    """The corners of a node's shape around (0, 0); empty for a circle."""
    corners = {"square": 4, "triangle": 3, "diamond": 4, "hexagon": 6, "pentagon": 5}.get(shape)
    if corners is None:
        return []
    turn = {"square": math.pi / 4, "diamond": 0.0}.get(shape, -math.pi / 2)
    if shape == "hexagon":
        turn = 0.0
    scale = radius * (1.25 if shape == "triangle" else 1.0)
    return [
        (
            scale * math.cos(turn + 2 * math.pi * k / corners),
            scale * math.sin(turn + 2 * math.pi * k / corners),
        )
        for k in range(corners)
    ]


@dataclass(frozen=True)
class Node:
    actor_id: str
    name: str
    kind: ActorKind
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    index: int
    """The relation's place in the briefing's list (its key)."""
    source: str
    """The first actor: for a mediation, the mediator (the arrow starts here)."""
    target: str
    kind: RelationKind


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    unlinked: list[str]
    """Names of the actors in no relation, who are not drawn."""


def iterations(actors: int) -> int:
    """Of the force layout: a small network settles fully; a large one sooner, so the tab opens
    in a fraction of a second (200 actors: 0.16 s instead of 0.6 s here)."""
    return 200 if actors <= 60 else 50


def layout(briefing: Briefing) -> Network:
    """Every actor in a relation, placed; the relations between them."""
    actors = briefing.actor_by_id
    edges = [
        Edge(index, relation.between[0], relation.between[1], relation.kind)
        for index, relation in enumerate(briefing.relations)
        if all(actor in actors for actor in relation.between)
    ]
    ordered = linked_actors(briefing)
    positions = spring(ordered, edges) if len(ordered) > 1 else {}
    scale = SPACING * math.sqrt(max(len(ordered), 1)) / 2
    nodes = []
    for actor_id in ordered:
        x, y = positions.get(actor_id, (0.0, 0.0))
        actor = actors[actor_id]
        nodes.append(Node(actor_id, actor.name, actor.kind, x * scale, y * scale))
    return Network(nodes, edges, unlinked(briefing))


def spring(ordered: list[str], edges: list[Edge]) -> dict[str, tuple[float, float]]:
    """networkx's force layout of the actors: imported only here, as a briefing with no
    relations (a roll-call) has nothing to lay out and should not wait half a second for it."""
    import networkx

    graph: networkx.Graph[str] = networkx.Graph()
    graph.add_nodes_from(ordered)
    graph.add_edges_from((edge.source, edge.target) for edge in edges)
    placed = networkx.spring_layout(graph, seed=SEED, iterations=iterations(len(ordered)))
    return {actor: (float(x), float(y)) for actor, (x, y) in placed.items()}


def linked_actors(briefing: Briefing) -> list[str]:
    """The ids of the actors in a relation (with a known actor), in briefing order: the ones
    the network draws."""
    known = briefing.actor_by_id
    linked = {
        actor
        for relation in briefing.relations
        if all(a in known for a in relation.between)
        for actor in relation.between
    }
    return [actor.id for actor in briefing.actors if actor.id in linked]


def unlinked(briefing: Briefing) -> list[str]:
    """The names of the actors in no relation (with a known actor), in briefing order."""
    linked = set(linked_actors(briefing))
    return [actor.name for actor in briefing.actors if actor.id not in linked]


def relation_title(briefing: Briefing, relation: Relation) -> str:
    """ "Russia — ally — Iran"; a mediation reads from the mediator."""
    first, second = (briefing.actor_by_id[a].name for a in relation.between)
    if relation.kind is RelationKind.MEDIATOR:
        return f"{first} mediates for {second}"
    return f"{first} — {relation.kind.value} — {second}"


def relation_page(briefing: Briefing, index: int) -> str:
    """A relation for the detail pane: who, what kind, the summary, and where to read it."""
    relation = briefing.relations[index]
    first, second = (briefing.actor_by_id[a] for a in relation.between)
    return (
        f"<h2>{anchor(Kind.ACTOR, first.id, first.name)} and "
        f"{anchor(Kind.ACTOR, second.id, second.name)}</h2>"
        f"<p><b>{escape(relation_title(briefing, relation))}</b></p>"
        f"<p>{escape(relation.summary)}</p>"
        f"<p>{passage_link(relation.passage, 'Read in briefing ›')}</p>"
    )


def actor_relations_page(briefing: Briefing, actor_id: str) -> str:
    """An actor for the Relations tab's pane: who it is and its relations, with the way to
    its full profile."""
    actor = briefing.actor_by_id[actor_id]
    relations = relation_items(briefing, actor_id)
    return (
        f"<h2>{escape(actor.name)}</h2>"
        f"<p><small>{escape(actor.kind.singular)}</small></p>"
        f"<p>{escape(actor.summary)}</p>"
        f"<p>{anchor(Kind.ACTOR, actor_id, 'Full profile ›')} &nbsp; "
        f"{passage_link(actor.passage)}</p>"
        f"<h3>Relations ({len(relations)})</h3>{bullets(relations, 'None recorded.')}"
    )
