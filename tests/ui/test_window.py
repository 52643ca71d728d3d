"""The main window: opens on the bundled briefing with content in every tab; bad briefings show
their problems and the app keeps running."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QLineEdit,
    QListWidget,
    QMenuBar,
    QTabBar,
    QTreeView,
    QTreeWidget,
)

from tests.conftest import BAD, MINIMAL, PROSE_ONLY
from tests.ui.helpers import open_and_wait
from viewer.presentation.citations import about_html
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow
from viewer.ui.themes_view import ThemesView


def test_opens_on_bundled_briefing_with_content_in_each_tab(
    qtbot, window: MainWindow, bundled
) -> None:
    assert bundled.title in window.windowTitle()
    assert window.pages.currentWidget() is window.tabs
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    prose = window.briefing_view.text.toPlainText()
    assert "Key judgements" in prose
    assert len(prose.split()) > 2000
    assert window.briefing_view.contents.topLevelItemCount() >= 8
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tab_of(ThemesView)).center()
    )
    assert window.tabs.currentIndex() == window.tab_of(ThemesView)
    assert window.view(ThemesView).list.count() == len(bundled.themes)
    assert bundled.themes[0].title in window.view(ThemesView).detail.toPlainText()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tab_of(ActorsView)).center()
    )
    actor_rows = sum(
        window.view(ActorsView).model.item(row).rowCount()
        for row in range(window.view(ActorsView).model.rowCount())
    )
    assert actor_rows == len(bundled.actors)
    assert window.view(ActorsView).profile.toPlainText().strip()


def test_tabs_switch_with_ctrl_number(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.tab_of(ThemesView)


def test_bad_briefing_shows_its_problems_and_keeps_running(qtbot, window: MainWindow) -> None:
    assert not open_and_wait(qtbot, window, BAD / "unknown-actor-reference")
    assert window.pages.currentWidget() is window.errors_view
    rows = [window.errors_view.list.item(i).text() for i in range(window.errors_view.list.count())]
    assert rows == [
        f"{BAD / 'unknown-actor-reference'}/briefing.yaml:60:12: error: "
        "unknown actor 'lowlnd'; did you mean 'lowland'?"
    ]
    assert "cannot be opened" in window.errors_view.heading.text()
    item = window.errors_view.list.item(0)
    centre = window.errors_view.list.visualItemRect(item).center()
    viewport = window.errors_view.list.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.keyClick(window.errors_view.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    location = f"{BAD / 'unknown-actor-reference'}/briefing.yaml:60:12"
    assert QGuiApplication.clipboard().text() == location
    assert open_and_wait(qtbot, window, MINIMAL)
    assert window.pages.currentWidget() is window.tabs
    assert "Water talks" in window.windowTitle()


def test_every_bad_corpus_entry_opens_without_crashing(qtbot, window: MainWindow) -> None:
    for case in sorted(p for p in BAD.iterdir() if p.is_dir()):
        expected = (case / "expected.txt").read_text(encoding="utf-8")
        opened = open_and_wait(qtbot, window, case)
        assert opened == (": error:" not in expected or case.name in PROSE_ONLY), case.name
        problems = window.problems_view if opened else window.errors_view
        if ": error:" in expected:
            assert problems.list.count() == expected.count(": error:") + expected.count(
                ": warning:"
            )
            assert problems.isVisible()


def test_briefing_that_disappears_can_be_reopened(
    qtbot, tmp_path: Path, window: MainWindow
) -> None:
    folder = tmp_path / "moving"
    shutil.copytree(MINIMAL, folder)
    assert open_and_wait(qtbot, window, folder)
    (folder / "briefing.md").unlink()
    assert open_and_wait(qtbot, window, folder), "the data opens without its text"
    shown = window.briefing_view.text.toPlainText()
    assert "The text could not be shown" in shown and "not found" in shown
    assert window.problems_dock.isVisible()
    shutil.copy(MINIMAL / "briefing.md", folder / "briefing.md")
    assert open_and_wait(qtbot, window, folder)
    assert "The Rivella crosses both states" in window.briefing_view.text.toPlainText()
    assert not window.problems_dock.isVisible()


def test_interactive_widgets_have_accessible_names(window: MainWindow) -> None:
    kinds = (QLineEdit, QTreeView, QTreeWidget, QListWidget, QAbstractButton)
    unnamed = []
    qt_internals = (QTabBar, QLineEdit, QMenuBar)
    widgets = [w for kind in kinds for w in window.findChildren(kind)]
    for widget in widgets:
        if isinstance(widget.parent(), qt_internals) or widget.objectName().startswith("qt_"):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name:
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_window_geometry_is_remembered(qtbot, settings, bundled_path: Path) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    open_and_wait(qtbot, first, bundled_path)
    first.resize(700, 500)
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert settings.last_briefing == str(bundled_path)


def test_second_briefing_in_the_same_window_starts_fresh(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.navigator.go_to_actor("iran")
    window.view(ActorsView).filter.setText("zzz")
    assert open_and_wait(qtbot, window, MINIMAL)
    window.navigator.go_to_actor("upland")
    assert window.view(ActorsView).filter.text() == ""
    assert window.view(ActorsView).current_actor() == "upland"
    saved = tmp_path / "matrix.csv"
    monkeypatch.setattr(
        "viewer.ui.main_window.QFileDialog.getSaveFileName", lambda *args: (str(saved), "")
    )
    window.commands["export_matrix"].trigger()
    exported = saved.read_text(encoding="utf-8")
    assert "Upland" in exported
    assert "Iran" not in exported


def test_links_to_unknown_ids_go_nowhere_and_leave_no_history(window: MainWindow) -> None:
    window.navigator.go_to_actor("no-such-actor")
    window.navigator.go_to_passage("")
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert not window.commands["back"].isEnabled()


def test_about_shows_briefing_text_as_text(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(MINIMAL, folder)
    text = (folder / "briefing.yaml").read_text(encoding="utf-8")
    text = text.replace("title: The Rivella dam dispute", "title: <img src='/etc/passwd'>")
    text = text.replace("url: https://example.org/rivella", "url: file:///etc/passwd")
    (folder / "briefing.yaml").write_text(text, encoding="utf-8")
    assert open_and_wait(qtbot, window, folder)
    html = about_html(window.briefing)
    assert "&lt;img src=&#x27;/etc/passwd&#x27;&gt;" in html
    assert 'href="file:' not in html


def test_every_tab_fits_a_1280_pixel_screen(qtbot, window: MainWindow) -> None:
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(5)
        assert window.minimumSizeHint().width() <= 1280, window.tabs.tabText(tab)


def test_a_briefing_saved_as_a_bundle_opens_from_it(
    qtbot, window: MainWindow, bundled, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kw: (str(tmp_path / "to-send"), "")
    )
    window.commands["save_bundle"].trigger()
    bundle = tmp_path / "to-send.briefing"
    assert bundle.is_file()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(bundle), ""))
    with qtbot.waitSignal(window.opened, timeout=30_000) as opened:
        window.commands["open"].trigger()
    assert opened.args == [True]
    assert window.windowTitle().startswith(bundled.title)
    assert window.briefing is not None and window.briefing.stances == bundled.stances
