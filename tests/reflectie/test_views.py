import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from spil.core.models import AuditEntry
from spil.reflectie import selectors, services
from spil.reflectie.models import Deling, Reflectiemoment
from spil.reflectie.ritme import KWARTAAL, MAAND, WEEK

from .conftest import TODAY

pytestmark = pytest.mark.django_db

SECRET = "Mijn zorg over de samenwerking met Woonstede"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def entry(user):
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_save(user=user, moment=moment, antwoorden={"week-1": SECRET}, afronden=True)
    return moment


def entry_urls(moment) -> list[str]:
    return [
        reverse("reflectie:moment", args=[moment.pk]),
        reverse("reflectie:schrijven", args=[moment.pk]),
        reverse("reflectie:verwijderen", args=[moment.pk]),
        reverse("reflectie:delen", args=[moment.pk]),
    ]


def personal_urls() -> list[str]:
    return [
        reverse("reflectie:vandaag"),
        reverse("reflectie:dagboek"),
        reverse("reflectie:trends"),
        reverse("reflectie:gedeeld"),
        reverse("reflectie:toegang"),
        reverse("reflectie:vragen"),
        reverse("reflectie:instellingen"),
        reverse("reflectie:alles_verwijderen"),
        reverse("reflectie:export", args=["md"]),
        reverse("reflectie:export", args=["json"]),
    ]


def test_pages_need_login(client, entry):
    for url in [*personal_urls(), *entry_urls(entry)]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"], url


def test_the_owner_sees_every_page(user, entry):
    client = client_for(user)
    for url in [*personal_urls(), *entry_urls(entry)]:
        assert client.get(url).status_code == 200, url
    assert SECRET in client.get(reverse("reflectie:moment", args=[entry.pk])).content.decode()


@pytest.mark.parametrize("who", ["other_user", "beheerder", "superuser"])
def test_nobody_else_reaches_an_entry_not_even_staff_or_superusers(
    request, user, other_user, entry, who
):
    intruder = request.getfixturevalue(who)
    client = client_for(intruder)
    for url in entry_urls(entry):
        assert client.get(url).status_code == 404, url
    for name in ("verwijderen", "delen", "autosave", "schrijven"):
        url = reverse(f"reflectie:{name}", args=[entry.pk])
        assert client.post(url, {"antwoord_week-1": "x", "gebruikersnaam": who}).status_code == 404
    for url in personal_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    services.eigenvraag_create(user=user, tekst="Alleen mijn vraag?")
    vraag, _ = selectors.eigenvraag_list(user=user)[0]
    deling = services.deling_create(user=user, moment=entry, ontvanger_naam="collega")
    for url in (
        reverse("reflectie:eigen_vraag_verwijderen", args=[vraag.pk]),
        reverse("reflectie:deling_intrekken", args=[deling.pk]),
    ):
        assert client.post(url).status_code == 404, url
    if who != "other_user":
        assert client.get(reverse("reflectie:gedeeld_lezen", args=[deling.pk])).status_code == 404
    assert (
        "Alleen mijn vraag?" not in client.get(reverse("reflectie:instellingen")).content.decode()
    )
    export = json.loads(client.get(reverse("reflectie:export", args=["json"])).content)
    assert export["momenten"] == []
    # Another user's "delete everything" removes only their own.
    client.post(reverse("reflectie:alles_verwijderen"))
    assert Reflectiemoment.objects.filter(pk=entry.pk).exists()
    assert selectors.moment_inhoud(moment=entry)["antwoorden"]["week-1"] == SECRET


def test_nobody_reaches_a_share_meant_for_someone_else(request, user, other_user, entry):
    deling = services.deling_create(user=user, moment=entry, ontvanger_naam=other_user.username)
    url = reverse("reflectie:gedeeld_lezen", args=[deling.pk])
    for who in ("beheerder", "superuser"):
        client = client_for(request.getfixturevalue(who))
        assert client.get(url).status_code == 404
        revoke = reverse("reflectie:deling_intrekken", args=[deling.pk])
        assert client.post(revoke).status_code == 404
    client = client_for(user)
    assert client.get(url).status_code == 404  # the owner reads through her own URL
    assert AuditEntry.objects.filter(kind="read").count() == 0


