"""Issue 14 point 4: duplicate detection looks only at what the uploader may see (the shared
library and their own private uploads); it never names another user's file and never moves a
document to another owner."""

from __future__ import annotations

import pytest

from spil.kennis.models import Document, Upload
from spil.kennis.tasks import upload_ingest

pytestmark = pytest.mark.django_db

SECRET = b"# Reorganisatie\n\n## Deel 1\n\n(1) Een gevoelig thema\n\xe2\x80\xa2 Nog niet delen.\n"


def _upload(owner, name: str, data: bytes = SECRET, shared: bool = False) -> Upload:
    upload = Upload.objects.create(
        owner=owner, filename=name, data=data, size_bytes=len(data), shared=shared
    )
    upload_ingest(upload_id=upload.pk)
    upload.refresh_from_db()
    return upload


def test_same_bytes_as_another_users_private_file_do_not_reveal_its_name(user, other_user):
    theirs = _upload(other_user, "geheime-reorganisatie.md")
    assert theirs.status == Upload.Status.ADDED

    mine = _upload(user, "mijn-kopie.md")

    assert mine.status == Upload.Status.ADDED, mine.message
    assert "geheime-reorganisatie" not in mine.message
    assert mine.document.owner == user
    assert theirs.document.owner == other_user
    assert Document.objects.filter(owner=other_user).count() == 1


def test_a_reupload_under_the_same_name_never_moves_the_other_users_document(user, other_user):
    theirs = _upload(other_user, "notitie.md")
    _upload(user, "notitie.md")
    again = _upload(user, "notitie.md", data=SECRET + b"\nEen tweede versie.\n")

    theirs.document.refresh_from_db()
    assert theirs.document.owner == other_user
    assert again.document.owner == user
    assert again.status == Upload.Status.REPLACED, again.message
    assert Document.objects.filter(source_name="notitie.md").count() == 2


def test_a_shared_upload_is_not_deduplicated_against_someones_private_file(librarian, other_user):
    _upload(other_user, "prive.md")
    shared = _upload(librarian, "gedeeld.md", shared=True)

    assert shared.status == Upload.Status.ADDED, shared.message
    assert "prive.md" not in shared.message
    assert shared.document.owner is None


def test_duplicates_within_what_the_uploader_sees_are_still_found(user):
    _upload(user, "eerste.md")
    second = _upload(user, "tweede.md")
    assert second.status == Upload.Status.UNCHANGED
    assert "eerste.md" in second.message
