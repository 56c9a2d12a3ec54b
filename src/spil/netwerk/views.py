"""Netwerkkaart pages. Thin: reads through selectors, writes through services; every query is
scoped to the logged-in user, so another user's organisation or person is a 404."""

from __future__ import annotations

from django.shortcuts import render

from . import selectors


def overzicht(request):
    return render(
        request, "netwerk/overzicht.html", {"heeft": selectors.heeft_netwerk(user=request.user)}
    )