def test_share_read_log_and_revoke(user, other_user, entry):
    owner = client_for(user)
    response = owner.post(
        reverse("reflectie:delen", args=[entry.pk]), {"gebruikersnaam": other_user.username}
    )
    assert response.status_code == 302
    deling = Deling.objects.get()
    coach = client_for(other_user)
    listing = coach.get(reverse("reflectie:gedeeld")).content.decode()
    assert SECRET not in listing and reverse("reflectie:gedeeld_lezen", args=[deling.pk]) in listing
    url = reverse("reflectie:gedeeld_lezen", args=[deling.pk])
    assert SECRET in coach.get(url).content.decode()
    assert SECRET in coach.get(url).content.decode()
    assert AuditEntry.objects.filter(subject=user, resource="reflectie", kind="read").count() == 2
    log = owner.get(reverse("reflectie:toegang")).content.decode()
    assert log.count(other_user.username) >= 2
    # The same reads are in the platform's "Wie zag mijn gegevens".
    wie_zag = owner.get(reverse("accounts:wie_zag")).content.decode()
    assert wie_zag.count(other_user.username) >= 2
    # The coach still cannot open the owner's own URLs.
    for page in entry_urls(entry):
        assert coach.get(page).status_code == 404
    owner.post(reverse("reflectie:deling_intrekken", args=[deling.pk]))
    assert coach.get(url).status_code == 404
    assert AuditEntry.objects.filter(subject=user, resource="reflectie", kind="read").count() == 2


def test_share_with_unknown_user_says_so(user, entry):
    response = client_for(user).post(
        reverse("reflectie:delen", args=[entry.pk]), {"gebruikersnaam": "niemand"}
    )
    assert response.status_code == 400
    assert "Er is geen account met de gebruikersnaam" in response.content.decode()


def test_start_write_autosave_and_finish(user):
    client = client_for(user)
    response = client.post(reverse("reflectie:start", args=[WEEK]))
    moment = Reflectiemoment.objects.owned_by(user).get()
    assert response["Location"] == reverse("reflectie:schrijven", args=[moment.pk])
    page = client.get(response["Location"]).content.decode()
    assert "data-autosave-url" in page and "week-1" in page
    saved = client.post(
        reverse("reflectie:autosave", args=[moment.pk]), {"antwoord_week-1": "Half af"}
    )
    assert saved.status_code == 200 and "Bewaard om" in saved.content.decode()
    assert (
        "Half af" in client.get(reverse("reflectie:schrijven", args=[moment.pk])).content.decode()
    )
    finish = client.post(
        reverse("reflectie:schrijven", args=[moment.pk]),
        {"antwoord_week-1": "Helemaal af", "afronden": "ja"},
    )
    assert finish["Location"] == reverse("reflectie:moment", args=[moment.pk])
    moment.refresh_from_db()
    assert moment.status == Reflectiemoment.KLAAR
    assert WEEK not in [d.ritme for d in selectors.due_for(user=user, today=moment.datum)]


def test_quarterly_form_rejects_a_spread_that_is_not_100(user):
    client = client_for(user)
    client.post(reverse("reflectie:start", args=[KWARTAAL]))
    moment = Reflectiemoment.objects.owned_by(user).get()
    data = {f"toon_{k}": 30 for k in ("maat_houden", "toon_zetten", "op_stem_brengen")}
    data.update({"toon_spel_verdelen": 5, "toon_samen_oefenen": 4, "afronden": "ja"})
    response = client.post(reverse("reflectie:schrijven", args=[moment.pk]), data)
    assert response.status_code == 400
    assert (
        "Verdeel precies 100 punten over de vijf toonsoorten; nu 99." in response.content.decode()
    )


def test_snooze_hides_the_item_from_today_and_the_start_page(user):
    client = client_for(user)
    start = client.get(reverse("web:start")).content.decode()
    for label in ("Wekelijkse check-in", "Aspect van de maand", "Kwartaalterugblik"):
        assert start.count(label) == 1, label
    snoozed = client.post(reverse("reflectie:uitstellen", args=[MAAND]), follow=True)
    assert "uitgesteld tot" in snoozed.content.decode()
    assert "Aspect van de maand" not in client.get(reverse("web:start")).content.decode()
    assert "Aspect van de maand" not in client.get(reverse("reflectie:vandaag")).content.decode()


def test_reminders_off_removes_the_start_panel(user):
    client = client_for(user)
    client.post(reverse("reflectie:instellingen"), {"week_aan": "on", "maand_aan": "on"})
    assert "Reflectie" not in re.sub(
        r"<nav.*?</nav>", "", client.get("/").content.decode(), flags=re.S
    )
    page = client.get(reverse("reflectie:vandaag")).content.decode()
    assert "Kwartaalterugblik" not in page and "Wekelijkse check-in" in page


