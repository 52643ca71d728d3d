"""The GUI's export path and dialog, without a modal dialog in the way."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox

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
