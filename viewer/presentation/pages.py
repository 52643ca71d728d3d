"""Rich-text pages of themes, actors, issues and stances, with every name a link to it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from html import escape
from operator import attrgetter
from typing import TypeVar

from viewer.domain.model import Briefing, Issue, Stance
from viewer.domain.problems import Problem
from viewer.domain.targets import Kind, Target, link
from viewer.presentation.positions import badge_html, legend_html, spread_html

READ = "Read in briefing ›"
ACTOR = attrgetter("actor")
"""A stance's actor, taken in C: a theme of a roll-call counts hundreds of thousands."""
T = TypeVar("T")
LONG_LIST = 250
"""Rows a page shows of a long list at first: a roll-call actor's thousands of positions take
seconds to lay out as one page, and the window would stall that long; the rest is one click
away."""
PART = 30
"""Rows in each table of a long list. Qt lays a rich-text table out whole before it shows any
of it: 250 rows in one table held the window 0.2 s, and as tables of 60 set at once, still
0.08 s. A page shows its first part at once and the others after it, one per turn of the event
loop (:data:`PART_BREAK`); 30 rows take about 20 ms. A list this short stays one table, its
columns as wide as their contents ask."""
PART_BREAK = "<!--part-->"
"""Where a page may be cut, for the window to lay it out a part at a time: a comment, so the page
reads the same to anything that takes it whole."""
WHOLE_LIST = "whole:list"
"""The link that asks for the whole of a cut list (handled by the view showing the page)."""


def long_table(
    columns: Sequence[tuple[str, int]],
    items: Sequence[T],
    cells: Callable[[T], Sequence[str]],
    everything: bool,
    what: str,
    padding: int = 5,
) -> str:
    """``items`` as a table under the headings of ``columns``, a row of ``cells`` each (nothing
    when there are none): all of them, or the first :data:`LONG_LIST` and a line that says how
    many are left out with a link to show them. Past :data:`PART` rows, the rows go in tables of
    that many one under the other, a :data:`PART_BREAK` between two, their columns held to the
    same widths (the percentages of ``columns``) so that they read as one."""
    shown = items if everything or len(items) <= LONG_LIST else items[:LONG_LIST]
    split = len(shown) > PART
    opening = f'<table width="100%" cellspacing="0" cellpadding="{padding}">'
    widths = [width for _, width in columns]
    widths[-1] -= 1
    """Qt rounds each percentage up: widths that add up to the whole leave the page a pixel wider
    than its pane, with a horizontal scroll bar for that pixel."""

    def row(found: Sequence[str], tag: str = "td", sized: bool = False) -> str:
        align = " align=left" if tag == "th" else ""
        sizes = [f' width="{width}%"' if sized else "" for width in widths]
        return (
            "<tr>"
            + "".join(
                f"<{tag}{align}{size}>{cell}</{tag}>"
                for cell, size in zip(found, sizes, strict=True)
            )
            + "</tr>"
        )

    tables = []
    for start in range(0, len(shown), PART):
        part = [row(cells(item)) for item in shown[start + 1 : start + PART]]
        first = row(cells(shown[start]), sized=split and start > 0)
        if start == 0:
            first = row([heading for heading, _ in columns], "th", split) + first
        tables.append(opening + first + "".join(part) + "</table>")
    if len(shown) == len(items):
        return PART_BREAK.join(tables)
    return PART_BREAK.join(tables) + (
        f"<p><i>The first {len(shown):,} of {len(items):,} {what} are shown.</i> "
        f'<a href="{WHOLE_LIST}">Show all {len(items):,}</a> (a page that long takes a moment '
        "to lay out)</p>"
    )


def anchor(kind: Kind, key: str, text: str) -> str:
    return f'<a href="{escape(link(kind, key))}">{escape(text)}</a>'


def passage_link(passage: str, text: str = READ) -> str:
    return anchor(Kind.PASSAGE, passage, text) if passage else ""


def theme_page(briefing: Briefing, theme_id: str, everything: bool = False) -> str:
    """``everything``: every issue of a long theme, not only the first :data:`LONG_LIST`."""
    theme = briefing.theme_by_id[theme_id]
    issues = briefing.issues_of_theme(theme_id)
    engaged: Counter[str] = Counter()
    spreads = {}
    for issue in issues:
        stances = briefing.stances_on_issue(issue.id)
        engaged.update(map(ACTOR, stances))
        spreads[issue.id] = stances
    table = long_table(
        [("Issue (opens the matrix)", 40), ("Positions", 60)],
        issues,
        lambda issue: [
            f"{anchor(Kind.ISSUE, issue.id, issue.title)}<br>"
            f"<small>{escape(issue.question)}</small>",
            spread_html(spreads[issue.id]),
        ],
        everything,
        "issues",
    )
    actors = ", ".join(
        f"{anchor(Kind.ACTOR, actor_id, briefing.actor_by_id[actor_id].name)} ({count})"
        for actor_id, count in engaged.most_common(8)
    )
    return (
        f"<h2>{escape(theme.title)}</h2><p>{escape(theme.summary)}</p>"
        f"<p>{passage_link(theme.passage)}</p>"
        f"<h3>Issues</h3><p><small>{legend_html()}</small></p>"
        f"{table or '<p><i>No issues under this theme.</i></p>'}"
        f"<h3>Most engaged actors</h3><p>{actors or '<i>None yet.</i>'}</p>"
    )


def stance_row(briefing: Briefing, stance: Stance, show: str) -> str:
    """A table row for a stance, naming the issue (``show='issue'``) or the actor."""
    return "".join(
        ["<tr>", *(f"<td>{cell}</td>" for cell in stance_cells(briefing, stance, show)), "</tr>"]
    )


