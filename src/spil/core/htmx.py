"""htmx helpers shared by the apps' views."""

from __future__ import annotations


def is_htmx(request) -> bool:
    """Whether htmx made the request (it then wants a fragment, not a whole page)."""
    return request.headers.get("HX-Request") == "true"


def htmx_refresh(response):
    """Ask htmx to reload the whole page (e.g. when a list the fragment does not cover changed)."""
    response["HX-Refresh"] = "true"
    return response
