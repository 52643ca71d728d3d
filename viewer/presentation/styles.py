"""Type and the prose stylesheet: the same families and rules on the screen and on paper."""

from __future__ import annotations

PROSE_FAMILY = "Charis SIL"
UI_FAMILY = "Open Sans"
PROSE_FALLBACKS = ("Noto Naskh Arabic", "Noto Serif Hebrew", "DejaVu Serif", "Noto Serif CJK SC")
UI_FALLBACKS = ("Noto Naskh Arabic", "Noto Serif Hebrew", "DejaVu Sans", "Noto Sans CJK SC")
"""Faces for the scripts the bundled ones lack, tried in order for each run of text in a script
the family before does not support: Arabic script (Persian, Arabic, Urdu) and Hebrew in the
bundled Noto faces, Greek in DejaVu (Debian's fonts-dejavu-core; Charis SIL has only the few
Greek letters of phonetics, so Greek never uses it), Chinese, Japanese and Korean in Debian's
fonts-noto-cjk. A face that is not installed is skipped; what no face draws, validate and export
report (``viewer.typesetting.coverage``)."""
PROSE_POINT_SIZE = 12.0
UI_POINT_SIZE = 10.0

PROSE_CSS = """
h1 { font-size: 170%; font-weight: 600; margin-top: 18px; margin-bottom: 8px; }
h2 { font-size: 135%; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: 115%; font-weight: 600; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 10px; }
table { border-collapse: collapse; margin-top: 6px; margin-bottom: 12px; }
th { font-weight: 600; border-bottom: 2px solid #808080; }
th, td { border: 1px solid #a0a0a0; padding: 4px 8px; }
a.actor { text-decoration: none; font-weight: 600; }
h1.title { font-size: 210%; margin-bottom: 2px; }
p.subtitle { font-size: 125%; margin-bottom: 6px; }
p.byline { font-size: 90%; margin-bottom: 4px; }
div.footnote { font-size: 90%; }
code, pre { font-family: monospace; }
"""
