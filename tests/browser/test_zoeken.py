"""Search in a real browser: "Bedoelde je", "Meer resultaten" with and without JavaScript,
groups per document, "Was dit nuttig?" and the beheerder's curation pages; axe on each state,
keyboard focus and 320 px width."""

from __future__ import annotations

import re

import pytest

from spil.accounts.services import role_grant
from spil.kennis.models import SynonymGroup, UnitKeyword
from tests.browser.conftest import assert_accessible, log_in
from tests.kennis.test_curation import GIDS
from tests.web.library import NOTITIE, ingest

pytestmark = pytest.mark.browser


@pytest.fixture
def library(browser_user):
    role_grant(actor=None, user=browser_user, role="functioneel_beheerder")
    werkboek = ingest()
    ingest(GIDS, "gids.md")
    ingest(NOTITIE, "notitie.md")
    return werkboek


def test_a_typo_is_searched_as_the_known_word(logged_in_page, library):
    page = logged_in_page
    page.goto("/zoeken/")
    page.get_by_label("Beschrijf je situatie of zoek een onderwerp").fill("wethouer")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    correction = page.locator(".spil-correction")
    assert "Gezocht naar: wethouder." in correction.inner_text()
    assert page.locator(".spil-card").count() >= 1
    assert_accessible(page, "zoeken met spellingscorrectie")

    page.get_by_role("link", name="Zoek in plaats daarvan op ‘wethouer’").click()
    page.wait_for_url(re.compile(r"letterlijk=1"))
    page.get_by_text("Geen resultaten voor ‘wethouer’.").wait_for()
    assert page.locator(".spil-correction").count() == 0
    assert_accessible(page, "zoeken zonder correctie")


def test_a_topic_over_several_documents_is_grouped(logged_in_page, library):
    page = logged_in_page
    page.goto("/zoeken/?q=raad+college")
    groups = page.locator(".spil-results__group")
    assert groups.count() >= 2
    assert groups.first.locator("h3").count() == 1
    link = page.get_by_role("link", name="Alleen zoeken in ‘Werkboek bestuurlijk samenspel’")
    assert_accessible(page, "zoekresultaten per document")
    link.click()
    page.wait_for_url(re.compile(rf"document={library.id}"))
    assert page.locator(".spil-results__group").count() == 0


def test_more_results_with_htmx_moves_focus_and_is_bookmarkable(logged_in_page, library):
    page = logged_in_page
    page.goto("/zoeken/?q=overleg")
    items = page.locator(".spil-results__item")
    assert items.count() == 10
    assert_accessible(page, "zoekresultaten met meer resultaten")

    page.get_by_role("link", name="Meer resultaten").click()
    page.wait_for_url(re.compile(r"pagina=2"))
    page.wait_for_function("() => document.querySelectorAll('.spil-results__item').length > 10")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'resultaat-11'"
    )
    assert_accessible(page, "zoekresultaten na meer resultaten")

    page.reload()
    assert page.locator(".spil-results__item").count() == items.count() > 10


def test_more_results_without_javascript(browser, live_server, library):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page)
    page.goto("/zoeken/?q=overleg")
    with page.expect_navigation():
        page.get_by_role("link", name="Meer resultaten").click()
    assert "pagina=2" in page.url and page.url.endswith("#resultaat-11")
    assert page.locator(".spil-results__item").count() == 20
    # "Was dit nuttig?" works as a plain form too.
    with page.expect_navigation():
        page.locator("#resultaat-1").get_by_role("button", name=re.compile("^Nee")).click()
    page.get_by_text(re.compile("Bedankt. Je reactie op")).wait_for()
    context.close()


def test_was_this_useful_then_the_beheerder_sees_it_counted(logged_in_page, library):
    page = logged_in_page
    page.goto("/zoeken/?q=wethouder")
    first = page.locator("#resultaat-1")
    first.get_by_role("button", name=re.compile("^Nee")).click()
    first.get_by_text("Bedankt, je reactie is bewaard.").wait_for()
    # The answered form replaces the old one; the keyboard stays on the button pressed.
    assert page.evaluate("() => document.activeElement.id") == "nuttig-1-nee"
    assert (
        first.get_by_role("button", name=re.compile("^Nee")).get_attribute("aria-pressed") == "true"
    )
    assert_accessible(page, "zoeken na een reactie")

    page.goto("/zoeken/?q=zeilboot")
    page.get_by_text("Geen resultaten voor ‘zeilboot’.").wait_for()
    page.get_by_role("link", name="Zoekbeheer: zoekvragen zonder resultaat en synoniemen").click()
    page.wait_for_url("**/zoeken/beheer/")
    assert page.get_by_role("cell", name="zeilboot", exact=True).count() == 1
    assert page.get_by_role("cell", name="wethouder", exact=True).count() == 1
    assert "secretaris" not in page.locator("main").inner_text()
    assert_accessible(page, "zoekbeheer")


def test_beheerder_adds_keywords_and_synonyms(logged_in_page, library):
    page = logged_in_page
    unit = library.units.get(theme_number=5)
    page.goto(f"/themas/{unit.id}/")
    page.get_by_role("link", name="Trefwoorden bewerken").click()
    page.wait_for_url(f"**/themas/{unit.id}/trefwoorden/")
    assert_accessible(page, "trefwoorden zonder trefwoorden")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()  # empty: a Dutch message
    page.get_by_text("Vul een trefwoord of een korte situatie in.").wait_for()
    assert_accessible(page, "trefwoorden met foutmelding")
    page.get_by_label("Trefwoord of korte situatie").fill("sluiting van het zwembad")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("zoeken vindt dit thema er nu op").wait_for()
    assert UnitKeyword.objects.count() == 1
    assert_accessible(page, "trefwoorden met een trefwoord")
    page.goto("/zoeken/?q=zwembad")
    assert unit.title in page.locator(".spil-card").first.inner_text()

    page.goto("/zoeken/beheer/synoniemen/")
    assert_accessible(page, "synoniemen leeg")
    field = page.get_by_label("Woorden van de nieuwe groep")
    field.fill("kibbelen conflict")
    field.press("Enter")  # the keyboard is enough
    page.wait_for_url("**/zoeken/beheer/synoniemen/")
    page.get_by_text("Opgeslagen: conflict kibbelen.").wait_for()
    assert SynonymGroup.objects.count() == 1
    assert_accessible(page, "synoniemen met een groep")
    page.get_by_label("Woorden van de nieuwe groep").fill("alleen")
    with page.expect_navigation():
        page.get_by_role("button", name="Groep toevoegen").click()
    page.get_by_text("minstens twee woorden").wait_for()
    assert_accessible(page, "synoniemen met foutmelding")
    page.goto("/zoeken/?q=kibbelen")
    assert "conflict" in page.locator(".spil-card").first.inner_text().lower()


@pytest.mark.parametrize("width", [320, 640])
def test_search_states_and_curation_pages_fit_at_320px(browser, live_server, library, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    unit = library.units.get(theme_number=5)
    for url in [
        "/zoeken/?q=wethouer",
        "/zoeken/?q=overleg&pagina=2",
        "/zoeken/beheer/",
        "/zoeken/beheer/synoniemen/",
        f"/themas/{unit.id}/trefwoorden/",
    ]:
        page.goto(url)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} schuift horizontaal bij {width}px ({overflow}px te breed)"
    context.close()
