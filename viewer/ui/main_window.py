"""The main window: places the views in tabs, builds menus from the action table and routes
navigation requests to the right tab. It holds no feature logic of its own."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent
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

from viewer import __version__
from viewer.domain.loader import LoadResult
from viewer.domain.model import Briefing
from viewer.domain.problems import Problem
from viewer.domain.prose_worker import RENDER_SECONDS
from viewer.ui import actions as action_table
from viewer.ui.briefing_view import BriefingView
from viewer.ui.errors_view import ErrorsView, cannot_open_heading, plural
from viewer.ui.loading import BriefingLoader
from viewer.ui.navigation import EXTERNAL_SCHEMES, Navigator, Target
from viewer.ui.settings import Settings
from viewer.ui.watching import BriefingWatcher

if TYPE_CHECKING:
    from viewer.ui.actors_view import ActorsView
    from viewer.ui.compare_view import CompareView
    from viewer.ui.matrix_view import MatrixView
    from viewer.ui.themes_view import ThemesView

APP_NAME = "Briefing Viewer"
TAB_BRIEFING, TAB_THEMES, TAB_ACTORS, TAB_MATRIX, TAB_COMPARE = range(5)
PROBLEMS_HEIGHT = 180
"""Pixels the Problems panel takes when it appears: a few rows, the text stays the main thing."""
LOADING_DELAY_MS = 150
"""A briefing that loads faster than this shows no busy bar."""


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
        self._restore: dict[int, Callable[[], None]] = {}
        self._prose_problems: tuple[Problem, ...] = ()
        self.loader = BriefingLoader(self)
        self.loader.loaded.connect(self._loaded)
        self.watcher = BriefingWatcher(self) if watch else None
        if self.watcher is not None:
            self.watcher.changed.connect(self.reload)
        self.navigator = Navigator(self)
        self.navigator.accepts = self._can_show
        self.setWindowTitle(APP_NAME)

        self.briefing_view = BriefingView(self.navigator, settings)
        self._views: dict[int, QWidget] = {TAB_BRIEFING: self.briefing_view}
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Views")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.briefing_view, "Briefing")
        for title in ("Themes", "Actors", "Issue Matrix", "Compare"):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
        self._stale: set[int] = set()
        """Tabs not yet given the current briefing (see ``_fill_tab``)."""
        self.tabs.currentChanged.connect(self._fill_tab)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, False)  # until there is a briefing to show in them
        self.errors_view = ErrorsView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.errors_view)
        self.setCentralWidget(self.pages)
        self.problems_view = ErrorsView()
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems_view)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.actions = action_table.build(self)
        self._build_menus()
        self._connect()
        self.statusBar()
        geometry = settings.geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    # -- set-up ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in action_table.ACTIONS:
            menu = menus.get(spec.menu)
            if menu is None:
                menu = menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            menu.addAction(self.actions[spec.name])
            self.addAction(self.actions[spec.name])
        problems = self.problems_dock.toggleViewAction()
        problems.setText("&Problems")
        menus["&View"].addSeparator()
        menus["&View"].addAction(problems)

    def _connect(self) -> None:
        handlers = {
            "open": self.choose_briefing,
            "quit": self.close,
            "find": self.briefing_view_find,
            "find_next": self.briefing_view.find_next,
            "find_previous": self.briefing_view.find_previous,
            "zoom_in": lambda: self.briefing_view.change_zoom(1),
            "zoom_out": lambda: self.briefing_view.change_zoom(-1),
            "zoom_reset": lambda: self.briefing_view.change_zoom(0),
            "back": self.navigator.back,
            "forward": self.navigator.forward,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
            "export_matrix": self.export_matrix,
            "print": self.print_briefing,
            "print_preview": self.print_preview,
            "export_pdf": self.export_pdf,
        }
        for tab in range(5):
            handlers[f"tab_{tab + 1}"] = lambda _checked=False, tab=tab: self.tabs.setCurrentIndex(
                tab
            )
        for name, handler in handlers.items():
            self.actions[name].triggered.connect(handler)
        nav = self.navigator
        nav.actor_requested.connect(self.show_actor)
        nav.theme_requested.connect(self.show_theme)
        nav.issue_requested.connect(self.show_issue)
        nav.stance_requested.connect(self.show_stance)
        nav.passage_requested.connect(self.show_passage)
        nav.history_changed.connect(self._update_history_actions)
        nav.external_hovered.connect(self._show_link_target)
        self._update_history_actions()

    # -- opening --------------------------------------------------------------------------

    def open_briefing(self, path: Path) -> None:
        """Start loading ``path``; :attr:`opened` says how it went. The window stays responsive
        meanwhile, and a briefing with errors shows them, keeping the app running."""
        self.briefing_view.remember_position()
        self.settings.last_briefing = str(path)
        self.path = path
        self._load(reloading=False)

    @Slot()
    def reload(self) -> None:
        """Load the open briefing again (an author saved a file of it)."""
        if self.path is not None:
            self._load(reloading=True)

    def _load(self, reloading: bool) -> None:
        assert self.path is not None
        self._reloading = reloading
        self._request = self.loader.load(self.path)
        verb = "Reloading" if reloading else "Opening"
        self.statusBar().showMessage(f"{verb} {self.path}…")
        self._loading_since = time.monotonic()
        self._loading_timer.start(LOADING_DELAY_MS)

    def _show_loading(self) -> None:
        """Say what is happening while a briefing loads, once a second until it is there."""
        self._loading_timer.setInterval(1000)
        seconds = int(time.monotonic() - self._loading_since)
        waited = f" ({seconds} s; the text is given up after {RENDER_SECONDS:g} s)"
        self.briefing_view.show_loading(f"Reading {self.path}…{waited if seconds else ''}")

    def _loaded(self, result: LoadResult, request: int) -> None:
        if request != self._request:
            return  # overtaken by a newer request
        self._request = 0
        self._loading_timer.stop()
        self.briefing_view.hide_loading()
        self.statusBar().clearMessage()
        if self.watcher is not None:
            self.watcher.watch(result.folder, result.files)
        keep_shown = self._reloading and self.briefing is not None
        if keep_shown and result.errors:
            when = self._shown_at.strftime("%H:%M:%S")
            self._show_problems(
                f"<b>The saved version has {plural(len(result.errors), 'error')}</b>; "
                f"showing the version loaded at {when}. Fix these and save again.",
                result.problems,
            )
            self.opened.emit(False)
            return
        if result.briefing is None:
            self._show_cannot_open(result)
            self.opened.emit(False)
            return
        restore = self._capture_selection() if keep_shown else {}
        self._show(result, restore)
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

    def _show(self, result: LoadResult, restore: dict[int, Callable[[], None]]) -> None:
        briefing = result.briefing
        assert briefing is not None
        position = self.briefing_view.reading_position() if restore else None
        tab = self.tabs.currentIndex() if restore else TAB_BRIEFING
        self.briefing = briefing
        self._shown_at = datetime.datetime.now()
        self._restore = restore
        self._stale = set(range(self.tabs.count()))
        self._prose_problems = result.errors
        self.pages.setCurrentWidget(self.tabs)
        with QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(tab)
        self._stale.discard(TAB_BRIEFING)
        with self.navigator.quiet():
            self.briefing_view.set_briefing(briefing, position, result.errors)
        self._fill_tab(tab)
        if not restore:
            self.navigator.reset()
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self._set_briefing_actions(True)
        for index in range(self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        if result.errors:
            self._show_problems(
                f"<b>{plural(len(result.errors), 'error')}</b> in this briefing; the rest of it "
                "works.",
                result.problems,
            )
        else:
            self.problems_dock.hide()
            if result.warnings:
                self.statusBar().showMessage(
                    f"{plural(len(result.warnings), 'warning')} while loading "
                    "(View ▸ Problems lists them)",
                    8000,
                )
                self.problems_view.show_problems(
                    f"<b>{plural(len(result.warnings), 'warning')}</b>", result.problems
                )

    def _show_problems(self, heading: str, problems: tuple[Problem, ...]) -> None:
        self.problems_view.show_problems(heading, problems)
        if not self.problems_dock.isVisible():
            self.problems_dock.show()
            self.resizeDocks([self.problems_dock], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def _capture_selection(self) -> dict[int, Callable[[], None]]:
        """How to put back what the reader had selected in each built tab, after a reload."""
        restore: dict[int, Callable[[], None]] = {}
        if TAB_THEMES in self._views and (theme := self.themes_view.current_theme()):
            restore[TAB_THEMES] = lambda: self.themes_view.show_theme(theme)
        if TAB_ACTORS in self._views and (actor := self.actors_view.current_actor()):
            restore[TAB_ACTORS] = lambda: self.actors_view.show_actor(actor)
        matrix = self._views.get(TAB_MATRIX)
        if matrix is not None and self.matrix_view.table.currentIndex().isValid():
            cell = self.matrix_view.current_ids()
            restore[TAB_MATRIX] = lambda: self.matrix_view.select_if_shown(*cell)
        if TAB_COMPARE in self._views:
            pair = self.compare_view.pair()
            restore[TAB_COMPARE] = lambda: self.compare_view.compare_if_known(*pair)
        restore[TAB_BRIEFING] = lambda: None
        return restore

    def _view(self, tab: int) -> QWidget:
        """The tab's view, built the first time it is needed.

        Only the Briefing tab is built at start-up; the modules of the others are imported here,
        late, because importing and building them all would double the time to the first paint.
        """
        if tab not in self._views:
            if tab == TAB_THEMES:
                from viewer.ui.themes_view import ThemesView

                view: QWidget = ThemesView(self.navigator)
            elif tab == TAB_ACTORS:
                from viewer.ui.actors_view import ActorsView

                view = ActorsView(self.navigator)
            elif tab == TAB_MATRIX:
                from viewer.ui.matrix_view import MatrixView

                view = MatrixView(self.navigator, self.settings)
            else:
                from viewer.ui.compare_view import CompareView

                view = CompareView(self.navigator)
            layout = self.tabs.widget(tab).layout()
            layout.addWidget(view)
            layout.activate()
            self._views[tab] = view
        return self._views[tab]

    @property
    def themes_view(self) -> ThemesView:
        return self._view(TAB_THEMES)  # type: ignore[return-value]

    @property
    def actors_view(self) -> ActorsView:
        return self._view(TAB_ACTORS)  # type: ignore[return-value]

    @property
    def matrix_view(self) -> MatrixView:
        return self._view(TAB_MATRIX)  # type: ignore[return-value]

    @property
    def compare_view(self) -> CompareView:
        return self._view(TAB_COMPARE)  # type: ignore[return-value]

    def _fill_tab(self, tab: int) -> None:
        """Give a tab the briefing the first time it is shown: work for tabs the reader never
        opens stays off the start-up path."""
        if self.briefing is None or tab not in self._stale:
            return
        self._stale.discard(tab)
        briefing = self.briefing
        with self.navigator.quiet():
            if tab == TAB_BRIEFING:
                self.briefing_view.set_briefing(briefing, problems=self._prose_problems)
            else:
                self._view(tab).set_briefing(briefing)  # type: ignore[attr-defined]
            self._restore.pop(tab, lambda: None)()

    def _set_briefing_actions(self, enabled: bool) -> None:
        for name in (
            "print",
            "print_preview",
            "export_pdf",
            "export_matrix",
            "find",
            "find_next",
            "find_previous",
        ):
            self.actions[name].setEnabled(enabled)
        for tab in range(5):
            self.actions[f"tab_{tab + 1}"].setEnabled(enabled)

    @Slot()
    def choose_briefing(self) -> None:
        start = str(Path(self.settings.last_briefing).parent) if self.settings.last_briefing else ""
        folder = QFileDialog.getExistingDirectory(self, "Open briefing folder", start)
        if folder:
            self.open_briefing(Path(folder))

    def _can_show(self, target: Target) -> bool:
        briefing = self.briefing
        if briefing is None:
            return False
        if target.kind == "stance":
            return tuple(target.key.partition("/")[::2]) in briefing.stance_index
        known = {
            "actor": briefing.actor_by_id,
            "theme": briefing.theme_by_id,
            "issue": briefing.issue_by_id,
            "passage": briefing.anchors,
        }
        return target.key in known[target.kind]

    # -- navigation -----------------------------------------------------------------------

    @Slot(str)
    def show_actor(self, actor_id: str) -> None:
        if self.briefing and actor_id in self.briefing.actor_by_id:
            self.tabs.setCurrentIndex(TAB_ACTORS)
            self.actors_view.show_actor(actor_id)

    @Slot(str)
    def show_theme(self, theme_id: str) -> None:
        if self.briefing and theme_id in self.briefing.theme_by_id:
            self.tabs.setCurrentIndex(TAB_THEMES)
            self.themes_view.show_theme(theme_id)

    @Slot(str)
    def show_issue(self, issue_id: str) -> None:
        if self.briefing and issue_id in self.briefing.issue_by_id:
            self.tabs.setCurrentIndex(TAB_MATRIX)
            self.matrix_view.show_issue(issue_id)

    @Slot(str, str)
    def show_stance(self, actor_id: str, issue_id: str) -> None:
        if self.briefing and (actor_id, issue_id) in self.briefing.stance_index:
            self.tabs.setCurrentIndex(TAB_MATRIX)
            self.matrix_view.show_stance(actor_id, issue_id)

    @Slot(str)
    def show_passage(self, anchor: str) -> None:
        self.tabs.setCurrentIndex(TAB_BRIEFING)
        if not self.briefing_view.show_passage(anchor):
            self.statusBar().showMessage(f"No passage '{anchor}' in this briefing", 5000)

    def _update_history_actions(self) -> None:
        self.actions["back"].setEnabled(self.navigator.can_go_back())
        self.actions["forward"].setEnabled(self.navigator.can_go_forward())

    def _show_link_target(self, href: str) -> None:
        if href:
            self.statusBar().showMessage(f"Opens in your browser: {href}")
        else:
            self.statusBar().clearMessage()

    def briefing_view_find(self) -> None:
        self.tabs.setCurrentIndex(TAB_BRIEFING)
        self.briefing_view.open_find()

    # -- dialogs and output ---------------------------------------------------------------

    def show_shortcuts(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(action_table.shortcuts_html())
        box.open()

    def about_html(self) -> str:
        """Sources come from the briefing, which is untrusted: escaped, and linked only when
        the address is a web or mail link the navigator would open anyway."""
        sources = ""
        if self.briefing is not None:
            items = []
            for source in self.briefing.sources:
                parts = [escape(p) for p in (source.author, source.publisher, source.date) if p]
                url = ""
                if source.url:
                    shown = escape(source.url)
                    safe = QUrl(source.url).scheme() in EXTERNAL_SCHEMES
                    url = f' — <a href="{shown}">{shown}</a>' if safe else f" — {shown}"
                items.append(f"<li><i>{escape(source.title)}</i>, {', '.join(parts)}{url}</li>")
            sources = (
                f"<p><b>{escape(self.briefing.title)}</b> draws on:</p><ul>{''.join(items)}</ul>"
                if items
                else ""
            )
        return (
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Reads policy briefings offline: prose, themes, actors and an issue matrix.</p>"
            f"{sources}<p>Fonts: Charis SIL (SIL Open Font License), Open Sans (Apache 2.0).</p>"
        )

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.setText(self.about_html())
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setOpenExternalLinks(False)
            label.linkActivated.connect(lambda href: self.navigator.open_url(QUrl(href)))
        box.open()

    def export_matrix(self) -> None:
        if self.briefing is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export matrix", f"{self.briefing.id}-matrix.csv", "CSV files (*.csv)"
        )
        if name:
            self._fill_tab(TAB_MATRIX)
            self._report_write(lambda: self.matrix_view.export_csv(Path(name)), name)

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
            export_with_dialog(self, self.briefing, self._report_write)

    def _report_write(self, write, name: str) -> bool:
        try:
            write()
        except OSError as exc:
            QMessageBox.warning(self, APP_NAME, f"Could not write {name}:\n{exc.strerror or exc}")
            return False
        self.statusBar().showMessage(f"Saved {name}", 6000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.briefing_view.remember_position()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)
