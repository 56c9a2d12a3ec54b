from datetime import date

import pytest

from spil.agenda import selectors as agenda_selectors
from spil.agenda import services as agenda_services
from spil.netwerk import selectors, services
from spil.netwerk.models import Contactmoment, Organisatie, Relatie, Samenwerkingsverband, Sector
from spil.netwerk.rules import NIET_TOEGEWEZEN, PERIODIEK

from .calendars import NETWERK_Q2, SECOND_CALENDAR

pytestmark = pytest.mark.django_db

VAN, TOT = date(2025, 4, 1), date(2025, 6, 30)


def do_import(user, data=NETWERK_Q2, filename="Agenda.ics"):
    return agenda_services.agenda_import(
        owner=user, filename=filename, data=data, today=date(2025, 6, 30), van=VAN, tot=TOT
    )


def org(user, domain):
    return next(o for o in Organisatie.objects.visible_to(user) if domain in o.domeinen)


def test_import_derives_contacts_people_and_forms(user):
    do_import(user)
    contacts = Contactmoment.objects.visible_to(user)
    assert contacts.count() == 6  # 3 regional meetings + 3 one-off, no internal DT
    assert {c.vorm for c in contacts.filter(onderwerp__startswith="Overleg")} == {PERIODIEK}
    assert contacts.get(onderwerp="Werkbezoek corporatie").vorm == "werkbezoek bij de partner"
    assert contacts.get(onderwerp="Gesprek zorgaanbieder").vorm == "werkbezoek bij de partner"
    assert contacts.get(onderwerp="Ondernemersontbijt").vorm == "informeel"
    emails = set(Relatie.objects.visible_to(user).values_list("email", flat=True))
    assert emails == {
        "h.jansen@regiobeekdal.nl",
        "t.kok@vrbeekdal.nl",
        "l.smits@woonbeekdal.nl",
        "f.ali@zorgbeekdal.nl",
        "b.berg@ondernemersbeekdal.nl",
    }
    assert Relatie.objects.get(email="h.jansen@regiobeekdal.nl").naam == "H. Jansen"
    assert org(user, "beekdal.nl").intern
    assert org(user, "vrbeekdal.nl").sector.sleutel == "veiligheid"


def test_kerncijfers_match_the_mirror_and_are_none_without_data(user, other_user):
    do_import(user)
    figures = selectors.netwerk_kerncijfers(user=user, van=VAN, tot=TOT)
    mirror = agenda_selectors.spiegel_analyse(owner=user, van=VAN, tot=TOT)
    assert (
        figures["minuten_extern"] == mirror.totals["omgeving"] == sum(figures["sectoren"].values())
    )
    assert set(figures) == {
        "minuten_extern",
        "sectoren",
        "top5_aandeel",
        "hhi",
        "organisaties",
        "nieuwe_contacten",
        "vormen",
        "periodiek_aandeel",
    }
    assert figures["organisaties"] == 5
    assert figures["nieuwe_contacten"] == 5
    assert figures["periodiek_aandeel"] == pytest.approx(360 / mirror.totals["omgeving"], abs=1e-3)
    assert selectors.netwerk_kerncijfers(user=other_user, van=VAN, tot=TOT) is None
    assert (
        selectors.netwerk_kerncijfers(user=user, van=date(2024, 1, 1), tot=date(2024, 3, 31))
        is None
    )


def test_correction_holds_for_all_contacts_and_survives_reimport_and_removal(user):
    do_import(user)
    acme_batch = do_import(user, SECOND_CALENDAR, filename="Tweede.ics")
    acme = org(user, "acmeadvies.nl")
    assert acme.sector is None
    figures = selectors.netwerk_kerncijfers(user=user, van=VAN, tot=TOT)
    bedrijf = Sector.objects.visible_to(user).get(sleutel="bedrijfsleven")
    services.organisatie_corrigeren(user=user, organisatie_id=acme.pk, sector_id=bedrijf.pk)
    after = selectors.netwerk_kerncijfers(user=user, van=VAN, tot=TOT)
    moved = figures["sectoren"].get(NIET_TOEGEWEZEN, 0) - after["sectoren"].get(NIET_TOEGEWEZEN, 0)
    assert moved == 60
    do_import(user, SECOND_CALENDAR, filename="Tweede.ics")
    assert org(user, "acmeadvies.nl").sector == bedrijf
    # Removing the second calendar removes its contact and person, not the correction.
    agenda_services.agendabron_delete(owner=user, bron_id=acme_batch.bron_id)
    assert (
        not Contactmoment.objects.visible_to(user).filter(onderwerp__startswith="Kennis").exists()
    )
    assert not Relatie.objects.visible_to(user).filter(email="j.post@acmeadvies.nl").exists()
    assert org(user, "acmeadvies.nl").sector == bedrijf
    assert Contactmoment.objects.visible_to(user).count() == 6
    # Removing all agenda data leaves no derived contacts.
    agenda_services.agendagegevens_delete(owner=user)
    assert Contactmoment.objects.visible_to(user).count() == 0
    # Only the corrected organisation and the own organisation (own domain still set) stay.
    assert (
        not Organisatie.objects.visible_to(user).filter(gecorrigeerd=False, intern=False).exists()
    )


