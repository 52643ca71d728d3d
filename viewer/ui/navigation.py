"""The one place that knows how to go somewhere: views hand it a target (or a link), and the
window gives the target to the tab that claims its kind. Jumps are kept in a back/forward history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices

from viewer.domain.targets import EXTERNAL_SCHEMES, Kind, Target, parse


class Navigator(QObject):
    requested = Signal(object)
    """A :class:`Target` to show."""
    history_changed = Signal()
    external_hovered = Signal(str)
    opening = Signal(object, object)
    """Another briefing to open (a path), and where in it (a :class:`Target`, or None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._back: list[Target] = []
        self._forward: list[Target] = []
        self._current: Target | None = None
        self._quiet = 0
        self.accepts: Callable[[Target], bool] = lambda target: True
        """Set by the window: whether a target exists in the open briefing. A link to an id
        that does not exist goes nowhere and is not recorded as a place in the history."""

    @property
    def current(self) -> Target | None:
        """Where the reader last went or chose, in any tab."""
        return self._current

    def go(self, target: Target, record: bool = True) -> None:
        if not target.key or not self.accepts(target):
            return
        if record and target != self._current:
            if self._current is not None:
                self._back.append(self._current)
            self._forward.clear()
        self._current = target
        self.history_changed.emit()
        self.requested.emit(target)

    def go_to_actor(self, actor_id: str) -> None:
        self.go(Target(Kind.ACTOR, actor_id))

    def go_to_theme(self, theme_id: str) -> None:
        self.go(Target(Kind.THEME, theme_id))

    def go_to_issue(self, issue_id: str) -> None:
        self.go(Target(Kind.ISSUE, issue_id))

    def go_to_stance(self, actor_id: str, issue_id: str) -> None:
        self.go(Target.stance(actor_id, issue_id))

    def go_to_passage(self, anchor: str) -> None:
        self.go(Target(Kind.PASSAGE, anchor))

    def note_location(self, target: Target) -> None:
        """Record where the reader is (a selection made by hand) without re-emitting it."""
        if not self._quiet and target != self._current:
            if self._current is not None:
                self._back.append(self._current)
            self._forward.clear()
            self._current = target
            self.history_changed.emit()

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Selections made by the app itself (filling a view) are not places the reader went."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    @Slot()
    def back(self) -> None:
        if self._back:
            if self._current is not None:
                self._forward.append(self._current)
            self.go(self._back.pop(), record=False)

    @Slot()
    def forward(self) -> None:
        if self._forward:
            if self._current is not None:
                self._back.append(self._current)
            self.go(self._forward.pop(), record=False)

    def reset(self) -> None:
        self._back.clear()
        self._forward.clear()
        self._current = None
        self.history_changed.emit()

    def open_briefing(self, path: Path, target: Target | None = None) -> None:
        """Open the briefing at ``path`` (from the library or a search hit), at ``target``."""
        self.opening.emit(path, target)

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        """Follow a link from any view: internal targets navigate, web links leave the app."""
        target = parse(url.toString())
        if target is not None:
            self.go(target)
        elif url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)

    @Slot(str)
    def hover(self, href: str) -> None:
        url = QUrl(href)
        self.external_hovered.emit(href if url.scheme() in EXTERNAL_SCHEMES else "")
