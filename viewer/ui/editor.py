"""Opening a file at a line in the author's editor, from a problem's ``file:line:col``.

``$VISUAL`` or ``$EDITOR`` first, as the shell would: each family of editors is told the line in
its own way. An editor that runs in a terminal gets one (the window has none); with neither set,
the desktop's default application opens the file (at its top: there is no common way to ask
for a line).
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices

from viewer.domain.problems import Location

TERMINAL_EDITORS = frozenset(
    {"vi", "vim", "nvim", "nano", "pico", "emacs", "micro", "hx", "helix", "kak", "joe", "ne"}
)


def editor_command(editor: str, location: Location) -> list[str]:
    """The command that opens ``location`` in ``editor`` (as written in ``$VISUAL``)."""
    words = shlex.split(editor)
    name = Path(words[0]).name if words else ""
    file, line, column = location.file, str(location.line), str(location.column)
    if name in ("code", "codium", "code-oss"):
        at = ["--goto", f"{file}:{line}:{column}"]
    elif name in ("subl", "sublime_text", "zed"):
        at = [f"{file}:{line}:{column}"]
    elif name in ("kate", "kwrite"):
        at = ["--line", line, "--column", column, file]
    else:  # vi, emacs, nano, gedit, mousepad, micro… all take +LINE
        at = [f"+{line}", file]
    command = words + at
    in_terminal = name in TERMINAL_EDITORS and (name != "emacs" or "-nw" in words)
    terminal = shutil.which("x-terminal-emulator") if in_terminal else None
    if terminal:
        command = [terminal, "-e", *command]
    return command


def open_in_editor(location: Location) -> str | None:
    """Open the file of ``location`` for editing; a message when that cannot be done."""
    path = Path(location.file)
    if not path.is_file():
        return f"{location.file} is not a file on disk (inside a bundle, or moved) to edit"
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        program, *arguments = editor_command(editor, location)
        if QProcess.startDetached(program, arguments)[0]:
            return None
        return f"the editor '{editor}' could not be started"
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.resolve()))):
        return None
    return "no editor is set ($VISUAL or $EDITOR) and the desktop has no application for it"
