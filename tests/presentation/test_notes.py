"""What the notes say about a briefing: places named, detached ones found, Markdown written."""

from __future__ import annotations

from viewer.domain.notes import Mark, Note
from viewer.domain.targets import Kind, Target
from viewer.presentation.notes import notes_markdown, place_name, shown_notes


def note(ident: int, target: str, mark: Mark = Mark.NOTE, text: str = "", quote: str = "") -> Note:
    return Note(ident, "water-talks", target, mark, text, quote, "2026-11-26T09:00:00+00:00", "")


def test_places_are_named_as_the_briefing_names_them(minimal) -> None:
    assert place_name(minimal, Target.stance("lowland", "fast-fill")) == "Lowland on Fast filling"
    assert place_name(minimal, Target(Kind.ACTOR, "river-commission")) == "River Commission"
    assert place_name(minimal, Target(Kind.PASSAGE, "lowland-farms")) == "Water sharing"
    assert place_name(minimal, Target(Kind.PASSAGE, "power")) == "Power"


def test_a_note_whose_place_is_gone_is_detached_not_dropped(minimal) -> None:
    shown = shown_notes(
        minimal,
        [note(1, "actor:upland"), note(2, "passage:vanished"), note(3, "nonsense")],
    )
    assert [(s.attached, s.place) for s in shown] == [
        (True, "Actor: Upland"),
        (False, "Passage: vanished"),
        (False, "nonsense"),
    ]


def test_markdown_has_notes_then_bookmarks_then_detached(minimal) -> None:
    text = notes_markdown(
        minimal,
        [
            note(1, "passage:upland-plan", Mark.BOOKMARK, quote="Upland's plan is to fill…"),
            note(2, "stance:lowland/fast-fill", text="Seven years, or more?", quote="Fears"),
            note(3, "actor:gone", text="Was an actor.", quote="Gone Ltd"),
        ],
    )
    assert text.index("## Notes") < text.index("## Bookmarks") < text.index("## Detached")
    assert "### Stance: Lowland on Fast filling\n\n> Fears\n\nSeven years, or more?\n" in text
    assert "### Passage: Water sharing\n\n> Upland's plan is to fill…\n" in text
    assert "### Actor: gone\n\n> Gone Ltd\n\nWas an actor.\n" in text


def test_markdown_without_notes_says_so(minimal) -> None:
    assert notes_markdown(minimal, []).endswith("No notes or bookmarks yet.\n")
