from pathlib import Path

import pytest
from django.db import models

from spil.kennis import services
from spil.kennis.extraction import extract_document
from spil.kennis.models import Document, Passage, Section, Unit
from spil.kennis.search import unit_search
from spil.kennis.services import document_delete, document_ingest, document_ingest_batch

pytestmark = pytest.mark.django_db

HANDLEIDING = """# Werkboek voor de nieuwe secretaris

Een korte inleiding die vertelt waarvoor dit werkboek dient.

## Deel 1 Het bestuur

Dit deel gaat over de samenwerking met het college.

(1) Afspraken maken met de burgemeester
• Plan elke week een vast overleg in.
• Spreek af hoe jullie elkaar informeren over gevoelige dossiers.

(2) Omgaan met een nieuwe wethouder
• Neem de tijd voor een kennismaking buiten het gemeentehuis.
• Leg uit hoe de ambtelijke organisatie werkt.
"""


def _ingest(text: str, name: str = "werkboek.md"):
    return document_ingest(data=text.encode("utf-8"), filename=name)


def test_ingest_stores_structure_units_and_passages():
    result = _ingest(HANDLEIDING)

    assert result.status == "added", result.message
    assert "werkboek.md" in result.message
    document = result.document
    assert document.source_name == "werkboek.md"
    assert document.file_type == "md"
    assert len(document.checksum) == 64

    themes = list(document.units.filter(theme_number__isnull=False).order_by("theme_number"))
    assert [t.theme_number for t in themes] == [1, 2]
    assert themes[0].title == "Afspraken maken met de burgemeester"
    assert "Het bestuur" in themes[0].heading_path
    assert [p.kind for p in themes[0].passages.all()] == ["tip", "tip"]
    assert themes[1].passages.first().text.startswith("Neem de tijd")

    # Every passage of the parsed document is stored, in a unit.
    parsed = extract_document(data=HANDLEIDING.encode(), filename="werkboek.md")
    parsed_passages = sum(len(s.passages) for s in parsed.walk())
    assert Passage.objects.filter(unit__document=document).count() == parsed_passages
    assert Section.objects.filter(document=document).count() == len(list(parsed.walk()))
    # The message counts what the library table shows, under the same names.
    sections = Section.objects.filter(document=document).count()
    assert result.message.endswith(f"(2 thema's, {sections} onderdelen).")


def test_reingesting_unchanged_file_changes_nothing():
    first = _ingest(HANDLEIDING)
    before = (
        list(Unit.objects.values_list("id", "title", "index_title")),
        list(Passage.objects.values_list("id", "text")),
        Document.objects.get().updated_at,
    )

    again = _ingest(HANDLEIDING)

    assert again.status == "unchanged"
    assert again.document.pk == first.document.pk
    after = (
        list(Unit.objects.values_list("id", "title", "index_title")),
        list(Passage.objects.values_list("id", "text")),
        Document.objects.get().updated_at,
    )
    assert after == before


def test_same_content_under_other_name_is_not_added_twice():
    _ingest(HANDLEIDING, "werkboek.md")

    result = _ingest(HANDLEIDING, "kopie van werkboek.md")

    assert result.status == "unchanged"
    assert "werkboek.md" in result.message
    assert Document.objects.count() == 1


def test_changed_file_replaces_old_version_and_keeps_document_identity():
    first = _ingest(HANDLEIDING)
    changed = HANDLEIDING.replace(
        "(2) Omgaan met een nieuwe wethouder", "(2) Een wethouder inwerken"
    )

    result = _ingest(changed)

    assert result.status == "replaced"
    assert "vervangen door de nieuwe versie" in result.message
    assert result.document.pk == first.document.pk
    titles = set(Unit.objects.values_list("title", flat=True))
    assert "Een wethouder inwerken" in titles
    assert "Omgaan met een nieuwe wethouder" not in titles
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    "step", ["document_analyse", "index_counts", "_passages_insert", "document_index_store"]
)
def test_failure_while_indexing_leaves_old_version_intact(monkeypatch, step):
    """The analysis or the counting (before the transaction), the passages' insert (after the
    old rows were deleted) or the index writes (inside it) fail."""
    original = _ingest(HANDLEIDING).document
    before = list(Unit.objects.values_list("id", "title", "index_title", "index_tips"))
    found_before = [hit.unit.id for hit in unit_search(query="wethouder inwerken")]
    assert found_before

    def broken(*args, **kwargs):
        raise RuntimeError("index kapot")

    monkeypatch.setattr(services, step, broken)
    with pytest.raises(RuntimeError):
        _ingest(HANDLEIDING + "\n(3) Een derde thema\n• Nog een tip.\n")

    assert list(Unit.objects.values_list("id", "title", "index_title", "index_tips")) == before
    assert Document.objects.get().checksum == original.checksum
    assert [hit.unit.id for hit in unit_search(query="wethouder inwerken")] == found_before


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("leeg.txt", b"", "leeg"),
        ("tabel.xlsx", b"PK\x03\x04 niet ondersteund", "xlsx"),
        ("kapot.pdf", b"%PDF-1.7\n1 0 obj <<", "PDF"),
        ("rommel.txt", bytes(range(256)) * 20, "tekst"),
    ],
)
def test_bad_file_gives_dutch_error_naming_file_and_stores_nothing(name, data, problem):
    result = document_ingest(data=data, filename=name)

    assert result.status == "error"
    assert result.message.startswith(name)
    assert problem.lower() in result.message.lower()
    assert Document.objects.count() == 0
    assert Section.objects.count() == 0


