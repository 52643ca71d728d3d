"""Rendering in a worker process: a slow or crashing render is stopped and reported, never
felt by the caller beyond the time limit, and the next render works."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import pytest

from tests.pathological import SLOW, write_briefing
from viewer.domain.loader import load_briefing
from viewer.domain.prose_worker import ProseRenderer, RenderFailed


@pytest.fixture
def renderer():
    made = ProseRenderer(seconds=0.5)
    yield made
    made.close()


def test_a_render_over_the_time_limit_is_stopped_and_the_next_one_works(renderer) -> None:
    started = time.monotonic()
    with pytest.raises(RenderFailed, match=r"took longer than 0\.5 s"):
        renderer.render([("slow.md", SLOW)])
    assert time.monotonic() - started < 1.5
    assert renderer.render([("ok.md", "# Fine\n")]).anchor_ids == {"fine"}


def test_a_renderer_that_dies_is_reported_and_replaced(renderer) -> None:
    renderer.seconds = 30  # no time limit in the way, even with the machine under load
    renderer.render([("warm.md", "warm")])
    process = renderer._process
    assert process is not None
    threading.Timer(0.1, process.kill).start()
    with pytest.raises(RenderFailed, match="stopped unexpectedly"):
        renderer.render([("slow.md", SLOW)])
    assert renderer.render([("ok.md", "text")]).blocks == ("<p>text</p>",)


def test_recursion_in_the_renderer_is_a_message_not_a_crash(renderer) -> None:
    deep = "**a " * 2_000 + "b" + " a**" * 2_000
    renderer.seconds = 30
    with pytest.raises(RenderFailed, match="nested too deeply"):
        renderer.render([("deep.md", deep)])


def test_a_briefing_whose_text_times_out_loads_with_a_located_error(
    renderer, tmp_path: Path
) -> None:
    folder = write_briefing(tmp_path / "slow", SLOW)
    result = load_briefing(folder, renderer=renderer)
    assert result.briefing is not None, "the data is still usable"
    assert result.briefing.rendered is None
    (error,) = result.errors
    assert str(error.location) == f"{folder / 'briefing.md'}:1:1"
    assert "could not be rendered: rendering took longer than 0.5 s" in error.message


def test_a_renderer_killed_while_idle_is_replaced_without_a_failure(renderer) -> None:
    renderer.seconds = 30  # starting the replacement is not what is timed here
    renderer.render([("warm.md", "warm")])
    process = renderer._process
    assert process is not None
    process.kill()
    process.wait()
    assert renderer.render([("ok.md", "# Again\n")]).anchor_ids == {"again"}


def test_the_time_limit_counts_the_wait_for_an_earlier_render(renderer) -> None:
    """Two loads at once (a reader opening one briefing while another renders): the second
    does not wait longer than the limit in all."""
    errors: list[str] = []

    def slow() -> None:
        with contextlib.suppress(RenderFailed):
            renderer.render([("slow.md", SLOW)])

    first = threading.Thread(target=slow)
    first.start()
    time.sleep(0.1)
    started = time.monotonic()
    try:
        renderer.render([("slow.md", SLOW)])
    except RenderFailed as exc:
        errors.append(str(exc))
    waited = time.monotonic() - started
    first.join()
    assert errors and "took longer than 0.5 s" in errors[0]
    assert waited < 0.5 + 0.9, "no more than the limit, and the stopping, in all"
