"""A multilingual briefing, generated at test time: a paragraph per script, mixed paragraphs,
a table and a list, and actors with aliases in Persian, Russian and Chinese.

:func:`write_briefing` writes it in English (left to right, with paragraphs in right-to-left
scripts among the others) or in Persian (right to left).
"""

from __future__ import annotations

from pathlib import Path

PARAGRAPHS = {
    "Latin": "The final briefing of the office: efficient, difficult, fluent.",
    "Cyrillic": "Россия и Иран расширяют сотрудничество на Каспии.",
    "Greek": "Η Ελλάδα και η Κύπρος παρακολουθούν τις συνομιλίες.",
    "Persian": "ایران و روسیه در دریای خزر همکاری می‌کنند.",
    "Arabic": "العلاقات بين روسيا وإيران تتوسع في مجال الطاقة.",
    "Urdu": "پاکستان اور ایران کے تعلقات بہتر ہو رہے ہیں۔",
    "Hebrew": "ישראל עוקבת אחר הקשרים בין רוסיה לאיראן.",
    "Chinese": "中国外交部表示支持伊朗与俄罗斯的合作。",
    "Japanese": "日本の外務省はカスピ海の情勢を注視している。",
    "Korean": "대한민국 외교부는 협력을 주시하고 있다.",
}
"""One paragraph per script; none names an actor, so each comes back from the page whole."""
MIXED = "The Persian name of Iran is ایران (Īrān), and of Russia روسیه."
"""A left-to-right paragraph holding right-to-left words."""
MIXED_RTL = "مرکز کارنگی در Moscow گزارش ۲۰۱۶ را منتشر کرد."
"""A right-to-left paragraph holding a left-to-right word and Persian digits."""
ALIASES = {
    "iran": ("Iran", ["ایران", "Иран"]),
    "russia": ("Russia", ["روسیه", "Россия"]),
    "china": ("China", ["中国"]),
}
LINKED = {
    "Persian aliases": "تهران می‌گوید ایران و روسیه شریک‌اند.",
    "Russian aliases": "Москва считает, что Россия и Иран — партнёры.",
    "Chinese alias": "北京认为中国是调解人。",
}
"""Paragraphs that name actors by their aliases (each links to its actor)."""
TABLE_ROWS = [("کشور", "پایتخت"), ("ایران", "تهران"), ("روسیه", "مسکو")]
LIST_ITEMS = ["نخست: انرژی", "دوم: امنیت"]


def prose() -> str:
    paragraphs = [
        f"## {script}\n\n{text}\n{{: #{script.lower()}-text }}"
        for script, text in PARAGRAPHS.items()
    ]
    linked = [f"{text}\n{{: #{name.split()[0].lower()}-aliases }}" for name, text in LINKED.items()]
    head, *rows = TABLE_ROWS
    table = "\n".join(
        [f"| {head[0]} | {head[1]} |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
    )
    items = "\n".join(f"- {item}" for item in LIST_ITEMS)
    return (
        "\n\n".join(
            [
                "# Briefing in every script",
                *paragraphs,
                "## Mixed",
                MIXED,
                MIXED_RTL,
                "## Names",
                *linked,
                "## Lists and tables",
                table,
                items,
            ]
        )
        + "\n"
    )


def write_briefing(folder: Path, language: str = "en") -> Path:
    """A valid briefing in ``folder`` whose prose is :func:`prose` and whose stated language is
    ``language``."""
    folder.mkdir(parents=True)
    (folder / "briefing.md").write_text(prose(), encoding="utf-8")
    actors = "\n".join(
        f"  - id: {ident}\n    name: {name}\n    kind: state\n    summary: {name}.\n"
        f"    aliases: [{', '.join(aliases)}]"
        for ident, (name, aliases) in ALIASES.items()
    )
    (folder / "briefing.yaml").write_text(
        f"""format: 1
id: every-script-{language}
title: Every script
summary: A paragraph in every script.
authors: [Test Writer]
date: 2024-01-01
language: {language}
text: briefing.md
themes:
  - id: energy
    title: Energy
    summary: Oil and gas.
actors:
{actors}
issues:
  - id: energy
    title: Energy
    question: Should they cooperate on energy?
    theme: energy
stances:
  - actor: iran
    issue: energy
    position: support
    confidence: high
    summary: Wants cooperation.
    evidence: Its ministers said so.
    passage: persian-text
""",
        encoding="utf-8",
    )
    return folder
