"""The texts a briefing's pages are drawn from, with the names problems give them, for the check
of which characters no installed face draws (``viewer.typesetting.coverage``)."""

from __future__ import annotations

from pathlib import Path

from viewer.domain.loader import LoadResult
from viewer.domain.scripts import needs_font_check

_DATA_SUFFIXES = (".yaml", ".yml", ".csv")


def texts_to_check(result: LoadResult) -> list[tuple[str, str]]:
    """The texts a briefing's pages draw from (its prose and its data files) that have
    characters beyond what the bundled faces surely draw, as (name shown in problems, text),
    named as ``validate`` names the problems in them."""
    briefing = result.briefing
    if briefing is None:
        return []
    root = briefing.folder.resolve()
    texts = [(_shown(result.folder, root, file.path), file.text) for file in briefing.prose]
    prose = {file.path.resolve() for file in briefing.prose}
    for stamp in result.files:
        path = stamp.path.resolve()
        if path.suffix.lower() in _DATA_SUFFIXES and path not in prose and path.is_file():
            texts.append((_shown(result.folder, root, path), path.read_text("utf-8", "replace")))
    return [(name, text) for name, text in texts if needs_font_check(text)]


def _shown(shown_root: Path, root: Path, path: Path) -> str:
    try:
        return str(shown_root / path.resolve().relative_to(root))
    except ValueError:
        return str(path)
