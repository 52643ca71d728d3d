"""Fonts, colours and the prose stylesheet, shared by every view and the printed output.

The bundled fonts are registered at start-up, so text looks the same on every machine (and does
not vanish on one with no fonts installed). Colours come from the palette, so light and dark
system themes both stay readable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

from viewer.resources import font_files

PROSE_FAMILY = "Charis SIL"
UI_FAMILY = "Open Sans"
PROSE_POINT_SIZE = 12.0
UI_POINT_SIZE = 10.0

PROSE_CSS = """
h1 { font-size: 170%; font-weight: 600; margin-top: 18px; margin-bottom: 8px; }
h2 { font-size: 135%; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: 115%; font-weight: 600; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 10px; }
table { border-collapse: collapse; margin-top: 6px; margin-bottom: 12px; }
th { font-weight: 600; border-bottom: 2px solid #808080; }
th, td { border: 1px solid #a0a0a0; padding: 4px 8px; }
a.actor { text-decoration: none; font-weight: 600; }
h1.title { font-size: 210%; margin-bottom: 2px; }
p.subtitle { font-size: 125%; margin-bottom: 6px; }
p.byline { font-size: 90%; color: #777777; margin-bottom: 4px; }
div.footnote { font-size: 90%; }
code, pre { font-family: monospace; }
"""


def load_fonts() -> None:
    """Register the bundled fonts, so text never depends on what the machine has installed."""
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))


def ui_font() -> QFont:
    font = QFont(UI_FAMILY)
    font.setPointSizeF(UI_POINT_SIZE)
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def highlight_colour(palette: QPalette) -> QColor:
    """The passage highlight: a soft yellow in light mode, a deep amber in dark mode."""
    return QColor("#5c4a00") if is_dark(palette) else QColor("#fff3b0")


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


def apply_colour_scheme(app: QGuiApplication) -> None:
    """Follow the system's light or dark setting, now and whenever it changes."""
    scheme = app.styleHints().colorScheme()
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else QPalette())
