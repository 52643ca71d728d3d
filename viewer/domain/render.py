"""Markdown prose to HTML, the same for the screen and the PDF.

Raw HTML in a briefing is shown as text rather than interpreted: a briefing is untrusted input,
and escaping needs no allow-list to keep up to date. Actor names become ``actor:`` links derived
from the data, so authors never hand-write them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from viewer.domain.atomic import write_bytes
from viewer.domain.cache import cache_dir, code_stamp
from viewer.domain.model import Actor, Briefing

ACTOR_SCHEME = "actor"
"""Links to actors in rendered prose: ``actor:ID``."""


@dataclass(frozen=True)
class TocEntry:
    level: int
    title: str
    anchor: str


@dataclass(frozen=True)
class RenderedProse:
    html: str
    toc: tuple[TocEntry, ...]


def render_markdown(text: str, actors: Iterable[Actor] = ()) -> RenderedProse:
    from viewer.domain.markdown_ext import convert

    html, tokens = convert(text, actors)
    toc: list[TocEntry] = []

    def walk(tokens: list[dict]) -> None:
        for token in tokens:
            toc.append(TocEntry(token["level"], token["name"], token["id"]))
            walk(token["children"])

    walk(tokens)
    return RenderedProse(html, tuple(toc))


def _render_key(briefing: Briefing) -> str:
    """Everything the HTML depends on: the prose, the actors' names and the renderer itself."""
    spec = importlib.util.find_spec("markdown")
    library = Path(spec.origin).stat().st_mtime_ns if spec and spec.origin else 0
    names = [(a.id, a.name, *a.aliases) for a in briefing.actors]
    digest = hashlib.sha256(f"{code_stamp()}\0{library}\0{names}\0".encode())
    digest.update(briefing.markdown.encode("utf-8"))
    return digest.hexdigest()


def render_briefing(briefing: Briefing, use_cache: bool = False) -> RenderedProse:
    """The briefing's prose as HTML; with ``use_cache``, unchanged prose is not rendered again."""

    if not use_cache:
        return render_markdown(briefing.markdown, briefing.actors)
    path = cache_dir() / f"{_render_key(briefing)}.html.json"
    try:
        stored = json.loads(path.read_bytes())
        return RenderedProse(stored["html"], tuple(TocEntry(*entry) for entry in stored["toc"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    rendered = render_markdown(briefing.markdown, briefing.actors)
    payload = {"html": rendered.html, "toc": [[e.level, e.title, e.anchor] for e in rendered.toc]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, json.dumps(payload).encode("utf-8"))
    except OSError:
        pass
    return rendered