def test_file_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(services, "MAX_BYTES", 1000)

    result = document_ingest(data=b"a" * 1001, filename="groot.txt")

    assert result.status == "error"
    assert result.message.startswith("groot.txt")
    assert "MB" in result.message
    assert Document.objects.count() == 0


def test_batch_reports_per_file_and_bad_file_does_not_stop_the_rest(tmp_path: Path):
    good = tmp_path / "werkboek.md"
    good.write_text(HANDLEIDING, encoding="utf-8")
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "bestaat-niet.txt"
    other = tmp_path / "notitie.txt"
    other.write_text("Notitie over de raad\n\nDe raad vergadert op dinsdag.\n", encoding="utf-8")

    results = document_ingest_batch(paths=[empty, good, missing, other])

    assert [r.status for r in results] == ["error", "added", "error", "added"]
    assert "bestaat-niet.txt" in results[2].message
    assert Document.objects.count() == 2


def test_batch_expands_folders_to_supported_files(tmp_path: Path):
    (tmp_path / "a.md").write_text(HANDLEIDING, encoding="utf-8")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")

    results = document_ingest_batch(paths=[tmp_path])

    assert [r.filename for r in results] == ["a.md"]


def test_delete_removes_document_and_its_rows():
    document = _ingest(HANDLEIDING).document

    document_delete(document=document)

    assert Document.objects.count() == 0
    assert Unit.objects.count() == 0
    assert Passage.objects.count() == 0


def test_seeds_ingest_into_handbook_with_hundred_themes(seeds_dir: Path):
    results = document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))

    assert all(r.status == "added" for r in results), [r.message for r in results]
    handbook = Document.objects.get(source_name="001_6e40dcca81be6401.txt")
    numbers = list(
        handbook.units.filter(theme_number__isnull=False)
        .order_by("position")
        .values_list("theme_number", flat=True)
    )
    assert numbers == list(range(1, 101))
    assert not handbook.units.filter(theme_number__isnull=False, page__isnull=True).exists()
    for document in Document.objects.exclude(pk=handbook.pk):
        assert document.units.count() >= 3, document.source_name

    again = document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    assert {r.status for r in again} == {"unchanged"}


def test_force_reads_an_unchanged_file_again():
    first = _ingest(HANDLEIDING).document
    old_units = set(Unit.objects.values_list("id", flat=True))

    result = document_ingest(data=HANDLEIDING.encode(), filename="werkboek.md", force=True)

    assert result.status == "replaced"
    # The same file read again is no "new version".
    assert "werkboek.md: opnieuw ingelezen (" in result.message
    assert result.document.pk == first.pk
    # Read again, every unit keeps its id, so links and bookmarks keep working.
    assert set(Unit.objects.values_list("id", flat=True)) == old_units
    assert Unit.objects.filter(theme_number=2).count() == 1


def test_new_version_keeps_what_users_have_read(user):
    from django.utils import timezone

    from spil.kennis.models import UnitVisit

    _ingest(HANDLEIDING)
    theme = Unit.objects.get(theme_number=2)
    UnitVisit.objects.create(owner=user, unit=theme, visited_at=timezone.now())

    _ingest(HANDLEIDING + "\n(3) Een derde thema\n• Nog een tip.\n")

    visit = UnitVisit.objects.get(owner=user)
    assert visit.unit.theme_number == 2
    assert visit.unit_id == theme.pk  # the theme kept its address in the new version


def test_unit_records_the_page_its_text_runs_on_to(seeds_dir: Path):
    document_ingest_batch(paths=[seeds_dir / "001_6e40dcca81be6401.txt"])

    themes = Unit.objects.filter(theme_number__isnull=False)
    assert not themes.filter(last_page__lt=models.F("page")).exists()
    for unit in themes:
        pages = [p for p in unit.passages.values_list("page", flat=True) if p is not None]
        assert unit.last_page == max([unit.page, *pages])
    assert themes.filter(last_page__gt=models.F("page")).exists()


def _addresses(document):
    units = {(u.theme_number, u.heading_path): u.id for u in document.units.all()}
    sections = {s.title: s.id for s in document.sections.all()}
    return units, sections


def test_reingesting_keeps_every_theme_and_section_at_its_address():
    from tests.web.library import WERKBOEK, ingest

    document = ingest()
    units, sections = _addresses(document)
    result = document_ingest(data=WERKBOEK.encode(), filename="werkboek.md", force=True)
    assert result.status == "replaced"
    assert _addresses(result.document) == (units, sections)


