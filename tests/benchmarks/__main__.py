"""Run every benchmark, print a table of medians (min–max) and write the same figures as JSON.

``make bench`` runs this; each figure comes from several runs after a warm-up, in fresh processes
where start-up is what is measured. It is never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.generate import generate, prose_briefing

HERE = Path(__file__).parent
ROOT = HERE.parent.parent

TARGETS = {
    "startup_app_s": 0.6,
    "startup_ratio": 1.5,
    "large_open_cold_s": 1.5,
    "large_open_warm_s": 0.3,
    "large_peak_rss_mb": 400,
    "large_scroll_repaint_ms": 16,
    "large_filter_ms": 100,
    "large_compare_ms": 100,
    "pdf_bundled_s": 2.0,
    "pdf_matrix_200x2000_s": 30,
    "bundled_open_longest_stall_ms": 100,
    "rfc_open_longest_stall_ms": 100,
    "library_search_worst_ms": 100,
    "library_dialog_worst_ms": 100,
    "tabs_longest_stall_ms": 100,
    "rollcall_open_cold_s": 3.0,
    "rollcall_peak_rss_mb": 600,
    "rollcall_longest_stall_ms": 100,
    **{
        f"{scale}tab_{name}_first_show_s": 0.1
        for scale in ("", "rollcall_")
        for name in ("themes", "actors", "issue_matrix", "compare", "relations", "timeline")
    },
}
SLOW_RUNS = 3
"""Runs of the measures that take about half a minute each: indexing a library of 50 briefings,
printing the whole 200 × 2,000 matrix."""
ROLL_CALL = (200, 6000, 0.3)
"""Actors, issues and the share of empty cells of a UN General Assembly roll-call (its real
record: about 200 members, over 6,000 votes, absences). Each run takes about a minute, most of
it indexing 840,000 stances for search after the tabs are shown."""
RFC_CHARS = 370_000
"""The size of the QUIC transport RFC's Markdown source, a long real document."""


def environment(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    """Measure what users get: compiled modules cached after the first (warm-up) run."""
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CACHE_HOME"] = str(cache)
    for place in ("config", "data", "state"):  # nothing of the user's, their library included
        env[f"XDG_{place.upper()}_HOME"] = str(cache / place)
    return env


def to_first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` to its first painted window, which it reports as
    ``first-paint … at EPOCH`` (shutting down afterwards is not counted)."""
    start = time.time()
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=ROOT)
    painted = float(done.stdout.split(" at ")[-1])
    return painted - start


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def measure_startup(runs: int, env: dict[str, str]) -> dict[str, dict[str, float]]:
    app = [sys.executable, "-m", "viewer", "--quit-after-paint"]
    floor = [sys.executable, str(HERE / "floor.py")]
    to_first_paint(app, env)
    to_first_paint(floor, env)
    app_times, floor_times = [], []
    for _ in range(runs):
        app_times.append(to_first_paint(app, env))
        floor_times.append(to_first_paint(floor, env))
    ratios = [a / f for a, f in zip(app_times, floor_times, strict=True)]
    return {
        "startup_app_s": summary(app_times),
        "startup_floor_s": summary(floor_times),
        "startup_ratio": summary(ratios),
    }


def measure_in_process(script: str, args: list[str], runs: int, env: dict[str, str]) -> dict:
    """Run a measuring script ``runs`` times; each prints one JSON object of figures."""
    collected: dict[str, list[float]] = {}
    for run in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-m", f"tests.benchmarks.{script}", *args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        if run == 0:
            continue
        for name, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            collected.setdefault(name, []).append(value)
    return {name: summary(values) for name, values in collected.items()}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--issues", type=int, default=2000)
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results.json")
    options = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = environment(work / "cache")
        results.update(measure_startup(options.runs, env))
        large = generate(work / "large", options.actors, options.issues)
        results.update(measure_in_process("large", [str(large)], options.runs, env))
        results.update(measure_in_process("tabs", [str(large)], options.runs, env))
        matrix = generate(work / "matrix", 50, 200)
        pdf_runs = min(options.runs, SLOW_RUNS)
        results.update(measure_in_process("pdf", [str(matrix), str(large)], pdf_runs, env))
        bundled = ["bundled", str(ROOT / "briefings" / "russia-iran")]
        results.update(measure_in_process("prose", bundled, options.runs, env))
        rfc = prose_briefing(work / "rfc", RFC_CHARS)
        results.update(measure_in_process("prose", ["rfc", str(rfc)], options.runs, env))
        roll_call = generate(work / "roll-call", *ROLL_CALL)
        results.update(measure_in_process("rollcall", [str(roll_call)], SLOW_RUNS - 1, env))
        shelf = [str(large), str(work / "library")]
        runs = min(options.runs, SLOW_RUNS)
        results.update(measure_in_process("library", shelf, runs, env))
    width = max(map(len, results))
    print(f"{'measure':<{width}}  {'median':>10}  {'min':>10}  {'max':>10}  target")
    for name, figures in results.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            met = figures["median"] <= target
            verdict = f"{'≤' if met else '>'} {target} {'met' if met else 'MISSED'}"
        print(
            f"{name:<{width}}  {figures['median']:>10.4g}  {figures['min']:>10.4g}  "
            f"{figures['max']:>10.4g}  {verdict}"
        )
    options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {options.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
