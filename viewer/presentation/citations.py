"""A briefing's sources and what it is, as the reader sees them cited: in the Briefing tab's
title block, in About and on the printed cover. Every value comes from the briefing, which is
untrusted, so everything is escaped, and an address is a link only when it is a web or mail one."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from viewer import APP_NAME, __version__
from viewer.domain.model import Briefing, Source
from viewer.domain.scripts import is_right_to_left
from viewer.domain.targets import EXTERNAL_SCHEMES


def citation(source: Source) -> str:
    """The title in italics, then who published it and when."""
    details = ", ".join(escape(x) for x in (source.author, source.publisher, source.date) if x)
    return f"<i>{escape(source.title)}</i>" + (f", {details}" if details else "")


def address(source: Source) -> str:
    """The source's address, a link when the reader's browser may open it."""
    if not source.url:
        return ""
    shown = escape(source.url)
    opens = urlsplit(source.url).scheme.lower() in EXTERNAL_SCHEMES
    return f'<a href="{shown}">{shown}</a>' if opens else shown


def title_block(briefing: Briefing) -> str:
    """What the briefing is, by whom and from what, above its prose."""
    byline = ", ".join(escape(a) for a in briefing.authors)
    sources = "; ".join(citation(s) for s in briefing.sources)
    way = ' dir="rtl"' if is_right_to_left(briefing.language) else ""  # as its prose reads
    return (
        f'<h1 class="title"{way}>{escape(briefing.title)}</h1>'
        + (f'<p class="subtitle"{way}>{escape(briefing.subtitle)}</p>' if briefing.subtitle else "")
        + f'<p class="byline"{way}>{byline} · {escape(briefing.date)}</p>'
        + f'<p class="summary"{way}><i>{escape(briefing.summary)}</i></p>'
        + (f'<p class="byline"{way}>Based on: {sources}</p>' if sources else "")
        + "<hr/>"
    )


def about_html(briefing: Briefing | None) -> str:
    """Help ▸ About: the app, and what the open briefing draws on."""
    sources = ""
    if briefing is not None and briefing.sources:
        items = "".join(
            f"<li>{citation(s)}{' — ' + address(s) if s.url else ''}</li>" for s in briefing.sources
        )
        sources = f"<p><b>{escape(briefing.title)}</b> draws on:</p><ul>{items}</ul>"
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Reads policy briefings offline: prose, themes, actors and an issue matrix.</p>"
        f"{sources}<p>Fonts: Charis SIL, Noto Naskh Arabic and Noto Serif Hebrew (SIL Open Font "
        "License), Open Sans (Apache 2.0).</p>"
    )