def test_a_new_version_keeps_the_addresses_of_what_is_still_there():
    from tests.web.library import WERKBOEK, ingest

    document = ingest()
    units, sections = _addresses(document)
    # A new tip in theme 2, a new chapter before chapter 3, and theme 3 renamed.
    changed = (
        WERKBOEK.replace(
            "• Leg vast welke informatie",
            "• Een nieuwe tip over de raad.\n• Leg vast welke informatie",
        )
        .replace(
            "### Hoofdstuk 3 Leiding geven",
            "### Hoofdstuk 3a Nieuw hoofdstuk\n\nEen korte tekst.\n\n### Hoofdstuk 3 Leiding geven",
        )
        .replace("(3) Een conflict tussen twee wethouders", "(3) Twee wethouders in conflict")
    )
    result = document_ingest(data=changed.encode(), filename="werkboek.md")
    assert result.status == "replaced"
    new_units, new_sections = _addresses(result.document)
    by_theme = {theme: uid for (theme, _path), uid in units.items() if theme is not None}
    new_by_theme = {theme: uid for (theme, _p), uid in new_units.items() if theme is not None}
    assert new_by_theme == by_theme  # themes are known by their number, renamed or not
    for title, section_id in sections.items():
        if title in new_sections:
            assert new_sections[title] == section_id, title
    assert new_sections["Hoofdstuk 3a Nieuw hoofdstuk"] not in sections.values()


def test_the_structure_delete_knows_every_relation_that_cascades_from_a_version():
    """_structure_delete replaces Django's cascade collector with plain deletes: a relation
    added later that cascades from sections, units or passages must be added there too."""
    cascading = {
        (model, relation.get_accessor_name())
        for model in (Section, Unit, Passage)
        for relation in model._meta.related_objects
        if relation.on_delete is not models.DO_NOTHING
    }
    assert cascading == services.STRUCTURE_CASCADE


def test_a_replacement_leaves_no_row_of_the_old_version_behind(user):
    from django.utils import timezone

    from spil.kennis.models import UnitVisit

    _ingest(HANDLEIDING)
    old_units = set(Unit.objects.values_list("id", flat=True))
    for unit in Unit.objects.all():
        UnitVisit.objects.create(owner=user, unit=unit, visited_at=timezone.now())
    changed = HANDLEIDING.replace("## Deel 1 Het bestuur", "## Deel 1 Samen besturen").replace(
        "(2) Omgaan met een nieuwe wethouder", "(2) Een wethouder inwerken"
    )

    document = _ingest(changed).document

    fresh = extract_document(data=changed.encode(), filename="werkboek.md")
    assert Section.objects.count() == len(list(fresh.walk()))
    assert Passage.objects.count() == sum(len(s.passages) for s in fresh.walk())
    units = set(Unit.objects.filter(document=document).values_list("id", flat=True))
    assert set(Unit.objects.values_list("id", flat=True)) == units
    assert set(Passage.objects.values_list("unit_id", flat=True)) <= units
    assert units & old_units  # what is still there kept its address...
    assert units - old_units  # ...and the renamed themes are new
    assert set(UnitVisit.objects.values_list("unit_id", flat=True)) <= units
    texts = list(Passage.objects.filter(unit__theme_number=2).values_list("text", "index_words"))
    assert texts and all(words for _text, words in texts)


def _statistics() -> tuple[dict[str, int], dict[str, int]]:
    from django.db import connection

    from spil.kennis.search import backends

    with connection.cursor() as cursor:
        cursor.execute("SELECT term, units FROM kennis_search_term")
        terms = dict(cursor.fetchall())
    return backends.stats_read(), terms


def test_a_replacement_counts_the_statistics_a_full_rebuild_would(monkeypatch):
    """The counts of both versions are made before the transaction (indexing.index_counts);
    a keyword added in between changes a unit's index, which must then be counted again."""
    from spil.kennis.models import UnitKeyword
    from spil.kennis.search.indexing import document_index, index_rebuild

    _ingest(HANDLEIDING)
    UnitKeyword.objects.create(unit=Unit.objects.get(theme_number=1), text="zwembad")
    document_index(document=Document.objects.get())
    counted = services.index_counts

    def counts_then_a_keyword(columns):
        counts = counted(columns)
        unit = Unit.objects.get(theme_number=2)
        if (unit.index_title, unit.index_tips, unit.index_body) in counts:
            # Just after the old version was counted, a beheerder adds a keyword to it.
            UnitKeyword.objects.create(unit=unit, text="fietsenstalling")
            document_index(document=unit.document)
        return counts

    monkeypatch.setattr(services, "index_counts", counts_then_a_keyword)
    changed = HANDLEIDING.replace(
        "(2) Omgaan met een nieuwe wethouder", "(2) Een wethouder inwerken"
    )
    result = _ingest(changed + "\n(3) Een derde thema\n• Fietsen stallen bij het stadhuis.\n")
    assert result.status == "replaced"
    after_replacement = _statistics()

    index_rebuild()

    assert after_replacement == _statistics()
    assert [hit.unit.theme_number for hit in unit_search(query="fietsenstalling")] == [2]
    assert [hit.unit.theme_number for hit in unit_search(query="zwembad")] == [1]
