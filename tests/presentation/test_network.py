"""The network's picture: the same every time, every relation drawn, kinds told apart without
colour."""

from __future__ import annotations

from viewer.domain.model import ActorKind, RelationKind
from viewer.presentation.network import (
    LINE_STYLES,
    NODE_SHAPES,
    actor_relations_page,
    layout,
    relation_page,
    relation_title,
)


def test_the_same_briefing_is_laid_out_the_same_way_each_time(bundled) -> None:
    first, again = layout(bundled), layout(bundled)
    assert first == again
    places = {(round(node.x), round(node.y)) for node in first.nodes}
    assert len(places) == len(first.nodes)  # no two actors on the same spot


def test_every_relation_is_an_edge_and_the_actors_in_none_are_named(bundled) -> None:
    network = layout(bundled)
    assert len(network.edges) == len(bundled.relations)
    drawn = {node.actor_id for node in network.nodes}
    in_relations = {actor for relation in bundled.relations for actor in relation.between}
    assert drawn == in_relations
    left_out = [actor.name for actor in bundled.actors if actor.id not in in_relations]
    assert network.unlinked == left_out


def test_kinds_differ_by_line_and_shape_not_colour() -> None:
    assert set(LINE_STYLES) == set(RelationKind) and set(NODE_SHAPES) == set(ActorKind)
    assert len({(s.dashes, s.width, s.arrow) for s in LINE_STYLES.values()}) == len(RelationKind)
    assert len(set(NODE_SHAPES.values())) == len(ActorKind)
    assert [kind for kind, style in LINE_STYLES.items() if style.arrow] == [RelationKind.MEDIATOR]


def test_a_relation_reads_with_both_names_its_kind_and_its_passage(bundled) -> None:
    index, relation = next(
        (i, r) for i, r in enumerate(bundled.relations) if r.kind is RelationKind.MEDIATOR
    )
    mediator, other = (bundled.actor_by_id[a].name for a in relation.between)
    assert relation_title(bundled, relation) == f"{mediator} mediates for {other}"
    page = relation_page(bundled, index)
    assert mediator in page and other in page and "Read in briefing" in page
    assert f"passage:{relation.passage}" in page


def test_an_actors_pane_lists_its_relations_and_leads_to_its_profile(bundled) -> None:
    actor = bundled.actors[0]
    page = actor_relations_page(bundled, actor.id)
    count = len(bundled.relations_of_actor(actor.id))
    assert f"Relations ({count})" in page
    assert f'href="actor:{actor.id}"' in page and "Full profile" in page
