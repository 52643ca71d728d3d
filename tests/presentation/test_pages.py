"""Long lists on rich-text pages: cut at first, and in tables of a few dozen rows that Qt can
lay out a part at a time, their columns the same widths so that they read as one table."""

from __future__ import annotations

import re

from viewer.presentation.pages import LONG_LIST, PART, PART_BREAK, WHOLE_LIST, long_table

COLUMNS = [("Name", 30), ("Value", 70)]


def table(count: int, everything: bool = False) -> str:
    return long_table(COLUMNS, list(range(count)), lambda n: [f"n{n}", f"v{n}"], everything, "rows")


def test_a_short_list_is_one_table_its_columns_as_wide_as_their_contents() -> None:
    page = table(PART)
    assert page.count("<table") == 1 and 'width="30%"' not in page
    assert page.startswith('<table width="100%" cellspacing="0" cellpadding="5"><tr>')
    assert "<th align=left>Name</th><th align=left>Value</th>" in page
    assert re.findall(r"<td>(n\d+)</td>", page) == [f"n{n}" for n in range(PART)]


def test_a_long_list_goes_in_parts_each_held_to_the_same_column_widths() -> None:
    """The last column gives up a percent, so that Qt's rounding never widens the page."""
    page = table(LONG_LIST)
    parts = page.split("</table>")[:-1]
    assert len(parts) == -(-LONG_LIST // PART)
    assert page.count("<th") == 2  # one heading row, over the first part
    cuts = [part.removeprefix(PART_BREAK) + "</table>" for part in parts]
    assert page.split(PART_BREAK) == cuts  # where a window may cut it, to lay it out in turns
    for part in parts:
        assert part.count('width="30%"') == 1 and part.count('width="69%"') == 1
    assert re.findall(r">(n\d+)</td>", page) == [f"n{n}" for n in range(LONG_LIST)]
    assert WHOLE_LIST not in page


def test_past_the_cut_a_link_asks_for_the_rest_and_nothing_is_said_for_none() -> None:
    cut = table(LONG_LIST + 1)
    assert f'<a href="{WHOLE_LIST}">Show all {LONG_LIST + 1:,}</a>' in cut
    assert cut.count("<tr>") == LONG_LIST + 1  # the heading and the first LONG_LIST rows
    assert table(LONG_LIST + 1, everything=True).count("<tr>") == LONG_LIST + 2
    assert table(0) == ""
