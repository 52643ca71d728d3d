"""View ▸ colours: light, dark, or as the desktop is; the choice is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QPalette

from viewer.ui.main_window import MainWindow
from viewer.ui.theme import dark_palette

pytestmark = pytest.mark.usefixtures("system_colours")


def window_colour() -> str:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).name()


def test_dark_is_chosen_from_the_view_menu_and_remembered(qtbot, new_window, settings) -> None:
    window: MainWindow = new_window()
    assert window.commands["theme_system"].isChecked()
    window.commands["theme_dark"].trigger()
    dark = dark_palette().color(QPalette.ColorRole.Window).name()
    assert window_colour() == dark
    assert settings.theme == "dark"
    window.close()
    again: MainWindow = new_window()  # the next start, with the same settings
    assert again.commands["theme_dark"].isChecked() and window_colour() == dark
    again.commands["theme_light"].trigger()
    assert window_colour() == QPalette().color(QPalette.ColorRole.Window).name()
    assert not again.commands["theme_dark"].isChecked()
    assert settings.theme == "light"
