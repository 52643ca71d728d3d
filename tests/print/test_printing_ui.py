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
