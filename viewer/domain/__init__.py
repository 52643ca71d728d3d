"""The Qt-free core: briefing data classes, loading and validation.

Nothing in this package may import PySide6; the tests enforce it, so the validator and the
exporter's data side stay usable (and fast) without a display.
"""
