"""Login security in a real browser: two-factor set-up and login by keyboard, the lockout page;
axe on every page, 320 px without sideways scrolling."""

from __future__ import annotations

import re

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_two_factor import app_code, let_throttle_pass
from tests.browser.conftest import PASSWORD, assert_accessible


def fits_320(page) -> bool:
    page.set_viewport_size({"width": 320, "height": 800})
    fits = page.evaluate("() => document.documentElement.scrollWidth <= 320")
    page.set_viewport_size({"width": 1280, "height": 900})
    return fits


def test_set_up_two_factor_and_log_in_with_it_by_keyboard(logged_in_page, browser_user):
    page = logged_in_page
    page.get_by_role("link", name="Beveiliging").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/tweestaps/")
    assert_accessible(page, "tweestapsverificatie (uit)")

    page.get_by_role("link", name="Tweestapsverificatie instellen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/tweestaps/instellen/")
    assert page.get_by_role("img", name=re.compile("QR-code")).is_visible()
    assert_accessible(page, "tweestapsverificatie instellen")
    assert fits_320(page)

    device = TOTPDevice.objects.get(user=browser_user)
    page.get_by_label("Code uit de app").fill("000000")
    # The form posts back to its own address: wait for the response, not for the URL.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Deze code klopt niet" in page.locator("main").inner_text()
    assert page.get_by_label("Code uit de app").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "tweestapsverificatie instellen met fout")
    let_throttle_pass(device)

    page.get_by_label("Code uit de app").fill(app_code(device))
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/tweestaps/herstelcodes/**")
    codes = page.locator(".spil-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page, "herstelcodes")
    assert fits_320(page)
    page.get_by_role("button", name="Ik heb de codes bewaard").focus()
    page.keyboard.press("Enter")
    # The codes page's own address ends in ?next=/account/tweestaps/: wait for the real move.
    page.wait_for_url(lambda url: "herstelcodes" not in url and url.endswith("/account/tweestaps/"))
    assert "Staat aan" in page.locator("main").inner_text()
    assert_accessible(page, "tweestapsverificatie (aan)")

    page.get_by_role("button", name="Uitloggen").first.click()
    page.wait_for_url("**/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("secretaris")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/tweestaps/controleren/**")
    assert_accessible(page, "tweede stap")
    assert fits_320(page)
    page.get_by_label("Code uit de app of herstelcode").fill(codes[0])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/$"))
    assert page.locator("h1").count() == 1
    assert "/account/" not in page.url


def test_too_many_wrong_passwords_show_a_dutch_lockout_on_the_login_page(page, browser_user):
    for _ in range(5):
        page.goto(reverse("accounts:login"))
        page.get_by_label("Gebruikersnaam").fill("secretaris")
        page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
        with page.expect_navigation():
            page.get_by_role("button", name="Inloggen").click()
    alert = page.get_by_role("alert")
    assert "Inloggen tijdelijk geblokkeerd" in alert.inner_text()
    assert page.get_by_role("button", name="Inloggen").is_visible()
    assert_accessible(page, "inloggen geblokkeerd")
    assert fits_320(page)
