"""Reads of the leergang, each through the access matrix (`visible_to`): staff see their
cohort, candidates their own rows, coaches their group, hosts their candidates, committee
members the candidates who opted in for their vacancy."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from spil.core.access import Role, holds_role
from spil.core.audit import audit_reads

from . import matching
from .models import (
    Coach,
    Coachkoppeling,
    Coachvoorkeur,
    Cohort,
    Deelnemer,
    Gastgemeente,
    Intervisiegroep,
    Kandidaatprofiel,
    Leergang,
    Leervraag,
    Meeloopstage,
    Module,
    Moduletoewijzing,
    Modulevoorkeur,
    Profielvrijgave,
    Toewijzingsplan,
    Vacature,
)

Status = Toewijzingsplan.Status
REPORT_MINIMUM = 5


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def is_programme_staff(*, user) -> bool:
    """Programmaleider for at least one cohort (or everywhere)."""
    return Cohort.objects.visible_to(user, "change").exists() or holds_role(
        user, Role.PROGRAMMALEIDER
    )


def leergang_list(*, user) -> QuerySet[Leergang]:
    return Leergang.objects.visible_to(user)


def cohort_list(*, user, action: str = "change") -> QuerySet[Cohort]:
    return Cohort.objects.visible_to(user, action).select_related("leergang")


def cohort_get(*, user, cohort_id: int, action: str = "view") -> Cohort | None:
    return cohort_list(user=user, action=action).filter(pk=cohort_id).first()


def cohort_for_docent(*, user, cohort_id: int) -> Cohort | None:
    """The cohort when the user is its docent (read-only staff page)."""
    found = cohort_get(user=user, cohort_id=cohort_id)
    return found if found is not None and holds_role(user, Role.DOCENT, found) else None


def cohort_list_docent(*, user) -> list[Cohort]:
    return [c for c in cohort_list(user=user, action="view") if holds_role(user, Role.DOCENT, c)]


def deelnemer_list(*, user, cohort: Cohort) -> QuerySet[Deelnemer]:
    return (
        Deelnemer.objects.visible_to(user)
        .filter(cohort=cohort)
        .prefetch_related(
            Prefetch(
                "modulevoorkeuren",
                queryset=Modulevoorkeur.objects.visible_to(user).select_related("module"),
            )
        )
    )


def plan_list(*, user, cohort: Cohort) -> QuerySet[Toewijzingsplan]:
    return Toewijzingsplan.objects.visible_to(user).filter(cohort=cohort).order_by("-versie")


def plan_get(*, user, plan_id: int, action: str = "view") -> Toewijzingsplan | None:
    return (
        Toewijzingsplan.objects.visible_to(user, action)
        .select_related("cohort__leergang")
        .filter(pk=plan_id)
        .first()
    )


@dataclass
class PlanView:
    plan: Toewijzingsplan
    groepen: list[Intervisiegroep]
    per_deelnemer: list[dict[str, Any]]


def plan_detail(*, user, plan: Toewijzingsplan) -> PlanView:
    """Every assignment of a version the user may see, grouped per participant."""
    groepen = list(
        Intervisiegroep.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("coach")
        .prefetch_related("deelnemers")
    )
    rows: dict[int, dict[str, Any]] = {}

    def row(deelnemer) -> dict[str, Any]:
        return rows.setdefault(
            deelnemer.pk, {"deelnemer": deelnemer, "modules": None, "stages": [], "coach": None}
        )

    for m in (
        Moduletoewijzing.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("deelnemer", "verdiepen", "nieuw")
    ):
        row(m.deelnemer)["modules"] = m
    for s in (
        Meeloopstage.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("deelnemer", "gastgemeente")
        .order_by("ronde")
    ):
        row(s.deelnemer)["stages"].append(s)
    for c in (
        Coachkoppeling.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("deelnemer", "coach")
    ):
        row(c.deelnemer)["coach"] = c
    ordered = sorted(rows.values(), key=lambda r: r["deelnemer"].naam)
    return PlanView(plan=plan, groepen=groepen, per_deelnemer=ordered)


def plan_output(*, user, plan: Toewijzingsplan) -> dict[str, Any]:
    """A stored version in the planner's output format (ids as in `planning_input`)."""
    view = plan_detail(user=user, plan=plan)
    return {
        "status": plan.oplossing,
        "intervisiegroepen": [
            {
                "groep": g.nummer,
                "coach": f"c{g.coach_id}",
                "deelnemers": [f"d{d.pk}" for d in g.deelnemers.all()],
                "reden": g.reden,
            }
            for g in view.groepen
        ],
        "modules": [
            {
                "deelnemer": f"d{r['deelnemer'].pk}",
                "verdiepen": f"m{r['modules'].verdiepen_id}",
                "nieuw": f"m{r['modules'].nieuw_id}",
                "reden": r["modules"].reden,
            }
            for r in view.per_deelnemer
            if r["modules"]
        ],
        "stages": [
            {
                "deelnemer": f"d{s.deelnemer_id}",
                "ronde": s.ronde,
                "gastgemeente": f"g{s.gastgemeente_id}",
                "reden": s.reden,
            }
            for r in view.per_deelnemer
            for s in r["stages"]
        ],
        "coaching": [
            {
                "deelnemer": f"d{r['deelnemer'].pk}",
                "coach": f"c{r['coach'].coach_id}",
                "reden": r["coach"].reden,
            }
            for r in view.per_deelnemer
            if r["coach"]
        ],
        "kwaliteit": plan.kwaliteit,
    }


