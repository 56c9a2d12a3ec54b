"""Pages where people improve the search: "Was dit nuttig?", keywords of a theme, synonyms and
the signals a beheerder sees. Thin: reads via curation_selectors, writes via curation_services.
Anyone who may not manage the search gets 404 on the beheer pages."""

from __future__ import annotations

import json
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.htmx import is_htmx
from spil.kennis import curation_selectors, curation_services, selectors


def _search_admin(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not curation_selectors.may_manage_search(user=request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _back_to_search(request) -> str:
    target = request.POST.get("terug", "")
    search = reverse("kennis:search")
    if target.startswith(search) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return search


@require_POST
def search_feedback(request):
    """Records "Was dit nuttig?" for one result; htmx gets the answered form back."""
    try:
        unit_id = int(request.POST.get("eenheid", ""))
    except ValueError:
        raise Http404 from None
    unit = selectors.unit_get(unit_id=unit_id, user=request.user)
    answer = request.POST.get("nuttig")
    query = " ".join(request.POST.get("q", "").split())
    if unit is None or answer not in {"ja", "nee"} or not query:
        raise Http404
    useful = answer == "ja"
    curation_services.search_feedback_record(
        user=request.user, query=query, unit=unit, useful=useful
    )
    if is_htmx(request):
        return render(
            request,
            "kennis/_search_feedback.html",
            {
                "query": query,
                "result": {"unit": unit, "useful": useful, "rank": request.POST.get("plek", "")},
                "back": _back_to_search(request),
                "thanks": True,
            },
        )
    messages.success(request, f"Bedankt. Je reactie op ‘{unit.title}’ is bewaard.")
    anchor = request.POST.get("plek", "")
    return redirect(_back_to_search(request) + (f"#resultaat-{anchor}" if anchor.isdigit() else ""))


@_search_admin
@require_http_methods(["GET", "POST"])
def unit_keywords(request, unit_id: int):
    """Trefwoorden bij dit thema: keywords and short situations indexed with the unit."""
    unit = curation_selectors.unit_for_curation(unit_id=unit_id, user=request.user)
    if unit is None:
        raise Http404
    error = ""
    text = ""
    if request.method == "POST":
        remove = request.POST.get("verwijder", "")
        if remove:
            if not remove.isdigit():
                raise Http404
            if curation_services.unit_keyword_delete(
                actor=request.user, unit=unit, keyword_id=int(remove)
            ):
                messages.success(request, "Het trefwoord is verwijderd en niet meer vindbaar.")
            return redirect("kennis:unit_keywords", unit_id=unit.id)
        text = request.POST.get("tekst", "")
        try:
            keyword = curation_services.unit_keyword_add(actor=request.user, unit=unit, text=text)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request, f"‘{keyword.text}’ is toegevoegd; zoeken vindt dit thema er nu op."
            )
            return redirect("kennis:unit_keywords", unit_id=unit.id)
    return render(
        request,
        "kennis/unit_keywords.html",
        {
            "unit": unit,
            "keywords": curation_selectors.unit_keyword_list(unit=unit),
            "error": error,
            "text": text,
            "max_length": curation_services.MAX_KEYWORD,
        },
        status=400 if error else 200,
    )


@_search_admin
@require_http_methods(["GET", "POST"])
def synonyms(request):
    """Synoniemen: groups of words that stand in for each other in a question."""
    error = ""
    error_group: int | None = None
    new_text = ""
    if request.method == "POST":
        group = request.POST.get("groep", "")
        if group and not group.isdigit():
            raise Http404
        group_id = int(group) if group else None
        try:
            if request.POST.get("actie") == "verwijderen" and group_id is not None:
                curation_services.synonym_group_delete(actor=request.user, group_id=group_id)
                messages.success(request, "De synoniemengroep is verwijderd.")
            else:
                text = request.POST.get("woorden", "")
                new_text = "" if group_id else text
                saved = curation_services.synonym_group_save(
                    actor=request.user, text=text, group_id=group_id
                )
                messages.success(
                    request, f"Opgeslagen: {saved.words}. Zoeken gebruikt deze groep meteen."
                )
        except ValidationError as problem:
            error = " ".join(problem.messages)
            error_group = group_id
        else:
            return redirect("kennis:synonyms")
    return render(
        request,
        "kennis/synonyms.html",
        {
            "groups": curation_selectors.synonym_group_list(),
            "error": error,
            "error_group": error_group,
            "new_text": new_text,
        },
        status=400 if error else 200,
    )


@_search_admin
def search_signals(request):
    """Zoekbeheer: searches that found nothing or were marked not useful, counted together."""
    return render(
        request,
        "kennis/search_signals.html",
        {
            "misses": curation_selectors.search_misses(user=request.user),
            "not_useful": curation_selectors.search_not_useful(user=request.user),
        },
    )


# An exchange file holds keywords and synonyms: a few hundred kB at most.
MAX_IMPORT_BYTES = 5 * 1024 * 1024


@_search_admin
def curation_export_download(request):
    """The library's keywords and synonyms as a JSON file (the same as `spil bibliotheek
    export`)."""
    content = json.dumps(curation_selectors.curation_export(), ensure_ascii=False, indent=2)
    response = HttpResponse(content + "\n", content_type="application/json; charset=utf-8")
    name = f"spil-bibliotheek-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@_search_admin
@require_POST
def curation_import_upload(request):
    """Reads an exchange file: all or nothing, with a Dutch message either way."""
    upload = request.FILES.get("bestand")
    if upload is None:
        messages.error(request, "Kies eerst een exportbestand (.json) om in te lezen.")
    elif upload.size > MAX_IMPORT_BYTES:
        messages.error(
            request,
            f"{upload.name}: het bestand is te groot voor een exportbestand "
            f"(hoogstens {MAX_IMPORT_BYTES // (1024 * 1024)} MB). Er is niets ingelezen.",
        )
    else:
        try:
            result = curation_services.curation_import(
                actor=request.user, data=upload.read(), name=upload.name
            )
        except curation_services.CurationImportError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, f"{upload.name}: {result.message}")
    return redirect("kennis:search_signals")
