"""Pages of the leergang. Thin: reads through selectors, writes through services; an object the
user may not reach is a 404. The planner never runs here (it is queued, see tasks.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_POST

from spil.core.htmx import htmx_refresh, is_htmx

from . import forms, selectors, services
from .models import Toewijzingsplan

Status = Toewijzingsplan.Status


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _base(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


@require_GET
def start(request):
    user = request.user
    staff = selectors.is_programme_staff(user=user)
    return render(
        request,
        "leergang/start.html",
        {
            "staff": staff,
            "cohorten": selectors.cohort_list(user=user) if staff else [],
            "docent_cohorten": selectors.cohort_list_docent(user=user),
            "deelnames": selectors.mijn_deelnames(user=user),
            "groepen": selectors.coach_groepen(user=user),
            "gasten": selectors.gast_kandidaten(user=user),
            "vacatures": selectors.vacature_list(user=user)
            if staff
            else selectors.vacatures_voor_commissie(user=user),
        },
    )


def cohort_nieuw(request):
    if not selectors.is_programme_staff(user=request.user):
        raise Http404
    form = forms.CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            leergang = selectors.leergang_list(user=request.user).filter(
                naam=data["leergang"]
            ).first() or services.leergang_create(user=request.user, naam=data["leergang"])
            cohort = services.cohort_create(
                user=request.user,
                leergang=leergang,
                naam=data["naam"],
                startdatum=data["startdatum"],
                groepsgrootte=data["groepsgrootte"],
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(
                None, str(error) if isinstance(error, PermissionDenied) else _error_text(error)
            )
        else:
            return redirect("leergang:cohort", cohort_id=cohort.pk)
    return render(request, "leergang/cohort_nieuw.html", {"form": form})


def _staff_cohort(request, cohort_id: int):
    cohort = selectors.cohort_get(user=request.user, cohort_id=cohort_id, action="change")
    if cohort is None:
        raise Http404
    return cohort


def _cohort_page(request, cohort, *, can_change: bool = True, **forms_given):
    context = {
        "cohort": cohort,
        "kan_wijzigen": can_change,
        "tijdlijn": cohort.tijdlijn(),
        "uren": cohort.uren_per_deelnemer(),
        "deelnemers": selectors.deelnemer_list(user=request.user, cohort=cohort),
        "modules": cohort.modules.all(),
        "coaches": cohort.coaches.all(),
        "gastgemeenten": cohort.gastgemeenten.all(),
        "plannen": selectors.plan_list(user=request.user, cohort=cohort),
        "deelnemer_form": forms.DeelnemerForm(),
        "import_form": forms.ImportForm(),
        "module_form": forms.ModuleForm(),
        "coach_form": forms.CoachForm(),
        "gast_form": forms.GastgemeenteForm(),
    }
    context.update(forms_given)
    return render(request, "leergang/cohort.html", context, status=400 if forms_given else 200)


@require_GET
def cohort(request, cohort_id: int):
    """The programme leader's page; a docent of the cohort reads it without the forms."""
    found = selectors.cohort_get(user=request.user, cohort_id=cohort_id, action="change")
    if found is not None:
        return _cohort_page(request, found)
    found = selectors.cohort_for_docent(user=request.user, cohort_id=cohort_id)
    if found is None:
        raise Http404
    return _cohort_page(request, found, can_change=False)


