"""The command line: open the window, ``validate`` briefings, ``export`` a PDF, start a ``new``
briefing, list its ``anchors``.

Sub-commands are plain words before anything else; any other first argument is a briefing folder
to open. Qt is imported only by the commands that need it, so ``validate`` stays fast and works
without any display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__, folders
from viewer.domain import bundles
from viewer.domain.bundles import SUFFIX
from viewer.domain.drawn_text import texts_to_check
from viewer.domain.loader import LoadResult, load_briefing
from viewer.domain.problems import Problem
from viewer.domain.textfiles import BRIEFING_FILE
from viewer.presentation.terminal import progress_line
from viewer.resources import briefings_dir

PROG = "briefing-viewer"
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read policy briefings offline. Commands: validate, export, pack, search, "
        "new, anchors "
        f"(see '{PROG} validate --help').",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="briefing folder or .briefing bundle to open (default: the bundled one)",
    )
    parser.add_argument(
        "--no-watch",
        action="store_true",
        help="do not reload the briefing when one of its files changes on disk",
    )
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} validate",
        description="Check briefings without opening a window. "
        "Exit status: 0 all valid, 1 errors found, 2 usage error.",
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="briefing folder or .briefing bundle"
    )
    return parser


def _pack_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} pack",
        description="Write a briefing folder as one .briefing file, to send by e-mail. "
        "Exit status: 0 written, 1 invalid briefing or unwritable output, 2 usage error.",
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="briefing folder")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="NAME.briefing")
    return parser


def load_shown(path: Path) -> LoadResult:
    """Load ``path`` with its progress on a line of the terminal, if stderr is one."""
    with progress_line(sys.stderr) as progress:
        return load_briefing(path, progress=progress)


def pack(folder: Path, output: Path) -> int:
    """Bundle a valid briefing; a broken one is refused, with its problems, not sent on."""
    result = load_shown(folder)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.errors or not folder.is_dir():
        print(
            f"{PROG} pack: {folder} is not a valid briefing folder; nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if output.suffix != SUFFIX:
        output = output.with_name(output.name + SUFFIX)
    try:
        count = bundles.pack(folder, output)
    except OSError as exc:
        print(f"{PROG} pack: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"{output}: {count} files")
    return EXIT_OK


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} search",
        description="Search the prose and data of every briefing in the library. Prints one hit "
        "a line: BRIEFING-ID, TARGET (passage:ID, actor:ID, stance:ACTOR/ISSUE…) and a snippet "
        "with the match in [brackets], tab-separated. Exit status: 0 hits, 1 none, 2 usage error.",
    )
    parser.add_argument("query", nargs="+", help="words to look for (the last may be a prefix)")
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        metavar="DIR",
        help="search the briefings in DIR (repeat for more); default: your library",
    )
    return parser


def search(words: Sequence[str], libraries: Sequence[Path] | None) -> int:
    from viewer.domain.library import Shelf, places
    from viewer.domain.search import CAPPED, MARK_END, MARK_START, SearchIndex

    index = SearchIndex(folders.index_file())
    try:
        if libraries:
            paths = places([p.resolve() for p in libraries], [])
            index.catalogue(paths, forget_others=False)
        else:
            paths = Shelf.read(folders.shelf_file()).places(briefings_dir())
            index.catalogue(paths)
        found = index.search(" ".join(words), within=paths)
    finally:
        index.close()
    hits = found.hits
    if found.capped:
        print(f"{PROG} search: {CAPPED}", file=sys.stderr)
    for hit in hits:
        snippet = hit.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
        print(f"{hit.briefing_id}\t{hit.target}\t{' '.join(snippet.split())}")
    return EXIT_OK if hits else EXIT_INVALID


def _new_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} new",
        description="Start a briefing: write a small valid one, with comments, to edit. "
        "Exit status: 0 written, 1 the folder already holds a briefing, 2 usage error.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="folder to write it in")
    parser.add_argument("--title", default="A new briefing", help="the briefing's title")
    return parser


def new(folder: Path, title: str) -> int:
    from viewer.domain.starter import write_starter

    try:
        written = write_starter(folder, title)
    except OSError as exc:
        print(f"{PROG} new: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for path in written:
        print(path)
    print(f"Edit them, then check with: {PROG} validate {folder}")
    return EXIT_OK


def _anchors_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} anchors",
        description="List every anchor the prose defines (headings' ids with their text, and "
        "{: #id } anchors), where it is written and what cites it. Exit status: 0 listed, "
        "1 the prose could not be read, 2 usage error.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="briefing folder or bundle")
    return parser


def anchors(path: Path) -> int:
    from viewer.domain.passages import passage_uses

    result = load_shown(path)
    rendered = result.rendered or (result.briefing.rendered if result.briefing else None)
    if rendered is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"{PROG} anchors: the prose of {path} could not be read", file=sys.stderr)
        return EXIT_INVALID
    headings = {entry.anchor: entry.title for entry in rendered.toc}
    uses = passage_uses(result.briefing) if result.briefing else {}
    for anchor in rendered.anchors:
        heading = headings.get(anchor.id)
        kind = f"heading '{heading}'" if heading is not None else "anchor"
        cited = "; ".join(uses.get(anchor.id, [])) or ("not cited" if result.briefing else "")
        print(f"{anchor.location}: {anchor.id}\t{kind}\t{cited}")
    if result.briefing is None:
        print(
            f"{PROG} anchors: the briefing has errors, so what cites each anchor is not listed "
            f"(see {PROG} validate {path})",
            file=sys.stderr,
        )
    return EXIT_OK


def font_warnings(result: LoadResult) -> list[Problem]:
    """Scripts that no installed face draws; Qt is imported only for text that needs it."""
    texts = texts_to_check(result)
    if not texts:
        return []
    from viewer.print.command import undrawn_scripts

    return [undrawn.problem() for undrawn in undrawn_scripts(texts)]


def validate(paths: Sequence[Path]) -> int:
    errors = warnings = invalid = checked = 0
    for path in paths:
        if path.is_file() and path.name != BRIEFING_FILE and path.suffix != SUFFIX:
            # A shell glob such as ``briefings/*`` also catches files beside the folders.
            print(f"{path}:1:1: warning: not a briefing folder or bundle; skipped")
            warnings += 1
            continue
        checked += 1
        result = load_shown(path)
        fonts = font_warnings(result)
        for problem in (*result.problems, *fonts):
            print(problem)
        errors += len(result.errors)
        warnings += len(result.warnings) + len(fonts)
        invalid += bool(result.errors)
    print(
        f"{checked} briefing{'s' if checked != 1 else ''} checked: {invalid} with errors; "
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )
    return EXIT_INVALID if invalid else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "validate":
            return validate(_validate_parser().parse_args(args[1:]).paths)
        if args and args[0] == "search":
            options = _search_parser().parse_args(args[1:])
            return search(options.query, options.library)
        if args and args[0] == "new":
            options = _new_parser().parse_args(args[1:])
            return new(options.folder, options.title)
        if args and args[0] == "anchors":
            return anchors(_anchors_parser().parse_args(args[1:]).path)
        if args and args[0] == "pack":
            options = _pack_parser().parse_args(args[1:])
            return pack(options.folder, options.output)
        if args and args[0] == "export":
            from viewer.print.command import export_command

            return export_command(args[1:])
        options = _open_parser().parse_args(args)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped to a reader that stopped early (``| head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    from viewer.ui.app import run

    return run(options.path, quit_after_paint=options.quit_after_paint, watch=not options.no_watch)
