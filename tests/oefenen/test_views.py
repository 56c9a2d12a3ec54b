from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from spil.oefenen import services
from spil.oefenen.models import Oefensessie
from tests.web.library import ingest

pytestmark = pytest.mark.django_db

SCENARIO = "wethouder-houdt-advies-tegen"


@pytest.fixture
def client_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def start(client, **fields):
    data = {"profiel": "klein", "modus": "oefenen", **fields}
    response = client.post(reverse("oefenen:scenario", args=[SCENARIO]), data)
    assert response.status_code == 302
    return Oefensessie.objects.latest("gestart")


def choose(client, sessie, situatie, keuze):
    return client.post(
        reverse("oefenen:kiezen", args=[sessie.pk]), {"situatie": situatie, "keuze": keuze}
    )


def test_list_and_scenario_pages_show_the_scenarios_and_their_profiles(client_in):
    page = client_in.get(reverse("oefenen:lijst")).content.decode()
    assert "Een advies dat de collegetafel niet haalt" in page
    assert page.count('class="spil-card"') >= 6
    page = client_in.get(reverse("oefenen:scenario", args=[SCENARIO])).content.decode()
    assert "Klein Wadderveen" in page and "Examenstand" in page
    assert client_in.get(reverse("oefenen:scenario", args=["bestaat-niet"])).status_code == 404


def test_a_full_play_through_with_advice_explanation_and_debrief(client_in, user):
    ingest()  # a small library whose theme 12 exists; others are reported as missing
    sessie = start(client_in)
    page = client_in.get(reverse("oefenen:spelen", args=[sessie.pk])).content.decode()
    assert "Het advies ligt stil" in page
    assert "Vraag advies aan Ruben Hoekstra" in page

    response = client_in.post(
        reverse("oefenen:raadplegen", args=[sessie.pk]), {"adviseur": "jurist"}
    )
    assert response["Location"].endswith("#advies-jurist")
    page = client_in.get(reverse("oefenen:spelen", args=[sessie.pk])).content.decode()
    assert "Een wethouder mag een advies niet laten verdwijnen" in page

    choose(client_in, sessie, "signaal", "gesprek")
    page = client_in.get(reverse("oefenen:spelen", args=[sessie.pk])).content.decode()
    assert "Leg je keuze uit" in page
    client_in.post(
        reverse("oefenen:uitleg", args=[sessie.pk]),
        {"publiek": "college", "tekst": "Eerst luisteren. Dan pas agenderen."},
    )
    choose(client_in, sessie, "gesprek-wethouder", "aanvullen")
    choose(client_in, sessie, "collegevergadering", "feiten")
    sessie.refresh_from_db()
    assert sessie.afgerond is not None
    page = client_in.get(reverse("oefenen:spelen", args=[sessie.pk])).content.decode()
    assert "Einde: Helder advies, koele wethouder" in page

    debrief = client_in.get(reverse("oefenen:nabespreking", args=[sessie.pk])).content.decode()
    assert "Eerst luisteren. Dan pas agenderen." in debrief
    assert "staat (nog) niet in de bibliotheek" in debrief
    assert "data:image/svg+xml;base64," in debrief
    assert '<caption id="verloop-tabel">' in debrief
    assert "gevraagd Lotte Faber; niet gevraagd Ruben Hoekstra" in debrief
    assert "Over 3 keuzes" in debrief


def test_the_debrief_shows_tips_and_citations_of_linked_themes(client_in, seeds_dir):
    from spil.kennis.services import document_ingest_batch

    document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    sessie = start(client_in)
    choose(client_in, sessie, "signaal", "agenderen")
    choose(client_in, sessie, "collegevergadering", "dekken")
    debrief = client_in.get(reverse("oefenen:nabespreking", args=[sessie.pk])).content.decode()
    assert "Thema 9:" in debrief and "Thema 72:" in debrief
    assert "kopieer bronvermelding" in debrief.lower() or "bronvermelding" in debrief.lower()
    assert "staat (nog) niet" not in debrief


def test_back_works_in_practice_mode_and_not_in_exam_mode(client_in):
    sessie = start(client_in)
    choose(client_in, sessie, "signaal", "laten")
    client_in.post(reverse("oefenen:terug", args=[sessie.pk]))
    sessie.refresh_from_db()
    assert sessie.keuzes == []

    exam = start(client_in, modus="examen")
    choose(client_in, exam, "signaal", "laten")
    page = client_in.get(reverse("oefenen:spelen", args=[exam.pk])).content.decode()
    assert "Terug naar de vorige situatie" not in page
    response = client_in.post(reverse("oefenen:terug", args=[exam.pk]), follow=True)
    assert "In de examenstand kun je niet terug." in response.content.decode()
    exam.refresh_from_db()
    assert len(exam.keuzes) == 1


