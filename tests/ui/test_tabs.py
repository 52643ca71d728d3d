"""The registry of tabs is the one list the window, the Go menu and navigation follow."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from viewer.domain.targets import Kind, Target
from viewer.ui.main_window import MainWindow
from viewer.ui.tabs import TABS, tab_for


def test_the_window_shows_the_registry_s_tabs_in_order(window: MainWindow) -> None:
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert titles == [tab.title for tab in TABS]


def test_every_tab_has_its_go_entry_and_shortcut(qtbot, window: MainWindow) -> None:
    for number, tab in enumerate(TABS, start=1):
        action = window.commands[f"tab_{number}"]
        assert action.text() == tab.menu_text
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
        action.trigger()
        assert window.tabs.currentIndex() == number - 1


def test_each_kind_of_target_has_exactly_one_tab_that_shows_it(window: MainWindow, bundled):
    examples = {
        Kind.ACTOR: Target(Kind.ACTOR, "iran"),
        Kind.THEME: Target(Kind.THEME, bundled.themes[0].id),
        Kind.ISSUE: Target(Kind.ISSUE, bundled.issues[0].id),
        Kind.STANCE: Target.stance(bundled.stances[0].actor, bundled.stances[0].issue),
        Kind.PASSAGE: Target(Kind.PASSAGE, bundled.stances[0].passage),
    }
    for kind, target in examples.items():
        assert sum(kind in tab.claims for tab in TABS) == 1, kind
        window.navigator.go(target)
        assert window.tabs.currentIndex() == tab_for(kind), kind
