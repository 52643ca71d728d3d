"""The main window: the tabs of the registry, menus from the action table, opening and reloading
briefings, and handing each jump to the tab that claims it. It holds no feature logic of its own.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer import APP_NAME, folders
from viewer.domain import bundles, foreground
from viewer.domain.atomic import write_bytes
from viewer.domain.bundles import SUFFIX
from viewer.domain.library import Shelf
from viewer.domain.loader import LoadResult
from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.progress import Cancelled
from viewer.domain.prose_worker import RENDER_SECONDS, RENDERING
from viewer.domain.targets import Kind, Target
from viewer.domain.textfiles import BRIEFING_FILE, FileStamp
from viewer.presentation.citations import about_html
from viewer.presentation.notes import holds, place_name
from viewer.ui import actions as action_table
from viewer.ui.briefing_view import BriefingView
from viewer.ui.errors_view import ErrorsView, cannot_open_heading, plural
from viewer.ui.loading import BriefingLoader
from viewer.ui.navigation import Navigator
from viewer.ui.notes_keeper import NotesKeeper
from viewer.ui.settings import Settings
from viewer.ui.tabs import TABS, TabView, import_one_more, tab_for
from viewer.ui.theme import THEMES, apply_colour_scheme
from viewer.ui.watching import BriefingWatcher

if TYPE_CHECKING:
    from viewer.ui.search_dialog import SearchDialog

PROBLEMS_HEIGHT = 180
"""Pixels the Problems panel takes when it appears: a few rows, the text stays the main thing."""
LOADING_DELAY_MS = 150
"""A briefing that loads faster than this shows no busy bar."""
IMPORT_TABS_AFTER_MS = 300
"""How long after a briefing shows the other tabs' modules start to be imported, one per turn."""
BRIEFING_ACTIONS = (
    "save_bundle",
    "print",
    "print_preview",
    "export_pdf",
    "export_matrix",
    "find",
    "find_next",
    "find_previous",
    "bookmark",
    "add_note",
    "show_notes",
    "export_notes",
    *(f"tab_{number}" for number, tab in enumerate(TABS, start=1) if tab.needs_briefing),
)
"""Actions that need an open briefing."""

View = TypeVar("View")


def _ignore_checked(run: Callable[[], object], _checked: bool = False) -> None:
    """Runs an action's handler without the ``checked`` flag that ``triggered`` passes."""
    run()


def _same(first: Path, second: Path) -> bool:
    return first.resolve() == second.resolve()


