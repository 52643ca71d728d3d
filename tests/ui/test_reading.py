"""Reading views: every navigation path a reader takes, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor

from tests.ui.helpers import click_link, link_hrefs, open_and_wait
from viewer.presentation.citations import about_html
from viewer.ui.actors_view import ActorsView
from viewer.ui.briefing_view import BriefingView
from viewer.ui.main_window import MainWindow
from viewer.ui.matrix.view import MatrixView
from viewer.ui.roles import ID_ROLE
from viewer.ui.themes_view import ThemesView


def test_actor_link_in_prose_opens_actor_profile(qtbot, window: MainWindow, bundled) -> None:
    text = window.briefing_view.text
    assert "actor:iran" in link_hrefs(text)
    click_link(qtbot, text, "actor:iran")
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == "iran"
    profile = window.view(ActorsView).profile.toPlainText()
    assert profile.startswith(bundled.actor_by_id["iran"].name)


def test_actor_stance_evidence_jumps_to_highlighted_passage(
    qtbot, window: MainWindow, bundled
) -> None:
    window.navigator.go_to_actor("russia")
    stance = bundled.stances_of_actor("russia")[0]
    click_link(qtbot, window.view(ActorsView).profile, f"passage:{stance.passage}")
    view = window.briefing_view
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert view.highlighted_anchor == stance.passage
    block = view.block_of(stance.passage)
    assert view.highlighted_text() == block.text() != ""
    top = view.text.document().documentLayout().blockBoundingRect(block).top()
    assert abs(view.text.verticalScrollBar().value() - top) < view.text.viewport().height()
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton)
    assert view.highlighted_text() == ""


def test_contents_click_scrolls_to_heading(qtbot, window: MainWindow) -> None:
    view = window.briefing_view
    tree = view.contents
    outlook = tree.findItems("Outlook", Qt.MatchFlag.MatchExactly)[0]
    before = view.text.verticalScrollBar().value()
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(outlook).center()
    )
    after = view.text.verticalScrollBar().value()
    assert after > before
    block = view.block_of(outlook.data(0, ID_ROLE))
    assert block.text() == "Outlook"
    assert tree.currentItem() is outlook


def test_current_section_follows_scrolling(qtbot, window: MainWindow) -> None:
    view = window.briefing_view
    target = view.block_of("syria")
    top = view.text.document().documentLayout().blockBoundingRect(target).top()
    view.text.verticalScrollBar().setValue(int(top))
    qtbot.waitUntil(lambda: view.contents.currentItem() is not None)
    assert view.contents.currentItem().text(0) == "Syria"


def test_back_and_forward_across_jumps(qtbot, window: MainWindow) -> None:
    window.navigator.go_to_actor("iran")
    window.navigator.go_to_theme(window.briefing.themes[1].id)
    assert window.tabs.currentIndex() == window.tab_of(ThemesView)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    assert window.view(ActorsView).current_actor() == "iran"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == window.tab_of(ThemesView)
    assert window.view(ThemesView).current_theme() == window.briefing.themes[1].id
    assert not window.commands["forward"].isEnabled()


def test_find_counts_and_steps_through_matches(qtbot, window: MainWindow) -> None:
    view = window.briefing_view
    expected = view.text.toPlainText().lower().count("caspian")
    assert expected > 1
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
    qtbot.keyClicks(view.find_bar.field, "Caspian")
    assert view.find_bar.count.text() == f"1 of {expected}"
    first = view.text.textCursor().position()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert view.find_bar.count.text() == f"2 of {expected}"
    assert view.text.textCursor().position() > first
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Escape)
    assert not view.find_bar.isVisible()


def test_find_reports_no_matches(qtbot, window: MainWindow) -> None:
    window.briefing_view.open_find()
    qtbot.keyClicks(window.briefing_view.find_bar.field, "zzqxj")
    assert window.briefing_view.find_bar.count.text() == "No matches"
    assert not window.briefing_view.text.textCursor().hasSelection()
    assert window.briefing_view.find_bar.field.property("missing") is True


def test_zoom_changes_text_size_and_persists(qtbot, window: MainWindow, settings) -> None:
    view = window.briefing_view
    size = view.text.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.text.document().defaultFont().pointSizeF() == size + 2
    again = MainWindow(settings)
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, window.briefing.folder)
    assert again.briefing_view.text.document().defaultFont().pointSizeF() == size + 2
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.text.document().defaultFont().pointSizeF() == size


def test_reading_position_is_remembered(qtbot, window: MainWindow, settings) -> None:
    view = window.briefing_view
    bar = view.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top_line = view.text.cursorForPosition(QPoint(0, 0)).block().text()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.resize(900, 700)
    open_and_wait(qtbot, again, window.briefing.folder)
    again.show()
    reopened = again.briefing_view.text
    qtbot.waitUntil(lambda: reopened.verticalScrollBar().value() > 0)
    assert reopened.cursorForPosition(QPoint(0, 0)).block().text() == top_line


def test_external_link_shows_target_and_never_loads(qtbot, window: MainWindow, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        "viewer.ui.navigation.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    window.navigator.hover("https://example.org/x")
    assert window.statusBar().currentMessage() == "Opens in your browser: https://example.org/x"
    html_before = window.briefing_view.text.toHtml()
    window.briefing_view.text.anchorClicked.emit(QUrl("https://example.org/x"))
    window.briefing_view.text.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.briefing_view.text.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/x"]
    assert window.briefing_view.text.toHtml() == html_before


def test_about_lists_sources_and_version(window: MainWindow, bundled) -> None:
    from viewer import __version__

    html = about_html(window.briefing)
    assert __version__ in html
    assert bundled.sources[0].author in html
    assert bundled.sources[0].title in html


def test_theme_issue_opens_matrix_filtered_with_its_column_selected(
    qtbot, window: MainWindow, bundled
) -> None:
    theme = next(t for t in bundled.themes if len(bundled.issues_of_theme(t.id)) >= 2)
    issue = bundled.issues_of_theme(theme.id)[1]
    window.navigator.go_to_theme(theme.id)
    click_link(qtbot, window.view(ThemesView).detail, f"issue:{issue.id}")
    matrix = window.view(MatrixView)
    assert window.tabs.currentIndex() == window.tab_of(MatrixView)
    assert matrix.filters.theme_combo.currentData() == theme.id
    visible = matrix.model.visible_issues
    assert set(visible) == {i.id for i in bundled.issues_of_theme(theme.id)}
    selected = {index.column() for index in matrix.table.selectionModel().selectedIndexes()}
    assert selected == {visible.index(issue.id)}
    assert issue.question in matrix.detail.toPlainText()


def test_profile_links_work_from_the_keyboard(qtbot, window: MainWindow, bundled) -> None:
    """Tab reaches the profile's first link ("Read in briefing") and Enter follows it."""
    window.navigator.go_to_actor("russia")
    profile = window.view(ActorsView).profile
    profile.setFocus()
    qtbot.keyClick(profile, Qt.Key.Key_Tab)
    assert profile.textCursor().selectedText() == "Read in briefing ›"
    with qtbot.waitSignal(profile.anchorClicked, timeout=2000):
        qtbot.keyClick(profile, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == window.tab_of(BriefingView)
    assert window.briefing_view.highlighted_anchor == bundled.actor_by_id["russia"].passage


def test_lists_are_usable_without_a_mouse(qtbot, window: MainWindow, bundled) -> None:
    window.tabs.setCurrentIndex(window.tab_of(ThemesView))
    themes = window.view(ThemesView).list
    themes.setFocus()
    qtbot.keyClick(themes, Qt.Key.Key_Down)
    assert window.view(ThemesView).current_theme() == bundled.themes[1].id
    assert bundled.themes[1].title in window.view(ThemesView).detail.toPlainText()


def anchor_in_view(view, anchor: str) -> bool:
    """Whether the place the anchor names is on screen in the reading view."""
    block = view.block_of(anchor)
    fragments = block.begin()
    while anchor not in fragments.fragment().charFormat().anchorNames():
        fragments += 1
    cursor = QTextCursor(block)
    cursor.setPosition(fragments.fragment().position())
    return 0 <= view.text.cursorRect(cursor).top() < view.text.viewport().height()


def test_every_in_document_link_of_the_bundled_briefing_moves_the_view(
    qtbot, window: MainWindow, bundled
) -> None:
    view = window.briefing_view
    targets = sorted({href for href in link_hrefs(view.text) if href.startswith("#")})
    assert {"#fn:1", "#fn:2", "#fnref:1", "#fnref:2"} <= set(targets)
    for href in targets:
        anchor = href[1:]
        assert anchor in bundled.anchors, href
        click_link(qtbot, view.text, href)
        assert window.tabs.currentIndex() == window.tab_of(BriefingView)
        assert view.highlighted_anchor == anchor, href
        qtbot.waitUntil(lambda anchor=anchor: anchor_in_view(view, anchor))


def test_footnote_and_its_back_link_round_trip(qtbot, window: MainWindow) -> None:
    view = window.briefing_view
    bar = view.text.verticalScrollBar()
    click_link(qtbot, view.text, "#fn:2")
    at_note = bar.value()
    assert "does not name the base" in view.highlighted_text()
    click_link(qtbot, view.text, "#fnref:2")
    assert bar.value() < at_note
    assert "Iranian air base" in view.highlighted_text()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.highlighted_anchor == "fn:2"


def test_a_short_last_section_is_highlighted_when_clicked(qtbot, new_window, tmp_path) -> None:
    """The last section cannot scroll to the top of the view; clicking it still marks it."""
    import shutil

    from tests.conftest import MINIMAL
    from tests.ui.helpers import open_and_wait

    folder = tmp_path / "short-end"
    shutil.copytree(MINIMAL, folder)
    prose = folder / "briefing.md"
    long_middle = "\n\n".join(f"Paragraph {n} of the middle section." for n in range(60))
    prose.write_text(
        prose.read_text(encoding="utf-8")
        + f"\n\n# Middle\n\n{long_middle}\n\n# Last words\n\nShort.\n",
        encoding="utf-8",
    )
    main = new_window()
    assert open_and_wait(qtbot, main, folder)
    view = main.briefing_view
    tree = view.contents
    last = tree.findItems("Last words", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(last).center()
    )
    qtbot.wait(50)
    assert tree.currentItem() is last
    bar = view.text.verticalScrollBar()
    bar.setValue(0)
    qtbot.waitUntil(lambda: tree.currentItem() is not last)
    bar.setValue(bar.maximum())  # scrolled to the end by hand: the last section is where one is
    qtbot.waitUntil(lambda: tree.currentItem() is last)


def test_a_long_list_shows_its_first_rows_and_the_rest_on_request(
    qtbot, new_window, tmp_path
) -> None:
    from tests.benchmarks.generate import generate
    from viewer.presentation.pages import LONG_LIST, WHOLE_LIST
    from viewer.ui.actors_view import ActorsView

    issues = LONG_LIST + 50
    folder = generate(tmp_path / "long", actors=3, issues=issues)
    window = new_window()
    assert open_and_wait(qtbot, window, folder)
    window.tabs.setCurrentIndex(window.tab_of(ActorsView))
    view = window.view(ActorsView)
    qtbot.waitUntil(lambda: not view.profile.filling)
    shown = view.profile.toPlainText()
    assert f"The first {LONG_LIST} of {issues} stances are shown." in shown
    assert f"Issue {LONG_LIST - 1}\n" in shown and f"Issue {issues - 1}\n" not in shown
    click_link(qtbot, view.profile, WHOLE_LIST)
    qtbot.waitUntil(lambda: not view.profile.filling)
    assert f"Issue {issues - 1}\n" in view.profile.toPlainText()
    assert "are shown" not in view.profile.toPlainText()
    for width in range(900, 1500, 37):  # Qt's rounding of column widths depends on the width
        window.resize(width, 800)
        qtbot.waitUntil(lambda: view.profile.horizontalScrollBar().maximum() == 0, timeout=500)


def test_a_long_page_shows_its_first_part_at_once_and_ends_as_if_set_whole(qtbot) -> None:
    """The rest comes a part per turn, so the window answers meanwhile; once it is all there,
    the page is laid out to the pixel as the same page set in one go."""
    from viewer.presentation.pages import PART, PART_BREAK, long_table
    from viewer.ui.browser import LinkBrowser
    from viewer.ui.navigation import Navigator

    rows = list(range(4 * PART))
    page = "<h3>Stances</h3>" + long_table(
        [("Issue", 30), ("In short", 70)],
        rows,
        lambda n: [f'<a href="issue:i{n}">Issue {n}</a>', f"Summary {n} " * 8],
        False,
        "stances",
    )
    page += "<h3>Relations</h3><p>None recorded.</p>"
    browsers = []
    for _ in range(2):
        browser = LinkBrowser(Navigator(), "Page")
        qtbot.addWidget(browser)
        browser.resize(600, 400)
        browser.show()
        browsers.append(browser)
    parts, whole = browsers
    whole.setHtml(page.replace(PART_BREAK, ""))
    parts.set_page("<p>An older page, still filling</p>" + PART_BREAK + "<p>Stale part</p>")
    parts.set_page(page)
    assert parts.filling
    first = parts.toPlainText()
    assert f"Issue {PART - 1}\n" in first and f"Issue {PART}\n" not in first
    qtbot.waitUntil(lambda: not parts.filling)
    assert parts.toPlainText() == whole.toPlainText()
    assert "Stale part" not in parts.toPlainText()
    assert parts.document().size() == whole.document().size()
    assert parts.grab().toImage() == whole.grab().toImage()
    parts.set_page(page)
    parts.setHtml("<p>Pick two different actors.</p>")  # a plain page drops the rest
    assert not parts.filling
    qtbot.wait(100)
    assert parts.toPlainText() == "Pick two different actors."
