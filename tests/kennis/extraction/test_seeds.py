"""Acceptance on the five seed documents in ../shared/seeds (skipped when absent).

Nothing of their text is written here: the tests read the files and check properties."""

import re
from collections import Counter

import pytest

from spil.kennis.extraction import extract_document
from spil.kennis.extraction.cleaning import HYPHEN_PREFIXES, normalise_text
from spil.kennis.extraction.structure import PREAMBLE_TITLE

pytestmark = pytest.mark.seeds

HANDBOOK = "001_6e40dcca81be6401.txt"
ESSAY = "004_7aeb29d9ba291087.txt"
OTHERS = ["000_2010352f855a11d8.txt", "002_a565d38ea4c0cee5.txt", "003_6f3e811018b71c39.txt"]
ALL = [HANDBOOK, ESSAY, *OTHERS]
FUNCTION_WORDS = {"de", "het", "een", "en", "of", "van", "in", "op", "aan", "met", "voor", "te"}


def parse(seeds_dir, name):
    return extract_document(data=(seeds_dir / name).read_bytes(), filename=name)


def paths(document):
    """(section, list of ancestors) for every section."""
    result = []

    def visit(section, ancestors):
        result.append((section, ancestors))
        for child in section.children:
            visit(child, [*ancestors, section])

    for top in document.sections:
        visit(top, [])
    return result


def test_handbook_has_exactly_100_themes_in_order(seeds_dir):
    document = parse(seeds_dir, HANDBOOK)
    themes = [s for s in document.walk() if s.kind == "theme"]
    assert [t.number for t in themes] == list(range(1, 101))
    assert all(t.label == f"({t.number})" for t in themes)


def test_handbook_themes_have_full_titles_tips_and_pages(seeds_dir):
    document = parse(seeds_dir, HANDBOOK)
    themes = [s for s in document.walk() if s.kind == "theme"]
    for theme in themes:
        words = theme.title.split()
        assert 1 <= len(words) <= 16, theme.number
        # a title cut off at its line wrap ends on a function word; its remainder would
        # then open the first passage in lower case
        assert words[-1].lower() not in FUNCTION_WORDS, theme.number
        assert theme.passages, theme.number
        assert not theme.passages[0].text[:1].islower(), theme.number
        assert any(p.kind == "tip" for p in theme.passages), theme.number
        assert theme.page is not None
    pages = [t.page for t in themes]
    assert pages == sorted(pages)
    assert pages[-1] - pages[0] > 50  # spread over the book, not all on one page


def test_handbook_themes_hang_under_part_and_chapter(seeds_dir):
    document = parse(seeds_dir, HANDBOOK)
    for section, ancestors in paths(document):
        if section.kind == "theme":
            kinds = [a.kind for a in ancestors]
            assert kinds == ["part", "chapter"], (section.number, kinds)
            assert all(a.title for a in ancestors)
    parts = [s for s in document.walk() if s.kind == "part"]
    chapters = [s for s in document.walk() if s.kind == "chapter"]
    assert 4 <= len(parts) <= 8
    assert len(chapters) >= 15


def test_handbook_has_no_running_header_text_inside_units(seeds_dir):
    document = parse(seeds_dir, HANDBOOK)
    assert document.removed_lines, "the handbook prints running headers; they must be found"
    header_texts = {re.sub(r"\d+", "", line).strip() for line in document.removed_lines}
    running = re.compile(r"\d{1,3} ?[A-Z]{3,}(?: [A-Z]{2,}){2,}|[A-Z]{3,}(?: [A-Z]{2,}){2,} ?\d")
    for section in document.walk():
        texts = [section.title] + [p.text for p in section.passages]
        for text in texts:
            assert not running.search(text), text[:80]
            for header in header_texts:
                assert header not in text, text[:80]
    assert document.title  # from the running header, the book's title
    assert not document.title.isupper()


def test_handbook_rejoins_words_split_over_lines(seeds_dir):
    document = parse(seeds_dir, HANDBOOK)
    text = " ".join(p.text for s in document.walk() for p in s.passages)
    words = Counter(re.findall(r"[a-zà-ÿ]+", text.lower()))
    # the compound the profession is named after must never come out in two pieces
    assert words["gemeentesecretaris"] + words["gemeentesecretarissen"] > 50
    split = re.findall(r"\bgemeente (?:secretaris|secretarissen)\b", text.lower())
    assert split == []


def test_essay_chapters_and_sections(seeds_dir):
    document = parse(seeds_dir, ESSAY)
    chapters = [s for s in document.walk() if s.kind == "chapter" and s.label]
    assert [c.label for c in chapters] == ["1", "2", "3", "4", "5"]
    labelled = [s.label for c in chapters for s in c.children if s.label]
    assert labelled[:3] == ["1.1", "1.2", "1.3"]
    assert {"2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.5", "5.1", "5.2"} <= set(labelled)
    time_split = [s for s in document.walk() if "tijdverdeling" in s.title.lower()]
    assert len(time_split) == 1
    section = time_split[0]
    assert section.kind == "section" and section.label == "2.1"
    assert len([p for p in section.passages if p.kind == "paragraph"]) >= 5


