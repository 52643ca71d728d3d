"""A roll-call briefing (200 × 6,000 at full size) in the window; prints one JSON object.

``python -m tests.benchmarks.rollcall FOLDER``: opening it in the window with nothing cached,
then showing every tab for the first time, with the longest event-loop stall over all of it and
the process's peak memory; then loading it again from the cache it left (as the next start
would, before the window gets it).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks.tabs import first_shows, open_in
from tests.benchmarks.watching import heartbeat, longest_gap_ms, settle, shown_window

BUSY = ("load ", "library scan")
"""Threads still at work after the tabs are shown: writing the cache entry, waiting for the
child process that indexes the briefing for search."""


def main(folder: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for place in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            os.environ[place] = tmp  # nothing cached or indexed; a library of this one briefing
        window = shown_window(Path(tmp))
        indexer = ChildPeak("viewer.domain.indexing")
        turns: list[float] = []
        beating = heartbeat(turns)
        figures["rollcall_open_cold_s"] = open_in(window, folder)
        settle()
        figures.update(first_shows(window, "rollcall_"))
        while any(t.name.startswith(BUSY) for t in threading.enumerate()):
            settle(100)  # the cache entry is written after the briefing is shown
        beating.stop()
        figures["rollcall_longest_stall_ms"] = longest_gap_ms(turns)
        figures["rollcall_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["rollcall_indexer_peak_rss_mb"] = indexer.peak_mb
        window.close()
        figures["rollcall_open_warm_s"] = warm_open(folder)
    return figures


class ChildPeak:
    """The peak memory of a child process running ``module`` (the library's indexer reads the
    briefing itself), from the kernel's high-water mark, read while the child runs: the one the
    kernel keeps for ended children starts from the parent's size at the fork."""

    def __init__(self, module: str) -> None:
        self.module = module.encode()
        self.peak_mb = 0.0
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while True:
            for status in Path("/proc").glob("[0-9]*/status"):
                try:
                    if self.module not in (status.parent / "cmdline").read_bytes():
                        continue
                    text = status.read_text()
                except OSError:
                    continue
                for line in text.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
            time.sleep(0.2)


def warm_open(folder: Path) -> float:
    """Seconds to load ``folder`` from its cache entry in a new process, as the next start
    would (this one still holds the briefing)."""
    timing = (
        "import sys, time; from pathlib import Path; "
        "from viewer.domain.loader import load_briefing; start = time.perf_counter(); "
        "load_briefing(Path(sys.argv[1]), use_cache=True); print(time.perf_counter() - start)"
    )
    done = subprocess.run(
        [sys.executable, "-c", timing, str(folder)], check=True, capture_output=True, text=True
    )
    return float(done.stdout)


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
