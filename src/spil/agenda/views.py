"""Agenda-spiegel pages. Thin: reads through selectors, writes through services; every query
is scoped to the logged-in user, so another user's appointment is a 404."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.chart_cache import cached_chart, cached_for_owner, code_revision
from spil.core.charts import svg_data_uri
from spil.core.formatting import count_nl, decimal_nl, hours_nl
from spil.core.forms import ids_from
from spil.core.htmx import is_htmx

from . import periods, selectors, services
from .analysis import iso_week, without_leave
from .charts import PERIOD_LABELS, period_hours, shares_svg, weekly_bars_svg
from .classification import DOMAIN_LABELS, DOMAINS, SOURCE_LABELS, WORK_DOMAINS
from .forms import (
    CorrectieForm,
    FilterForm,
    ImportForm,
    InstellingenForm,
    PeriodForm,
    SpiegelCsvForm,
)
from .models import Afspraak, Agendabron, Correctie, Importbatch
from .parsed import CalendarImportError
from .reference import SURVEY_CITATION, SURVEY_FACTS

PAGE_SIZE = 50
DEFAULT_WEEKS = 13


def _default_period(owner) -> tuple[date, date] | None:
    """The last quarter (13 weeks) with appointments, ending today at the latest."""
    span = selectors.afspraak_period_get(owner=owner)
    if span is None:
        return None
    first, last = span
    today = timezone.localdate()
    end = min(last, today) if first <= today else last
    start = end - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)
    start -= timedelta(days=start.weekday())
    return max(first, start), end


def _week_rows(weeks: list[dict]) -> list[dict]:
    """Table rows with the very numbers the weekly chart draws (leave in days, not hours)."""
    rows = []
    for week in weeks:
        hours = period_hours(week)
        rows.append(
            {
                "sleutel": week["sleutel"],
                "van": date.fromisoformat(week["van"]),
                "tot": date.fromisoformat(week["tot"]),
                "uren": [decimal_nl(hours[d]) for d in DOMAINS],
                "verlof": week["verlof_dagen"],
                "geboekt": round(week["geboekt_aandeel"] * 100),
                "werktijd": hours_nl(week["werktijd_minuten"]),
            }
        )
    return rows


def _signal_rows(signals: list[dict]) -> list[dict]:
    """Signals with links to the appointments of the days and weeks they concern."""
    list_url = reverse("agenda:afspraken")
    rows = []
    for signal in signals:
        links = []
        for day in signal["dagen"][:20]:
            d = date.fromisoformat(day)
            links.append({"label": f"{d:%d-%m-%Y}", "url": f"{list_url}?van={day}&tot={day}"})
        if not signal["dagen"]:
            for week in signal["weken"][:20]:
                year, number = week.split("-W")
                monday = date.fromisocalendar(int(year), int(number), 1)
                sunday = monday + timedelta(days=6)
                links.append(
                    {
                        "label": f"week {int(number)} ({year})",
                        "url": f"{list_url}?van={monday.isoformat()}&tot={sunday.isoformat()}",
                    }
                )
        more = max(len(signal["dagen"]), len(signal["weken"])) - len(links)
        rows.append({**signal, "links": links, "meer": more if more > 0 else 0})
    return rows


def spiegel(request):
    form = PeriodForm(request.GET or None)
    period = None
    if request.GET and form.is_valid() and form.cleaned_data["van"] and form.cleaned_data["tot"]:
        period = form.cleaned_data["van"], form.cleaned_data["tot"]
    if period is None:
        period = _default_period(request.user)
        if period is None:
            return render(request, "agenda/spiegel_leeg.html")
        if not (request.GET and form.is_bound and not form.is_valid()):
            form = PeriodForm(initial={"van": period[0], "tot": period[1]})
    van, tot = period
    conclusion, content = _mirror_content(request.user, van, tot)
    context = {
        "form": form,
        "van": van,
        "tot": tot,
        "conclusion": conclusion,
        "inhoud": mark_safe(content),  # rendered by Django's templates, escaped there
        "periode": _period_navigation(van, tot),
    }
    return render(request, "agenda/spiegel.html", context)


def _mirror_content(owner, van: date, tot: date) -> tuple[str, str]:
    """The conclusion and the rendered sections of the mirror (totals, target, signals, weeks,
    months): from the cache when this owner's data has not changed since they were rendered
    for this period. They depend on the owner's appointments and settings and the period
    only; the form and the period links (which depend on today) are rendered every time."""
    return cached_for_owner(
        scope="agenda",
        kind="spiegel",
        owner_id=owner.pk,
        parts=(van.isoformat(), tot.isoformat(), code_revision(str(Path(__file__).parent))),
        render=lambda: _mirror_content_render(owner, van, tot),
    )


def _mirror_content_render(owner, van: date, tot: date) -> tuple[str, str]:
    analysis = selectors.spiegel_analyse(owner=owner, van=van, tot=tot)
    data = analysis.as_dict()
    comparison = data["vergelijking"]
    work_minutes = sum(analysis.totals[d] for d in WORK_DOMAINS)
    period_totals = without_leave(analysis.totals, analysis.leave_minutes)
    context = {
        "van": van,
        "tot": tot,
        "shares_summary": analysis.shares_summary(),
        "domains": [PERIOD_LABELS[d] for d in DOMAINS],
        "totals": [
            {
                "label": PERIOD_LABELS[d],
                "uren": hours_nl(period_totals[d]),
                "aandeel": analysis.shares.get(d),
            }
            for d in DOMAINS
        ],
        "leave_days": analysis.leave_days,
        "has_work": work_minutes > 0,
        "weeks": _week_rows(data["weken"]),
        "months": _week_rows(data["maanden"]),
        "comparison": comparison,
        "signals": _signal_rows(data["signalen"]),
        "weekly_chart": _chart(
            owner, "weken", data["weken"], lambda: weekly_bars_svg(data["weken"])
        )
        if data["weken"]
        else "",
        "shares_chart": _chart(owner, "verdeling", comparison, lambda: shares_svg(comparison))
        if work_minutes
        else "",
        "weekly_summary": _weekly_summary(
            data["weken"], workdays=len(analysis.thresholds.workdays)
        ),
        "citation": SURVEY_CITATION,
        "facts": SURVEY_FACTS,
        "thresholds": data["drempels"],
    }
    content = render_to_string("agenda/_spiegel_inhoud.html", context)
    return analysis.conclusion(), str(content)


def _chart(owner, kind: str, numbers, render) -> str:
    """A mirror chart as a data URI, from the cache when the same numbers were drawn before
    for this owner and data version (rendering costs ~50 ms, the rest of the page less)."""
    return cached_chart(
        scope="agenda",
        kind=kind,
        owner_id=owner.pk,
        parts=(numbers,),
        render=lambda: svg_data_uri(render()),
    )


def _period_navigation(van: date, tot: date) -> dict:
    """Links that step through time and pick a period; the address always holds it."""
    base = reverse("agenda:spiegel")

    def link(period: periods.Period, label: str) -> dict:
        return {
            "label": label,
            "url": f"{base}?van={period.van.isoformat()}&tot={period.tot.isoformat()}",
            "current": (period.van, period.tot) == (van, tot),
            "van": period.van,
            "tot": period.tot,
        }

    unit = periods.unit_of(van, tot)
    noun = {"week": "week", "maand": "maand", "kwartaal": "kwartaal", "jaar": "jaar"}.get(
        unit or "", "periode"
    )
    previous_label = "Vorig" if noun in {"kwartaal", "jaar"} else "Vorige"
    next_label = "Volgend" if noun in {"kwartaal", "jaar"} else "Volgende"
    return {
        "vorige": link(periods.shifted(van, tot, -1), f"{previous_label} {noun}"),
        "volgende": link(periods.shifted(van, tot, 1), f"{next_label} {noun}"),
        "eenheden": [
            link(periods.containing(tot, u), periods.UNIT_LABELS[u]) for u in periods.UNITS
        ],
        "snel": [link(p, p.label.capitalize()) for p in periods.presets(timezone.localdate())],
    }


CSV_TABLES = {
    "verdeling": "verdeling",
    "weken": "uren-per-week",
    "maanden": "uren-per-maand",
}


def spiegel_csv(request):
    """A table of the mirror as CSV (semicolons and decimal commas, as Dutch spreadsheets
    expect), for the period in the address."""
    import csv

    from django.http import HttpResponse

    form = SpiegelCsvForm(request.GET)
    if not form.is_valid():
        raise Http404("Onbekende tabel of periode.")
    tabel = form.cleaned_data["tabel"]
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    if van is None or tot is None:
        raise Http404("Geef een periode met van en tot.")
    analysis = selectors.spiegel_analyse(owner=request.user, van=van, tot=tot)
    data = analysis.as_dict()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="agenda-spiegel-{CSV_TABLES[tabel]}-{van}-{tot}.csv"'
    )
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    if tabel == "verdeling":
        writer.writerow(
            ["Domein", "Jouw aandeel (%)", "Jouw doel (%)", "Verschil", "Enquête (ongeveer, %)"]
        )
        for row in data["vergelijking"]:
            writer.writerow(
                [
                    row["label"],
                    decimal_nl(row["aandeel"]),
                    decimal_nl(row["doel"]),
                    decimal_nl(row["verschil_doel"]),
                    row["referentie"],
                ]
            )
        return response
    first = "Week" if tabel == "weken" else "Maand"
    writer.writerow(
        [
            first,
            "Van",
            "Tot en met",
            *[PERIOD_LABELS[d] for d in DOMAINS],
            "Verlof (dagen)",
            "Werktijd (uur)",
            "Gepland (% van de werktijd)",
        ]
    )
    for row in _week_rows(data[tabel]):
        label = f"week {row['van']:%V %G}" if tabel == "weken" else f"{row['van']:%m-%Y}"
        writer.writerow(
            [
                label,
                f"{row['van']:%d-%m-%Y}",
                f"{row['tot']:%d-%m-%Y}",
                *row["uren"],
                row["verlof"],
                row["werktijd"],
                row["geboekt"],
            ]
        )
    return response


def _weekly_summary(weeks: list[dict], *, workdays: int) -> str:
    """One sentence for the weekly chart, from the numbers it draws."""
    leave_days = sum(w["verlof_dagen"] for w in weeks)
    leave = (
        f"; verlof ({leave_days} {'dag' if leave_days == 1 else 'dagen'}) telt in de grafiek "
        "niet als uren en staat in dagen in de tabel"
        if leave_days
        else ""
    )
    hours = {w["sleutel"]: period_hours(w) for w in weeks}

    def work(week: dict) -> float:
        return sum(hours[week["sleutel"]][d] for d in WORK_DOMAINS)

    busy = [w for w in weeks if work(w)]
    if not busy:
        return f"In deze weken staan geen afspraken voor college, organisatie of omgeving{leave}."
    most = max(busy, key=work)
    # A week spent mostly on leave says nothing about time for the outside world.
    present = [w for w in busy if 2 * w["verlof_dagen"] <= workdays]
    least_outside = min(present or busy, key=lambda w: hours[w["sleutel"]]["omgeving"])
    skipped = " (weken met vooral verlof niet meegeteld)" if len(present) < len(busy) else ""
    year, number = most["sleutel"].split("-W")
    low_year, low_number = least_outside["sleutel"].split("-W")
    return (
        f"De drukste week was week {int(number)} van {year} met {decimal_nl(work(most))} uur aan "
        f"college, organisatie en omgeving; de minste tijd buiten de deur{skipped} was in week "
        f"{int(low_number)} van {low_year} "
        f"({decimal_nl(hours[least_outside['sleutel']]['omgeving'])} uur){leave}."
    )


@require_http_methods(["GET", "POST"])
def importeren(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            try:
                result = services.agenda_import(
                    owner=request.user,
                    filename=upload.name,
                    data=upload.read(),
                    bron_naam=form.cleaned_data["bron"],
                    van=form.cleaned_data["van"],
                    tot=form.cleaned_data["tot"],
                )
            except CalendarImportError as error:
                form.add_error("bestand", str(error))
        # Without JavaScript a complete import goes on to the mirror; one that left
        # appointments out, or has remarks (duplicate UIDs, capped series), stays here to say
        # so and to offer the rest.
        complete = result is not None and not result.buiten_periode and not result.meldingen
        if complete and not is_htmx(request) and _import_found(result):
            messages.success(request, _import_message(result))
            return redirect("agenda:spiegel")
        if result is None:
            status = 200 if is_htmx(request) else 400
        if is_htmx(request):
            return render(
                request,
                "agenda/_import_resultaat.html",
                {
                    "form": form,
                    "result": _import_result(result),
                    # The list of earlier imports below the form gains this one too.
                    "imports": selectors.importbatch_list(owner=request.user)[:10],
                    "bronnen": selectors.agendabron_overview(owner=request.user),
                    "oob": result is not None,
                },
                status=status,
            )
    return render(
        request,
        "agenda/importeren.html",
        {
            "form": form,
            "result": _import_result(result),
            "imports": selectors.importbatch_list(owner=request.user)[:10],
            "bronnen": selectors.agendabron_overview(owner=request.user),
            "max_upload_mb": _max_mb(),
        },
        status=status,
    )


@require_POST
def import_hele_periode(request, batch_id: int):
    """Import the whole period of a file an earlier import read only partly (one click)."""
    try:
        batch = services.importbatch_import_whole_period(owner=request.user, batch_id=batch_id)
    except Importbatch.DoesNotExist as error:
        raise Http404 from error
    except CalendarImportError as error:
        messages.error(request, str(error))
        return redirect("agenda:importeren")
    messages.success(request, _import_message(batch))
    return redirect("agenda:spiegel")


def _max_mb() -> int:
    from django.conf import settings

    return settings.SPIL_MAX_UPLOAD_BYTES // (1024 * 1024)


def _import_found(batch) -> bool:
    """Whether the file had any appointment inside the import window."""
    return bool(batch.nieuw or batch.gewijzigd or batch.ongewijzigd)


def _import_result(batch) -> dict | None:
    """The batch with its window as the user chose it: the stored end is exclusive."""
    if batch is None:
        return None
    return {
        "batch": batch,
        "found": _import_found(batch),
        "van": batch.venster_van,
        "tot": batch.venster_tot - timedelta(days=1),
        "bestand_van": batch.bestand_van,
        "bestand_tot": batch.bestand_tot - timedelta(days=1) if batch.bestand_tot else None,
    }


def _import_message(batch) -> str:
    last = batch.venster_tot - timedelta(days=1)
    return (
        f"{batch.bestandsnaam} is ingelezen in agenda ‘{batch.bron.naam}’: {batch.nieuw} nieuw, "
        f"{batch.gewijzigd} gewijzigd, {batch.verwijderd} verwijderd, "
        f"{batch.ongewijzigd} ongewijzigd (periode {batch.venster_van:%d-%m-%Y} tot en met "
        f"{last:%d-%m-%Y})."
        + (
            f" {batch.buiten_periode} afspraken uit het bestand vallen buiten die periode en "
            "zijn niet ingelezen."
            if batch.buiten_periode
            else ""
        )
    )


def afspraken(request):
    """Appointments, newest first, by default of the mirror's current period; several can be
    selected and put in a domain at once."""
    form = FilterForm(request.GET or None)
    filters = {}
    if not request.GET and (period := _default_period(request.user)) is not None:
        form = FilterForm({"van": period[0].isoformat(), "tot": period[1].isoformat()})
    if form.is_bound and form.is_valid():
        filters = {
            "van": form.cleaned_data["van"],
            "tot": form.cleaned_data["tot"],
            "domein": form.cleaned_data["domein"] or None,
            "zoek": form.cleaned_data["zoek"] or None,
            "bron_indeling": form.cleaned_data["grond"] or None,
        }
    qs = selectors.afspraak_list(owner=request.user, nieuwste_eerst=True, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    tz = selectors.local_tz()
    rows = [
        {
            "afspraak": a,
            "begin": a.begin.astimezone(tz),
            "eind": a.eind.astimezone(tz),
            "domein_label": DOMAIN_LABELS[a.domein],
            # The cell shows the domain just above; "College: …" would say it twice.
            "reden": a.reden.removeprefix(f"{DOMAIN_LABELS[a.domein]}: "),
            "grond": SOURCE_LABELS.get(a.bron_indeling, a.bron_indeling),
            "week": iso_week(a.begin.astimezone(tz).date()),
        }
        for a in page.object_list
    ]
    return render(
        request,
        "agenda/afspraken.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "domain_choices": [(d, DOMAIN_LABELS[d]) for d in DOMAINS],
            "scope_choices": Correctie.BEREIK_CHOICES,
            "here": request.get_full_path(),
            "indelen_melding": request.session.pop(INDELEN_MELDING, ""),
            "gekozen": set(ids_from(request.GET.getlist("gekozen"))),
        },
    )


INDELEN_MELDING = "agenda_indelen_melding"


@require_POST
def afspraken_indelen(request):
    """Put the selected appointments in a domain, then back to the same place in the list."""
    target = request.POST.get("volgende") or reverse("agenda:afspraken")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("agenda:afspraken")
    target = target.split("#")[0] + "#indelen"
    ids = ids_from(request.POST.getlist("afspraken"))
    form = CorrectieForm(request.POST)
    if not ids:
        request.session[INDELEN_MELDING] = "Kies eerst een of meer afspraken in de lijst."
        return redirect(target)
    if not form.is_valid():
        request.session[INDELEN_MELDING] = "Kies een domein en waarvoor de correctie geldt."
        return redirect(target)
    try:
        count = services.correcties_create(
            owner=request.user,
            afspraak_ids=ids,
            bereik=form.cleaned_data["bereik"],
            domein=form.cleaned_data["domein"],
        )
    except Afspraak.DoesNotExist as error:
        raise Http404("Deze afspraak bestaat niet.") from error
    noun = "afspraak" if count == 1 else "afspraken"
    request.session[INDELEN_MELDING] = (
        f"{count} {noun} ingedeeld bij {DOMAIN_LABELS[form.cleaned_data['domein']].lower()}."
    )
    return redirect(target)


@require_POST
def afspraak_indelen(request, afspraak_id: int):
    try:
        afspraak = selectors.afspraak_get(owner=request.user, pk=afspraak_id)
    except Afspraak.DoesNotExist as error:
        raise Http404("Deze afspraak bestaat niet.") from error
    form = CorrectieForm(request.POST)
    target = request.POST.get("volgende") or reverse("agenda:afspraken")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("agenda:afspraken")
    if not form.is_valid():
        messages.error(request, "Kies een domein en waarvoor de correctie geldt.")
        return redirect(target)
    services.correctie_create(
        owner=request.user,
        afspraak_id=afspraak.pk,
        bereik=form.cleaned_data["bereik"],
        domein=form.cleaned_data["domein"],
    )
    scope = dict(Correctie.BEREIK_CHOICES)[form.cleaned_data["bereik"]].lower()
    messages.success(
        request,
        f"‘{afspraak.onderwerp}’ ingedeeld bij "
        f"{DOMAIN_LABELS[form.cleaned_data['domein']].lower()} ({scope}).",
    )
    return redirect(target)


@require_http_methods(["GET", "POST"])
def instellingen(request):
    current = selectors.instellingen_get(owner=request.user)
    thresholds = selectors.thresholds_from(current)
    initial = {
        "eigen_domeinen": ", ".join(current.eigen_domeinen or []),
        "doel_college": round(current.doel_college, 1),
        "doel_organisatie": round(current.doel_organisatie, 1),
        "doel_omgeving": round(current.doel_omgeving, 1),
        "categorieen": "\n".join(f"{k} = {v}" for k, v in (current.categorieen or {}).items()),
        "werkdag_begin": thresholds.workday_start,
        "werkdag_eind": thresholds.workday_end,
        "overvolle_dag": round(thresholds.overfull_day * 100),
        "overvolle_week": round(thresholds.overfull_week * 100),
        "pauze_minuten": thresholds.break_minutes,
        "keten_lengte": thresholds.chain_length,
        "externe_reeks": thresholds.external_run,
        "min_ongepland": round(thresholds.min_unplanned_share * 100),
    }
    form = InstellingenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.instellingen_update(
                owner=request.user,
                eigen_domeinen=data["eigen_domeinen"],
                doel={d: data[f"doel_{d}"] for d in WORK_DOMAINS},
                categorieen=data["categorieen"],
                drempels={
                    "werkdag_begin": data["werkdag_begin"].strftime("%H:%M"),
                    "werkdag_eind": data["werkdag_eind"].strftime("%H:%M"),
                    "overvolle_dag": data["overvolle_dag"] / 100,
                    "overvolle_week": data["overvolle_week"] / 100,
                    "pauze_minuten": data["pauze_minuten"],
                    "keten_lengte": data["keten_lengte"],
                    "externe_reeks": data["externe_reeks"],
                    "min_ongepland_aandeel": data["min_ongepland"] / 100,
                },
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Je instellingen zijn opgeslagen.")
            return redirect("agenda:instellingen")
    return render(
        request,
        "agenda/instellingen.html",
        {
            "form": form,
            "corrections": selectors.correctie_list(owner=request.user),
            "domain_labels": DOMAIN_LABELS,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def correctie_verwijderen(request, correctie_id: int):
    try:
        services.correctie_delete(owner=request.user, correctie_id=correctie_id)
    except Correctie.DoesNotExist as error:
        raise Http404("Deze correctie bestaat niet.") from error
    messages.success(request, "De correctie is verwijderd; de afspraken zijn opnieuw ingedeeld.")
    return redirect("agenda:instellingen")


def _removed_message(removed: selectors.AgendaTelling) -> str:
    parts = [
        count_nl(removed.afspraken, "afspraak", "afspraken"),
        count_nl(removed.imports, "ingelezen bestand", "ingelezen bestanden"),
        count_nl(removed.correcties, "correctie", "correcties"),
    ]
    if removed.instellingen:
        parts.append("je instellingen")
    return f"Verwijderd: {', '.join(parts[:-1])} en {parts[-1]}."


@require_http_methods(["GET", "POST"])
def bron_verwijderen(request, bron_id: int):
    """GET shows what removing this calendar removes; POST removes it."""
    try:
        bron = selectors.agendabron_get(owner=request.user, pk=bron_id)
    except Agendabron.DoesNotExist as error:
        raise Http404("Deze agenda bestaat niet.") from error
    if request.method == "POST":
        removed = services.agendabron_delete(owner=request.user, bron_id=bron.pk)
        messages.success(
            request, f"Agenda ‘{bron.naam}’ is verwijderd. {_removed_message(removed)}"
        )
        return redirect("agenda:importeren")
    return render(
        request,
        "agenda/bron_verwijderen.html",
        {"bron": bron, "telling": selectors.agendabron_count(owner=request.user, bron=bron)},
    )


@require_http_methods(["GET", "POST"])
def alles_verwijderen(request):
    """GET shows everything agenda-related the user has; POST removes it (settings only when
    ticked)."""
    if request.method == "POST":
        removed = services.agendagegevens_delete(
            owner=request.user, instellingen=request.POST.get("instellingen") == "ja"
        )
        if removed.leeg:
            messages.info(request, "Er waren geen agendagegevens om te verwijderen.")
        else:
            messages.success(
                request,
                f"Al je agendagegevens zijn verwijderd. {_removed_message(removed)}",
            )
        return redirect("agenda:importeren")
    return render(
        request,
        "agenda/alles_verwijderen.html",
        {
            "telling": selectors.agendagegevens_count(owner=request.user),
            "bronnen": selectors.agendabron_overview(owner=request.user),
        },
    )