def test_an_out_of_date_page_or_unknown_choice_changes_nothing(client_in):
    sessie = start(client_in)
    choose(client_in, sessie, "signaal", "laten")
    response = choose(client_in, sessie, "signaal", "agenderen")  # second tab, old page
    sessie.refresh_from_db()
    assert sessie.keuzes == [["signaal", "laten"]]
    page = client_in.get(response["Location"]).content.decode()
    assert "verouderd" in page
    choose(client_in, sessie, "team-boos", "bestaat-niet")
    sessie.refresh_from_db()
    assert len(sessie.keuzes) == 1
    response = client_in.post(
        reverse("oefenen:kiezen", args=[sessie.pk]), {"situatie": "team-boos"}, follow=True
    )
    assert "Kies eerst een van de mogelijkheden." in response.content.decode()


def test_timer_is_shown_only_when_chosen(client_in):
    without = start(client_in)
    assert (
        "spil-timer"
        not in client_in.get(reverse("oefenen:spelen", args=[without.pk])).content.decode()
    )
    with_timer = start(client_in, timer="on")
    page = client_in.get(reverse("oefenen:spelen", args=[with_timer.pk])).content.decode()
    assert 'data-seconds="150"' in page and "Tijdslimiet uitzetten" in page


def test_another_users_session_is_404_on_every_url(client, user, other_user):
    sessie = services.oefensessie_start(
        user=user, scenario_id=SCENARIO, profiel="klein", modus="oefenen", timer=False
    )
    client.force_login(other_user)
    for name in ("spelen", "nabespreking"):
        assert client.get(reverse(f"oefenen:{name}", args=[sessie.pk])).status_code == 404
    for name in ("kiezen", "terug", "raadplegen", "uitleg", "reflecteren", "verwijderen"):
        assert (
            client.post(
                reverse(f"oefenen:{name}", args=[sessie.pk]), {"keuze": "laten"}
            ).status_code
            == 404
        )
    assert "Verder spelen" not in client.get(reverse("oefenen:lijst")).content.decode()
    sessie.refresh_from_db()
    assert sessie.keuzes == []
    assert Oefensessie.objects.filter(pk=sessie.pk).exists()


def test_pages_need_login(client):
    assert client.get(reverse("oefenen:lijst")).status_code == 302


def test_scenarios_matching_the_agenda_are_suggested(client_in, user):
    from spil.agenda.models import Afspraak, Agendabron

    bron = Agendabron.objects.create(owner=user, naam="Werk")
    start_at = timezone.now() + timedelta(days=10)
    Afspraak.objects.create(
        owner=user,
        bron=bron,
        uid="x1",
        herhaling="",
        begin=start_at,
        eind=start_at + timedelta(hours=1),
        onderwerp="Portefeuilleoverleg sport",
        vingerafdruk="a",
    )
    page = client_in.get(reverse("oefenen:lijst")).content.decode()
    assert "Past bij je agenda" in page and "Portefeuilleoverleg sport" in page


def test_delete_removes_the_session(client_in):
    sessie = start(client_in)
    client_in.post(reverse("oefenen:verwijderen", args=[sessie.pk]))
    assert not Oefensessie.objects.filter(pk=sessie.pk).exists()


def test_the_explanation_can_be_skipped_and_is_refused_when_empty(client_in):
    sessie = start(client_in)
    choose(client_in, sessie, "signaal", "gesprek")
    url = reverse("oefenen:spelen", args=[sessie.pk])
    assert "Leg je keuze uit" in client_in.get(url).content.decode()
    assert "Leg je keuze uit" not in client_in.get(url + "?uitleg=overslaan").content.decode()
    response = client_in.post(
        reverse("oefenen:uitleg", args=[sessie.pk]),
        {"publiek": "college", "tekst": ""},
        follow=True,
    )
    assert "schrijf hoogstens 600 tekens" in response.content.decode()
    sessie.refresh_from_db()
    assert sessie.uitleg == {}