def plan_compare(*, user, a: Toewijzingsplan, b: Toewijzingsplan) -> list[dict[str, Any]]:
    """Per participant what differs between two versions (group, modules, hosts, coach)."""

    def summary(plan: Toewijzingsplan) -> dict[int, dict[str, str]]:
        out: dict[int, dict[str, str]] = defaultdict(dict)
        view = plan_detail(user=user, plan=plan)
        for group in view.groepen:
            for d in group.deelnemers.all():
                out[d.pk]["groep"] = f"groep {group.nummer} ({group.coach})"
        for r in view.per_deelnemer:
            pk = r["deelnemer"].pk
            if r["modules"]:
                out[pk]["modules"] = f"{r['modules'].verdiepen} en {r['modules'].nieuw}"
            out[pk]["stages"] = ", ".join(str(s.gastgemeente) for s in r["stages"])
            if r["coach"]:
                out[pk]["coach"] = str(r["coach"].coach)
        return out

    left, right = summary(a), summary(b)
    names = {d.pk: d.naam for d in Deelnemer.objects.filter(cohort=a.cohort)}
    changes = []
    for pk in sorted(set(left) | set(right), key=lambda p: names.get(p, "")):
        for part, label in (
            ("groep", "intervisiegroep"),
            ("modules", "modules"),
            ("stages", "meeloopstages"),
            ("coach", "coach"),
        ):
            before, after = left[pk].get(part, "–"), right[pk].get(part, "–")
            if before != after:
                changes.append(
                    {
                        "deelnemer": names.get(pk, "?"),
                        "onderdeel": label,
                        "voor": before,
                        "na": after,
                    }
                )
    return changes


