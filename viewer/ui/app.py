"""Starting the desktop app: the QApplication, bundled fonts, style and the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

START = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 (timed from above)
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer import APP_NAME, __version__  # noqa: E402
from viewer.display import has_display  # noqa: E402
from viewer.resources import default_briefing, icon_file  # noqa: E402
from viewer.typesetting.fonts import load_fonts  # noqa: E402
from viewer.ui.faults import FaultHandler  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402
from viewer.ui.settings import Settings  # noqa: E402
from viewer.ui.theme import apply_colour_scheme, ui_font  # noqa: E402


def create_application() -> QApplication:
    """The application, set up once: fonts, style and colour scheme (reused when it exists)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication) and existing.property("briefing-viewer-ready"):
        return existing
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setProperty("briefing-viewer-ready", True)
    app.setApplicationName("briefing-viewer")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("briefing-viewer")
    app.setStyle("Fusion")
    load_fonts()
    app.setFont(ui_font())
    apply_colour_scheme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_colour_scheme(app))
    app.setWindowIcon(QIcon(str(icon_file())))
    app.setDesktopFileName("briefing-viewer")  # the installed desktop entry (make install-desktop)
    return app


class _FirstPaint(QObject):
    """Quits right after the briefing's text is first painted and prints how long start-up
    took: the window painting empty is not what a reader waits for."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.armed = False
        self.done = False

    def arm(self) -> None:
        self.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.armed and not self.done:
            self.done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(
            f"first-paint {time.perf_counter() - self.started:.4f} at {time.time():.6f}",
            flush=True,
        )
        QApplication.quit()


def run(
    path: Path | None, quit_after_paint: bool = False, watch: bool = True, started: float = START
) -> int:
    if not has_display():
        print(
            "briefing-viewer: no display found (DISPLAY is not set). "
            "Run it in a desktop session, or use 'briefing-viewer validate' / 'export'.",
            file=sys.stderr,
        )
        return 1
    app = create_application()
    window = MainWindow(Settings(), watch=watch)
    FaultHandler(window).install()
    if quit_after_paint:
        watcher = _FirstPaint(started)
        window.briefing_view.filled.connect(watcher.arm)
        window.opened.connect(lambda shown: None if shown else watcher.arm())
        window.installEventFilter(watcher)
        window.briefing_view.text.viewport().installEventFilter(watcher)
        window.errors_view.list.viewport().installEventFilter(watcher)
    window.show()
    window.open_briefing(path or default_briefing())
    return app.exec()