def test_bijwerken_twice_changes_nothing(user):
    do_import(user)
    result = services.netwerk_bijwerken(user=user)
    assert (result.nieuw, result.gewijzigd, result.verwijderd) == (0, 0, 0)
    assert result.ongewijzigd == 6


def test_manual_contact_and_cadence(user, other_user):
    do_import(user)
    zorg = org(user, "zorgbeekdal.nl")
    moment = services.contactmoment_vastleggen(
        user=user, datum=date(2025, 6, 20), minuten=20, vorm="digitaal", organisatie_ids=[zorg.pk]
    )
    assert list(moment.organisaties.all()) == [zorg]
    with pytest.raises(Relatie.DoesNotExist):
        services.contactmoment_vastleggen(
            user=other_user,
            datum=date(2025, 6, 20),
            minuten=20,
            vorm="digitaal",
            organisatie_ids=[zorg.pk],
        )
    with pytest.raises(Organisatie.DoesNotExist):
        services.ritme_instellen(user=other_user, soort="organisatie", pk=zorg.pk, max_dagen=30)


VERBANDEN = (
    b"naam;rol;status;organisaties;overleg\n"
    b"Veiligheidsregio;deelnemer;lopend;vrbeekdal.nl;Overleg regiosecretarissen\n"
    b"Regionale samenwerking;opdrachtgever;opbouw;Regiobeekdal|vrbeekdal.nl;\n"
)


def test_verbanden_import_is_idempotent_and_all_or_nothing(user):
    do_import(user)
    assert services.verbanden_importeren(user=user, filename="v.csv", data=VERBANDEN) == 2
    assert services.verbanden_importeren(user=user, filename="v.csv", data=VERBANDEN) == 2
    assert Samenwerkingsverband.objects.visible_to(user).count() == 2
    verband = Samenwerkingsverband.objects.visible_to(user).get(naam="Veiligheidsregio")
    assert selectors.verband_overleggen(user=user, verband=verband).count() == 3
    bad = VERBANDEN + b"Nieuw verband;baas;lopend;;\n"
    with pytest.raises(services.VerbandImportError) as error:
        services.verbanden_importeren(user=user, filename="v.csv", data=bad)
    assert "v.csv, rij 4, veld ‘rol’" in str(error.value)
    assert not Samenwerkingsverband.objects.visible_to(user).filter(naam="Nieuw verband").exists()
    with pytest.raises(services.VerbandImportError, match="kolom ‘rol’ ontbreekt"):
        services.verbanden_importeren(user=user, filename="v.csv", data=b"naam;status\nx;lopend\n")
    with pytest.raises(services.VerbandImportError, match="‘Onbekend’ staat niet"):
        services.verbanden_importeren(
            user=user,
            filename="v.csv",
            data=b"naam;rol;status;organisaties\nx;afnemer;lopend;Onbekend\n",
        )


def test_huge_meeting_and_odd_attendees(user):
    from tests.agenda.calendars import event, ics

    crowd = [f"ATTENDEE:mailto:gast{i}@congres{i % 40}.nl" for i in range(2000)]
    data = ics(
        event(
            "congres-1",
            "Congres",
            "20250415T080000Z",
            "20250415T150000Z",
            "ORGANIZER:mailto:secretaris@beekdal.nl",
            "ATTENDEE:mailto:secretaris@beekdal.nl",
            *crowd,
        ),
        event(
            "raar-1",
            "Overleg",
            "20250416T080000Z",
            "20250416T090000Z",
            "ORGANIZER:mailto:secretaris@beekdal.nl",
            "ATTENDEE;CN=Alleen Een Naam:Alleen Een Naam",
            "ATTENDEE:mailto:",
            "ATTENDEE:mailto:a@b@c.nl",
            "ATTENDEE:mailto:p.visser@provincie-beekland.nl",
        ),
    )
    do_import(user, data)
    congres = Contactmoment.objects.visible_to(user).get(onderwerp="Congres")
    assert congres.organisaties.count() == 40
    assert congres.relaties.count() == 0  # a crowd is no table
    overleg = Contactmoment.objects.visible_to(user).get(onderwerp="Overleg")
    assert [r.email for r in overleg.relaties.all()] == ["p.visser@provincie-beekland.nl"]
    assert org(user, "provincie-beekland.nl").sector.sleutel == "provincie_waterschap"


def test_avg_export_and_delete(user, other_user):
    from spil.core.registry import avg_providers

    do_import(user)
    do_import(other_user)
    provider = avg_providers.get("netwerk")
    data = provider.export(user=user)
    assert {r["email"] for r in data["relaties"]} >= {"f.ali@zorgbeekdal.nl"}
    assert len(data["contactmomenten"]) == 6
    provider.delete(user=user)
    assert not Contactmoment.objects.filter(owner=user).exists()
    assert not Organisatie.objects.filter(owner=user).exists()
    assert Contactmoment.objects.filter(owner=other_user).count() == 6


def test_bijwerken_without_any_agenda_writes_nothing(user):
    assert services.netwerk_bijwerken(user=user) == services.Bijgewerkt()
    assert not Sector.objects.filter(owner=user).exists()
