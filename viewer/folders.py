"""Where the app keeps what it writes: one answer for the cache, the settings, the reader's own
data and the fault log.

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


def data_dir() -> Path:
    """What the reader makes and must not lose (notes, bookmarks) and the search index."""
    return Path(_FOLDERS.user_data_dir)


def state_dir() -> Path:
    """The log of unexpected errors."""
    return Path(_FOLDERS.user_state_dir)


def shelf_file() -> Path:
    """The reader's library: the folders they added, what they opened lately."""
    return config_dir() / "library.json"


def index_file() -> Path:
    """The search index of the library (a copy: it can always be rebuilt)."""
    return data_dir() / "search.sqlite"


def notes_file() -> Path:
    """The reader's bookmarks and notes (never deleted by the app)."""
    return data_dir() / "notes.sqlite"
