"""Benchmarks: run with ``make bench`` (or ``python -m tests.benchmarks``); never part of pytest."""
