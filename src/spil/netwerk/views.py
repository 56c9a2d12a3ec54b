"""Netwerkkaart pages. Thin: reads through selectors, writes through services; every query is
scoped to the logged-in user, so another user's organisation or person is a 404."""

from __future__ import annotations

import base64
import csv
import io
import json
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.forms import ids_from

from . import selectors, services
from .charts import graph_svg, sector_bars_svg
from .forms import (
    BesluitForm,
    ContactForm,
    OpschonenForm,
    PeriodForm,
    RitmeForm,
    SectorForm,
    VerbandenForm,
)
from .models import Introductievoorstel, Organisatie, Relatie, Sector
from .rules import NIET_TOEGEWEZEN, SURVEY_RANKING, SURVEY_RANKING_CITATION


def _svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}".replace(".", ",")


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _default_period(user) -> tuple[date, date]:
    """The twelve months up to the last contact (or today)."""
    end = selectors.peildatum_get(user=user, today=timezone.localdate())
    return end - timedelta(days=364), end


def _period(request) -> tuple[PeriodForm, date, date]:
    form = PeriodForm(request.GET or None)
    if request.GET and form.is_valid() and form.cleaned_data["van"] and form.cleaned_data["tot"]:
        return form, form.cleaned_data["van"], form.cleaned_data["tot"]
    van, tot = _default_period(request.user)
    if not (request.GET and form.is_bound and not form.is_valid()):
        form = PeriodForm(initial={"van": van, "tot": tot})
    return form, van, tot


def _sector_summary(rows: list[dict], total: int) -> str:
    if not total:
        return "In deze periode staan geen afspraken met partners buiten het gemeentehuis."
    assigned = [r for r in rows if r["naam"] != NIET_TOEGEWEZEN and r["minuten"]]
    if not assigned:
        return (
            f"Je besteedde {_hours(total)} uur aan partners buiten, maar nog zonder sector: "
            "kies de sector bij je organisaties."
        )
    top = max(assigned, key=lambda r: r["minuten"])
    return (
        f"Van je {_hours(total)} uur buiten het gemeentehuis ging het meeste naar "
        f"{top['naam'].lower()} ({top['aandeel']}); je zag {len(assigned)} van de "
        f"{len(rows) - (1 if any(r['naam'] == NIET_TOEGEWEZEN for r in rows) else 0)} sectoren."
    )


def overzicht(request):
    if not selectors.heeft_netwerk(user=request.user):
        return render(request, "netwerk/leeg.html")
    form, van, tot = _period(request)
    periode = selectors.periode_get(user=request.user, van=van, tot=tot)
    figures = periode.figures
    total = figures.minuten_extern
    sectors = list(selectors.sector_list(user=request.user))
    names = [s.naam for s in sectors]
    extra = [n for n in figures.sectoren if n not in names and n != NIET_TOEGEWEZEN]
    rows = []
    for naam in [*names, *extra, NIET_TOEGEWEZEN]:
        minutes = figures.sectoren.get(naam, 0)
        if naam == NIET_TOEGEWEZEN and not minutes:
            continue
        target = periode.sector_targets.get(naam)
        share = minutes / total if total else 0.0
        rows.append(
            {
                "naam": naam,
                "minuten": minutes,
                "uren": round(minutes / 60, 1),
                "uren_tekst": _hours(minutes),
                "aandeel": _pct(share),
                "doel": f"{target:.0f}%" if target is not None else "—",
                "verschil": f"{(share * 100 - target):+.0f}" if target is not None else "—",
            }
        )
    sector_of_label = {s.naam: s.sleutel for s in sectors}
    ranking = []
    for label, keys in SURVEY_RANKING:
        minutes = sum(
            figures.sectoren.get(n, 0) for n, key in sector_of_label.items() if key in keys
        )
        ranking.append({"groep": label, "uren": _hours(minutes), "minuten": minutes})
    own_order = sorted(ranking, key=lambda r: -r["minuten"])
    forms_rows = [
        {"vorm": vorm, "uren": _hours(m), "aandeel": _pct(m / total) if total else "0%"}
        for vorm, m in figures.vormen.items()
    ]
    context = {
        "form": form,
        "van": van,
        "tot": tot,
        "rows": rows,
        "total": _hours(total),
        "summary": _sector_summary(rows, total),
        "chart": _svg_data_uri(sector_bars_svg(rows)) if total else "",
        "top5": _pct(figures.top5_aandeel),
        "hhi": f"{figures.hhi:.2f}".replace(".", ","),
        "organisaties": len(figures.organisaties),
        "nieuwe": figures.nieuwe_contacten,
        "per_kwartaal": figures.nieuw_per_kwartaal,
        "vormen": forms_rows,
        "periodiek": _pct(figures.periodiek_aandeel),
        "ongescript": [
            {"kwartaal": q, "uren": _hours(other), "aandeel": _pct(other / total_q)}
            for q, (other, total_q) in figures.ongescript_per_kwartaal.items()
            if total_q
        ],
        "ranking": ranking,
        "ranking_same": [r["groep"] for r in own_order] == [r["groep"] for r in ranking],
        "citation": SURVEY_RANKING_CITATION,
    }
    return render(request, "netwerk/overzicht.html", context)


