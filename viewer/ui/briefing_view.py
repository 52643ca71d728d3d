"""The Briefing tab: rendered prose with a contents sidebar, find, zoom and passage jumps."""

from __future__ import annotations

import time
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from viewer.domain import foreground
from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.prose import TocEntry
from viewer.domain.scripts import is_right_to_left
from viewer.domain.targets import Kind, Target
from viewer.presentation.citations import title_block
from viewer.presentation.pages import unavailable_html
from viewer.presentation.styles import PROSE_CSS, PROSE_FAMILY, PROSE_POINT_SIZE
from viewer.typesetting.anchors import named_anchors, table_anchors
from viewer.ui.accessible import clear_button, label_for
from viewer.ui.actions import LOCAL_KEYS, key_text, shortcut_text, spec_named
from viewer.ui.browser import LinkBrowser
from viewer.ui.navigation import Navigator
from viewer.ui.panes import beside, side_by_side, stack
from viewer.ui.roles import ID_ROLE
from viewer.ui.settings import ZOOM_LIMIT, Settings
from viewer.ui.theme import highlight_colour

SLICE_CHARS = 20_000
"""HTML laid out in the first event-loop turn: 20 to 40 ms of Qt's time on the development
machine for ordinary prose."""
SLICE_MS = 40
"""What each later turn aims at, so the window answers a click or a key within about that."""
SLICE_JOINT = '<p style="margin: 0; font-size: 1px">\u200b</p>'
"""Opens every slice after the first. Qt merges the first block of inserted HTML into the block
at the cursor, losing its format; this empty line is what gets merged instead."""
LOAD_STEPS = 1000
"""The loading bar's range: fine enough to move with each block of a large stance file."""
PROGRESS_DELAY_MS = 150
"""A text that fills in faster than this shows no progress bar at all."""
MEASURE_CHARS = 80
"""Longest line, in average characters: beyond about this, reading slows down."""


class Slices:
    """The text's top-level blocks of HTML, handed out a slice at a time: each slice as large as
    lays out in about :data:`SLICE_MS` (the size adapts to the text, since a slice of many small
    anchored paragraphs costs Qt far more than one of long ones)."""

    def __init__(self, blocks: Sequence[str]) -> None:
        self._blocks = list(reversed(blocks))
        self.total = sum(map(len, blocks))
        self.done = 0
        self.size = SLICE_CHARS

    def __bool__(self) -> bool:
        return bool(self._blocks)

    def take(self) -> str:
        """The next slice: whole blocks, up to :attr:`size` characters (at least one block)."""
        taken: list[str] = []
        size = 0
        while self._blocks and (not taken or size + len(self._blocks[-1]) <= self.size):
            taken.append(self._blocks.pop())
            size += len(taken[-1])
        self.done += size
        return "\n".join(taken)

    def took(self, seconds: float) -> None:
        """Size the next slice by how long the last one took to lay out."""
        wanted = self.size * SLICE_MS / 1000 / max(seconds, 0.001)
        self.size = round(min(max(wanted, SLICE_CHARS / 10), SLICE_CHARS * 4))


class ProseBrowser(LinkBrowser):
    """Keeps a readable line length by widening the side margins of wide windows."""

    user_moved = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def fit_measure(self) -> None:
        width = self.viewport().width()
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        side = max(16, (width - measure) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)

    def mousePressEvent(self, event) -> None:
        self.user_moved.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        self.user_moved.emit()
        super().keyPressEvent(event)


def tip(text: str, action: str) -> str:
    return f"{text} ({shortcut_text(spec_named(action))})"


def tool_button(text: str, tool_tip: str, name: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tool_tip)
    button.setAccessibleName(name)
    return button


class FindBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in briefing")
        self.field.setAccessibleName("Find in briefing")
        clear_button(self.field, "Clear the search")
        self.count = QLabel()
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(90)
        close = LOCAL_KEYS["close_find"].key
        self.previous = tool_button("▲", tip("Previous match", "find_previous"), "Previous match")
        self.next = tool_button("▼", tip("Next match", "find_next"), "Next match")
        self.close_button = tool_button("✕", f"Close ({key_text(close)})", "Close find bar")
        layout.addWidget(label_for("Find:", self.field, "Find in briefing"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.close_button)
        QShortcut(
            QKeySequence(close),
            self,
            self.hide,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.close_button.clicked.connect(self.hide)


class BriefingView(QWidget):
    CLAIMS = frozenset({Kind.PASSAGE})
    filled = Signal()
    """The whole text is in the view (emitted after every new briefing)."""
    cancel_asked = Signal()
    """The reader pressed Cancel while a briefing was being read."""

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.settings = settings
        self.briefing: Briefing | None = None
        self.zoom = settings.zoom
        self.headings: list[TocEntry] = []
        self.matches: list[QTextCursor] = []
        self.match_index = -1
        self.highlighted_anchor = ""
        self._blocks: dict[str, QTextBlock] = {}
        self._anchor_of_block: dict[int, str] = {}
        """The first anchor in each block that has one, by block number."""
        self._items: dict[str, QTreeWidgetItem] = {}
        self._slices = Slices([])
        self._generation = 0
        self._target_position = 0
        self._position_pending = False
        self._pending_passage = ""

        self.contents = QTreeWidget()
        self.contents.setHeaderLabels(["Contents"])
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName("Contents")
        self.contents.setMinimumWidth(180)
        self.contents.itemActivated.connect(self._contents_activated)
        self.contents.itemClicked.connect(self._contents_activated)
        self.text = ProseBrowser(navigator, "Briefing text")
        self.text.user_moved.connect(self._reader_moved)
        self.text.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.field.textChanged.connect(self.find_text)
        self.find_bar.field.returnPressed.connect(self.find_next)
        self.find_bar.next.clicked.connect(self.find_next)
        self.find_bar.previous.clicked.connect(self.find_previous)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel opening")
        self.cancel.setToolTip("Stop reading this briefing")
        self.cancel.clicked.connect(self.cancel_asked)
        self.cancel.hide()

        reading = stack(beside(self.progress, self.cancel), self.text, self.find_bar, grow=1)
        side_by_side(self, self.contents, reading, (260, 900))

    def show_loading(self, message: str) -> None:
        """A progress bar with Cancel, and ``message`` in place of the text, while a briefing is
        read (the message only when no briefing is shown: a reload keeps the text the reader
        has)."""
        self.progress.show()
        self.cancel.show()
        if self.briefing is None:
            self.text.setHtml(f"<p><i>{escape(message)}</i></p>")

    def show_load_step(self, what: str, done: float) -> None:
        """What the load is doing: a bar that fills when the share ``done`` is known (0 to 1),
        a busy one when it is negative."""
        if done < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, LOAD_STEPS)
            self.progress.setValue(round(done * LOAD_STEPS))
        self.progress.setFormat(f"{what}: %p%")

    def hide_loading(self, message: str = "") -> None:
        """The load is over; ``message`` replaces the text if it was cancelled with no
        briefing shown."""
        self.cancel.hide()
        if not self.filling:
            self.progress.hide()
        if message and self.briefing is None:
            self.text.setHtml(f"<p><i>{escape(message)}</i></p>")

    # -- content --------------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        """Show ``briefing``'s text from where the reader last left it.

        A long text goes in slices, one event-loop turn each, so the window keeps responding
        while it fills; the progress bar shows how far it got. A briefing whose text could not be
        rendered shows why (``problems``).
        """
        self.remember_position()
        self.briefing = briefing
        self._generation += 1
        self.text.folder = briefing.folder
        document = self.text.document()
        document.setUndoRedoEnabled(False)
        document.setDefaultStyleSheet(PROSE_CSS)
        self.apply_zoom()
        self._blocks = {}
        self._anchor_of_block = {}
        self.highlighted_anchor = ""
        self._pending_passage = ""
        self._target_position = self.settings.reading_position(briefing.id)
        self._position_pending = True
        """Until the reader goes somewhere else, the view returns to that position once the
        text is in and shown."""
        rendered = briefing.rendered
        self.headings = list(rendered.toc) if rendered else []
        # The prose's own blocks say their direction (see markdown_ext); its contents follows.
        rtl = is_right_to_left(briefing.language)
        self.contents.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self._fill_contents()
        if rendered is None:
            self.text.setHtml(title_block(briefing) + unavailable_html(problems))
            self._slices = Slices([])
            self._finish_filling()
            return
        self._slices = Slices([table_anchors(block) for block in rendered.blocks])
        self.text.setHtml(title_block(briefing) + self._slices.take())
        self.text.fit_measure()
        self._index_new_blocks(document.begin())
        if self._slices:
            self.progress.setRange(0, self._slices.total)
            self.progress.setValue(self._slices.done)
            self.progress.setFormat("Laying out the text: %p%")
            QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)
            generation = self._generation
            QTimer.singleShot(1, lambda: self._fill_next(generation))
        else:
            self._finish_filling()

    @property
    def filling(self) -> bool:
        """Whether part of the text is still to be laid out."""
        return bool(self._slices)

    def _show_progress(self) -> None:
        if self._slices:
            self.progress.show()

    def _fill_next(self, generation: int) -> None:
        if generation != self._generation or not self._slices:
            return
        document = self.text.document()
        last = document.lastBlock()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        with foreground.busy():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            start = time.perf_counter()
            cursor.insertHtml(SLICE_JOINT + self._slices.take())
            self._index_new_blocks(last)
            self._slices.took(time.perf_counter() - start)
        self.progress.setValue(self._slices.done)
        if self._slices:
            QTimer.singleShot(1, lambda: self._fill_next(generation))
        else:
            self._finish_filling()

    def _finish_filling(self) -> None:
        self.progress.hide()
        self.find_text(self.find_bar.field.text() if self.find_bar.isVisible() else "")
        QTimer.singleShot(0, self._restore_position)
        if self._pending_passage:
            anchor, self._pending_passage = self._pending_passage, ""
            QTimer.singleShot(0, lambda: self.show_passage(anchor))
        self.filled.emit()

    def top_position(self) -> int:
        """The character at the top of the view: unlike a pixel offset, it survives a change of
        window size or zoom between two sessions."""
        return self.text.cursorForPosition(QPoint(0, 0)).position()

    def scroll_to_position(self, position: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(position, self.text.document().characterCount() - 1))
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(cursor).top())

    def _restore_position(self) -> None:
        """Scroll to where the reader was, once the text is laid out in a visible view (a
        hidden one has no size to scroll in: :meth:`showEvent` comes back here)."""
        if self._position_pending and self.text.isVisible() and not self.filling:
            self._position_pending = False
            self.scroll_to_position(self._target_position)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._position_pending:
            QTimer.singleShot(0, self._restore_position)

    def show_target(self, target: Target) -> bool:
        return self.show_passage(target.key)

    def state(self) -> object:
        return self.reading_position()

    def restore(self, state: object) -> None:
        """Go back to a reading position (a character of the text) once the text is in."""
        if isinstance(state, int):
            self._target_position = state
            self._position_pending = True
            if not self.filling:
                QTimer.singleShot(0, self._restore_position)

    def reading_position(self) -> int:
        """Where the reader is; until the text is filled in and shown, where they will be."""
        return (
            self._target_position if self._position_pending or self.filling else self.top_position()
        )

    def remember_position(self) -> None:
        if self.briefing is not None:
            self.settings.set_reading_position(self.briefing.id, self.reading_position())

    def _fill_contents(self) -> None:
        self.contents.clear()
        self._items = {}
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for entry in self.headings:
            while parents and parents[-1][0] >= entry.level:
                parents.pop()
            item = QTreeWidgetItem([entry.title])
            item.setData(0, ID_ROLE, entry.anchor)
            self._items[entry.anchor] = item
            item.setToolTip(0, entry.title)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.contents.addTopLevelItem(item)
            parents.append((entry.level, item))
        self.contents.expandAll()

    def _contents_activated(self, item: QTreeWidgetItem) -> None:
        self.navigator.go_to_passage(item.data(0, ID_ROLE))

    def _follow_scroll(self, value: int) -> None:
        """Highlight the contents entry of the section the reader is at: the heading they just
        jumped to while it is on screen, else the last heading at the top of the view, or, at
        the very end of the text (where a short last section never reaches the top), the last
        heading on screen."""
        layout = self.text.document().documentLayout()
        bottom = value + self.text.viewport().height()
        at_end = value >= self.text.verticalScrollBar().maximum()
        current = None
        for entry in self.headings:
            block = self.block_of(entry.anchor)
            if block is None:
                continue
            top = layout.blockBoundingRect(block).top()
            if top > (bottom if at_end else value + 24):
                break
            current = entry.anchor
        jumped = self.highlighted_anchor
        if jumped in self._items:
            block = self.block_of(jumped)
            top = layout.blockBoundingRect(block).top() if block is not None else -1.0
            if value - 24 <= top <= bottom:
                current = jumped
        item = self._items.get(current) if current else None
        if self.contents.currentItem() is not item:
            with QSignalBlocker(self.contents):
                if item is None:  # above the first heading: no section yet
                    self.contents.setCurrentIndex(QModelIndex())
                    self.contents.clearSelection()
                else:
                    self.contents.setCurrentItem(item)

    # -- passages -------------------------------------------------------------------------

    def _index_new_blocks(self, block: QTextBlock) -> None:
        """Record the block of every anchor from ``block`` on, so jumps and scrolling are
        lookups; each slice of a long text is indexed as it arrives."""
        for name, holder in named_anchors(block):
            self._blocks.setdefault(name, holder)
            self._anchor_of_block.setdefault(holder.blockNumber(), name)

    def _reader_block(self) -> QTextBlock:
        """The paragraph the reader is at: the highlighted one, else the one they last clicked
        in while it is on screen, else the one at the top of the view; above the first passage
        (on the title or the summary), the first passage."""
        highlighted = self.block_of(self.highlighted_anchor) if self.highlighted_anchor else None
        if highlighted is not None:
            return highlighted
        cursor = self.text.textCursor()
        if self.text.viewport().rect().contains(self.text.cursorRect(cursor).center()):
            block = cursor.block()
        else:
            block = self.text.document().findBlock(self.top_position())
        if self._anchor_before(block) is None:
            while block.isValid() and block.blockNumber() not in self._anchor_of_block:
                block = block.next()
        return block

    def _anchor_before(self, block: QTextBlock) -> str | None:
        """The anchor of ``block`` or of the nearest paragraph before it that has one."""
        while block.isValid():
            anchor = self._anchor_of_block.get(block.blockNumber())
            if anchor is not None:
                return anchor
            block = block.previous()
        return None

    def current_place(self) -> Target | None:
        """The passage the reader is at: its paragraph's anchor, or the nearest one before it
        (a paragraph without an id of its own belongs to its section)."""
        anchor = self._anchor_before(self._reader_block())
        return None if anchor is None else Target(Kind.PASSAGE, anchor)

    def reader_paragraph(self) -> str:
        """The words of the paragraph the reader is at, to keep with a note on it."""
        block = self._reader_block()
        return block.text() if block.isValid() else ""

    def block_of(self, anchor: str) -> QTextBlock | None:
        return self._blocks.get(anchor)

    def show_passage(self, anchor: str) -> bool:
        """Scroll ``anchor`` to the top and highlight its paragraph until the reader moves on.

        While a long text is still filling in, the jump waits for the anchor's slice.
        """
        block = self.block_of(anchor)
        if block is None:
            known = self.briefing is not None and anchor in self.briefing.anchors
            if self.filling and known:
                self._pending_passage = anchor
                self._position_pending = False
                return True
            return False
        self._position_pending = False
        self.text.scrollToAnchor(anchor)
        self.highlighted_anchor = anchor
        self._update_selections()
        return True

    @Slot()
    def _reader_moved(self) -> None:
        """The reader clicked or typed in the text: it is theirs now, no position is put back."""
        self._position_pending = False
        self.clear_highlight()

    @Slot()
    def clear_highlight(self) -> None:
        if self.highlighted_anchor:
            self.highlighted_anchor = ""
            self._update_selections()

    def highlighted_text(self) -> str:
        block = self.block_of(self.highlighted_anchor) if self.highlighted_anchor else None
        return block.text() if block is not None else ""

    def _update_selections(self) -> None:
        """The one place that sets the text's extra selections: the highlighted passage under
        the find matches, so neither hides the other."""
        selections = []
        block = self.block_of(self.highlighted_anchor) if self.highlighted_anchor else None
        if block is not None:
            passage = QTextEdit.ExtraSelection()
            passage.cursor = QTextCursor(block)
            passage.cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            passage.format.setBackground(highlight_colour(self.palette()))
            passage.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(passage)
        for cursor in self.matches:
            match = QTextEdit.ExtraSelection()
            match.cursor = cursor
            match.format = QTextCharFormat()
            match.format.setBackground(QColor("#ffe066"))
            match.format.setForeground(QColor("#000000"))
            selections.append(match)
        self.text.setExtraSelections(selections)

    # -- find -----------------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    @Slot(str)
    def find_text(self, needle: str) -> None:
        self.matches = []
        document = self.text.document()
        if needle:
            cursor = document.find(needle, 0)
            while not cursor.isNull():
                self.matches.append(cursor)
                cursor = document.find(needle, cursor)
        self.match_index = -1
        self.find_bar.field.setProperty("missing", bool(needle) and not self.matches)
        self.find_bar.field.style().polish(self.find_bar.field)
        if self.matches:
            self._go_to_match(0)
        else:
            cursor = self.text.textCursor()
            cursor.clearSelection()
            self.text.setTextCursor(cursor)
            self._update_selections()
            self.find_bar.count.setText("No matches" if needle else "")

    @Slot()
    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        if self.matches:
            self._go_to_match((self.match_index + 1) % len(self.matches))

    @Slot()
    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        if self.matches:
            self._go_to_match((self.match_index - 1) % len(self.matches))

    def _go_to_match(self, index: int) -> None:
        self._position_pending = False
        self.match_index = index
        self.text.setTextCursor(self.matches[index])
        self.text.ensureCursorVisible()
        self._update_selections()
        self.find_bar.count.setText(f"{index + 1} of {len(self.matches)}")

    # -- zoom -----------------------------------------------------------------------------

    def change_zoom(self, step: int) -> None:
        self.zoom = 0 if step == 0 else max(-ZOOM_LIMIT, min(ZOOM_LIMIT, self.zoom + step))
        self.settings.zoom = self.zoom
        self.apply_zoom()

    def apply_zoom(self) -> None:
        font = QFont(PROSE_FAMILY)
        font.setPointSizeF(max(6.0, PROSE_POINT_SIZE + self.zoom))
        document: QTextDocument = self.text.document()
        document.setDefaultFont(font)
        self.text.setFont(font)
        self.text.fit_measure()
