"""Clicking links inside rich-text panes the way a reader does."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def link_hrefs(browser: QTextBrowser) -> list[str]:
    found = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href:
                found.append(href)
            iterator += 1
        block = block.next()
    return found


def click_link(qtbot, browser: QTextBrowser, href: str, occurrence: int = 0) -> None:
    """Scroll the link into view and click its middle with the mouse.

    Pending events run first, as they would before a reader's click: a view built on first
    show is laid out by them.
    """
    qtbot.wait(20)
    seen = 0
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                if seen == occurrence:
                    start = QTextCursor(browser.document())
                    start.setPosition(fragment.position())
                    end = QTextCursor(browser.document())
                    end.setPosition(fragment.position() + fragment.length())
                    browser.setTextCursor(start)
                    browser.ensureCursorVisible()
                    left, right = browser.cursorRect(start), browser.cursorRect(end)
                    if right.top() != left.top():  # the link wraps: click its first character
                        end.setPosition(fragment.position() + 1)
                        right = browser.cursorRect(end)
                    centre = QPoint(
                        (left.center().x() + right.center().x()) // 2, left.center().y()
                    )
                    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=centre)
                    return
                seen += 1
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link {href!r} in {browser.accessibleName()}")


def prose_paragraph(window, anchor: str) -> str:
    """The text of the paragraph the briefing view shows for ``anchor``."""
    block = window.briefing_view.block_of(anchor)
    assert block is not None
    return block.text()


def open_and_wait(qtbot, window, path, timeout_ms: int = 30_000) -> bool:
    """Open ``path`` in ``window`` as a reader would and wait until it is shown (with all of
    its text) or its problems are, failing past ``timeout_ms``; returns whether it opened."""
    started = time.monotonic()
    with qtbot.waitSignal(window.opened, timeout=timeout_ms) as opened:
        window.open_briefing(path)
    if opened.args[0]:
        left = max(int(timeout_ms - 1000 * (time.monotonic() - started)), 1)
        qtbot.waitUntil(lambda: not window.briefing_view.filling, timeout=left)
    return bool(opened.args[0])