@require_http_methods(["GET", "POST"])
def sectoren(request):
    if request.method == "POST":
        pk = request.POST.get("sector")
        form = SectorForm(request.POST)
        if form.is_valid():
            try:
                services.sector_opslaan(
                    user=request.user,
                    sector_id=int(pk) if pk else None,
                    naam=form.cleaned_data["naam"],
                    doel_procent=form.cleaned_data["doel_procent"],
                )
            except Sector.DoesNotExist as error:
                raise Http404 from error
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, f"Sector ‘{form.cleaned_data['naam']}’ opgeslagen.")
            return redirect("netwerk:sectoren")
        messages.error(request, "Geef de sector een naam en een doel tussen 0 en 100 procent.")
        return redirect("netwerk:sectoren")
    services.sectoren_zaaien(user=request.user)
    return render(
        request, "netwerk/sectoren.html", {"sectoren": selectors.sector_list(user=request.user)}
    )


def organisaties(request):
    return render(
        request,
        "netwerk/organisaties.html",
        {
            "organisaties": selectors.organisatie_list(user=request.user),
            "sectoren": selectors.sector_list(user=request.user),
        },
    )


@require_POST
def organisatie_sector(request, organisatie_id: int):
    raw = request.POST.get("sector", "")
    try:
        org = services.organisatie_corrigeren(
            user=request.user,
            organisatie_id=organisatie_id,
            sector_id=(ids_from([raw]) or [0])[0],
        )
    except (Organisatie.DoesNotExist, Sector.DoesNotExist) as error:
        raise Http404 from error
    sector = org.sector.naam if org.sector else "geen sector"
    messages.success(
        request, f"{org.naam}: {sector}. Dit geldt voor alle contacten met dit domein."
    )
    return redirect(f"{reverse('netwerk:organisaties')}#organisatie-{org.pk}")


def _ritme_post(request, soort: str, pk: int):
    form = RitmeForm(request.POST)
    if form.is_valid():
        services.ritme_instellen(
            user=request.user,
            soort=soort,
            pk=pk,
            streef_dagen=form.cleaned_data["streef_dagen"],
            max_dagen=form.cleaned_data["max_dagen"],
            afbouwen=form.cleaned_data["afbouwen"],
        )
        messages.success(request, "Contactritme opgeslagen.")
        return None
    return form


@require_http_methods(["GET", "POST"])
def organisatie(request, organisatie_id: int):
    try:
        org = selectors.organisatie_get(user=request.user, pk=organisatie_id)
    except Organisatie.DoesNotExist as error:
        raise Http404 from error
    form = None
    if request.method == "POST":
        form = _ritme_post(request, "organisatie", org.pk)
        if form is None:
            return redirect("netwerk:organisatie", organisatie_id=org.pk)
    form = form or RitmeForm(
        initial={
            "streef_dagen": org.streef_dagen,
            "max_dagen": org.max_dagen,
            "afbouwen": org.afbouwen,
        }
    )
    return render(
        request,
        "netwerk/organisatie.html",
        {
            "org": org,
            "form": form,
            "tijdlijn": selectors.tijdlijn(user=request.user, organisatie=org)[:200],
            "relaties": selectors.relatie_list(user=request.user).filter(organisatie=org),
        },
    )


