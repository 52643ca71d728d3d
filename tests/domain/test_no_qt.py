"""The domain layer must load and validate without Qt, so it stays usable without a display."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import MINIMAL


def test_domain_and_validate_never_import_qt() -> None:
    """Every domain module is imported, then a validation runs: no PySide6 module may load."""
    code = (
        "import sys, pkgutil, importlib, viewer.domain\n"
        "for module in pkgutil.iter_modules(viewer.domain.__path__):\n"
        "    importlib.import_module(f'viewer.domain.{module.name}')\n"
        "from viewer.cli import validate\n"
        f"validate([__import__('pathlib').Path({str(MINIMAL)!r})])\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
