"""Writing systems in the domain: script names, right-to-left languages, actor names in every
script linking in the prose, and the prose of a right-to-left briefing laid out as such."""

from __future__ import annotations

import re

import pytest

from viewer.domain.markdown_ext import render
from viewer.domain.prose import NamedActor
from viewer.domain.scripts import is_right_to_left, needs_font_check, script_name

ACTORS = [
    NamedActor("iran", ("Iran", "ایران", "Иран")),
    NamedActor("russia", ("Russia", "روسیه", "Россия")),
    NamedActor("china", ("China", "中国")),
    NamedActor("korea", ("Korea", "한국")),
]


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latin"),
        ("Ж", "Cyrillic"),
        ("λ", "Greek"),
        ("ی", "Arabic"),
        ("א", "Hebrew"),
        ("中", "Han"),
        ("ひ", "Hiragana"),
        ("한", "Hangul"),
        ("ཀ", "Tibetan"),
        ("𐀀", "Linear B"),
        ("😀", "symbols and emoji"),
    ],
)
def test_script_names(char: str, script: str) -> None:
    assert script_name(char) == script


@pytest.mark.parametrize(
    ("language", "rtl"),
    [
        *(("fa", True), ("ar-EG", True), ("he", True), ("ur", True), ("az-Arab", True)),
        *(("en", False), ("ru", False), ("zh-Hans", False), ("", False)),
    ],
)
def test_right_to_left_languages(language: str, rtl: bool) -> None:
    assert is_right_to_left(language) is rtl


def test_only_text_beyond_the_bundled_faces_needs_a_font_check() -> None:
    assert not needs_font_check("Café — “naïve” Łódź, Россия.\n\tx")
    assert needs_font_check("Ελλάδα")
    assert needs_font_check("中国")


def linked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'href="actor:([^"]+)">([^<]+)<', html)


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("تهران می‌گوید ایران‌ها و روسیه شریک‌اند.", [("iran", "ایران"), ("russia", "روسیه")]),
        ("Москва считает, что Россия и Иран — партнёры.", [("russia", "Россия"), ("iran", "Иран")]),
        ("北京认为中国是调解人。", [("china", "中国")]),
        ("한국은 중재자이다.", [("korea", "한국")]),
        ("Iranian and Irania are not Iran.", [("iran", "Iran")]),
        ("ایرانی نیست", []),
    ],
)
def test_names_link_in_every_script(text: str, links: list[tuple[str, str]]) -> None:
    assert linked(render([("t.md", text)], ACTORS).blocks[0]) == links


def test_a_right_to_left_briefing_says_so_on_every_block_and_reverses_table_rows() -> None:
    text = "# عنوان\n\nمتن\n\n- یک\n\n| کشور | پایتخت |\n|---|---|\n| ایران | تهران |\n"
    blocks = render([("t.md", text)], ACTORS, "fa").blocks
    assert all(' dir="rtl"' in block for block in blocks)
    table = blocks[-1]
    assert 'width="100%"' in table
    assert table.index("پایتخت") < table.index("کشور")
    assert table.index("تهران") < table.index("ایران")
    assert not any("dir=" in block for block in render([("t.md", text)], ACTORS, "en").blocks)
