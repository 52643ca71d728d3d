"""Which HTML each part of the publication holds, and which parts a briefing has anything for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from viewer.domain.model import Briefing
from viewer.domain.notes import Note
from viewer.domain.prose import ACTOR_SCHEME
from viewer.print import html
from viewer.print.figures import figure_html
from viewer.print.matrix import matrix_blocks
from viewer.print.options import PARTS
from viewer.typesetting.anchors import table_anchors


def part_heading(name: str) -> str:
    """Opens a part; its id is what the contents and the outline link to."""
    return f'<h1 id="part-{name}">{escape(PARTS[name])}</h1>'


def has_content(name: str, briefing: Briefing, notes: Sequence[Note] = ()) -> bool:
    """Parts with nothing to show are left out rather than printed as empty pages."""
    return {
        "notes": bool(notes),
        "text": briefing.rendered is not None and bool(briefing.rendered.blocks),
        "matrix": bool(briefing.issues and briefing.actors),
        "actors": bool(briefing.actors),
        "relations": bool(briefing.relations),
        "stances": bool(briefing.stances),
        "timeline": bool(briefing.timeline),
        "sources": bool(briefing.sources),
    }.get(name, True)


HEADING_START = re.compile(r"(?=<h[12][ >])")
"""Where the generated parts may be cut: before their headings (never inside a table)."""
FOOTNOTE_REF = re.compile(r'<sup id="([^"]+)">')
BACK_LINK = re.compile(r'\s*<a [^>]*class="footnote-backref"[^>]*>.*?</a>')
LINK_FIRST = re.compile(r'(<(?:p|li)\b[^>]* id="([^"]+)"[^>]*>)(?=<a )')
"""Qt makes a PDF destination of an id only where the text it lands on is not a link, and drops
the id of a ``sup``: such targets get a named anchor of their own, on a zero-width space."""


def paper_links(prose_html: str, with_actors: bool) -> str:
    """Every link made to work on paper: footnotes lead back to their reference, and actor links
    to the printed actor profile (or nowhere when the profiles are left out). The footnotes'
    "↩" back-links are left out: on paper the number says where the note belongs."""
    prose_html = table_anchors(BACK_LINK.sub("", prose_html))
    prose_html = FOOTNOTE_REF.sub(r'<a name="\1">&#8203;</a><sup>', prose_html)
    prose_html = LINK_FIRST.sub(r'\1<a name="\2">&#8203;</a>', prose_html)
    pattern = rf'<a [^>]*href="{ACTOR_SCHEME}:([a-z0-9-]+)"[^>]*>(.*?)</a>'
    if with_actors:
        return re.sub(pattern, r'<a href="#print-actor-\1" class="actor">\2</a>', prose_html)
    return re.sub(pattern, r"<b>\2</b>", prose_html)


def part_blocks(
    name: str, briefing: Briefing, body_mm: float, with_actors: bool, notes: Sequence[Note] = ()
) -> list[str]:
    """The HTML of every part but the contents (which needs page numbers first), as top-level
    blocks: a long part is laid out in several documents, cut between blocks."""
    if name == "cover":
        return [html.cover_html(briefing)]
    if name == "text":
        blocks = briefing.rendered.blocks if briefing.rendered else ()
        return [paper_links(block, with_actors) for block in blocks]
    if name == "matrix":
        first, *rest = matrix_blocks(briefing)
        return [part_heading(name) + first, *rest]
    if name == "relations":
        return [part_heading(name) + html.relations_caption(briefing) + figure_html(name)]
    if name == "timeline":
        figure = part_heading(name) + html.timeline_caption() + figure_html(name)
        return [figure, *(b for b in HEADING_START.split(html.timeline_html(briefing)) if b)]
    if name == "notes":
        return [
            b
            for b in HEADING_START.split(part_heading(name) + html.notes_html(briefing, notes))
            if b
        ]
    builders = {
        "actors": html.actors_html,
        "stances": html.stances_html,
        "sources": html.sources_html,
    }
    return [b for b in HEADING_START.split(part_heading(name) + builders[name](briefing)) if b]