def planning_input(*, cohort: Cohort) -> dict[str, Any]:
    """The planner's input (the `spil leergang plan` file format) built from the database.
    Only for the worker and for staff who may see the cohort (see `cohort_planning_input`)."""
    committees: dict[int, list[str]] = defaultdict(list)
    from spil.core.models import RoleAssignment

    vacancy_ids = RoleAssignment.objects.filter(
        group__name=Role.SELECTIECOMMISSIELID, content_type__model="vacature"
    ).values_list("user_id", "object_id")
    gemeenten = dict(Vacature.objects.values_list("pk", "gemeente"))
    for user_id, vacancy_id in vacancy_ids:
        if vacancy_id in gemeenten:
            committees[user_id].append(gemeenten[vacancy_id])
    deelnemers = (
        Deelnemer.objects.filter(cohort=cohort)
        .prefetch_related("modulevoorkeuren", "coachvoorkeuren")
        .order_by("pk")
    )
    return {
        "deelnemers": [
            {
                "id": f"d{d.pk}",
                "naam": d.naam,
                "werkgever": d.werkgever or f"(onbekende werkgever van {d.naam})",
                "eerdere_werkgevers": _names(d.eerdere_werkgevers),
                "solliciteert_bij": _names(d.solliciteert_bij),
                "achtergrond": d.achtergrond,
                "stijl": d.stijl,
                "geslacht": d.geslacht,
                "modules": {
                    f"m{v.module_id}": {"rang": v.rang, "doel": v.doel}
                    for v in d.modulevoorkeuren.all()
                },
                "coaches": [f"c{v.coach_id}" for v in d.coachvoorkeuren.all()],
            }
            for d in deelnemers
        ],
        "modules": [
            {"id": f"m{m.pk}", "naam": m.naam, "min": m.min_plaatsen, "max": m.max_plaatsen}
            for m in cohort.modules.order_by("pk")
        ],
        "coaches": [
            {
                "id": f"c{c.pk}",
                "naam": c.naam,
                "organisatie": c.organisatie,
                "capaciteit": c.capaciteit,
                "intervisie": c.intervisie,
                "max_groepen": c.max_groepen,
                "selectiecommissies": sorted(
                    set(_names(c.selectiecommissies) + committees.get(c.user_id or -1, []))
                ),
            }
            for c in cohort.coaches.order_by("pk")
        ],
        "gastgemeenten": [
            {
                "id": f"g{h.pk}",
                "naam": h.naam,
                "grootte": h.grootte,
                "regio": h.regio,
                "plaatsen_per_ronde": h.plaatsen_per_ronde,
            }
            for h in cohort.gastgemeenten.order_by("pk")
        ],
        "instellingen": {"groepsgrootte": cohort.groepsgrootte, "stagerondes": cohort.stagerondes},
    }


def cohort_planning_input(*, user, cohort_id: int) -> dict[str, Any] | None:
    cohort = cohort_get(user=user, cohort_id=cohort_id, action="change")
    return None if cohort is None else planning_input(cohort=cohort)


# --- the candidate --------------------------------------------------------------------------


def mijn_deelnames(*, user) -> QuerySet[Deelnemer]:
    return Deelnemer.objects.filter(user=user).select_related("cohort__leergang")


def mijn_deelname(*, user, deelnemer_id: int) -> Deelnemer | None:
    return mijn_deelnames(user=user).filter(pk=deelnemer_id).first()


def gepubliceerd_plan(*, cohort: Cohort) -> Toewijzingsplan | None:
    return cohort.plannen.filter(status=Status.GEPUBLICEERD).first()


def mijn_indeling(*, user, deelnemer: Deelnemer) -> dict[str, Any] | None:
    """The candidate's own published group, modules, internships and coach, with reasons;
    None before publication."""
    plan = gepubliceerd_plan(cohort=deelnemer.cohort)
    if plan is None:
        return None
    group = (
        Intervisiegroep.objects.visible_to(user)
        .filter(plan=plan, deelnemers=deelnemer)
        .select_related("coach")
        .first()
    )
    return {
        "plan": plan,
        "groep": group,
        "groepsleden": [d.naam for d in group.deelnemers.all()] if group else [],
        "modules": Moduletoewijzing.objects.visible_to(user)
        .filter(plan=plan, deelnemer=deelnemer)
        .select_related("verdiepen", "nieuw")
        .first(),
        "stages": list(
            Meeloopstage.objects.visible_to(user)
            .filter(plan=plan, deelnemer=deelnemer)
            .select_related("gastgemeente")
            .order_by("ronde")
        ),
        "coach": Coachkoppeling.objects.visible_to(user)
        .filter(plan=plan, deelnemer=deelnemer)
        .select_related("coach")
        .first(),
    }


