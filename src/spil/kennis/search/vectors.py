"""Passage vectors: made after ingestion, stored with the passages, kept in memory for search.

- `document_vectors_build` embeds the passages of a document's units that are not ready yet,
  a few units per short transaction (the web never waits long behind the worker); it runs in
  the background worker (`vector_tasks`) or in `spil herindexeer`.
- A document takes part in semantic search once all its units are ready; until then it is
  searched lexically only.
- Every process keeps the vectors of ready documents in one float32 matrix, reloaded when the
  version row in the statistics table changes (bumped when a document becomes ready, and
  when vectors are removed).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from spil.kennis.models import Document, Passage, Unit
from spil.kennis.search import backends, embedding

logger = logging.getLogger("spil.kennis.search")

VERSION_STAT = "vectors_version"
UNITS_PER_TRANSACTION = 8
CHUNK_WORDS = 120


def version_bump() -> None:
    backends.stats_add({VERSION_STAT: 1})


def _version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM kennis_search_stat WHERE name = %s", [VERSION_STAT])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def passage_chunks(title: str, passages: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(first passage id, text to embed) per run of consecutive passages of about
    CHUNK_WORDS words: a tip of one line says little on its own, its neighbours give context
    (measured on the dev sets: as good as or better than single passages, half the vectors)."""
    chunks: list[tuple[int, str]] = []
    first, texts, words = None, [], 0
    for passage_id, text in passages:
        length = len(text.split())
        if texts and words + length > CHUNK_WORDS:
            chunks.append((first, embedding.passage_text(title, " ".join(texts))))
            texts, words = [], 0
        if not texts:
            first = passage_id
        texts.append(text)
        words += length
    if texts:
        chunks.append((first, embedding.passage_text(title, " ".join(texts))))
    return chunks  # type: ignore[return-value]


def document_vectors_build(*, document_id: int) -> int:
    """Make the missing vectors of one document; returns the number of units made ready.

    A vector is stored on the first passage of its chunk (the others keep none). Safe to run
    twice or after an interruption: only units not ready yet are done. Without a model
    nothing changes (search stays lexical) and 0 is returned.
    """
    done = 0
    while True:
        units = list(
            Unit.objects.filter(document_id=document_id, vectors_ready=False)
            .order_by("position")
            .only("id", "title")[:UNITS_PER_TRANSACTION]
        )
        if not units:
            return done
        by_unit: dict[int, list[tuple[int, str]]] = {unit.id: [] for unit in units}
        for passage_id, unit_id, text in (
            Passage.objects.filter(unit__in=units)
            .order_by("unit_id", "position")
            .values_list("id", "unit_id", "text")
        ):
            by_unit[unit_id].append((passage_id, text))
        chunks = [
            (unit.id, first, text)
            for unit in units
            for first, text in passage_chunks(unit.title, by_unit[unit.id])
        ]
        vectors = embedding.passage_vectors([text for _, _, text in chunks])
        if vectors is None:
            return done
        with transaction.atomic():
            # The units may have been replaced meanwhile (re-ingestion): write only what exists.
            alive = set(
                Unit.objects.filter(id__in=by_unit, vectors_ready=False).values_list(
                    "id", flat=True
                )
            )
            if not alive:
                continue
            Passage.objects.filter(unit_id__in=alive).update(vector=None)
            Passage.objects.bulk_update(
                [
                    Passage(id=first, vector=embedding.vector_bytes(vector))
                    for (unit_id, first, _), vector in zip(chunks, vectors, strict=True)
                    if unit_id in alive
                ],
                ["vector"],
                batch_size=200,
            )
            Unit.objects.filter(id__in=alive).update(vectors_ready=True)
            # Searches use a document once all its units are ready: only then does the
            # in-memory matrix change (and every process reload it).
            if not Unit.objects.filter(document_id=document_id, vectors_ready=False).exists():
                version_bump()
        done += len(alive)


def vectors_reset(*, document: Document | None = None) -> None:
    """Forget vectors (all, or one document's) so that they are made again."""
    units = Unit.objects.all() if document is None else Unit.objects.filter(document=document)
    Passage.objects.filter(unit__in=units).update(vector=None)
    units.update(vectors_ready=False)
    version_bump()


@dataclass(frozen=True)
class VectorProgress:
    ready: int
    total: int


def vector_progress(*, document_ids: list[int] | None = None) -> VectorProgress:
    units = Unit.objects.all()
    if document_ids is not None:
        units = units.filter(document_id__in=document_ids)
    return VectorProgress(ready=units.filter(vectors_ready=True).count(), total=units.count())


@dataclass(frozen=True)
class _Matrix:
    version: int
    units: np.ndarray  # unit id per row, rows grouped by unit
    passages: np.ndarray  # id of the (first) passage of each row
    documents: np.ndarray  # document id per row
    starts: np.ndarray  # first row of each unit group
    vectors: np.ndarray  # float32, one row per passage


