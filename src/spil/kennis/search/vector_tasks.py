"""Background work for semantic search: the passage vectors of a document (django-tasks).

Ingestion calls `vectors_enqueue` (through `indexing.document_index`); the task runs in the
background worker after the ingestion's transaction has committed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task


@task()
def document_vectors_task(*, document_id: int) -> int:
    from spil.kennis.search.vectors import document_vectors_build

    return document_vectors_build(document_id=document_id)


def vectors_enqueue(*, document_id: int) -> None:
    """Make the document's vectors in the background once the current transaction commits.

    Off when settings.SPIL_SEARCH_VECTORS is false (the test suite: tests that need vectors
    build them directly)."""
    if not getattr(settings, "SPIL_SEARCH_VECTORS", True):
        return
    transaction.on_commit(lambda: document_vectors_task.enqueue(document_id=document_id))
