"""The window's font and colours: they come from the palette, so light and dark system themes
both stay readable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from viewer.presentation.styles import UI_FAMILY, UI_POINT_SIZE


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
