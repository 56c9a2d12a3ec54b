"""Who needs a second login step, and the middleware that asks for it.

Two-factor login is optional for everyone. It is required for programme staff, committee members
and beheerders, when the setting SPIL_2FA_VERPLICHT is on (production turns it on; a local
single-user install, whose one account is also functioneel beheerder, leaves it off).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

# Group names of the roles for which two-factor login is required (the platform's roles).
TWO_FACTOR_ROLES: tuple[str, ...] = (
    "programmaleider",
    "coach",
    "docent",
    "stagesecretaris",
    "selectiecommissielid",
    "bibliotheekbeheerder",
    "functioneel_beheerder",
)

# URL names a logged-in user may open before the second step: logging out, and the pages of
# the second step itself.
TWO_FACTOR_OPEN_URL_NAMES: tuple[str, ...] = (
    "accounts:logout",
    "tweestaps:controleren",
    "tweestaps:instellen",
)


def _role_names(user: Any) -> set[str]:
    """The user's role names: Django groups, plus the platform's (scoped) role assignments
    where spil.core.access provides them."""
    names = set(user.groups.values_list("name", flat=True))
    try:
        from spil.core.access import user_roles
    except ImportError:
        return names
    return names | set(user_roles(user))


def has_two_factor_role(user: Any) -> bool:
    """Whether the user holds one of the roles for which the second step is required."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser) or bool(_role_names(user) & set(TWO_FACTOR_ROLES))


def requires_two_factor(user: Any) -> bool:
    """Whether this user must use two-factor login here (role held and SPIL_2FA_VERPLICHT on)."""
    return bool(getattr(settings, "SPIL_2FA_VERPLICHT", False)) and has_two_factor_role(user)


def has_two_factor_device(user: Any) -> bool:
    from django_otp import user_has_device

    return user is not None and user.is_authenticated and user_has_device(user, confirmed=True)


class TwoFactorMiddleware:
    """Sends a logged-in user who has not done the second step to it.

    A user with a confirmed device goes to the code page; a user without one who needs it goes
    to the set-up page. Runs after django-otp's OTPMiddleware (which marks the verified user)
    and Django's LoginRequiredMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._is_open(request)
        ):
            if has_two_factor_device(user):
                return self._redirect(request, "tweestaps:controleren")
            if requires_two_factor(user):
                return self._redirect(request, "tweestaps:instellen")
        return self.get_response(request)

    @staticmethod
    def _is_open(request: HttpRequest) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        return request.path in {reverse(name) for name in TWO_FACTOR_OPEN_URL_NAMES}

    @staticmethod
    def _redirect(request: HttpRequest, url_name: str) -> HttpResponse:
        url = reverse(url_name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(url)
