"""The bundled fonts, registered with Qt so text looks the same on every machine (and does not
vanish on one with no fonts installed) and a PDF embeds them."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from viewer.resources import font_files


def load_fonts() -> None:
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
