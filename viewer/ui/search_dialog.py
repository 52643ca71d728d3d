"""Search across the library (Ctrl+K): results as the reader types, grouped by briefing, each
opening its briefing at the place it names.

Looking up runs on the searcher's thread (:mod:`viewer.ui.scanning`) and only the latest words
count, so the box never waits for the index; the library is scanned again each time the box
opens, so a briefing saved meanwhile is found as it now reads.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.search import CAPPED, MARK_END, MARK_START, Found, Hit
from viewer.domain.targets import parse
from viewer.ui.navigation import Navigator
from viewer.ui.scanning import HITS, LibrarySearcher, library_scanner
from viewer.ui.theme import highlight_colour

HIT_ROLE = Qt.ItemDataRole.UserRole + 20
"""The :class:`Hit` a result row opens (None on a briefing's heading row)."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 21
"""A result row as rich text, its matched words highlighted."""
DELAY_MS = 60
"""Typing pauses shorter than this do not start a search."""

Index = QModelIndex | QPersistentModelIndex


def _words(snippet: str) -> str:
    return " ".join(snippet.replace(MARK_START, "").replace(MARK_END, "").split())


def hit_html(hit: Hit, palette: QPalette) -> str:
    """A hit's kind, label and snippet, the matched words on the highlight colour (in the
    text's own colour: on a selected row, the selection's text colour may not read on it)."""
    mark = highlight_colour(palette).name()
    ink = palette.color(QPalette.ColorRole.Text).name()
    snippet = html.escape(" ".join(hit.snippet.split()))
    snippet = snippet.replace(MARK_START, f'<span style="background-color:{mark}; color:{ink}">')
    snippet = snippet.replace(MARK_END, "</span>")
    return f"<b>{html.escape(hit.kind.capitalize())}: {html.escape(hit.label)}</b><br>{snippet}"


def grouped(hits: Sequence[Hit]) -> list[list[Hit]]:
    """Hits by briefing, the briefing with the best hit first, each group best first."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(str(hit.path), []).append(hit)
    return list(groups.values())


class SnippetDelegate(QStyledItemDelegate):
    """Paints a result as rich text, so the matched words stand out in the snippet."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        markup = index.data(HTML_ROLE)
        if markup is None:
            return None
        document = QTextDocument()
        document.setDocumentMargin(3)
        document.setDefaultFont(option.font)
        document.setHtml(markup)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and isinstance(view, QTreeView):  # asked for a size: the row's width
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width = view.viewport().width() - view.indentation() * depth
        document.setTextWidth(max(width, 200))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = (
            QPalette.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        context.palette.setColor(
            QPalette.ColorRole.Text,
            option.palette.color(role),
        )
        rect = option.rect
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class ResultTree(QTreeView):
    """Enter opens the current result, as a double-click does; rows take their height again
    when the width changes (a snippet wraps to more or fewer lines)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
        else:
            super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """Down moves to the results; Enter opens the first (or chosen) one."""

    def __init__(self, results: ResultTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.results.model().rowCount():
            self.results.setFocus()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.results.currentIndex()
            if current.isValid():
                self.results.activated.emit(current)
        else:
            super().keyPressEvent(event)


class SearchDialog(QDialog):
    def __init__(self, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.setWindowTitle("Search the library")
        self.resize(760, 560)
        self.model = QStandardItemModel(self)
        self.results = ResultTree()
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformRowHeights(False)
        self.results.setWordWrap(True)
        self.results.activated.connect(self._open)
        self.results.doubleClicked.connect(self._open)
        self.box = SearchBox(self.results)
        self.box.setPlaceholderText("Search every briefing in the library")
        self.box.setAccessibleName("Search the library")
        self.box.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setAccessibleName("Search status")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Indexing progress")
        self.progress.setFormat("Indexing the library: %v of %m")
        self.progress.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.box)
        column.addWidget(self.progress)
        column.addWidget(self.results, 1)
        column.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.box.textChanged.connect(self._timer.start)
        self.searcher = LibrarySearcher(self)
        self.searcher.found.connect(self._found)
        self.scanner = library_scanner()
        self.scanner.progress.connect(self._progress)
        self.scanner.scanned.connect(self._scanned)
        self.shown_words: str | None = None
        """The words the results on show were found for."""

    def start(self) -> None:
        """Show the box, its words selected to type over, and bring the index up to date."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()
        self.scanner.scan()

    def search(self) -> None:
        words = self.box.text()
        if not words.strip():
            self._found(words, Found([], capped=False))
            return
        entries = self.scanner.entries
        self.searcher.ask(words, None if entries is None else [e.path for e in entries])

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    def _scanned(self, _entries: object) -> None:
        self.progress.hide()
        if self.isVisible() and self.box.text().strip():
            self.search()  # what the index now holds may match differently

    def _found(self, words: str, found: Found) -> None:
        if words != self.box.text():
            return  # the reader has typed on; their latest words are on their way
        self.shown_words = words
        hits = found.hits
        self.model.clear()
        palette = self.results.palette()
        groups = grouped(hits)
        titles = Counter(group[0].title for group in groups)
        for group in groups:
            first = group[0]
            title = first.title or first.path.name
            if (
                titles[first.title] > 1
            ):  # the same briefing in two places, say a folder and a bundle
                title = f"{title} — {first.path.name}"
            heading = QStandardItem(f"{title} ({len(group)})")
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setToolTip(str(group[0].path))
            for hit in group:
                row = QStandardItem(f"{hit.kind.capitalize()}: {hit.label} — {_words(hit.snippet)}")
                row.setData(hit, HIT_ROLE)
                row.setData(hit_html(hit, palette), HTML_ROLE)
                heading.appendRow(row)
            self.model.appendRow(heading)
        self.results.expandAll()
        if groups:
            self.results.setCurrentIndex(self.model.index(0, 0, self.model.index(0, 0)))
        self.status.setText(self._summary(words, len(hits), len(groups), found.capped))

    @staticmethod
    def _summary(words: str, count: int, briefings: int, capped: bool) -> str:
        if not words.strip():
            return ""
        if not count:
            return f"No match for “{words.strip()}”"
        shown = f"{count} match{'es' if count != 1 else ''}"
        where = f"{briefings} briefing{'s' if briefings != 1 else ''}"
        if capped:
            return f"{shown} in {where}: {CAPPED}"
        return f"{shown} in {where}" + (f" (the best {HITS})" if count >= HITS else "")

    def _open(self, index: QModelIndex) -> None:
        hit: Hit | None = index.data(HIT_ROLE)
        if hit is None:  # a briefing's heading: open it at its first match
            child = index.model().index(0, 0, index)
            hit = child.data(HIT_ROLE) if child.isValid() else None
        if hit is None:
            return
        self.hide()
        self.navigator.open_briefing(hit.path, parse(hit.target))
