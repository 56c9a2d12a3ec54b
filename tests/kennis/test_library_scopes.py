"""Shared library and private uploads: who sees, finds, replaces and removes what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from spil.core.models import AuditEntry
from spil.kennis.models import Document, Upload
from spil.kennis.search import unit_search
from spil.kennis.services import document_ingest
from tests.web.library import NOTITIE, WERKBOEK, ingest

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client, callbacks, name: str, text: str, **extra):
    with callbacks(execute=True):
        return client.post(
            reverse("kennis:upload"),
            {"bestanden": [SimpleUploadedFile(name, text.encode())], **extra},
            follow=True,
        )


def _private_of(user, callbacks, name="notitie.md", text=NOTITIE) -> Document:
    _upload(_client(user), callbacks, name, text)
    return Document.objects.get(owner=user, source_name=name)


def test_an_upload_without_the_librarian_role_is_private(user, django_capture_on_commit_callbacks):
    client = _client(user)
    _upload(client, django_capture_on_commit_callbacks, "notitie.md", NOTITIE, plaats="gedeeld")
    document = Document.objects.get(source_name="notitie.md")
    assert document.owner == user  # asking for the shared library is not enough
    assert "alleen voor jou" in client.get(reverse("kennis:library")).content.decode()
    assert not AuditEntry.objects.filter(kind=AuditEntry.Kind.PUBLICATION).exists()


def test_nobody_else_sees_a_private_upload(user, other_user, django_capture_on_commit_callbacks):
    document = _private_of(user, django_capture_on_commit_callbacks)
    unit = document.units.first()
    section = document.sections.first()
    other = _client(other_user)
    urls = [
        reverse("kennis:document", args=[document.id]),
        reverse("kennis:section", args=[document.id, section.id]),
        reverse("kennis:unit", args=[unit.id]),
        reverse("kennis:document_remove", args=[document.id]),
    ]
    for url in urls:
        assert other.get(url).status_code == 404, url
    for url in [*urls[3:], reverse("kennis:document_reingest", args=[document.id])]:
        assert other.post(url).status_code == 404, url
    assert "notitie.md" not in other.get(reverse("kennis:library")).content.decode()
    page = other.get(reverse("kennis:search"), {"q": "griffie raad"}).content.decode()
    assert "Notitie over de raad" not in page
    assert Document.objects.filter(pk=document.pk).exists()

    own = _client(user)
    assert own.get(reverse("kennis:unit", args=[unit.id])).status_code == 200
    assert (
        "Notitie over de raad"
        in own.get(reverse("kennis:search"), {"q": "griffie raad"}).content.decode()
    )


def test_search_covers_the_shared_library_and_own_uploads_only(
    user, other_user, django_capture_on_commit_callbacks
):
    shared = ingest()
    private = _private_of(user, django_capture_on_commit_callbacks)
    mine = {hit.unit.document_id for hit in unit_search(query="raad wethouder", user=user)}
    theirs = {hit.unit.document_id for hit in unit_search(query="raad wethouder", user=other_user)}
    anonymous = {hit.unit.document_id for hit in unit_search(query="raad wethouder")}
    assert mine == {shared.id, private.id}
    assert theirs == anonymous == {shared.id}
    assert unit_search(query="griffie", document_ids=[private.id], user=other_user) == []


def test_only_a_librarian_removes_or_reingests_shared_documents(user, other_user, librarian):
    document = ingest()
    plain = _client(other_user)
    assert plain.get(reverse("kennis:document_remove", args=[document.id])).status_code == 404
    assert plain.post(reverse("kennis:document_remove", args=[document.id])).status_code == 404
    assert plain.post(reverse("kennis:document_reingest", args=[document.id])).status_code == 404
    assert plain.get(reverse("kennis:document", args=[document.id])).status_code == 200
    assert Document.objects.filter(pk=document.pk).exists()

    response = _client(librarian).post(
        reverse("kennis:document_remove", args=[document.id]), follow=True
    )
    assert response.status_code == 200
    assert not Document.objects.filter(pk=document.pk).exists()
    entry = AuditEntry.objects.filter(
        kind=AuditEntry.Kind.PUBLICATION, object_id=str(document.id)
    ).first()
    assert entry.actor == librarian and "verwijderd uit" in entry.object_label


def test_duplicate_check_never_names_another_users_file(
    user, other_user, django_capture_on_commit_callbacks
):
    theirs = _private_of(user, django_capture_on_commit_callbacks, "mijn-geheime-notitie.md")
    response = _upload(_client(other_user), django_capture_on_commit_callbacks, "kopie.md", NOTITIE)
    page = response.content.decode()
    assert "mijn-geheime-notitie" not in page
    upload = Upload.objects.get(owner=other_user)
    assert "mijn-geheime-notitie" not in upload.message
    copy = Document.objects.get(owner=other_user)
    assert copy.source_name == "kopie.md" and copy.pk != theirs.pk


def test_a_reupload_never_moves_a_document_to_another_owner(
    user, other_user, django_capture_on_commit_callbacks
):
    original = _private_of(user, django_capture_on_commit_callbacks, "notitie.md", NOTITIE)
    _upload(_client(other_user), django_capture_on_commit_callbacks, "notitie.md", WERKBOEK)
    original.refresh_from_db()
    assert original.owner == user and original.title == "Notitie over de raad"
    assert Document.objects.get(owner=other_user, source_name="notitie.md").pk != original.pk
    # The same bytes again by the first owner: unchanged, still theirs.
    _upload(_client(user), django_capture_on_commit_callbacks, "notitie.md", NOTITIE)
    assert Document.objects.filter(source_name="notitie.md").count() == 2
    assert Upload.objects.filter(owner=user).first().status == Upload.Status.UNCHANGED


def test_a_private_copy_of_a_shared_document_is_not_stored_twice(user):
    shared = ingest(NOTITIE, "notitie.md")
    result = document_ingest(data=NOTITIE.encode(), filename="zelfde.md", user=user, owner=user)
    assert result.status == "unchanged" and result.document == shared
    assert Document.objects.count() == 1


def test_publishing_to_the_shared_library_is_in_the_audit_trail(librarian):
    result = document_ingest(data=WERKBOEK.encode(), filename="werkboek.md", user=librarian)
    entry = AuditEntry.objects.get(kind=AuditEntry.Kind.PUBLICATION)
    assert entry.actor == librarian and entry.object_id == str(result.document.id)
    assert entry.subject is None


def test_theme_numbers_come_from_the_shared_handbook_never_a_private_upload(user):
    from spil.kennis.selectors import theme_units

    shared = ingest(NOTITIE, "notitie.md")  # no themes in the shared library yet
    assert shared.units.filter(theme_number__isnull=False).count() == 0
    document_ingest(data=WERKBOEK.encode(), filename="werkboek.md", user=user, owner=user)
    assert theme_units(numbers=[1, 2]) == {}
    ingest(WERKBOEK.replace("Werkboek", "Handboek"), "handboek.md")
    assert {u.document.owner_id for u in theme_units(numbers=[1, 2]).values()} == {None}
