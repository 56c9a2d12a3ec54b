from datetime import date

import pytest
from django.core.exceptions import ValidationError

from spil.agenda import selectors, services
from spil.agenda.models import Afspraak, Agendabron, AgendaInstellingen, Correctie, Importbatch
from spil.agenda.parsed import CalendarImportError

from .calendars import BEEKDAL_Q1, VTIMEZONE_WEST_EUROPE, event, ics

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)


def do_import(owner, data=BEEKDAL_Q1, filename="Agenda.ics", **kwargs):
    return services.agenda_import(
        owner=owner, filename=filename, data=data, today=kwargs.pop("today", TODAY), **kwargs
    )


def rows(owner):
    return list(
        selectors.afspraak_list(owner=owner).values_list("uid", "herhaling", "onderwerp", "domein")
    )


def test_import_stores_classified_occurrences(user):
    batch = do_import(user)
    assert batch.nieuw == 9  # 5 B&W, corporation, free reminder, leave, private
    assert batch.geannuleerd == 1
    assert batch.bron.naam == "Agenda"
    bw = selectors.afspraak_list(owner=user, zoek="B&W")
    assert bw.count() == 5
    assert {a.domein for a in bw} == {"college"}
    corp = selectors.afspraak_list(owner=user, zoek="Woonstede").get()
    assert corp.domein == "omgeving"
    assert "woonstede.nl" in corp.reden


def test_reimport_changes_nothing(user):
    do_import(user)
    before = list(Afspraak.objects.values())
    batch = do_import(user, filename="Agenda (1).ics")
    assert (batch.nieuw, batch.gewijzigd, batch.verwijderd) == (0, 0, 0)
    assert batch.ongewijzigd == 9
    assert list(Afspraak.objects.values()) == before


def test_newer_export_updates_and_removes(user):
    do_import(user)
    newer = ics(
        event(
            "bw@beekdal",
            "B&W-overleg",
            "20250107T090000",
            "20250107T113000",  # shorter now
            "RRULE:FREQ=WEEKLY;COUNT=2",  # series ended early
            "ATTENDEE:mailto:wethouder.a@beekdal.nl",
            "ORGANIZER:mailto:secretaris@beekdal.nl",
            tzid="W. Europe Standard Time",
        ),
        header=VTIMEZONE_WEST_EUROPE,
    )
    batch = do_import(user, data=newer, filename="Agenda-2025-03-02.ics")
    assert batch.bron.naam == "Agenda"
    assert batch.gewijzigd == 2
    assert batch.verwijderd == 7
    remaining = selectors.afspraak_list(owner=user)
    assert [a.eind.astimezone(selectors.local_tz()).strftime("%H:%M") for a in remaining] == [
        "11:30",
        "11:30",
    ]


def test_another_calendar_does_not_remove_this_one(user):
    do_import(user)
    other = ics(event("prive@x", "Tennis", "20250301T100000Z", "20250301T110000Z"))
    do_import(user, data=other, filename="Gezin.ics")
    assert selectors.afspraak_list(owner=user).count() == 10


def test_broken_file_changes_nothing(user):
    do_import(user)
    before = list(Afspraak.objects.values())
    broken = BEEKDAL_Q1.replace(b"SUMMARY:Prestatieafspraken", b"KAPOTTE REGEL\r\nSUMMARY:X")
    with pytest.raises(CalendarImportError) as error:
        do_import(user, data=broken)
    assert "Agenda.ics" in str(error.value)
    assert list(Afspraak.objects.values()) == before
    assert Importbatch.objects.count() == 1


def test_not_a_calendar_is_refused_by_name(user):
    with pytest.raises(CalendarImportError, match=r"notities\.txt"):
        do_import(user, data=b"gewoon wat tekst", filename="notities.txt")
    assert not Afspraak.objects.exists()


def test_corrections_reclassify_at_once_and_survive_reimport(user):
    do_import(user)
    corp = selectors.afspraak_list(owner=user, zoek="Woonstede").get()
    services.correctie_create(
        owner=user, afspraak_id=corp.pk, bereik=Correctie.BEREIK_AFSPRAAK, domein="college"
    )
    corp.refresh_from_db()
    assert corp.domein == "college" and corp.bron_indeling == "correctie"

    first_bw = selectors.afspraak_list(owner=user, zoek="B&W").first()
    services.correctie_create(
        owner=user, afspraak_id=first_bw.pk, bereik=Correctie.BEREIK_REEKS, domein="organisatie"
    )
    assert set(
        selectors.afspraak_list(owner=user, zoek="B&W").values_list("domein", flat=True)
    ) == {"organisatie"}

    batch = do_import(user)
    assert batch.gewijzigd == 0
    corp.refresh_from_db()
    assert corp.domein == "college"
    assert set(
        selectors.afspraak_list(owner=user, zoek="B&W").values_list("domein", flat=True)
    ) == {"organisatie"}