def mijn_voorkeuren(*, user, deelnemer: Deelnemer) -> dict[str, Any]:
    return {
        "modules": {
            v.module_id: v
            for v in Modulevoorkeur.objects.visible_to(user).filter(deelnemer=deelnemer)
        },
        "coaches": list(
            Coachvoorkeur.objects.visible_to(user)
            .filter(deelnemer=deelnemer)
            .order_by("rang")
            .values_list("coach_id", flat=True)
        ),
        "leervragen": list(Leervraag.objects.visible_to(user).filter(deelnemer=deelnemer)),
    }


# --- coaches and hosts ----------------------------------------------------------------------


def coach_groepen(*, user) -> list[dict[str, Any]]:
    """The published intervisie groups this user coaches, with members and learning questions."""
    groups = (
        Intervisiegroep.objects.visible_to(user)
        .filter(plan__status=Status.GEPUBLICEERD, coach__user=user)
        .select_related("plan__cohort")
        .prefetch_related("deelnemers")
    )
    out = []
    for group in groups:
        members = list(Deelnemer.objects.visible_to(user).filter(intervisiegroepen=group))
        questions = Leervraag.objects.visible_to(user).filter(deelnemer__in=members)
        by_member: dict[int, list[str]] = defaultdict(list)
        for q in questions:
            by_member[q.deelnemer_id].append(q.tekst)
        audit_reads(actor=user, resource="leergang.leervragen", objects=members, owner_attr="user")
        out.append(
            {
                "groep": group,
                "leden": [{"naam": m.naam, "leervragen": by_member[m.pk]} for m in members],
            }
        )
    return out


def groepen_van_coach(*, user) -> QuerySet[Intervisiegroep]:
    """The published intervisie groups this user coaches (for group play in oefenen)."""
    return (
        Intervisiegroep.objects.visible_to(user)
        .filter(plan__status=Status.GEPUBLICEERD, coach__user=user)
        .select_related("plan__cohort")
    )


def groepsleden(*, groep: Intervisiegroep) -> list:
    """The accounts of a group's members (for the coach who starts a group session)."""
    return [d.user for d in groep.deelnemers.select_related("user").order_by("pk")]


def gast_kandidaten(*, user) -> list[dict[str, Any]]:
    """For a host (stagesecretaris): names and learning questions of their candidates."""
    hosts = Gastgemeente.objects.filter(
        pk__in=Gastgemeente.objects.visible_to(user).values("pk")
    ).exclude(cohort__in=Cohort.objects.visible_to(user, "change"))
    out = []
    for host in hosts:
        stages = (
            Meeloopstage.objects.visible_to(user)
            .filter(gastgemeente=host, plan__status=Status.GEPUBLICEERD)
            .select_related("deelnemer")
            .order_by("ronde", "deelnemer__naam")
        )
        rows = []
        for stage in stages:
            questions = Leervraag.objects.visible_to(user).filter(deelnemer=stage.deelnemer)
            rows.append(
                {
                    "naam": stage.deelnemer.naam,
                    "ronde": stage.ronde,
                    "leervragen": [q.tekst for q in questions],
                }
            )
        audit_reads(
            actor=user,
            resource="leergang.leervragen",
            objects=[s.deelnemer for s in stages],
            owner_attr="user",
        )
        out.append({"gastgemeente": host, "kandidaten": rows})
    return out


# --- matching -------------------------------------------------------------------------------


def vacature_list(*, user) -> QuerySet[Vacature]:
    return Vacature.objects.visible_to(user).select_related("leergang")


def vacature_get(*, user, vacature_id: int, action: str = "view") -> Vacature | None:
    return Vacature.objects.visible_to(user, action).filter(pk=vacature_id).first()


def vacatures_voor_commissie(*, user) -> QuerySet[Vacature]:
    """The vacancies whose selection committee this user sits on."""
    from spil.core.models import RoleAssignment

    ids = RoleAssignment.objects.filter(
        user_id=user.pk,
        group__name=Role.SELECTIECOMMISSIELID,
        content_type__app_label="leergang",
        content_type__model="vacature",
    ).values_list("object_id", flat=True)
    return vacature_list(user=user).filter(pk__in=list(ids))


def mijn_leervraag(*, user, leervraag_id: int) -> Leervraag | None:
    return Leervraag.objects.filter(pk=leervraag_id, deelnemer__user=user).first()


