"""The library's vocabulary for "Bedoelde je …?": what counts as unknown, what is known, and
that a change of the library or its keywords is known at the next search."""

from __future__ import annotations

import pytest

from spil.kennis.curation_services import unit_keyword_add
from spil.kennis.search.spelling_index import (
    query_spelling_correct,
    spelling_vocabulary,
    unknown_words,
)
from tests.web.library import NOTITIE, ingest

pytestmark = pytest.mark.django_db


def test_words_with_a_known_stem_or_synonym_are_not_unknown():
    ingest()
    unknown = unknown_words(["wethouders", "bezuinigen", "wethouer", "zwembad"])
    assert set(unknown) == {"wethouer", "zwembad"}
    assert unknown["wethouer"] is None  # nothing of it is known: any close word will do


def test_a_new_document_and_a_new_keyword_are_known_at_the_next_search():
    werkboek = ingest()
    assert query_spelling_correct(query="grifie") is None
    ingest(NOTITIE, "notitie.md")  # mentions the griffie
    correction = query_spelling_correct(query="grifie")
    assert correction is not None and correction.query == "griffie"

    assert query_spelling_correct(query="zwembda") is None
    unit_keyword_add(actor=None, unit=werkboek.units.get(theme_number=5), text="zwembad")
    assert query_spelling_correct(query="zwembda").query == "zwembad"


def test_private_words_are_suggested_to_their_owner_only(user, other_user):
    ingest()
    private = ingest(NOTITIE, "notitie.md")
    private.owner = user
    private.save()
    assert "griffie" in spelling_vocabulary(user=user)
    assert "griffie" not in spelling_vocabulary(user=other_user)
    assert "griffie" not in spelling_vocabulary()
    assert query_spelling_correct(query="grifie", user=other_user) is None