def test_title_correction_and_learning_cover_new_imports(user):
    data = ics(
        event("a@b", "Rondje Kerkstraat", "20250203T100000Z", "20250203T110000Z"),
        event("b@b", "Rondje Molenweg", "20250204T100000Z", "20250204T110000Z"),
        event("c@b", "Stadsgesprek Noord", "20250205T100000Z", "20250205T110000Z"),
        event("d@b", "Stadsgesprek Zuid", "20250206T100000Z", "20250206T110000Z"),
    )
    do_import(user, data=data)
    for title, domain in [("Rondje Kerkstraat", "omgeving"), ("Stadsgesprek Noord", "college")]:
        afspraak = selectors.afspraak_list(owner=user, zoek=title).get()
        services.correctie_create(
            owner=user, afspraak_id=afspraak.pk, bereik=Correctie.BEREIK_ONDERWERP, domein=domain
        )
    services.correctie_create(
        owner=user,
        afspraak_id=selectors.afspraak_list(owner=user, zoek="Molenweg").get().pk,
        bereik=Correctie.BEREIK_ONDERWERP,
        domein="omgeving",
    )
    later = ics(event("e@b", "Rondje Stationsplein", "20250210T100000Z", "20250210T110000Z"))
    do_import(user, data=later, filename="Los.ics")
    learned = selectors.afspraak_list(owner=user, zoek="Stationsplein").get()
    assert learned.domein == "omgeving"
    assert learned.bron_indeling == "model"


def test_settings_change_reclassifies(user):
    do_import(user)
    services.instellingen_update(owner=user, eigen_domeinen=["beekdal.nl", "woonstede.nl"])
    corp = selectors.afspraak_list(owner=user, zoek="Woonstede").get()
    assert corp.domein == "organisatie"
    with pytest.raises(ValidationError):
        services.instellingen_update(owner=user, eigen_domeinen=["geen domein"])
    with pytest.raises(ValidationError):
        services.instellingen_update(
            owner=user, doel={"college": 50, "organisatie": 50, "omgeving": 50}
        )
    services.instellingen_update(
        owner=user, doel={"college": 30, "organisatie": 40, "omgeving": 30}
    )
    assert selectors.instellingen_get(owner=user).doel["organisatie"] == 40
    services.instellingen_update(owner=user, drempels={"werkdag_eind": "18:00"})
    assert selectors.thresholds_from(selectors.instellingen_get(owner=user)).workday_minutes == 570


def test_other_user_sees_and_changes_nothing(user, other_user):
    do_import(user)
    mine = selectors.afspraak_list(owner=user).first()
    assert not selectors.afspraak_list(owner=other_user).exists()
    assert not selectors.importbatch_list(owner=other_user).exists()
    with pytest.raises(Afspraak.DoesNotExist):
        selectors.afspraak_get(owner=other_user, pk=mine.pk)
    with pytest.raises(Afspraak.DoesNotExist):
        services.correctie_create(
            owner=other_user, afspraak_id=mine.pk, bereik="afspraak", domein="overig"
        )
    assert not Correctie.objects.exists()
    # The same file imported by someone else is theirs alone.
    do_import(other_user)
    assert selectors.afspraak_list(owner=user).count() == 9
    assert selectors.afspraak_list(owner=other_user).count() == 9
    analysis = selectors.spiegel_analyse(
        owner=other_user, van=date(2025, 1, 1), tot=date(2025, 3, 31)
    )
    assert analysis.totals["college"] == 5 * 180


def test_mirror_over_stored_appointments(user):
    do_import(user)
    analysis = selectors.spiegel_analyse(owner=user, van=date(2025, 1, 6), tot=date(2025, 2, 28))
    assert analysis.totals["college"] == 5 * 180
    assert analysis.totals["omgeving"] == 90
    # Leave: five working days of nine hours.
    assert analysis.totals["overig"] >= 5 * 540
    assert selectors.afspraak_period_get(owner=user)[0] == date(2025, 1, 7)


def test_source_name_for_repeated_exports():
    assert services.source_name_for("Agenda (2).ics") == "Agenda"
    assert services.source_name_for("agenda-2025-03-01.ics") == "agenda"
    assert services.source_name_for("x.ics", "Werk") == "Werk"


