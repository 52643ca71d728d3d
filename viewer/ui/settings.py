"""One typed wrapper over QSettings, so corrupt or foreign values fall back to defaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from viewer.folders import config_dir

DEFAULT_ZOOM = 0
ZOOM_LIMIT = 10


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            path = config_dir() / "settings.ini"
        self._qt = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, key: str, kind: type, default: object) -> object:
        try:
            value = self._qt.value(key, default, type=kind)
        except (TypeError, ValueError):
            return default
        return value if isinstance(value, kind) else default

    def sync(self) -> None:
        self._qt.sync()

    @property
    def geometry(self) -> QByteArray:
        value = self._get("window/geometry", QByteArray, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qt.setValue("window/geometry", value)

    @property
    def last_briefing(self) -> str:
        return str(self._get("briefing/last", str, ""))

    @last_briefing.setter
    def last_briefing(self, value: str) -> None:
        self._qt.setValue("briefing/last", value)

    @property
    def zoom(self) -> int:
        value = self._get("reading/zoom", int, DEFAULT_ZOOM)
        assert isinstance(value, int)
        return value if -ZOOM_LIMIT <= value <= ZOOM_LIMIT else DEFAULT_ZOOM

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._qt.setValue("reading/zoom", value)

    def reading_position(self, briefing_id: str) -> int:
        value = self._get(f"positions/{briefing_id}", int, 0)
        assert isinstance(value, int)
        return max(value, 0)

    def set_reading_position(self, briefing_id: str, value: int) -> None:
        self._qt.setValue(f"positions/{briefing_id}", value)

    @property
    def theme(self) -> str:
        """ "system", "light" or "dark" (see :data:`viewer.ui.theme.THEMES`)."""
        value = str(self._get("view/theme", str, "system"))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qt.setValue("view/theme", value)

    @property
    def matrix_transposed(self) -> bool:
        return bool(self._get("matrix/transposed", bool, False))

    @matrix_transposed.setter
    def matrix_transposed(self, value: bool) -> None:
        self._qt.setValue("matrix/transposed", value)
