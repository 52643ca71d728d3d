"""Where the shipped files are, from a checkout or an installed package alike."""

from __future__ import annotations

from pathlib import Path

DEFAULT_BRIEFING = "russia-iran"
_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """An installed wheel holds the folder in ``viewer/bundled``; a checkout, at the top level."""
    installed = _PACKAGE / "bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _shipped("resources")


def briefings_dir() -> Path:
    return _shipped("briefings")


def default_briefing() -> Path:
    return briefings_dir() / DEFAULT_BRIEFING


def font_files() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.ttf"))


def icon_file() -> Path:
    return resources_dir() / "icons" / "briefing-viewer.svg"


def stylesheet() -> str:
    return (resources_dir() / "style.qss").read_text(encoding="utf-8")
