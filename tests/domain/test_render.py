"""Rendering prose: actor links from the data, raw HTML as text, and a render cache keyed by
everything the HTML depends on."""

from __future__ import annotations

import dataclasses

from viewer.domain import render
from viewer.domain.cache import cache_dir
from viewer.domain.model import Actor, ActorKind
from viewer.domain.render import render_briefing, render_markdown

RUSSIA = Actor("russia", "Russia", ActorKind.STATE, "s", aliases=("Moscow",))
IRAN = Actor("iran", "Iran", ActorKind.STATE, "s")


def test_first_mention_per_paragraph_links_to_the_actor() -> None:
    html = render_markdown(
        "Russia and Iran met; Moscow and Iran agreed.\n\nIran again.", [RUSSIA, IRAN]
    ).html
    assert html.count('href="actor:russia"') == 1
    assert html.count('href="actor:iran"') == 2
    assert "Moscow and Iran agreed" in html


def test_names_inside_links_code_and_headings_stay_plain() -> None:
    text = "# Iran\n\n[Iran](https://example.org) `Iran`\n"
    assert "actor:iran" not in render_markdown(text, [IRAN]).html


def test_raw_html_is_escaped() -> None:
    html = render_markdown('<script>alert(1)</script>\n\n<b onclick="x">b</b>').html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b " not in html


def test_render_cache_returns_the_same_and_follows_changes(minimal, monkeypatch) -> None:
    calls = []
    real = render.render_markdown
    monkeypatch.setattr(render, "render_markdown", lambda *a: calls.append(1) or real(*a))
    first = render_briefing(minimal, use_cache=True)
    second = render_briefing(minimal, use_cache=True)
    assert first == second
    assert len(calls) == 1
    assert list(cache_dir().glob("*.html.json"))
    renamed = dataclasses.replace(
        minimal, actors=(dataclasses.replace(minimal.actors[0], name="Highland"),)
    )
    assert render_briefing(renamed, use_cache=True) != first
    assert len(calls) == 2


def test_damaged_render_cache_is_rebuilt(minimal) -> None:
    first = render_briefing(minimal, use_cache=True)
    for path in cache_dir().glob("*.html.json"):
        path.write_text("{not json", encoding="utf-8")
    assert render_briefing(minimal, use_cache=True) == first


def test_a_name_inside_a_longer_proper_name_is_not_linked() -> None:
    html = render_markdown(
        "The Carnegie Moscow Center wrote on it. Yet Russia acted.", [RUSSIA]
    ).html
    assert html.count('href="actor:russia"') == 1
    assert '<a class="actor" href="actor:russia">Russia</a> acted' in html
