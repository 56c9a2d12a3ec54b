from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from spil.agenda import selectors as agenda_selectors
from spil.core.models import AuditEntry
from spil.core.registry import avg_providers
from spil.reflectie import selectors, services
from spil.reflectie.models import Reflectiemoment, Voornemen
from spil.reflectie.ritme import KWARTAAL, MAAND, WEEK
from spil.reflectie.spiegel import GEEN_NETWERK, aspect_regels, netwerk_kerncijfers, netwerk_status

from .conftest import TODAY

pytestmark = pytest.mark.django_db

SECRET = "Ik twijfel of wethouder Jansen dit dossier aankan"


def raw_rows() -> str:
    """Every reflectie table as the database stores it, as one string."""
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("reflectie_"):
                cursor.execute(f"SELECT * FROM {table}")  # table names come from Django
                out.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(out)


def test_weekly_figures_equal_the_agenda_mirror_for_the_same_weeks(with_agenda):
    moment = services.moment_start(user=with_agenda, ritme=WEEK, today=TODAY)
    spiegel = selectors.moment_inhoud(moment=moment)["spiegel"]
    assert (spiegel["van"], spiegel["tot"]) == ("2025-01-06", "2025-02-02")
    mirror = agenda_selectors.spiegel_analyse(
        owner=with_agenda, van=date(2025, 1, 6), tot=date(2025, 2, 2)
    )
    assert spiegel["agenda"]["tijdverdeling"] == mirror.comparison()
    assert spiegel["agenda"]["werk_minuten"] > 0
    weeks = [w.as_dict() for w in mirror.weeks]
    assert spiegel["agenda"]["tempo"]["ongepland_minuten"] == sum(
        w["ongepland_minuten"] for w in weeks
    )
    lines = aspect_regels(spiegel, "tijdverdeling")
    assert any("n=77" in line for line in lines) and any("Bron" in line for line in lines)
    assert aspect_regels(spiegel, "script")  # recurring B&W versus one-off meetings
    # With the netwerk app installed, the same weeks carry its figures (they derive from the
    # same imported agenda); without network data the entry says so.
    assert netwerk_status(spiegel) is None
    assert spiegel["netwerk"]["minuten_extern"] == mirror.totals["omgeving"]
    assert netwerk_status({"netwerk": None}) == GEEN_NETWERK


def test_figures_are_frozen_when_the_agenda_changes_later(with_agenda):
    moment = services.moment_start(user=with_agenda, ritme=WEEK, today=TODAY)
    before = selectors.moment_inhoud(moment=moment)["spiegel"]
    agenda_selectors.afspraak_qs(owner=with_agenda).update(domein="omgeving")
    services.moment_save(user=with_agenda, moment=moment, antwoorden={"week-1": "x"}, afronden=True)
    moment.refresh_from_db()
    assert selectors.moment_inhoud(moment=moment)["spiegel"] == before


def test_without_agenda_there_are_no_figures_and_no_error(user):
    moment = services.moment_start(user=user, ritme=MAAND, today=TODAY)
    spiegel = selectors.moment_inhoud(moment=moment)["spiegel"]
    assert spiegel["agenda"] is None and spiegel["netwerk"] is None
    assert moment.aspect == "tijdverdeling"


def test_netwerk_adapter_with_a_fake_provider(user):
    calls = []

    def fake(*, user, van, tot):
        calls.append((user, van, tot))
        return {
            "minuten_extern": 600,
            "sectoren": {"zorg": 300, "onderwijs": 300},
            "top5_aandeel": 0.8123,
            "hhi": 0.5,
            "organisaties": 6,
            "nieuwe_contacten": 2,
            "vormen": {"bezoek": 600},
            "periodiek_aandeel": 0.25,
        }

    figures = netwerk_kerncijfers(
        user=user, van=date(2025, 1, 6), tot=date(2025, 2, 2), provider=fake
    )
    assert calls == [(user, date(2025, 1, 6), date(2025, 2, 2))]
    assert figures["top5_aandeel"] == 0.812 and figures["organisaties"] == 6
    assert netwerk_kerncijfers(user=user, van=TODAY, tot=TODAY, provider=lambda **k: None) is None
    moment = services.moment_start(user=user, ritme=KWARTAAL, today=TODAY, netwerk_provider=fake)
    spiegel = selectors.moment_inhoud(moment=moment)["spiegel"]
    assert "2 sectoren en 6 organisaties" in aspect_regels(spiegel, "actoren")[0]
    assert "25%" in aspect_regels(spiegel, "script")[-1]


