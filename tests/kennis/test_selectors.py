import pytest

from spil.kennis import selectors
from spil.kennis.library_services import unit_visit_record
from spil.kennis.models import Section, Unit, Upload
from tests.web.library import NOTITIE, ingest

pytestmark = pytest.mark.django_db


def _theme(document, number: int) -> Unit:
    return document.units.get(theme_number=number)


def test_document_list_counts_themes_units_and_sections():
    werkboek = ingest()
    ingest(NOTITIE, "notitie.md")

    rows = {d.source_name: d for d in selectors.document_list()}

    assert rows["werkboek.md"].theme_count == 5
    assert rows["werkboek.md"].section_count == werkboek.sections.count()
    assert rows["notitie.md"].theme_count == 0
    assert rows["notitie.md"].unit_count == 2
    assert selectors.document_get(document_id=werkboek.id).theme_count == 5
    assert selectors.document_get(document_id=999_999) is None


def test_library_overview_adds_up_all_documents():
    ingest()
    ingest(NOTITIE, "notitie.md")

    overview = selectors.library_overview()

    assert overview.documents == 2
    assert overview.themes == 5
    assert overview.units == Unit.objects.count()


def test_section_tree_nests_parts_chapters_and_themes_in_order():
    document = ingest()

    tree = selectors.section_tree(document=document)

    def flatten(nodes, depth=0):
        for node in nodes:
            yield depth, node
            yield from flatten(node.children, depth + 1)

    flat = list(flatten(tree))
    assert [n.section.position for _d, n in flat] == sorted(n.section.position for _d, n in flat)
    parts = [n for _d, n in flat if n.section.kind == Section.Kind.PART]
    assert [p.section.title for p in parts] == ["Het college", "De organisatie"]
    college_chapters = [c.section.title for c in parts[0].children]
    assert college_chapters == ["Wekelijks overleg", "Spanning in het college"]
    themes = [t.section.number for t in parts[0].children[0].children]
    assert themes == [1, 2]
    # Themes link to their unit; depth grows part -> chapter -> theme.
    theme_node = parts[0].children[0].children[1]
    assert theme_node.unit_id == _theme(document, 2).id
    depths = {n.section.number: d for d, n in flat if n.section.kind == Section.Kind.THEME}
    assert depths[1] == depths[2] > next(d for d, n in flat if n in parts)


def test_section_reading_covers_the_section_and_its_descendants_only():
    document = ingest()
    chapter = document.sections.get(kind=Section.Kind.CHAPTER, title="Wekelijks overleg")

    blocks = selectors.section_reading(section=chapter)

    assert blocks[0].section.title == "Wekelijks overleg"
    assert [b.section.number for b in blocks[1:]] == [1, 2]
    assert [b.depth for b in blocks] == [0, 1, 1]
    tips = blocks[2].runs
    assert [kind for kind, _run in tips] == ["tip"]
    assert len(tips[0][1]) == 4


def test_unit_neighbours_walk_themes_across_chapters():
    document = ingest()

    previous, following = selectors.unit_neighbours(unit=_theme(document, 3))
    first_previous, _ = selectors.unit_neighbours(unit=_theme(document, 1))
    _, last_next = selectors.unit_neighbours(unit=_theme(document, 5))

    assert previous.theme_number == 2
    assert following.theme_number == 4
    assert first_previous is None
    assert last_next is None


def test_unit_chapter_and_citation():
    document = ingest()
    unit = selectors.unit_get(unit_id=_theme(document, 4).id)

    chapter = selectors.unit_chapter(unit=unit)
    citation = selectors.unit_citation(unit=unit)

    assert chapter.title == "Leiding geven"
    assert citation.text == (
        "Werkboek bestuurlijk samenspel, thema 4, ‘Het directieteam op koers houden’."
    )


def test_citation_names_page_when_known():
    citation = selectors.Citation(
        document_title="Handboek", source_name="h.pdf", theme_number=None, title="Inleiding", page=7
    )
    assert citation.text == "Handboek, ‘Inleiding’, p. 7."


def test_citation_names_page_range_when_text_runs_on():
    citation = selectors.Citation(
        document_title="Handboek",
        source_name="h.pdf",
        theme_number=3,
        title="Inleiding",
        page=7,
        last_page=8,
    )
    assert citation.text == "Handboek, thema 3, ‘Inleiding’, pp. 7–8."
    same_page = selectors.Citation(
        document_title="Handboek",
        source_name="h.pdf",
        theme_number=None,
        title="X",
        page=7,
        last_page=7,
    )
    assert same_page.pages == "p. 7"


def test_recently_read_is_per_user_and_newest_first(user, other_user):
    document = ingest()
    unit_visit_record(owner=user, unit=_theme(document, 1))
    unit_visit_record(owner=user, unit=_theme(document, 2))
    unit_visit_record(owner=other_user, unit=_theme(document, 5))
    unit_visit_record(owner=user, unit=_theme(document, 1))

    mine = [v.unit.theme_number for v in selectors.unit_recent_for_user(user=user)]
    theirs = [v.unit.theme_number for v in selectors.unit_recent_for_user(user=other_user)]

    assert mine == [1, 2]
    assert theirs == [5]


def test_chapter_choices_and_descendants():
    document = ingest()
    ingest(NOTITIE, "notitie.md")

    groups = dict(selectors.chapter_choices())
    chapters = groups[document]
    wanted = next(c for c in chapters if c.title == "Spanning in het college")
    ids = selectors.section_descendant_ids(section_ids=[wanted.id])

    assert [c.title for c in chapters][-3:] == [
        "Wekelijks overleg",
        "Spanning in het college",
        "Leiding geven",
    ]
    assert set(Unit.objects.filter(section_id__in=ids).values_list("theme_number", flat=True)) == {
        3
    }


def test_upload_list_is_owner_scoped(user, other_user):
    Upload.objects.create(owner=user, filename="a.md", data=b"x", size_bytes=1)
    Upload.objects.create(owner=other_user, filename="b.md", data=b"y", size_bytes=1)

    assert [u.filename for u in selectors.upload_list_for_user(user=user)] == ["a.md"]
    assert selectors.upload_pending_exists(user=other_user)


def test_upload_list_shows_the_latest_attempt_per_file(user):
    Upload.objects.create(
        owner=user, filename="a.md", data=b"", size_bytes=0, status=Upload.Status.ERROR
    )
    Upload.objects.create(owner=user, filename="b.md", data=b"y", size_bytes=1)
    again = Upload.objects.create(owner=user, filename="a.md", data=b"x", size_bytes=1)

    listed = selectors.upload_list_for_user(user=user)
    assert [u.filename for u in listed] == ["a.md", "b.md"]
    assert listed[0].pk == again.pk