@require_http_methods(["GET", "POST"])
def relatie(request, relatie_id: int):
    try:
        person = selectors.relatie_get(user=request.user, pk=relatie_id)
    except Relatie.DoesNotExist as error:
        raise Http404 from error
    form = None
    if request.method == "POST":
        form = _ritme_post(request, "relatie", person.pk)
        if form is None:
            return redirect("netwerk:relatie", relatie_id=person.pk)
    form = form or RitmeForm(
        initial={
            "streef_dagen": person.streef_dagen,
            "max_dagen": person.max_dagen,
            "afbouwen": person.afbouwen,
        }
    )
    return render(
        request,
        "netwerk/relatie.html",
        {
            "person": person,
            "form": form,
            "tijdlijn": selectors.tijdlijn(user=request.user, relatie=person)[:200],
        },
    )


def relatie_inzage(request, relatie_id: int):
    """Download what Spil holds about one person, to answer their request for access."""
    try:
        data = selectors.relatie_inzage(user=request.user, pk=relatie_id)
    except Relatie.DoesNotExist as error:
        raise Http404 from error
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="persoon-{relatie_id}.json"'
    return response


@require_http_methods(["GET", "POST"])
def contact_vastleggen(request, organisatie_id: int):
    try:
        org = selectors.organisatie_get(user=request.user, pk=organisatie_id)
    except Organisatie.DoesNotExist as error:
        raise Http404 from error
    form = ContactForm(request.POST or None, initial={"datum": timezone.localdate(), "minuten": 30})
    if request.method == "POST" and form.is_valid():
        services.contactmoment_vastleggen(
            user=request.user,
            datum=form.cleaned_data["datum"],
            minuten=form.cleaned_data["minuten"],
            vorm=form.cleaned_data["vorm"],
            organisatie_ids=[org.pk],
            onderwerp=form.cleaned_data["onderwerp"],
        )
        messages.success(request, f"Contact met {org.naam} vastgelegd.")
        return redirect("netwerk:organisatie", organisatie_id=org.pk)
    return render(request, "netwerk/contact_vastleggen.html", {"org": org, "form": form})


def achterstallig(request):
    today = timezone.localdate()
    return render(
        request,
        "netwerk/achterstallig.html",
        {"rows": selectors.achterstallig_list(user=request.user, today=today), "today": today},
    )


@require_http_methods(["GET", "POST"])
def introducties(request):
    if request.method == "POST":
        form = BesluitForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Dit voorstel kon niet worden opgeslagen.")
            return redirect("netwerk:introducties")
        data = form.cleaned_data
        afwijzen = data["keuze"] == "afwijzen"
        try:
            services.introductie_besluiten(
                user=request.user,
                relatie_a=data["a"],
                relatie_b=data["b"],
                besluit="afgewezen" if afwijzen else "geaccepteerd",
                soort="" if afwijzen else data["keuze"],
                reden=data["reden"],
            )
        except Relatie.DoesNotExist as error:
            raise Http404 from error
        messages.success(
            request,
            "Afgewezen: Spil stelt dit paar niet meer voor."
            if afwijzen
            else f"Opgeslagen als ‘{data['keuze']}’; Spil stelt dit paar niet opnieuw voor.",
        )
        return redirect("netwerk:introducties")
    peildatum, found = selectors.introductie_voorstellen(
        user=request.user, today=timezone.localdate()
    )
    people = {str(r.pk): r for r in selectors.relatie_list(user=request.user)}
    suggestions = [
        {"intro": i, "a": people.get(i.a), "b": people.get(i.b)}
        for i in found
        if i.a in people and i.b in people
    ]
    return render(
        request,
        "netwerk/introducties.html",
        {
            "suggestions": suggestions,
            "peildatum": peildatum,
            "besluiten": selectors.introductie_besluiten_list(user=request.user),
            "soorten": Introductievoorstel.SOORT_CHOICES,
        },
    )


