"""Where the app keeps what it writes: one answer for the cache, the settings and the fault log.

The folders follow each platform's convention (on Linux the XDG base directories, so
``XDG_CACHE_HOME`` and friends are honoured, and read each time, not once at import).
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

_FOLDERS = PlatformDirs("briefing-viewer", appauthor=False)


def cache_dir() -> Path:
    """Parsed briefings; anything in it can be deleted at any time."""
    return Path(_FOLDERS.user_cache_dir)


def config_dir() -> Path:
    """The reader's settings."""
    return Path(_FOLDERS.user_config_dir)


def state_dir() -> Path:
    """The log of unexpected errors."""
    return Path(_FOLDERS.user_state_dir)
