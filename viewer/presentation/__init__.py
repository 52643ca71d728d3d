"""How the briefing reads and looks, without Qt: position colours and glyphs, the
rich-text pages of themes, actors, issues and stances, citations, styles and what a document may
load. The screen (``viewer.ui``) and the page (``viewer.print``) both draw on it."""
