"""Failed-login throttling (django-axes) on Spil's own login page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-1"  # the `user` fixture's password


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_that_user_name_with_a_dutch_message(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "secretaris", "fout-wachtwoord-0")
        assert response.status_code == 200
        assert "Inloggen mislukt" in response.content.decode()

    response = attempt(client, "secretaris", "fout-wachtwoord-0")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "15 minuten" in html
    assert 'name="username"' in html  # still the login page, with its form

    # Even the right password does not get in while the lock lasts.
    response = attempt(client, "secretaris", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_user_name_and_address(client, user, other_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "secretaris", "fout-wachtwoord-0")
    assert attempt(client, "secretaris", PASSWORD).status_code == 429

    # Another account from the same address, and the same account from elsewhere, still work.
    assert attempt(client, "collega", "geheim-wachtwoord-2").status_code == 302
    client.logout()
    assert attempt(client, "secretaris", PASSWORD, address="10.0.0.2").status_code == 302


def test_a_successful_login_resets_the_count(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "secretaris", "fout-wachtwoord-0")
    assert attempt(client, "secretaris", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "secretaris", "fout-wachtwoord-0").status_code == 200
    assert attempt(client, "secretaris", PASSWORD).status_code == 302


def test_the_test_clients_login_still_works_and_wrong_passwords_fail(client, user):
    # Django's test client logs in without a request; django-axes alone would raise there.
    assert not client.login(username="secretaris", password="fout-wachtwoord-0")
    assert client.login(username="secretaris", password=PASSWORD)
    assert client.get("/").status_code == 200
