"""What a link or resource URL in a briefing may reach: one policy for screen and print.

Resources (images) come only from files inside the briefing folder; nothing is ever fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_IMAGE_BYTES = 8 * 1024 * 1024


def local_resource(folder: Path, url: str) -> Path | None:
    """The file inside ``folder`` that ``url`` names, or None when it must not be loaded."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    name = unquote(parts.path)
    if name.startswith(("/", "\\")) or ".." in Path(name).parts:
        return None
    root = folder.resolve()
    target = (folder / name).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        return None
    if target.stat().st_size > MAX_IMAGE_BYTES:
        return None
    return target
