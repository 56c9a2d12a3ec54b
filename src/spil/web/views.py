from django.shortcuts import render

from spil.agenda import selectors as agenda_selectors
from spil.core.registry import start_panels
from spil.kennis import selectors


def start_panels_for(request) -> list[dict]:
    """The registered start-page panels this user may see and that have something to show."""
    panels = []
    for panel in start_panels:
        if panel.permission and not request.user.has_perm(panel.permission):
            continue
        context = panel.context(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return panels


def start(request):
    """The start page; while the library is empty, the first steps instead of a search box."""
    return render(
        request,
        "web/start.html",
        {
            "overview": selectors.library_overview(user=request.user),
            "documents": selectors.document_list(user=request.user),
            "recent": selectors.unit_recent_for_user(user=request.user, limit=6),
            "has_agenda": agenda_selectors.agendabron_overview(owner=request.user).exists(),
            "panels": start_panels_for(request),
        },
    )
