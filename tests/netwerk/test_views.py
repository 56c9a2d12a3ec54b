from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from spil.agenda import services as agenda_services
from spil.netwerk import services
from spil.netwerk.models import Introductievoorstel, Organisatie, Relatie, Sector

from .calendars import NETWERK_Q2

pytestmark = pytest.mark.django_db

LIST_PAGES = (
    "overzicht",
    "sectoren",
    "organisaties",
    "achterstallig",
    "introducties",
    "kaart",
    "verbanden",
    "opschonen",
    "export_organisaties",
    "export_verbanden",
)


@pytest.fixture
def imported(user):
    agenda_services.agenda_import(
        owner=user,
        filename="Agenda.ics",
        data=NETWERK_Q2,
        today=date(2025, 6, 30),
        van=date(2025, 4, 1),
        tot=date(2025, 6, 30),
    )
    return user


@pytest.fixture
def owner_client(client: Client, imported) -> Client:
    client.force_login(imported)
    return client


@pytest.fixture
def other_client(other_user) -> Client:
    client = Client()
    client.force_login(other_user)
    return client


def _org(user, domain):
    return next(o for o in Organisatie.objects.visible_to(user) if domain in o.domeinen)


def test_pages_need_login(client):
    for name in LIST_PAGES:
        response = client.get(reverse(f"netwerk:{name}"))
        assert response.status_code == 302
        assert "/account/" in response["Location"]


def test_owner_sees_every_page(owner_client, imported):
    for name in LIST_PAGES:
        assert owner_client.get(reverse(f"netwerk:{name}")).status_code == 200, name
    page = owner_client.get(reverse("netwerk:overzicht")).content.decode()
    assert "Medeoverheden: veiligheid" in page
    assert 'scope="row">Niet toegewezen' not in page
    assert "Bron: Van Twist" in page
    assert "ongescript-tabel-kop" in page and "2025-K2" in page
    orgs = owner_client.get(reverse("netwerk:organisaties")).content.decode()
    assert "vrbeekdal.nl" in orgs and "past bij de regel" in orgs
    org = _org(imported, "zorgbeekdal.nl")
    detail = owner_client.get(reverse("netwerk:organisatie", args=[org.pk])).content.decode()
    assert "Gesprek zorgaanbieder" in detail
    person = Relatie.objects.get(email="f.ali@zorgbeekdal.nl")
    assert owner_client.get(reverse("netwerk:relatie", args=[person.pk])).status_code == 200
    kaart = owner_client.get(reverse("netwerk:kaart")).content.decode()
    assert "<svg" in kaart and "H. Jansen" in kaart and "<table" in kaart


def test_second_user_gets_404_and_sees_nothing(owner_client, other_client, imported):
    org = _org(imported, "zorgbeekdal.nl")
    person = Relatie.objects.get(email="f.ali@zorgbeekdal.nl")
    sector = Sector.objects.visible_to(imported).first()
    assert other_client.get(reverse("netwerk:organisatie", args=[org.pk])).status_code == 404
    assert other_client.post(reverse("netwerk:organisatie", args=[org.pk])).status_code == 404
    assert other_client.get(reverse("netwerk:relatie", args=[person.pk])).status_code == 404
    assert other_client.get(reverse("netwerk:relatie_inzage", args=[person.pk])).status_code == 404
    assert other_client.post(reverse("netwerk:relatie", args=[person.pk])).status_code == 404
    assert (
        other_client.post(
            reverse("netwerk:organisatie_sector", args=[org.pk]), {"sector": sector.pk}
        ).status_code
        == 404
    )
    assert other_client.get(reverse("netwerk:contact_vastleggen", args=[org.pk])).status_code == 404
    other = Relatie.objects.get(email="h.jansen@regiobeekdal.nl")
    assert (
        other_client.post(
            reverse("netwerk:introducties"), {"a": person.pk, "b": other.pk, "keuze": "verbinden"}
        ).status_code
        == 404
    )
    assert (
        other_client.post(reverse("netwerk:opschonen"), {"relatie": person.pk}).status_code == 404
    )
    assert (
        other_client.post(
            reverse("netwerk:sectoren"), {"sector": sector.pk, "naam": "Gekaapt"}
        ).status_code
        == 404
    )
    assert Relatie.objects.filter(pk=person.pk).exists()
    assert Sector.objects.get(pk=sector.pk).naam != "Gekaapt"
    for name in LIST_PAGES:
        body = other_client.get(reverse(f"netwerk:{name}")).content.decode()
        assert "zorgbeekdal" not in body and "Jansen" not in body, name


