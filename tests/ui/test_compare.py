"""The Compare tab: two actors side by side, the agreement figure and the alignment table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import click_link, prose_paragraph
from viewer.domain.compare import agreement, alignment_table, describe, shared_issues
from viewer.ui.briefing_view import BriefingView
from viewer.ui.compare_view import AlignmentModel


def row_order(view, titles: list[str]) -> list[int]:
    text = view.issues.toPlainText()
    return [text.index(title) for title in titles]


def test_russia_and_iran_by_default_convergent_first(compare, bundled) -> None:
    assert compare.pair() == ("russia", "iran")
    titles = {i.id: i.title for i in bundled.issues}
    first, last = compare.shared[0], compare.shared[-1]
    assert first.a.position == first.b.position
    converging = [r for r in compare.shared if r.distance == 0]
    diverging = [
        r for r in compare.shared if (r.a.position.side or 0) * (r.b.position.side or 0) < 0
    ]
    assert {r.issue for r in converging} >= {"north-south-corridor", "taliban-rule"}
    assert {r.issue for r in diverging} >= {"syria-military-victory", "oil-cap"}
    # What the reader sees: every convergent issue is listed above every divergent one.
    above = row_order(compare, [titles[r.issue] for r in converging])
    below = row_order(compare, [titles[r.issue] for r in diverging])
    assert max(above) < min(below)
    assert last.distance is None or last.distance == max(
        r.distance for r in compare.shared if r.distance is not None
    )
    summary = compare.summary.text()
    result = agreement(bundled, "russia", "iran")
    assert summary.startswith(
        f"Russia and Iran agree on {result.agree} of {result.comparable} shared issues ("
    )
    assert len(compare.shared) == result.shared


def test_both_pieces_of_evidence_link_into_the_briefing(qtbot, window, compare, bundled) -> None:
    row = next(r for r in compare.shared if r.issue == "oil-cap")
    text = compare.issues.toPlainText()
    assert "Russia ›" in text and "Iran ›" in text
    click_link(qtbot, compare.issues, f"passage:{row.b.passage}")
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == window.tab_of(BriefingView))
    assert window.briefing_view.highlighted_text() == prose_paragraph(window, row.b.passage)


def test_choosing_another_pair(compare, bundled) -> None:
    compare.combo_b.setCurrentIndex(compare.combo_b.findData("united-states"))
    assert compare.pair() == ("russia", "united-states")
    expected = describe(agreement(bundled, "russia", "united-states"), "Russia", "United States")
    assert compare.summary.text() == expected
    assert [r.issue for r in compare.shared] == [
        r.issue for r in shared_issues(bundled, "russia", "united-states")
    ]
    compare.combo_b.setCurrentIndex(compare.combo_b.findData("russia"))
    assert compare.summary.text() == "Pick two different actors."


def test_clicking_the_alignment_table_opens_that_pair(qtbot, compare, bundled) -> None:
    model, table = compare.alignment, compare.table
    actors = model.table.actors
    assert set(actors) == {s.actor for s in bundled.stances}
    index = model.index(actors.index("israel"), actors.index("iran"))
    found = agreement(bundled, "israel", "iran")
    share = round(100 * found.agree / found.comparable)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == f"{share}%\nof {found.comparable}"
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(describe(agreement(bundled, "israel", "iran"), "Israel", "Iran"))
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert compare.pair() == ("israel", "iran")
    assert compare.summary.text().startswith("Israel and Iran")


def test_alignment_model_passes_the_model_tester(qtmodeltester, bundled) -> None:
    model = AlignmentModel()
    names = {a.id: a.name for a in bundled.actors}
    model.set_table(alignment_table(bundled), names)
    qtmodeltester.check(model)


def test_a_large_briefings_pair_table_is_worked_out_off_the_gui_thread(
    qtbot, new_window, tmp_path
) -> None:
    from tests.benchmarks.generate import generate
    from tests.ui.helpers import open_and_wait
    from viewer.ui.compare_view import THREAD_ABOVE_CELLS, CompareView

    folder = generate(tmp_path / "large", actors=60, issues=400)
    assert THREAD_ABOVE_CELLS < 60 * 400
    window = new_window()
    assert open_and_wait(qtbot, window, folder)
    view = window.view(CompareView)
    window.tabs.setCurrentIndex(window.tab_of(CompareView))
    assert view.alignment.rowCount() == 0, "not worked out on the GUI thread"
    assert "working it out" in view.pairs_label.text()
    assert view.summary.text(), "the pair is compared at once"
    qtbot.waitUntil(lambda: view.alignment.rowCount() == 60, timeout=20_000)
    assert "working" not in view.pairs_label.text()
    assert view.alignment.table.get("actor-0", "actor-1") is not None
