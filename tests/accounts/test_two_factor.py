"""Two-factor login (django-otp): set-up, the second step after login, recovery codes."""

import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from spil.accounts import two_factor_services as services

pytestmark = pytest.mark.django_db


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or a step later, within the allowed drift)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def let_throttle_pass(device: TOTPDevice) -> None:
    """A wrong code makes the device refuse codes for a second (then 2, 4, ...); a person
    typing the next code takes longer than that, a test does not."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()


def enable_two_factor(user) -> tuple[TOTPDevice, list[str]]:
    device = services.two_factor_device_start(user=user)
    result = services.two_factor_device_confirm(user=user, token=app_code(device))
    assert result is not None
    return result


def log_in(client, username="secretaris", password="geheim-wachtwoord-1"):
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    assert response.status_code == 302
    return response


def test_without_a_device_nothing_changes(client, user):
    log_in(client)
    assert client.get("/").status_code == 200


def test_setup_page_shows_a_qr_code_and_the_key_and_confirms_with_a_code(client, user):
    client.force_login(user)
    page = client.get(reverse("tweestaps:instellen"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # Reloading the page keeps the same device (and so the same QR code).
    client.get(reverse("tweestaps:instellen"))
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(reverse("tweestaps:instellen"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    let_throttle_pass(device)

    response = client.post(reverse("tweestaps:instellen"), {"code": app_code(device)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweestaps:herstelcodes"))
    assert TOTPDevice.objects.get(pk=device.pk).confirmed

    codes_page = client.get(response["Location"])
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == services.RECOVERY_CODE_COUNT
    assert all(code in codes_page.content.decode() for code in codes)
    # Reloading still shows them until the user says they are stored; then never again.
    assert codes[0] in client.get(response["Location"]).content.decode()
    done = client.post(reverse("tweestaps:herstelcodes"), {"actie": "opgeslagen"})
    assert done.status_code == 302
    again = client.get(reverse("tweestaps:herstelcodes")).content.decode()
    assert codes[0] not in again
    assert "10 ongebruikte herstelcodes" in again


def test_after_login_a_user_with_a_device_must_give_a_code(client, user):
    device, _codes = enable_two_factor(user)
    log_in(client)

    response = client.get("/bibliotheek/")
    assert response.status_code == 302
    assert response["Location"] == reverse("tweestaps:controleren") + ("?next=%2Fbibliotheek%2F")
    # A second device cannot be added before the second step.
    setup = client.get(reverse("tweestaps:instellen"))
    assert setup["Location"] == reverse("tweestaps:controleren")

    wrong = client.post(reverse("tweestaps:controleren"), {"code": "123 456"})
    assert wrong.status_code == 400
    assert "klopt niet of is verlopen" in wrong.content.decode()
    assert client.get("/").status_code == 302

    let_throttle_pass(device)
    ok = client.post(
        reverse("tweestaps:controleren"),
        {"code": app_code(device, steps_ahead=1), "next": "/bibliotheek/"},
    )
    assert ok.status_code == 302
    assert ok["Location"] == "/bibliotheek/"
    assert client.get("/bibliotheek/").status_code == 200


def test_a_recovery_code_works_once(client, user):
    _device, codes = enable_two_factor(user)
    log_in(client)
    ok = client.post(reverse("tweestaps:controleren"), {"code": codes[0].upper()})
    assert ok.status_code == 302
    assert client.get("/").status_code == 200

    client.post(reverse("accounts:logout"))
    log_in(client)
    reused = client.post(reverse("tweestaps:controleren"), {"code": codes[0]})
    assert reused.status_code == 400
    assert client.get("/").status_code == 302


def test_the_next_url_never_leaves_spil(client, user):
    _device, codes = enable_two_factor(user)
    log_in(client)
    response = client.post(
        reverse("tweestaps:controleren"),
        {"code": codes[0], "next": "https://elders.example/"},
    )
    assert response["Location"] == reverse("web:start")


def test_logout_works_before_the_second_step(client, user):
    enable_two_factor(user)
    log_in(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_new_recovery_codes_replace_the_old(client, user):
    _device, old_codes = enable_two_factor(user)
    client.force_login(user)
    client.post(reverse("tweestaps:controleren"), {"code": old_codes[0]})
    response = client.post(reverse("tweestaps:herstelcodes"))
    assert response.status_code == 302
    new_codes = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new_codes) == services.RECOVERY_CODE_COUNT
    assert not new_codes & set(old_codes)
    page = client.get(reverse("tweestaps:herstelcodes")).content.decode()
    assert all(code in page for code in new_codes)


def test_turning_it_off_when_optional(client, user):
    _device, codes = enable_two_factor(user)
    client.force_login(user)
    client.post(reverse("tweestaps:controleren"), {"code": codes[0]})
    response = client.post(reverse("tweestaps:uitzetten"), follow=True)
    assert "Tweestapsverificatie staat uit" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_required_for_a_staff_role_when_the_setting_is_on(client, user, settings):
    settings.SPIL_2FA_VERPLICHT = True
    user.groups.add(Group.objects.get_or_create(name="coach")[0])
    log_in(client)

    response = client.get("/")
    assert response["Location"] == reverse("tweestaps:instellen") + "?next=%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Verplicht voor jouw rol" in page

    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("tweestaps:instellen"), {"code": app_code(device), "next": "/"})
    assert client.get("/").status_code == 200
    # Turning it off is refused for this role.
    response = client.post(reverse("tweestaps:uitzetten"), follow=True)
    assert "verplicht voor jouw rol" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_not_required_for_a_secretaris_or_with_the_setting_off(client, user, settings):
    settings.SPIL_2FA_VERPLICHT = True
    log_in(client)
    assert client.get("/").status_code == 200

    settings.SPIL_2FA_VERPLICHT = False
    user.groups.add(Group.objects.get_or_create(name="functioneel_beheerder")[0])
    assert client.get("/").status_code == 200


def test_devices_of_one_user_do_not_verify_another(client, user, other_user):
    _device, codes = enable_two_factor(user)
    enable_two_factor(other_user)
    log_in(client, "collega", "geheim-wachtwoord-2")
    response = client.post(reverse("tweestaps:controleren"), {"code": codes[1]})
    assert response.status_code == 400
    assert StaticToken.objects.filter(token=codes[1]).exists()


def test_avg_export_lists_devices_without_secrets_and_delete_removes_them(user):
    from spil.core.registry import avg_providers

    device, codes = enable_two_factor(user)
    provider = avg_providers.get("tweestapsverificatie")
    exported = provider.export(user=user)
    assert {entry["soort"] for entry in exported["apparaten"]} == {"app", "herstelcodes"}
    text = str(exported)
    assert device.key not in text
    assert not any(code in text for code in codes)

    provider.delete(user=user)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
