from django.apps import apps as django_apps
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from spil.core.charts import svg_data_uri

from . import selectors, services
from .charts import state_chart_svg, state_summary
from .constants import Modus
from .forms import StartForm, UitlegForm
from .library import scenario_get, scenarios
from .scenario.engine import PlayError


def _sessie_or_404(request, sessie_id: int):
    sessie = selectors.oefensessie_get(user=request.user, pk=sessie_id)
    if sessie is None or scenario_get(sessie.scenario_id) is None:
        raise Http404
    return sessie


@require_GET
def lijst(request):
    sessies = list(selectors.oefensessie_list(user=request.user)[:50])
    titles = {sid: s.titel for sid, s in scenarios().items()}
    for sessie in sessies:
        sessie.titel = titles.get(sessie.scenario_id, "")
    return render(
        request,
        "oefenen/lijst.html",
        {
            "scenarios": list(scenarios().values()),
            "bezig": [s for s in sessies if s.afgerond is None and s.scenario_id in titles],
            "klaar": [s for s in sessies if s.afgerond is not None and s.scenario_id in titles],
            "suggesties": selectors.agenda_suggestions(user=request.user),
        },
    )


def scenario(request, scenario_id: str):
    found = scenario_get(scenario_id)
    if found is None:
        raise Http404
    form = StartForm(request.POST or None, scenario=found)
    if request.method == "POST" and form.is_valid():
        sessie = services.oefensessie_start(
            user=request.user,
            scenario_id=found.id,
            profiel=form.cleaned_data["profiel"],
            modus=form.cleaned_data["modus"],
            timer=form.cleaned_data["timer"],
        )
        return redirect("oefenen:spelen", sessie_id=sessie.pk)
    return render(request, "oefenen/scenario.html", {"scenario": found, "form": form})


@require_GET
def spelen(request, sessie_id: int):
    sessie = _sessie_or_404(request, sessie_id)
    scenario, position = selectors.oefensessie_position(sessie=sessie)
    consulted = {tuple(pair) for pair in sessie.geraadpleegd}
    last = position.steps[-1] if position.steps else None
    explain = (
        last is not None
        and last.keuze.uitleggen
        and str(len(position.steps)) not in sessie.uitleg
        and request.GET.get("uitleg") != "overslaan"
    )
    situatie = position.situatie
    adviezen = []
    if situatie is not None:
        adviezen = [
            {
                "adviseur": scenario.adviseur(advies.adviseur),
                "tekst": advies.tekst,
                "geopend": (situatie.id, advies.adviseur) in consulted,
            }
            for advies in situatie.adviezen
        ]
    return render(
        request,
        "oefenen/spelen.html",
        {
            "sessie": sessie,
            "scenario": scenario,
            "position": position,
            "situatie": situatie,
            "tekst": situatie.text_for(sessie.profiel) if situatie else "",
            "keuzes": situatie.choices_for(sessie.profiel) if situatie else [],
            "adviezen": adviezen,
            "nieuws": last.keuze.nieuws if last else "",
            "stapnummer": len(position.steps) + 1,
            "examen": sessie.modus == Modus.EXAMEN,
            "uitleg_form": UitlegForm() if explain else None,
            "uitleg_keuze": last.keuze if explain else None,
            "profiel": next((p for p in scenario.profielen if p.id == sessie.profiel), None),
        },
    )


def _play(request, sessie_id: int, action) -> object:
    sessie = _sessie_or_404(request, sessie_id)
    try:
        action(sessie)
    except PlayError as error:
        messages.error(request, str(error))
    return redirect("oefenen:spelen", sessie_id=sessie.pk)


@require_POST
def kiezen(request, sessie_id: int):
    def choose(sessie):
        keuze = request.POST.get("keuze", "")
        if not keuze:
            raise PlayError("Kies eerst een van de mogelijkheden.")
        services.oefensessie_choose(
            user=request.user, sessie=sessie, situatie=request.POST.get("situatie", ""), keuze=keuze
        )

    return _play(request, sessie_id, choose)


@require_POST
def terug(request, sessie_id: int):
    return _play(
        request,
        sessie_id,
        lambda sessie: services.oefensessie_back(user=request.user, sessie=sessie),
    )


@require_POST
def raadplegen(request, sessie_id: int):
    response = _play(
        request,
        sessie_id,
        lambda sessie: services.oefensessie_consult(
            user=request.user, sessie=sessie, adviseur=request.POST.get("adviseur", "")
        ),
    )
    # Back to the advice that was just opened, so keyboard users keep their place.
    response["Location"] += f"#advies-{request.POST.get('adviseur', '')}"
    return response


@require_POST
def uitleg(request, sessie_id: int):
    sessie = _sessie_or_404(request, sessie_id)
    form = UitlegForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies voor wie de uitleg is en schrijf hoogstens 600 tekens.")
        return redirect("oefenen:spelen", sessie_id=sessie.pk)
    try:
        services.oefensessie_explain(
            user=request.user,
            sessie=sessie,
            stap=len(sessie.keuzes),
            publiek=form.cleaned_data["publiek"],
            tekst=form.cleaned_data["tekst"],
        )
        messages.success(request, "Je uitleg is bewaard; je ziet hem terug in de nabespreking.")
    except PlayError as error:
        messages.error(request, str(error))
    return redirect("oefenen:spelen", sessie_id=sessie.pk)


