"""Offline means offline, proved beneath Python: a whole reading session (the window, every
tab, links, passages, the renderer's worker process and a PDF export) runs under ``strace``, and
the only sockets it may create are local (AF_UNIX) ones. Qt's own C++ code is seen too, which a
patched Python ``socket`` module would miss."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SOCKET = re.compile(r"\b(socket|socketpair)\((AF_\w+|PF_\w+)")
CONNECT = re.compile(r"\bconnect\(\d+, \{sa_family=(AF_\w+)")


def traced(tmp_path: Path, *command: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run ``command`` and its children under strace; returns the run and the network calls."""
    log = tmp_path / "strace.log"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=%network", "-o", str(log), *command],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    return done, log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.fixture
def strace(tmp_path: Path) -> None:
    """strace, shown to see a network socket here (ptrace can be forbidden in containers)."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed ('make test' installs it)")
    control = "import socket; socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()"
    _, calls = traced(tmp_path, sys.executable, "-c", control)
    if "AF_INET6" not in calls:
        pytest.skip("strace cannot trace processes on this machine")


def test_a_reading_session_creates_no_network_socket(strace, tmp_path: Path) -> None:
    out = tmp_path / "session.pdf"
    done, calls = traced(tmp_path, sys.executable, "-m", "tests.offline_session", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.stat().st_size > 100_000, "the session ran to its export"
    families = {family for _, family in SOCKET.findall(calls)} | set(CONNECT.findall(calls))
    assert families <= {"AF_UNIX", "AF_LOCAL", "PF_LOCAL", "PF_UNIX"}, calls[:2000]
