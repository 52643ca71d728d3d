"""Starting this package's own modules as child processes (the prose renderer, the indexer).

Work that could hang, crash or hold the interpreter lock for long runs in a child: the window's
thread never waits for it, and a hostile briefing ends the child, not the app.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
CHILD_MEMORY_BYTES = 4 * 1024**3
"""Address space a child may use; beyond it, its work fails with a clear message."""


def start_child(module: str, *args: str, stderr: int | None = None) -> subprocess.Popen[bytes]:
    """``python -m module args`` with pipes to and from it, running this copy of the package."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        part for part in (_ROOT, environment.get("PYTHONPATH", "")) if part
    )
    # -P: the working folder must not come first on the path, or a different copy of the
    # viewer there would run in place of this one.
    return subprocess.Popen(
        [sys.executable, "-P", "-m", module, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env=environment,
    )


def limit_memory(size: int) -> None:
    """Called in a child: beyond ``size`` bytes of address space, its allocations fail (a
    MemoryError it can report) instead of the machine running out."""
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
