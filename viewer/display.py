"""Whether a window can be shown here: Qt aborts the process when it cannot."""

from __future__ import annotations

import os

DISPLAY_VARIABLES = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")


def has_display() -> bool:
    """True when a display (or an explicit Qt platform such as ``offscreen``) is configured."""
    return any(os.environ.get(name) for name in DISPLAY_VARIABLES)
