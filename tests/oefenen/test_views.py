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
    for name in ("kiezen", "terug", "raadplegen", "uitleg", "verwijderen"):
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
