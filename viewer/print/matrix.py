"""The issue matrix on paper: actors down, issues across, split into column groups by theme.

Issue titles are too long for a column head, so columns carry numbers (I1, I2, …) and a key lists
each number's issue. A group's table repeats the actor names; its header rows repeat on every page
it spans because the ``thead`` becomes the table's header rows in Qt.
"""

from __future__ import annotations

from html import escape

from viewer.domain.model import Briefing, Issue
from viewer.presentation.history import MOVES_TEXT
from viewer.presentation.positions import LOOKS, LOW_CONFIDENCE_MARK, cell_style

NAME_MM = 44.0
"""Width of the actor-name column."""
CELL_MM = 10.0
"""Width of one issue column: room for a two-glyph mark with the low-confidence sign."""
KEY_ROWS = 300
"""Rows of the key per table: a table is never cut between documents, so a long key is several."""
CHARS_PER_CELL = 5
"""About how many header characters fit in one issue column."""


def issues_by_theme(briefing: Briefing) -> list[Issue]:
    """Issues in theme order: the order of the matrix columns and of the stance appendix."""
    return [issue for theme in briefing.themes for issue in briefing.issues_of_theme(theme.id)]


def issue_labels(briefing: Briefing) -> dict[str, str]:
    """Numbers in theme order, so the matrix columns read I1, I2, … left to right."""
    return {issue.id: f"I{n}" for n, issue in enumerate(issues_by_theme(briefing), 1)}


def theme_labels(briefing: Briefing) -> dict[str, str]:
    return {theme.id: f"T{n}" for n, theme in enumerate(briefing.themes, 1)}


def theme_head(label: str, title: str, span: int) -> str:
    """The theme's number, and its title too where the columns below leave room for it."""
    fits = len(label) + 1 + len(title) <= span * CHARS_PER_CELL
    return f"{label} {escape(title)}" if fits else label


def column_groups(briefing: Briefing, max_columns: int) -> list[list[Issue]]:
    """Issues in theme order, packed into groups of at most ``max_columns``.

    A theme stays within one group when it fits; a theme wider than a page is cut into pieces.
    """
    pieces: list[list[Issue]] = []
    for theme in briefing.themes:
        issues = briefing.issues_of_theme(theme.id)
        pieces.extend(issues[i : i + max_columns] for i in range(0, len(issues), max_columns))
    groups: list[list[Issue]] = []
    for piece in pieces:
        if groups and len(groups[-1]) + len(piece) <= max_columns:
            groups[-1].extend(piece)
        else:
            groups.append(list(piece))
    return groups


def legend_html(moves: bool = False) -> str:
    """The key to the glyphs; ``moves`` when some position changed over time."""
    cells = "".join(
        f'<td align="center" {cell_style(position)}>{escape(look.glyph)}</td>'
        f"<td>{position.label}</td>"
        for position, look in LOOKS.items()
    )
    return (
        '<table class="legend" cellspacing="0" cellpadding="3">'
        f"<tr>{cells}</tr></table>"
        f'<p class="meta">{LOW_CONFIDENCE_MARK} after a mark: low confidence (weak evidence).'
        " An empty cell: no stance known." + (f" {MOVES_TEXT}" if moves else "") + "</p>"
    )


def key_blocks(briefing: Briefing) -> list[str]:
    """The key to the issue numbers, a row per issue with its theme beside it (a theme row of
    its own would double the key's length and could be left alone at a page's foot): its
    heading, then tables of at most :data:`KEY_ROWS` rows, each with its own header, so that a
    key of thousands of issues is laid out in pieces."""
    labels = issue_labels(briefing)
    themes = theme_labels(briefing)
    rows = [
        f"<tr><td>{labels[issue.id]}</td><td>"
        + (f'<a href="#{escape(issue.passage)}">' if issue.passage else "")
        + f"{escape(issue.title)}{'</a>' if issue.passage else ''}: {escape(issue.question)}"
        f"</td><td>{themes[theme.id]} {escape(theme.title)}</td></tr>"
        for theme in briefing.themes
        for issue in briefing.issues_of_theme(theme.id)
    ]
    tables = [
        '<table class="data key" width="100%" cellspacing="0" cellpadding="1">'
        '<thead><tr><th width="7%">No.</th><th>Issue: question</th>'
        '<th width="28%">Theme</th></tr></thead>'
        f"{''.join(rows[start : start + KEY_ROWS])}</table>"
        for start in range(0, len(rows), KEY_ROWS)
    ]
    heading = '<h2 id="matrix-key">Key to the issue numbers</h2>'
    return [heading + tables[0], *tables[1:]] if tables else [heading]


PAINTED = "<!-- the matrix's column groups, painted (matrix_pages) -->"
"""Where in the part's blocks the painted pages go."""


def matrix_blocks(briefing: Briefing) -> list[str]:
    """The matrix part: its introduction and legend, the painted column groups
    (:data:`PAINTED`), then the key in pieces."""
    introduction = (
        "<p>Who stands where on each issue. Columns are numbered; the key after the matrix"
        " names each issue.</p>" + legend_html(bool(briefing.series_index))
    )
    return [introduction, PAINTED, *key_blocks(briefing)]
