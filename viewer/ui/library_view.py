"""The Library tab: every briefing the reader keeps, to sort, filter and open.

The rows come from the library scanner (:mod:`viewer.ui.scanning`), which lists the bundled
briefings, the folders the reader added and the briefings opened lately; a briefing whose folder
is gone is listed as missing rather than reported again and again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer import folders
from viewer.domain.library import Entry, Shelf, State
from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target
from viewer.ui.accessible import clear_button, leave_by_tab
from viewer.ui.navigation import Navigator
from viewer.ui.roles import FILTER_ROLE, ID_ROLE
from viewer.ui.scanning import library_scanner
from viewer.ui.settings import Settings

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Subtitle", "Date", "Authors", "Actors", "Issues", "Stances", "State", "File")
WIDEST, WIDEST_TITLE = 260, 420
"""Pixels a column may take before its text is elided (the subtitle takes what is left)."""
NUMBERS = (4, 5, 6)
"""The columns of counts (actors, issues, stances)."""
STATES = {
    State.VALID: "valid",
    State.ERRORS: "has errors",
    State.MISSING: "missing",
    State.UNREAD: "could not be read",
}


def _shown_path(path: Path) -> str:
    """A path as a reader would write it, with their home folder as ``~``."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return str(entry.path)
        if role == FILTER_ROLE:
            return " ".join(
                (entry.shown_title, entry.subtitle, entry.date, *entry.authors, entry.path.name)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            subtitle = f"\n{entry.subtitle}" if entry.subtitle else ""
            return f"{entry.shown_title}{subtitle}\n{entry.path}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and entry.state is State.MISSING:
            font = QFont()
            font.setItalic(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        numbers = (entry.actors, entry.issues, entry.stances)
        if column in NUMBERS:
            value = numbers[NUMBERS.index(column)]
            return value if role == Qt.ItemDataRole.EditRole or entry.title else ""
        state = STATES[entry.state]
        if entry.state is State.ERRORS:
            state = f"{entry.errors} error{'s' if entry.errors != 1 else ''}"
        authors = ", ".join(entry.authors)
        shown = (entry.shown_title, entry.subtitle, entry.date, authors, *numbers, state)
        return shown[column] if column < len(shown) else _shown_path(entry.path)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return self.entries[section].shown_title  # the hidden row headers name each row aloud


class LibraryTable(QTableView):
    """Enter opens the current row, as a double-click does; Delete takes it off the list."""

    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.currentIndex().isValid():
            super().keyPressEvent(event)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(self.currentIndex())
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)


class LibraryView(QWidget):
    CLAIMS: frozenset[Kind] = frozenset()

    def __init__(
        self, navigator: Navigator, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.scanner = library_scanner()
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter the library")
        self.filter.setAccessibleName("Filter the library")
        clear_button(self.filter, "Clear the filter")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton("Add folder…")
        self.add_button.setToolTip("Add a folder of briefings to the library")
        self.add_button.clicked.connect(self.add_folder)
        self.remove_button = QPushButton("Remove from list")
        self.remove_button.setToolTip("Take the selected briefing off the list (its files stay)")
        self.remove_button.clicked.connect(self.remove_current)
        self.count = QLabel()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Library progress")
        self.progress.setFormat("Reading the library: %v of %m")
        self.progress.hide()
        self.table = LibraryTable()
        self.table.setAccessibleName("Library")
        leave_by_tab(self.table)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.table.remove_requested.connect(self.remove_current)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.count)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(row)
        column.addWidget(self.progress)
        column.addWidget(self.table, 1)
        self.scanner.progress.connect(self._progress)
        self.scanner.scanned.connect(self._scanned)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._application_state)

    # -- the tab's part ---------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, problems: Sequence[Problem] = ()) -> None:
        self.refresh()  # the briefing just opened is now among the recent ones

    def show_target(self, target: Target) -> bool:
        return False

    def current_place(self) -> Target | None:
        return None

    def state(self) -> object:
        return None

    def restore(self, state: object) -> None:
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """List the library each time it is shown: a folder may have changed meanwhile."""
        super().showEvent(event)
        self.refresh()

    def _application_state(self, state: Qt.ApplicationState) -> None:
        """Coming back to the app (perhaps after saving a briefing elsewhere) lists it again."""
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
            self.refresh()

    # -- listing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the library again (in the background)."""
        self.scanner.scan()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    def _scanned(self, entries: list[Entry]) -> None:
        self.progress.hide()
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):  # a long subtitle or path is elided, not the title
            widest = WIDEST_TITLE if column == 0 else WIDEST
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        missing = sum(entry.state is State.MISSING for entry in entries)
        self.count.setText(
            f"{len(entries)} briefing{'s' if len(entries) != 1 else ''}"
            + (f", {missing} missing" if missing else "")
        )

    def current_path(self) -> Path | None:
        index = self.table.currentIndex()
        return Path(index.data(ID_ROLE)) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        """Open a row's briefing (one that is missing opens to its problem, said plainly)."""
        self.navigator.open_briefing(Path(index.data(ID_ROLE)))

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of briefings to the library")
        if folder:
            self.change_shelf(lambda shelf: shelf.add_folder(Path(folder)))

    def remove_current(self) -> None:
        path = self.current_path()
        if path is not None:
            self.change_shelf(lambda shelf: shelf.remove(path))

    def change_shelf(self, change: Callable[[Shelf], object]) -> None:
        """Change the reader's list and show the library as it now is."""
        shelf = Shelf.read(folders.shelf_file())
        change(shelf)
        try:
            shelf.write(folders.shelf_file())
        except OSError:
            return
        self.refresh()
