"""Oefenen in a real browser: a play-through by keyboard with an adviser, an explanation, the
news, the ending and the debrief; axe on every page and state; 320 px; the timer's controls."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_accessible
from tests.web.library import ingest

pytestmark = pytest.mark.browser


def choose(page, label: str) -> None:
    page.get_by_label(label).check()
    page.get_by_role("button", name="Kies", exact=True).press("Enter")


def test_play_through_and_debrief_by_keyboard(logged_in_page, browser_user):
    ingest()
    page = logged_in_page
    page.get_by_role("link", name="Oefenen", exact=True).click()
    page.get_by_role("heading", level=1, name="Oefenen").wait_for()
    assert_accessible(page, "oefenen: lijst")
    page.get_by_role("link", name="Het college wankelt").click()
    assert_accessible(page, "oefenen: scenario")
    page.get_by_label("Middelgroot Wadderveen").check()
    page.get_by_label("Met tijdslimiet per situatie").check()
    page.get_by_role("button", name="Begin het scenario").press("Enter")

    page.get_by_role("heading", level=1, name="Het lek").wait_for()
    # The timer appears once its script ran (deferred): wait for it rather than race it.
    page.get_by_role("timer").wait_for()
    page.get_by_role("button", name="Twee minuten erbij").click()
    assert int(page.locator(".spil-timer__left").inner_text()) > 150
    assert_accessible(page, "oefenen: situatie met tijdslimiet")
    page.get_by_role("button", name="Tijdslimiet uitzetten").click()
    assert not page.locator(".spil-timer").is_visible()

    page.get_by_role("button", name="Vraag advies aan Iris Dekker").press("Enter")
    page.get_by_text("stilte wordt als schuld gelezen").wait_for()
    assert page.url.endswith("#advies-comm")
    assert_accessible(page, "oefenen: advies geopend")

    choose(page, "Je stelt voor dat de burgemeester een onafhankelijk onderzoek")
    page.get_by_role("heading", name="Leg je keuze uit (mag je overslaan)").wait_for()
    assert_accessible(page, "oefenen: uitleg na een sleutelkeuze")
    page.get_by_label("voor de organisatie").check()
    page.get_by_label("Je uitleg in twee zinnen").fill("Rust in de tent. Feiten boven gevoel.")
    page.get_by_role("button", name="Uitleg bewaren").press("Enter")
    page.get_by_text("Je uitleg is bewaard").wait_for()

    choose(page, "Je houdt alle voorstellen aan tot het college weer stabiel is.")
    page.get_by_text("Onzekerheid over contracten raakt gezinnen").wait_for()
    assert_accessible(page, "oefenen: situatie met nieuws")
    choose(page, "Je denkt informeel mee met de fractievoorzitters")
    page.get_by_role("heading", level=1, name="Einde: Verstrikt in de formatie").wait_for()
    assert_accessible(page, "oefenen: einde")

    page.get_by_role("link", name="Naar de nabespreking").press("Enter")
    page.get_by_role("heading", level=1, name="Nabespreking: Het college wankelt").wait_for()
    assert page.locator("table").count() == 1
    assert "Rust in de tent. Feiten boven gevoel." in page.content()
    assert page.get_by_text("staat (nog) niet in de bibliotheek").count() > 0
    assert_accessible(page, "oefenen: nabespreking")

    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"nabespreking scrolt horizontaal bij 320 px ({width})"
    page.go_back()
    page.get_by_role("heading", level=1).wait_for()
    assert page.locator("link[rel=stylesheet]").count() >= 3

    # The debrief becomes a private reflectie entry, by keyboard.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Naar de nabespreking").press("Enter")
    page.get_by_role("heading", level=1, name="Nabespreking: Het college wankelt").wait_for()
    page.get_by_role("button", name="Maak er een reflectie van").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/reflectie/**")
    page.get_by_role(
        "heading", level=2, name=re.compile("De oefening: Het college wankelt")
    ).wait_for()
    assert page.get_by_text("Je reflectie op deze oefening staat klaar").count() == 1
    assert_accessible(page, "reflectie na een oefening")


def test_exam_mode_has_no_way_back(logged_in_page, browser_user):
    page = logged_in_page
    page.goto("/oefenen/scenario/ssc-hapert/")
    page.get_by_label("Examenstand").check()
    page.get_by_role("button", name="Begin het scenario").click()
    choose(page, "Je verwijst medewerkers naar het servicecentrum")
    page.get_by_role("heading", level=1, name="Wat is er echt aan de hand?").wait_for()
    assert page.get_by_role("button", name="Terug naar de vorige situatie").count() == 0
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert_accessible(page, "oefenen: examenstand op 320 px")
