"""The plan as the CLI's JSON contract, with its quality figures."""

from __future__ import annotations

from typing import Any

from .cohort import Cohort
from .solver import Plan, _choice, _coach_rank


def plan_quality(cohort: Cohort, plan: Plan) -> dict[str, Any]:
    people = {p.id: p for p in cohort.deelnemers}
    choices = [
        _choice(people[row["deelnemer"]], row[doel])
        for row in plan.modules
        if people[row["deelnemer"]].modules
        for doel in ("verdiepen", "nieuw")
    ]
    coach_ranks = [
        _coach_rank(people[row["deelnemer"]], row["coach"])
        for row in plan.coaching
        if people[row["deelnemer"]].coaches
    ]
    hosts = {h.id: h for h in cohort.gastgemeenten}
    by_person: dict[str, list] = {}
    for row in plan.stages:
        by_person.setdefault(row["deelnemer"], []).append(hosts[row["gastgemeente"]])
    contrasted = sum(
        1
        for chosen in by_person.values()
        if len({h.regio for h in chosen}) > 1 or len({h.grootte for h in chosen}) > 1
    )
    return {
        "eerste_keus_modules": round(sum(c == 1 for c in choices) / len(choices), 3)
        if choices
        else 1.0,
        "slechtste_rang": max(choices, default=1),
        "eerste_keus_coach": round(sum(r == 1 for r in coach_ranks) / len(coach_ranks), 3)
        if coach_ranks
        else 1.0,
        "slechtste_coachkeus": max(coach_ranks, default=1),
        "stages_met_contrast": round(contrasted / len(by_person), 3) if by_person else 1.0,
        "optimaliteitskloof": {part: round(result.gap, 4) for part, result in plan.parts.items()},
        "seconden": {part: round(result.seconds, 2) for part, result in plan.parts.items()},
    }


def plan_to_dict(cohort: Cohort, plan: Plan) -> dict[str, Any]:
    return {
        "status": plan.status,
        "intervisiegroepen": plan.groepen,
        "modules": plan.modules,
        "stages": plan.stages,
        "coaching": plan.coaching,
        "kwaliteit": plan_quality(cohort, plan),
    }
