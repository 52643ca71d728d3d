"""A rich-text pane whose links go through the navigator and whose resources stay local.

Tab and Shift+Tab step through the pane's links, and Enter follows the one in focus. Qt tells a
screen reader nothing when a link takes the focus (its text widgets have no hypertext interface on
Linux), so the pane says it: an announcement with the link's words, and its description names the
link until focus moves on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from viewer.domain import foreground
from viewer.presentation.pages import PART_BREAK, WHOLE_LIST
from viewer.typesetting.images import local_image
from viewer.ui.accessible import announce
from viewer.ui.navigation import Navigator

LINKS_HINT = "Tab moves from link to link, Enter follows the link in focus"


class LinkBrowser(QTextBrowser):
    whole_list_asked = Signal()
    """The reader asked for the whole of a list the page shows cut (see ``long_list``)."""

    def __init__(self, navigator: Navigator, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.setAccessibleDescription(LINKS_HINT)
        self.anchorClicked.connect(
            lambda url: (
                self.whole_list_asked.emit()
                if url.toString() == WHOLE_LIST
                else navigator.open_url(url)
            )
        )
        self.highlighted.connect(lambda url: navigator.hover(url.toString()))
        self._rest: list[str] = []
        self._page = 0

    def set_page(self, html: str) -> None:
        """Show ``html``: its first part at once and each further part (see ``PART_BREAK``) in
        a turn of its own, so that a long page never holds the window up while Qt lays it out."""
        first, *rest = html.split(PART_BREAK)
        with foreground.busy():
            self.setHtml(first)
        self._rest = rest
        if rest:
            page = self._page
            QTimer.singleShot(1, self, lambda: self._append_next(page))

    def setHtml(self, text: str) -> None:
        """Any page set ends the filling of the one before (its parts are dropped)."""
        self._page += 1
        self._rest = []
        super().setHtml(text)

    @property
    def filling(self) -> bool:
        """Whether part of the page is still to be laid out."""
        return bool(self._rest)

    def _append_next(self, page: int) -> None:
        if page != self._page or not self._rest:
            return  # another page has been set meanwhile
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        with foreground.busy():
            cursor.insertHtml(self._rest.pop(0))
        if self._rest:
            QTimer.singleShot(1, self, lambda: self._append_next(page))

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return local_image(self.folder, kind, url)

    def focused_link(self) -> str:
        """The words of the link that has the keyboard focus, or "" when none has."""
        cursor = self.textCursor()
        if not self.hasFocus() or not cursor.hasSelection():
            return ""
        inside = QTextCursor(self.document())  # Shift+Tab leaves the cursor before the link
        inside.setPosition(cursor.selectionEnd())
        return " ".join(cursor.selectedText().split()) if inside.charFormat().isAnchor() else ""

    def focusNextPrevChild(self, forward: bool) -> bool:
        cursor = self.textCursor()
        if (
            not forward
            and self.hasFocus()
            and cursor.hasSelection()
            and cursor.selectionStart() == 0
        ):
            # Qt steps back from a link at the very start of the text onto the same link, for
            # ever: a trap for Shift+Tab in a page that opens with a link. Leave the pane instead.
            moved = QTextEdit.focusNextPrevChild(self, forward)
        else:
            moved = super().focusNextPrevChild(forward)
        link = self.focused_link()
        announce(self, f"{link}, link" if link else "", LINKS_HINT)
        return moved
