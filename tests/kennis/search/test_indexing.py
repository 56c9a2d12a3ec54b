import pytest

from spil.kennis.models import Unit
from spil.kennis.search import backends, unit_search
from spil.kennis.search.indexing import document_index, document_unindex, index_rebuild
from spil.kennis.search.lexical import lexical_index
from tests.kennis.search.factories import build_essay, build_handbook

pytestmark = pytest.mark.django_db


def test_index_fills_shadow_columns_with_analysed_text():
    document = build_handbook()
    unit = Unit.objects.get(document=document, theme_number=3)
    title_line, path_line = unit.index_title.split("\n")
    assert title_line.split() == ["raadsvergader", "rad", "vergader", "voorbereid"]
    assert path_line.split() == ["del", "bestur"]
    assert len(unit.index_tips.split("\n")) == 2  # one line per tip
    assert unit.index_body == ""


def test_term_statistics_follow_index_and_unindex():
    handbook = build_handbook()
    build_essay()
    assert backends.stats_read()["units"] == 8
    assert backends.term_units_read(["wethouder"]) == {"wethouder": 1}
    document_unindex(document=handbook)
    assert backends.stats_read()["units"] == 2
    assert backends.term_units_read(["wethouder", "bestuurder"]) == {"bestuurder": 1}
    assert unit_search(query="crisis oefenen") == []


def test_reindex_does_not_count_twice():
    handbook = build_handbook()
    before = backends.stats_read()
    document_index(document=handbook)
    assert backends.stats_read() == before


def test_the_units_leave_the_index_with_their_document():
    handbook = build_handbook()
    ids = list(Unit.objects.filter(document=handbook).values_list("id", flat=True))
    found = unit_search(query="crisis")
    assert len(found) == 1 and found[0].unit.id in ids
    document_unindex(document=handbook)
    assert unit_search(query="crisis") == []
    assert lexical_index().units == 0


def test_deleting_after_unindex_leaves_search_consistent():
    handbook = build_handbook()
    essay = build_essay()
    document_unindex(document=handbook)
    handbook.delete()
    hits = unit_search(query="sociale media bestuurder")
    assert [hit.unit.document_id for hit in hits] == [essay.id]


def test_rebuild_restores_drifted_statistics():
    build_handbook()
    build_essay()
    expected_stats = backends.stats_read()
    expected_terms = backends.term_units_read(["wethouder", "crisis", "tijdverdel"])
    # Simulate drift: units deleted behind the index's back, statistics off.
    backends.stats_add({"units": 40, "len_body": 1000})
    backends.term_units_add({"crisis": 7}, 1)

    assert index_rebuild() == 8

    assert backends.stats_read() == expected_stats
    assert backends.term_units_read(["wethouder", "crisis", "tijdverdel"]) == expected_terms
    assert [hit.unit.title for hit in unit_search(query="crisis")] == [
        "Crisis en rampenbestrijding"
    ]
