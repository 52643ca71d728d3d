"""Rendering prose with Python-Markdown: the extension list, the actor linker and the source map.

This is the one parse of a briefing's prose. Besides the HTML and the contents it records where in
the Markdown files every id of the HTML comes from, so a problem with an anchor is reported at its
``file:line:col``. Python-Markdown keeps no positions, so three small hooks keep them: the fenced
code preprocessor's matches are recorded (it is the one step that changes the number of lines), a
block processor that never claims a block notes where each top-level block starts, and a last tree
processor reads the ids off the finished tree.

Importing Markdown costs a tenth of a second, and a pathological text can make it run for minutes:
this module runs in the rendering worker process (``prose_worker``), never on the window's thread.
"""

from __future__ import annotations

import html as html_text
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Iterator, Sequence

import markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedBlockPreprocessor, FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from viewer.domain.problems import Location, Problem, Severity
from viewer.domain.prose import ACTOR_SCHEME, Anchor, NamedActor, RenderedProse, TocEntry
from viewer.domain.scripts import is_right_to_left
from viewer.domain.typography import double_quotes, smarten

_VERBATIM_TAGS = {"code", "pre", "kbd", "samp"}
_SKIP_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
LINE_ATTRIBUTE = "data-source-line"
"""Set on top-level elements while rendering, removed before the HTML is written."""
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_PRE_ID = re.compile(r'<pre id="([^"]*)"')
_HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
_DETACHED = re.compile(r"\{:?[^{}]*\}")
_RENUMBERED = re.compile(r"(.+)_\d+\Z")
"""A heading id the contents made unique by a number, because its text's id was taken."""
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def extensions(
    actors: Sequence[NamedActor], source: SourceMap, language: str = ""
) -> list[Extension]:
    """Instances rather than names: naming them makes Markdown scan every installed package's
    entry points, which costs more than the rendering itself."""
    return [
        TocExtension(),
        TableExtension(),
        FootnoteExtension(),
        AttrListExtension(),
        SaneListExtension(),
        FencedCodeExtension(),
        _BriefingExtension(actors, source, language),
    ]


_APOSTROPHE = re.compile("['’]")
_ANY_APOSTROPHE = "['’]"
"""A name's apostrophe matches a straight or a typographic one (quotes are made typographic
before names are linked)."""


_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
"""Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Burmese, Khmer):
a name there is found inside a run of letters, with no word boundary around it."""
_PARTICLES_FOLLOW = re.compile("[\uac00-\ud7af]")
"""Korean: a particle is written onto the name before it ("한국은"), so no boundary after."""


def _bounded(name: str, pattern: str) -> str:
    """``pattern`` for ``name`` with a word boundary on each side its script has one."""
    before = "" if _UNSPACED.match(name[0]) else r"\b"
    after = "" if _UNSPACED.match(name[-1]) or _PARTICLES_FOLLOW.match(name[-1]) else r"\b"
    return before + pattern + after


def _folded(name: str) -> str:
    """The form names are looked up by: any apostrophe, single spaces, and the first letter in
    lower case."""
    name = " ".join(re.sub(_ANY_APOSTROPHE, "'", name).split())
    return name[:1].lower() + name[1:]


def _name_pattern(name: str) -> str:
    """A name as written, but with any apostrophe, any run of spaces or a line break between
    its words, and capitalised when it starts in lower case:
    an alias such as "the Like-Minded Group" also links "The Like-Minded Group" opening a
    sentence (while "Turkey" never links the bird)."""
    pattern = _APOSTROPHE.sub(lambda _: _ANY_APOSTROPHE, re.escape(name))
    pattern = re.sub(r"(?:\\ )+", lambda _: r"\s+", pattern)  # a name may wrap onto the next line
    first = name[:1]
    if first.islower():
        pattern = (
            f"[{re.escape(first.lower())}{re.escape(first.upper())}]"
            + pattern[len(re.escape(first)) :]
        )
    return pattern


class _ActorLinker(Treeprocessor):
    """Links the first mention of each actor in every paragraph, list item or table cell."""

    def __init__(self, md: markdown.Markdown, names: dict[str, str]) -> None:
        super().__init__(md)
        self.names: dict[str, str] = {}
        for name, actor in names.items():
            self.names.setdefault(_folded(name), actor)
        ordered = sorted(names, key=len, reverse=True)
        alternatives = (_bounded(name, _name_pattern(name)) for name in ordered)
        self.pattern = re.compile("(" + "|".join(alternatives) + ")")

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
        pending = list(reversed(block))
        while pending:
            child = pending.pop()
            if child.tag in _SKIP_TAGS or child.tag in ("p", "li", "ul", "ol"):
                continue
            found.append(child)
            pending.extend(reversed(child))
        return found

    def split(self, text: str | None, linked: set[str]) -> tuple[str | None, list[ET.Element]]:
        """The text left in place and the links (with the text between them) that follow it."""
        if not text:
            return text, []
        head: str | None = text
        links: list[ET.Element] = []
        position = 0
        for match in self.pattern.finditer(text):
            actor_id = self.names[_folded(match.group(1))]
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


