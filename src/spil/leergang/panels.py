"""The start-page panel: a candidate's own leergang, or the cohorts a programme leader runs."""

from __future__ import annotations

from . import selectors


def start_panel(request) -> dict | None:
    user = request.user
    if not user.is_authenticated:
        return None
    deelnames = list(selectors.mijn_deelnames(user=user)[:5])
    cohorten = list(selectors.cohort_list(user=user)[:5])
    if not deelnames and not cohorten:
        return None
    return {"deelnames": deelnames, "cohorten": cohorten}
