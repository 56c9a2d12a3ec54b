"""The agenda-spiegel in a real browser: import with progress, mirror, inline correction by
keyboard, axe on every page, and no access to another user's appointments."""

from __future__ import annotations

import re
from datetime import date

import pytest

from spil.agenda.models import Afspraak, AgendaInstellingen
from tests.agenda.calendars import BEEKDAL_Q1
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def calendar_file(tmp_path):
    path = tmp_path / "Agenda.ics"
    path.write_bytes(BEEKDAL_Q1)
    return path


def subnav(page):
    return page.get_by_role("navigation", name="Agenda-spiegel")


def _import(page, calendar_file) -> None:
    page.get_by_role("link", name="Agenda-spiegel", exact=True).click()
    subnav(page).get_by_role("link", name="Agenda inlezen", exact=True).click()
    page.get_by_label("Agendabestand").set_input_files(str(calendar_file))
    page.get_by_label("Vanaf (optioneel)").fill("2025-01-01")
    page.get_by_label("Tot en met (optioneel)").fill("2025-03-31")
    page.get_by_role("button", name="Inlezen").click()
    page.locator("#import-resultaat", has_text="Gelukt").wait_for()


def test_import_mirror_and_correct_by_keyboard(logged_in_page, browser_user, calendar_file):
    page = logged_in_page
    _import(page, calendar_file)
    assert "9 nieuw" in page.locator("#import-resultaat").inner_text()
    assert "Agenda.ics" in page.locator("#eerder-ingelezen").inner_text()
    # htmx swapped the result in place: still on the import page, focus on the result.
    assert page.url.endswith("/agenda/importeren/")
    assert page.evaluate("() => document.activeElement.id") == "import-resultaat"
    assert_accessible(page, "agenda inlezen met resultaat")

    page.goto("/agenda/?van=2025-01-06&tot=2025-02-28")
    assert page.locator("img.spil-chart__image").count() == 2
    assert page.locator("#weken-tabel-kop").count() == 1
    assert "week 2, 6 jan–12 jan 2025" in page.locator("table").nth(1).inner_text()
    # The opening conclusion is not read out a second time as a chart caption.
    lead = page.locator(".spil-lead").inner_text()
    assert lead not in page.locator("figcaption").all_inner_texts()
    assert "5 verlofdagen" in lead
    assert_accessible(page, "spiegel")

    subnav(page).get_by_role("link", name="Afspraken", exact=True).click()
    page.get_by_label("Onderwerp bevat").fill("Woonstede")
    page.get_by_label("Onderwerp bevat").press("Enter")
    page.wait_for_url(re.compile(r"zoek=Woonstede"))
    row = page.locator("tbody tr")
    assert row.count() == 1
    assert "Omgeving" in row.inner_text()
    assert_accessible(page, "afspraken")

    # Correct by keyboard only: tick the row, then the panel below the list; Enter saves.
    row.get_by_label(re.compile(r"^Kies Prestatieafspraken")).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the new domain, below the list
    page.get_by_label("Nieuw domein").select_option("college")
    page.keyboard.press("Tab")  # scope
    page.keyboard.press("Tab")  # button
    page.keyboard.press("Enter")
    page.get_by_text("1 afspraak ingedeeld bij college").wait_for()
    assert "College" in page.locator("tbody tr").inner_text()
    assert "Jouw correctie" in page.locator("tbody tr").inner_text()

    subnav(page).get_by_role("link", name="Instellingen", exact=True).click()
    assert "Prestatieafspraken" in page.locator("#correcties-kop + ul").inner_text()
    assert_accessible(page, "instellingen")


def test_import_error_is_announced(logged_in_page, tmp_path):
    page = logged_in_page
    bad = tmp_path / "kapot.ics"
    bad.write_bytes(b"dit is geen agenda")
    page.goto("/agenda/importeren/")
    page.get_by_label("Agendabestand").set_input_files(str(bad))
    page.get_by_role("button", name="Inlezen").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "kapot.ics: dit is geen agendabestand" in alert.inner_text()
    # The problem and "nothing changed" read top to bottom, not as two columns.
    first, second = (p.bounding_box() for p in alert.locator("p").all()[:2])
    assert second["y"] >= first["y"] + first["height"]
    assert_accessible(page, "agenda inlezen met fout")


def test_empty_mirror_is_accessible(logged_in_page):
    page = logged_in_page
    page.goto("/agenda/")
    assert "nog geen agenda" in page.locator("main").inner_text()
    assert_accessible(page, "lege spiegel")


