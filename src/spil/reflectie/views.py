"""Reflectie pages. Thin: reads through selectors, writes through services. Only the owner
reaches an entry's URLs (anyone else, staff and superusers included, gets a 404); the one
exception is a live share, opened through its own URL and logged for the owner."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import charts, selectors, services
from .export import export_data, export_markdown
from .forms import DelingForm, EigenVraagForm, InstellingenForm, MomentForm
from .models import Deling, EigenVraag, Reflectiemoment
from .ritme import MAAND, OEFENING, RITME_DUUR, RITME_LABELS, RITMES, WEEK
from .spiegel import aspect_regels, netwerk_status
from .vragen import (
    ASPECT_BY_KEY,
    ASPECTEN,
    KWALITEITEN,
    POLARITEITEN,
    TOONSOORTEN,
    vragen_per_aspect,
)


def _moment_or_404(request, pk: int) -> Reflectiemoment:
    try:
        return selectors.moment_get(user=request.user, pk=pk)
    except Reflectiemoment.DoesNotExist as error:
        raise Http404("Reflectiemoment niet gevonden.") from error


def _figure_blocks(moment: Reflectiemoment, content: dict) -> list[dict]:
    spiegel = content["spiegel"]
    if moment.ritme == OEFENING:  # about an exercise, not about the calendar
        return []
    if moment.ritme == WEEK:
        keys = ["tijdverdeling", "tempo"]
    elif moment.ritme == MAAND:
        keys = [moment.aspect]
    else:
        keys = [a.key for a in ASPECTEN]
    blocks = []
    for key in keys:
        lines = aspect_regels(spiegel, key)
        if lines:
            blocks.append({"label": ASPECT_BY_KEY[key].label, "regels": lines})
    return blocks


def _detail_context(moment: Reflectiemoment, content: dict) -> dict:
    vragen = [{**v, "antwoord": content["antwoorden"].get(v["id"], "")} for v in content["vragen"]]
    return {
        "moment": moment,
        "titel": selectors.moment_titel(moment),
        "vragen": vragen,
        "figuren": _figure_blocks(moment, content),
        "spiegel": content["spiegel"],
        "netwerk_status": None if moment.ritme == OEFENING else netwerk_status(content["spiegel"]),
        "bron": content.get("bron"),
        "scores": [
            (k, content["scores"][k.key]) for k in KWALITEITEN if k.key in content["scores"]
        ],
        "toon": [(t, content["toon"].get(t.key, 0)) for t in TOONSOORTEN]
        if content["toon"]
        else [],
        "rollen": [
            (p, content["rollen"][p.key]) for p in POLARITEITEN if p.key in content["rollen"]
        ],
    }


def vandaag(request):
    today = timezone.localdate()
    due = selectors.due_for(user=request.user, today=today)
    return render(
        request,
        "reflectie/vandaag.html",
        {
            "due": [(item, RITME_DUUR[item.ritme]) for item in due],
            "voornemens": [
                (v, selectors.voornemen_tekst(v))
                for v in selectors.voornemen_due(user=request.user, today=today)
            ],
            "jaar_geleden": [
                (m, selectors.moment_titel(m))
                for m in selectors.jaar_geleden(user=request.user, today=today)
            ],
            "instellingen": selectors.instellingen_get(user=request.user),
        },
    )


@require_POST
def start(request, ritme: str):
    if ritme not in RITMES:
        raise Http404("Onbekend ritme.")
    moment = services.moment_start(user=request.user, ritme=ritme)
    return redirect("reflectie:schrijven", pk=moment.pk)


@require_POST
def uitstellen(request, ritme: str):
    if ritme not in RITMES:
        raise Http404("Onbekend ritme.")
    until = services.ritme_snooze(user=request.user, ritme=ritme)
    messages.success(request, f"{RITME_LABELS[ritme]} uitgesteld tot {until:%d-%m-%Y}.")
    return redirect("reflectie:vandaag")


def _form_initial(content: dict) -> dict:
    initial = {f"antwoord_{k}": v for k, v in content["antwoorden"].items()}
    initial.update({f"score_{k}": str(v) for k, v in content["scores"].items()})
    initial.update({f"toon_{k}": v for k, v in content["toon"].items()})
    initial.update({f"rol_{k}": str(v) for k, v in content["rollen"].items()})
    return initial


@require_http_methods(["GET", "POST"])
def schrijven(request, pk: int):
    moment = _moment_or_404(request, pk)
    content = selectors.moment_inhoud(moment=moment)
    form = MomentForm(
        request.POST or None,
        vragen=content["vragen"],
        ritme=moment.ritme,
        initial=_form_initial(content),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            afronden = "afronden" in request.POST
            try:
                services.moment_save(
                    user=request.user, moment=moment, afronden=afronden, **form.collected()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if afronden:
                    messages.success(request, "Je reflectie is opgeslagen en afgerond.")
                    return redirect("reflectie:moment", pk=moment.pk)
                messages.success(request, "Je reflectie is als concept opgeslagen.")
                return redirect("reflectie:schrijven", pk=moment.pk)
        status = 400
    previous = selectors.previous_quarter(user=request.user, moment=moment)
    context = _detail_context(moment, content)
    context.update(
        {
            "form": form,
            "vorig_kwartaal": (
                {
                    "titel": selectors.moment_titel(previous[0]),
                    "antwoorden": [
                        {**v, "antwoord": previous[1]["antwoorden"].get(v["id"], "")}
                        for v in previous[1]["vragen"]
                    ],
                }
                if previous
                else None
            ),
            "aspect": ASPECT_BY_KEY.get(moment.aspect),
        }
    )
    return render(request, "reflectie/schrijven.html", context, status=status)


@require_POST
def autosave(request, pk: int):
    """Answers only, sent by the page while typing (htmx); the page keeps a copy in the
    browser until this answers, so a lost connection loses nothing."""
    moment = _moment_or_404(request, pk)
    antwoorden = {
        key.removeprefix("antwoord_"): value
        for key, value in request.POST.items()
        if key.startswith("antwoord_")
    }
    try:
        services.moment_save(user=request.user, moment=moment, antwoorden=antwoorden)
    except ValidationError as error:
        return render(
            request, "reflectie/_autosave.html", {"fout": " ".join(error.messages)}, status=400
        )
    return render(request, "reflectie/_autosave.html", {"tijd": timezone.localtime()})


def moment(request, pk: int):
    found = _moment_or_404(request, pk)
    content = selectors.moment_inhoud(moment=found)
    context = _detail_context(found, content)
    context["themas"] = selectors.kennis_themas(content=content)
    context["delingen"] = selectors.deling_list(user=request.user, moment=found)
    context["voornemens"] = [
        (v, selectors.voornemen_tekst(v)) for v in found.voornemens.all().order_by("opvolgdatum")
    ]
    return render(request, "reflectie/moment.html", context)


@require_http_methods(["GET", "POST"])
def verwijderen(request, pk: int):
    found = _moment_or_404(request, pk)
    if request.method == "POST":
        services.moment_delete(user=request.user, moment=found)
        messages.success(request, "Het reflectiemoment is verwijderd.")
        return redirect("reflectie:dagboek")
    return render(
        request,
        "reflectie/verwijderen.html",
        {"moment": found, "titel": selectors.moment_titel(found)},
    )


@require_http_methods(["GET", "POST"])
def delen(request, pk: int):
    found = _moment_or_404(request, pk)
    form = DelingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                deling = services.deling_create(
                    user=request.user,
                    moment=found,
                    ontvanger_naam=form.cleaned_data["gebruikersnaam"],
                )
            except ValidationError as error:
                form.add_error("gebruikersnaam", error)
            else:
                messages.success(
                    request, f"Gedeeld met {deling.ontvanger.get_username()}. Intrekken kan altijd."
                )
                return redirect("reflectie:delen", pk=found.pk)
        status = 400
    return render(
        request,
        "reflectie/delen.html",
        {
            "moment": found,
            "titel": selectors.moment_titel(found),
            "form": form,
            "delingen": selectors.deling_list(user=request.user, moment=found),
        },
        status=status,
    )


@require_POST
def deling_intrekken(request, pk: int):
    try:
        deling = selectors.deling_list(user=request.user).get(pk=pk)
    except Deling.DoesNotExist as error:
        raise Http404("Deling niet gevonden.") from error
    moment_pk = deling.moment_id
    services.deling_revoke(user=request.user, pk=pk)
    messages.success(request, "De deling is ingetrokken.")
    return redirect("reflectie:delen", pk=moment_pk)


def gedeeld(request):
    return render(
        request,
        "reflectie/gedeeld.html",
        {
            "delingen": [
                (d, selectors.moment_titel(d.moment))
                for d in selectors.gedeeld_met(user=request.user)
            ]
        },
    )


def gedeeld_lezen(request, pk: int):
    try:
        deling, content = services.deling_open(user=request.user, pk=pk)
    except Deling.DoesNotExist as error:
        raise Http404("Deze reflectie is niet (meer) met je gedeeld.") from error
    context = _detail_context(deling.moment, content)
    context["eigenaar"] = deling.owner
    return render(request, "reflectie/gedeeld_lezen.html", context)


def toegang(request):
    return render(
        request, "reflectie/toegang.html", {"regels": selectors.toegang_list(user=request.user)}
    )


def dagboek(request):
    momenten = [(m, selectors.moment_titel(m)) for m in selectors.moment_list(user=request.user)]
    return render(request, "reflectie/dagboek.html", {"momenten": momenten})


def trends(request):
    data = selectors.trends(user=request.user)
    scores, toon = data["scores"], data["toon"]
    quarters, aspect_rows = data["kwartalen"], data["aspect_kwartalen"]
    return render(
        request,
        "reflectie/trends.html",
        {
            "scores": scores,
            "score_rows": [
                {"sleutel": p["sleutel"], "waarden": [p["scores"].get(k.key) for k in KWALITEITEN]}
                for p in scores
            ],
            "scores_chart": charts.data_uri(charts.scores_svg(scores)) if len(scores) >= 2 else "",
            "scores_summary": charts.scores_summary(scores),
            "toon": toon,
            "toon_rows": [
                {"sleutel": p["sleutel"], "waarden": [p["toon"].get(t.key, 0) for t in TOONSOORTEN]}
                for p in toon
            ],
            "toon_chart": charts.data_uri(charts.toon_svg(toon)) if len(toon) >= 2 else "",
            "toon_summary": charts.toon_summary(toon),
            "kwaliteiten": KWALITEITEN,
            "toonsoorten": TOONSOORTEN,
            "kwartalen": quarters,
            "aspect_rows": aspect_rows,
            "aspects_chart": (
                charts.data_uri(charts.aspects_svg(quarters, aspect_rows))
                if len(quarters) >= 2
                else ""
            ),
            "aspect_summary": charts.aspects_summary(quarters, aspect_rows),
            "woorden": selectors.terugkerende_woorden(user=request.user),
            "taalspiegel": selectors.taalspiegel_for(user=request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def instellingen(request):
    current = selectors.instellingen_get(user=request.user)
    form = InstellingenForm(
        request.POST or None,
        initial={
            "week_aan": current.week_aan,
            "maand_aan": current.maand_aan,
            "kwartaal_aan": current.kwartaal_aan,
            "herinneringen": current.herinneringen,
            "taalspiegel": current.taalspiegel,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.instellingen_update(user=request.user, **form.cleaned_data)
        messages.success(request, "Je reflectie-instellingen zijn opgeslagen.")
        return redirect("reflectie:instellingen")
    return render(
        request,
        "reflectie/instellingen.html",
        {
            "form": form,
            "vraag_form": EigenVraagForm(),
            "eigen_vragen": selectors.eigenvraag_list(user=request.user),
            "aspecten": ASPECT_BY_KEY,
        },
    )


@require_POST
def eigen_vraag(request):
    form = EigenVraagForm(request.POST)
    if form.is_valid():
        try:
            services.eigenvraag_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Je eigen vraag is toegevoegd.")
    else:
        messages.error(
            request,
            "Je eigen vraag is niet toegevoegd: schrijf een vraag van hoogstens 500 tekens.",
        )
    return redirect("reflectie:instellingen")


@require_POST
def eigen_vraag_verwijderen(request, pk: int):
    try:
        services.eigenvraag_delete(user=request.user, pk=pk)
    except EigenVraag.DoesNotExist as error:
        raise Http404("Vraag niet gevonden.") from error
    messages.success(request, "Je eigen vraag is verwijderd.")
    return redirect("reflectie:instellingen")


def vragen(request):
    per_aspect = vragen_per_aspect()
    return render(
        request,
        "reflectie/vragen.html",
        {
            "aspecten": [(a, per_aspect[a.key]) for a in ASPECTEN],
            "kwaliteiten": KWALITEITEN,
            "polariteiten": POLARITEITEN,
            "toonsoorten": TOONSOORTEN,
        },
    )


def export(request, formaat: str):
    stamp = timezone.localdate().isoformat()
    if formaat == "json":
        body = json.dumps(export_data(user=request.user), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        name = f"reflectie-{stamp}.json"
    elif formaat == "md":
        response = HttpResponse(
            export_markdown(user=request.user), content_type="text/markdown; charset=utf-8"
        )
        name = f"reflectie-{stamp}.md"
    else:
        raise Http404("Onbekend formaat.")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def alles_verwijderen(request):
    count = selectors.moment_list(user=request.user).count()
    if request.method == "POST":
        removed = services.reflectie_delete_all(
            user=request.user, instellingen="instellingen" in request.POST
        )
        messages.success(request, f"Al je reflectiegegevens zijn verwijderd ({removed} momenten).")
        return redirect("reflectie:vandaag")
    return render(request, "reflectie/alles_verwijderen.html", {"aantal": count})
