"""The "As of" choice the Issue Matrix and Compare share: the latest positions, or the positions
as they stood at one of the dates the briefing records stances as of."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from viewer.domain.model import Briefing

LATEST = ""


class AsOfPicker(QWidget):
    changed = Signal(str)
    """The date chosen (a partial date), or "" for the latest positions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Positions as of")
        self.combo.setToolTip(
            "Show each position as it stood at a date the briefing records stances as of"
        )
        label = QLabel("As &of")
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _: self.changed.emit(self.date()))

    def set_briefing(self, briefing: Briefing) -> None:
        """Offer "Latest" and every date, newest first; hidden when no stance is dated."""
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem("Latest", LATEST)
            for date in reversed(briefing.as_of_dates):
                self.combo.addItem(date, date)
        self.setVisible(bool(briefing.as_of_dates))

    def date(self) -> str:
        return str(self.combo.currentData() or LATEST)

    def choose(self, date: str) -> None:
        index = self.combo.findData(date)
        self.combo.setCurrentIndex(max(index, 0))
