from django.shortcuts import render

from spil.agenda import selectors as agenda_selectors
from spil.kennis import selectors


def start(request):
    """The start page; while the library is empty, the first steps instead of a search box."""
    return render(
        request,
        "web/start.html",
        {
            "overview": selectors.library_overview(),
            "documents": selectors.document_list(),
            "recent": selectors.unit_recent_for_user(user=request.user, limit=6),
            "has_agenda": agenda_selectors.agendabron_overview(owner=request.user).exists(),
        },
    )