# -- where the HTML came from ---------------------------------------------------------------


class SourceMap:
    """Lines of the text Markdown parses, traced back to the briefing's files.

    ``files`` are joined with a blank line between them (so footnotes and ids are shared across
    files, as the reader sees one text); ``origin`` maps each line Markdown parses to a line of
    that joined text.
    """

    def __init__(self, files: Sequence[tuple[str, str]]) -> None:
        self.names = [name for name, _ in files]
        self.starts: list[int] = []
        line = 0
        for _, text in files:
            self.starts.append(line)
            line += text.count("\n") + 2
        self.source_lines = "\n\n".join(text for _, text in files).split("\n")
        self.origin: list[int] = list(range(len(self.source_lines) + 2))
        """Normalising whitespace adds two lines at the end; fenced code changes the rest."""
        self.parsed = ""
        """The text the block parser sees, once preprocessing is done."""

    def replace_fence(self, line: int, spanned: int) -> None:
        """Fenced code on ``spanned + 1`` lines from ``line`` became a blank line, a placeholder
        and a blank line."""
        first, last = self.origin[line], self.origin[line + spanned]
        self.origin[line : line + spanned + 1] = [first, first, last]

    def source_line(self, parsed_line: int) -> int:
        """The line (counting from 0) of the joined text that a parsed line comes from."""
        return self.origin[min(parsed_line, len(self.origin) - 1)]

    def location(self, line: int, column: int = 1) -> Location:
        """A line of the joined text as ``file:line:col`` of the file it belongs to."""
        index = max(bisect_right(self.starts, line) - 1, 0)
        return Location(self.names[index], line - self.starts[index] + 1, column)


class _RecordingFences:
    """Stands in for the fenced code pattern and reports every block it replaces."""

    def __init__(self, preprocessor: FencedBlockPreprocessor, source: SourceMap) -> None:
        self.pattern = preprocessor.FENCED_BLOCK_RE
        self.stash = preprocessor.md.htmlStash
        self.source = source
        self.pending: tuple[int, int, int] | None = None

    def settle(self) -> None:
        """A match counts once the preprocessor stashed its code (a match whose attributes do
        not parse is skipped, not replaced)."""
        if self.pending is not None:
            line, spanned, stashed = self.pending
            if self.stash.html_counter > stashed:
                self.source.replace_fence(line, spanned)
            self.pending = None

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        self.settle()
        match = self.pattern.search(text, position)
        if match is not None:
            spanned = match.group(0).count("\n")
            self.pending = (text.count("\n", 0, match.start()), spanned, self.stash.html_counter)
        return match


class _ParsedText(Preprocessor):
    """Runs after every other preprocessor: settles the fences and keeps the parsed text."""

    def __init__(
        self, md: markdown.Markdown, fences: _RecordingFences, blocks: _BlockStarts
    ) -> None:
        super().__init__(md)
        self.fences = fences
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        self.fences.settle()
        self.fences.source.parsed = "\n".join(lines)
        self.blocks.split(self.fences.source.parsed)
        return lines


