"""Exporting briefings to PDF headless: structure, page furniture, links, matrix and failures."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from tests.benchmarks.generate import generate
from tests.conftest import BAD, DATA
from tests.pathological import SLOW, write_briefing
from tests.print.pdftext import flat, glyph_cells, page_texts
from viewer import __version__
from viewer.domain.loader import load_briefing
from viewer.domain.model import Position
from viewer.print.command import export_command

WIDE = DATA / "wide-matrix"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundled_pdf(qapp, bundled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled briefing, every part, exported in-process once for the module."""
    out = tmp_path_factory.mktemp("pdf") / "bundled.pdf"
    assert export_command([str(bundled_path), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def bundled_texts(bundled_pdf: Path) -> list[str]:
    return page_texts(bundled_pdf)


@pytest.fixture(scope="module")
def wide_pdf(qapp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "wide.pdf"
    assert export_command([str(WIDE), "-o", str(out), "--parts", "matrix"]) == 0
    return out


def outline_entries(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def test_page_count_and_footer_on_every_page_but_the_cover(bundled_texts: list[str]) -> None:
    total = len(bundled_texts)
    assert 20 <= total <= 120
    assert "Page 1 of" not in bundled_texts[0]
    for index, text in enumerate(bundled_texts[1:], start=2):
        assert f"Page {index} of {total}" in text, f"page {index}"


def test_no_blank_pages(bundled_texts: list[str]) -> None:
    for index, text in enumerate(bundled_texts, start=1):
        body = re.sub(r"Page \d+ of \d+", "", text)
        assert len(flat(body)) > 120, f"page {index} is (nearly) empty"


def test_cover_sections_and_actors_in_text(bundled, bundled_texts: list[str]) -> None:
    cover = flat(bundled_texts[0])
    assert bundled.title in cover
    assert bundled.sources[0].author in cover
    assert bundled.sources[0].publisher in cover
    everything = flat("\n".join(bundled_texts))
    toc = bundled.rendered.toc
    top = min(entry.level for entry in toc)
    for entry in toc:
        if entry.level == top:
            assert entry.title in everything
    for actor in bundled.actors:
        assert actor.name in everything, actor.name


def test_outline_points_at_the_page_of_each_section(bundled, bundled_pdf, bundled_texts) -> None:
    reader = PdfReader(bundled_pdf)
    assert reader.page_mode == "/UseOutlines"
    entries = dict(outline_entries(reader))
    toc = bundled.rendered.toc
    top = min(entry.level for entry in toc)
    for entry in (e for e in toc if e.level == top):
        page = entries[entry.title]
        lines = [line.strip() for line in bundled_texts[page].splitlines()]
        assert entry.title in lines, f"{entry.title!r} not a line of page {page + 1}"
    for part in ("Contents", "Briefing", "Issue matrix", "Actors", "Stance appendix", "Timeline"):
        assert part in entries
    matrix_page = entries["Issue matrix"]
    assert "Issue matrix" in bundled_texts[matrix_page]


def test_internal_links_resolve(bundled_pdf: Path) -> None:
    reader = PdfReader(bundled_pdf)
    names = reader.named_destinations
    assert {"fn:1", "fnref:1", "fn:2", "fnref:2"} <= set(names), "footnotes and their way back"
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            if action is not None and action.get("/S") == "/URI":
                assert str(action["/URI"]).startswith(("http://", "https://")), action["/URI"]
                continue
            target = link.get("/Dest") or action.get("/D")
            internal += 1
            if isinstance(target, str):
                assert target in names, target
                assert isinstance(names[target], Destination)
                assert 0 <= reader.get_destination_page_number(names[target]) < len(reader.pages)
            else:
                assert target[0].get_object() in [p.get_object() for p in reader.pages]
    # every contents entry, every "Passage ›" of the stance appendix, actor links in the prose
    assert internal > 150


def test_metadata(bundled, bundled_pdf: Path) -> None:
    info = PdfReader(bundled_pdf).metadata
    assert info.title == bundled.title
    assert info.author == ", ".join(bundled.authors)
    assert info.subject == bundled.summary
    assert info.creator == f"Briefing Viewer {__version__}"


def test_bundled_fonts_embedded(bundled_pdf: Path) -> None:
    reader = PdfReader(bundled_pdf)
    fonts = set()
    for page in reader.pages[:4]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for desc in descendants:
                descriptor = desc.get_object().get("/FontDescriptor")
                if descriptor and any(k in descriptor for k in ("/FontFile", "/FontFile2")):
                    fonts.add(str(font["/BaseFont"]))
    assert any("CharisSIL" in f for f in fonts), fonts
    assert any("OpenSans" in f for f in fonts), fonts


def test_subprocess_without_display_letter(tmp_path: Path, bundled_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    out = tmp_path / "letter.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "export", str(bundled_path), "-o", str(out),
         "--page-size", "Letter", "--parts", "cover,contents,sources"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    box = reader.pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert [title for title, _ in outline_entries(reader)] == ["Contents", "Sources"]
    assert list(tmp_path.iterdir()) == [out]


def test_wide_matrix_split_into_groups_with_repeated_headers(wide_pdf: Path) -> None:
    briefing = load_briefing(WIDE).briefing
    texts = page_texts(wide_pdf)
    matrices = [t.split("Key to the issue numbers")[0] for t in texts]  # the key follows on
    table_pages = [t for t in matrices if re.search(r"^\s*Actor\s*$", t, re.MULTILINE)]
    assert len(table_pages) >= len(briefing.themes)
    names = [actor.name for actor in briefing.actors]
    for number in range(1, len(briefing.themes) + 1):
        group = [t for t in table_pages if f"T{number} " in t]
        assert group, f"theme T{number} has no matrix page"
        labels = [f"I{i}" for i in range((number - 1) * 10 + 1, number * 10 + 1)]
        for text in group:
            header = text.split("Actor", 1)[1]
            assert all(label in header.split() for label in labels), f"T{number} labels"
        seen = flat("\n".join(group))
        assert all(name in seen for name in names), f"T{number} lacks actor rows"
    legend = 7
    assert sum(glyph_cells(t) for t in texts) == len(briefing.stances) + legend


def test_landscape_matrix(qapp, tmp_path: Path) -> None:
    out = tmp_path / "landscape.pdf"
    assert (
        export_command([str(WIDE), "-o", str(out), "--parts", "matrix", "--matrix-landscape"]) == 0
    )
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)


@pytest.mark.parametrize("where", ["missing-folder/out.pdf", "a-file/out.pdf"])
def test_unwritable_output_fails_cleanly(qapp, tmp_path, bundled_path, capsys, where) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    before = sorted(tmp_path.rglob("*"))
    out = tmp_path / where
    assert export_command([str(bundled_path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {out}" in err
    assert sorted(tmp_path.rglob("*")) == before


def test_invalid_briefing_lists_validation_problems(tmp_path: Path, capsys) -> None:
    path = BAD / "yaml-syntax"
    out = tmp_path / "out.pdf"
    assert export_command([str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    problems = load_briefing(path).problems
    assert problems
    for problem in problems:
        assert str(problem) in err.splitlines()
    assert "briefing.yaml:6:5: error: YAML syntax" in err
    assert not out.exists()


def test_text_over_the_time_limit_fails_the_export_and_leaves_nothing(
    slow_renderer, tmp_path: Path, capsys
) -> None:
    folder = write_briefing(tmp_path / "slow", SLOW)
    out = tmp_path / "out" / "slow.pdf"
    out.parent.mkdir()
    assert export_command([str(folder), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "briefing.md:1:1: error: the text could not be rendered: rendering took longer" in err
    assert "nothing written" in err
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [["x"], ["x", "-o", "y.pdf", "--parts", "cover,bogus"], ["x", "-o", "y", "--page-size", "A3"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    assert export_command(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_parts_with_nothing_to_print_fail_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The wide-matrix briefing has no timeline: asking for that part alone prints nothing."""
    empty = tmp_path / "nothing.pdf"
    assert export_command([str(DATA / "wide-matrix"), "-o", str(empty), "--parts", "timeline"]) == 1
    assert "nothing to print" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_notes_are_printed_only_when_asked(qapp, tmp_path: Path, capsys) -> None:
    from viewer import folders
    from viewer.domain.notes import Mark, NoteStore

    minimal = DATA / "minimal"
    store = NoteStore(folders.notes_file())
    store.add("water-talks", "stance:lowland/fast-fill", Mark.NOTE, "Ask the union.", "Fears")
    store.add("water-talks", "passage:upland-plan", Mark.BOOKMARK, "", "Upland's plan")
    store.add("water-talks", "actor:gone", Mark.NOTE, "Was in the first draft.", "Gone Ltd")
    store.add("another-briefing", "actor:x", Mark.NOTE, "Not about this one.", "X")
    store.close()
    plain, noted = tmp_path / "plain.pdf", tmp_path / "noted.pdf"
    assert export_command([str(minimal), "-o", str(plain)]) == 0
    assert export_command([str(minimal), "-o", str(noted), "--notes"]) == 0
    assert "notes" not in flat(" ".join(page_texts(plain))).lower()
    text = flat(" ".join(page_texts(noted)))
    text = text[text.rindex("Reader’s notes") :]  # the part itself, not its contents line
    order = [
        text.index(s)
        for s in (
            "Stance: Lowland on Fast filling",
            "Ask the union.",
            "Bookmarks",
            "Upland's plan",
            "Detached",
            "Was in the first draft.",
        )
    ]
    assert order == sorted(order)
    assert "Not about this one." not in text
    outline = [title for title, _ in outline_entries(PdfReader(noted))]
    assert outline[-1] == "Reader’s notes"


def test_asking_for_notes_without_any_says_so(qapp, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.pdf"
    assert export_command([str(DATA / "minimal"), "-o", str(out), "--notes"]) == 0
    assert "you have no notes on water-talks" in capsys.readouterr().err
    assert "Reader’s notes" not in flat(" ".join(page_texts(out)))


def test_the_relations_part_is_a_vector_figure_with_every_name_and_its_key(
    qapp, bundled, bundled_pdf: Path, bundled_texts: list[str]
) -> None:
    from viewer.presentation.network import RELATION_NAMES, unlinked

    page = next(i for i, text in enumerate(bundled_texts) if "In no relation, so not drawn" in text)
    text = flat(bundled_texts[page])
    drawn = [a.name for a in bundled.actors if a.name not in unlinked(bundled)]
    assert all(name in text for name in drawn)  # the names are text: found, copied, read aloud
    assert all(name in text for name in RELATION_NAMES.values())  # the key
    assert not images_on(bundled_pdf, page)  # drawn with lines, not pasted in as a picture
    assert f"Relations {page + 1}" in flat(bundled_texts[1])  # in the contents, at its page


def images_on(pdf: Path, page: int) -> list[str]:
    resources = PdfReader(pdf).pages[page]["/Resources"]
    if "/XObject" not in resources:
        return []
    objects = resources["/XObject"].get_object()
    return [name for name, obj in objects.items() if obj.get_object().get("/Subtype") == "/Image"]


def test_the_timeline_part_opens_with_a_vector_figure_of_every_actors_events(
    qapp, bundled, bundled_pdf: Path, bundled_texts: list[str]
) -> None:
    page = next(i for i, t in enumerate(bundled_texts) if "a diamond marks a known day" in flat(t))
    text = flat(bundled_texts[page])
    dated = [a.name for a in bundled.actors if any(a.id in e.actors for e in bundled.timeline)]
    assert all(name in text for name in dated)  # one lane each, named in text
    figure_top = text.index("a diamond marks a known day")
    assert "1980" in text[figure_top:] and "2015" in text[figure_top:]  # the axis
    assert text.index("Date Event Actors") > text.index(dated[-1])  # the list follows it
    assert not images_on(bundled_pdf, page)


def test_the_stance_appendix_lists_every_dated_entry_of_a_series(qapp, tmp_path: Path) -> None:
    from tests.conftest import SERIES

    out = tmp_path / "series.pdf"
    assert export_command([str(SERIES), "-o", str(out), "--parts", "matrix,stances"]) == 0
    text = flat(" ".join(page_texts(out)))
    assert "++↑" in text and "moved toward support or opposition" in text  # the matrix's mark
    dates = [text.index(f"as of {date}") for date in ("2024-02", "2023-06", "2022")]
    assert dates == sorted(dates)  # newest first
    assert "Came round to a faster filling." in text and "revised plan" in text


def test_a_large_matrix_prints_every_actor_on_every_issue(qapp, tmp_path: Path) -> None:
    """The painted matrix accounts for every row and column: nothing asked for is left out."""
    from tests.benchmarks.generate import generate

    folder = generate(tmp_path / "large", actors=60, issues=300)
    out = tmp_path / "large.pdf"
    assert export_command([str(folder), "-o", str(out), "--parts", "matrix"]) == 0
    texts = page_texts(out)
    words = " ".join(texts).split()
    labels = {word for word in words if re.fullmatch(r"I\d+", word)}
    assert labels == {f"I{n}" for n in range(1, 301)}
    groups = sum(text.count("Actor 0 ") for text in texts)  # "Actor 0" heads each group's rows
    assert groups >= 300 // 11
    for actor in range(60):
        assert (
            sum(f"Actor {actor} " in line + " " for t in texts for line in t.splitlines()) >= groups
        )


def test_an_export_that_would_stop_short_fails_and_writes_nothing(
    qapp, tmp_path: Path, bundled_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from viewer.print.document import PrintDocument

    monkeypatch.setattr(PrintDocument, "pageCount", lambda self: 1)  # as if Qt stopped at page 1
    out = tmp_path / "short.pdf"
    assert export_command([str(bundled_path), "-o", str(out), "--parts", "text"]) == 1
    assert "could not be laid out whole" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_footnotes_are_printed_without_their_back_links(bundled_texts: list[str]) -> None:
    text = flat(" ".join(bundled_texts))
    assert "Organization of the Islamic Conference" in text or "Islamic Conference" in text
    assert "↩" not in text  # a screen's "jump back" means nothing on paper


def test_printed_profiles_name_each_issue_beside_its_number(bundled, bundled_texts) -> None:
    from viewer.print.matrix import issue_labels

    labels = issue_labels(bundled)
    russia = next(
        t for t in bundled_texts if "Returning to the Middle East" in t and "Positions:" in t
    )
    for stance in bundled.stances_of_actor("russia")[:5]:
        title = bundled.issue_by_id[stance.issue].title
        line = next(line for line in russia.splitlines() if title in line)
        assert line.split()[0] == labels[stance.issue]  # "I7  +  Russian state credit"


@pytest.fixture(scope="module")
def first_author_pdf(qapp, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A first author's size of briefing (10 actors, 12 issues, 20 themes) with evidence of
    many lengths, exported whole."""
    folder = generate(tmp_path_factory.mktemp("author") / "briefing", 10, 12, evidence_words=90)
    out = folder.parent / "briefing.pdf"
    assert export_command([str(folder), "-o", str(out)]) == 0
    return out, page_texts(out)


def test_no_page_of_the_stance_appendix_starts_with_the_tail_of_a_row(
    first_author_pdf: tuple[Path, list[str]],
) -> None:
    _, texts = first_author_pdf
    appendix = [t for t in texts if "Stance appendix" in t.split("\n", 1)[0]]
    assert len(appendix) > 5
    continued = 0
    for text in appendix:
        lines = [line.strip() for line in text.split("\n")[1:] if line.strip()]
        if lines[0].split() != ["Actor", "Position", "Evidence"]:
            continue  # the page opens with an issue's heading
        continued += 1
        first = lines[1]
        assert re.match(r"Actor \d+ ", first), first
        assert any(position.label in first for position in Position), first
    assert continued > 3


def test_the_key_follows_its_matrix_on_the_same_page_and_the_titles_are_whole(
    first_author_pdf: tuple[Path, list[str]],
) -> None:
    _, texts = first_author_pdf
    (matrix,) = [t for t in texts if "Key to the issue numbers" in t]
    assert "Issue matrix" in matrix.split("\n", 1)[0]
    key = matrix.split("Key to the issue numbers")[1]
    assert all(f"I{n} " in key for n in range(1, 13))
    title = flat(matrix.split("Actor")[0])
    assert "…" not in title
    assert all(f"T{n} Theme {n - 1}" in title for n in range(1, 13))


def test_on_a_terminal_the_export_shows_its_progress_and_leaves_a_clean_line(
    qapp, tmp_path: Path, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.presentation import terminal

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(terminal, "EVERY", 0.0)
    monkeypatch.setattr(sys, "stderr", Terminal())
    out = tmp_path / "out.pdf"
    assert export_command([str(synthetic), "-o", str(out)]) == 0
    shown = [line.strip() for line in sys.stderr.getvalue().split("\r")]
    assert any(line.startswith("Reading") and "stances.csv" in line for line in shown)
    assert "Laying out: Issue matrix: " in " ".join(shown)
    pages = len(PdfReader(out).pages)
    assert f"Painting page {pages} of {pages}: " in " ".join(shown)
    assert shown[-1] == "" and "\n" not in sys.stderr.getvalue()


def test_when_stderr_is_not_a_terminal_the_export_prints_no_progress(
    qapp, tmp_path: Path, synthetic: Path, capsys
) -> None:
    assert export_command([str(synthetic), "-o", str(tmp_path / "out.pdf")]) == 0
    assert capsys.readouterr().err == ""


def test_every_actor_of_a_briefing_of_many_issues_is_printed(qapp, tmp_path: Path) -> None:
    """Past 120 issues an actor's positions are one paragraph of codes; the last one of each
    piece of the part was once never laid out, and the export failed its completeness check."""
    folder = generate(tmp_path / "many", actors=40, issues=200)
    out = tmp_path / "actors.pdf"
    assert export_command([str(folder), "-o", str(out), "--parts", "actors"]) == 0
    text = "\n".join(page_texts(out))
    assert text.count("Positions (see the matrix key)") == 40
    assert all(f"Actor {n}\n" in text for n in range(40))
