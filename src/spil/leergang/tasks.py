"""The planner in the background (django-tasks): a queued plan version is solved here.

OR-Tools is imported inside `plan_solve` only, so loading this module (the views do, to queue
work) never loads the solver into a web request.
"""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django_tasks import task

from .models import (
    Coach,
    Coachkoppeling,
    Deelnemer,
    Gastgemeente,
    Intervisiegroep,
    Meeloopstage,
    Module,
    Moduletoewijzing,
    Toewijzingsplan,
)
from .selectors import planning_input

logger = logging.getLogger(__name__)
Status = Toewijzingsplan.Status
TIME_LIMIT = 30.0


@task()
def plan_solve_task(*, plan_id: int) -> str:
    return plan_solve(plan_id=plan_id)


def _progress(plan_id: int, text: str) -> None:
    Toewijzingsplan.objects.filter(pk=plan_id).update(voortgang=text)


def plan_solve(*, plan_id: int, time_limit: float = TIME_LIMIT) -> str:
    """Solve one queued version and store its assignments with their reasons. Safe to run
    twice: a version that is no longer waiting is left alone."""
    claimed = Toewijzingsplan.objects.filter(pk=plan_id, status=Status.WACHT).update(
        status=Status.BEZIG, voortgang="De planner begint."
    )
    if not claimed:
        return "overgeslagen"
    plan_row = Toewijzingsplan.objects.select_related("cohort").get(pk=plan_id)
    from spil.leergang.planning import solver
    from spil.leergang.planning.cohort import CohortError, cohort_from_dict
    from spil.leergang.planning.output import plan_quality

    data = planning_input(cohort=plan_row.cohort)
    if plan_row.vastgezet:
        data["vastgezet"] = plan_row.vastgezet
    try:
        cohort = cohort_from_dict(data)
        result = solver.Plan()
        deadline = time.monotonic() + time_limit
        steps = (
            (solver.plan_modules, 0.15, "Modules ingedeeld"),
            (solver.plan_coaching, 0.1, "Coaches gekoppeld"),
            (solver.plan_stages, 0.3, "Meeloopstages ingedeeld"),
            (solver.plan_groups, 1.0, "Intervisiegroepen gevormd"),
        )
        for number, (part, share, done) in enumerate(steps, start=1):
            remaining = deadline - time.monotonic()
            part(cohort, result, seconds=max(0.5, remaining * share), workers=2, seed=1)
            _progress(plan_id, f"{done} ({number} van {len(steps)}).")
    except (CohortError, solver.PlanningError) as error:
        Toewijzingsplan.objects.filter(pk=plan_id).update(
            status=Status.MISLUKT, melding=str(error), voortgang=""
        )
        return Status.MISLUKT
    except Exception:
        logger.exception("Planning of version %s failed", plan_id)
        Toewijzingsplan.objects.filter(pk=plan_id).update(
            status=Status.MISLUKT,
            melding="De planner stopte door een onverwachte fout. Probeer het opnieuw.",
            voortgang="",
        )
        return Status.MISLUKT
    _store(plan_row, result, quality=plan_quality(cohort, result))
    return Status.CONCEPT


def _pk(value: str) -> int:
    return int(value[1:])


@transaction.atomic
def _store(plan_row: Toewijzingsplan, result, *, quality: dict) -> None:
    cohort = plan_row.cohort
    people = {d.pk: d for d in Deelnemer.objects.filter(cohort=cohort)}
    coaches = {c.pk: c for c in Coach.objects.filter(cohort=cohort)}
    modules = {m.pk: m for m in Module.objects.filter(cohort=cohort)}
    hosts = {h.pk: h for h in Gastgemeente.objects.filter(cohort=cohort)}
    locks = plan_row.vastgezet or {}
    locked_groups = {g["groep"] for g in locks.get("intervisiegroepen", [])}
    locked_modules = {m["deelnemer"] for m in locks.get("modules", [])}
    locked_stages = {(s["deelnemer"], s["ronde"]) for s in locks.get("stages", [])}
    locked_coaching = {c["deelnemer"] for c in locks.get("coaching", [])}
    for row in result.groepen:
        group = Intervisiegroep.objects.create(
            plan=plan_row,
            nummer=row["groep"],
            coach=coaches[_pk(row["coach"])],
            reden=row["reden"],
            vastgezet=row["groep"] in locked_groups,
        )
        group.deelnemers.set([people[_pk(p)] for p in row["deelnemers"]])
    Moduletoewijzing.objects.bulk_create(
        Moduletoewijzing(
            plan=plan_row,
            deelnemer=people[_pk(row["deelnemer"])],
            verdiepen=modules[_pk(row["verdiepen"])],
            nieuw=modules[_pk(row["nieuw"])],
            reden=row["reden"],
            vastgezet=row["deelnemer"] in locked_modules,
        )
        for row in result.modules
    )
    Meeloopstage.objects.bulk_create(
        Meeloopstage(
            plan=plan_row,
            deelnemer=people[_pk(row["deelnemer"])],
            ronde=row["ronde"],
            gastgemeente=hosts[_pk(row["gastgemeente"])],
            reden=row["reden"],
            vastgezet=(row["deelnemer"], row["ronde"]) in locked_stages,
        )
        for row in result.stages
    )
    Coachkoppeling.objects.bulk_create(
        Coachkoppeling(
            plan=plan_row,
            deelnemer=people[_pk(row["deelnemer"])],
            coach=coaches[_pk(row["coach"])],
            reden=row["reden"],
            vastgezet=row["deelnemer"] in locked_coaching,
        )
        for row in result.coaching
    )
    plan_row.status = Status.CONCEPT
    plan_row.oplossing = result.status
    plan_row.kwaliteit = quality
    plan_row.voortgang = ""
    plan_row.save(update_fields=["status", "oplossing", "kwaliteit", "voortgang"])
