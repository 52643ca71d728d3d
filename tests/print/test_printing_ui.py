"""The GUI's export path and dialog, without a modal dialog in the way."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from viewer.print.options import PARTS, PrintOptions
from viewer.ui.printing import ExportDialog, export_pdf


def test_export_pdf_adds_suffix_and_writes(qapp, minimal, tmp_path: Path) -> None:
    written = export_pdf(minimal, PrintOptions(page_size="Letter"), str(tmp_path / "water"))
    assert written == tmp_path / "water.pdf"
    reader = PdfReader(written)
    assert reader.metadata.title == minimal.title
    assert len(reader.pages) >= 3
    assert list(tmp_path.iterdir()) == [written]


def test_export_dialog_options(qtbot) -> None:
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert dialog.options() == PrintOptions()
    dialog.page_size.setCurrentText("Letter")
    dialog.parts["stances"].setChecked(False)
    dialog.landscape.setChecked(True)
    options = dialog.options()
    assert options.page_size == "Letter"
    assert "stances" not in options.parts
    assert options.matrix_landscape
    for box in dialog.parts.values():
        box.setChecked(False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.parts["cover"].setChecked(True)
    assert ok.isEnabled()
    assert set(PARTS) >= set(dialog.options().parts)


def test_notes_are_offered_only_when_there_are_some(qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt

    from viewer.domain.notes import Mark, Note

    without = ExportDialog()
    qtbot.addWidget(without)
    assert not without.parts["notes"].isEnabled()
    note = Note(1, "b", "actor:a", Mark.NOTE, "Mine.", "A", "2026-11-26", "2026-11-26")
    dialog = ExportDialog(notes=[note])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.parts["notes"]
    assert box.isEnabled() and not box.isChecked()
    assert "notes" not in dialog.options().parts
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    options = dialog.options()
    assert options.parts[-1] == "notes" and options.notes == (note,)


def test_cancel_in_the_export_dialog_stops_the_export_and_writes_nothing(
    qtbot, new_window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from tests.benchmarks.generate import generate
    from tests.ui.helpers import open_and_wait
    from viewer.ui import printing

    monkeypatch.setattr(printing, "EXPORT_DIALOG_DELAY_MS", 0)
    window = new_window()
    assert open_and_wait(qtbot, window, generate(tmp_path / "large", actors=40, issues=200))
    seen: list[str] = []

    def cancel() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        if not shown:  # not on screen yet (a slow machine): click as soon as it is
            QTimer.singleShot(10, cancel)
            return
        seen.append(shown[0].labelText())
        shown[0].findChild(QPushButton).click()

    QTimer.singleShot(0, cancel)
    out = tmp_path / "large.pdf"
    written = window.report_write(
        lambda: export_pdf(window.briefing, PrintOptions(), str(out), window), str(out)
    )
    assert not written
    assert seen and ("Painting page" in seen[0] or "Laying out" in seen[0])
    assert "was not written" in window.statusBar().currentMessage()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.tmp")) == []
