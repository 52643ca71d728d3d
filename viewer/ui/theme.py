"""The window's font and colours: they come from the palette, so light and dark system themes
both stay readable, and every focusable widget shows a focus ring in a colour that stands out
(WCAG AA: 4.5:1 for text, 3:1 for a focus indicator; ``tests/ui/test_accessibility.py`` checks the
pairs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.presentation.styles import UI_FAMILY, UI_POINT_SIZE
from viewer.resources import stylesheet


def ui_font() -> QFont:
    font = QFont(UI_FAMILY)
    font.setPointSizeF(UI_POINT_SIZE)
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def highlight_colour(palette: QPalette) -> QColor:
    """The passage highlight: a soft yellow in light mode, a deep amber in dark mode."""
    return QColor("#5c4a00") if is_dark(palette) else QColor("#fff3b0")


LIGHT_COLOURS = {
    QPalette.ColorRole.Highlight: "#2364aa",
    QPalette.ColorRole.PlaceholderText: "#6b6b6b",
}
"""Where Fusion's light palette falls short: white on its selection blue (#308cc6) is 3.7:1,
its placeholder text (half-transparent black) 4:1."""
FOCUS_LIGHT = "#2364aa"
FOCUS_DARK = "#8ab4f8"
"""The focus ring: at least 3:1 against the window, the panes and the buttons of its palette."""


def light_palette() -> QPalette:
    """The style's light palette, with selection and placeholder colours dark enough to read."""
    palette = QPalette()
    for role, colour in LIGHT_COLOURS.items():
        palette.setColor(role, QColor(colour))
    return palette


def focus_colour(palette: QPalette) -> QColor:
    return QColor(FOCUS_DARK if is_dark(palette) else FOCUS_LIGHT)


def focus_css(palette: QPalette) -> str:
    """Rules that draw a 2-pixel ring in :func:`focus_colour` on the widget with the keyboard
    focus (Fusion's own focus marks are a faint tint, 1.2:1 on a selected row); the current row
    of a list or tree, on the selection colour, is ringed in the selection's text colour. Panes
    keep a 1-pixel frame otherwise, with the missing pixel as padding so nothing moves on focus
    (a themes list row trades padding for its ring the same way)."""
    ring = focus_colour(palette).name()
    frame = palette.color(QPalette.ColorRole.Mid).name()
    on_selection = palette.color(QPalette.ColorRole.HighlightedText).name()
    panes = "QAbstractItemView, QTextBrowser, QGraphicsView"
    focused = ", ".join(f"{pane.strip()}:focus" for pane in panes.split(","))
    return f"""
{panes} {{ border: 1px solid {frame}; padding: 1px; }}
{focused} {{ border: 2px solid {ring}; padding: 0px; }}
QListView::item:selected:focus, QTreeView::item:selected:focus {{
    border: 2px solid {on_selection}; }}
QListWidget::item:selected:focus {{ padding: 4px 2px 5px 2px; }}
QTabBar::tab:selected:focus {{ text-decoration: underline; border: 2px solid {ring}; }}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus {{
    border: 2px solid {ring}; border-radius: 3px; }}
QCheckBox:focus {{ border: 2px solid {ring}; border-radius: 3px; }}
"""


def dark_palette() -> QPalette:
    """A dark palette for Fusion, which has none of its own on every platform."""
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#2a2a2a",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#f0f0f0",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
        role.PlaceholderText: "#9a9a9a",
        role.Mid: "#5a5a5a",
        role.Midlight: "#444444",
    }
    for name, colour in colours.items():
        palette.setColor(name, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, name, QColor("#7a7a7a"))
    return palette


THEMES = ("system", "light", "dark")
"""The reader's choice of colours: as the desktop is, or always light, or always dark."""
_CHOICE = "briefing-viewer-theme"


def apply_colour_scheme(app: QGuiApplication, choice: str | None = None) -> None:
    """Light or dark colours as the reader chose (kept on the application, so that a change of
    the desktop's setting is followed only while they chose "system")."""
    if choice is not None:
        app.setProperty(_CHOICE, choice)
    chosen = str(app.property(_CHOICE) or "system")
    dark = chosen == "dark" or (
        chosen not in ("light", "dark") and app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    )
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)
    if isinstance(app, QApplication):  # widgets, and so their style sheet
        app.setStyleSheet(stylesheet() + focus_css(palette))
