"""Rich-text pages for themes, actors and issues, with every name a navigator link."""

from __future__ import annotations

from collections import Counter
from html import escape

from viewer.domain.model import Briefing, Issue, Position, Stance
from viewer.ui.navigation import link
from viewer.ui.positions import LOOKS, badge_html, legend_html

READ = "Read in briefing ›"


def anchor(kind: str, key: str, text: str) -> str:
    return f'<a href="{escape(link(kind, key))}">{escape(text)}</a>'


def passage_link(passage: str, text: str = READ) -> str:
    return anchor("passage", passage, text) if passage else ""


def spread_html(stances: list[Stance]) -> str:
    """Counts of each position on one issue, in scale order, as small coloured badges."""
    counts = Counter(s.position for s in stances)
    parts = []
    for position in Position:
        if counts[position]:
            look = LOOKS[position]
            parts.append(
                f'<span style="background-color:{look.background}; color:{look.foreground};"'
                f' title="{position.label}">&nbsp;{look.glyph}&nbsp;{counts[position]}&nbsp;</span>'
            )
    return " ".join(parts) or "<i>no stances</i>"


def theme_page(briefing: Briefing, theme_id: str) -> str:
    theme = briefing.theme_by_id[theme_id]
    issues = briefing.issues_of_theme(theme_id)
    engaged: Counter[str] = Counter()
    rows = []
    for issue in issues:
        stances = briefing.stances_on_issue(issue.id)
        engaged.update(s.actor for s in stances)
        rows.append(
            f"<tr><td>{anchor('issue', issue.id, issue.title)}<br>"
            f"<small>{escape(issue.question)}</small></td>"
            f"<td>{spread_html(stances)}</td></tr>"
        )
    actors = ", ".join(
        f"{anchor('actor', actor_id, briefing.actor_by_id[actor_id].name)} ({count})"
        for actor_id, count in engaged.most_common(8)
    )
    table = (
        '<table width="100%" cellspacing="0" cellpadding="5">'
        "<tr><th align=left>Issue (opens the matrix)</th><th align=left>Positions</th></tr>"
        + "".join(rows)
        + "</table>"
        if rows
        else "<p><i>No issues under this theme.</i></p>"
    )
    return (
        f"<h2>{escape(theme.title)}</h2><p>{escape(theme.summary)}</p>"
        f"<p>{passage_link(theme.passage)}</p>"
        f"<h3>Issues</h3><p><small>{legend_html()}</small></p>{table}"
        f"<h3>Most engaged actors</h3><p>{actors or '<i>None yet.</i>'}</p>"
    )


def stance_row(briefing: Briefing, stance: Stance, show: str) -> str:
    """A table row for a stance, naming the issue (``show='issue'``) or the actor."""
    if show == "issue":
        issue = briefing.issue_by_id[stance.issue]
        name = anchor("issue", issue.id, issue.title)
    else:
        name = anchor("actor", stance.actor, briefing.actor_by_id[stance.actor].name)
    position = (
        f'<a href="{escape(link("stance", f"{stance.actor}/{stance.issue}"))}" '
        f'style="text-decoration:none">{badge_html(stance.position, stance.confidence)}</a>'
    )
    return (
        f"<tr><td>{name}</td><td>{position}<br><small>{stance.confidence.value} confidence"
        f"</small></td><td>{escape(stance.summary)} {passage_link(stance.passage, 'Evidence ›')}"
        "</td></tr>"
    )


def actor_page(briefing: Briefing, actor_id: str) -> str:
    actor = briefing.actor_by_id[actor_id]
    stances = briefing.stances_of_actor(actor_id)
    stance_table = (
        '<table width="100%" cellspacing="0" cellpadding="5">'
        "<tr><th align=left>Issue</th><th align=left>Position</th><th align=left>In short</th></tr>"
        + "".join(stance_row(briefing, s, "issue") for s in stances)
        + "</table>"
        if stances
        else "<p><i>The sources give no stance for this actor.</i></p>"
    )
    relations = []
    for relation in briefing.relations_of_actor(actor_id):
        other = relation.other(actor_id)
        relations.append(
            f"<li><b>{relation.role_of(actor_id)}</b> "
            f"{anchor('actor', other, briefing.actor_by_id[other].name)}: "
            f"{escape(relation.summary)} {passage_link(relation.passage, 'Read ›')}</li>"
        )
    events = [
        f"<li><b>{escape(event.date)}</b> — {escape(event.event)} "
        f"{passage_link(event.passage, 'Read ›')}</li>"
        for event in briefing.events_of_actor(actor_id)
    ]
    return (
        f"<h2>{escape(actor.name)}</h2>"
        f"<p><small>{escape(actor.kind.singular)}</small></p>"
        f"<p>{escape(actor.summary)}</p><p>{passage_link(actor.passage)}</p>"
        f"<h3>Stances ({len(stances)})</h3>{stance_table}"
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
        + (f"<p>Theme: {anchor('theme', theme.id, theme.title)}</p>" if theme else "")
        + f"<p>{passage_link(issue.passage)}</p><p>{spread_html(stances)}</p>"
        + '<table width="100%" cellspacing="0" cellpadding="4">'
        + rows
        + "</table>"
    )
