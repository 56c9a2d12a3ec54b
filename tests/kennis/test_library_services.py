import pytest

from spil.kennis.library_services import upload_requeue_interrupted
from spil.kennis.models import Document, Upload

pytestmark = pytest.mark.django_db


def test_interrupted_upload_is_queued_again_and_ingested(user, django_capture_on_commit_callbacks):
    text = b"# Notitie\n\nDe raad vergadert op dinsdag over de begroting.\n"
    upload = Upload.objects.create(
        owner=user,
        filename="notitie.md",
        data=text,
        size_bytes=len(text),
        status=Upload.Status.RUNNING,
    )
    done = Upload.objects.create(
        owner=user, filename="oud.md", data=b"", size_bytes=0, status=Upload.Status.ERROR
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert upload_requeue_interrupted() == 1

    upload.refresh_from_db()
    assert upload.status == "added"
    assert Document.objects.filter(source_name="notitie.md").exists()
    done.refresh_from_db()
    assert done.status == Upload.Status.ERROR
