"""WCAG contrast, measured without Qt, and the position colours every page and cell shows."""

from __future__ import annotations

import pytest

from viewer.presentation.contrast import AA_TEXT, contrast_ratio, luminance
from viewer.presentation.positions import LOOKS


def test_the_ends_of_the_scale() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert luminance("#ffffff") == pytest.approx(1.0)


def test_the_order_of_the_two_colours_does_not_matter() -> None:
    assert contrast_ratio("#308cc6", "#ffffff") == contrast_ratio("#ffffff", "#308cc6")


def test_known_figures_from_the_accessibility_review() -> None:
    """The pairs the review measured: the old byline grey, white on Fusion's selection blue."""
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#308cc6") == pytest.approx(3.69, abs=0.01)


def test_a_colour_that_is_not_rgb_hex_is_refused() -> None:
    with pytest.raises(ValueError):
        luminance("red")


@pytest.mark.parametrize("position", list(LOOKS), ids=lambda position: position.value)
def test_every_position_mark_reads_on_its_colour(position) -> None:
    look = LOOKS[position]
    assert contrast_ratio(look.foreground, look.background) >= AA_TEXT
