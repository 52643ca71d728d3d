"""What a link to an image in a briefing may load: one policy for the screen and the page.

Only files inside the briefing folder, by the same rule that the loader applies to the
briefing's own files, and none larger than :data:`MAX_IMAGE_BYTES`; nothing is ever fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from viewer.domain.problems import Location
from viewer.domain.textfiles import FileProblem, resolve_inside

MAX_IMAGE_BYTES = 8 * 1024 * 1024


def local_resource(folder: Path, url: str) -> Path | None:
    """The file inside ``folder`` that ``url`` names, or None when it must not be loaded."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    try:
        target = resolve_inside(folder, unquote(parts.path), Location(url))
    except FileProblem:
        return None
    if not target.is_file() or target.stat().st_size > MAX_IMAGE_BYTES:
        return None
    return target
