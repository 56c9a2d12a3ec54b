"""The planner on hand-written and generated cohorts; every plan goes through the independent
checker, and infeasible input must name the rule that cannot be met."""

import pytest

from spil.leergang.planning.checker import plan_violations
from spil.leergang.planning.cohort import cohort_from_dict
from spil.leergang.planning.output import plan_to_dict
from spil.leergang.planning.solver import PlanningError, cohort_plan

from .cohorts import person, small_cohort


def plan_for(data, **kwargs):
    cohort = cohort_from_dict(data)
    return cohort, plan_to_dict(cohort, cohort_plan(cohort, time_limit=20, **kwargs))


def test_small_cohort_gets_an_optimal_plan_that_keeps_every_rule():
    data = small_cohort()
    for module in data["modules"]:
        module["max"] = 10
    cohort, plan = plan_for(data)
    assert plan["status"] == "optimaal"
    assert plan_violations(cohort, plan) == []
    assert [len(g["deelnemers"]) for g in plan["intervisiegroepen"]] == [5, 5]
    # Everybody marked the same modules first and every module seats all ten.
    assert plan["kwaliteit"]["eerste_keus_modules"] == 1.0
    assert plan["kwaliteit"]["slechtste_rang"] == 1


def test_worst_off_participant_comes_before_the_total():
    data = small_cohort()
    for module in data["modules"]:
        module["max"] = 5
    # All ten want m1 to deepen; only five fit, so five get their second choice m2 - and nobody
    # is pushed further down to give someone else a first choice.
    _cohort, plan = plan_for(data)
    deep = [row["verdiepen"] for row in plan["modules"]]
    assert sorted(deep) == ["m1"] * 5 + ["m2"] * 5
    assert plan["kwaliteit"]["slechtste_rang"] == 2
    second = next(row for row in plan["modules"] if row["verdiepen"] == "m2")
    assert "tweede keus" in second["reden"] and "Bestuurlijk gevoel zat vol" in second["reden"]


def test_a_module_under_its_minimum_is_not_given_and_the_reason_says_so():
    data = small_cohort()
    # m3 is everyone's first 'nieuw' choice, but given it takes exactly nine, which would
    # leave one person alone in m4 (minimum two): so m3 cannot run.
    data["modules"][2].update(min=9, max=9)
    data["modules"][3].update(min=2, max=10)
    cohort, plan = plan_for(data)
    assert all(row["nieuw"] == "m4" for row in plan["modules"])
    assert "Knopen doorhakken gaat niet door" in plan["modules"][0]["reden"]
    assert plan_violations(cohort, plan) == []


def test_colleagues_are_never_in_the_same_group_and_coaches_avoid_their_own_organisation():
    data = small_cohort()
    data["deelnemers"][0]["werkgever"] = "Bureau A"  # coach c1 works there
    cohort, plan = plan_for(data)
    group_of_p0 = next(g for g in plan["intervisiegroepen"] if "p0" in g["deelnemers"])
    assert group_of_p0["coach"] != "c1"
    coach_of_p0 = next(r for r in plan["coaching"] if r["deelnemer"] == "p0")
    assert coach_of_p0["coach"] != "c1"
    assert "Coach Een is uitgesloten" in coach_of_p0["reden"]
    for group in plan["intervisiegroepen"]:
        employers = [cohort.deelnemer(p).werkgever for p in group["deelnemers"]]
        assert len(employers) == len(set(employers))


def test_internships_avoid_own_former_and_applied_for_hosts_and_seek_contrast():
    data = small_cohort()
    data["deelnemers"][0].update(
        werkgever="Gastdorp0", eerdere_werkgevers=["Gastdorp1"], solliciteert_bij=["gastdorp2"]
    )
    cohort, plan = plan_for(data)
    hosts = {r["gastgemeente"] for r in plan["stages"] if r["deelnemer"] == "p0"}
    assert hosts.isdisjoint({"g0", "g1", "g2"})
    assert plan_violations(cohort, plan) == []
    assert plan["kwaliteit"]["stages_met_contrast"] == 1.0
    second = next(r for r in plan["stages"] if r["deelnemer"] == "p3" and r["ronde"] == 2)
    assert "andere" in second["reden"]


