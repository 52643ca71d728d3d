"""The one parse of the prose: HTML, contents and every anchor with the place it is written."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from viewer.domain.markdown_ext import render
from viewer.domain.prose import NamedActor, RenderedProse
from viewer.domain.schema import from_plain, to_plain

RUSSIA = NamedActor("russia", ("Russia", "Moscow"))
IRAN = NamedActor("iran", ("Iran",))


def anchors(rendered: RenderedProse) -> dict[str, str]:
    return {anchor.id: str(anchor.location) for anchor in rendered.anchors}


def test_first_mention_per_paragraph_links_to_the_actor() -> None:
    html = render(
        [("b.md", "Russia and Iran met; Moscow and Iran agreed.\n\nIran again.")], [RUSSIA, IRAN]
    ).html
    assert html.count('href="actor:russia"') == 1
    assert html.count('href="actor:iran"') == 2
    assert "Moscow and Iran agreed" in html


def test_names_inside_links_code_and_headings_stay_plain() -> None:
    text = "# Iran\n\n[Iran](https://example.org) `Iran`\n"
    assert "actor:iran" not in render([("b.md", text)], [IRAN]).html


def test_a_name_inside_a_longer_proper_name_is_not_linked() -> None:
    html = render([("b.md", "The Carnegie Moscow Center wrote on it. Yet Russia acted.")], [RUSSIA])
    assert html.html.count('href="actor:russia"') == 1
    assert '<a class="actor" href="actor:russia">Russia</a> acted' in html.html


def test_raw_html_is_escaped() -> None:
    html = render([("b.md", '<script>alert(1)</script>\n\n<b onclick="x">b</b>')]).html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b " not in html


def test_every_kind_of_anchor_is_found_where_it_is_written() -> None:
    text = (
        "# Key judgements\n"  # 1
        "\n"
        "Text.\n"
        "{: #kj }\n"  # 4
        "\n"
        "Setext heading\n"  # 6
        "--------------\n"
        "\n"
        "## Key judgements\n"  # 9: a second heading of the same name gets a new id
        "\n"
        "```\n"
        "# not a heading\n"
        "{: #not-an-anchor }\n"
        "```\n"
        "\n"
        "## Custom {: #own }\n"  # 16
        "\n"
        "A claim.[^note]\n"  # 18
        "\n"
        "~~~ { #listing .python }\n"  # 20
        "x = 1\n"
        "~~~\n"
        "\n"
        "[^note]: The source.\n"  # 24
    )
    found = anchors(render([("a.md", "# First file\n"), ("b.md", text)]))
    assert found == {
        "first-file": "a.md:1:1",
        "key-judgements": "b.md:1:1",
        "kj": "b.md:4:4",
        "setext-heading": "b.md:6:1",
        "key-judgements_1": "b.md:9:1",
        "own": "b.md:16:14",
        "fnref:note": "b.md:18:9",
        "listing": "b.md:20:7",
        "fn:note": "b.md:24:1",
    }


def test_a_fence_closed_by_a_longer_one_hides_the_headings_inside_it() -> None:
    """Python-Markdown closes a fence only with the same fence: what it renders as code defines
    no anchor, and the ids after the real end are where they are."""
    text = "~~~\ncode\n~~~~~\n\n## Swallowed\n\n~~~\n\n## After\n"
    rendered = render([("b.md", text)])
    assert anchors(rendered) == {"after": "b.md:9:1"}
    assert "## Swallowed" in rendered.html
    assert "Swallowed</h2>" not in rendered.html


def test_attribute_list_after_a_blank_line_is_a_located_warning() -> None:
    rendered = render([("b.md", "Para.\n\n{: #late }\n")])
    assert "late" not in anchors(rendered)
    (problem,) = rendered.problems
    assert str(problem.location) == "b.md:3:1"
    assert not problem.is_error


def test_an_id_given_twice_is_an_error_at_the_second() -> None:
    rendered = render([("b.md", "One.\n{: #same }\n\nTwo.\n{: #same }\n")])
    (problem,) = rendered.problems
    assert problem.is_error
    assert str(problem.location) == "b.md:5:4"
    assert "first at b.md:2:4" in problem.message


def test_blocks_are_the_top_level_elements_of_the_html() -> None:
    rendered = render([("b.md", "# T\n\nPara.\n\n- a\n- b\n\n| x |\n|---|\n| 1 |\n")])
    assert [block.split(">")[0] for block in rendered.blocks] == [
        '<h1 id="t"',
        "<p",
        "<ul",
        "<table",
    ]


def test_rendered_prose_survives_its_json_form() -> None:
    rendered = render([("b.md", "# T\n\nA.[^1]\n\nB.\n\n{: #x}\n\n[^1]: n\n")], [IRAN])
    assert from_plain(RenderedProse, json.loads(json.dumps(to_plain(rendered)))) == rendered


PIECES = st.sampled_from(
    [
        "## Heading",
        "## Heading {{: #{id} }}",
        "Setext\n------",
        "A paragraph.",
        "A paragraph.\n{{: #{id} }}",
        "Two lines\nof text.\n{{: #{id} }}",
        "- item\n- item",
        "- item\n\n    more in the item\n    {{: #{id} }}",
        "> quoted\n> text",
        "```\ncode\n{{: #not-an-id }}\n```",
        "~~~\ncode\n~~~~~",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Cited.[^{id}]",
        "[^{id}]: The note.",
        "A paragraph.",
    ]
)


@given(st.lists(PIECES, min_size=1, max_size=12), st.sampled_from(["\n\n", "\n\n\n"]))
def test_every_explicit_id_is_located_where_it_is_written(pieces: list[str], gap: str) -> None:
    text = gap.join(piece.format(id=f"id{n}") for n, piece in enumerate(pieces))
    lines = text.split("\n")
    for anchor in render([("doc.md", text)]).anchors:
        written = lines[anchor.location.line - 1][anchor.location.column - 1 :]
        if anchor.id.startswith("fn:"):
            assert written.startswith(f"[^{anchor.id[3:]}]:"), anchor
        elif anchor.id.startswith("fnref"):
            assert written.startswith(f"[^{anchor.id.partition(':')[2]}]"), anchor
        elif anchor.id.startswith("id"):
            assert written.startswith(f"#{anchor.id}"), anchor


def test_quotes_and_dashes_are_typographic_in_the_briefings_language() -> None:
    text = 'It\'s "settled" -- or so said Moscow... "Is it?"'
    english = render([("b.md", text)], language="en").html
    assert "It’s “settled” – or so said Moscow… “Is it?”" in english
    assert '"' not in english and "'" not in english
    assert "„settled“" in render([("b.md", text)], language="de-AT").html
    assert "«settled»" in render([("b.md", text)], language="ru").html
    assert "«\u202fsettled\u202f»" in render([("b.md", text)], language="fr").html
    assert "‘" not in render([("b.md", "Russia's role")], language="de").html


def test_typographic_quotes_leave_heading_ids_and_code_alone() -> None:
    rendered = render([("b.md", '# Russia\'s "red lines"\n\n`a "b"` and -- c\n')])
    assert [entry.anchor for entry in rendered.toc] == ["russias-red-lines"]
    assert rendered.toc[0].title == "Russia’s “red lines”"
    assert '<code>a "b"</code>' in rendered.html.replace("&quot;", '"')


def test_a_name_with_an_apostrophe_links_whichever_apostrophe_is_typed() -> None:
    front = NamedActor("front", ("People's Front",))
    coast = NamedActor("coast", ("Côte d’Ivoire",))
    html = render(
        [
            (
                "b.md",
                "The People’s Front and Côte d'Ivoire.\n\nThe People's Front and Côte d’Ivoire.",
            )
        ],
        [front, coast],
    ).html
    assert html.count('href="actor:front"') == 2
    assert html.count('href="actor:coast"') == 2


def test_an_attribute_list_after_a_table_names_the_table_and_is_not_a_row() -> None:
    rendered = render([("b.md", "Intro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n{: #shares }\n")])
    assert anchors(rendered) == {"shares": "b.md:6:4"}
    assert '<table id="shares">' in rendered.html
    assert "{:" not in rendered.html and rendered.html.count("<tr>") == 2


def test_a_heading_whose_id_is_taken_says_which_id_it_got() -> None:
    rendered = render([("b.md", "Who stood.\n{: #who-stood-where }\n\n# Who stood where\n")])
    (warning,) = rendered.problems
    assert str(warning.location) == "b.md:4:1"
    assert "gets the id 'who-stood-where_1', not 'who-stood-where'" in warning.message
    assert "b.md:2:4" in warning.message


def test_a_name_in_lower_case_also_links_capitalised_but_not_the_other_way() -> None:
    group = NamedActor("group", ("the Like-Minded Group",))
    html = render(
        [("b.md", "The Like-Minded Group met.\n\nThey met the Like-Minded Group.\n\nAn iran.")],
        [group, IRAN],
    ).html
    assert html.count('href="actor:group"') == 2
    assert 'href="actor:iran"' not in html


def test_a_name_wrapped_onto_the_next_line_still_links() -> None:
    council = NamedActor("council", ("the Arctic Council",))
    html = render([("b.md", "Then the Arctic\nCouncil met.")], [council]).html
    assert '<a class="actor" href="actor:council">the Arctic\nCouncil</a>' in html


def test_an_attribute_list_before_a_table_is_a_located_warning() -> None:
    rendered = render([("b.md", "Intro.\n\n{: #transit }\n| Year | B |\n|---|---|\n| 1 | 2 |\n")])
    (warning,) = rendered.problems
    assert str(warning.location) == "b.md:3:1"
    assert "goes on the line after what it names" in warning.message
    assert "transit" not in anchors(rendered)