class _BlockStarts(BlockProcessor):
    """Claims no block; notes where each top-level block starts, and tags the elements that the
    block produced with that line.

    The parser splits the text at blank lines and hands the pieces to the processors in order;
    a processor may consume several pieces at once, put back the rest of one it took part of, or
    parse a part of one apart. So a block is matched to the next piece if it is that piece, else
    to a part of the piece seen last, else to the first later piece equal to it; failing all
    three it keeps the line before.
    """

    def __init__(self, parser: BlockParser, source: SourceMap) -> None:
        super().__init__(parser)
        self.source = source
        self.pieces: list[str] = []
        self.lines: list[int] = []
        """The line (of the parsed text) where each piece starts."""
        self.where: dict[str, list[int]] = {}
        """Each distinct piece, with the indexes where it occurs, in reverse order."""
        self.next = 0
        self.line = 0
        self.pending: tuple[ET.Element, int, int] | None = None

    def split(self, parsed: str) -> None:
        """Know the pieces the parser will split ``parsed`` into (``parseChunk`` splits at
        blank lines)."""
        self.pieces = parsed.split("\n\n")
        self.lines, line = [], 0
        for index, piece in enumerate(self.pieces):
            self.lines.append(line)
            line += piece.count("\n") + 2
            self.where.setdefault(piece, []).insert(0, index)

    def settle(self) -> None:
        if self.pending is not None:
            root, first, line = self.pending
            for element in root[first:]:
                if LINE_ATTRIBUTE not in element.attrib:
                    element.set(LINE_ATTRIBUTE, str(line))
            self.pending = None

    def test(self, parent: ET.Element, block: str) -> bool:
        root = getattr(self.parser, "root", None)
        if parent is not root:
            return False
        self.settle()
        self.line = self._locate(block)
        self.pending = (parent, len(parent), self.line)
        return False

    def _locate(self, block: str) -> int:
        if not block.strip():
            return self.line
        if self.next < len(self.pieces) and self.pieces[self.next] == block:
            self.next += 1
            return self.lines[self.next - 1]
        current = self.next - 1
        if current >= 0:
            piece = self.pieces[current]
            # The rest of it put back, or a part parsed apart (what precedes a quote).
            rest = piece.endswith(block)
            offset = len(piece) - len(block) if rest else piece.find(block)
            if offset >= 0:
                return self.lines[current] + piece.count("\n", 0, offset)
        later = self.where.get(block, [])
        while later and later[-1] < self.next:
            later.pop()
        if later:
            self.next = later.pop() + 1
            return self.lines[self.next - 1]
        return self.line

    def run(self, parent: ET.Element, blocks: list[str]) -> bool:
        return False


_TABLE_ID = re.compile(r"\{:?\s*#([^\s{}#]+)\s*\}")


class _TableIds(Treeprocessor):
    """An attribute list on the line after a table (``{: #id }``) names the table, as it names
    a paragraph: Markdown reads that line as one more row, so the row is taken back off."""

    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            body = table.find("tbody")
            if body is None or not len(body):
                continue
            cells = list(body[-1])
            if not cells or len(cells[0]):
                continue
            first, rest = cells[0], cells[1:]
            if any((cell.text or "").strip() or len(cell) for cell in rest):
                continue
            found = _TABLE_ID.fullmatch((first.text or "").strip())
            if found:
                body.remove(body[-1])
                table.set("id", found.group(1))


class _RightToLeft(Treeprocessor):
    """Lays a right-to-left briefing's prose out right to left: every top-level element says so
    (Qt's text layout then sets paragraphs, list bullets and table cells from the right), and
    each table row's cells are put in reverse order, because Qt draws a table's first column on
    the left whatever the table's direction, and the table spans the measure: Qt sets a table
    aligned right against the page's edge, past the margin of the window's reading column."""

    def run(self, root: ET.Element) -> None:
        for child in root:
            child.set("dir", "rtl")
        for table in root.iter("table"):
            table.set("width", "100%")
        for row in root.iter("tr"):
            cells = list(row)
            for cell in cells:
                row.remove(cell)
            row.extend(reversed(cells))


class _Typography(Treeprocessor):
    """Typographic quotes, dashes and ellipses in the text, never in code; after the inline
    patterns and attribute lists, before the contents takes the headings' titles."""

    def __init__(self, md: markdown.Markdown, quotes: tuple[str, str]) -> None:
        super().__init__(md)
        self.quotes = quotes

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag not in _VERBATIM_TAGS and element.text:
                element.text = smarten(element.text, self.quotes)
            if element.tail:
                element.tail = smarten(element.tail, self.quotes)


class _Settle(Treeprocessor):
    """Tags the last block's elements before the footnotes are added after them."""

    def __init__(self, md: markdown.Markdown, blocks: _BlockStarts) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, root: ET.Element) -> None:
        self.blocks.settle()


