import pytest

from spil.accounts.services import user_create_local


@pytest.mark.django_db
def test_user_create_local_creates_then_resets_password():
    user, created = user_create_local(username="secretaris", password="eerste-wachtwoord")
    assert created
    assert user.check_password("eerste-wachtwoord")

    again, created_again = user_create_local(username="secretaris", password="tweede-wachtwoord")
    assert not created_again
    assert again.pk == user.pk
    assert again.check_password("tweede-wachtwoord")
