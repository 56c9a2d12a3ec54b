"""Django's password validators with Spil's own Dutch messages.

Django's Dutch translation leaves some of these messages in English (the minimum length is one),
and a refused password must be explained in plain Dutch on the web and in `spil init` alike.
"""

from __future__ import annotations

from django.contrib.auth import password_validation as django_validation

MINIMUM_LENGTH = 12


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def __init__(self, min_length: int = MINIMUM_LENGTH) -> None:
        super().__init__(min_length=min_length)

    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self) -> str:
        return (
            f"Gebruik minstens {self.min_length} tekens; een zin van een paar woorden werkt goed."
        )


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    DEFAULT_USER_ATTRIBUTES = ("username", "display_name", "first_name", "last_name", "email")

    def __init__(
        self,
        user_attributes: tuple[str, ...] = DEFAULT_USER_ATTRIBUTES,
        max_similarity: float = 0.7,
    ) -> None:
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)

    def get_error_message(self) -> str:
        return "Dit wachtwoord lijkt te veel op je %(verbose_name)s."

    def get_help_text(self) -> str:
        return "Je wachtwoord mag niet lijken op je gebruikersnaam, naam of e-mailadres."


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "Dit wachtwoord komt te vaak voor en is daardoor makkelijk te raden."

    def get_help_text(self) -> str:
        return "Kies geen veelgebruikt wachtwoord."


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "Dit wachtwoord bestaat alleen uit cijfers."

    def get_help_text(self) -> str:
        return "Gebruik niet alleen cijfers."


def password_check(*, username: str, password: str, display_name: str = "") -> None:
    """Raise django.core.exceptions.ValidationError (Dutch messages) when this password may not
    be used for this account: the configured validators, against the stored account when it
    exists. `spil init` calls it before it stores anything."""
    from django.contrib.auth.password_validation import validate_password

    from .models import User

    user = User.objects.filter(username=username).first()
    validate_password(password, user=user or User(username=username, display_name=display_name))
