from django.shortcuts import render

from spil.kennis import selectors


def start(request):
    return render(
        request,
        "web/start.html",
        {
            "overview": selectors.library_overview(),
            "documents": selectors.document_list(),
            "recent": selectors.unit_recent_for_user(user=request.user, limit=6),
        },
    )
