"""Hostile prose: raw HTML is shown as text, only local images load, unsafe links are inert."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from tests.conftest import BAD
from tests.ui.helpers import link_hrefs, open_and_wait
from viewer.typesetting.images import PLACEHOLDER_SIZE
from viewer.ui.main_window import MainWindow

HOSTILE = BAD / "hostile-html-and-urls"


def test_raw_html_is_shown_as_text_not_run(qtbot, window: MainWindow) -> None:
    assert open_and_wait(qtbot, window, HOSTILE)
    text = window.briefing_view.text.toPlainText()
    assert "<script>alert(“owned”)</script>" in text  # plain text, quotes made typographic
    assert "<iframe" in text
    assert "Click handler text" in text
    html = window.briefing_view.text.toHtml()
    assert "onclick" not in html.replace("&lt;p onclick", "")
    assert "display: none" not in html.replace("p { display: none; }", "")


def test_only_images_inside_the_folder_load(qtbot, window: MainWindow) -> None:
    assert open_and_wait(qtbot, window, HOSTILE)
    browser = window.briefing_view.text
    local = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("map.png"))
    assert (local.width(), local.height()) == (120, 60)
    for refused in (
        "https://evil.example/pixel.png",
        "../minimal/briefing.md",
        "/etc/passwd",
        "file:///etc/passwd",
    ):
        image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(refused))
        assert (image.width(), image.height()) == PLACEHOLDER_SIZE, refused


def test_unsafe_links_are_inert(qtbot, window: MainWindow, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "viewer.ui.navigation.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    assert open_and_wait(qtbot, window, HOSTILE)
    browser = window.briefing_view.text
    hrefs = link_hrefs(browser)
    for href in hrefs:
        browser.anchorClicked.emit(QUrl(href))
    assert sorted(opened) == ["https://example.org/ok", "mailto:someone@example.org"]
    assert window.briefing_view.text.toPlainText().count("Hostile content") == 1
