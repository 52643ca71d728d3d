"""Usable with a screen reader and the keyboard alone, checked in-process through Qt's own
accessibility interfaces (what the AT-SPI bridge hands a screen reader), with no display:
every tab's Tab cycle, the names of what a reader can act on, links announced, focus rings
seen, and colours that read at WCAG AA in light and dark.

``make a11y`` walks the same things through the real Linux stack.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from viewer.presentation.contrast import AA_LARGE, AA_TEXT, contrast_ratio
from viewer.presentation.positions import NO_STANCE_WORDS
from viewer.ui.actors_view import ActorsView
from viewer.ui.browser import LinkBrowser
from viewer.ui.compare_view import CompareView
from viewer.ui.main_window import MainWindow
from viewer.ui.matrix.view import MatrixView
from viewer.ui.tabs import TABS
from viewer.ui.theme import apply_colour_scheme, focus_colour
from viewer.ui.themes_view import ThemesView

Role = QAccessible.Role
Text = QAccessible.Text
ACTED_ON = {
    Role.Button,
    Role.CheckBox,
    Role.ComboBox,
    Role.Link,
    Role.Cell,
    Role.ListItem,
    Role.TreeItem,
    Role.PageTab,
    Role.EditableText,
    Role.RadioButton,
    Role.SpinBox,
}
"""Roles a reader acts on, besides anything focusable."""
ITEM_VIEWS = {Role.Table, Role.Tree, Role.List}
PRESSES = 400
"""More than any tab needs to come round (the briefing's text has about 180 link stops)."""


pytestmark = pytest.mark.usefixtures("system_colours")


def show_tab(window: MainWindow, index: int, qtbot) -> None:
    """Switch tab as Ctrl+number does and let the new page show (its widgets appear on the
    next turn of the event loop)."""
    qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == index)
    qtbot.wait(50)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_cycle(window: MainWindow, qtbot, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) stops on from the tab bar round to it again."""
    window.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(PRESSES):
        qtbot.keyClick(focused(), key)
        if isinstance(focused(), QTabBar):
            return stops
        if not stops or stops[-1] is not focused():
            stops.append(focused())
    raise AssertionError(f"a trap: not back to the tab bar, last in {focused()!r}")


def nodes(interface: QAccessibleInterface, listed: bool = False) -> Iterator[QAccessibleInterface]:
    """What a screen reader can reach under ``interface``: the widgets on screen, and every
    cell of a table whether scrolled into view or not."""
    if interface.state().invisible and not listed:
        return
    yield interface
    in_view = interface.role() in ITEM_VIEWS
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None:
            yield from nodes(child, in_view)


def private_use(text: str) -> bool:
    return any(unicodedata.category(char) in ("Co", "Cn") for char in text)


def fault(node: QAccessibleInterface) -> str:
    """Why a screen reader could not tell what ``node`` is for ("" when it can)."""
    name = node.text(Text.Name).strip()
    said = f"{node.role().name} {name!r}"
    if node.role() == Role.ComboBox:  # named by its value on Linux: its label says what it is
        labels = node.relations(QAccessible.RelationFlag.Label)
        return "" if labels and labels[0][0].text(Text.Name) else f"{said} has no label"
    if not any(char.isalnum() for char in name):
        return f"{said} has no name in words"
    if private_use(name + node.text(Text.Description)):
        return f"{said} holds private-use characters"
    return ""


def unnamed(widget: QWidget) -> list[str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    found = []
    for node in nodes(interface):
        state = node.state()
        if node.role() in ACTED_ON or state.focusable:
            why = fault(node)
            if why:
                found.append(why)
    return found


@pytest.mark.parametrize("index", range(len(TABS)), ids=[tab.title for tab in TABS])
def test_tab_and_shift_tab_go_round_every_tab_and_back_to_the_tab_bar(
    window: MainWindow, qtbot, index: int
) -> None:
    show_tab(window, index, qtbot)
    forward = tab_cycle(window, qtbot)
    backward = tab_cycle(window, qtbot, Qt.Key.Key_Backtab)
    assert forward, "Tab reaches nothing in the tab"
    assert set(forward) == set(backward)
    page = window.tabs.currentWidget()
    assert all(page.isAncestorOf(stop) for stop in forward)


def test_tab_leaves_the_matrix_for_the_stance_details_and_arrows_move_between_cells(
    window: MainWindow, matrix: MatrixView, qtbot
) -> None:
    stops = tab_cycle(window, qtbot)
    assert stops.index(matrix.detail) == stops.index(matrix.table) + 1
    matrix.table.setFocus()
    start = matrix.table.currentIndex()
    qtbot.keyClick(matrix.table, Qt.Key.Key_Right)
    assert matrix.table.currentIndex().column() == start.column() + 1
    qtbot.keyClick(matrix.table, Qt.Key.Key_Tab)
    assert focused() is matrix.detail


def test_tab_leaves_the_compare_table(window: MainWindow, compare: CompareView, qtbot) -> None:
    compare.table.setFocus()
    qtbot.keyClick(compare.table, Qt.Key.Key_Tab)
    assert isinstance(focused(), QTabBar) or not compare.table.isAncestorOf(focused())
    assert focused() is not compare.table


@pytest.mark.parametrize("index", range(len(TABS)), ids=[tab.title for tab in TABS])
def test_everything_a_reader_acts_on_is_named_in_words(
    window: MainWindow, qtbot, index: int
) -> None:
    show_tab(window, index, qtbot)
    assert unnamed(window.tabs.currentWidget()) == []


def test_the_window_chrome_is_named(window: MainWindow) -> None:
    bar = QAccessible.queryAccessibleInterface(window.tabs.tabBar())
    tabs = [bar.child(n) for n in range(bar.childCount())]
    assert [tab.text(Text.Name) for tab in tabs if tab.role() == Role.PageTab] == [
        tab.title for tab in TABS
    ]


def children(view: QWidget, role: QAccessible.Role) -> list[QAccessibleInterface]:
    """A table's cells or header cells, as a screen reader finds them."""
    table = QAccessible.queryAccessibleInterface(view)
    found = (table.child(index) for index in range(table.childCount()))
    return [child for child in found if child is not None and child.role() == role]


def names(view: QWidget) -> list[str]:
    return [cell.text(Text.Name) for cell in children(view, Role.Cell)]


def test_matrix_cells_say_their_stance_in_words_and_empty_ones_say_no_stance(
    matrix: MatrixView,
) -> None:
    said = names(matrix.table)
    assert len(said) == matrix.model.rowCount() * matrix.model.columnCount()
    assert NO_STANCE_WORDS in said
    assert "Support, medium confidence" in said
    assert [name for name in said if not any(char.isalpha() for char in name)] == []


def test_matrix_headers_name_the_theme_band_and_the_legend_is_read_in_words(
    matrix: MatrixView,
) -> None:
    first = children(matrix.table, Role.ColumnHeader)[0]
    briefing = matrix.briefing
    theme = briefing.issue_by_id[matrix.model.visible_issues[0]].theme
    assert first.text(Text.Description) == f"Theme: {briefing.theme_by_id[theme].title}"
    legend = QAccessible.queryAccessibleInterface(matrix.legend).text(Text.Name)
    assert "low confidence" in legend and "blank: no stance" in legend


def test_compare_cells_and_summary_say_what_they_mean(compare: CompareView) -> None:
    said = names(compare.table)
    actors = len(compare.alignment.table.actors)
    assert len(said) == actors * actors
    assert sum(name.endswith(": the same actor, not compared") for name in said) == actors
    assert "–" not in said and "" not in said
    summary = QAccessible.queryAccessibleInterface(compare.summary).text(Text.Name)
    assert summary.startswith("Russia and Iran agree on") and summary == compare.summary.text()


def test_the_contents_header_is_named_not_numbered(window: MainWindow) -> None:
    assert window.briefing_view.contents.headerItem().text(0) == "Contents"


def tab_to_link(browser: LinkBrowser, qtbot, href_start: str) -> str:
    """Press Tab in ``browser`` until a link whose target starts with ``href_start`` has the
    focus; its words."""
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(PRESSES):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        assert focused() is browser, f"left the pane before a {href_start} link"
        if browser.textCursor().charFormat().anchorHref().startswith(href_start):
            return browser.focused_link()
    raise AssertionError(f"no {href_start} link in {browser.accessibleName()}")