def test_essay_reflection_tables_are_rows_of_their_sections(seeds_dir):
    document = parse(seeds_dir, ESSAY)
    by_label = {s.label: s for s in document.walk() if s.label}
    for label in ("2.5", "3.5", "4.5"):
        rows = [p for p in by_label[label].passages if p.kind == "table_row"]
        assert len(rows) >= 4, label
        assert all(" | " in row.text for row in rows)
    footnotes = [p for s in document.walk() for p in s.passages if p.kind == "footnote"]
    assert len(footnotes) >= 30
    body = [p.text for s in document.walk() for p in s.passages if p.kind == "paragraph"]
    assert not any(re.match(r"\d{1,2} [A-Z][a-z]+, [A-Z]\.", text) for text in body)


@pytest.mark.parametrize("name", OTHERS)
def test_other_documents_are_split_into_sensible_sections(seeds_dir, name):
    document = parse(seeds_dir, name)
    sections = [s for s in document.walk() if s.kind != "preamble"]
    assert len(sections) >= 3
    sizes = [sum(len(p.text) for p in s.passages) for s in document.walk()]
    assert max(sizes) < 0.7 * sum(sizes)
    for section in sections:
        assert len(section.title.split()) <= 16
        assert not section.title.endswith((".", ","))


def _alnum(text: str) -> Counter:
    return Counter(ch for ch in text.lower() if ch.isalnum())


@pytest.mark.parametrize("name", ALL)
def test_no_text_is_lost(seeds_dir, name):
    """Every letter and digit of the input, minus the removed running headers, appears in
    exactly one title, label or passage. (Hyphens at line breaks may go; letters may not.)"""
    raw = normalise_text((seeds_dir / name).read_text(encoding="utf-8"))
    document = parse(seeds_dir, name)
    # markup in the Markdown-like seed is not text: link targets, autolink brackets, tags
    raw = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", raw)
    raw = re.sub(r"<[^>]+>", " ", raw)
    raw = re.sub(r"\]\([^)]*\)", "]", raw)
    for line in document.removed_lines:
        raw = raw.replace(line, " ", 1)
    out = []
    for section in document.walk():
        if section.title != PREAMBLE_TITLE:  # the one title the document does not print
            out += [section.title, section.label]
        out += [p.text for p in section.passages]
    expected, got = _alnum(raw), _alnum(" ".join(out))
    assert expected - got == Counter(), "text lost"
    assert got - expected == Counter(), "text duplicated"


@pytest.mark.parametrize("name", OTHERS)
def test_hyphen_after_a_first_part_that_takes_one_survives_a_line_break(seeds_dir, name):
    raw = normalise_text((seeds_dir / name).read_text(encoding="utf-8"))
    prefixes = "|".join(sorted(HYPHEN_PREFIXES))
    breaks = re.findall(rf"\b({prefixes})-[ \t]*\n\s*([a-zà-ÿ]{{3,}})\b", raw, re.IGNORECASE)
    if name == OTHERS[1]:
        assert breaks, "this seed breaks such a compound over two lines"
    document = parse(seeds_dir, name)
    text = " ".join(p.text for s in document.walk() for p in s.passages).lower()
    for head, tail in breaks:
        assert f"{head}-{tail}".lower() in text
        assert f"{head}{tail}".lower() not in text


@pytest.mark.parametrize("name", ALL)
def test_front_matter_holds_no_sections(seeds_dir, name):
    document = parse(seeds_dir, name)
    for section in document.walk():
        if section.kind == "preamble":
            assert section.children == [], section.title
            assert section in document.sections
    contents = [s for s in document.walk() if s.title.lower() in {"inhoud", "inhoudsopgave"}]
    assert all(s.kind == "preamble" for s in contents)


def test_essay_table_of_contents_and_back_matter_are_no_chapters(seeds_dir):
    document = parse(seeds_dir, ESSAY)
    chapters = [s for s in document.walk() if s.kind == "chapter"]
    assert [c.label for c in chapters] == ["1", "2", "3", "4", "5"]
    contents = [s for s in document.sections if s.title.lower() == "inhoudsopgave"]
    assert len(contents) == 1 and len(contents[0].passages) >= 10
    # its entries repeat the chapter titles; they are no advice
    assert all(p.kind == "paragraph" for p in contents[0].passages)
    last = document.sections.index(chapters[-1])
    back = document.sections[last + 1 :]
    assert len(back) >= 2
    assert all(s.kind == "section" and not s.label for s in back)


def test_text_without_a_title_line_is_named_after_its_first_chapter(seeds_dir):
    name = OTHERS[2]
    document = parse(seeds_dir, name)
    stem = name.rsplit(".", 1)[0]
    assert not any(part in document.title for part in re.split(r"[_\s]+", stem))
    first_chapter = next(s for s in document.walk() if s.kind == "chapter")
    assert document.title == first_chapter.title


def test_short_essay_sections_stand_at_the_top_level(seeds_dir):
    document = parse(seeds_dir, OTHERS[1])
    assert document.sections[0].kind == "preamble"
    headed = document.sections[1:]
    assert len(headed) >= 3
    assert all(s.kind != "preamble" for s in headed)
    assert not any(section in headed for top in headed for section in list(top.walk())[1:])
