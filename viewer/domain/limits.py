"""Bounds that keep a hostile briefing from hanging or exhausting the viewer."""

MB = 1024 * 1024

MAX_TEXT_BYTES = 16 * MB
"""YAML and Markdown files."""

MAX_CSV_BYTES = 256 * MB
MAX_YAML_DEPTH = 32
MAX_YAML_NODES = 2_000_000
"""Nodes after alias expansion: the defence against "billion laughs"."""

MAX_ENTRIES = 1_000_000
"""Entries in any one list, stances included."""
