"""Placeholder replaced by the compare work."""

from PySide6.QtWidgets import QWidget


class CompareView(QWidget):
    def __init__(self, navigator, parent=None) -> None:
        super().__init__(parent)

    def set_briefing(self, briefing) -> None:
        pass