@require_POST
def deelnemer_toevoegen(request, cohort_id: int):
    found = _staff_cohort(request, cohort_id)
    form = forms.DeelnemerForm(request.POST)
    if form.is_valid():
        try:
            deelnemer, created = services.deelnemer_invite(
                user=request.user,
                cohort_id=found.pk,
                request_base=_base(request),
                opnieuw_sturen=True,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(
                request,
                f"{deelnemer.naam} is uitgenodigd."
                if created
                else f"{deelnemer.naam} is bijgewerkt.",
            )
            return redirect("leergang:cohort", cohort_id=found.pk)
    return _cohort_page(request, found, deelnemer_form=form)


@require_POST
def deelnemers_importeren(request, cohort_id: int):
    found = _staff_cohort(request, cohort_id)
    form = forms.ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["bestand"]
        try:
            added, updated = services.deelnemers_import(
                user=request.user,
                cohort_id=found.pk,
                data=upload.read(),
                filename=upload.name,
                request_base=_base(request),
            )
        except ValidationError as error:
            form.add_error("bestand", _error_text(error))
        else:
            messages.success(request, f"{added} deelnemers toegevoegd, {updated} bijgewerkt.")
            return redirect("leergang:cohort", cohort_id=found.pk)
    return _cohort_page(request, found, import_form=form)


def _add(request, cohort_id: int, form_class, service, key: str, extra=None):
    found = _staff_cohort(request, cohort_id)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(
                user=request.user,
                cohort_id=found.pk,
                request_base=_base(request),
                **form.cleaned_data,
                **(extra or {}),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, f"{form.cleaned_data['naam']} is toegevoegd.")
            return redirect("leergang:cohort", cohort_id=found.pk)
    return _cohort_page(request, found, **{key: form})


@require_POST
def module_toevoegen(request, cohort_id: int):
    return _add(request, cohort_id, forms.ModuleForm, services.module_create, "module_form")


@require_POST
def coach_toevoegen(request, cohort_id: int):
    return _add(request, cohort_id, forms.CoachForm, services.coach_create, "coach_form")


@require_POST
def gastgemeente_toevoegen(request, cohort_id: int):
    return _add(
        request, cohort_id, forms.GastgemeenteForm, services.gastgemeente_create, "gast_form"
    )


@require_POST
def plan_maken(request, cohort_id: int):
    found = _staff_cohort(request, cohort_id)
    basis = request.POST.get("basis")
    try:
        plan = services.plan_start(
            user=request.user, cohort_id=found.pk, basis_id=int(basis) if basis else None
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("leergang:cohort", cohort_id=found.pk)
    except ValueError as error:
        raise Http404 from error
    return redirect("leergang:plan", toewijzingsplan_id=plan.pk)


def _plan_or_404(request, toewijzingsplan_id: int, action: str = "view"):
    plan = selectors.plan_get(user=request.user, plan_id=toewijzingsplan_id, action=action)
    if plan is None:
        raise Http404
    return plan


@require_GET
def plan(request, toewijzingsplan_id: int):
    found = _plan_or_404(request, toewijzingsplan_id)
    running = found.status in (Status.WACHT, Status.BEZIG)
    if is_htmx(request):
        response = render(request, "leergang/_plan_status.html", {"plan": found})
        # Finished: reload the page to show the plan (or the reason there is none).
        return response if running else htmx_refresh(response)
    running = found.status in (Status.WACHT, Status.BEZIG)
    return render(
        request,
        "leergang/plan.html",
        {
            "plan": found,
            "running": running,
            "view": None if running else selectors.plan_detail(user=request.user, plan=found),
            "andere": selectors.plan_list(user=request.user, cohort=found.cohort).exclude(
                pk=found.pk
            ),
            "kan_wijzigen": selectors.plan_get(user=request.user, plan_id=found.pk, action="change")
            is not None,
        },
    )


@require_POST
def plan_vastzetten(request, toewijzingsplan_id: int):
    found = _plan_or_404(request, toewijzingsplan_id, "change")
    url = reverse("leergang:plan", kwargs={"toewijzingsplan_id": found.pk})
    soort = request.POST.get("soort", "")
    try:
        pk = int(request.POST.get("pk", ""))
        services.toewijzing_lock(
            user=request.user,
            plan_id=found.pk,
            soort=soort,
            pk=pk,
            vastgezet=request.POST.get("vastgezet") == "1",
        )
    except (ValueError, ValidationError):
        messages.error(request, "Vastzetten kan alleen bij een toewijzing in een concept.")
        return redirect(url)
    return redirect(f"{url}#{soort}-{pk}")


@require_POST
def plan_publiceren(request, toewijzingsplan_id: int):
    found = _plan_or_404(request, toewijzingsplan_id, "change")
    try:
        changed = services.plan_publish(user=request.user, plan_id=found.pk)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            "De indeling is gepubliceerd: deelnemers, coaches en gastgemeenten zien hun deel."
            if changed
            else "Deze versie was al gepubliceerd; er is niets veranderd.",
        )
    return redirect("leergang:plan", toewijzingsplan_id=found.pk)


@require_GET
def plan_vergelijk(request, toewijzingsplan_id: int):
    found = _plan_or_404(request, toewijzingsplan_id)
    other = None
    try:
        other_id = int(request.GET.get("met", ""))
    except ValueError:
        other_id = None
    if other_id is not None:
        other = selectors.plan_get(user=request.user, plan_id=other_id)
        if other is None or other.cohort_id != found.cohort_id:
            raise Http404
    return render(
        request,
        "leergang/vergelijk.html",
        {
            "plan": found,
            "ander": other,
            "andere": selectors.plan_list(user=request.user, cohort=found.cohort).exclude(
                pk=found.pk
            ),
            "verschillen": selectors.plan_compare(user=request.user, a=other, b=found)
            if other
            else None,
        },
    )


@require_GET
def rapport(request, cohort_id: int):
    found = _staff_cohort(request, cohort_id)
    report = selectors.cohort_rapport(user=request.user, cohort=found)
    chart = None
    if report:
        from .charts import keuzes_chart

        chart = keuzes_chart(report["keuzes"])
    return render(
        request, "leergang/rapport.html", {"cohort": found, "rapport": report, "chart": chart}
    )


# --- the candidate --------------------------------------------------------------------------


def _own(request, deelnemer_id: int):
    found = selectors.mijn_deelname(user=request.user, deelnemer_id=deelnemer_id)
    if found is None:
        raise Http404
    return found


def deelname(request, deelnemer_id: int):
    me = _own(request, deelnemer_id)
    voorkeuren = selectors.mijn_voorkeuren(user=request.user, deelnemer=me)
    error = None
    if request.method == "POST":
        modules = {}
        for module in me.cohort.modules.all():
            rang = request.POST.get(f"rang_{module.pk}", "")
            doel = request.POST.get(f"doel_{module.pk}", "")
            if rang:
                try:
                    modules[module.pk] = (int(rang), doel)
                except ValueError:
                    error = f"{module.naam}: de rang is een getal."
            elif doel:
                error = f"{module.naam}: geef ook de rang op (1 = liefst)."
        coaches = [int(c) for c in request.POST.getlist("coach") if c.isdigit()]
        coaches = [c for i, c in enumerate(coaches) if c not in coaches[:i]]
        if error is None:
            try:
                services.voorkeuren_save(
                    user=request.user, deelnemer_id=me.pk, modules=modules, coaches=coaches
                )
            except ValidationError as problem:
                error = _error_text(problem)
            else:
                messages.success(request, "Je voorkeuren zijn opgeslagen.")
                return redirect("leergang:deelname", deelnemer_id=me.pk)
    module_rows = [
        {"module": m, "voorkeur": voorkeuren["modules"].get(m.pk)} for m in me.cohort.modules.all()
    ]
    return render(
        request,
        "leergang/deelname.html",
        {
            "me": me,
            "modules": module_rows,
            "coaches": list(me.cohort.coaches.all()),
            "coachkeuzes": voorkeuren["coaches"] + [None] * 3,
            "leervragen": voorkeuren["leervragen"],
            "leervraag_form": forms.LeervraagForm(),
            "indeling": selectors.mijn_indeling(user=request.user, deelnemer=me),
            "fout": error,
        },
        status=400 if error else 200,
    )


@require_POST
def leervraag_toevoegen(request, deelnemer_id: int):
    me = _own(request, deelnemer_id)
    form = forms.LeervraagForm(request.POST)
    if form.is_valid():
        try:
            services.leervraag_add(
                user=request.user, deelnemer_id=me.pk, tekst=form.cleaned_data["tekst"]
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, "Je leervraag is toegevoegd.")
    else:
        messages.error(request, "Leervraag: schrijf je vraag op (hooguit 2000 tekens).")
    return redirect("leergang:deelname", deelnemer_id=me.pk)


@require_POST
def leervraag_verwijderen(request, leervraag_id: int):
    vraag = selectors.mijn_leervraag(user=request.user, leervraag_id=leervraag_id)
    if vraag is None:
        raise Http404
    services.leervraag_delete(user=request.user, leervraag_id=vraag.pk)
    messages.success(request, "De leervraag is verwijderd.")
    return redirect("leergang:deelname", deelnemer_id=vraag.deelnemer_id)


# --- matching -------------------------------------------------------------------------------


def profiel(request):
    if not selectors.mijn_deelnames(user=request.user).exists():
        raise Http404
    own = selectors.kandidaatprofiel_own(user=request.user)
    form = forms.ProfielForm(
        request.POST or None, vacancy=False, initial_profile=own.profiel if own else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.kandidaatprofiel_save(user=request.user, profiel=form.profile())
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, "Je kandidaatprofiel is opgeslagen.")
            return redirect("leergang:profiel")
    return render(
        request,
        "leergang/profiel.html",
        {
            "form": form,
            "profiel": own,
            "vacatures": selectors.vacatures_voor_kandidaat(user=request.user),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def vrijgeven(request, vacature_id: int):
    try:
        released = services.profiel_vrijgeven(
            user=request.user,
            vacature_id=vacature_id,
            vrijgeven=request.POST.get("vrijgeven") == "1",
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            "Je profiel is vrijgegeven aan de selectiecommissie van deze vacature."
            if released
            else "Je profiel is niet (meer) zichtbaar voor deze selectiecommissie.",
        )
    return redirect("leergang:profiel")


def vacature_nieuw(request):
    leergangen = selectors.leergang_list(user=request.user)
    if not selectors.is_programme_staff(user=request.user) or not leergangen.exists():
        raise Http404
    form = forms.VacatureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacature = services.vacature_create(
                user=request.user,
                leergang_id=leergangen.first().pk,
                gemeente=form.cleaned_data["gemeente"],
                profiel=form.profile(),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            return redirect("leergang:vacature", vacature_id=vacature.pk)
    return render(
        request, "leergang/vacature_nieuw.html", {"form": form}, status=400 if form.errors else 200
    )


@require_GET
def vacature(request, vacature_id: int):
    found = selectors.vacature_get(user=request.user, vacature_id=vacature_id)
    if found is None:
        raise Http404
    return _vacature_page(request, found)


def _vacature_page(request, found, form=None):
    from .matching import GEBIEDEN

    can_change = selectors.vacature_get(user=request.user, vacature_id=found.pk, action="change")
    return render(
        request,
        "leergang/vacature.html",
        {
            "vacature": found,
            "commissie_form": (form or forms.CommissielidForm()) if can_change else None,
            "gebieden": [(label, found.profiel.get(key, {})) for key, label, _vraag in GEBIEDEN],
            "kandidaten": selectors.vacature_kandidaten(user=request.user, vacature=found),
        },
    )


@login_not_required
def uitnodiging(request, uidb64: str, token: str):
    """Choosing a first password from the invitation mail (Django's reset-link check)."""
    return auth_views.PasswordResetConfirmView.as_view(
        template_name="leergang/uitnodiging.html",
        success_url=reverse_lazy("accounts:login"),
        post_reset_login=False,
    )(request, uidb64=uidb64, token=token)


@require_POST
def commissielid_toevoegen(request, vacature_id: int):
    found = selectors.vacature_get(user=request.user, vacature_id=vacature_id, action="change")
    if found is None:
        raise Http404
    form = forms.CommissielidForm(request.POST)
    if form.is_valid():
        try:
            services.commissielid_add(
                user=request.user,
                vacature_id=found.pk,
                email=form.cleaned_data["email"],
                request_base=_base(request),
            )
        except ValidationError as error:
            form.add_error("email", _error_text(error))
        else:
            messages.success(
                request, f"{form.cleaned_data['email']} zit nu in de selectiecommissie."
            )
            return redirect("leergang:vacature", vacature_id=found.pk)
    response = _vacature_page(request, found, form)
    response.status_code = 400
    return response
