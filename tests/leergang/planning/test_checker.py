"""The checker must catch each kind of broken plan, or the solver tests prove nothing."""

import copy

import pytest

from spil.leergang.planning.checker import plan_violations
from spil.leergang.planning.cohort import cohort_from_dict
from spil.leergang.planning.output import plan_to_dict
from spil.leergang.planning.solver import cohort_plan

from .cohorts import small_cohort


@pytest.fixture(scope="module")
def planned():
    cohort = cohort_from_dict(small_cohort())
    return cohort, plan_to_dict(cohort, cohort_plan(cohort, time_limit=10))


def swap_into_same_group(plan, cohort):
    a = plan["intervisiegroepen"][0]["deelnemers"]
    b = plan["intervisiegroepen"][1]["deelnemers"]
    a[0], b[0] = b[0], a[0]
    b.append(a.pop())


@pytest.mark.parametrize(
    ("breaks", "expected"),
    [
        (lambda p, c: swap_into_same_group(p, c), "deelnemers"),
        (lambda p, c: p["modules"][0].update(nieuw=p["modules"][0]["verdiepen"]), "twee keer"),
        (lambda p, c: p["modules"][0].update(nieuw="m1"), "niet gemarkeerd als nieuw"),
        (
            lambda p, c: p["stages"][1].update(gastgemeente=p["stages"][0]["gastgemeente"]),
            "twee keer mee",
        ),
        (lambda p, c: [r.update(gastgemeente="g0") for r in p["stages"][:6:2]], "in ronde 1"),
        (lambda p, c: [r.update(coach="c3") for r in p["coaching"][:5]], "capaciteit"),
        (lambda p, c: p["intervisiegroepen"][0].update(coach="c3"), "leidt geen intervisie"),
        (lambda p, c: p["coaching"][0].update(reden=""), "zonder reden"),
        (lambda p, c: p["stages"].pop(), "rondes"),
    ],
)
def test_every_kind_of_violation_is_reported(planned, breaks, expected):
    cohort, plan = planned
    assert plan_violations(cohort, plan) == []
    broken = copy.deepcopy(plan)
    breaks(broken, cohort)
    problems = plan_violations(cohort, broken)
    assert any(expected in problem for problem in problems), problems
