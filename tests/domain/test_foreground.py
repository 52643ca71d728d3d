"""Background work gives way to the window's bursts of work, and is never starved by them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from viewer.domain import foreground


def in_background(work: Callable[[], object]) -> float:
    """Seconds ``work`` took on a thread of its own."""
    took: list[float] = []

    def run() -> None:
        start = time.monotonic()
        work()
        took.append(time.monotonic() - start)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return took[0]


def slow_batches(count: int) -> Callable[[], None]:
    """A background loop of ``count`` batches, each longer than a turn."""

    def work() -> None:
        for _ in foreground.taking_turns(range(count)):
            time.sleep(foreground.TURN * 1.5)

    return work


def test_background_goes_on_at_once_while_the_window_is_idle() -> None:
    took = in_background(slow_batches(3))
    assert took < 3 * foreground.TURN * 1.5 + foreground.LONGEST_WAIT / 2


def test_background_waits_until_the_window_s_burst_ends() -> None:
    inside, release = threading.Event(), threading.Event()
    ended: list[float] = []

    def burst() -> None:  # stands in for the window's thread
        with foreground.busy():
            inside.set()
            release.wait(timeout=10)
            ended.append(time.monotonic())

    window = threading.Thread(target=burst)
    window.start()
    inside.wait(timeout=10)
    threading.Timer(0.2, release.set).start()
    finished: list[float] = []
    in_background(lambda: (slow_batches(2)(), finished.append(time.monotonic())))
    window.join()
    assert finished[0] >= ended[0], "the second batch waited for the burst to end"


def test_background_is_never_starved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "LONGEST_WAIT", 0.2)
    with foreground.busy():  # a burst that outlasts all the work
        took = in_background(slow_batches(3))
    assert 2 * 0.2 <= took < 10, "it waited between batches, and then went on"


def test_work_done_within_a_turn_never_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "LONGEST_WAIT", 5.0)
    with foreground.busy():
        took = in_background(lambda: list(foreground.taking_turns(range(1000))))
    assert took < 2.5


def test_the_window_never_waits_for_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "LONGEST_WAIT", 5.0)
    with foreground.busy():
        started = time.monotonic()
        for _ in foreground.taking_turns(range(3)):
            time.sleep(foreground.TURN * 1.5)
        assert time.monotonic() - started < 2.5


def test_background_waits_a_moment_after_a_burst_for_qt_to_paint_it() -> None:
    with foreground.busy():
        pass
    ended = time.monotonic()
    finished: list[float] = []
    in_background(lambda: (slow_batches(2)(), finished.append(time.monotonic())))
    assert finished[0] - ended >= foreground.LINGER


def test_the_window_never_waits_for_a_lookup_built_in_the_background(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader's thread builds a briefing's stance index giving way to the window; the window
    meanwhile looking up another briefing's index must not wait for it (as it would behind
    ``cached_property``'s lock, which every briefing shares)."""
    from tests.benchmarks.generate import generate
    from viewer.domain.loader import load_briefing

    monkeypatch.setattr(foreground, "LONGEST_WAIT", 5.0)
    monkeypatch.setattr(foreground, "TURN", 0.0)  # every batch asks, so the thread must wait
    large = load_briefing(generate(tmp_path / "large", 50, 2000)).briefing
    small = load_briefing(generate(tmp_path / "small", 3, 4)).briefing
    assert large is not None and small is not None
    building = threading.Thread(target=large.index_stances)
    with foreground.busy():
        building.start()
        time.sleep(0.1)
        started = time.monotonic()
        assert len(small.stance_index) == 12
        assert time.monotonic() - started < 2.5
    building.join(timeout=30)
    assert len(large.stance_index) == 100_000


def test_work_started_behind_a_burst_begins_once_the_burst_is_over() -> None:
    """The window starts such work while it fills a tab; the work must not compete with it."""
    began: list[float] = []
    done = threading.Event()
    with foreground.busy(linger=0.05):
        foreground.start_behind("behind", lambda: (began.append(time.monotonic()), done.set()))
        time.sleep(0.2)
        assert not began, "the work began in the middle of the window's burst"
        ended = time.monotonic()
    assert done.wait(timeout=10)
    assert began[0] >= ended + 0.04