def test_a_coach_on_the_selection_committee_of_a_vacancy_is_excluded():
    data = small_cohort()
    data["coaches"][0]["selectiecommissies"] = ["Havenstad"]
    data["deelnemers"][4]["solliciteert_bij"] = ["Havenstad"]
    cohort, plan = plan_for(data)
    assert next(r for r in plan["coaching"] if r["deelnemer"] == "p4")["coach"] != "c1"
    group = next(g for g in plan["intervisiegroepen"] if "p4" in g["deelnemers"])
    assert group["coach"] != "c1"
    assert plan_violations(cohort, plan) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: [p.update(werkgever="Zelfde") for p in d["deelnemers"][:3]],
            "3 deelnemers werken bij Zelfde",
        ),
        (
            lambda d: [h.update(plaatsen_per_ronde=1) for h in d["gastgemeenten"]],
            "hebben samen 6 plaatsen per ronde",
        ),
        (
            lambda d: [c.update(capaciteit=2) for c in d["coaches"]],
            "de coaches kunnen er samen 6 coachen",
        ),
        (lambda d: d["coaches"][1].update(intervisie=False), "kunnen samen 1 groep(en) aan"),
        (
            lambda d: d["deelnemers"][0]["modules"].update(
                m3={"rang": 3, "doel": "verdiepen"}, m4={"rang": 4, "doel": "verdiepen"}
            ),
            "heeft geen module gemarkeerd als 'nieuw'",
        ),
    ],
)
def test_infeasible_input_names_the_rule_and_who_is_involved(change, expected):
    data = small_cohort()
    change(data)
    with pytest.raises(PlanningError) as error:
        plan_for(data)
    assert expected in str(error.value)


def test_a_conflict_found_only_by_the_solver_is_explained_by_its_rules():
    data = small_cohort()
    # Both intervisie coaches work for an employer present in both groups' only option.
    data["coaches"][0]["organisatie"] = "Werkgever0"
    data["coaches"][1]["organisatie"] = "Werkgever1"
    data["deelnemers"][0]["werkgever"] = "Werkgever0"
    data["deelnemers"][6]["werkgever"] = "Werkgever0"
    data["deelnemers"][1]["werkgever"] = "Werkgever1"
    data["deelnemers"][7]["werkgever"] = "Werkgever1"
    with pytest.raises(PlanningError) as error:
        plan_for(data)
    message = str(error.value)
    assert message.startswith("Intervisiegroepen: deze regels zijn niet tegelijk te halen")
    assert "Coach Een werkt bij Werkgever0" in message
    assert "niet twee deelnemers van dezelfde werkgever in één groep (Werkgever0" in message


def test_locked_assignments_survive_re_solving_and_the_rest_is_planned_around_them():
    data = small_cohort()
    cohort, first = plan_for(data)
    group_of = {p: g["groep"] for g in first["intervisiegroepen"] for p in g["deelnemers"]}
    # Lock five assignments, some against what the solver chose.
    other_group = 2 if group_of["p0"] == 1 else 1
    data["vastgezet"] = {
        "intervisiegroepen": [{"groep": other_group, "deelnemers": ["p0"]}],
        "modules": [{"deelnemer": "p1", "verdiepen": "m2", "nieuw": "m4"}],
        "stages": [{"deelnemer": "p2", "ronde": 1, "gastgemeente": "g5"}],
        "coaching": [
            {"deelnemer": "p3", "coach": "c3"},
            {"deelnemer": "p4", "coach": "c2"},
        ],
    }
    cohort, again = plan_for(data)
    assert plan_violations(cohort, again) == []
    assert "p0" in again["intervisiegroepen"][other_group - 1]["deelnemers"]
    p1 = next(r for r in again["modules"] if r["deelnemer"] == "p1")
    assert (p1["verdiepen"], p1["nieuw"]) == ("m2", "m4")
    assert {"deelnemer": "p2", "ronde": 1, "gastgemeente": "g5"}.items() <= next(
        r for r in again["stages"] if r["deelnemer"] == "p2" and r["ronde"] == 1
    ).items()
    coaching = {r["deelnemer"]: r["coach"] for r in again["coaching"]}
    assert coaching["p3"] == "c3" and coaching["p4"] == "c2"


