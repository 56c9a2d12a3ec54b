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


def vectors_enqueue_missing() -> int:
    """Queue the vectors of every document that still has units without them: after an
    upgrade that brought semantic search, or when the worker stopped before it was done.
    Building is idempotent, so a task that was already waiting does no harm. Returns the
    number of documents queued."""
    from spil.kennis.models import Unit

    if not getattr(settings, "SPIL_SEARCH_VECTORS", True):
        return 0
    documents = sorted(
        set(Unit.objects.filter(vectors_ready=False).values_list("document_id", flat=True))
    )
    for document_id in documents:
        vectors_enqueue(document_id=document_id)
    return len(documents)
