"""The Relations tab as the reader uses it: the network drawn, a click on an actor or a
relation, filters, zoom, and the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.benchmarks.generate import generate
from tests.ui.helpers import click_link, open_and_wait
from viewer.domain.loader import load_briefing
from viewer.domain.model import ActorKind, RelationKind
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow
from viewer.ui.relations_view import WORKING, EdgeItem, NodeItem, RelationsView


def show(qtbot, window: MainWindow) -> RelationsView:
    """The tab as the reader sees it once the network is laid out (on a thread)."""
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.tab_of(RelationsView)
    view = window.view(RelationsView)
    drawn(qtbot, view)
    return view


def drawn(qtbot, view: RelationsView) -> None:
    qtbot.waitUntil(lambda: view.network is not None, timeout=20_000)
    qtbot.wait(20)


def on_screen(view: RelationsView, item: NodeItem | EdgeItem) -> QPoint:
    """Where the reader sees ``item``: a node's centre, a relation's midpoint."""
    if isinstance(item, NodeItem):
        return view.canvas.mapFromScene(item.scenePos())
    return view.canvas.mapFromScene(item.path().pointAtPercent(0.5))


def node(view: RelationsView, actor_id: str) -> NodeItem:
    return next(item for item in view.node_items() if item.node.actor_id == actor_id)


def visible(items) -> list:
    return [item for item in items if item.isVisible()]


def test_the_network_draws_every_relation_and_says_who_is_left_out(
    qtbot, window: MainWindow, bundled
) -> None:
    view = show(qtbot, window)
    linked = {a for relation in bundled.relations for a in relation.between}
    assert len(visible(view.node_items())) == len(linked)
    assert len(visible(view.edge_items())) == len(bundled.relations)
    assert view.count.text().startswith(f"{len(linked)} actors, {len(bundled.relations)} relations")
    left_out = view.count.text().split("in no relation: ")[1].split(", ")
    assert left_out == [actor.name for actor in bundled.actors if actor.id not in linked]
    rect = view.canvas.viewport().rect()  # fitted: every actor on screen
    assert all(rect.contains(on_screen(view, item)) for item in view.node_items())


def test_clicking_an_actor_shows_its_relations_and_a_double_click_its_profile(
    qtbot, window: MainWindow, bundled
) -> None:
    view = show(qtbot, window)
    actor = bundled.actors[0]
    where = on_screen(view, node(view, actor.id))
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    text = view.detail.toPlainText()
    assert text.startswith(actor.name)
    assert f"Relations ({len(bundled.relations_of_actor(actor.id))})" in text
    qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == actor.id


def test_clicking_a_relation_shows_its_summary_and_reads_it_in_the_briefing(
    qtbot, window: MainWindow, bundled
) -> None:
    view = show(qtbot, window)
    edge = next(e for e in view.edge_items() if bundled.relations[e.edge.index].passage)
    relation = bundled.relations[edge.edge.index]
    names = [bundled.actor_by_id[a].name for a in relation.between]
    assert all(name in edge.toolTip() for name in names)  # what hovering shows
    assert relation.kind.value in edge.toolTip() or "mediates" in edge.toolTip()
    view.canvas.scene().clearSelection()
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(view, edge))
    assert edge.isSelected()
    assert relation.summary in " ".join(view.detail.toPlainText().split())
    click_link(qtbot, view.detail, f"passage:{relation.passage}")
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert window.briefing_view.highlighted_anchor == relation.passage


def test_filters_hide_relations_and_actors_by_kind(qtbot, window: MainWindow, bundled) -> None:
    view = show(qtbot, window)
    allies = sum(r.kind is RelationKind.ALLY for r in bundled.relations)
    assert allies
    qtbot.mouseClick(view.relation_boxes[1][RelationKind.ALLY], Qt.MouseButton.LeftButton)
    shown = visible(view.edge_items())
    assert len(shown) == len(bundled.relations) - allies
    assert all(e.edge.kind is not RelationKind.ALLY for e in shown)
    assert f"{len(shown)} relations" in view.count.text()
    view.relation_boxes[1][RelationKind.ALLY].click()
    view.actor_boxes[1][ActorKind.STATE].click()
    assert all(item.node.kind is not ActorKind.STATE for item in visible(view.node_items()))
    states = {a.id for a in bundled.actors if a.kind is ActorKind.STATE}
    assert all(not states & {e.edge.source, e.edge.target} for e in visible(view.edge_items()))


def test_zoom_and_fit(qtbot, window: MainWindow) -> None:
    view = show(qtbot, window)
    view.canvas.setFocus()
    # Fit once by key: the fit made when the tab is first shown still sees the scroll bars of
    # the unscaled network, so on a network that must shrink it comes out a little smaller.
    qtbot.keyClick(view.canvas, Qt.Key.Key_0)
    fitted = view.canvas.transform().m11()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.canvas.transform().m11() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view.canvas, Qt.Key.Key_0)
    assert view.canvas.transform().m11() == pytest.approx(fitted)


def test_the_keyboard_alone_moves_between_actors_opens_one_and_leaves(
    qtbot, window: MainWindow, bundled
) -> None:
    view = show(qtbot, window)
    view.canvas.setFocus()
    order = view.canvas.stops()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.selected_node() is order[0]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.selected_node() is order[1]
    assert view.detail.toPlainText().startswith(order[1].node.name)
    for _ in order[2:]:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.canvas.hasFocus() and view.selected_node() is order[-1]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)  # past the last actor: on to the next control
    assert not view.canvas.hasFocus() and QApplication.focusWidget() is not None
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert window.view(ActorsView).current_actor() == order[-1].node.actor_id


def test_two_hundred_actors_are_drawn_and_laid_out_the_same_each_time(
    qtbot, new_window, tmp_path: Path
) -> None:
    folder = generate(tmp_path / "many", actors=200, issues=2)
    with (folder / "briefing.yaml").open("a", encoding="utf-8") as out:
        out.write("relations:\n")
        kinds = ["ally", "partner", "rival", "adversary", "mediator", "other"]
        for a in range(200):
            for step in (1, 7):
                out.write(
                    f"  - between: [actor-{a}, actor-{(a + step) % 200}]\n"
                    f"    kind: {kinds[(a + step) % 6]}\n"
                    f"    summary: Tie {a}.\n"
                )
    main = new_window()
    assert open_and_wait(qtbot, main, folder)
    view = show(qtbot, main)
    assert len(visible(view.node_items())) == 200 and len(view.edge_items()) == 400
    first = {item.node.actor_id: item.pos() for item in view.node_items()}
    main.view(RelationsView).set_briefing(main.briefing)
    drawn(qtbot, view)
    assert {item.node.actor_id: item.pos() for item in view.node_items()} == first


def test_switching_to_dark_redraws_in_the_dark_colours(qtbot, window: MainWindow) -> None:
    from viewer.ui.theme import dark_palette

    view = show(qtbot, window)
    dark = dark_palette()
    view.setPalette(dark)
    text = dark.color(dark.ColorRole.Text)
    assert all(item.label.text.brush().color() == text for item in view.node_items())
    assert all(
        item.palette.color(dark.ColorRole.Base) == dark.color(dark.ColorRole.Base)
        for item in view.node_items()
    )


def test_the_tab_shows_at_once_saying_it_lays_the_network_out_then_draws_it(
    qtbot, window: MainWindow, bundled
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    view = window.view(RelationsView)
    assert view.count.text() == WORKING and not view.node_items()
    drawn(qtbot, view)
    assert view.count.text().startswith(f"{len(visible(view.node_items()))} actors")
    assert len(view.edge_items()) == len(bundled.relations)


def test_a_layout_for_a_briefing_shown_since_is_dropped(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    view = show(qtbot, window)
    bundled = window.briefing
    roll_call = load_briefing(generate(tmp_path / "roll-call", actors=6, issues=2)).briefing
    view.set_briefing(bundled)  # laid out on a thread, then overtaken by a briefing with
    view.set_briefing(roll_call)  # no relations, drawn at once
    assert view.network is not None and not view.node_items()
    qtbot.wait(1000)
    assert not view.node_items() and view.count.text().startswith("0 actors, 0 relations")
    view.set_briefing(bundled)
    drawn(qtbot, view)
    assert view.node_items()


def test_an_actor_selected_before_a_reload_is_selected_again_once_drawn(
    qtbot, window: MainWindow
) -> None:
    view = show(qtbot, window)
    node(view, "iran").setSelected(True)
    kept = view.state()
    view.set_briefing(window.briefing)
    view.restore(kept)  # as the window does after a reload, before the layout is back
    drawn(qtbot, view)
    selected = view.selected_node()
    assert selected is not None and selected.node.actor_id == "iran"
