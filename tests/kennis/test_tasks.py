import pytest

from spil.kennis.models import Document, Passage, Unit, Upload
from spil.kennis.tasks import upload_ingest, upload_ingest_task
from tests.web.library import NOTITIE, WERKBOEK, ingest

pytestmark = pytest.mark.django_db


def _queued(user, name: str, data: bytes, **extra) -> Upload:
    return Upload.objects.create(
        owner=user, filename=name, data=data, size_bytes=len(data), **extra
    )


def test_task_ingests_a_queued_upload_and_records_the_outcome(user):
    upload = _queued(user, "werkboek.md", WERKBOEK.encode())

    result = upload_ingest_task.enqueue(upload_id=upload.pk)  # ImmediateBackend in tests

    upload.refresh_from_db()
    assert result.return_value == "added"
    assert upload.status == Upload.Status.ADDED
    assert upload.document.source_name == "werkboek.md"
    assert upload.finished_at is not None
    assert "werkboek.md" in upload.message
    assert bytes(upload.data) == WERKBOEK.encode()  # kept for re-ingest


def test_running_twice_does_nothing_the_second_time(user):
    upload = _queued(user, "werkboek.md", WERKBOEK.encode())

    assert upload_ingest(upload_id=upload.pk) == "added"
    assert upload_ingest(upload_id=upload.pk) == "skipped"
    assert Document.objects.count() == 1


def test_failed_upload_keeps_no_bytes_and_no_document(user):
    upload = _queued(user, "leeg.md", b"")

    status = upload_ingest(upload_id=upload.pk)

    upload.refresh_from_db()
    assert status == "error"
    assert upload.message.startswith("leeg.md")
    assert bytes(upload.data) == b""
    assert not Document.objects.exists()


def test_reingest_replaces_structure_and_keeps_one_copy(user):
    first = _queued(user, "werkboek.md", WERKBOEK.encode())
    upload_ingest(upload_id=first.pk)
    old_units = set(Unit.objects.values_list("id", flat=True))
    again = _queued(user, "werkboek.md", WERKBOEK.encode(), reingest=True)

    status = upload_ingest(upload_id=again.pk)

    first.refresh_from_db()
    assert status == "replaced"
    assert Document.objects.count() == 1
    assert Unit.objects.filter(theme_number__isnull=False).count() == 5
    # Rebuilt, yet every unit keeps its id (address) from before.
    assert old_units == set(Unit.objects.values_list("id", flat=True))
    assert bytes(first.data) == b""
    assert Document.objects.get().checksum  # restored by the new ingestion


def test_failed_reingest_keeps_the_old_version(user):
    document = ingest(NOTITIE, "notitie.md")
    before = (
        Document.objects.get().checksum,
        list(Passage.objects.values_list("id", "text")),
    )
    broken = _queued(user, "notitie.md", b"", reingest=True)

    status = upload_ingest(upload_id=broken.pk)

    assert status == "error"
    assert (
        Document.objects.get(pk=document.pk).checksum,
        list(Passage.objects.values_list("id", "text")),
    ) == before