def description(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(Text.Description)


def test_the_link_in_focus_is_named_to_a_screen_reader_both_ways(window: MainWindow, qtbot) -> None:
    text = window.briefing_view.text
    words = tab_to_link(text, qtbot, "actor:")
    assert words and description(text).startswith(f"{words}, link.")
    assert not private_use(description(text))
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.keyClick(text, Qt.Key.Key_Backtab)
    assert description(text).startswith(f"{words}, link.")


def test_enter_on_an_actor_link_puts_the_keyboard_on_the_profile(window: MainWindow, qtbot) -> None:
    tab_to_link(window.briefing_view.text, qtbot, "actor:")
    qtbot.keyClick(window.briefing_view.text, Qt.Key.Key_Return)
    actors = window.view(ActorsView)
    assert window.tabs.currentIndex() == window.tab_of(ActorsView)
    qtbot.waitUntil(lambda: focused() is actors.profile)


def test_tab_in_the_network_names_each_actor_it_steps_to(window: MainWindow, qtbot) -> None:
    from viewer.ui.relations_view import RelationsView

    show_tab(window, window.tab_of(RelationsView), qtbot)
    qtbot.waitUntil(lambda: window.view(RelationsView).network is not None)  # laid out
    canvas = window.view(RelationsView).canvas
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    chosen = canvas.scene().selectedItems()[0]
    description = QAccessible.queryAccessibleInterface(canvas).text(Text.Description)
    assert description.startswith(chosen.toolTip())


def pairs(palette: QPalette) -> dict[str, tuple[str, str, float]]:
    """Every pair of colours the window puts text or a focus ring on, with the least
    contrast it needs."""
    role = QPalette.ColorRole

    def colour(which: QPalette.ColorRole) -> str:
        return palette.color(which).name()

    ring = focus_colour(palette).name()
    return {
        "text on panes": (colour(role.Text), colour(role.Base), AA_TEXT),
        "text on the window": (colour(role.WindowText), colour(role.Window), AA_TEXT),
        "text on buttons": (colour(role.ButtonText), colour(role.Button), AA_TEXT),
        "selected text": (colour(role.HighlightedText), colour(role.Highlight), AA_TEXT),
        "placeholder text": (colour(role.PlaceholderText), colour(role.Base), AA_TEXT),
        "links": (colour(role.Link), colour(role.Base), AA_TEXT),
        "tooltips": (colour(role.ToolTipText), colour(role.ToolTipBase), AA_TEXT),
        "focus ring on panes": (ring, colour(role.Base), AA_LARGE),
        "focus ring on the window": (ring, colour(role.Window), AA_LARGE),
        "focus ring on buttons": (ring, colour(role.Button), AA_LARGE),
        "ring on a selected row": (colour(role.HighlightedText), colour(role.Highlight), AA_LARGE),
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_colour_pair_of_the_palette_reads_at_wcag_aa(new_window, scheme: str) -> None:
    new_window()
    application = QGuiApplication.instance()
    assert isinstance(application, QGuiApplication)
    apply_colour_scheme(application, scheme)
    short = {
        name: round(contrast_ratio(first, second), 2)
        for name, (first, second, least) in pairs(QGuiApplication.palette()).items()
        if contrast_ratio(first, second) < least
    }
    assert short == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_focused_pane_shows_a_ring_in_the_focus_colour(
    window: MainWindow, qtbot, scheme: str
) -> None:
    application = QGuiApplication.instance()
    assert isinstance(application, QGuiApplication)
    apply_colour_scheme(application, scheme)
    show_tab(window, window.tab_of(ThemesView), qtbot)
    themes = window.view(ThemesView)
    ring = focus_colour(QGuiApplication.palette())

    def edge() -> set[str]:
        picture = themes.list.grab().toImage()
        middle = picture.height() // 2
        return {picture.pixelColor(x, middle).name() for x in range(2)}

    themes.detail.setFocus()
    qtbot.waitUntil(lambda: themes.detail.hasFocus())
    assert ring.name() not in edge()
    themes.list.setFocus()
    qtbot.waitUntil(lambda: themes.list.hasFocus())
    assert edge() == {ring.name()}
