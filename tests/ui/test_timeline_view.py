"""The Timeline tab as the reader uses it: events on their dates in lanes, a click and a
double-click, filters and lanes by theme, following the other tabs, zoom, and the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import click_link
from viewer.presentation.timeline import LaneKind, lanes
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_view import EventItem, TimelineView


def show(qtbot, window: MainWindow) -> TimelineView:
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.tab_of(TimelineView)
    view = window.view(TimelineView)
    qtbot.wait(20)
    return view


def on_screen(view: TimelineView, item: EventItem) -> QPoint:
    return view.canvas.mapFromScene(item.mapToScene(item.rect().center()))


def item_of(view: TimelineView, index: int) -> EventItem:
    return next(item for item in view.event_items() if item.index == index)


def test_every_event_is_drawn_in_each_of_its_actors_lanes(qtbot, window, bundled) -> None:
    view = show(qtbot, window)
    expected = lanes(bundled, LaneKind.ACTOR)
    assert len(view.event_items()) == sum(len(lane.events) for lane in expected)
    assert view.count.text() == f"{len(bundled.timeline)} events in {len(expected)} lanes"
    assert [n.toolTip() for n in view.lane_names] == [lane.title for lane in expected]
    year_only = next(i for i, e in enumerate(bundled.timeline) if len(e.date) == 4)
    bar = item_of(view, year_only)
    assert bar.rect().width() == pytest.approx(view.per_year)  # the whole year, not a point
    assert view.canvas.viewport().rect().contains(on_screen(view, bar))


def test_clicking_an_event_shows_it_and_a_double_click_reads_it(qtbot, window, bundled) -> None:
    view = show(qtbot, window)
    index, event = next((i, e) for i, e in enumerate(bundled.timeline) if e.passage and e.actors)
    item = item_of(view, index)
    view.canvas.ensureVisible(item)
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(view, item))
    assert item.isSelected()
    text = " ".join(view.detail.toPlainText().split())
    assert event.event in text
    assert bundled.actor_by_id[event.actors[0]].name in text
    click_link(qtbot, view.detail, f"actor:{event.actors[0]}")
    assert window.view(ActorsView).current_actor() == event.actors[0]
    view = show(qtbot, window)
    item = item_of(view, index)
    view.canvas.ensureVisible(item)
    qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(view, item))
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert window.briefing_view.highlighted_anchor == event.passage


def test_filters_and_lanes_by_theme(qtbot, window, bundled) -> None:
    view = show(qtbot, window)
    view.actor.setCurrentIndex(view.actor.findData("turkey"))
    turkey = [i for i, e in enumerate(bundled.timeline) if "turkey" in e.actors]
    assert {item.index for item in view.event_items()} == set(turkey)
    view.actor.setCurrentIndex(0)
    view.lanes_by.setCurrentIndex(view.lanes_by.findData(LaneKind.THEME))
    themes = lanes(bundled, LaneKind.THEME)
    assert [n.toolTip() for n in view.lane_names] == [lane.title for lane in themes]


def test_after_an_actors_profile_the_timeline_shows_that_actors_events(
    qtbot, window, bundled
) -> None:
    window.navigator.go_to_actor("azerbaijan")
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    view = show(qtbot, window)
    assert view.actor.currentData() == "azerbaijan"
    assert view.event_items() and all(
        "azerbaijan" in bundled.timeline[item.index].actors for item in view.event_items()
    )
    view.actor.setCurrentIndex(0)  # the reader's own choice stands until they go elsewhere
    window.tabs.setCurrentIndex(window.tab_of(BriefingView))
    view = show(qtbot, window)
    assert view.actor.currentData() == ""


def test_zoom_stretches_time_and_fit_brings_it_back(qtbot, window) -> None:
    view = show(qtbot, window)
    fitted = view.per_year
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.per_year == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view.canvas, Qt.Key.Key_0)
    assert view.per_year == pytest.approx(fitted)


def test_the_keyboard_steps_through_events_in_time_and_leaves(qtbot, window, bundled) -> None:
    view = show(qtbot, window)
    view.canvas.setFocus()
    stops = view.canvas.stops()
    for number in range(len(stops)):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
        assert stops[number].isSelected()
    starts = [stop.rect().left() for stop in stops]
    assert starts == sorted(starts)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert not view.canvas.hasFocus() and QApplication.focusWidget() is not None
