"""The library's vocabulary for "Bedoelde je …?", built from the stored text and cached.

`query_spelling_correct` is the hook the search calls before it analyses a question: it
returns the corrected question (see `spelling`) or None. The vocabulary is the written words
of the documents the user may see (the shared library plus their own uploads) and the
keywords people added to themes; it is rebuilt when the index statistics or the curation
change, so a new document or keyword is known at once.
"""

from __future__ import annotations

import threading
from collections import Counter

from django.db.models import Q

from spil.kennis.analysis import analyse_query, query_lookup_stems
from spil.kennis.analysis.compounds import BASE_STEMS
from spil.kennis.models import Document, Passage, Unit
from spil.kennis.search import backends
from spil.kennis.search.spelling import (
    Correction,
    Vocabulary,
    candidate_words,
    correct_query,
    text_words,
)

# Vocabularies kept per process: the shared library and a few users with uploads of their own;
# and the word counts of each document, so a change of one document re-reads only that one.
CACHE_SIZE = 8
_cache: dict[tuple, Vocabulary] = {}
_documents: dict[tuple, Counter[str]] = {}
_lock = threading.Lock()


def _curation_version() -> tuple:
    from spil.kennis.curation_selectors import curation_version

    return curation_version()


def _curated_words(document_ids: list[int]) -> list[str]:
    from spil.kennis.curation_selectors import keyword_texts

    return keyword_texts(document_ids=document_ids)


def _document_counts(key: tuple) -> Counter[str]:
    """Word counts of one document (titles and passages), cached by (id, version)."""
    with _lock:
        found = _documents.get(key)
    if found is not None:
        return found
    counts: Counter[str] = Counter()
    document_id = key[0]
    titles = Unit.objects.filter(document_id=document_id).values_list("title", flat=True)
    for title in titles.iterator(chunk_size=2000):
        counts.update(text_words(title))
    texts = Passage.objects.filter(unit__document_id=document_id).values_list("text", flat=True)
    for text in texts.iterator(chunk_size=2000):
        counts.update(text_words(text))
    with _lock:
        for old in [k for k in _documents if k[0] == document_id]:
            del _documents[old]
        _documents[key] = counts
    return counts


def _build(documents: list[tuple]) -> Vocabulary:
    counts: Counter[str] = Counter()
    for key in documents:
        counts.update(_document_counts(key))
    for text in _curated_words([key[0] for key in documents]):
        counts.update(text_words(text))
    return Vocabulary.from_counts(counts)


def spelling_vocabulary(*, user=None) -> Vocabulary:
    """The written words of what `user` may search (no user: the shared library), cached."""
    visible = Q(owner__isnull=True)
    if user is not None and getattr(user, "is_authenticated", False):
        visible |= Q(owner=user)
    documents = [
        (pk, str(updated), checksum)
        for pk, updated, checksum in Document.objects.filter(visible)
        .order_by("id")
        .values_list("id", "updated_at", "checksum")
    ]
    key = (tuple(sorted(backends.stats_read().items())), _curation_version(), tuple(documents))
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    vocabulary = _build(documents)
    with _lock:
        while len(_cache) >= CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = vocabulary
    return vocabulary


# A word the index knows only through compound parts ("herindelling": "her" + "indel...") is
# corrected only when a known word is this close; a real compound the library never uses as
# a whole ("regiosecretaris") is rarely one edit from another word.
COMPOUND_EDITS = 1


def unknown_words(words: list[str]) -> dict[str, int | None]:
    """The words whose own term the search index does not know, with the edits allowed for a
    correction: any (None) when it knows no term of the word at all, COMPOUND_EDITS when it
    knows some of its parts or synonyms."""
    if not words:
        return {}
    lookup: set[str] = set()
    for word in words:
        lookup |= query_lookup_stems(word) | {t.term for t in analyse_query(word, BASE_STEMS)}
    counts = backends.term_units_read(lookup)
    vocabulary = frozenset(counts) | BASE_STEMS
    unknown: dict[str, int | None] = {}
    for word in words:
        terms = analyse_query(word, vocabulary)
        if not terms or counts.get(terms[0].term):
            continue
        partly = any(counts.get(term.term) for term in terms[1:])
        unknown[word] = COMPOUND_EDITS if partly else None
    return unknown


def query_prepare(*, query: str, user=None, correct_spelling: bool = True) -> Correction | None:
    """Before a search: take up the synonyms people maintain, then correct the spelling
    (unless asked not to). Returns the correction, or None when the query stays as typed."""
    from spil.kennis.curation_selectors import synonyms_refresh

    synonyms_refresh()
    return query_spelling_correct(query=query, user=user) if correct_spelling else None


def query_spelling_correct(*, query: str, user=None) -> Correction | None:
    """The query with unknown words replaced by close words of the library, or None."""
    words = candidate_words(query)
    if not words:
        return None
    unknown = unknown_words(words)
    if not unknown:
        return None
    return correct_query(query, unknown=unknown, vocabulary=spelling_vocabulary(user=user))