class MainWindow(QMainWindow):
    opened = Signal(bool)
    """A requested briefing is shown (True), or it could not be (False: its problems are)."""

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, watch: bool = True
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.briefing: Briefing | None = None
        self.path: Path | None = None
        """The folder shown, or being opened."""
        self._request = 0
        self._reloading = False
        self._loading_since = 0.0
        self._loading_timer = QTimer(self)
        self._loading_timer.timeout.connect(self._show_loading)
        self._shown_at = datetime.datetime.now()
        self._states: dict[int, object] = {}
        """What the reader had selected in each tab before a reload, until the tab is filled."""
        self._errors: tuple[Problem, ...] = ()
        self._step: tuple[str, float] | None = None
        """The load's latest step, shown once the loading bar is."""
        self._loading_shown = False
        self._before_open: tuple[Path | None, str] = (None, "")
        """The path shown and the briefing to reopen at start, as they were before an open
        began (what Cancel goes back to)."""
        self._watched: tuple[Path, tuple[FileStamp, ...]] | None = None
        self.loader = BriefingLoader(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.progressed.connect(self._progressed)
        self.watcher = BriefingWatcher(self) if watch else None
        if self.watcher is not None:
            self.watcher.changed.connect(self.reload)
        self.navigator = Navigator(self)
        self.navigator.accepts = self._can_show
        self.setWindowTitle(APP_NAME)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Views")
        self.tabs.setDocumentMode(True)
        for tab in TABS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, tab.title)
        self._views: dict[int, TabView] = {}
        self.briefing_view = self.view(BriefingView)
        """The reading view, built at once: a briefing opens on it, and find and zoom act on it."""
        self._stale: set[int] = set()
        """Tabs not yet given the current briefing (see :meth:`_fill_tab`)."""
        self.tabs.currentChanged.connect(self._fill_tab)
        self.errors_view = ErrorsView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.errors_view)
        self.setCentralWidget(self.pages)
        self.problems_view = ErrorsView()
        for problems in (self.errors_view, self.problems_view):
            problems.edit_failed.connect(lambda why: self.statusBar().showMessage(why, 8000))
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems_view)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.notes = NotesKeeper(self, self.navigator)
        self.commands = action_table.build(self)
        self._build_menus()
        self._connect()
        self.commands[f"theme_{settings.theme}"].setChecked(True)
        if settings.theme != "system":
            self.set_theme(settings.theme)
        self.statusBar()
        self._set_briefing_actions(False)  # until there is a briefing to show
        self._target: Target | None = None
        """Where to go in the briefing being opened, once it is shown."""
        self.search_dialog: SearchDialog | None = None
        geometry = settings.geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    # -- set-up ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        choice = ""
        for spec in action_table.ACTIONS:
            menu = menus.get(spec.menu)
            if menu is None:
                menu = menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            if spec.choice and spec.choice != choice:
                menu.addSeparator()  # a group of choices stands apart
            choice = spec.choice
            menu.addAction(self.commands[spec.name])
            self.addAction(self.commands[spec.name])
        problems = self.problems_dock.toggleViewAction()
        problems.setText("&Problems")
        menus["&View"].addSeparator()
        menus["&View"].addAction(problems)

    def _connect(self) -> None:
        view = self.briefing_view
        handlers: dict[str, Callable[[], object]] = {
            "open": self.choose_briefing,
            "reload": self.reload,
            "save_bundle": self.save_bundle,
            "add_folder": self.add_library_folder,
            "search": self.open_search,
            "bookmark": self.bookmark,
            "add_note": self.write_note,
            "show_notes": self.notes.show_pane,
            "export_notes": self.notes.export,
            "quit": self.close,
            "find": self.open_find,
            "find_next": view.find_next,
            "find_previous": view.find_previous,
            "zoom_in": lambda: view.change_zoom(1),
            "zoom_out": lambda: view.change_zoom(-1),
            "zoom_reset": lambda: view.change_zoom(0),
            "back": self.navigator.back,
            "forward": self.navigator.forward,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
            "export_matrix": self.export_matrix,
            "print": self.print_briefing,
            "print_preview": self.print_preview,
            "export_pdf": self.export_pdf,
        }
        for theme in THEMES:
            handlers[f"theme_{theme}"] = functools.partial(self.set_theme, theme)
        for index in range(len(TABS)):
            handlers[f"tab_{index + 1}"] = functools.partial(self.show_tab, index)
        for name, handler in handlers.items():
            self.commands[name].triggered.connect(functools.partial(_ignore_checked, handler))
        view.cancel_asked.connect(self.cancel_loading)
        self.navigator.requested.connect(self.show_target)
        self.navigator.opening.connect(self.open_at)
        self.navigator.history_changed.connect(self._update_history_actions)
        self.navigator.external_hovered.connect(self._show_link_target)
        self._update_history_actions()

    # -- tabs -----------------------------------------------------------------------------

    def view(self, kind: type[View]) -> View:
        """The view of the tab of class ``kind``, built the first time it is asked for.

        Only the reading tab is built at start-up: importing and building them all would double
        the time to the first paint.
        """
        index = self.tab_of(kind)
        if index not in self._views:
            built = TABS[index].build(self.navigator, self.settings)
            holder = self.tabs.widget(index)
            layout = holder.layout() if holder is not None else None
            assert layout is not None
            layout.addWidget(cast(QWidget, built))
            layout.activate()
            self._views[index] = built
        return cast(View, self._views[index])

    @staticmethod
    def tab_of(kind: type) -> int:
        """The index of the tab whose view is of class ``kind``."""
        return next(i for i, tab in enumerate(TABS) if tab.view.endswith(f":{kind.__name__}"))

    def _view_at(self, index: int) -> TabView:
        return self.view(TABS[index].view_class())

    def _fill_tab(self, index: int) -> None:
        """Give a tab the briefing the first time it is shown, and what the reader had selected
        there before a reload: work for tabs the reader never opens stays off the start-up
        path."""
        if self.briefing is None or index not in self._stale:
            return
        self._stale.discard(index)
        with foreground.busy():
            view = self._view_at(index)
            with self.navigator.quiet():
                view.set_briefing(self.briefing, self._errors)
                if index in self._states:
                    view.restore(self._states.pop(index))

    def show_tab(self, index: int) -> None:
        """Switch to a tab, leaving the page of problems of a briefing that did not open."""
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(index)

    @Slot(object)
    def show_target(self, target: Target) -> None:
        """Switch to the tab that claims the target's kind and show it there."""
        self.tabs.setCurrentIndex(tab_for(target.kind))
        shown = self._view_at(tab_for(target.kind)).show_target(target)
        if not shown and target.kind is Kind.PASSAGE:
            self.statusBar().showMessage(f"No passage '{target.key}' in this briefing", 5000)

    def _can_show(self, target: Target) -> bool:
        return self.briefing is not None and holds(self.briefing, target)

    # -- opening --------------------------------------------------------------------------

    def open_briefing(self, path: Path) -> None:
        """Start loading ``path``; :attr:`opened` says how it went. The window stays responsive
        meanwhile, and a briefing with errors shows them, keeping the app running."""
        self.briefing_view.remember_position()
        if not self._request:
            self._before_open = (self.path, self.settings.last_briefing)
        self.settings.last_briefing = str(path)
        if self.watcher is not None:
            self.watcher.stop()  # the files of the briefing shown until now no longer matter
        self.path = path
        self._target = None
        reading = self.tab_of(BriefingView)
        self.tabs.setTabEnabled(reading, True)
        self.show_tab(reading)  # where the progress shows
        self._load(reloading=False)

    @Slot(object, object)
    def open_at(self, path: Path, target: Target | None) -> None:
        """Open ``path`` (unless it is open already) and go to ``target`` in it."""
        if self.briefing is not None and self.path is not None and _same(path, self.path):
            if target is None:
                self.show_tab(self.tab_of(BriefingView))
            else:
                self.navigator.go(target)
            return
        self.open_briefing(path)
        self._target = target

    @Slot()
    def reload(self) -> None:
        """Load the open briefing again (an author saved a file of it); while another briefing
        is being opened, that open is what counts."""
        opening = self._request and not self._reloading
        if self.path is not None and not opening:
            self._load(reloading=True)

    def _load(self, reloading: bool) -> None:
        assert self.path is not None
        self._reloading = reloading
        self._request = self.loader.load(self.path)
        verb = "Reloading" if reloading else "Opening"
        self.statusBar().showMessage(f"{verb} {self.path}…")
        self._loading_since = time.monotonic()
        self._step = None
        self._loading_shown = False
        self._loading_timer.start(LOADING_DELAY_MS)

    def _show_loading(self) -> None:
        """Say what is happening while a briefing loads, once a second until it is there."""
        self._loading_timer.setInterval(1000)
        self._loading_shown = True
        seconds = int(time.monotonic() - self._loading_since)
        rendering = self._step is not None and self._step[0] == RENDERING
        limit = f"; the text is given up after {RENDER_SECONDS:g} s" if rendering else ""
        waited = f" ({seconds} s{limit})"
        self.briefing_view.show_loading(f"Reading {self.path}…{waited if seconds else ''}")
        self.briefing_view.show_load_step(*(self._step or ("Reading", -1.0)))

    def _progressed(self, what: str, done: float, request: int) -> None:
        if request != self._request:
            return
        self._step = (what, done)
        if self._loading_shown:
            self.briefing_view.show_load_step(what, done)

    def cancel_loading(self) -> None:
        """Stop opening (or reloading) a briefing; the reader is left with what they had."""
        if not self._request:
            return
        self.loader.cancel()
        self._request = 0
        self._loading_timer.stop()
        stopped = f"Stopped {'reloading' if self._reloading else 'opening'} {self.path}"
        if not self._reloading:
            self.path, self.settings.last_briefing = self._before_open
            if self.watcher is not None and self._watched is not None:
                self.watcher.watch(*self._watched)
        self.briefing_view.hide_loading(f"{stopped}. Choose a briefing in the Library tab.")
        self.statusBar().showMessage(stopped, 8000)

    def _loaded(self, result: LoadResult, request: int) -> None:
        if request != self._request:
            return  # overtaken by a newer request
        self._request = 0
        self._loading_timer.stop()
        self.briefing_view.hide_loading()
        self.statusBar().clearMessage()
        if self.watcher is not None:
            self.watcher.watch(result.folder, result.files)
            self._watched = (result.folder, result.files)
        keep_shown = self._reloading and self.briefing is not None
        if keep_shown and result.errors:
            when = self._shown_at.strftime("%H:%M:%S")
            self._show_problems(
                f"<b>The saved version has {plural(len(result.errors), 'error')}</b>; "
                f"showing the version loaded at {when}. Fix these and save again.",
                result.problems,
            )
            self.opened.emit(False)
        elif result.briefing is None:
            self._show_cannot_open(result)
            self.opened.emit(False)
        else:
            self._show(result, keep_reader_place=keep_shown)
            self.opened.emit(True)

    def _show_cannot_open(self, result: LoadResult) -> None:
        self.briefing = None
        self.navigator.reset()
        self.problems_dock.hide()
        watching = self.watcher is not None
        self.errors_view.show_problems(
            cannot_open_heading(str(result.folder), result.problems, watching), result.problems
        )
        self.pages.setCurrentWidget(self.errors_view)
        self.setWindowTitle(f"{result.folder} (errors) — {APP_NAME}")
        self._set_briefing_actions(False)

    def _show(self, result: LoadResult, keep_reader_place: bool) -> None:
        """Show a loaded briefing; after a reload, in the same tab with the same selections."""
        assert result.briefing is not None
        self._states = (
            {index: view.state() for index, view in self._views.items()}
            if keep_reader_place
            else {}
        )
        self.briefing = result.briefing
        self._shown_at = datetime.datetime.now()
        self._errors = result.errors
        self._stale = set(range(self.tabs.count()))
        self.pages.setCurrentWidget(self.tabs)
        reading = self.tab_of(BriefingView)
        current = self.tabs.currentIndex() if keep_reader_place else reading
        with foreground.busy(), QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(current)
        self._fill_tab(reading)
        self._fill_tab(current)
        if not keep_reader_place:
            self.navigator.reset()
            self._remember_opened(result.folder)
        self.setWindowTitle(f"{result.briefing.title} — {APP_NAME}")
        self.notes.set_briefing(result.briefing)
        self._set_briefing_actions(True)
        self._report(result)
        if self._target is not None:
            target, self._target = self._target, None
            QTimer.singleShot(0, lambda: self.navigator.go(target))
        QTimer.singleShot(IMPORT_TABS_AFTER_MS, self, self._import_tabs)

    def _import_tabs(self) -> None:
        """Import one more tab's module, and come back for the next in a later turn."""
        with foreground.busy():
            imported = import_one_more()
        if imported:
            QTimer.singleShot(1, self, self._import_tabs)

    @staticmethod
    def _remember_opened(path: Path) -> None:
        """The library lists briefings opened lately (a list that cannot be saved is no loss)."""
        shelf = Shelf.read(folders.shelf_file())
        shelf.opened(path)
        with contextlib.suppress(OSError):
            shelf.write(folders.shelf_file())

    def _report(self, result: LoadResult) -> None:
        """Errors in the Problems panel; warnings only said, and listed there on request."""
        if result.errors:
            self._show_problems(
                f"<b>{plural(len(result.errors), 'error')}</b> in this briefing; the rest of it "
                "works.",
                result.problems,
            )
            return
        self.problems_dock.hide()
        if result.warnings:
            count = plural(len(result.warnings), "warning")
            said = f"{count} while loading (View ▸ Problems lists them)"
            self.statusBar().showMessage(said, 8000)
            self.problems_view.show_problems(f"<b>{count}</b>", result.problems)

    def _show_problems(self, heading: str, problems: tuple[Problem, ...]) -> None:
        self.problems_view.show_problems(heading, problems)
        if not self.problems_dock.isVisible():
            self.problems_dock.show()
            self.resizeDocks([self.problems_dock], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def _set_briefing_actions(self, enabled: bool) -> None:
        for name in BRIEFING_ACTIONS:
            self.commands[name].setEnabled(enabled)
        reading = self.tab_of(BriefingView)  # stays: it shows a briefing's loading progress
        for index, tab in enumerate(TABS):
            if tab.needs_briefing and index != reading:
                self.tabs.setTabEnabled(index, enabled)

    @Slot()
    def choose_briefing(self) -> None:
        """A briefing is opened by its ``briefing.yaml`` or as a ``.briefing`` bundle."""
        start = str(Path(self.settings.last_briefing).parent) if self.settings.last_briefing else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Open briefing", start, f"Briefings ({BRIEFING_FILE} *{SUFFIX})"
        )
        if name:
            chosen = Path(name)
            self.open_briefing(chosen.parent if chosen.name == BRIEFING_FILE else chosen)

    @Slot()
    def save_bundle(self) -> None:
        if self.briefing is None or self.path is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Save as bundle", f"{self.briefing.id}{SUFFIX}", f"Bundles (*{SUFFIX})"
        )
        if not name:
            return
        target = Path(name) if name.endswith(SUFFIX) else Path(name + SUFFIX)
        source = self.path
        if source.is_file():
            self.report_write(lambda: write_bytes(target, source.read_bytes()), str(target))
        else:
            self.report_write(lambda: bundles.pack(source, target), str(target))

    # -- navigation -----------------------------------------------------------------------

    def _update_history_actions(self) -> None:
        self.commands["back"].setEnabled(self.navigator.can_go_back())
        self.commands["forward"].setEnabled(self.navigator.can_go_forward())

    def _show_link_target(self, href: str) -> None:
        if href:
            self.statusBar().showMessage(f"Opens in your browser: {href}")
        else:
            self.statusBar().clearMessage()

    def current_place(self) -> tuple[Target, str] | None:
        """The place the reader is at in the current tab, with the words it shows (a
        paragraph's text, or the name of an actor, theme or stance)."""
        if self.briefing is None or self.pages.currentWidget() is not self.tabs:
            return None
        index = self.tabs.currentIndex()
        target = self._view_at(index).current_place()
        if target is None:
            return None
        if target.kind is Kind.PASSAGE and index == self.tab_of(BriefingView):
            return target, self.briefing_view.reader_paragraph()
        return target, place_name(self.briefing, target)

    def _at_place(self, act: Callable[[Target, str], None]) -> None:
        place = self.current_place()
        if place is None:
            self.statusBar().showMessage(
                "Go to a paragraph, an actor, a theme or a stance first", 5000
            )
            return
        act(*place)

    def bookmark(self) -> None:
        self._at_place(self.notes.toggle_bookmark)

    def write_note(self) -> None:
        self._at_place(self.notes.write_note)

    def open_search(self) -> None:
        if self.search_dialog is None:
            from viewer.ui.search_dialog import SearchDialog  # off the start-up path

            self.search_dialog = SearchDialog(self.navigator, self)
        self.search_dialog.start()

    def add_library_folder(self) -> None:
        from viewer.ui.library_view import LibraryView

        library = self.tab_of(LibraryView)
        self.show_tab(library)
        self.view(LibraryView).add_folder()

    def open_find(self) -> None:
        self.tabs.setCurrentIndex(self.tab_of(BriefingView))
        self.briefing_view.open_find()

    # -- dialogs and output ---------------------------------------------------------------

    def show_shortcuts(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(action_table.shortcuts_html())
        box.open()

    def set_theme(self, choice: str) -> None:
        """Light, dark, or as the desktop is; remembered for the next start."""
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            apply_colour_scheme(application, choice)
        self.settings.theme = choice
        self.commands[f"theme_{choice}"].setChecked(True)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.setText(about_html(self.briefing))
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setOpenExternalLinks(False)
            label.linkActivated.connect(lambda href: self.navigator.open_url(QUrl(href)))
        box.open()

    def export_matrix(self) -> None:
        from viewer.ui.matrix.view import MatrixView

        if self.briefing is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export matrix", f"{self.briefing.id}-matrix.csv", "CSV files (*.csv)"
        )
        if name:
            self._fill_tab(self.tab_of(MatrixView))
            matrix = self.view(MatrixView)
            self.report_write(lambda: matrix.export_csv(Path(name)), name)

    def print_briefing(self) -> None:
        from viewer.ui.printing import print_with_dialog

        if self.briefing is not None:
            print_with_dialog(self, self.briefing)

    def print_preview(self) -> None:
        from viewer.ui.printing import preview

        if self.briefing is not None:
            preview(self, self.briefing)

    def export_pdf(self) -> None:
        from viewer.ui.printing import export_with_dialog

        if self.briefing is not None:
            notes = [shown.note for shown in self.notes.notes()]
            export_with_dialog(self, self.briefing, self.report_write, notes)

    def report_write(self, write: Callable[[], object], name: str) -> bool:
        """Run ``write``; say in the status bar that ``name`` was saved (or that the reader
        stopped it), or in a box why not."""
        try:
            write()
        except OSError as exc:
            QMessageBox.warning(self, APP_NAME, f"Could not write {name}:\n{exc.strerror or exc}")
            return False
        except Cancelled:
            self.statusBar().showMessage(f"Stopped; {name} was not written", 8000)
            return False
        self.statusBar().showMessage(f"Saved {name}", 6000)
        return True

    def event(self, event: QEvent) -> bool:
        """Painting the window is a burst of work that background threads give way to (see
        :mod:`viewer.domain.foreground`): the widgets inside it are painted here (a floating
        dock or a dialog paints on its own)."""
        if event.type() == QEvent.Type.UpdateRequest:
            with foreground.busy(linger=0.0):
                return super().event(event)
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.briefing_view.remember_position()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.notes.close()
        super().closeEvent(event)