def kandidaatprofiel_own(*, user) -> Kandidaatprofiel | None:
    return Kandidaatprofiel.objects.filter(owner=user).first()


def vacatures_voor_kandidaat(*, user) -> list[dict[str, Any]]:
    """Vacancies of the candidate's programmes, with whether they released their profile."""
    profiel = kandidaatprofiel_own(user=user)
    released = (
        set(Profielvrijgave.objects.filter(profiel=profiel).values_list("vacature_id", flat=True))
        if profiel
        else set()
    )
    vacancies = Vacature.objects.filter(leergang__cohorten__deelnemers__user=user).distinct()
    out = []
    for v in vacancies:
        passing = matching.fit_score(v.profiel, profiel.profiel) if profiel else None
        out.append({"vacature": v, "vrijgegeven": v.pk in released, "passing": passing})
    return out


def vacature_kandidaten(*, user, vacature: Vacature) -> list[dict[str, Any]]:
    """For the committee: only candidates who released their profile for this vacancy, with
    the fit explained per criterion, best first."""
    releases = (
        Profielvrijgave.objects.visible_to(user)
        .filter(vacature=vacature)
        .select_related("profiel__owner")
    )
    profiles = Kandidaatprofiel.objects.visible_to(user).filter(
        pk__in=[r.profiel_id for r in releases]
    )
    visible = {p.pk: p for p in profiles}
    out = []
    for release in releases:
        profiel = visible.get(release.profiel_id)
        if profiel is None:
            continue
        naam = Deelnemer.objects.filter(user=profiel.owner).values_list(
            "naam", flat=True
        ).first() or str(profiel.owner)
        out.append(
            {
                "naam": naam,
                "profiel": profiel,
                "passing": matching.fit_score(vacature.profiel, profiel.profiel),
            }
        )
    audit_reads(
        actor=user, resource="leergang.kandidaatprofiel", objects=[o["profiel"] for o in out]
    )
    return sorted(out, key=lambda o: (-o["passing"].totaal, o["naam"]))


# --- reports --------------------------------------------------------------------------------


def suppress_small(
    counts: dict[str, int], *, minimum: int = REPORT_MINIMUM
) -> dict[str, int | None]:
    """Aggregates for a report: a cell under `minimum` people becomes None ("minder dan 5")."""
    return {key: (n if n >= minimum else None) for key, n in counts.items()}


def cohort_rapport(*, user, cohort: Cohort) -> dict[str, Any] | None:
    """Aggregates of a cohort's published plan: how many got their first, second, ... choice,
    and participants per module and per host region; cells under 5 are suppressed."""
    plan = gepubliceerd_plan(cohort=cohort) or cohort.plannen.filter(status=Status.CONCEPT).first()
    if plan is None:
        return None
    ranks: Counter[str] = Counter()
    prefs = {
        (v.deelnemer_id, v.module_id): v.rang
        for v in Modulevoorkeur.objects.visible_to(user).filter(deelnemer__cohort=cohort)
    }
    per_module: Counter[str] = Counter()
    for m in (
        Moduletoewijzing.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("verdiepen", "nieuw")
    ):
        for module in (m.verdiepen, m.nieuw):
            per_module[module.naam] += 1
            rank = prefs.get((m.deelnemer_id, module.pk))
            ranks["geen voorkeur opgegeven" if rank is None else f"keus {rank}"] += 1
    per_region: Counter[str] = Counter(
        s.gastgemeente.regio
        for s in Meeloopstage.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("gastgemeente")
    )
    return {
        "plan": plan,
        "deelnemers": cohort.deelnemers.count(),
        "keuzes": suppress_small(dict(sorted(ranks.items()))),
        "modules": suppress_small(dict(sorted(per_module.items()))),
        "regios": suppress_small(dict(sorted(per_region.items()))),
    }


def programma_modules(*, cohort: Cohort) -> QuerySet[Module]:
    return cohort.modules.all()


def programma_coaches(*, cohort: Cohort) -> QuerySet[Coach]:
    return cohort.coaches.all()