def test_another_user_gets_404(page, browser_user, django_user_model):
    from spil.agenda.services import agenda_import
    from tests.browser.conftest import PASSWORD, log_in

    other = django_user_model.objects.create_user(username="collega", password=PASSWORD)
    agenda_import(
        owner=other,
        filename="Agenda.ics",
        data=BEEKDAL_Q1,
        van=date(2025, 1, 1),
        tot=date(2025, 3, 31),
    )
    foreign = Afspraak.objects.filter(owner=other).first()
    log_in(page)
    page.goto("/agenda/afspraken/")
    assert "Geen afspraken" in page.locator("main").inner_text()
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"/agenda/afspraken/{foreign.pk}/indeling/",
        form={"domein": "overig", "bereik": "afspraak"},
        headers={"X-CSRFToken": token},
    )
    assert response.status == 404
    foreign.refresh_from_db()
    assert foreign.domein != "overig"


def test_selects_show_that_they_open(logged_in_page):
    """Utrecht's select hides the native arrow and draws one from a token the theme leaves
    unset; without Spil's own arrow a select looks like a text box."""
    page = logged_in_page
    page.goto("/agenda/afspraken/")
    select = page.get_by_label("Domein", exact=True)
    assert "svg" in select.evaluate("el => getComputedStyle(el).backgroundImage")
    assert select.evaluate("el => parseFloat(getComputedStyle(el).paddingRight)") >= 24


def test_form_controls_get_the_same_focus_outline_as_links(logged_in_page):
    page = logged_in_page
    page.goto("/agenda/afspraken/")
    page.get_by_label("Onderwerp bevat").focus()
    page.keyboard.press("Shift+Tab")  # to the "Ingedeeld op" select, by keyboard
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
    )
    assert style == ["SELECT", "solid", "3px"]


def test_remove_a_calendar_and_everything_by_keyboard(logged_in_page, browser_user, calendar_file):
    page = logged_in_page
    _import(page, calendar_file)
    # The list of calendars came in with the htmx result; reach its remove link by keyboard.
    link = page.get_by_role("link", name=re.compile(r"^Agenda verwijderen\W+Agenda$"))
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/agenda/bronnen/\d+/verwijderen/$"))
    main = page.locator("main")
    assert "9 afspraken" in main.inner_text()
    assert Afspraak.objects.filter(owner=browser_user).count() == 9
    assert_accessible(page, "agenda verwijderen (bevestigen)")
    page.get_by_role("button", name="Ja, agenda verwijderen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/importeren/")
    assert "Agenda ‘Agenda’ is verwijderd" in main.inner_text()
    assert not Afspraak.objects.filter(owner=browser_user).exists()
    assert_accessible(page, "agenda inlezen na verwijderen")

    _import(page, calendar_file)
    page.goto("/agenda/instellingen/")
    page.get_by_role("link", name="Al mijn agendagegevens verwijderen").click()
    page.wait_for_url("**/agenda/verwijderen/")
    assert "1 agenda (Agenda)" in main.inner_text()
    assert_accessible(page, "al mijn agendagegevens verwijderen (bevestigen)")
    page.get_by_label("Ook mijn instellingen verwijderen").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/importeren/")
    assert "Al je agendagegevens zijn verwijderd" in main.inner_text()
    assert not Afspraak.objects.filter(owner=browser_user).exists()
    assert not AgendaInstellingen.objects.filter(owner=browser_user).exists()


def test_import_remarks_and_a_too_long_period_are_explained(logged_in_page, tmp_path):
    """Issue 14: duplicate UIDs are reported after the import, and a period of two centuries
    in the address is refused in Dutch; both states pass axe."""
    from tests.agenda.calendars import event, ics

    page = logged_in_page
    path = tmp_path / "dubbel.ics"
    path.write_bytes(
        ics(
            event("a@beekdal", "Overleg", "20250304T090000Z", "20250304T100000Z"),
            event("a@beekdal", "Overleg", "20250304T090000Z", "20250304T100000Z"),
            event("a@beekdal", "Werkbezoek", "20250305T090000Z", "20250305T110000Z"),
        )
    )
    page.goto("/agenda/importeren/")
    page.get_by_label("Agendabestand").set_input_files(str(path))
    page.get_by_role("button", name="Inlezen").click()
    result = page.locator("#import-resultaat", has_text="Gelukt")
    result.wait_for()
    assert "stonden dubbel in het bestand" in result.inner_text()
    assert "'Werkbezoek'" in result.inner_text()
    assert_accessible(page, "agenda inlezen met meldingen")

    page.goto("/agenda/?van=1900-01-01&tot=2100-12-31")
    assert "De periode is te lang: kies hoogstens 5 jaar." in page.locator("main").inner_text()
    assert_accessible(page, "spiegel met te lange periode")
