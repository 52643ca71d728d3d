"""Which parts of a briefing cite which passage of its prose: what an author needs to see
before renaming or removing an anchor."""

from __future__ import annotations

from viewer.domain.model import Briefing


def passage_uses(briefing: Briefing) -> dict[str, list[str]]:
    """Every cited anchor, with what cites it in words ("theme 'energy'", "stance of 'russia'
    on 'sanctions'"), in the order the briefing lists them."""
    uses: dict[str, list[str]] = {}

    def cite(anchor: str, what: str) -> None:
        if anchor:
            uses.setdefault(anchor, []).append(what)

    for theme in briefing.themes:
        cite(theme.passage, f"theme '{theme.id}'")
    for actor in briefing.actors:
        cite(actor.passage, f"actor '{actor.id}'")
    for issue in briefing.issues:
        cite(issue.passage, f"issue '{issue.id}'")
    for stance in briefing.stances:
        dated = f" as of {stance.as_of}" if stance.as_of else ""
        cite(stance.passage, f"stance of '{stance.actor}' on '{stance.issue}'{dated}")
    for relation in briefing.relations:
        cite(relation.passage, f"relation {relation.between[0]}–{relation.between[1]}")
    for event in briefing.timeline:
        cite(event.passage, f"event of {event.date}")
    return uses
