"""Contrast between two colours as WCAG 2 measures it, so that every pair of colours the app
puts text or a focus ring on can be checked without Qt, by the tests and by the theme."""

from __future__ import annotations

AA_TEXT = 4.5
"""Least contrast for body text (WCAG 2, level AA)."""
AA_LARGE = 3.0
"""Least contrast for large text, and for focus indicators and other parts of controls."""


def _channel(value: int) -> float:
    """One sRGB channel (0–255) made linear."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    digits = colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (_channel(int(digits[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white), whichever of the two is lighter."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