_cache: dict[str, _Matrix] = {}
_cache_lock = threading.Lock()


def _matrix() -> _Matrix:
    version = _version()
    current = _cache.get("matrix")
    if current is not None and current.version == version:
        return current
    with _cache_lock:
        current = _cache.get("matrix")
        if current is not None and current.version == version:
            return current
        pending = set(
            Unit.objects.filter(vectors_ready=False).values_list("document_id", flat=True)
        )
        rows = [
            row
            for row in Passage.objects.filter(vector__isnull=False)
            .order_by("unit_id", "position")
            .values_list("unit_id", "unit__document_id", "vector", "id")
            if row[1] not in pending
        ]
        vectors = np.zeros((len(rows), embedding.DIMENSIONS), dtype=np.float32)
        for index, (_, _, data, _) in enumerate(rows):
            vectors[index] = embedding.vector_from_bytes(data)
        units = np.array([row[0] for row in rows], dtype=np.int64)
        starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]]) if len(units) else units
        current = _Matrix(
            version=version,
            units=units,
            passages=np.array([row[3] for row in rows], dtype=np.int64),
            documents=np.array([row[1] for row in rows], dtype=np.int64),
            starts=starts,
            vectors=vectors,
        )
        _cache["matrix"] = current
        return current


def vectors_present() -> bool:
    """Whether any document is ready for semantic search (else: no query embedding)."""
    return bool(len(_matrix().units))


def dense_unit_scores(
    query_vector: np.ndarray, *, document_ids: list[int] | None
) -> dict[int, float]:
    """Unit id -> cosine of its best passage, for the ready units of `document_ids` (None:
    all documents)."""
    matrix = _matrix()
    if not len(matrix.units):
        return {}
    similarities = matrix.vectors @ query_vector
    best = np.maximum.reduceat(similarities, matrix.starts)
    unit_ids = matrix.units[matrix.starts]
    if document_ids is not None:
        keep = np.isin(matrix.documents[matrix.starts], np.array(document_ids, dtype=np.int64))
        best, unit_ids = best[keep], unit_ids[keep]
    return dict(zip(unit_ids.tolist(), best.tolist(), strict=True))


@dataclass(frozen=True)
class DenseCandidates:
    scores: dict[int, float]  # unit id -> best cosine, for the closest units and `keep`
    floor: float  # upper quartile of all searched units' cosines


def dense_candidates(
    query_vector: np.ndarray,
    *,
    document_ids: list[int] | None,
    unit_ids: set[int] | None = None,
    keep: set[int] | frozenset[int] = frozenset(),
    closest: int = 50,
) -> DenseCandidates | None:
    """What the blend needs, computed in numpy over the whole library: the `closest` units,
    the units in `keep` (the lexical candidates), and the quartile that scales the rest.
    `unit_ids` narrows to those units (a chapter filter). None when nothing is searchable."""
    matrix = _matrix()
    if not len(matrix.units):
        return None
    best = np.maximum.reduceat(matrix.vectors @ query_vector, matrix.starts)
    ids = matrix.units[matrix.starts]
    mask = None
    if document_ids is not None:
        mask = np.isin(matrix.documents[matrix.starts], np.array(document_ids, dtype=np.int64))
    if unit_ids is not None:
        inside = np.isin(ids, np.fromiter(unit_ids, dtype=np.int64, count=len(unit_ids)))
        mask = inside if mask is None else mask & inside
    if mask is not None:
        best, ids = best[mask], ids[mask]
    if not len(ids):
        return None
    count = min(closest, len(ids))
    top = np.argpartition(-best, count - 1)[:count]
    chosen = set(top.tolist())
    if keep:
        chosen.update(np.flatnonzero(np.isin(ids, np.fromiter(keep, dtype=np.int64))).tolist())
    order = sorted(chosen)
    return DenseCandidates(
        scores=dict(zip(ids[order].tolist(), best[order].tolist(), strict=True)),
        floor=float(np.quantile(best, 0.75)) if len(best) > 1 else float(best.max()),
    )


def dense_best_passages(query_vector: np.ndarray, unit_ids: list[int]) -> dict[int, int]:
    """Unit id -> id of the passage that starts the chunk closest to the query."""
    matrix = _matrix()
    found: dict[int, int] = {}
    if not len(matrix.units) or not unit_ids:
        return found
    group_of = {int(u): i for i, u in enumerate(matrix.units[matrix.starts])}
    ends = np.r_[matrix.starts[1:], len(matrix.units)]
    for unit_id in unit_ids:
        group = group_of.get(unit_id)
        if group is None:
            continue
        start, end = matrix.starts[group], ends[group]
        best = start + int(np.argmax(matrix.vectors[start:end] @ query_vector))
        found[unit_id] = int(matrix.passages[best])
    return found


def cache_clear() -> None:
    _cache.clear()
