"""The detail page for one matrix cell: the stance with its evidence and a link into the prose."""

from __future__ import annotations

from html import escape

from viewer.domain.model import Briefing
from viewer.ui.positions import badge_html
from viewer.ui.profiles import anchor, passage_link


def stance_page(briefing: Briefing, actor_id: str, issue_id: str) -> str:
    """Everything known about one actor on one issue; says so plainly when nothing is."""
    actor = briefing.actor_by_id[actor_id]
    issue = briefing.issue_by_id[issue_id]
    heading = (
        f"<h3>{anchor('actor', actor.id, actor.name)} on "
        f"{anchor('issue', issue.id, issue.title)}</h3>"
        f"<p><b>{escape(issue.question)}</b></p>"
    )
    stance = briefing.stance_index.get((actor_id, issue_id))
    if stance is None:
        return (
            heading + "<p><i>The briefing records no stance for this actor on this issue.</i></p>"
        )
    as_of = f" · as of {escape(stance.as_of)}" if stance.as_of else ""
    return (
        heading + f"<p>{badge_html(stance.position, stance.confidence)}&nbsp; "
        f"<small>{escape(stance.confidence.value)} confidence{as_of}</small></p>"
        f"<p>{escape(stance.summary)}</p>"
        f"<p><small>EVIDENCE</small><br>{escape(stance.evidence)}</p>"
        f"<p>{passage_link(stance.passage)}</p>"
    )
