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
    app.setPalette(dark_palette() if dark else QPalette())
