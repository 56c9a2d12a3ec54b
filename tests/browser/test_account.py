"""Beheer, gegevens downloaden and account verwijderen in a real browser: axe on every state,
keyboard-only use and 320 px wide."""

from __future__ import annotations

import io
import zipfile

import pytest

from spil.accounts.models import User
from spil.accounts.services import role_grant
from spil.core.models import RoleAssignment
from tests.browser.conftest import PASSWORD, assert_accessible, log_in

pytestmark = pytest.mark.browser

NEW_PASSWORD = "een-lang-en-ongewoon-wachtwoord-42"


def _fits(page, label: str) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"{label}: de pagina is {width} px breed op een scherm van 320 px"


@pytest.fixture
def beheerder(browser_user):
    role_grant(actor=None, user=browser_user, role="functioneel_beheerder")
    role_grant(actor=None, user=browser_user, role="secretaris")
    return browser_user


def test_beheer_create_user_grant_role_and_deactivate_by_keyboard(page, beheerder):
    log_in(page)
    page.get_by_role("link", name="Beheer", exact=True).click()
    page.get_by_role("heading", name="Gebruikers", level=1).wait_for()
    assert_accessible(page, "beheer: gebruikers")

    page.get_by_role("link", name="Nieuwe gebruiker").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Gebruikersnaam").wait_for()
    assert_accessible(page, "beheer: nieuwe gebruiker")
    page.get_by_role("button", name="Account aanmaken").focus()
    page.keyboard.press("Enter")  # empty form: Dutch errors, still accessible
    page.locator(".utrecht-form-field-error-message").first.wait_for()
    assert_accessible(page, "beheer: nieuwe gebruiker met fouten")

    page.get_by_label("Gebruikersnaam").fill("coach-anna")
    page.get_by_label("Naam", exact=True).fill("Anna")
    page.get_by_label("Eerste wachtwoord").fill(NEW_PASSWORD)
    page.get_by_label("coach").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Account aanmaken").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Gebruiker coach-anna").wait_for()
    assert "is aangemaakt" in page.locator(".spil-messages").inner_text()
    assert_accessible(page, "beheer: gebruiker")

    page.get_by_label("Rol", exact=True).select_option("docent")
    page.get_by_role("button", name="Rol toekennen").focus()
    page.keyboard.press("Enter")
    page.locator(".spil-messages", has_text="Rol toegekend").wait_for()
    anna = User.objects.get(username="coach-anna")
    assert set(RoleAssignment.objects.filter(user=anna).values_list("group__name", flat=True)) == {
        "coach",
        "docent",
    }
    page.get_by_label("Gedelegeerde namens").select_option(label="secretaris")
    page.get_by_role("button", name="Gedelegeerde maken").focus()
    page.keyboard.press("Enter")
    page.locator(".spil-messages", has_text="gedelegeerde namens").wait_for()
    assert "voor secretaris" in page.locator("#rollen-kop + ul").inner_text()
    page.get_by_role("button", name="Account deactiveren").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Account weer activeren").wait_for()
    anna.refresh_from_db()
    assert not anna.is_active
    assert_accessible(page, "beheer: gedeactiveerde gebruiker")

    page.set_viewport_size({"width": 320, "height": 800})
    _fits(page, "beheer: gebruiker")
    page.goto("/beheer/gebruikers/")
    _fits(page, "beheer: gebruikers")


def test_download_my_data_from_the_account_page(page, browser_user):
    log_in(page)
    page.get_by_role("link", name="secretaris (mijn account)").click()
    page.get_by_role("heading", name="Mijn account", level=1).wait_for()
    assert_accessible(page, "mijn account")
    page.get_by_role("link", name="Mijn gegevens downloaden").click()
    page.get_by_role("heading", name="Mijn gegevens downloaden", level=1).wait_for()
    assert_accessible(page, "gegevens downloaden")

    with page.expect_download() as info:
        page.get_by_role("link", name="Zip-bestand downloaden").focus()
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.startswith("spil-gegevens-secretaris-")
    with open(download.path(), "rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert "gegevens/accounts.json" in names and "gegevens/agenda.json" in names

    page.set_viewport_size({"width": 320, "height": 800})
    _fits(page, "gegevens downloaden")


def test_remove_my_account_after_confirmation(page, browser_user):
    log_in(page)
    page.goto("/account/verwijderen/")
    assert_accessible(page, "account verwijderen")
    page.set_viewport_size({"width": 320, "height": 800})
    _fits(page, "account verwijderen")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    page.locator(".utrecht-form-field-error-message").first.wait_for()
    assert "Vink aan" in page.content()
    assert_accessible(page, "account verwijderen met fouten")
    assert User.objects.filter(pk=browser_user.pk).exists()

    page.get_by_label("Je wachtwoord").fill(PASSWORD)
    page.get_by_label("Ik begrijp dat").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    page.wait_for_url("**/account/inloggen/**")
    assert "zijn verwijderd" in page.locator(".spil-messages").inner_text()
    assert_accessible(page, "inloggen na verwijderen")
    assert not User.objects.filter(pk=browser_user.pk).exists()


def test_who_saw_my_data_page(page, browser_user):
    log_in(page)
    page.goto("/account/wie-zag-mijn-gegevens/")
    assert "Niemand anders" in page.content()
    assert_accessible(page, "wie zag mijn gegevens (leeg)")
