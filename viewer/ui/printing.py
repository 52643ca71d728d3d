"""File ▸ Print…, Print preview and Export PDF…: dialogs around the one publication painter.

The printer and the PDF writer are both paged paint devices, so what the preview shows is what
the PDF holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.model import Briefing
from viewer.domain.notes import Note
from viewer.domain.progress import Cancelled, Progress
from viewer.print.export import write_pdf
from viewer.print.options import DEFAULT_PARTS, PAGE_SIZES, PARTS, PrintOptions
from viewer.print.writer import Publication

ReportWrite = Callable[[Callable[[], object], str], bool]


def options_for(printer: QPrinter) -> PrintOptions:
    """The paper the user picked in the print dialog, where it is one the layout knows."""
    chosen = printer.pageLayout().pageSize().id()
    sizes = [name for name, size in PAGE_SIZES.items() if size == chosen]
    return PrintOptions(page_size=sizes[0] if sizes else "A4")


def print_to(printer: QPrinter, briefing: Briefing, options: PrintOptions) -> None:
    printer.setFullPage(True)
    printer.setDocName(briefing.title)
    Publication(briefing, options, printer).paint()


def print_with_dialog(window: QWidget, briefing: Briefing) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        print_to(printer, briefing, options_for(printer))


def preview(window: QWidget, briefing: Briefing) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.paintRequested.connect(lambda device: print_to(device, briefing, options_for(device)))
    dialog.exec()


class ExportDialog(QDialog):
    """Page size, parts and the matrix's orientation, asked before the file name."""

    def __init__(self, parent: QWidget | None = None, notes: Sequence[Note] = ()) -> None:
        super().__init__(parent)
        self.notes = tuple(notes)
        self.setWindowTitle("Export PDF")
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setAccessibleName("Page size")
        self.parts = {name: QCheckBox(title) for name, title in PARTS.items()}
        self.landscape = QCheckBox("Print the issue matrix in landscape")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Page size:", self.page_size)
        column = QVBoxLayout(self)
        column.addLayout(form)
        for name, box in self.parts.items():
            box.setChecked(name in DEFAULT_PARTS)
            box.toggled.connect(self._allow_ok)
            column.addWidget(box)
        if not self.notes:
            self.parts["notes"].setEnabled(False)
            self.parts["notes"].setToolTip("You have no notes or bookmarks on this briefing")
        column.addWidget(self.landscape)
        column.addWidget(self.buttons)

    def _allow_ok(self) -> None:
        """A PDF with no parts would be empty: OK needs at least one."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(any(box.isChecked() for box in self.parts.values()))

    def options(self) -> PrintOptions:
        return PrintOptions(
            page_size=self.page_size.currentText(),
            parts=tuple(name for name, box in self.parts.items() if box.isChecked()),
            matrix_landscape=self.landscape.isChecked(),
            notes=self.notes,
        )


def export_pdf(
    briefing: Briefing, options: PrintOptions, name: str, parent: QWidget | None = None
) -> Path:
    """Write the PDF under ``name`` (".pdf" added when missing).

    An export that takes a while shows a progress dialog over ``parent``, whose Cancel stops it
    between two pages (raising ``Cancelled``; nothing is written then).
    """
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    dialog = QProgressDialog("Exporting the PDF…", "Cancel", 0, EXPORT_STEPS, parent)
    dialog.setWindowTitle("Export PDF")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(EXPORT_DIALOG_DELAY_MS)
    dialog.setAutoClose(False)

    def report(what: str, done: float | None) -> None:
        dialog.setLabelText(what)
        dialog.setValue(round((done or 0.0) * EXPORT_STEPS))  # lets the window paint, modally
        if dialog.wasCanceled():
            raise Cancelled

    try:
        write_pdf(briefing, options, path, Progress(report))
    finally:
        dialog.close()
        dialog.deleteLater()
    return path


EXPORT_STEPS = 1000
EXPORT_DIALOG_DELAY_MS = 500
"""An export quicker than this shows no dialog at all."""


def export_with_dialog(
    window: QWidget, briefing: Briefing, report_write: ReportWrite, notes: Sequence[Note] = ()
) -> bool:
    dialog = ExportDialog(window, notes)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    name, _ = QFileDialog.getSaveFileName(
        window, "Export PDF", f"{briefing.id}.pdf", "PDF files (*.pdf)"
    )
    if not name:
        return False
    options = dialog.options()
    return report_write(lambda: export_pdf(briefing, options, name, window), name)
