"""Background ingestion of files uploaded in the browser (django-tasks, database backend)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from spil.core.worker import retry_while_locked
from spil.kennis.models import Upload

logger = logging.getLogger(__name__)


@task()
def upload_ingest_task(*, upload_id: int) -> str:
    return upload_ingest(upload_id=upload_id)


def upload_ingest(*, upload_id: int) -> str:
    """Run one queued upload through ingestion and store the outcome on the upload.

    Safe to run twice: an upload that is no longer queued is left alone.
    """
    claimed = Upload.objects.filter(pk=upload_id, status=Upload.Status.QUEUED).update(
        status=Upload.Status.RUNNING
    )
    if not claimed:
        return "skipped"
    # Imported here so the URL conf (which reaches this module) loads without the ingestion stack.
    from spil.kennis.services import document_ingest

    upload = Upload.objects.select_related("owner").get(pk=upload_id)
    try:
        result = document_ingest(
            data=bytes(upload.data),
            filename=upload.filename,
            user=upload.owner,
            owner=None if upload.shared else upload.owner,
            force=upload.reingest,
        )
    except Exception:
        logger.exception("Ingestion of upload %s failed", upload_id)
        _finish(
            upload=upload,
            status=Upload.Status.ERROR,
            message=f"{upload.filename}: het inlezen is door een onverwachte fout mislukt.",
            document=None,
        )
        return Upload.Status.ERROR
    _finish(upload=upload, status=result.status, message=result.message, document=result.document)
    return result.status


def _finish(**kwargs) -> None:
    # A long write elsewhere (a command-line ingestion on SQLite) may briefly lock the
    # database: the outcome is written again after a pause rather than lost.
    retry_while_locked(_finish_once)(**kwargs)


@transaction.atomic
def _finish_once(*, upload: Upload, status: str, message: str, document) -> None:
    upload.status = status
    upload.message = message
    upload.document = document
    upload.finished_at = timezone.now()
    fields = ["status", "message", "document", "finished_at"]
    if document is None:
        # Nothing refers to these bytes: do not keep a failed file around.
        upload.data = b""
        fields.append("data")
    upload.save(update_fields=fields)
    if document is not None:
        # Only the newest copy is needed to read a document in again.
        Upload.objects.filter(document=document).exclude(pk=upload.pk).exclude(
            status__in=[Upload.Status.QUEUED, Upload.Status.RUNNING]
        ).update(data=b"")
