"""Small pieces that let a screen reader name what Qt leaves unnamed (labels tied to their
controls, a line edit's clear button, a combo box's list of choices), hear what Qt does not say,
and leave every table with Tab.

On Linux, Qt names a combo box by its current value and gives its purpose through the label tied
to it (``setBuddy``), so every combo box here has one.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QToolButton, QWidget


def label_for(text: str, control: QWidget, name: str = "") -> QLabel:
    """A visible label tied to ``control``; ``name`` is what a screen reader calls the control
    when the label's own words ("with") would not say enough."""
    label = QLabel(text)
    label.setBuddy(control)
    said = name or text.replace("&", "").rstrip(":")
    label.setAccessibleName(said)
    if isinstance(control, QComboBox):
        control.view().setAccessibleName(f"{said}: choices")
    return label


def clear_button(edit: QLineEdit, name: str = "Clear") -> None:
    """Show ``edit``'s clear button, named."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def leave_by_tab(*views: QAbstractItemView) -> None:
    """Tab and Shift+Tab move on to the next control instead of from cell to cell (arrow keys
    move between cells), so no table is a keyboard trap."""
    for view in views:
        view.setTabKeyNavigation(False)


def announce(widget: QWidget, words: str, hint: str) -> None:
    """Tell a screen reader that ``words`` (a link, an actor in a drawing) now has the keyboard
    inside ``widget``, where Qt itself says nothing, and keep them in its description after the
    ``hint`` until the next one ("" puts the hint alone back)."""
    description = f"{words}. {hint}" if words else hint
    if description != widget.accessibleDescription():
        widget.setAccessibleDescription(description)
        QAccessible.updateAccessibility(
            QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged)
        )
    if words:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, words))
