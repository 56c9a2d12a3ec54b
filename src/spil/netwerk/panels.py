"""The network's panel on the start page."""

from __future__ import annotations

from django.utils import timezone

from . import selectors


def start_context(request) -> dict | None:
    user = request.user
    if not selectors.heeft_netwerk(user=user):
        return None
    today = timezone.localdate()
    return {
        "organisaties": selectors.organisatie_list(user=user).count(),
        "achterstallig": len(selectors.achterstallig_list(user=user, today=today)),
    }