def stance_cells(briefing: Briefing, stance: Stance, show: str) -> list[str]:
    """A stance's cells: the issue (``show='issue'``) or the actor, the position, in short."""
    if show == "issue":
        issue = briefing.issue_by_id[stance.issue]
        name = anchor(Kind.ISSUE, issue.id, issue.title)
    else:
        name = anchor(Kind.ACTOR, stance.actor, briefing.actor_by_id[stance.actor].name)
    position = (
        f'<a href="{escape(Target.stance(stance.actor, stance.issue).url())}" '
        f'style="text-decoration:none">{badge_html(stance.position, stance.confidence)}</a>'
    )
    return [
        name,
        f"{position}<br><small>{stance.confidence.value} confidence</small>",
        f"{escape(stance.summary)} {passage_link(stance.passage, 'Evidence ›')}",
    ]


def relation_items(briefing: Briefing, actor_id: str) -> list[str]:
    """An actor's relations as list items, each read from its side, with a link to the other."""
    items = []
    for relation in briefing.relations_of_actor(actor_id):
        other = relation.other(actor_id)
        items.append(
            f"<li><b>{relation.role_of(actor_id)}</b> "
            f"{anchor(Kind.ACTOR, other, briefing.actor_by_id[other].name)}: "
            f"{escape(relation.summary)} {passage_link(relation.passage, 'Read ›')}</li>"
        )
    return items


def actor_page(briefing: Briefing, actor_id: str, everything: bool = False) -> str:
    """``everything``: every stance of a roll-call actor, not only the first :data:`LONG_LIST`."""
    actor = briefing.actor_by_id[actor_id]
    stances = briefing.stances_of_actor(actor_id)
    stance_table = long_table(
        [("Issue", 25), ("Position", 20), ("In short", 55)],
        stances,
        lambda s: stance_cells(briefing, s, "issue"),
        everything,
        "stances",
    )
    relations = relation_items(briefing, actor_id)
    events = [
        f"<li><b>{escape(event.date)}</b> — {escape(event.event)} "
        f"{passage_link(event.passage, 'Read ›')}</li>"
        for event in briefing.events_of_actor(actor_id)
    ]
    return (
        f"<h2>{escape(actor.name)}</h2>"
        f"<p><small>{escape(actor.kind.singular)}</small></p>"
        f"<p>{escape(actor.summary)}</p><p>{passage_link(actor.passage)}</p>"
        f"<h3>Stances ({len(stances)})</h3>"
        f"{stance_table or '<p><i>The sources give no stance for this actor.</i></p>'}"
        f"<h3>Relations</h3>{bullets(relations, 'None recorded.')}"
        f"<h3>Timeline</h3>{bullets(events, 'No dated events.')}"
    )


def bullets(items: list[str], empty: str) -> str:
    return f"<ul>{''.join(items)}</ul>" if items else f"<p><i>{empty}</i></p>"


def issue_page(briefing: Briefing, issue: Issue) -> str:
    stances = briefing.stances_on_issue(issue.id)
    theme = briefing.theme_by_id.get(issue.theme)
    rows = "".join(stance_row(briefing, s, "actor") for s in stances)
    return (
        f"<h3>{escape(issue.title)}</h3><p><b>{escape(issue.question)}</b></p>"
        + (f"<p>Theme: {anchor(Kind.THEME, theme.id, theme.title)}</p>" if theme else "")
        + f"<p>{passage_link(issue.passage)}</p><p>{spread_html(stances)}</p>"
        + '<table width="100%" cellspacing="0" cellpadding="4">'
        + rows
        + "</table>"
    )


def stance_page(briefing: Briefing, actor_id: str, issue_id: str) -> str:
    """Everything known about one actor on one issue; says so plainly when nothing is."""
    actor = briefing.actor_by_id[actor_id]
    issue = briefing.issue_by_id[issue_id]
    heading = (
        f"<h3>{anchor(Kind.ACTOR, actor.id, actor.name)} on "
        f"{anchor(Kind.ISSUE, issue.id, issue.title)}</h3>"
        f"<p><b>{escape(issue.question)}</b></p>"
    )
    stance = briefing.stance_index.get((actor_id, issue_id))
    if stance is None:
        return (
            heading + "<p><i>The briefing records no stance for this actor on this issue.</i></p>"
        )
    series = briefing.history(actor_id, issue_id)
    if len(series) == 1:
        return heading + stance_entry(stance)
    return (
        heading
        + f"<p><i>Recorded {len(series)} times; newest first.</i></p>"
        + "<hr>".join(stance_entry(entry) for entry in series)
    )


def stance_entry(stance: Stance) -> str:
    """One recorded stance: position, confidence and date, summary, evidence and passage."""
    as_of = f" · as of {escape(stance.as_of)}" if stance.as_of else ""
    return (
        f"<p>{badge_html(stance.position, stance.confidence)}&nbsp; "
        f"<small>{escape(stance.confidence.value)} confidence{as_of}</small></p>"
        f"<p>{escape(stance.summary)}</p>"
        f"<p><small>EVIDENCE</small><br>{escape(stance.evidence)}</p>"
        f"<p>{passage_link(stance.passage)}</p>"
    )


def unavailable_html(problems: Sequence[Problem]) -> str:
    """Said in place of a text that could not be rendered, with the reasons (escaped)."""
    reasons = "".join(f"<li>{escape(str(problem))}</li>" for problem in problems)
    return (
        "<h2>The text could not be shown</h2>"
        f"<ul>{reasons}</ul>"
        "<p>Themes, actors, the issue matrix and Compare still work. If you wrote this briefing, "
        "fix the places listed.</p>"
    )
