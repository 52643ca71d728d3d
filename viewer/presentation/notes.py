"""What the reader's notes say about a briefing: which place each is on, whether that place is
still there, and the notes as a Markdown file to keep or send."""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from viewer.domain.model import Briefing
from viewer.domain.notes import Mark, Note
from viewer.domain.targets import Kind, Target, parse

KIND_NAMES = {
    Kind.PASSAGE: "Passage",
    Kind.ACTOR: "Actor",
    Kind.THEME: "Theme",
    Kind.ISSUE: "Issue",
    Kind.STANCE: "Stance",
}


def holds(briefing: Briefing, target: Target) -> bool:
    """Whether ``target`` names something in ``briefing``."""
    if target.kind is Kind.STANCE:
        return target.pair in briefing.stance_index
    known: dict[Kind, Container[str]] = {
        Kind.ACTOR: briefing.actor_by_id,
        Kind.THEME: briefing.theme_by_id,
        Kind.ISSUE: briefing.issue_by_id,
        Kind.PASSAGE: briefing.anchors,
    }
    return target.key in known[target.kind]


def place_name(briefing: Briefing, target: Target) -> str:
    """What a place is called in the briefing ("Russia on Syria", an actor's name…); the
    section heading for a passage."""
    if target.kind is Kind.ACTOR and target.key in briefing.actor_by_id:
        return briefing.actor_by_id[target.key].name
    if target.kind is Kind.THEME and target.key in briefing.theme_by_id:
        return briefing.theme_by_id[target.key].title
    if target.kind is Kind.ISSUE and target.key in briefing.issue_by_id:
        return briefing.issue_by_id[target.key].title
    if target.kind is Kind.STANCE:
        actor, issue = target.pair
        who = briefing.actor_by_id.get(actor)
        what = briefing.issue_by_id.get(issue)
        return f"{who.name if who else actor} on {what.title if what else issue}"
    if target.kind is Kind.PASSAGE and briefing.rendered is not None:
        headings = {entry.anchor: entry.title for entry in briefing.rendered.toc}
        section = ""
        for anchor in briefing.rendered.anchors:  # in reading order
            section = headings.get(anchor.id, section)
            if anchor.id == target.key:
                return section or target.key
    return target.key


@dataclass(frozen=True)
class ShownNote:
    """A note as the Notes pane and the exports show it."""

    note: Note
    target: Target | None
    attached: bool
    """False when its place has left the briefing (the note is kept, detached)."""
    place: str
    """The kind and name of its place, such as "Stance: Russia on Syria"."""


def shown_notes(briefing: Briefing, notes: Sequence[Note]) -> list[ShownNote]:
    shown = []
    for note in notes:
        target = parse(note.target)
        attached = target is not None and holds(briefing, target)
        if target is None:
            place = note.target
        else:
            place = f"{KIND_NAMES[target.kind]}: {place_name(briefing, target)}"
        shown.append(ShownNote(note, target, attached, place))
    return shown


def note_groups(shown: Sequence[ShownNote]) -> list[tuple[str, list[ShownNote]]]:
    """Notes, then bookmarks, then the detached ones, each group titled, empty groups left out.
    The pane, the Markdown and the PDF all list them so."""
    groups = (
        ("Notes", [s for s in shown if s.attached and s.note.mark is Mark.NOTE]),
        ("Bookmarks", [s for s in shown if s.attached and s.note.mark is Mark.BOOKMARK]),
        (
            "Detached: their place is no longer in the briefing",
            [s for s in shown if not s.attached],
        ),
    )
    return [(title, members) for title, members in groups if members]


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def notes_markdown(briefing: Briefing, notes: Sequence[Note]) -> str:
    """The reader's bookmarks and notes on ``briefing`` as Markdown: notes with the words they
    are on, then bookmarks, then the detached ones."""
    shown = shown_notes(briefing, notes)
    lines = [f"# Notes on “{briefing.title}”", ""]
    if briefing.date:
        lines += [f"Briefing of {briefing.date}, id `{briefing.id}`.", ""]
    for heading, items in note_groups(shown):
        lines += [f"## {heading}", ""]
        for item in items:
            lines.append(f"### {item.place}")
            lines.append("")
            if item.note.quote:
                lines += [_quoted(item.note.quote), ""]
            if item.note.text:
                lines += [item.note.text, ""]
            lines += [f"*{item.note.mark.value}, {item.note.updated}*", ""]
    if not shown:
        lines += ["No notes or bookmarks yet.", ""]
    return "\n".join(lines)
