"""The registry of tabs is the one list the window, the Go menu and navigation follow."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from viewer.domain.targets import Kind, Target
from viewer.ui.main_window import MainWindow
from viewer.ui.tabs import TABS, tab_for


def test_the_window_shows_the_registry_s_tabs_in_order(window: MainWindow) -> None:
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert titles == [tab.title for tab in TABS]


def test_every_tab_has_its_go_entry_and_shortcut(qtbot, window: MainWindow) -> None:
    for number, tab in enumerate(TABS, start=1):
        action = window.commands[f"tab_{number}"]
        assert action.text() == tab.menu_text
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
        action.trigger()
        assert window.tabs.currentIndex() == number - 1


def test_each_kind_of_target_has_exactly_one_tab_that_shows_it(window: MainWindow, bundled):
    examples = {
        Kind.ACTOR: Target(Kind.ACTOR, "iran"),
        Kind.THEME: Target(Kind.THEME, bundled.themes[0].id),
        Kind.ISSUE: Target(Kind.ISSUE, bundled.issues[0].id),
        Kind.STANCE: Target.stance(bundled.stances[0].actor, bundled.stances[0].issue),
        Kind.PASSAGE: Target(Kind.PASSAGE, bundled.stances[0].passage),
    }
    for kind, target in examples.items():
        assert sum(kind in tab.claims for tab in TABS) == 1, kind
        window.navigator.go(target)
        assert window.tabs.currentIndex() == tab_for(kind), kind


def test_other_tabs_are_imported_after_a_briefing_shows_never_at_start_up(tmp_path) -> None:
    """In a fresh process: none of the other tabs' modules is on the way to the first paint,
    and once a briefing has shown they are all imported, so no tab's first show waits on one."""
    import os
    import subprocess
    import sys

    from tests.conftest import MINIMAL

    code = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from viewer.ui import main_window
from viewer.ui.app import create_application
from viewer.ui.settings import Settings
from viewer.ui.tabs import TABS
main_window.IMPORT_TABS_AFTER_MS = 50
create_application()
window = main_window.MainWindow(Settings(Path({str(tmp_path)!r}) / "settings.ini"), watch=False)
window.show()
others = [tab.module for tab in TABS[2:]]
print("at start:", [module for module in others if module in sys.modules])
waiting = QEventLoop()
window.opened.connect(lambda: QTimer.singleShot(1000, waiting.quit))
window.open_briefing(Path({str(MINIMAL)!r}))
waiting.exec()
print("after:", [module for module in others if module not in sys.modules])
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("CONFIG", "CACHE", "STATE", "DATA"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "at start: []\nafter: []\n" in done.stdout