def test_first_import_remembers_the_inferred_own_domain(user):
    do_import(user)
    assert selectors.instellingen_get(owner=user).eigen_domeinen == ["beekdal.nl"]
    # A later calendar from another organiser keeps the remembered domain.
    other = ics(
        event(
            "x@y",
            "Afstemming planning",
            "20250301T100000Z",
            "20250301T110000Z",
            "ATTENDEE:mailto:a@beekdal.nl",
            "ATTENDEE:mailto:b@beekdal.nl",
            "ORGANIZER:mailto:iemand@elders.nl",
        )
    )
    do_import(user, data=other, filename="Gedeeld.ics")
    assert selectors.instellingen_get(owner=user).eigen_domeinen == ["beekdal.nl"]
    assert selectors.afspraak_list(owner=user, zoek="Afstemming").get().domein == "organisatie"


GEZIN = ics(
    event("tennis@gezin", "Tennis", "20250301T100000Z", "20250301T110000Z"),
    event("ouderavond@gezin", "Ouderavond", "20250304T180000Z", "20250304T200000Z"),
)


def two_calendars(owner):
    do_import(owner)
    do_import(owner, data=GEZIN, filename="Gezin.ics")
    tennis = selectors.afspraak_list(owner=owner, zoek="Tennis").get()
    bw = selectors.afspraak_list(owner=owner, zoek="B&W").first()
    services.correctie_create(
        owner=owner, afspraak_id=tennis.pk, bereik=Correctie.BEREIK_REEKS, domein="overig"
    )
    services.correctie_create(
        owner=owner, afspraak_id=bw.pk, bereik=Correctie.BEREIK_REEKS, domein="organisatie"
    )
    services.correctie_create(
        owner=owner, afspraak_id=tennis.pk, bereik=Correctie.BEREIK_ONDERWERP, domein="overig"
    )
    services.instellingen_update(
        owner=owner, doel={"college": 50, "organisatie": 25, "omgeving": 25}
    )


def snapshot(owner):
    return {
        model.__name__: sorted(model.objects.owned_by(owner).values_list("pk", flat=True))
        for model in (Afspraak, Importbatch, Agendabron, Correctie, AgendaInstellingen)
    }


def test_removing_one_calendar_keeps_the_others_and_other_users(user, other_user):
    two_calendars(user)
    two_calendars(other_user)
    theirs = snapshot(other_user)
    gezin = Agendabron.objects.get(owner=user, naam="Gezin")
    counted = selectors.agendabron_count(owner=user, bron=gezin)

    removed = services.agendabron_delete(owner=user, bron_id=gezin.pk)

    # The series correction for tennis went with its calendar; the title correction and the
    # B&W series correction (another calendar) stay.
    assert removed == counted
    assert (removed.afspraken, removed.imports, removed.correcties) == (2, 1, 1)
    assert list(selectors.agendabron_list(owner=user).values_list("naam", flat=True)) == ["Agenda"]
    assert selectors.afspraak_list(owner=user).count() == 9
    assert not selectors.afspraak_list(owner=user, zoek="Tennis").exists()
    assert set(Correctie.objects.filter(owner=user).values_list("bereik", "sleutel")) == {
        (Correctie.BEREIK_REEKS, "bw@beekdal"),
        (Correctie.BEREIK_ONDERWERP, "tennis"),
    }
    assert {a.domein for a in selectors.afspraak_list(owner=user, zoek="B&W")} == {"organisatie"}
    assert snapshot(other_user) == theirs


def test_another_users_calendar_cannot_be_removed(user, other_user):
    two_calendars(other_user)
    theirs = snapshot(other_user)
    foreign = Agendabron.objects.get(owner=other_user, naam="Gezin")
    with pytest.raises(Agendabron.DoesNotExist):
        services.agendabron_delete(owner=user, bron_id=foreign.pk)
    assert snapshot(other_user) == theirs


def test_removing_all_agenda_data_keeps_settings_unless_asked(user, other_user):
    two_calendars(user)
    two_calendars(other_user)
    theirs = snapshot(other_user)
    counted = selectors.agendagegevens_count(owner=user)
    assert (counted.bronnen, counted.afspraken, counted.imports, counted.correcties) == (
        2,
        11,
        2,
        3,
    )
    assert counted.instellingen == 1

    removed = services.agendagegevens_delete(owner=user)

    assert removed == selectors.AgendaTelling(
        bronnen=2, afspraken=11, imports=2, correcties=3, instellingen=0
    )
    left = snapshot(user)
    assert left.pop("AgendaInstellingen")
    assert all(not pks for pks in left.values())
    assert selectors.instellingen_get(owner=user).doel_college == 50
    assert snapshot(other_user) == theirs

    removed = services.agendagegevens_delete(owner=user, instellingen=True)
    assert removed == selectors.AgendaTelling(instellingen=1)
    assert selectors.agendagegevens_count(owner=user).leeg
    assert snapshot(other_user) == theirs
