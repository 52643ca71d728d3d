"""``briefing-viewer export PATH -o OUT.pdf``: the PDF without any window or display.

Exit status: 0 written, 1 invalid briefing or unwritable output, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer import folders
from viewer.display import has_display
from viewer.domain.drawn_text import texts_to_check
from viewer.domain.loader import load_briefing
from viewer.domain.notes import Note, NoteStore
from viewer.presentation.terminal import progress_line
from viewer.print.options import DEFAULT_PARTS, PAGE_SIZES, PARTS, PrintOptions

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from viewer.typesetting.coverage import Undrawn

PROG = "briefing-viewer export"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parse_parts(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in PARTS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown part {', '.join(unknown) or '(none given)'}; choose from {','.join(PARTS)}"
        )
    return names


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Write a briefing as a paginated PDF. "
        "Exit status: 0 written, 1 invalid briefing or unwritable output, 2 usage error.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="briefing folder")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    parser.add_argument("--page-size", choices=list(PAGE_SIZES), default="A4")
    parser.add_argument(
        "--parts",
        type=parse_parts,
        default=DEFAULT_PARTS,
        help=f"comma-separated parts to include, from {','.join(PARTS)} "
        f"(default: {','.join(DEFAULT_PARTS)})",
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help="add your notes and bookmarks on the briefing at the end",
    )
    parser.add_argument(
        "--matrix-landscape", action="store_true", help="print the issue matrix in landscape"
    )
    return parser


_APPLICATION: list[QCoreApplication] = []
"""The application made here, kept for the life of the process: Qt wants one per process."""


def start_gui_application() -> None:
    """Qt aborts with no display unless told to draw offscreen, which is all a PDF needs.

    The bundled fonts are registered so the PDF embeds them whatever the machine has installed.
    """
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from viewer.typesetting.fonts import load_fonts

    if QGuiApplication.instance() is None:
        _APPLICATION.append(QGuiApplication([PROG]))
    load_fonts()


def undrawn_scripts(texts: Sequence[tuple[str, str]]) -> list[Undrawn]:
    """The scripts of ``texts`` (named texts, from ``texts_to_check``) that no installed face
    draws. Qt is started only when there are texts to check, so that checking a briefing the
    bundled faces surely draw costs no more than before."""
    if not texts:
        return []
    start_gui_application()
    from viewer.typesetting.coverage import undrawn

    return undrawn(texts)


def reader_notes(briefing_id: str) -> tuple[Note, ...]:
    """The reader's notes on a briefing (none, without making a notes file, if they have none)."""
    path = folders.notes_file()
    if not path.exists():
        return ()
    try:
        store = NoteStore(path)
    except (OSError, sqlite3.Error) as exc:
        print(f"{PROG}: cannot read your notes: {exc}", file=sys.stderr)
        return ()
    try:
        return tuple(store.notes(briefing_id))
    finally:
        store.close()


def export_command(argv: Sequence[str]) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    with progress_line(sys.stderr) as progress:
        result = load_briefing(args.path, progress=progress)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.briefing is None or result.errors:
        print(f"{PROG}: {args.path} is not a valid briefing; nothing written", file=sys.stderr)
        return EXIT_FAILED
    start_gui_application()
    from viewer.print.export import write_pdf

    notes: tuple[Note, ...] = ()
    if args.notes or "notes" in args.parts:
        notes = reader_notes(result.briefing.id)
        if not notes:
            print(f"{PROG}: you have no notes on {result.briefing.id}", file=sys.stderr)
    parts = (*args.parts, "notes") if args.notes else args.parts
    options = PrintOptions(args.page_size, parts, args.matrix_landscape, notes)
    try:
        with progress_line(sys.stderr) as progress:
            pages = write_pdf(result.briefing, options, args.output, progress)
    except OSError as exc:
        print(f"{PROG}: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    missing = undrawn_scripts(texts_to_check(result))
    boxes = "".join(
        f"; no installed font draws its {u.script} text (first at {u.location}): "
        "it prints as empty boxes"
        for u in missing
    )
    print(f"{args.output}: {pages} pages{boxes}")
    return EXIT_OK
