"""Bringing the library's search index up to date in a child process.

Reading the briefings the index does not hold yet and filling it is seconds of Python at
roll-call scale. In a thread of the app, that work would share the interpreter lock with the
window, whose every call into Python would wait its turn: tabs took two to four times as long to
show, and the window stalled for up to a second. A child runs on a processor of its own, and a
briefing that crashes it ends the child, not the app.

The parent sends the briefings' paths as JSON; the child answers one line per briefing done,
the number done so far, and writes nothing else to its output.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import selectors
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from viewer.domain.children import CHILD_MEMORY_BYTES, limit_memory, start_child
from viewer.domain.search import SearchIndex

NICENESS = 10
"""How much the child defers to other processes for a processor: it is background work, and on
a machine with two, the window and its loader should not share one while it indexes."""

BRIEFING_SECONDS = 300.0
"""The longest one briefing may hold the indexer (a roll-call of 840,000 stances takes about
30 s at low priority); past it, the briefing is skipped."""

GIVE_UP_AFTER = 3
"""Children in a row that end before indexing anything: then the fault is not in a briefing."""

_running: set[subprocess.Popen[bytes]] = set()
_running_lock = threading.Lock()
_stopping = threading.Event()


def index_library(
    index: Path, paths: Sequence[Path], progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """Index ``paths`` into the index file ``index`` in a child process, reporting each
    briefing done, and return those that could not be indexed.

    A briefing that ends the child (a crash, memory exhausted) or holds it longer than
    :data:`BRIEFING_SECONDS` is skipped, and a new child goes on with the rest.
    """
    skipped: list[Path] = []
    remaining = list(paths)
    failed_at_once = 0
    while remaining and not _stopping.is_set():
        offset = len(paths) - len(remaining)
        told = functools.partial(_told, progress, offset, len(paths))
        done = _index_in_child(index, remaining, told)
        if done == len(remaining) or _stopping.is_set():  # done, or stopped by the app quitting
            break
        failed_at_once = failed_at_once + 1 if done == 0 else 0
        if failed_at_once == GIVE_UP_AFTER:  # the indexer itself is broken, not a briefing
            return skipped + remaining
        skipped.append(remaining[done])
        remaining = remaining[done + 1 :]
    return skipped


def _told(progress: Callable[[int, int], None] | None, offset: int, total: int, done: int) -> None:
    if progress is not None:
        progress(offset + done, total)


def _index_in_child(index: Path, paths: Sequence[Path], done: Callable[[int], None]) -> int:
    """How many of ``paths``, from the first, one child indexed before it ended."""
    process = start_child("viewer.domain.indexing", str(index))
    with _running_lock:
        _running.add(process)
    count = 0
    try:
        assert process.stdin is not None and process.stdout is not None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(json.dumps([str(path) for path in paths]).encode("utf-8"))
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        with selectors.DefaultSelector() as waiting:  # unbuffered: a line read is a line sent
            waiting.register(process.stdout, selectors.EVENT_READ)
            unfinished = b""
            while waiting.select(BRIEFING_SECONDS):
                chunk = os.read(process.stdout.fileno(), 4096)
                if not chunk:
                    break
                *lines, unfinished = (unfinished + chunk).split(b"\n")
                for line in lines:
                    count = int(line)
                    done(count)
    except ValueError:  # not a line the child writes: something else took over its output
        pass
    finally:
        if process.poll() is None:  # stuck on one briefing, or told something unexpected
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
        with _running_lock:
            _running.discard(process)
    return count if process.returncode != 0 else len(paths)


@atexit.register
def _stop_children() -> None:
    """An app that quits does not leave its indexer running, nor start another."""
    _stopping.set()
    with _running_lock:
        for process in _running:
            with contextlib.suppress(OSError):
                process.kill()


def main(argv: Sequence[str]) -> int:
    limit_memory(CHILD_MEMORY_BYTES)
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    try:
        paths = [Path(path) for path in json.load(sys.stdin)]
    except ValueError:  # the app quit before saying what to index
        return 1
    index = SearchIndex(Path(argv[0]))
    try:  # the app forgets what left the library, once it has what every child did
        index.catalogue(paths, _report, forget_others=False)
    except BrokenPipeError:  # the app quit meanwhile; what was indexed is kept
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        index.close()
    return 0


def _report(done: int, total: int) -> None:
    print(done, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
