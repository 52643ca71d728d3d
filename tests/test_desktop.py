"""``make install-desktop``: a desktop entry, an icon and a MIME type for .briefing bundles,
installed in the user's own data folder and taken out again by ``make uninstall-desktop``."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def make(target: str, home: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return subprocess.run(
        ["make", "-s", "-C", str(REPO), target, f"DATA_HOME={home}"],
        capture_output=True,
        text=True,
        check=True,
    )


def test_install_and_uninstall_for_the_user(tmp_path: Path) -> None:
    home = tmp_path / "share"
    make("desktop-files", home)
    desktop = home / "applications" / "briefing-viewer.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    program, argument = section["Exec"].split()
    assert argument == "%f"
    assert Path(program).is_absolute() and os.access(program, os.X_OK)
    assert section["Icon"] == "briefing-viewer"
    assert (home / "icons/hicolor/scalable/apps/briefing-viewer.svg").is_file()
    assert section["MimeType"] == "application/x-briefing-bundle;"
    mime = (home / "mime/packages/briefing-viewer.xml").read_text(encoding="utf-8")
    assert 'type="application/x-briefing-bundle"' in mime and 'pattern="*.briefing"' in mime
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    if shutil.which("update-mime-database"):
        globs = (home / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-briefing-bundle:*.briefing" in globs
    if shutil.which("update-desktop-database"):
        cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert "application/x-briefing-bundle=briefing-viewer.desktop;" in cache
    make("uninstall-desktop", home)
    assert not desktop.exists()
    assert not (home / "mime/packages/briefing-viewer.xml").exists()
    assert not (home / "icons/hicolor/scalable/apps/briefing-viewer.svg").exists()


def test_every_package_is_shipped() -> None:
    """An installed (not editable) copy holds every package of the source tree."""
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "viewer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed
