"""The bundled fonts, registered with Qt so text looks the same on every machine (and does not
vanish on one with no fonts installed) and a PDF embeds them; and the declared fallback faces for
the scripts the bundled Latin faces lack."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from viewer.presentation.styles import PROSE_FALLBACKS, PROSE_FAMILY, UI_FALLBACKS, UI_FAMILY
from viewer.resources import font_files


def load_fonts() -> None:
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    # A substitute is tried for every run of text the family cannot draw, wherever the family is
    # asked for (a QFont, a style sheet, HTML), before the system's own fallbacks.
    for family, fallbacks in ((PROSE_FAMILY, PROSE_FALLBACKS), (UI_FAMILY, UI_FALLBACKS)):
        if QFont.substitutes(family) != list(fallbacks):
            QFont.removeSubstitutions(family)
            QFont.insertSubstitutions(family, list(fallbacks))
