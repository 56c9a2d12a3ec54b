"""The login-attempt check of django-axes, for logins that come with a request."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' check before the password is compared: a locked user name and address get
    no further. Spil's login page always passes the request. A call without one (Django's test
    client, a management shell) has no address to count and is left to the next backend,
    where django-axes itself would raise an error."""

    def authenticate(
        self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any
    ):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
