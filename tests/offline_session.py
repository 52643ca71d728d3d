"""A reading session driven without a person, for the offline test: the window on the bundled
briefing, every tab, links in the prose and the profiles, passages, an export, then quit.

``python -m tests.offline_session OUT.pdf`` (run under ``strace`` by ``tests/test_offline.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from viewer.print.options import PrintOptions
from viewer.resources import default_briefing
from viewer.ui.app import create_application
from viewer.ui.main_window import MainWindow
from viewer.ui.printing import export_pdf
from viewer.ui.settings import Settings


def main(out: Path) -> int:
    create_application()
    window = MainWindow(Settings(out.parent / "settings.ini"))
    window.show()
    opened: list[bool] = []
    window.opened.connect(opened.append)
    window.open_briefing(default_briefing())
    while not opened or window.briefing_view.filling:
        QApplication.processEvents()
    briefing = window.briefing
    assert briefing is not None and opened == [True]
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
    for url in ("actor:iran", "#fn:1", "https://example.org/not-followed"):
        window.navigator.hover(url)
    for actor in briefing.actors:
        window.navigator.go_to_actor(actor.id)
    for stance in briefing.stances[:20]:
        window.navigator.go_to_stance(stance.actor, stance.issue)
        window.navigator.go_to_passage(stance.passage)
    window.navigator.open_url(QUrl("#fnref:1"))
    QApplication.processEvents()
    export_pdf(briefing, PrintOptions(), str(out))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
