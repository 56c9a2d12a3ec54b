"""Reflectie in a real browser: start and write a check-in by keyboard, autosave that survives
a lost connection and a closed tab, every page axe-clean, and the writing page at 320 px."""

from __future__ import annotations

import re

import pytest

from spil.reflectie import selectors
from spil.reflectie.models import Reflectiemoment
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def subnav(page):
    return page.get_by_role("navigation", name="Reflectie")


def answer(user) -> str:
    moment = Reflectiemoment.objects.owned_by(user).get(ritme="week")
    return selectors.moment_inhoud(moment=moment)["antwoorden"].get("week-1", "")


def test_check_in_by_keyboard_with_autosave_offline_and_every_page_accessible(
    logged_in_page, browser_user, context
):
    page = logged_in_page
    # The start page: exactly one due item per rhythm in the reflectie panel.
    panel = page.locator("section[aria-labelledby=reflectie-panel-kop]")
    assert panel.locator("li").count() == 3
    assert_accessible(page, "startpagina met reflectie")
    page.get_by_role("link", name="Reflectie", exact=True).first.click()
    page.wait_for_url("**/reflectie/")
    assert_accessible(page, "reflectie vandaag")

    start = page.get_by_role("button", name=re.compile(r"^Beginnen\s*:\s*Wekelijkse check-in"))
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/schrijven/")
    assert_accessible(page, "check-in schrijven")

    first = page.get_by_label("Wat was het belangrijkste moment van je week")
    first.focus()
    page.keyboard.type("Het gesprek met de raad")
    page.locator("#bewaar-status", has_text="Bewaard om").wait_for()
    assert answer(browser_user) == "Het gesprek met de raad"

    # Connection lost: the text stays in the browser and the page says so.
    context.set_offline(True)
    page.keyboard.type(" en de corporatie")
    page.locator("#bewaar-status", has_text="Niet bewaard").wait_for()
    assert answer(browser_user) == "Het gesprek met de raad"
    url = page.url
    page.close()  # the tab is closed before the connection returns
    context.set_offline(False)

    again = context.new_page()
    again.goto(url)
    again.locator("#bewaar-status", has_text="Bewaard om").wait_for()
    assert answer(browser_user) == "Het gesprek met de raad en de corporatie"
    assert (
        again.get_by_label("Wat was het belangrijkste moment van je week").input_value()
        == "Het gesprek met de raad en de corporatie"
    )

    # 320 px wide: nothing needs horizontal scrolling.
    again.set_viewport_size({"width": 320, "height": 800})
    assert again.evaluate("() => document.documentElement.scrollWidth") <= 320
    again.set_viewport_size({"width": 1280, "height": 900})

    finish = again.get_by_role("button", name="Opslaan en afronden")
    finish.focus()
    again.keyboard.press("Enter")
    again.wait_for_url("**/moment/*/")
    assert "Gelukt" in again.locator(".spil-messages").inner_text()
    assert_accessible(again, "reflectiemoment")

    for name, label in (
        ("Dagboek", "dagboek"),
        ("Trends", "trends"),
        ("Gedeeld met mij", "gedeeld met mij"),
        ("Toegangslog", "toegangslog"),
        ("Vragen", "vragen"),
        ("Instellingen", "instellingen"),
    ):
        with again.expect_navigation():
            subnav(again).get_by_role("link", name=name, exact=True).click()
        assert_accessible(again, label)

    moment = Reflectiemoment.objects.owned_by(browser_user).get(ritme="week")
    again.goto(f"/reflectie/moment/{moment.pk}/delen/")
    assert_accessible(again, "delen")
    again.goto(f"/reflectie/moment/{moment.pk}/verwijderen/")
    assert_accessible(again, "verwijderen")
    again.goto("/reflectie/verwijderen/")
    assert_accessible(again, "alles verwijderen")


def test_monthly_and_quarterly_forms_are_accessible_and_work_by_keyboard(
    logged_in_page, browser_user
):
    page = logged_in_page
    page.goto("/reflectie/")
    page.get_by_role("button", name=re.compile(r"^Beginnen\s*:\s*Aspect van de maand")).click()
    page.wait_for_url("**/schrijven/")
    assert page.locator("fieldset.reflectie-balans").count() == 7
    assert_accessible(page, "aspect van de maand")
    radio = page.locator("fieldset.reflectie-balans").first.get_by_label("in balans")
    radio.focus()
    page.keyboard.press("Space")
    assert radio.is_checked()

    page.goto("/reflectie/")
    page.get_by_role("button", name=re.compile(r"^Beginnen\s*:\s*Kwartaalterugblik")).click()
    page.wait_for_url("**/schrijven/")
    assert_accessible(page, "kwartaalterugblik")
    for label, value in (
        ("Maat houden", "40"),
        ("Zelf de toon zetten", "20"),
        ("Anderen op stem brengen", "20"),
        ("Spel verdelen", "10"),
        ("Meedoen en samen oefenen", "5"),
    ):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Opslaan en afronden").click()
    page.get_by_text("nu 95").first.wait_for()
    assert_accessible(page, "kwartaalterugblik met fout")


def test_trends_with_charts_tables_and_summaries_is_accessible(logged_in_page, browser_user):
    from datetime import date

    from spil.reflectie import services

    for day, score in ((date(2025, 2, 5), 2), (date(2025, 5, 7), 0)):
        moment = services.moment_start(user=browser_user, ritme="maand", today=day)
        services.moment_save(
            user=browser_user,
            moment=moment,
            antwoorden={vid: "Overleg met de corporatie" for vid in moment.vraag_ids},
            scores={"gezag": score, "moed": -1},
            afronden=True,
        )
    page = logged_in_page
    page.goto("/reflectie/trends/")
    assert page.locator("img.spil-chart__image").count() == 2
    assert page.locator("figcaption").count() == 2
    assert "corporatie" in page.locator("#woorden-kop + p + ul").inner_text()
    assert_accessible(page, "trends met grafieken")
    page.set_viewport_size({"width": 320, "height": 800})
    # Wide tables scroll inside their own focusable region, not the page.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
