"""Leergang in a real browser: the staff cohort page, the plan review (lock by keyboard), the
candidate's page and the matching pages; axe on each, at 1280 and at 320 px."""

from __future__ import annotations

import pytest

from spil.accounts.services import role_grant
from spil.leergang import services
from spil.leergang.tasks import plan_solve
from tests.browser.conftest import PASSWORD, assert_accessible, log_in
from tests.leergang.factories import cohort_example

pytestmark = pytest.mark.browser


def narrow(page, label: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"{label} scrolt horizontaal bij 320 px ({width})"
    assert_accessible(page, f"{label} op 320 px")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def world(browser_user):
    role_grant(actor=None, user=browser_user, role="programmaleider")
    cohort = cohort_example(staff=browser_user, deelnemers=10, naam="Cohort Noord")
    plan = services.plan_start(user=browser_user, cohort_id=cohort.pk)
    plan_solve(plan_id=plan.pk, time_limit=10)
    plan.refresh_from_db()
    return cohort, plan


def test_staff_cohort_page_and_plan_review(logged_in_page, world):
    cohort, _plan = world
    page = logged_in_page
    page.get_by_role("link", name="Leergang", exact=True).click()
    page.get_by_role("heading", level=1, name="Leergang").wait_for()
    assert_accessible(page, "leergang: start (staf)")
    page.get_by_role("link", name=str(cohort)).first.click()
    page.get_by_role("heading", level=1, name=str(cohort)).wait_for()
    assert_accessible(page, "leergang: cohort")
    narrow(page, "leergang: cohort")

    page.get_by_role("link", name="Versie 1").click()
    page.get_by_role("heading", level=1, name="Indeling Cohort Noord, versie 1").wait_for()
    assert_accessible(page, "leergang: plan beoordelen")
    button = page.get_by_role("button", name="Vastzetten").first
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("button", name="Losmaken").first.wait_for()
    assert_accessible(page, "leergang: plan met vastgezette toewijzing")
    narrow(page, "leergang: plan beoordelen")

    with page.expect_navigation():
        page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("De indeling is gepubliceerd").wait_for()
    assert_accessible(page, "leergang: gepubliceerd plan")

    page.goto("/leergang/")
    page.get_by_role("link", name="Nieuwe vacature").click()
    page.get_by_role("heading", level=1, name="Nieuwe vacature").wait_for()
    assert_accessible(page, "leergang: nieuwe vacature")
    page.get_by_label("Gemeente", exact=True).fill("Heuvelstad")
    page.get_by_role("button", name="Vacature aanmaken").click()
    page.get_by_role("heading", level=2, name="Selectiecommissie").wait_for()
    assert_accessible(page, "leergang: vacature (programmaleiding)")
    narrow(page, "leergang: vacature (programmaleiding)")


def test_candidate_page_and_matching(browser, live_server, world, browser_user):
    cohort, plan = world
    services.plan_publish(user=browser_user, plan_id=plan.pk)
    me = cohort.deelnemers.first()
    me.user.set_password(PASSWORD)
    me.user.save()
    vacature = services.vacature_create(
        user=browser_user,
        leergang_id=cohort.leergang_id,
        gemeente="Heuvelstad",
        profiel={"ambitie": {"gewicht": 3, "niveau": 5}},
    )
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, username=me.user.username)
    page.goto(f"/leergang/deelname/{me.pk}/")
    page.get_by_role("heading", level=1).wait_for()
    assert page.get_by_text("Waarom:").first.is_visible()
    assert_accessible(page, "leergang: kandidaat")
    narrow(page, "leergang: kandidaat")

    page.get_by_label("Nieuwe leervraag").fill("Hoe houd ik het overzicht in een fusie?")
    with page.expect_navigation():
        page.get_by_role("button", name="Leervraag toevoegen").click()
    page.get_by_text("Je leervraag is toegevoegd").wait_for()

    page.goto("/leergang/profiel/")
    page.get_by_role("heading", level=1, name="Mijn kandidaatprofiel").wait_for()
    with page.expect_navigation():
        page.get_by_role("button", name="Profiel opslaan").click()
    page.get_by_text("Je kandidaatprofiel is opgeslagen").wait_for()
    with page.expect_navigation():
        page.get_by_role("button", name="Profiel vrijgeven").click()
    page.get_by_role("button", name="Vrijgave intrekken").wait_for()
    assert_accessible(page, "leergang: kandidaatprofiel en vacatures")
    narrow(page, "leergang: kandidaatprofiel")
    context.close()

    member = type(browser_user).objects.create_user(username="commissielid", password=PASSWORD)
    services.commissielid_add(user=browser_user, vacature_id=vacature.pk, lid=member)
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, username="commissielid")
    page.goto("/leergang/")
    page.get_by_role("link", name="gemeentesecretaris Heuvelstad").click()
    page.get_by_role("heading", level=2, name="Kandidaten die hun profiel vrijgaven").wait_for()
    assert page.get_by_text(f"{me.naam}:").is_visible()
    assert_accessible(page, "leergang: vacature (selectiecommissie)")
    narrow(page, "leergang: vacature")
    context.close()


def test_group_play_with_the_coach(browser, live_server, world, browser_user):
    from spil.oefenen import services as oefenen

    _cohort, plan = world
    services.plan_publish(user=browser_user, plan_id=plan.pk)
    groep = plan.groepen.order_by("nummer").first()
    coach = groep.coach.user
    coach.set_password(PASSWORD)
    coach.save()
    members = [d.user for d in groep.deelnemers.all()]
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, username=coach.username)
    page.goto("/oefenen/")
    page.get_by_role("link", name="Samen oefenen met je intervisiegroep").click()
    page.get_by_role("heading", level=1, name="Samen oefenen").wait_for()
    assert_accessible(page, "oefenen: samen oefenen (coach)")
    page.get_by_label("Scenario").select_option("herindeling")
    page.get_by_role("button", name="Sessie starten en rollen loten").click()
    page.get_by_role("heading", level=2, name="De groep").wait_for()
    sessie_url = page.url
    assert page.get_by_text("0 van de").is_visible()
    assert_accessible(page, "oefenen: groepssessie (coach)")

    from spil.oefenen.models import Groepssessie

    sessie = Groepssessie.objects.get()
    start = sessie.keuzes or []
    assert start == []
    from spil.oefenen.library import scenario_get

    scenario = scenario_get("herindeling")
    situatie = scenario.situaties[scenario.start]
    keuze = situatie.choices_for(sessie.profiel)[0].id
    for member in members[:3]:
        oefenen.groepssessie_stem(user=member, sessie=sessie, situatie=situatie.id, keuze=keuze)
    page.reload()
    page.get_by_role("table", name="Hoe de groep koos").wait_for()
    assert_accessible(page, "oefenen: groepssessie met verdeling")
    narrow(page, "oefenen: groepssessie")
    with page.expect_navigation():
        page.get_by_role("button", name="Groep verder").click()
    page.get_by_text("De groep gaat verder").wait_for()
    assert page.url == sessie_url
    context.close()

    player = members[0]
    player.set_password(PASSWORD)
    player.save()
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, username=player.username)
    page.goto(sessie_url)
    page.get_by_text("Wat doe jij?").wait_for()
    assert_accessible(page, "oefenen: groepssessie (speler)")
    narrow(page, "oefenen: groepssessie (speler)")
    context.close()
