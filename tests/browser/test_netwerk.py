"""The netwerkkaart in a real browser: every page axe-clean, the sector corrected and an
introduction decided by keyboard only, no horizontal scrolling at 320 px, and another user's
organisation is a 404."""

from __future__ import annotations

import re
from datetime import date

import pytest

from spil.agenda import services as agenda_services
from spil.netwerk.models import Organisatie, Relatie
from tests.browser.conftest import assert_accessible, log_in
from tests.netwerk.calendars import NETWERK_Q2

pytestmark = pytest.mark.browser

PAGES = (
    "/netwerk/",
    "/netwerk/organisaties/",
    "/netwerk/te-lang-geleden/",
    "/netwerk/introducties/",
    "/netwerk/kaart/",
    "/netwerk/verbanden/",
    "/netwerk/sectoren/",
    "/netwerk/opschonen/?jaren=1",
)


@pytest.fixture
def network(browser_user):
    agenda_services.agenda_import(
        owner=browser_user,
        filename="Agenda.ics",
        data=NETWERK_Q2,
        today=date(2025, 6, 30),
        van=date(2025, 4, 1),
        tot=date(2025, 6, 30),
    )
    return browser_user


def _org(user, domain):
    return next(o for o in Organisatie.objects.visible_to(user) if domain in o.domeinen)


def test_every_page_is_accessible(logged_in_page, network):
    page = logged_in_page
    page.get_by_role("link", name="Netwerk", exact=True).click()
    page.wait_for_url("**/netwerk/")
    assert page.locator("img.spil-chart__image").count() == 1
    assert page.locator("#sector-tabel-kop").count() == 1
    for url in PAGES:
        page.goto(url)
        assert_accessible(page, url)
    org = _org(network, "zorgbeekdal.nl")
    person = Relatie.objects.get(email="f.ali@zorgbeekdal.nl")
    for url in (
        f"/netwerk/organisaties/{org.pk}/",
        f"/netwerk/personen/{person.pk}/",
        f"/netwerk/organisaties/{org.pk}/contact/",
    ):
        page.goto(url)
        assert_accessible(page, url)
    # The map: an SVG with a title, and the same people as links in a list.
    page.goto("/netwerk/kaart/")
    assert page.locator("svg[role=img] title").count() >= 1
    assert page.get_by_role("link", name="F. Ali").count() == 1


def test_empty_network_and_bad_upload_are_accessible(logged_in_page, browser_user, tmp_path):
    page = logged_in_page
    page.goto("/netwerk/")
    assert "lees je agenda in" in page.locator("main").inner_text().lower()
    assert_accessible(page, "leeg netwerk")
    bad = tmp_path / "verbanden.csv"
    bad.write_text("naam;rol\nX;baas\n", encoding="utf-8")
    page.goto("/netwerk/verbanden/")
    page.get_by_label("CSV-bestand met samenwerkingsverbanden").set_input_files(str(bad))
    page.get_by_role("button", name="Inlezen").click()
    page.get_by_text("kolom ‘status’ ontbreekt").wait_for()
    assert "verbanden.csv" in page.locator("main").inner_text()
    assert_accessible(page, "verbanden met fout")


def test_correct_sector_and_decide_introduction_by_keyboard(logged_in_page, network):
    page = logged_in_page
    page.goto("/netwerk/organisaties/")
    org = _org(network, "ondernemersbeekdal.nl")
    select = page.get_by_label(f"Sector van {org.naam}")
    select.focus()
    select.select_option(label="Cultuur en sport")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Dit geldt voor alle contacten met dit domein").wait_for()
    org.refresh_from_db()
    assert org.sector.naam == "Cultuur en sport"
    assert_accessible(page, "organisaties na correctie")

    page.goto("/netwerk/introducties/")
    first = page.locator(".spil-suggestions > li").first
    title = first.locator("h2").inner_text()
    button = first.get_by_role("button", name=re.compile(r"^Verbinden"))
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Opgeslagen als ‘verbinden’").wait_for()
    decided = page.locator("#besluiten-kop + ul").inner_text()
    for name in title.split(" en "):
        assert name in decided
    assert title not in [h.strip() for h in page.locator(".spil-suggestions h2").all_inner_texts()]
    assert_accessible(page, "introducties na besluit")


@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_at_320px(browser, live_server, network, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    for url in PAGES:
        page.goto(url)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} schuift horizontaal bij {width}px ({overflow}px te breed)"
    context.close()


def test_other_users_organisation_is_not_found(browser, live_server, network, django_user_model):
    django_user_model.objects.create_user(username="collega", password="browser-wachtwoord-2")
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    log_in(page, "collega", "browser-wachtwoord-2")
    org = _org(network, "zorgbeekdal.nl")
    response = page.goto(f"/netwerk/organisaties/{org.pk}/")
    assert response.status == 404
    page.goto("/netwerk/organisaties/")
    assert "zorgbeekdal" not in page.content()
    context.close()
