"""The in-memory lexical index of this process (`lexical_index`), kept in step with the library.

Like the passage vectors (`vectors`), every process keeps its own copy and checks one version
row of the statistics table before a search. Indexing stamps the documents whose units it
(re)wrote (`lexical_changed`, a random stamp so that a rolled-back or restored database is
never mistaken for the one in memory); a process that sees a new version re-reads only the
documents whose stamp differs from its own, and restacks the arrays (`lexical_index`).
Searching threads share the index object, which is never changed once made.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet

from spil.kennis.analysis.compounds import BASE_STEMS
from spil.kennis.models import Unit
from spil.kennis.search import backends
from spil.kennis.search.lexical_index import DocumentPart, LexicalIndex, document_part

VERSION_STAT = backends.LEXICAL_VERSION
DOCUMENT_STAT = backends.LEXICAL_DOCUMENT
LOAD_DOCUMENTS = 20


def lexical_changed(*, document_ids: Iterable[int]) -> None:
    """The index columns of these documents' units were written: every process re-reads them
    before its next search."""
    stamp = random.getrandbits(62) + 1
    values = {f"{DOCUMENT_STAT}{document_id}": stamp for document_id in document_ids}
    backends.stats_set({VERSION_STAT: stamp, **values})


def lexical_removed(*, document_id: int) -> None:
    """The document's units left the index (deleted, or about to be replaced)."""
    backends.stats_set({VERSION_STAT: random.getrandbits(62) + 1})
    backends.stats_delete([f"{DOCUMENT_STAT}{document_id}"])


class _Cache:
    def __init__(self) -> None:
        self.version: int | None = None
        self.index = LexicalIndex([])
        self.parts: dict[int, tuple[int, DocumentPart]] = {}  # document -> (stamp, part)
        self.load_seconds = 0.0


_cache = _Cache()
_lock = threading.Lock()


def _read_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM kennis_search_stat WHERE name = %s", [VERSION_STAT])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _read_stamps() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, value FROM kennis_search_stat WHERE name LIKE %s", [f"{DOCUMENT_STAT}%"]
        )
        rows = cursor.fetchall()
    return {int(name[len(DOCUMENT_STAT) :]): int(value) for name, value in rows}


def _indexed() -> QuerySet[Unit]:
    # An indexed unit's index_title always holds at least the line break before its path.
    return Unit.objects.exclude(index_title="")


def lexical_index() -> LexicalIndex:
    """This process's index, brought up to date with the database first."""
    version = _read_version()
    cache = _cache
    if cache.version == version:
        return cache.index
    # While one thread brings the index up to date, the others search the one they have
    # (a moment behind); only a process without any index yet waits.
    if not _lock.acquire(blocking=cache.version is None):
        return cache.index
    try:
        return _refresh(version)
    finally:
        _lock.release()


def _refresh(version: int) -> LexicalIndex:
    """Re-read the documents whose stamp changed and restack (under _lock)."""
    cache = _cache
    if cache.version == version:
        return cache.index
    start = time.perf_counter()
    # Stamps before units: a document written in between is read newer than its stamp
    # says, and read again at the next version (never older than its stamp).
    stamps = _read_stamps()
    documents = set(_indexed().values_list("document_id", flat=True).distinct())
    parts = {d: item for d, item in cache.parts.items() if d in documents}
    stale = sorted(d for d in documents if d not in parts or parts[d][0] != stamps.get(d, 0))
    # A few documents at a time: the text of a large library never sits in memory whole.
    for start_at in range(0, len(stale), LOAD_DOCUMENTS):
        chunk = stale[start_at : start_at + LOAD_DOCUMENTS]
        rows: dict[int, list] = {d: [] for d in chunk}
        for row in (
            _indexed()
            .filter(document_id__in=chunk)
            .order_by("document_id", "id")
            .values_list(
                "document_id",
                "id",
                "section_id",
                "role",
                "index_title",
                "index_tips",
                "index_body",
            )
            .iterator(chunk_size=2000)
        ):
            rows[row[0]].append(row[1:])
        for document_id in chunk:
            parts[document_id] = (
                stamps.get(document_id, 0),
                document_part(document_id, rows.pop(document_id)),
            )
    if stale or len(parts) != len(cache.parts):
        index = LexicalIndex([parts[d][1] for d in sorted(parts)])
        index.analysis_vocabulary(BASE_STEMS)  # made here, not by the first search
        cache.index = index
    cache.parts = parts
    cache.version = version
    cache.load_seconds = time.perf_counter() - start
    return cache.index


def cache_clear() -> None:
    with _lock:
        _cache.version = None
        _cache.parts = {}
        _cache.index = LexicalIndex([])
