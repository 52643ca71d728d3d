"""Every action and shortcut of the app, defined once.

The main window builds its menus from this table and the keyboard-shortcuts help lists it, so a
shortcut cannot be documented in one place and bound differently in another.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from viewer.ui.tabs import TABS

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    shortcuts: tuple[Key | str, ...] = ()
    tip: str = ""
    choice: str = ""
    """Actions with the same choice are ticked one at a time (a radio group in the menu)."""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open briefing…", "&File", (Key.Open,), "Open a briefing folder or bundle"),
    ActionSpec(
        "save_bundle",
        "Save as &bundle…",
        "&File",
        (),
        "Save the briefing as one .briefing file, to send on",
    ),
    ActionSpec(
        "add_folder",
        "&Add folder to library…",
        "&File",
        (),
        "Add a folder of briefings to the library",
    ),
    ActionSpec(
        "reload", "&Reload", "&File", (Key.Refresh,), "Read the open briefing again from its files"
    ),
    ActionSpec("print", "&Print…", "&File", (Key.Print,), "Print the briefing"),
    ActionSpec("print_preview", "Print pre&view…", "&File", (), "Preview the printed briefing"),
    ActionSpec(
        "export_pdf", "&Export PDF…", "&File", ("Ctrl+Shift+E",), "Save the briefing as PDF"
    ),
    ActionSpec("export_matrix", "Export &matrix as CSV…", "&File", (), "Save the visible matrix"),
    ActionSpec("quit", "&Quit", "&File", ("Ctrl+Q",), "Close Briefing Viewer"),
    ActionSpec("find", "&Find in text…", "&Edit", (Key.Find,), "Search the briefing's prose"),
    ActionSpec("find_next", "Find &next", "&Edit", ("F3",)),
    ActionSpec("find_previous", "Find &previous", "&Edit", ("Shift+F3",)),
    ActionSpec(
        "search",
        "&Search the library…",
        "&Edit",
        ("Ctrl+K",),
        "Search every briefing in the library",
    ),
    ActionSpec(
        "bookmark",
        "&Bookmark this place",
        "&Notes",
        ("Ctrl+D",),
        "Bookmark the paragraph, actor or stance you are at (again to remove)",
    ),
    ActionSpec(
        "add_note",
        "Write a &note…",
        "&Notes",
        ("Ctrl+Shift+N",),
        "Write a note on the paragraph, actor or stance you are at",
    ),
    ActionSpec(
        "show_notes", "&Show notes", "&Notes", ("Ctrl+Shift+B",), "List your notes and bookmarks"
    ),
    ActionSpec(
        "export_notes",
        "&Export notes as Markdown…",
        "&Notes",
        (),
        "Save your notes on this briefing as a Markdown file",
    ),
    ActionSpec("zoom_in", "Zoom &in", "&View", ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", "Zoom &out", "&View", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Actual size", "&View", ("Ctrl+0",)),
    ActionSpec(
        "theme_system",
        "Colours as the &system sets them",
        "&View",
        choice="theme",
        tip="Light or dark as the desktop is",
    ),
    ActionSpec("theme_light", "&Light colours", "&View", choice="theme"),
    ActionSpec("theme_dark", "&Dark colours", "&View", choice="theme"),
    ActionSpec("back", "&Back", "&Go", ("Alt+Left",), "Go back to the previous place"),
    ActionSpec("forward", "&Forward", "&Go", ("Alt+Right",), "Go forward again"),
    *(
        ActionSpec(f"tab_{number}", tab.menu_text, "&Go", (f"Ctrl+{number}",))
        for number, tab in enumerate(TABS, start=1)
    ),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "&Help", ("F1",)),
    ActionSpec("about", "&About Briefing Viewer", "&Help"),
)


@dataclass(frozen=True)
class LocalKey:
    """A key that acts inside one widget (not a window action), listed in the help all the same."""

    text: str
    key: Key | str


LOCAL_KEYS: dict[str, LocalKey] = {
    "close_find": LocalKey("Close the find bar", "Esc"),
    "copy_cells": LocalKey("Copy selected matrix cells", Key.Copy),
    "open_cell": LocalKey("Open the current cell's passage", "Return"),
}


def key_text(key: Key | str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_text(spec: ActionSpec) -> str:
    return ", ".join(name for name in map(key_text, spec.shortcuts) if name)


def spec_named(name: str) -> ActionSpec:
    return next(spec for spec in ACTIONS if spec.name == name)


def build(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
        if spec.choice:
            action.setCheckable(True)
            group = groups.get(spec.choice)
            if group is None:
                group = groups[spec.choice] = QActionGroup(parent)
                group.setExclusive(True)
            group.addAction(action)
        actions[spec.name] = action
    return actions


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td>{spec.text.replace('&', '').rstrip('…')}</td>"
        f"<td><b>{shortcut_text(spec)}</b></td></tr>"
        for spec in ACTIONS
        if spec.shortcuts
    )
    extra = "".join(
        f"<tr><td>{local.text}</td><td><b>{key_text(local.key)}</b></td></tr>"
        for local in LOCAL_KEYS.values()
    )
    return f'<table cellspacing="0" cellpadding="4">{rows}{extra}</table>'
