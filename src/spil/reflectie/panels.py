"""The start-page panel: one due item per rhythm, unless reminders are off."""

from __future__ import annotations

from django.utils import timezone

from . import selectors


def start_panel(request) -> dict | None:
    user = request.user
    if not user.is_authenticated or not selectors.instellingen_get(user=user).herinneringen:
        return None
    due = selectors.due_for(user=user, today=timezone.localdate())
    if not due:
        return None
    return {"due": due}
