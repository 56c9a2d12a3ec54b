"""Writes the browser makes to the library: handing in uploads, reading again, reading history."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TASK_MIN_PRIORITY

from spil.kennis.models import Document, Unit, UnitVisit, Upload
from spil.kennis.selectors import upload_latest_with_data
from spil.kennis.tasks import upload_ingest_task


def _fair_priority(upload: Upload) -> int:
    """Round-robin between users: the n-th file a user has waiting gets priority -n, so a file
    of someone else (priority 0) does not wait behind a batch of 45 (django-tasks runs higher
    priority first, then oldest first)."""
    waiting = (
        Upload.objects.filter(
            owner_id=upload.owner_id, status__in=[Upload.Status.QUEUED, Upload.Status.RUNNING]
        )
        .filter(
            Q(created_at__lt=upload.created_at) | Q(created_at=upload.created_at, pk__lt=upload.pk)
        )
        .count()
    )
    return max(TASK_MIN_PRIORITY, -waiting)


def _enqueue(upload: Upload) -> None:
    def send() -> None:
        task = upload_ingest_task.using(priority=_fair_priority(upload))
        result = task.enqueue(upload_id=upload.pk)
        Upload.objects.filter(pk=upload.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(send)


def upload_create(*, owner, files: list[UploadedFile], shared: bool = False) -> list[Upload]:
    """Stage each file and queue it for ingestion; a too-large file is refused on the spot.

    `shared` puts the files in the shared library (bibliotheekbeheerder only); otherwise they
    become private documents of the owner."""
    from spil.core.access import can

    if shared and not can(owner, "add", "kennis.bibliotheek"):
        raise PermissionDenied(
            "Alleen een bibliotheekbeheerder voegt toe aan de gedeelde bibliotheek."
        )
    max_bytes = settings.SPIL_MAX_UPLOAD_BYTES
    batch = uuid.uuid4().hex
    uploads: list[Upload] = []
    with transaction.atomic():
        for uploaded in files:
            filename = Path(uploaded.name or "naamloos").name[:255]
            if uploaded.size > max_bytes:
                uploads.append(
                    Upload.objects.create(
                        owner=owner,
                        filename=filename,
                        shared=shared,
                        batch=batch,
                        data=b"",
                        size_bytes=uploaded.size,
                        status=Upload.Status.ERROR,
                        message=(
                            f"{filename}: het bestand is groter dan "
                            f"{max_bytes // (1024 * 1024)} MB en is niet ingelezen."
                        ),
                        finished_at=timezone.now(),
                    )
                )
                continue
            data = b"".join(uploaded.chunks())
            upload = Upload.objects.create(
                owner=owner,
                filename=filename,
                data=data,
                size_bytes=len(data),
                shared=shared,
                batch=batch,
            )
            _enqueue(upload)
            uploads.append(upload)
    return uploads


def upload_requeue_interrupted() -> int:
    """Queue again the uploads a stopped worker left half-done; called when Spil starts."""
    with transaction.atomic():
        interrupted = list(Upload.objects.filter(status=Upload.Status.RUNNING))
        for upload in interrupted:
            upload.status = Upload.Status.QUEUED
            upload.save(update_fields=["status"])
            _enqueue(upload)
    return len(interrupted)


def upload_reingest(*, owner, document: Document) -> Upload | None:
    """Queue the kept file of a document to be read in again; None when no copy is kept.

    A shared document only by a bibliotheekbeheerder, a private one only by its owner; it
    stays where it is."""
    from spil.kennis.services import document_may

    if not document_may(actor=owner, document=document, action="change"):
        raise PermissionDenied("Geen toegang tot dit document.")
    source = upload_latest_with_data(document=document)
    if source is None:
        return None
    with transaction.atomic():
        upload = Upload.objects.create(
            owner=owner,
            filename=document.source_name,
            data=bytes(source.data),
            size_bytes=source.size_bytes,
            reingest=True,
            shared=document.owner_id is None,
        )
        _enqueue(upload)
    return upload


def unit_visit_record(*, owner, unit: Unit) -> UnitVisit:
    visit, _created = UnitVisit.objects.update_or_create(
        owner=owner, unit=unit, defaults={"visited_at": timezone.now()}
    )
    return visit
