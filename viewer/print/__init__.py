"""Printing and PDF export: a paginated publication built from the briefing data."""
