"""Placeholder replaced by the issue matrix work."""

from PySide6.QtWidgets import QWidget


class MatrixView(QWidget):
    def __init__(self, navigator, settings, parent=None) -> None:
        super().__init__(parent)

    def set_briefing(self, briefing) -> None:
        pass

    def show_issue(self, issue_id: str) -> None:
        pass

    def show_stance(self, actor_id: str, issue_id: str) -> None:
        pass
