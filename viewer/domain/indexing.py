"""Bringing the library's search index up to date in a child process.

Reading the briefings the index does not hold yet and filling it is seconds of Python at
roll-call scale. In a thread of the app, that work would share the interpreter lock with the
window, whose every call into Python would wait its turn: tabs took two to four times as long to
show, and the window stalled for up to a second. A child runs on a processor of its own, and a
briefing that crashes it ends the child, not the app.

The parent sends the briefings' paths as JSON; the child answers one line per briefing done,
"done total", and writes nothing else to its output.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
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

_running: set[subprocess.Popen[bytes]] = set()
_running_lock = threading.Lock()


def index_library(
    index: Path, paths: Sequence[Path], progress: Callable[[int, int], None] | None = None
) -> bool:
    """Index ``paths`` into the index file ``index`` (forgetting briefings not among them) in a
    child process, reporting each briefing done; True if the child finished its work."""
    process = start_child("viewer.domain.indexing", str(index))
    with _running_lock:
        _running.add(process)
    try:
        assert process.stdin is not None and process.stdout is not None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(json.dumps([str(path) for path in paths]).encode("utf-8"))
            process.stdin.close()
        for line in process.stdout:
            done, total = (int(number) for number in line.split())
            if progress is not None:
                progress(done, total)
    except ValueError:  # not a line the child writes: something else took over its output
        process.kill()
    finally:
        if process.stdout is not None:
            process.stdout.close()
        with _running_lock:
            _running.discard(process)
    return process.wait() == 0


@atexit.register
def _stop_children() -> None:
    """An app that quits does not leave its indexer running."""
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
    try:
        index.catalogue(paths, _report)
    except BrokenPipeError:  # the app quit meanwhile; what was indexed is kept
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        index.close()
    return 0


def _report(done: int, total: int) -> None:
    print(done, total, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
