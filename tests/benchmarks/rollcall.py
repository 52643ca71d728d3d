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
from pathlib import Path

from tests.benchmarks.tabs import first_shows, open_in
from tests.benchmarks.watching import heartbeat, longest_gap_ms, settle, shown_window

BUSY = ("load ", "library scan")
"""Threads still at work after the tabs are shown: writing the cache entry, indexing the
briefing for search."""


def main(folder: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for place in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            os.environ[place] = tmp  # nothing cached or indexed; a library of this one briefing
        window = shown_window(Path(tmp))
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
        window.close()
        figures["rollcall_open_warm_s"] = warm_open(folder)
    return figures


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