def test_participants_without_preferences_fill_two_different_modules():
    data = small_cohort()
    data["deelnemers"].append(person("p10", "Nieuwkomer", modules={}, coaches=[]))
    data["deelnemers"][-1]["modules"] = {}
    data["gastgemeenten"].append(
        {
            "id": "g6",
            "naam": "Gastdorp6",
            "grootte": "klein",
            "regio": "West",
            "plaatsen_per_ronde": 2,
        }
    )
    cohort, plan = plan_for(data)
    row = next(r for r in plan["modules"] if r["deelnemer"] == "p10")
    assert row["verdiepen"] != row["nieuw"]
    assert "geen voorkeuren" in row["reden"]
    assert plan_violations(cohort, plan) == []


def test_the_greedy_grouping_used_as_a_start_and_fallback_keeps_the_hard_rules():
    from spil.leergang.planning.cohort import group_sizes
    from spil.leergang.planning.solver import _groups_hint
    from spil.leergang.planning.voorbeeld import cohort_generate

    cohort = cohort_from_dict(cohort_generate(deelnemers=150, seed=3))
    sizes = group_sizes(150, 5)
    members_of, coach_of = _groups_hint(cohort, sizes)
    people = {p.id: p for p in cohort.deelnemers}
    coaches = {c.id: c for c in cohort.coaches}
    assert sorted(len(m) for m in members_of) == sorted(sizes)
    assert set().union(*members_of) == set(people)
    for members, coach in zip(members_of, coach_of, strict=True):
        employers = [people[p].werkgever for p in members]
        assert len(employers) == len(set(employers))
        assert all(coaches[coach].conflicts_with(people[p]) is None for p in members)
    assert max(coach_of.count(c) for c in coach_of) == 1


def test_a_plan_under_a_very_short_time_limit_still_keeps_every_rule():
    from spil.leergang.planning.voorbeeld import cohort_generate

    cohort = cohort_from_dict(cohort_generate(deelnemers=150, seed=5))
    plan = plan_to_dict(cohort, cohort_plan(cohort, time_limit=1))
    assert plan["status"] == "toelaatbaar"
    assert plan_violations(cohort, plan) == []


def test_the_greedy_module_and_coach_assignments_keep_the_hard_rules():
    from spil.leergang.planning.solver import _coaching_hint, _modules_hint
    from spil.leergang.planning.voorbeeld import cohort_generate

    cohort = cohort_from_dict(cohort_generate(deelnemers=150, seed=3))
    modules = _modules_hint(cohort)
    coaching = _coaching_hint(cohort)
    people = {p.id: p for p in cohort.deelnemers}
    load = {}
    for pid, chosen in modules.items():
        doelen = sorted(people[pid].modules[mid].doel for mid in chosen)
        assert doelen == ["nieuw", "verdiepen"]
        for mid in chosen:
            load[mid] = load.get(mid, 0) + 1
    for module in cohort.modules:
        assert load.get(module.id, 0) == 0 or module.min <= load[module.id] <= module.max
    coaches = {c.id: c for c in cohort.coaches}
    for pid, cid in coaching.items():
        assert coaches[cid].conflicts_with(people[pid]) is None
    for cid, coach in coaches.items():
        assert list(coaching.values()).count(cid) <= coach.capaciteit
