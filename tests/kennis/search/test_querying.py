import pytest

from spil.kennis.models import Section, Unit
from spil.kennis.search import unit_related, unit_search
from spil.kennis.search.indexing import document_index
from tests.kennis.search.factories import build_essay, build_handbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return build_handbook(), build_essay()


def titles(hits):
    return [hit.unit.title for hit in hits]


def test_question_finds_the_theme_by_its_words(library):
    hits = unit_search(query="Wat doe ik als de wethouder een advies tegenhoudt?")
    assert titles(hits)[0] == "Een wethouder die advies tegenhoudt"
    assert hits[0].unit.theme_number == 2
    assert hits[0].unit.document.title == "Handboek voor de praktijk"


def test_compound_in_document_matches_separate_words_in_question(library):
    hits = unit_search(query="hoe bereid ik een vergadering van de raad voor")
    assert titles(hits)[0] == "De raadsvergadering voorbereiden"


def test_synonym_finds_unit_without_the_typed_word(library):
    hits = unit_search(query="samenvoeging van gemeenten")
    assert titles(hits)[0] == "Herindeling van twee gemeenten"
    hits = unit_search(query="burgervader")
    assert titles(hits)[0] == "Samenwerken met de burgemeester"


def test_title_outweighs_a_single_mention_in_a_tip(library):
    # "crisis" is in one title; "calamiteit" (its synonym) in a tip of the same unit only.
    hits = unit_search(query="crisis")
    assert titles(hits) == ["Crisis en rampenbestrijding"]


def test_hits_carry_highlighted_best_passages(library):
    hit = unit_search(query="fusie personeel")[0]
    assert hit.passages, "a hit has its matching passages"
    best = hit.passages[0]
    assert best.kind == "tip"
    assert best.excerpt == "Een **fusie** vraagt om een zorgvuldig plan voor het **personeel**."
    assert hit.snippet == best.excerpt
    assert "<mark>fusie</mark>" in best.excerpt_html
    assert [best.text[s:e] for s, e in best.spans] == ["fusie", "personeel"]


def test_snippet_html_is_escaped(library):
    handbook, _ = library
    unit = Unit.objects.get(document=handbook, theme_number=4)
    unit.passages.create(position=9, kind="paragraph", text="Oefen <script> met de crisisstaf")
    document_index(document=handbook)
    hit = unit_search(query="script crisisstaf")[0]
    html = str(hit.passages[0].excerpt_html)
    assert "<script>" not in html
    assert html == "Oefen &lt;<mark>script</mark>&gt; met de <mark>crisisstaf</mark>"


def test_question_of_only_stopwords_gives_nothing(library):
    assert unit_search(query="hoe kan ik dat doen?") == []
    assert unit_search(query="") == []


def test_top_limits_results(library):
    assert len(unit_search(query="college raad burgemeester wethouder", top=2)) == 2


def test_document_filter(library):
    _handbook, essay = library
    hits = unit_search(query="bestuurder", document_ids=[essay.id])
    assert {hit.unit.document_id for hit in hits} == {essay.id}
    assert unit_search(query="bestuurder", document_ids=[]) == []


def test_section_filter_includes_descendants(library):
    handbook, _essay = library
    part = Section.objects.get(document=handbook, kind="part")
    hits = unit_search(query="college bestuurder", section_ids=[part.id])
    assert hits and all(hit.unit.document_id == handbook.id for hit in hits)


def test_results_are_deterministic(library):
    first = [(h.unit.id, h.score) for h in unit_search(query="wethouder en burgemeester")]
    second = [(h.unit.id, h.score) for h in unit_search(query="wethouder en burgemeester")]
    assert first == second


def test_related_units_exclude_the_unit_itself(library):
    handbook, _ = library
    unit = Unit.objects.get(document=handbook, theme_number=5)
    related = unit_related(unit=unit, top=3)
    assert unit.id not in [hit.unit.id for hit in related]
    assert len(related) <= 3