def test_text_is_encrypted_at_rest(user):
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_save(
        user=user,
        moment=moment,
        antwoorden={"week-1": SECRET},
        voornemen="Vaker bij de woningcorporatie langs",
        opvolgdatum=TODAY + timedelta(days=14),
    )
    services.eigenvraag_create(user=user, tekst="Waar bleef mijn lef deze week?")
    stored = raw_rows()
    assert "wethouder" not in stored and "woningcorporatie" not in stored and "lef" not in stored
    assert selectors.moment_inhoud(moment=moment)["antwoorden"]["week-1"] == SECRET


def test_starting_twice_gives_the_same_entry_and_a_new_week_a_new_one(user):
    first = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    assert services.moment_start(user=user, ritme=WEEK, today=TODAY + timedelta(days=1)) == first
    second = services.moment_start(user=user, ritme=WEEK, today=TODAY + timedelta(days=7))
    assert second != first
    assert first.vraag_ids[0] == "week-1" and second.vraag_ids[0] == "week-2"
    assert not set(first.vraag_ids) & set(second.vraag_ids)


def test_intention_comes_back_as_a_question_and_is_marked_followed_up(user):
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_save(
        user=user,
        moment=moment,
        antwoorden={},
        voornemen="Elke maand een werkbezoek",
        opvolgdatum=TODAY + timedelta(days=7),
        afronden=True,
    )
    later = services.moment_start(user=user, ritme=WEEK, today=TODAY + timedelta(days=7))
    content = selectors.moment_inhoud(moment=later)
    question = next(v for v in content["vragen"] if v["soort"] == "voornemen")
    assert "Elke maand een werkbezoek" in question["tekst"]
    services.moment_save(
        user=user, moment=later, antwoorden={question["id"]: "Twee gedaan."}, afronden=True
    )
    assert Voornemen.objects.get().opgevolgd_in == later
    with pytest.raises(ValidationError):
        services.moment_save(user=user, moment=later, antwoorden={}, voornemen="zonder datum")


def test_own_questions_join_the_check_in_and_the_month_of_their_aspect(user):
    services.eigenvraag_create(user=user, tekst="Wie heb ik deze week verrast?")
    services.eigenvraag_create(user=user, tekst="Wat hoorde ik op straat?", aspect="tijdverdeling")
    week = selectors.moment_inhoud(moment=services.moment_start(user=user, ritme=WEEK, today=TODAY))
    assert any(v["soort"] == "eigen" for v in week["vragen"])
    month = selectors.moment_inhoud(
        moment=services.moment_start(user=user, ritme=MAAND, today=TODAY)
    )
    assert "Wat hoorde ik op straat?" in [v["tekst"] for v in month["vragen"]]
    with pytest.raises(ValidationError):
        services.eigenvraag_create(user=user, tekst="  ")


def test_tone_spread_must_sum_to_100(user):
    moment = services.moment_start(user=user, ritme=KWARTAAL, today=TODAY)
    bad = {"maat_houden": 50, "toon_zetten": 20, "op_stem_brengen": 10, "spel_verdelen": 10}
    with pytest.raises(ValidationError):
        services.moment_save(user=user, moment=moment, antwoorden={}, toon=bad)
    good = {**bad, "samen_oefenen": 10}
    services.moment_save(user=user, moment=moment, antwoorden={}, toon=good, afronden=True)
    assert sum(selectors.moment_inhoud(moment=moment)["toon"].values()) == 100


def test_sharing_logs_every_read_and_revoking_ends_it(user, other_user):
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    deling = services.deling_create(user=user, moment=moment, ontvanger_naam="collega")
    services.deling_open(user=other_user, pk=deling.pk)
    services.deling_open(user=other_user, pk=deling.pk)
    assert AuditEntry.objects.filter(subject=user, resource="reflectie", kind="read").count() == 2
    assert AuditEntry.objects.filter(subject=other_user).count() == 0
    with pytest.raises(ValidationError):
        services.deling_create(user=user, moment=moment, ontvanger_naam="bestaat-niet")
    services.deling_revoke(user=user, pk=deling.pk)
    with pytest.raises(type(deling).DoesNotExist):
        services.deling_open(user=other_user, pk=deling.pk)


def test_the_avg_provider_lists_every_reflectie_model_and_deletes_all(user, other_user):
    from django.apps import apps

    provider = avg_providers.get("reflectie")
    assert set(provider.models) == {
        f"reflectie.{m.__name__}" for m in apps.get_app_config("reflectie").get_models()
    }
    services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_start(user=other_user, ritme=WEEK, today=TODAY)
    assert provider.export(user=user)["momenten"]
    provider.delete(user=user)
    assert not Reflectiemoment.objects.owned_by(user).exists()
    assert Reflectiemoment.objects.owned_by(other_user).exists()


def test_without_the_netwerk_app_the_adapter_says_there_are_no_figures(user, monkeypatch):
    import importlib.util

    from spil.reflectie import spiegel

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a, **k: None)
    assert spiegel._netwerk_provider() is None
    assert netwerk_kerncijfers(user=user, van=TODAY, tot=TODAY) is None
