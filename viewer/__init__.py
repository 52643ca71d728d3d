"""Briefing Viewer: read policy briefings offline, see who wants what on which issue."""

__version__ = "0.1.0"
APP_NAME = "Briefing Viewer"
