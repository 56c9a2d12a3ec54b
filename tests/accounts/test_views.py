"""Mijn account: download, removal and "wie zag mijn gegevens"."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from spil.accounts.models import User
from spil.accounts.services import role_grant
from spil.core.models import AuditEntry
from spil.kennis.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_account_page_links_to_the_privacy_pages(client_in):
    html = client_in.get(reverse("accounts:account")).content.decode()
    for name in ("accounts:gegevens", "accounts:verwijderen", "accounts:wie_zag"):
        assert reverse(name) in html


def test_download_gives_one_zip_with_json_per_app(client_in):
    page = client_in.get(reverse("accounts:gegevens")).content.decode()
    assert "Agenda-spiegel" in page and reverse("accounts:gegevens_download") in page
    response = client_in.get(reverse("accounts:gegevens_download"))
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert {"gegevens/accounts.json", "gegevens/kennis.json", "gegevens/agenda.json"} <= set(names)


def test_removal_needs_the_password_and_the_tick(client_in, user):
    url = reverse("accounts:verwijderen")
    assert "definitief" in client_in.get(url).content.decode()
    wrong = client_in.post(url, {"password": "fout", "confirm": "on"})
    assert "Dit wachtwoord klopt niet" in wrong.content.decode()
    unticked = client_in.post(url, {"password": "geheim-wachtwoord-1"})
    assert "Vink aan" in unticked.content.decode()
    assert User.objects.filter(pk=user.pk).exists()

    done = client_in.post(url, {"password": "geheim-wachtwoord-1", "confirm": "on"}, follow=True)
    assert "zijn verwijderd" in done.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert client_in.get(reverse("web:start")).status_code == 302  # logged out


def test_who_saw_my_data_lists_reads_by_others_only(client_in, user, other_user):
    role_grant(actor=None, user=other_user, role="functioneel_beheerder")
    beheerder = Client()
    beheerder.force_login(other_user)
    assert beheerder.get(reverse("beheer:gebruiker", args=[user.pk])).status_code == 200
    client_in.get(reverse("accounts:account"))  # own reads are not logged

    entries = AuditEntry.objects.filter(subject=user, kind=AuditEntry.Kind.READ)
    assert entries.count() == 1 and entries.get().actor == other_user
    html = client_in.get(reverse("accounts:wie_zag")).content.decode()
    assert "collega" in html and "ingezien" in html
    # The beheerder cannot read my log.
    assert "ingezien" not in beheerder.get(reverse("accounts:wie_zag")).content.decode()


def test_the_audit_trail_cannot_be_changed(user):
    entry = AuditEntry.objects.create(
        actor=None, actor_name="x", subject=user, kind="read", resource="r", object_label="y"
    )
    entry.object_label = "anders"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_nobody_else_downloads_my_private_documents(client_in, user, other_user):
    from spil.kennis.services import document_ingest

    document_ingest(data=b"# Eigen notitie\n\nTekst.", filename="eigen.md", user=user, owner=user)
    other = Client()
    other.force_login(other_user)
    response = other.get(reverse("accounts:gegevens_download"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert b"eigen.md" not in archive.read("gegevens/kennis.json")
    assert Document.objects.filter(owner=user).count() == 1
