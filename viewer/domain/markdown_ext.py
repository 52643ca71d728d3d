"""The Python-Markdown pieces of rendering: the extension list and the actor linker.

Kept apart from ``render`` so that importing Markdown (a tenth of a second) happens only when
prose is really rendered, not on a start-up served from the cache.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from viewer.domain.model import Actor
from viewer.domain.render import ACTOR_SCHEME

_SKIP_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


def extensions(actors: Iterable[Actor]) -> list[Extension]:
    """Instances rather than names: naming them makes Markdown scan every installed package's
    entry points, which costs more than the rendering itself."""
    return [
        TocExtension(),
        TableExtension(),
        FootnoteExtension(),
        AttrListExtension(),
        SaneListExtension(),
        FencedCodeExtension(),
        _BriefingExtension(actors),
    ]


class _ActorLinker(Treeprocessor):
    """Links the first mention of each actor in every paragraph, list item or table cell."""

    def __init__(self, md: markdown.Markdown, names: dict[str, str]) -> None:
        super().__init__(md)
        self.names = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, ordered)) + r")\b")

    def run(self, root: ET.Element) -> None:
        for block in root.iter():
            if block.tag in ("p", "li", "td"):
                self.link_block(block)

    def link_block(self, block: ET.Element) -> None:
        linked: set[str] = set()
        for element in [block, *self.descendants(block)]:
            element.text, links = self.split(element.text, linked)
            for offset, link in enumerate(links):
                element.insert(offset, link)
            for child in list(element):
                child.tail, links = self.split(child.tail, linked)
                position = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(position + offset, link)

    def descendants(self, block: ET.Element) -> list[ET.Element]:
        found = []
        for child in block:
            if child.tag in _SKIP_TAGS or child.tag in ("p", "li", "ul", "ol"):
                continue
            found.append(child)
            found.extend(self.descendants(child))
        return found

    def split(self, text: str | None, linked: set[str]) -> tuple[str | None, list[ET.Element]]:
        """The text left in place and the links (with the text between them) that follow it."""
        if not text:
            return text, []
        head: str | None = text
        links: list[ET.Element] = []
        position = 0
        for match in self.pattern.finditer(text):
            actor_id = self.names[match.group(1)]
            if actor_id in linked or _inside_longer_name(text, match.start(), match.end()):
                continue
            linked.add(actor_id)
            before = text[position : match.start()]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = ET.Element("a", {"href": f"{ACTOR_SCHEME}:{actor_id}", "class": "actor"})
            link.text = match.group(1)
            links.append(link)
            position = match.end()
        if links:
            links[-1].tail = text[position:]
        return head, links


_NEXT_CAPITALISED = re.compile(r"\s+[A-Z]")
_PREVIOUS_CAPITALISED = re.compile(r"[a-z,)]\s+[A-Z][\w’'-]*\s+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a name is part of a longer proper name ("Carnegie Moscow Center"), which must not
    link to the actor; a capitalised word that merely starts a sentence does not count."""
    return bool(_NEXT_CAPITALISED.match(text, end) or _PREVIOUS_CAPITALISED.search(text[:start]))


class _BriefingExtension(Extension):
    def __init__(self, actors: Iterable[Actor]) -> None:
        super().__init__()
        self.names = {}
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                self.names.setdefault(name, actor.id)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        if self.names:
            md.treeprocessors.register(_ActorLinker(md, self.names), "actor_links", 1)


def convert(text: str, actors: Iterable[Actor]) -> tuple[str, list[dict]]:
    """HTML and Markdown's table-of-contents tokens for ``text``."""
    md = markdown.Markdown(extensions=extensions(actors))
    html = md.convert(text)
    return html, md.toc_tokens  # type: ignore[attr-defined]
