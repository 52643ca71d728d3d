"""Mutated prose never crashes the view that renders it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.test_fuzz import mutated
from viewer.domain.markdown_ext import render
from viewer.domain.prose import NamedActor
from viewer.ui.briefing_view import BriefingView
from viewer.ui.navigation import Navigator
from viewer.ui.settings import Settings


@settings(
    max_examples=max(15, settings().max_examples // 4),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_mutated_bundled_prose_renders_in_the_briefing_view(
    qtbot, bundled, tmp_path: Path, data: st.DataObject
) -> None:
    """Each example builds its own view; ``qtbot`` only collects them for clean-up."""
    text = data.draw(mutated(bundled.markdown))
    view = BriefingView(Navigator(), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(view)
    actors = [NamedActor(actor.id, actor.names) for actor in bundled.actors]
    rendered = render([("briefing.md", text)], actors)
    view.set_briefing(dataclasses.replace(bundled, rendered=rendered))
    qtbot.waitUntil(lambda: not view.filling)
    view.show()
    view.find_text("Iran")
    view.show_passage(bundled.stances[0].passage)
    assert view.text.document().characterCount() > 1