@require_GET
def nabespreking(request, sessie_id: int):
    sessie = _sessie_or_404(request, sessie_id)
    data = selectors.debrief(sessie=sessie)
    scenario = data["scenario"]
    labels = {v.id: v.label for v in scenario.variabelen}
    svg = state_chart_svg(rows=data["series"], labels=labels)
    return render(
        request,
        "oefenen/nabespreking.html",
        {
            **data,
            "sessie": sessie,
            "labels": labels,
            "tabel": [
                {"moment": row["moment"], "waarden": [row[key] for key in labels]}
                for row in data["series"]
            ],
            "grafiek": svg_data_uri(svg),
            "samenvatting": state_summary(rows=data["series"], labels=labels),
            "reflectie_mogelijk": django_apps.is_installed("spil.reflectie"),
        },
    )


@require_POST
def reflecteren(request, sessie_id: int):
    sessie = _sessie_or_404(request, sessie_id)
    try:
        moment, created = services.oefensessie_to_reflectie(user=request.user, sessie=sessie)
    except PlayError as error:
        messages.error(request, str(error))
        return redirect("oefenen:nabespreking", sessie_id=sessie.pk)
    messages.success(
        request,
        "Je reflectie op deze oefening staat klaar; alleen jij ziet haar."
        if created
        else "Je had al een reflectie op deze oefening; hier is ze.",
    )
    return redirect("reflectie:schrijven", pk=moment.pk)


@require_POST
def verwijderen(request, sessie_id: int):
    sessie = _sessie_or_404(request, sessie_id)
    services.oefensessie_delete(user=request.user, sessie=sessie)
    messages.success(request, "De oefensessie is verwijderd.")
    return redirect("oefenen:lijst")


# --- group play -----------------------------------------------------------------------------


def _groep_or_404(request, groepssessie_id: int):
    sessie = selectors.groepssessie_get(user=request.user, pk=groepssessie_id)
    if sessie is None or scenario_get(sessie.scenario_id) is None:
        raise Http404
    return sessie


def groepen(request):
    """Group play: a coach starts a session for an intervisie group; players find theirs."""
    coach_groepen = selectors.coach_groepen(user=request.user)
    if request.method == "POST":
        try:
            groep_id = int(request.POST.get("groep", ""))
        except ValueError:
            groep_id = 0
        scenario_id = request.POST.get("scenario", "")
        found = scenario_get(scenario_id)
        profiel = found.profielen[0].id if found and found.profielen else ""
        try:
            sessie = services.groepssessie_start(
                user=request.user,
                groep_id=groep_id,
                scenario_id=scenario_id,
                profiel=request.POST.get("profiel") or profiel,
            )
        except PlayError as error:
            messages.error(request, str(error))
            return redirect("oefenen:groepen")
        return redirect("oefenen:groepsspel", groepssessie_id=sessie.pk)
    return render(
        request,
        "oefenen/groepen.html",
        {
            "coach_groepen": coach_groepen,
            "scenarios": [s for s in scenarios().values() if s.rollen],
            "sessies": selectors.groepssessies_voor(user=request.user)[:50],
        },
    )


@require_GET
def groepsspel(request, groepssessie_id: int):
    sessie = _groep_or_404(request, groepssessie_id)
    view = selectors.groepssessie_view(user=request.user, sessie=sessie)
    situatie = view["position"].situatie
    return render(
        request,
        "oefenen/groepsspel.html",
        {
            **view,
            "sessie": sessie,
            "situatie": situatie,
            "tekst": situatie.text_for(sessie.profiel) if situatie else "",
            "keuzes": situatie.choices_for(sessie.profiel) if situatie else [],
            "stapnummer": len(view["position"].steps) + 1,
        },
    )


@require_POST
def groepsspel_kiezen(request, groepssessie_id: int):
    sessie = _groep_or_404(request, groepssessie_id)
    keuze = request.POST.get("keuze", "")
    situatie = request.POST.get("situatie", "")
    try:
        if not keuze:
            raise PlayError("Kies eerst een van de mogelijkheden.")
        if sessie.owner_id == request.user.pk and request.POST.get("groep") == "1":
            services.groepssessie_verder(
                user=request.user, sessie=sessie, situatie=situatie, keuze=keuze
            )
            messages.success(request, "De groep gaat verder.")
        else:
            services.groepssessie_stem(
                user=request.user, sessie=sessie, situatie=situatie, keuze=keuze
            )
            messages.success(request, "Je keuze is bewaard. Alleen jij ziet wat je koos.")
    except PlayError as error:
        messages.error(request, str(error))
    return redirect("oefenen:groepsspel", groepssessie_id=sessie.pk)


@require_GET
def groepsspel_nabespreking(request, groepssessie_id: int):
    sessie = _groep_or_404(request, groepssessie_id)
    data = selectors.groepssessie_debrief(sessie=sessie)
    labels = {v.id: v.label for v in data["scenario"].variabelen}
    return render(
        request,
        "oefenen/groep_nabespreking.html",
        {
            **data,
            "sessie": sessie,
            "labels": labels,
            "tabel": [
                {"moment": row["moment"], "waarden": [row[key] for key in labels]}
                for row in data["series"]
            ],
            "grafiek": svg_data_uri(state_chart_svg(rows=data["series"], labels=labels)),
            "samenvatting": state_summary(rows=data["series"], labels=labels),
        },
    )
