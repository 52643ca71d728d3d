"""HTML for the printed parts other than the prose and the matrix: cover, contents, actors,
stance appendix, timeline, sources and the reader's notes.

Passages are linked by their prose anchor, which Qt turns into named destinations.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from viewer.domain.model import Briefing, Source
from viewer.domain.notes import Note
from viewer.domain.targets import Kind, Target
from viewer.presentation.citations import citation
from viewer.presentation.network import unlinked
from viewer.presentation.notes import note_groups, shown_notes
from viewer.presentation.positions import badge_html, mark_html
from viewer.print.headings import Heading
from viewer.print.matrix import issue_labels, issues_by_theme

PRINT_CSS = """
table.data { margin-top: 4px; margin-bottom: 10px; }
table.data th { font-family: 'Open Sans'; font-size: 8.5pt; background-color: #eeeeee; }
table.data td { font-size: 9.5pt; padding: 3px 5px; }
table.key td { font-size: 8.5pt; padding: 1px 5px; }
table.contents td { border: none; padding: 0px 4px; font-size: 10pt; }
table.positions td { font-family: 'Open Sans'; font-size: 8pt; padding: 1px 4px; }
table.legend td { font-family: 'Open Sans'; font-size: 8pt; padding: 2px 4px; }
table.matrix th, table.matrix td { font-family: 'Open Sans'; font-size: 7.5pt; padding: 2px; }
td.mark, th.mark { white-space: nowrap; }
td.page { text-align: right; }
p.meta { font-family: 'Open Sans'; font-size: 8.5pt; color: #444444; margin-bottom: 4px; }
a { color: #1a4f8a; text-decoration: none; }
"""
"""Added to the app's prose stylesheet: compact data tables and quiet links on paper."""


def passage_ref(passage: str, text: str = "Passage&nbsp;›") -> str:
    return f'<a href="#{escape(passage)}">{text}</a>' if passage else ""


def source_line(source: Source) -> str:
    """A source with its address written out in full: a reader of paper cannot click it."""
    url = f"<br><small>{escape(source.url)}</small>" if source.url else ""
    return citation(source) + url


def cover_html(briefing: Briefing) -> str:
    subtitle = (
        f'<p style="font-size: 15pt;">{escape(briefing.subtitle)}</p>' if briefing.subtitle else ""
    )
    sources = "".join(f"<li>{source_line(s)}</li>" for s in briefing.sources)
    based_on = f'<p class="meta">Based on</p><ul>{sources}</ul>' if sources else ""
    return (
        '<p style="margin-top: 150px; font-size: 26pt; font-weight: 600;">'
        f"{escape(briefing.title)}</p>{subtitle}"
        f'<p class="meta" style="margin-top: 30px;">{escape(", ".join(briefing.authors))}</p>'
        f'<p class="meta">{escape(briefing.date)}</p>'
        f'<p style="margin-top: 30px;">{escape(briefing.summary)}</p>{based_on}'
    )


def contents_html(headings: list[Heading], page_label: int) -> str:
    """``page_label`` is added to each heading's page index to give the printed number."""
    rows = []
    for heading in headings:
        indent = 18 * (heading.level - 1)
        weight = "600" if heading.level == 1 else "400"
        rows.append(
            f'<tr><td style="padding-left: {indent}px; font-weight: {weight};">'
            f'<a href="#{escape(heading.anchor)}" style="color: #000000;">'
            f"{escape(heading.title)}</a></td>"
            f'<td class="page">{heading.page + page_label}</td></tr>'
        )
    return f'<table class="contents" width="100%" cellspacing="0">{"".join(rows)}</table>'


TITLED_UP_TO = 120
"""Issues up to which a printed profile names each issue beside its number and mark."""


def actors_html(briefing: Briefing) -> str:
    labels = issue_labels(briefing)
    order = {issue.id: n for n, issue in enumerate(issues_by_theme(briefing))}
    sections = []
    for actor in briefing.actors:
        kind = actor.kind.singular
        held = sorted(briefing.stances_of_actor(actor.id), key=lambda s: order[s.issue])
        positions = ""
        if held and len(briefing.issues) <= TITLED_UP_TO:
            rows = "".join(
                f'<tr><td>{labels[s.issue]}</td><td class="mark">'
                f"{mark_html(s.position, s.confidence)}</td>"
                f"<td>{escape(briefing.issue_by_id[s.issue].title)}</td></tr>"
                for s in held
            )
            positions = (
                f'<p class="meta">Positions:</p><table class="positions" cellspacing="0">{rows}'
                "</table>"
            )
        elif held:  # a roll-call: codes only, or every profile would run to pages
            codes = " ".join(
                f"{labels[s.issue]}&nbsp;{mark_html(s.position, s.confidence)}" for s in held
            )
            positions = f'<p class="meta">Positions (see the matrix key): {codes}</p>'
        relations = "".join(
            f"<li><b>{r.role_of(actor.id)}</b> "
            f"{escape(briefing.actor_by_id[r.other(actor.id)].name)}: "
            f"{escape(r.summary)}</li>"
            for r in briefing.relations_of_actor(actor.id)
        )
        sections.append(
            f'<h2 id="print-actor-{escape(actor.id)}">{escape(actor.name)}</h2>'
            f'<p class="meta">{escape(kind)} {passage_ref(actor.passage)}</p>'
            f"<p>{escape(actor.summary)}</p>"
            + positions
            + (f"<ul>{relations}</ul>" if relations else "")
        )
    return "".join(sections)


def stances_html(briefing: Briefing) -> str:
    labels = issue_labels(briefing)
    sections = [
        "<p>Every stance in the briefing, by issue; “Passage ›” leads to the prose it rests"
        " on. A position recorded more than once is listed at every date, newest first.</p>",
    ]
    for issue in issues_by_theme(briefing):
        stances = briefing.stances_on_issue(issue.id)
        if not stances:
            continue
        rows = "".join(
            f"<tr><td>{escape(briefing.actor_by_id[s.actor].name)}</td>"
            f'<td class="mark">{badge_html(s.position, s.confidence)}<br>'
            f"{s.confidence.value} confidence"
            f"{'<br>as of ' + escape(s.as_of) if s.as_of else ''}</td>"
            f"<td><b>{escape(s.summary)}</b> {escape(s.evidence)} {passage_ref(s.passage)}"
            "</td></tr>"
            for latest in stances
            for s in briefing.history(latest.actor, latest.issue)  # a series, newest first
        )
        sections.append(
            f"<h2>{labels[issue.id]} · {escape(issue.title)}</h2>"
            f'<p class="meta">{escape(issue.question)}</p>'
            '<table class="data" width="100%" cellspacing="0" cellpadding="4">'
            '<thead><tr><th width="20%">Actor</th><th width="19%">Position</th>'
            "<th>Evidence</th></tr></thead>"
            f"{rows}</table>"
        )
    return "".join(sections)


def timeline_html(briefing: Briefing) -> str:
    rows = "".join(
        f"<tr><td>{escape(e.date)}</td><td>{escape(e.event)} {passage_ref(e.passage)}</td>"
        f"<td>{escape(', '.join(briefing.actor_by_id[a].name for a in e.actors))}</td></tr>"
        for e in briefing.timeline
    )
    return (
        f'<table class="data" width="100%" cellspacing="0" '
        'cellpadding="4"><thead><tr><th width="14%">Date</th><th>Event</th>'
        f'<th width="28%">Actors</th></tr></thead>{rows}</table>'
    )


def timeline_caption() -> str:
    return (
        "<p>Each actor's dated events; a bar covers the whole year or month when the source "
        "gives no more, a diamond marks a known day. The list below gives every event in "
        "full.</p>"
    )


def relations_caption(briefing: Briefing) -> str:
    """What the printed network shows, and who it leaves out."""
    left_out = unlinked(briefing)
    drawn = len(briefing.actors) - len(left_out)
    text = (
        f"The {drawn} actors in relations and their {len(briefing.relations)} relations; related "
        "actors are drawn near each other. Lines show the kind of relation and shapes the kind "
        "of actor (key below the figure)."
    )
    if left_out:
        text += f" In no relation, so not drawn: {', '.join(left_out)}."
    return f"<p>{escape(text)}</p>"


def sources_html(briefing: Briefing) -> str:
    items = "".join(f"<li>{source_line(s)}</li>" for s in briefing.sources)
    return f"<ol>{items}</ol>"


def notes_html(briefing: Briefing, notes: Sequence[Note]) -> str:
    """The reader's notes, then bookmarks, then detached notes, each with the words it is on
    and a link to its passage where it has one."""
    shown = shown_notes(briefing, notes)
    sections = []
    for title, members in note_groups(shown):
        items = []
        for item in members:
            passage = _passage_of(briefing, item.target) if item.attached else ""
            quote = (
                f"<blockquote><i>{escape(item.note.quote)}</i></blockquote>"
                if item.note.quote
                else ""
            )
            text = "".join(f"<p>{escape(line)}</p>" for line in item.note.text.splitlines() if line)
            items.append(
                f'<p class="meta"><b>{escape(item.place)}</b> {passage_ref(passage)}</p>'
                f"{quote}{text}"
            )
        sections.append(f"<h2>{escape(title)}</h2>" + "".join(items))
    return "".join(sections)


def _passage_of(briefing: Briefing, target: Target | None) -> str:
    """The passage a note's place rests on: itself, or the stance's or actor's passage."""
    if target is None:
        return ""
    if target.kind is Kind.PASSAGE:
        return target.key
    if target.kind is Kind.STANCE:
        stance = briefing.stance_index.get(target.pair)
        return stance.passage if stance is not None else ""
    if target.kind is Kind.ACTOR and target.key in briefing.actor_by_id:
        return briefing.actor_by_id[target.key].passage
    return ""
