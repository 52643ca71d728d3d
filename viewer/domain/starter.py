"""A new briefing to start from: one of everything, commented, valid as written.

Authors learn the format fastest from a working example they can edit; every key below is
explained where it is used, and ``briefing-viewer validate`` passes on it before any edit.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from viewer.domain.atomic import write_bytes
from viewer.domain.references import plain

YAML = """\
# The briefing's data. The format is described in FORMAT.md, which comes with Briefing Viewer
# (briefings/FORMAT.md in its source); check your edits with
#   briefing-viewer validate {folder}
format: 1
id: {id}  # lower case letters, digits and hyphens
title: {title}
subtitle: What this briefing argues, in one line
authors: [Your Name]
date: {date}  # YYYY-MM-DD
language: en                  # the language of the text: en, fr, de, ru, fa…
summary: >-
  Two or three sentences that tell a reader what the briefing finds.
sources:                      # where the facts come from
  - title: Title of the source
    author: Its author
    date: {year}
text: briefing.md             # the prose; several files may be listed: [a.md, b.md]

themes:                       # groups of issues (the matrix's column groups)
  - id: first-theme
    title: First theme
    summary: What the issues of this theme are about.
    passage: first-theme      # an anchor of the prose: a heading's id or {{: #id }}

actors:                       # who takes positions
  - id: first-actor
    name: First actor
    aliases: [Firstland]      # other names that link to the actor in the prose (pick
                              # ones the text uses for nothing else)
    kind: state               # state, organization, armed-group, person, bloc or other
    summary: One line on who the actor is and what it wants.
    passage: first-actor-view
  - id: second-actor
    name: Second actor
    kind: organization
    summary: One line on who the actor is and what it wants.

issues:                       # the questions actors take positions on (the matrix's columns)
  - id: first-issue
    title: First issue        # keep titles short: the matrix and the PDF show them in columns
    question: Should the first proposal be adopted?
    theme: first-theme        # a theme's id

# Stances: one per actor and issue, here in a CSV file (a spreadsheet suits many of them);
# they may also be written in this file, or split over several: [stances.csv, more.yaml].
stances: stances.csv

relations:                    # ally, partner, rival, adversary, mediator or other
  - between: [first-actor, second-actor]
    kind: partner
    summary: One line on how the two stand to each other.

timeline:                     # dated events: YYYY, YYYY-MM or YYYY-MM-DD
  - date: {year}
    event: Something that happened.
    actors: [first-actor]
    issues: [first-issue]     # the issues the event bears on
    passage: first-actor-view
"""

PROSE = """\
# First theme

A first paragraph of the briefing's argument. Name actors as you write (First actor, Second
actor): each first mention in a paragraph links to the actor's profile.

The First actor's view, in a paragraph that stances and events can cite: the line right after
it gives it an anchor.
{{: #first-actor-view }}

## A section within the theme

Headings get an id made from their text ("A section within the theme" becomes
a-section-within-the-theme); list them all with `briefing-viewer anchors {folder}`.
"""

CSV_HEADER = "actor,issue,position,confidence,summary,evidence,passage,as_of\n"
CSV_ROW = (
    "first-actor,first-issue,support,medium,Backs the proposal.,"
    '"What was said or done, when and by whom, that shows it.",first-actor-view,{year}\n'
    "second-actor,first-issue,oppose,low,Wary of the proposal.,"
    '"A hint in a speech, not yet a policy; quote marks let evidence hold commas.",'
    "first-theme,\n"
)

FILES = ("briefing.yaml", "briefing.md", "stances.csv")


class FolderNotEmpty(FileExistsError):
    """The folder already holds files of a briefing: nothing is overwritten."""


def write_starter(folder: Path, title: str, today: datetime.date | None = None) -> list[Path]:
    """Write the starter briefing into ``folder`` (made if missing); raises
    :class:`FolderNotEmpty` rather than overwrite any of its files."""
    today = today or datetime.date.today()
    taken = [name for name in FILES if (folder / name).exists()]
    if taken:
        raise FolderNotEmpty(f"{folder} already has {', '.join(taken)}; nothing was written")
    folder.mkdir(parents=True, exist_ok=True)
    values = {
        "folder": str(folder),
        "id": plain(title) or "new-briefing",
        "title": json.dumps(title, ensure_ascii=False),  # a quoted YAML string, whatever it holds
        "date": today.isoformat(),
        "year": today.year,
    }
    texts = {
        "briefing.yaml": YAML.format(**values),
        "briefing.md": PROSE.format(**values),
        "stances.csv": CSV_HEADER + CSV_ROW.format(**values),
    }
    written = []
    for name, text in texts.items():
        write_bytes(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written
