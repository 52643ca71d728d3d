"""The issue matrix tab: its model, table, header, filter bar and view."""
