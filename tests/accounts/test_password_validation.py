import pytest
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError

from spil.accounts.models import User
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
def test_weak_passwords_are_refused_in_dutch_and_nothing_is_stored(password, expected):
    with pytest.raises(ValidationError) as error:
        user_create_local(username="secretaris", password=password)
    assert any(expected in message for message in error.value.messages), error.value.messages
    assert not User.objects.filter(username="secretaris").exists()


def test_a_long_uncommon_password_is_accepted():
    user, created = user_create_local(username="secretaris", password="drie koffie na het college")
    assert created
    assert user.check_password("drie koffie na het college")


def test_a_refused_new_password_leaves_the_existing_one_working():
    user_create_local(username="secretaris", password="drie koffie na het college")
    with pytest.raises(ValidationError):
        user_create_local(username="secretaris", password="kort")
    assert User.objects.get(username="secretaris").check_password("drie koffie na het college")


def test_similarity_also_checks_the_display_name():
    with pytest.raises(ValidationError) as error:
        user_create_local(
            username="s1", password="marieke-de-vries", display_name="Marieke de Vries"
        )
    assert "lijkt te veel op je weergavenaam" in error.value.messages[0]


def test_help_texts_are_dutch():
    texts = " ".join(password_validators_help_texts())
    assert "minstens 12 tekens" in texts
    assert "Your password" not in texts
