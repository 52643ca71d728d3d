"""Item data roles of the app's models, defined once so that no two mean the same number."""

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The id of what a row, item or header section stands for (an actor, theme, issue, anchor)."""
BAND_ROLE = Qt.ItemDataRole.UserRole + 2
"""Matrix header: the theme title of an issue section (None for actor sections)."""
SHADE_ROLE = Qt.ItemDataRole.UserRole + 3
"""Matrix header: 0 or 1, alternating from one visible theme group to the next."""
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 4
"""A problem's :class:`Location` (``file:line:col``)."""
FILTER_ROLE = Qt.ItemDataRole.UserRole + 5
"""The text a filter box matches a row against (more than the row shows, such as a file name)."""