class _Anchors(Treeprocessor):
    """Reads every id off the finished tree with the place it was written, and removes the line
    tags. Runs last, after the contents, attribute lists and footnotes have set their ids."""

    def __init__(self, md: markdown.Markdown, blocks: _BlockStarts, source: SourceMap) -> None:
        super().__init__(md)
        self.blocks = blocks
        self.source = source
        self.anchors: list[Anchor] = []
        self.problems: list[Problem] = []
        self.automatic: dict[str, str] = {}
        """Ids made from a heading's text, and that text."""

    def run(self, root: ET.Element) -> None:
        self.blocks.settle()
        children = list(root)
        starts = [self._start(child) for child in children]
        ends = _ends(starts, len(self.source.source_lines))
        for index, child in enumerate(children):
            tagged, end = starts[index], ends[index]
            start = 0 if tagged is None else tagged  # untagged: made by a tree processor
            leading = (child.text or "").partition("\n")
            if child.tag == "p" and leading[2].strip() and _DETACHED.fullmatch(leading[0].strip()):
                self.problems.append(
                    Problem(
                        self.source.location(start),
                        "this attribute list is shown as text, with what follows it: it goes "
                        "on the line after what it names (after a paragraph's last line, or a "
                        "table's last row)",
                        Severity.WARNING,
                    )
                )
            if child.tag == "p" and not len(child) and _DETACHED.fullmatch(child.text or ""):
                after_heading = index > 0 and children[index - 1].tag in _HEADING_TAGS
                self.problems.append(
                    Problem(
                        self.source.location(start),
                        "this attribute list is shown as text and defines no anchor: "
                        + (
                            "a heading takes it at the end of its own line ('## Title {: #id }')"
                            if after_heading
                            else "put it on the line right after its paragraph, with no blank "
                            "line between"
                        ),
                        Severity.WARNING,
                    )
                )
            for element in _walk(child):
                ident = element.get("id")
                if ident:
                    self._add(ident, self._locate(ident, element, start, end))
                    if element.tag in _HEADING_TAGS and not self._search(
                        f"#{ident}", start, end, word=True
                    ):
                        self.automatic[ident] = self._text(element)
                for text in (element.text, element.tail):
                    for found in _PLACEHOLDER.finditer(text or ""):
                        self._stashed_id(int(found.group(1)), start, end)
        self._check_unique()

    def _start(self, child: ET.Element) -> int | None:
        tag = child.attrib.pop(LINE_ATTRIBUTE, None)
        return None if tag is None else self.source.source_line(int(tag))

    def _text(self, element: ET.Element) -> str:
        """An element's text as read, with what Markdown set aside (quotes, code) put back."""
        stash = self.md.htmlStash.rawHtmlBlocks

        def restored(found: re.Match[str]) -> str:
            index = int(found.group(1))
            raw = stash[index] if index < len(stash) else ""
            return html_text.unescape(re.sub("<[^>]*>", "", raw if isinstance(raw, str) else ""))

        return _PLACEHOLDER.sub(restored, "".join(element.itertext())).strip()

    def _add(self, ident: str, location: Location) -> None:
        self.anchors.append(Anchor(ident, location))

    def _stashed_id(self, index: int, start: int, end: int) -> None:
        """Fenced code with ``{ #id }`` is stashed as raw HTML, outside the tree."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else ""
        found = _PRE_ID.match(raw if isinstance(raw, str) else "")
        if found:
            ident = html_text.unescape(found.group(1))
            self._add(ident, self._search(f"#{ident}", start, end) or self.source.location(start))

    def _locate(self, ident: str, element: ET.Element, start: int, end: int) -> Location:
        """The exact place where the id is written, else where its heading or block starts."""
        written = self._search(f"#{ident}", start, end, word=True)
        if written:
            return written
        if ident.startswith(("fn:", "fnref")):
            label = ident.partition(":")[2]
            reference = f"[^{label}]:" if ident.startswith("fn:") else f"[^{label}]"
            where = (0, len(self.source.source_lines)) if ident.startswith("fn:") else (start, end)
            found = self._search(reference, *where)
            if found:
                return found
        if element.tag in _HEADING_TAGS:
            for line in range(start, end):
                if _HEADING.match(self.source.source_lines[line]):
                    return self.source.location(line)
        return self.source.location(start)

    def _search(self, needle: str, start: int, end: int, word: bool = False) -> Location | None:
        lines = self.source.source_lines
        for line in range(start, min(end, len(lines))):
            column = lines[line].find(needle)
            while column >= 0:
                after = lines[line][column + len(needle) : column + len(needle) + 1]
                if not word or after in ("", " ", "}", "\t"):
                    return self.source.location(line, column + 1)
                column = lines[line].find(needle, column + 1)
        return None

    def _check_unique(self) -> None:
        first: dict[str, Location] = {}
        for anchor in self.anchors:
            if anchor.id in first:
                self.problems.append(
                    Problem(
                        anchor.location,
                        f"anchor '{anchor.id}' is defined twice (first at {first[anchor.id]}); "
                        "links go to the first",
                    )
                )
            else:
                first[anchor.id] = anchor.location
        for anchor in self.anchors:
            heading = self.automatic.get(anchor.id)
            taken = _RENUMBERED.match(anchor.id)
            if heading is None or taken is None or taken.group(1) not in first:
                continue
            self.problems.append(
                Problem(
                    anchor.location,
                    f"the heading '{heading}' gets the id '{anchor.id}', not "
                    f"'{taken.group(1)}': that id is already defined at "
                    f"{first[taken.group(1)]}; to cite this heading, give it an id of its own "
                    f"('# {heading} {{: #its-id }}') or use '{anchor.id}'",
                    Severity.WARNING,
                )
            )


def _ends(starts: list[int | None], last_line: int) -> list[int]:
    """Where each element's source ends: where the next element that starts on a later line
    starts (elements of one block share its start), or the end of the text."""
    ends = [last_line] * len(starts)
    later, after = last_line, None
    for index in reversed(range(len(starts))):
        start = starts[index]
        if start is None:
            continue
        if after is not None and after > start:
            later = after
        ends[index] = later
        after = start
    return ends


def _walk(element: ET.Element) -> Iterator[ET.Element]:
    """Elements in document order, without recursion (nesting can be deep)."""
    pending = [element]
    while pending:
        current = pending.pop()
        yield current
        pending.extend(reversed(current))


class _BriefingExtension(Extension):
    def __init__(self, actors: Sequence[NamedActor], source: SourceMap, language: str = "") -> None:
        super().__init__()
        self.source = source
        self.right_to_left = is_right_to_left(language)
        self.quotes = double_quotes(language)
        self.names: dict[str, str] = {}
        for actor in actors:
            for name in actor.names:
                self.names.setdefault(name, actor.id)
        self.anchors: _Anchors | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML is shown as text rather than interpreted: a briefing is untrusted input, and
        # escaping needs no allow-list to keep up to date.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        if self.names:
            md.treeprocessors.register(_ActorLinker(md, self.names), "actor_links", 1)
        fenced = md.preprocessors["fenced_code_block"]
        assert isinstance(fenced, FencedBlockPreprocessor)
        fences = _RecordingFences(fenced, self.source)
        fenced.FENCED_BLOCK_RE = fences
        blocks = _BlockStarts(md.parser, self.source)
        md.preprocessors.register(_ParsedText(md, fences, blocks), "parsed_text", 0)
        md.parser.blockprocessors.register(blocks, "block_starts", 1000)
        md.treeprocessors.register(_Settle(md, blocks), "settle_blocks", 100)
        md.treeprocessors.register(_TableIds(md), "table_ids", 9)
        md.treeprocessors.register(_Typography(md, self.quotes), "typography", 6)
        if self.right_to_left:
            md.treeprocessors.register(_RightToLeft(md), "right_to_left", 8)
        self.anchors = _Anchors(md, blocks, self.source)
        md.treeprocessors.register(self.anchors, "anchors", -10)


def render(
    files: Sequence[tuple[str, str]], actors: Sequence[NamedActor] = (), language: str = ""
) -> RenderedProse:
    """Render prose ``files`` (shown name, text) as one text, with its contents and anchors;
    straight quotes and dashes become the typographic ones of ``language``."""
    source = SourceMap(files)
    extension_list = extensions(actors, source, language)
    briefing = extension_list[-1]
    assert isinstance(briefing, _BriefingExtension)
    md = markdown.Markdown(extensions=extension_list)
    blocks = _convert(md, "\n\n".join(text for _, text in files))
    toc: list[TocEntry] = []
    pending = list(reversed(md.toc_tokens))
    while pending:
        token = pending.pop()
        toc.append(TocEntry(token["level"], html_text.unescape(token["name"]), token["id"]))
        pending.extend(reversed(token["children"]))
    anchors = briefing.anchors
    if anchors is None or not blocks:
        return RenderedProse(tuple(blocks), tuple(toc), ())
    return RenderedProse(tuple(blocks), tuple(toc), tuple(anchors.anchors), tuple(anchors.problems))


def _convert(md: markdown.Markdown, text: str) -> list[str]:
    """``md.convert`` with the output kept as one piece of HTML per top-level element, so a view
    can take a long text in slices."""
    if not text.strip():
        return []
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:
        replaced = treeprocessor.run(root)
        if replaced is not None:
            root = replaced
    blocks = []
    for child in root:
        output = md.serializer(child)
        for postprocessor in md.postprocessors:
            output = postprocessor.run(output)
        blocks.append(output.strip())
    return blocks
