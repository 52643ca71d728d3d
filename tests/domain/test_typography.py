"""Typographic quotes, dashes and ellipses: what a careful typesetter would set."""

from __future__ import annotations

import pytest

from viewer.domain.typography import double_quotes, smarten


@pytest.mark.parametrize(
    ("written", "set"),
    [
        ('He said "no".', "He said “no”."),
        ("Iran's role in the '90s", "Iran’s role in the ’90s"),
        ("a 'quoted' word", "a ‘quoted’ word"),
        ("(\"nested 'inner' quotes\")", "(“nested ‘inner’ quotes”)"),
        ("2015--2016 and---so on...", "2015–2016 and—so on…"),
        ('"', "“"),
        ("plain text stays as it is", "plain text stays as it is"),
    ],
)
def test_marks_are_set_as_a_typesetter_would(written: str, set: str) -> None:
    assert smarten(written) == set


def test_double_quotes_follow_the_language() -> None:
    assert double_quotes("en-GB") == ("“", "”")
    assert double_quotes("de") == ("„", "“")
    assert smarten('"Ja"', double_quotes("de")) == "„Ja“"
    assert smarten('"oui"', double_quotes("fr-CA")) == "«\u202foui\u202f»"
