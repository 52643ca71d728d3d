"""The window's tabs, in order. Each is one view module; adding a tab is one module and one line.

A view is imported and built the first time its tab is shown, so only the reading tab's module is
on the start-up path; the registry says which kinds of target each tab shows, so the window can
route a jump without importing anything.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from viewer.domain.targets import Kind, Target

if TYPE_CHECKING:
    from viewer.domain.model import Briefing
    from viewer.domain.problems import Problem
    from viewer.ui.navigation import Navigator
    from viewer.ui.settings import Settings


class TabView(Protocol):
    """What the window asks of a tab's view."""

    CLAIMS: ClassVar[frozenset[Kind]]

    def __init__(self, navigator: Navigator, settings: Settings) -> None: ...

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        """Show a new briefing (``problems``: its errors, for a view that shows them)."""

    def show_target(self, target: Target) -> bool:
        """Show a target of a kind the tab claims; False when it is not in the view."""

    def current_place(self) -> Target | None:
        """The place the reader is at (for a bookmark or a note), if the tab has one."""

    def state(self) -> object:
        """What the reader has selected, to keep across a reload."""

    def restore(self, state: object) -> None:
        """Select again what :meth:`state` gave, where it still exists."""


@dataclass(frozen=True)
class Tab:
    title: str
    menu_text: str
    """The Go menu's entry, with its mnemonic."""
    view: str
    """``module:Class`` of the view."""
    claims: frozenset[Kind] = frozenset()
    needs_briefing: bool = True
    """False for a tab with something to show before any briefing is open (the library)."""

    @property
    def module(self) -> str:
        return self.view.partition(":")[0]

    def view_class(self) -> type[TabView]:
        name = self.view.partition(":")[2]
        found: type[TabView] = getattr(importlib.import_module(self.module), name)
        return found

    def build(self, navigator: Navigator, settings: Settings) -> TabView:
        return self.view_class()(navigator, settings)


TABS: tuple[Tab, ...] = (
    Tab("Library", "&Library", "viewer.ui.library_view:LibraryView", needs_briefing=False),
    Tab("Briefing", "B&riefing", "viewer.ui.briefing_view:BriefingView", frozenset({Kind.PASSAGE})),
    Tab("Themes", "&Themes", "viewer.ui.themes_view:ThemesView", frozenset({Kind.THEME})),
    Tab("Actors", "&Actors", "viewer.ui.actors_view:ActorsView", frozenset({Kind.ACTOR})),
    Tab(
        "Issue Matrix",
        "Issue &matrix",
        "viewer.ui.matrix.view:MatrixView",
        frozenset({Kind.ISSUE, Kind.STANCE}),
    ),
    Tab("Compare", "&Compare", "viewer.ui.compare_view:CompareView"),
    Tab("Relations", "R&elations", "viewer.ui.relations_view:RelationsView"),
    Tab("Timeline", "Time&line", "viewer.ui.timeline_view:TimelineView"),
)


def tab_for(kind: Kind) -> int:
    """The index of the tab that shows targets of ``kind``."""
    return next(index for index, tab in enumerate(TABS) if kind in tab.claims)


def import_one_more(tabs: Sequence[Tab] = TABS) -> bool:
    """Import the view module of the first tab whose module is not imported yet; False when
    every one is. The window calls it once it has shown a briefing, one module per turn, so
    that a tab's first show does not import (20 to 40 ms each) and start-up imports none."""
    for tab in tabs:
        if tab.module not in sys.modules:
            tab.view_class()
            return True
    return False
