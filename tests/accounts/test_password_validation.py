import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError

from spil.accounts.password_validation import password_check
from spil.accounts.services import user_create_local

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("", "te kort: gebruik minstens 12 tekens"),
        ("1", "te kort: gebruik minstens 12 tekens"),
        ("kort-maar", "te kort"),
        ("qwerty123456", "komt te vaak voor"),
        ("123456789012", "alleen uit cijfers"),
        ("secretaris2026", "lijkt te veel op je gebruikersnaam"),
    ],
)
def test_weak_passwords_are_refused_in_dutch(password, expected):
    with pytest.raises(ValidationError) as error:
        password_check(username="secretaris", password=password)
    assert any(expected in message for message in error.value.messages), error.value.messages


def test_a_long_uncommon_password_is_accepted():
    password_check(username="secretaris", password="drie koffie na het college")


def test_the_stored_account_is_compared_with_its_display_name():
    user_create_local(
        username="s1", password="drie koffie na het college", display_name="Marieke de Vries"
    )
    with pytest.raises(ValidationError) as error:
        password_check(username="s1", password="marieke-de-vries")
    assert "lijkt te veel op je weergavenaam" in error.value.messages[0]


def test_similarity_also_checks_the_display_name():
    with pytest.raises(ValidationError) as error:
        password_check(username="s1", password="marieke-de-vries", display_name="Marieke de Vries")
    assert "lijkt te veel op je weergavenaam" in error.value.messages[0]


def test_help_texts_are_dutch():
    texts = " ".join(password_validators_help_texts())
    assert "minstens 12 tekens" in texts
    assert "Your password" not in texts