def test_export_markdown_and_json_and_delete(user, entry):
    client = client_for(user)
    md = client.get(reverse("reflectie:export", args=["md"]))
    assert md["Content-Disposition"].startswith("attachment;") and SECRET in md.content.decode()
    data = json.loads(client.get(reverse("reflectie:export", args=["json"])).content)
    assert data["momenten"][0]["vragen"][0]["antwoord"] == SECRET
    assert client.get(reverse("reflectie:export", args=["pdf"])).status_code == 404
    client.post(reverse("reflectie:verwijderen", args=[entry.pk]))
    assert not Reflectiemoment.objects.exists()
    services.moment_start(user=user, ritme=MAAND, today=TODAY)
    client.post(reverse("reflectie:alles_verwijderen"))
    assert not Reflectiemoment.objects.exists()


def test_own_questions_page(user, other_user):
    client = client_for(user)
    client.post(reverse("reflectie:eigen_vraag"), {"tekst": "Wat liet ik liggen?", "aspect": ""})
    page = client.get(reverse("reflectie:instellingen")).content.decode()
    assert "Wat liet ik liggen?" in page
    vraag, _ = selectors.eigenvraag_list(user=user)[0]
    other = client_for(other_user)
    url = reverse("reflectie:eigen_vraag_verwijderen", args=[vraag.pk])
    assert other.post(url).status_code == 404
    assert client.post(url).status_code == 302
    assert not selectors.eigenvraag_list(user=user)


def test_trends_with_two_months_of_scores(user):
    for day in (TODAY, TODAY.replace(month=4)):
        moment = services.moment_start(user=user, ritme=MAAND, today=day)
        services.moment_save(
            user=user,
            moment=moment,
            antwoorden={v: "overleg met de corporatie" for v in moment.vraag_ids},
            scores={"gezag": 2 if day == TODAY else 0, "moed": -1},
            afronden=True,
        )
    page = client_for(user).get(reverse("reflectie:trends")).content.decode()
    assert page.count("data:image/svg+xml;base64,") == 2  # scores and aspects per quarter
    assert (
        "Van 2025-02 tot 2025-04 kwam &#x27;Gezag dragen en anderen laten stralen&#x27; het meest"
        in page
    )
    assert "Van 2025-K1 tot en met 2025-K2 beantwoordde je 6 vragen over aspecten" in page
    assert "corporatie (2 reflecties)" in page  # a recurring word


def test_weekly_check_in_page_shows_the_mirror_figures(with_agenda):
    moment = services.moment_start(user=with_agenda, ritme=WEEK, today=TODAY)
    page = client_for(with_agenda).get(reverse("reflectie:schrijven", args=[moment.pk]))
    text = page.content.decode()
    assert "2025-01-06" in text and "n=77" in text
    # The netwerk app is installed and derived the agenda's external contacts.
    assert "nog geen netwerkgegevens" not in text


def test_an_entry_links_its_three_most_relevant_kennisbank_themes(user):
    from tests.kennis.search.factories import build_handbook

    build_handbook()
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_save(
        user=user,
        moment=moment,
        antwoorden={
            "week-1": "De oefening met het beleidsteam van de veiligheidsregio na de crisis"
        },
        afronden=True,
    )
    page = client_for(user).get(reverse("reflectie:moment", args=[moment.pk])).content.decode()
    section = page.split('id="themas-kop"')[1].split("</section>")[0]
    assert "Thema 4: Crisis en rampenbestrijding" in section
    assert section.count("<li") <= 3


@pytest.mark.parametrize("who", ["beheerder", "superuser"])
def test_no_admin_shows_reflectie(request, entry, who):
    from django.conf import settings

    client = client_for(request.getfixturevalue(who))
    if "django.contrib.admin" in settings.INSTALLED_APPS:
        from django.apps import apps
        from django.contrib import admin

        for model in apps.get_app_config("reflectie").get_models():
            assert not admin.site.is_registered(model), model
    else:
        assert client.get("/admin/").status_code == 404
        assert client.get(f"/admin/reflectie/reflectiemoment/{entry.pk}/change/").status_code == 404


def test_language_mirror_is_off_by_default_and_counts_when_switched_on(user):
    moment = services.moment_start(user=user, ritme=WEEK, today=TODAY)
    services.moment_save(
        user=user,
        moment=moment,
        antwoorden={"week-1": "Wij kozen samen; zij twijfelden. Onze organisatie hield vol."},
        afronden=True,
    )
    client = client_for(user)
    assert "De taalspiegel staat uit" in client.get(reverse("reflectie:trends")).content.decode()
    client.post(reverse("reflectie:instellingen"), {"week_aan": "on", "taalspiegel": "on"})
    page = client.get(reverse("reflectie:trends")).content.decode()
    assert "2 keer &#x27;wij/ons&#x27; en 1 keer &#x27;zij/hun&#x27; (67% wij)" in page
