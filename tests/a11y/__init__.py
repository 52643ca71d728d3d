"""The app as a screen reader meets it: ``make a11y`` (or ``python3 -m tests.a11y``) runs it
under the real Linux accessibility stack, headless; never part of pytest."""