def test_avg_export_and_delete_cover_the_players_sessions_only(user, other_user):
    from spil.oefenen.avg import oefenen_delete, oefenen_export

    mine = services.oefensessie_start(
        user=user, scenario_id=SCENARIO, profiel="klein", modus="examen", timer=False
    )
    services.oefensessie_choose(user=user, sessie=mine, situatie="signaal", keuze="laten")
    theirs = services.oefensessie_start(
        user=other_user, scenario_id=SCENARIO, profiel="klein", modus="oefenen", timer=False
    )
    exported = oefenen_export(user=user)
    assert [row["keuzes"] for row in exported] == [[["signaal", "laten"]]]
    oefenen_delete(user=user)
    assert not Oefensessie.objects.filter(owner=user).exists()
    assert Oefensessie.objects.filter(pk=theirs.pk).exists()


def test_a_selection_committee_member_never_sees_exercise_results(client, user, other_user):
    from spil.accounts.services import role_grant

    sessie = services.oefensessie_start(
        user=user, scenario_id=SCENARIO, profiel="klein", modus="oefenen", timer=False
    )
    role_grant(actor=None, user=other_user, role="selectiecommissielid")
    client.force_login(other_user)
    assert client.get(reverse("oefenen:nabespreking", args=[sessie.pk])).status_code == 404
    assert client.get(reverse("oefenen:spelen", args=[sessie.pk])).status_code == 404
    assert list(Oefensessie.objects.visible_to(other_user)) == []


def play_to_the_end(client, sessie):
    client.post(reverse("oefenen:raadplegen", args=[sessie.pk]), {"adviseur": "jurist"})
    choose(client, sessie, "signaal", "gesprek")
    choose(client, sessie, "gesprek-wethouder", "aanvullen")
    choose(client, sessie, "collegevergadering", "feiten")


def test_one_click_turns_the_debrief_into_a_private_reflectie_entry(client_in, user, other_user):
    from spil.reflectie import selectors as reflectie_selectors
    from spil.reflectie.models import Reflectiemoment

    sessie = start(client_in)
    debrief = client_in.get(reverse("oefenen:nabespreking", args=[sessie.pk])).content.decode()
    assert "Maak er een reflectie van" not in debrief  # not before the end
    response = client_in.post(reverse("oefenen:reflecteren", args=[sessie.pk]))
    assert response["Location"] == reverse("oefenen:nabespreking", args=[sessie.pk])
    assert not Reflectiemoment.objects.exists()

    play_to_the_end(client_in, sessie)
    debrief = client_in.get(reverse("oefenen:nabespreking", args=[sessie.pk])).content.decode()
    assert "Maak er een reflectie van" in debrief
    response = client_in.post(reverse("oefenen:reflecteren", args=[sessie.pk]))
    moment = Reflectiemoment.objects.get()
    assert moment.owner == user and moment.ritme == "oefening"
    assert response["Location"] == reverse("reflectie:schrijven", args=[moment.pk])

    content = reflectie_selectors.moment_inhoud(moment=moment)
    assert content["bron"]["titel"] == "Een advies dat de collegetafel niet haalt"
    assert any(
        r.startswith("Einde: Helder advies, koele wethouder") for r in content["bron"]["regels"]
    )
    assert (
        "Adviseurs gevraagd: Lotte Faber; niet gevraagd: Ahmed Bakker, Ruben Hoekstra"
        in (content["bron"]["regels"])
    )
    assert [v["soort"] for v in content["vragen"]] == ["oefening"] * 3
    # The summary is encrypted like every other entry: no plain text in the row.
    assert "Helder advies" not in moment.inhoud_versleuteld

    page = client_in.get(reverse("reflectie:schrijven", args=[moment.pk])).content.decode()
    assert "Na een oefening" in page and "De oefening: Een advies dat" in page
    assert "Keuze 1, " in page and "Jouw cijfers" not in page

    # A second click opens the same entry; the exercise's owner alone can ask.
    again = client_in.post(reverse("oefenen:reflecteren", args=[sessie.pk]))
    assert again["Location"] == response["Location"]
    assert Reflectiemoment.objects.count() == 1
    dagboek = client_in.get(reverse("reflectie:dagboek")).content.decode()
    assert "Na een oefening" in dagboek

    client_in.force_login(other_user)
    assert client_in.post(reverse("oefenen:reflecteren", args=[sessie.pk])).status_code == 404
    assert client_in.get(reverse("reflectie:schrijven", args=[moment.pk])).status_code == 404