def kaart(request):
    beeld = selectors.netwerkbeeld_get(user=request.user, today=timezone.localdate())
    graph = beeld.view.graph
    people = {str(r.pk): r for r in selectors.relatie_list(user=request.user)}
    labels = {n: (people[n].naam if n in people else n) for n in graph.nodes}
    svg, drawn = graph_svg(graph, labels, beeld.view.community)
    rows = []
    for n in sorted(graph.nodes, key=lambda n: (beeld.view.community.get(n, 0), labels[n])):
        if n not in people:
            continue
        neighbours = sorted(labels[m] for m in graph.neighbors(n))
        broker = beeld.view.brokers.get(n, {})
        rows.append(
            {
                "relatie": people[n],
                "groep": beeld.view.community.get(n, 0),
                "contacten": graph.nodes[n]["contacts"],
                "buren": neighbours,
                "effectieve_omvang": str(broker.get("effectieve_omvang", 0)).replace(".", ","),
                "beperking": str(broker.get("beperking", "—")).replace(".", ","),
            }
        )
    groups = sorted({r["groep"] for r in rows})
    return render(
        request,
        "netwerk/kaart.html",
        {
            "svg": svg,
            "drawn": drawn,
            "rows": rows,
            "groups": [
                {"nummer": g, "leden": [r for r in rows if r["groep"] == g]} for g in groups
            ],
            "peildatum": beeld.peildatum,
            "edges": graph.number_of_edges(),
        },
    )


@require_http_methods(["GET", "POST"])
def verbanden(request):
    form = VerbandenForm()
    if request.method == "POST":
        form = VerbandenForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            try:
                count = services.verbanden_importeren(
                    user=request.user, filename=upload.name, data=upload.read()
                )
            except services.VerbandImportError as error:
                form.add_error("bestand", str(error))
            else:
                messages.success(
                    request, f"{upload.name}: {count} samenwerkingsverbanden ingelezen."
                )
                return redirect("netwerk:verbanden")
    rows = [
        {
            "verband": v,
            "overleggen": selectors.verband_overleggen(user=request.user, verband=v)[:12],
        }
        for v in selectors.verband_list(user=request.user)
    ]
    return render(request, "netwerk/verbanden.html", {"rows": rows, "form": form})


def _csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_organisaties(request):
    """For a successor: organisations with sector and cadence; never private notes."""
    rows = [
        [
            o.naam,
            "|".join(o.domeinen or []),
            o.sector.naam if o.sector else "",
            o.streef_dagen or "",
            o.max_dagen or "",
            "ja" if o.afbouwen else "nee",
            o.laatste_contact.isoformat() if o.laatste_contact else "",
        ]
        for o in selectors.organisatie_list(user=request.user)
    ]
    return _csv_response(
        "organisaties.csv",
        [
            "naam",
            "domeinen",
            "sector",
            "streeftermijn",
            "maximale termijn",
            "afbouwen",
            "laatste contact",
        ],
        rows,
    )


def export_verbanden(request):
    """Arrangements with role, status, organisations and meeting; never private notes."""
    rows = [
        [
            v.naam,
            v.rol,
            v.status,
            "|".join(o.naam for o in v.organisaties.all()),
            v.overleg_onderwerp,
        ]
        for v in selectors.verband_list(user=request.user)
    ]
    return _csv_response(
        "verbanden.csv", ["naam", "rol", "status", "organisaties", "overleg"], rows
    )


@require_http_methods(["GET", "POST"])
def opschonen(request):
    jaren = OpschonenForm(request.GET).value("jaren", 2)
    if request.method == "POST":
        ids = ids_from(request.POST.getlist("relatie"))
        if ids:
            try:
                count = services.relaties_verwijderen(user=request.user, relatie_ids=ids)
            except Relatie.DoesNotExist as error:
                raise Http404 from error
            messages.success(
                request, f"{count} {'persoon' if count == 1 else 'personen'} verwijderd."
            )
        return redirect(f"{reverse('netwerk:opschonen')}?jaren={jaren}")
    people = selectors.relaties_niet_gezien(
        user=request.user, jaren=jaren, today=timezone.localdate()
    )
    return render(request, "netwerk/opschonen.html", {"people": people, "jaren": jaren})