def test_inline_sector_correction(owner_client, imported):
    org = _org(imported, "ondernemersbeekdal.nl")
    cultuur = Sector.objects.visible_to(imported).get(sleutel="cultuur_sport")
    response = owner_client.post(
        reverse("netwerk:organisatie_sector", args=[org.pk]), {"sector": cultuur.pk}
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.sector == cultuur and org.gecorrigeerd
    assert "Cultuur en sport" in owner_client.get(reverse("netwerk:overzicht")).content.decode()


def test_cadence_overdue_and_winding_down(owner_client, imported):
    org = _org(imported, "woonbeekdal.nl")
    url = reverse("netwerk:organisatie", args=[org.pk])
    assert owner_client.post(url, {"streef_dagen": "10", "max_dagen": "20"}).status_code == 302
    page = owner_client.get(reverse("netwerk:achterstallig")).content.decode()
    assert org.naam in page
    owner_client.post(url, {"streef_dagen": "10", "max_dagen": "20", "afbouwen": "on"})
    assert org.naam not in owner_client.get(reverse("netwerk:achterstallig")).content.decode()
    bad = owner_client.post(url, {"streef_dagen": "30", "max_dagen": "20"})
    assert bad.status_code == 200
    assert "langer dan de maximale termijn" in bad.content.decode()


def test_introductions_page_and_decisions(owner_client, imported):
    page = owner_client.get(reverse("netwerk:introducties")).content.decode()
    assert "zaten het afgelopen jaar niet samen aan tafel" in page
    a = Relatie.objects.get(email="l.smits@woonbeekdal.nl")
    b = Relatie.objects.get(email="f.ali@zorgbeekdal.nl")
    owner_client.post(
        reverse("netwerk:introducties"), {"a": b.pk, "b": a.pk, "keuze": "confronteren"}
    )
    voorstel = Introductievoorstel.objects.get(owner=imported)
    assert (voorstel.besluit, voorstel.soort) == ("geaccepteerd", "confronteren")
    page = owner_client.get(reverse("netwerk:introducties")).content.decode()
    assert "Eerder besloten" in page


def test_verbanden_upload_and_export_without_notes(owner_client, imported):
    org = _org(imported, "vrbeekdal.nl")
    org.notitie = "geheime privénotitie"
    org.save()
    data = (
        b"naam;rol;status;organisaties;overleg\nVeiligheid;deelnemer;lopend;vrbeekdal.nl;Overleg\n"
    )
    response = owner_client.post(
        reverse("netwerk:verbanden"), {"bestand": SimpleUploadedFile("v.csv", data)}
    )
    assert response.status_code == 302
    page = owner_client.get(reverse("netwerk:verbanden")).content.decode()
    assert "Veiligheid" in page and "Rol: deelnemer" in page
    bad = owner_client.post(
        reverse("netwerk:verbanden"),
        {"bestand": SimpleUploadedFile("fout.csv", b"naam;rol;status\nX;baas;lopend\n")},
    )
    assert "fout.csv, rij 2, veld ‘rol’" in bad.content.decode()
    export = owner_client.get(reverse("netwerk:export_organisaties")).content.decode()
    assert "vrbeekdal.nl" in export and "geheime" not in export
    export = owner_client.get(reverse("netwerk:export_verbanden")).content.decode()
    assert "Veiligheid;deelnemer;lopend" in export


def test_purge_people_not_seen(owner_client, imported):
    # The fixture lies in 2025: seen within the last 20 years, not all within the last year.
    assert (
        "Niemand" in owner_client.get(reverse("netwerk:opschonen") + "?jaren=20").content.decode()
    )
    today = timezone.localdate()
    page = owner_client.get(reverse("netwerk:opschonen") + "?jaren=1").content.decode()
    if (today - date(2025, 6, 30)).days > 366:
        assert "B. Berg" in page
    person = Relatie.objects.get(email="b.berg@ondernemersbeekdal.nl")
    response = owner_client.post(
        reverse("netwerk:opschonen") + "?jaren=1", {"relatie": str(person.pk)}
    )
    assert response.status_code == 302
    assert not Relatie.objects.filter(pk=person.pk).exists()
    # The appointment stays as a contact with the organisation.
    org = _org(imported, "ondernemersbeekdal.nl")
    assert org.contactmomenten.count() == 1
    assert services.relaties_verwijderen(user=imported, relatie_ids=[]) == 0


def test_manual_contact_form(owner_client, imported):
    org = _org(imported, "zorgbeekdal.nl")
    url = reverse("netwerk:contact_vastleggen", args=[org.pk])
    assert owner_client.get(url).status_code == 200
    response = owner_client.post(
        url, {"datum": "2025-06-25", "minuten": "15", "vorm": "digitaal", "onderwerp": "Belletje"}
    )
    assert response.status_code == 302
    assert (
        "Belletje"
        in owner_client.get(reverse("netwerk:organisatie", args=[org.pk])).content.decode()
    )


def test_start_panel(owner_client, other_client):
    assert "te lang niet gesproken" not in owner_client.get("/").content.decode()
    assert "organisaties buiten het gemeentehuis" in owner_client.get("/").content.decode()
    assert "netwerk-start-kop" not in other_client.get("/").content.decode()


def test_subject_access_export_per_person(owner_client, imported):
    import json

    person = Relatie.objects.get(email="f.ali@zorgbeekdal.nl")
    response = owner_client.get(reverse("netwerk:relatie_inzage", args=[person.pk]))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["email"] == "f.ali@zorgbeekdal.nl"
    assert [c["onderwerp"] for c in data["contactmomenten"]] == ["Gesprek zorgaanbieder"]
