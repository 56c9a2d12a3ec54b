"""The process's in-memory lexical index: in step with indexing, consistent with the corpus
statistics, read again per changed document only, shared safely between threads."""

import threading

import pytest
from django.db import connection

from spil.kennis.analysis import analyse_query, query_lookup_stems
from spil.kennis.analysis.compounds import BASE_STEMS
from spil.kennis.curation_services import unit_keyword_add
from spil.kennis.models import Unit
from spil.kennis.search import backends, lexical, unit_search
from spil.kennis.search.indexing import document_unindex, index_rebuild
from spil.kennis.search.querying import _query_terms
from spil.kennis.search.ranking import rank
from tests.kennis.search.factories import build_essay, build_handbook

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "Wat doe ik als de wethouder een advies tegenhoudt?",
    "hoe bereid ik een vergadering van de raad voor",
    "samenvoeging van gemeenten en het personeel",
    "crisis oefenen met het beleidsteam",
    "cultuurverandering in de organisatie",
    "tijdverdeling en sociale media",
]


def titles(hits):
    return [hit.unit.title for hit in hits]


def test_the_index_follows_indexing_and_unindexing():
    handbook = build_handbook()
    assert titles(unit_search(query="crisis oefenen"))[0] == "Crisis en rampenbestrijding"
    assert unit_search(query="sociale media") == []
    build_essay()
    assert titles(unit_search(query="sociale media"))[0] == "Sociale media"
    document_unindex(document=handbook)
    assert unit_search(query="crisis oefenen") == []
    assert lexical.lexical_index().units == 2


def test_only_changed_documents_are_read_again():
    handbook = build_handbook()
    lexical.lexical_index()
    part = lexical._cache.parts[handbook.id][1]
    essay = build_essay()
    index = lexical.lexical_index()
    assert lexical._cache.parts[handbook.id][1] is part
    assert set(lexical._cache.parts) == {handbook.id, essay.id}
    assert lexical.lexical_index() is index  # no change: the same object


def test_a_keyword_is_findable_at_once(user):
    handbook = build_handbook()
    unit = Unit.objects.get(document=handbook, theme_number=6)
    assert unit_search(query="mentaliteit") == []
    unit_keyword_add(actor=None, unit=unit, text="mentaliteit")
    assert titles(unit_search(query="mentaliteit")) == [unit.title]


def test_statistics_agree_with_the_tables():
    build_handbook()
    build_essay()
    index = lexical.lexical_index()
    stored = backends.stats_read()
    assert index.units == stored["units"]
    for position, name in enumerate(("title", "path", "tips", "body")):
        assert index.length_totals[position] == stored[f"len_{name}"]
    assert backends.term_units_read(index.terms) == {t: index.unit_count(t) for t in index.terms}


def test_rebuild_and_an_index_without_stamps_load_the_same_library():
    build_handbook()
    build_essay()
    before = [(h.unit.id, h.score) for h in unit_search(query=QUESTIONS[0])]
    index_rebuild()
    assert [(h.unit.id, h.score) for h in unit_search(query=QUESTIONS[0])] == before
    # A library indexed before the in-memory index existed has no stamps: all is read.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM kennis_search_stat WHERE name LIKE 'lexical%%'")
    lexical.cache_clear()
    assert [(h.unit.id, h.score) for h in unit_search(query=QUESTIONS[0])] == before


def test_one_analysis_gives_the_terms_of_the_two_step_lookup():
    build_handbook()
    build_essay()
    for question in QUESTIONS:
        preliminary = analyse_query(question, BASE_STEMS)
        lookup = query_lookup_stems(question) | {term.term for term in preliminary}
        counts = backends.term_units_read(lookup)
        expected = [
            t for t in analyse_query(question, frozenset(counts) | BASE_STEMS) if counts.get(t.term)
        ]
        assert _query_terms(question)[0] == expected


def test_every_indexed_unit_is_scored_as_the_reference_scores_it():
    build_handbook()
    build_essay()
    index = lexical.lexical_index()
    columns = {
        row[0]: row[1:]
        for row in Unit.objects.values_list("id", "index_title", "index_tips", "index_body")
    }
    for question in QUESTIONS:
        terms, _ = _query_terms(question)
        stats = index.stats({t.term for t in terms})
        expected = rank(columns, terms, stats)
        found = index.score(terms, stats).ranked(None, None)
        assert [(r.key, r.passages) for r in found] == [(r.key, r.passages) for r in expected]
        assert [r.score for r in found] == pytest.approx([r.score for r in expected], rel=1e-9)


@pytest.mark.django_db(transaction=True)
def test_threads_share_one_index_built_once(monkeypatch):
    build_handbook()
    build_essay()
    lexical.cache_clear()
    built = []
    original = lexical.document_part

    def counting(document_id, rows):
        built.append(document_id)
        return original(document_id, rows)

    monkeypatch.setattr(lexical, "document_part", counting)
    found, errors = [], []
    start = threading.Barrier(6)

    def search():
        try:
            start.wait()
            index = lexical.lexical_index()
            found.append((id(index), tuple(titles(unit_search(query=QUESTIONS[3])))))
        except Exception as error:  # reported below, a thread cannot fail the test itself
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=search) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(found) == 6 and len(set(found)) == 1
    assert found[0][1][0] == "Crisis en rampenbestrijding"
    assert sorted(built) == sorted(set(built)) and len(built) == 2


@pytest.mark.seeds
def test_on_the_real_documents_every_unit_is_scored_as_the_reference_scores_it(seeds_dir):
    import json

    from spil.kennis.services import document_ingest_batch
    from tests.conftest import SHARED_DIR

    results = document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    assert all(result.ok for result in results)
    index = lexical.lexical_index()
    columns = {
        row[0]: row[1:]
        for row in Unit.objects.values_list("id", "index_title", "index_tips", "index_body")
    }
    lines = (SHARED_DIR / "eval" / "dev-questions.jsonl").read_text("utf-8").splitlines()
    for line in lines:
        terms, _ = _query_terms(json.loads(line)["q"])
        stats = index.stats({t.term for t in terms})
        expected = rank(columns, terms, stats)
        found = index.score(terms, stats).ranked(None, None)
        assert [(r.key, r.passages) for r in found] == [(r.key, r.passages) for r in expected]
        assert [r.score for r in found] == pytest.approx([r.score for r in expected], rel=1e-9)


def test_while_another_thread_refreshes_a_search_uses_the_index_it_has():
    build_handbook()
    index = lexical.lexical_index()
    build_essay()
    with lexical._lock:  # as if another thread were reading the new document
        assert lexical.lexical_index() is index
    assert lexical.lexical_index().units == index.units + 2
