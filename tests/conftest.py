"""Shared fixtures: data folders, the bundled briefing, and settings kept out of the user's home."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

hypothesis_settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
MINIMAL = DATA / "minimal"
SERIES = DATA / "series"
"""The minimal briefing with one position recorded three times (a series) in CSV."""
PROSE_ONLY = {
    "duplicate-anchor",
    "prose-file-missing",
    "prose-not-utf8",
    "text-path-absolute",
    "text-path-escapes",
}
"""Cases whose only errors are in the prose: they open, with the text replaced by the errors."""


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, caches and logs go to a fresh folder so tests never see the user's own."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("VISUAL", "true")  # a problem opened "in the editor" starts nothing
    scanning = sys.modules.get("viewer.ui.scanning")
    if scanning is not None:  # a scan still running for an earlier test reports to its own
        monkeypatch.setattr(scanning, "_scanner", None)


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected fails the test with its text at once, instead of waiting
    for a click until the test's time runs out."""
    from PySide6.QtWidgets import QMessageBox

    def shown(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box {title!r}: {text}")

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, shown)


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    from viewer.resources import default_briefing

    return default_briefing()


@pytest.fixture(scope="session")
def bundled(bundled_path: Path):
    from viewer.domain.loader import load_briefing

    result = load_briefing(bundled_path)
    assert result.briefing is not None, "\n".join(map(str, result.problems))
    return result.briefing


@pytest.fixture(scope="session")
def minimal():
    from viewer.domain.loader import load_briefing

    result = load_briefing(MINIMAL)
    assert result.briefing is not None, "\n".join(map(str, result.problems))
    return result.briefing


@pytest.fixture
def settings(tmp_path: Path):
    from viewer.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def new_window(qtbot, settings):
    """Makes shown main windows, set up as the app sets them up; files are not watched unless
    asked for."""
    from viewer.ui.app import create_application
    from viewer.ui.main_window import MainWindow

    create_application()

    def make(watch: bool = False) -> MainWindow:
        made = MainWindow(settings, watch=watch)
        qtbot.addWidget(made)
        made.show()
        return made

    return make


@pytest.fixture
def window(qtbot, new_window, bundled_path: Path):
    """The main window, shown and active, on the bundled briefing."""
    from tests.ui.helpers import open_and_wait

    main = new_window()
    assert open_and_wait(qtbot, main, bundled_path)
    main.activateWindow()
    qtbot.waitActive(main)
    return main


@pytest.fixture
def matrix(window):
    """The Issue Matrix tab, shown as a reader would open it."""
    from viewer.ui.matrix.view import MatrixView

    window.tabs.setCurrentIndex(window.tab_of(MatrixView))
    return window.view(MatrixView)


@pytest.fixture
def compare(window):
    """The Compare tab, shown as a reader would open it."""
    from viewer.ui.compare_view import CompareView

    window.tabs.setCurrentIndex(window.tab_of(CompareView))
    return window.view(CompareView)


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    """A small generated briefing with its stances in CSV."""
    from tests.benchmarks.generate import generate

    return generate(tmp_path / "synthetic", actors=6, issues=9)


@pytest.fixture
def library_folder(tmp_path: Path, bundled_path: Path) -> Path:
    """A library folder: the bundled briefing, the minimal one as a bundle, a broken one."""
    from viewer.domain import bundles

    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copytree(bundled_path, folder / "russia-iran")
    bundles.pack(MINIMAL, folder / "water.briefing")
    broken = folder / "broken"
    shutil.copytree(MINIMAL, broken)
    (broken / "briefing.yaml").write_text("format: [", encoding="utf-8")
    return folder


@pytest.fixture
def slow_renderer(monkeypatch: pytest.MonkeyPatch):
    """The process's prose renderer, with a time limit of one second instead of ten."""
    from viewer.domain import prose_worker

    renderer = prose_worker.ProseRenderer(seconds=1.0)
    monkeypatch.setattr(prose_worker, "_shared", renderer)
    yield renderer
    renderer.close()


@pytest.fixture(scope="session")
def multilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated English briefing with a paragraph in every script (``tests/multilingual``)."""
    from tests.multilingual import write_briefing

    return write_briefing(tmp_path_factory.mktemp("scripts") / "every-script")


@pytest.fixture(scope="session")
def persian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same briefing, written in Persian: laid out right to left."""
    from tests.multilingual import write_briefing

    return write_briefing(tmp_path_factory.mktemp("scripts") / "every-script-fa", "fa")


@pytest.fixture
def system_colours():
    """Colours back to the system's after a test that changes them: the application outlives
    the test."""
    yield
    from PySide6.QtGui import QGuiApplication

    from viewer.ui.theme import apply_colour_scheme

    application = QGuiApplication.instance()
    assert isinstance(application, QGuiApplication)
    apply_colour_scheme(application, "system")
