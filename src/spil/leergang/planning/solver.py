"""The cohort plan as four CP-SAT models: intervisie groups, modules, internships and coaching.

The parts share no hard rule, so each is solved on its own (smaller models, and an infeasible
part can be named precisely). Each objective puts the worst-off participant first: the worst
choice anyone gets is minimised before the total, by weighting it above any possible total.

When a part is infeasible, it is built again with one switch (an "assumption") per rule and
solved once more on one worker; CP-SAT then returns a small set of rules that cannot hold
together, which `PlanningError` names in Dutch.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from . import reasons
from .cohort import Cohort, CohortError, Deelnemer, group_sizes, name_key


class PlanningError(ValueError):
    """The hard rules cannot all be met; the message names the rules and who is involved."""


@dataclass
class PartResult:
    status: str  # "optimaal" or "toelaatbaar"
    objective: float
    bound: float
    seconds: float

    @property
    def gap(self) -> float:
        if self.objective == 0:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)


@dataclass
class Plan:
    groepen: list[dict] = field(default_factory=list)
    modules: list[dict] = field(default_factory=list)
    stages: list[dict] = field(default_factory=list)
    coaching: list[dict] = field(default_factory=list)
    parts: dict[str, PartResult] = field(default_factory=dict)

    @property
    def status(self) -> str:
        optimal = all(part.status == "optimaal" for part in self.parts.values())
        return "optimaal" if optimal else "toelaatbaar"


class _Rules:
    """Adds hard constraints, each under a named rule switch when diagnosing infeasibility."""

    def __init__(self, model: cp_model.CpModel, *, diagnose: bool) -> None:
        self.model = model
        self.diagnose = diagnose
        self._switches: dict[str, cp_model.IntVar] = {}

    def add(self, constraint: cp_model.Constraint, rule: str, *, structural: bool = False) -> None:
        """`structural` rules (everyone in one group, the group sizes) always hold, so a
        diagnosis names the rules people can change instead."""
        if self.diagnose and not structural:
            switch = self._switches.get(rule)
            if switch is None:
                switch = self.model.NewBoolVar(f"regel {len(self._switches)}")
                self._switches[rule] = switch
            constraint.OnlyEnforceIf(switch)

    def explain(self, seconds: float) -> list[str]:
        """The rules in a minimal conflicting set, after an infeasible solve with switches."""
        self.model.ClearObjective()
        self.model.AddAssumptions(list(self._switches.values()))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = max(1.0, seconds)
        status = solver.Solve(self.model)
        if status != cp_model.INFEASIBLE:
            return []
        core = set(solver.SufficientAssumptionsForInfeasibility())
        return [rule for rule, switch in self._switches.items() if switch.Index() in core]


def _solve(
    model: cp_model.CpModel, *, seconds: float, workers: int, seed: int, symmetry: bool = True
):
    solver = cp_model.CpSolver()
    if not symmetry:
        # Symmetry detection on the internship model takes seconds and finds nothing useful.
        solver.parameters.symmetry_level = 0
    solver.parameters.max_time_in_seconds = max(0.5, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    started = time.perf_counter()
    status = solver.Solve(model)
    return solver, status, time.perf_counter() - started


def _result(solver, status, seconds: float) -> PartResult:
    return PartResult(
        status="optimaal" if status == cp_model.OPTIMAL else "toelaatbaar",
        objective=solver.ObjectiveValue(),
        bound=solver.BestObjectiveBound(),
        seconds=seconds,
    )


def _timed_out(part: str, status) -> PlanningError | None:
    if status == cp_model.UNKNOWN:
        return PlanningError(
            f"{part}: binnen de tijdslimiet is geen indeling gevonden; probeer een ruimere "
            "--tijdslimiet."
        )
    return None


def _fail(part: str, rules: list[str]) -> PlanningError:
    if not rules:
        return PlanningError(
            f"{part}: er is geen indeling die aan alle regels voldoet (binnen de tijdslimiet is "
            "niet vast te stellen welke regels botsen; probeer een ruimere --tijdslimiet)."
        )
    listed = "\n".join(f"- {rule}" for rule in rules)
    return PlanningError(f"{part}: deze regels zijn niet tegelijk te halen:\n{listed}")


# --- intervisie groups --------------------------------------------------------------------


def _groups_model(cohort: Cohort, sizes: list[int], *, diagnose: bool):
    model = cp_model.CpModel()
    rules = _Rules(model, diagnose=diagnose)
    people = cohort.deelnemers
    groups = range(len(sizes))
    x = {(p.id, g): model.NewBoolVar(f"x_{p.id}_{g}") for p in people for g in groups}
    lead = [c for c in cohort.coaches if c.intervisie]
    z = {(c.id, g): model.NewBoolVar(f"z_{c.id}_{g}") for c in lead for g in groups}

    for p in people:
        rules.add(
            model.Add(sum(x[p.id, g] for g in groups) == 1),
            f"{p.naam} zit in één groep",
            structural=True,
        )
    for g in groups:
        rules.add(
            model.Add(sum(x[p.id, g] for p in people) == sizes[g]),
            f"groepen van {min(sizes)} tot {max(sizes)} deelnemers",
            structural=True,
        )
    by_employer: dict[str, list[Deelnemer]] = defaultdict(list)
    for p in people:
        by_employer[name_key(p.werkgever)].append(p)
    for members in by_employer.values():
        if len(members) < 2:
            continue
        rule = (
            f"niet twee deelnemers van dezelfde werkgever in één groep ({members[0].werkgever}: "
            f"{', '.join(m.naam for m in members)})"
        )
        for g in groups:
            rules.add(model.Add(sum(x[m.id, g] for m in members) <= 1), rule)

    for g in groups:
        rules.add(
            model.Add(sum(z[c.id, g] for c in lead) == 1),
            f"elke groep heeft een intervisiecoach ({len(lead)} coaches leiden intervisie)",
        )
    for c in lead:
        rules.add(
            model.Add(sum(z[c.id, g] for g in groups) <= c.max_groepen),
            f"{c.naam} leidt hoogstens {c.max_groepen} groep(en)",
        )
    for c in lead:
        for p in people:
            if conflict := c.conflicts_with(p):
                for g in groups:
                    rules.add(model.Add(z[c.id, g] + x[p.id, g] <= 1), conflict)

    locked = cohort.vastgezet
    for person, g in locked.groepen.items():
        if not 1 <= g <= len(sizes):
            raise CohortError(f"vastgezet: groep {g} bestaat niet (er zijn {len(sizes)} groepen).")
        rules.add(
            model.Add(x[person, g - 1] == 1),
            f"vastgezet: {cohort.deelnemer(person).naam} in groep {g}",
        )
    for g, coach in locked.groepcoaches.items():
        if (coach, g - 1) not in z:
            raise CohortError(
                f"vastgezet: coach '{coach}' leidt geen intervisie of groep {g} bestaat niet."
            )
        rules.add(model.Add(z[coach, g - 1] == 1), f"vastgezet: coach van groep {g}")
    if not locked.groepen and not locked.groepcoaches and len(set(sizes)) == 1:
        # Equal groups are interchangeable; fixing the first person's group removes that symmetry.
        model.Add(x[people[0].id, 0] == 1)

    # Spread: per attribute value, each group holds about its share of the cohort.
    deviations = []
    for attribute in ("achtergrond", "stijl", "geslacht"):
        counts: dict[str, list[Deelnemer]] = defaultdict(list)
        for p in people:
            if value := getattr(p, attribute):
                counts[value].append(p)
        for members in counts.values():
            share = len(members) / len(people)
            for g in groups:
                lo, hi = math.floor(share * sizes[g]), math.ceil(share * sizes[g])
                n = sum(x[m.id, g] for m in members)
                dev = model.NewIntVar(0, sizes[g], f"dev_{attribute}_{g}")
                model.Add(dev >= n - hi)
                model.Add(dev >= lo - n)
                deviations.append(dev)
    model.Minimize(sum(deviations))
    return model, rules, x, z


def plan_groups(cohort: Cohort, plan: Plan, *, seconds: float, workers: int, seed: int) -> None:
    sizes = group_sizes(len(cohort.deelnemers), cohort.instellingen.groepsgrootte)
    lead = [c for c in cohort.coaches if c.intervisie]
    capacity = sum(c.max_groepen for c in lead)
    if capacity < len(sizes):
        raise PlanningError(
            f"Intervisiegroepen: er zijn {len(sizes)} groepen nodig, maar de coaches die "
            f"intervisie leiden ({', '.join(c.naam for c in lead) or 'geen'}) kunnen samen "
            f"{capacity} groep(en) aan."
        )
    for members in _by_employer(cohort).values():
        if len(members) > len(sizes):
            raise PlanningError(
                f"Intervisiegroepen: {len(members)} deelnemers werken bij {members[0].werkgever} "
                f"({', '.join(m.naam for m in members)}), maar er zijn maar {len(sizes)} groepen "
                "en twee collega's mogen niet in dezelfde groep."
            )
    model, _rules, x, z = _groups_model(cohort, sizes, diagnose=False)
    hint = _groups_hint(cohort, sizes)
    if hint is not None:
        members_of, coach_of = hint
        for (pid, g), var in x.items():
            model.AddHint(var, int(pid in members_of[g]))
        for (cid, g), var in z.items():
            model.AddHint(var, int(coach_of[g] == cid))
    solver, status, took = _solve(model, seconds=seconds, workers=workers, seed=seed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan.parts["intervisiegroepen"] = _result(solver, status, took)
        members_of = [
            {p.id for p in cohort.deelnemers if solver.Value(x[p.id, g])} for g in range(len(sizes))
        ]
        coach_of = [next(c.id for c in lead if solver.Value(z[c.id, g])) for g in range(len(sizes))]
    elif status == cp_model.UNKNOWN and hint is not None:
        # Out of time before CP-SAT reported a solution (a busy machine): the greedy grouping
        # keeps every hard rule; only its spread is not optimised.
        plan.parts["intervisiegroepen"] = PartResult("toelaatbaar", 0.0, 0.0, took)
        members_of, coach_of = hint
    else:
        if error := _timed_out("Intervisiegroepen", status):
            raise error
        model, rules, _x, _z = _groups_model(cohort, sizes, diagnose=True)
        raise _fail("Intervisiegroepen", rules.explain(seconds))
    coaches = {c.id: c for c in cohort.coaches}
    for g in range(len(sizes)):
        members = [p for p in cohort.deelnemers if p.id in members_of[g]]
        coach = coaches[coach_of[g]]
        plan.groepen.append(
            {
                "groep": g + 1,
                "coach": coach.id,
                "deelnemers": [p.id for p in members],
                "reden": reasons.group_reason(members=members, coach=coach),
            }
        )


def _groups_hint(cohort: Cohort, sizes: list[int]) -> tuple[list[set[str]], list[str]] | None:
    """A grouping that keeps the hard rules, built greedily, or None.

    People of the largest employers are placed first, each in the emptiest group without a
    colleague; coaches are then matched to groups by max-flow. Locks are left to the solver.
    """
    import networkx as nx

    if cohort.vastgezet.groepen or cohort.vastgezet.groepcoaches:
        return None
    by_employer = sorted(_by_employer(cohort).values(), key=len, reverse=True)
    members_of: list[set[str]] = [set() for _ in sizes]
    employers_of: list[set[str]] = [set() for _ in sizes]
    for colleagues in by_employer:
        for person in colleagues:
            options = [
                g
                for g in range(len(sizes))
                if len(members_of[g]) < sizes[g]
                and name_key(person.werkgever) not in employers_of[g]
            ]
            if not options:
                return None
            g = min(options, key=lambda i: (len(members_of[i]) / sizes[i], i))
            members_of[g].add(person.id)
            employers_of[g].add(name_key(person.werkgever))
    people = {p.id: p for p in cohort.deelnemers}
    graph = nx.DiGraph()
    lead = [c for c in cohort.coaches if c.intervisie]
    for g in range(len(sizes)):
        graph.add_edge("bron", f"g{g}", capacity=1)
        for c in lead:
            if all(c.conflicts_with(people[pid]) is None for pid in members_of[g]):
                graph.add_edge(f"g{g}", f"c:{c.id}", capacity=1)
    for c in lead:
        graph.add_edge(f"c:{c.id}", "put", capacity=c.max_groepen)
    value, flow = nx.maximum_flow(graph, "bron", "put")
    if value < len(sizes):
        return None
    coach_of = [
        next(node[2:] for node, amount in flow[f"g{g}"].items() if amount)
        for g in range(len(sizes))
    ]
    return members_of, coach_of


def _by_employer(cohort: Cohort) -> dict[str, list[Deelnemer]]:
    grouped: dict[str, list[Deelnemer]] = defaultdict(list)
    for p in cohort.deelnemers:
        grouped[name_key(p.werkgever)].append(p)
    return grouped


# --- modules ------------------------------------------------------------------------------


def _choice(p: Deelnemer, module_id: str) -> int:
    """1 for the participant's first choice within that module's doel, 2 for the second, ..."""
    pref = p.modules.get(module_id)
    if pref is None:
        return 1
    return p.choice_order(pref.doel).index(module_id) + 1


def _modules_model(cohort: Cohort, *, diagnose: bool):
    model = cp_model.CpModel()
    rules = _Rules(model, diagnose=diagnose)
    people, modules = cohort.deelnemers, cohort.modules
    names = {mod.id: mod.naam for mod in modules}
    m = {(p.id, mod.id): model.NewBoolVar(f"m_{p.id}_{mod.id}") for p in people for mod in modules}
    given = {mod.id: model.NewBoolVar(f"y_{mod.id}") for mod in modules}
    for p in people:
        if p.modules:
            for doel in ("verdiepen", "nieuw"):
                marked = p.choice_order(doel)
                rules.add(
                    model.Add(sum(m[p.id, mid] for mid in marked) == 1),
                    f"{p.naam} krijgt één module "
                    f"{'om te verdiepen' if doel == 'verdiepen' else 'die nieuw is'}"
                    f" uit {', '.join(names[mid] for mid in marked)}",
                )
            for mod in modules:
                if mod.id not in p.modules:
                    model.Add(m[p.id, mod.id] == 0)
        else:
            rules.add(
                model.Add(sum(m[p.id, mod.id] for mod in modules) == 2),
                f"{p.naam} krijgt twee modules",
            )
    for mod in modules:
        count = sum(m[p.id, mod.id] for p in people)
        rule = f"module {mod.naam}: niet gegeven, of {mod.min} tot {mod.max} deelnemers"
        rules.add(model.Add(count >= mod.min * given[mod.id]), rule)
        rules.add(model.Add(count <= mod.max * given[mod.id]), rule)
    for person, (deep, new) in cohort.vastgezet.modules.items():
        p = cohort.deelnemer(person)
        rule = f"vastgezet: modules van {p.naam}"
        rules.add(model.Add(m[person, deep] == 1), rule)
        rules.add(model.Add(m[person, new] == 1), rule)

    raters = [p for p in people if p.modules]
    worst_possible = max((len(p.modules) for p in raters), default=1)
    worst = model.NewIntVar(1, worst_possible, "slechtste")
    total = []
    for p in raters:
        for mid in p.modules:
            choice = _choice(p, mid)
            model.Add(worst >= choice).OnlyEnforceIf(m[p.id, mid])
            total.append(choice * m[p.id, mid])
    weight = worst_possible * 2 * max(1, len(raters)) + 1
    model.Minimize(worst * weight + sum(total))
    return model, rules, m, given


def _modules_hint(cohort: Cohort) -> dict[str, set[str]] | None:
    """Two modules per participant, greedily, within every rule; None when the greedy fails.

    Each participant gets the best-ranked module with room for each doel (locks first); then a
    module under its minimum is cancelled, smallest first, and its people move to their next
    choice with room. Those without preferences fill the emptiest modules last.
    """
    modules = {mod.id: mod for mod in cohort.modules}
    running = set(modules)
    locked = cohort.vastgezet.modules

    while True:
        load = dict.fromkeys(modules, 0)
        chosen: dict[str, set[str]] = {}
        for p in cohort.deelnemers:
            if p.id in locked:
                chosen[p.id] = set(locked[p.id])
                for mid in chosen[p.id]:
                    load[mid] += 1
        for p in cohort.deelnemers:
            if p.id in chosen or not p.modules:
                continue
            picks = set()
            for doel in ("verdiepen", "nieuw"):
                pick = next(
                    (
                        mid
                        for mid in p.choice_order(doel)
                        if mid in running and load[mid] < modules[mid].max
                    ),
                    None,
                )
                if pick is None:
                    return None
                picks.add(pick)
                load[pick] += 1
            chosen[p.id] = picks
        for p in cohort.deelnemers:
            if p.id in chosen:
                continue
            options = sorted(
                (mid for mid in running if load[mid] < modules[mid].max),
                key=lambda mid: (load[mid] >= modules[mid].min, load[mid]),
            )
            if len(options) < 2:
                return None
            chosen[p.id] = set(options[:2])
            for mid in options[:2]:
                load[mid] += 1
        short = [mid for mid in running if 0 < load[mid] < modules[mid].min]
        short += [mid for mid in running if load[mid] == 0]
        if not short:
            return chosen
        cancel = min(short, key=lambda mid: load[mid])
        if any(cancel in locked_pair for locked_pair in locked.values()):
            return None
        running.discard(cancel)


def plan_modules(cohort: Cohort, plan: Plan, *, seconds: float, workers: int, seed: int) -> None:
    for p in cohort.deelnemers:
        if p.modules:
            missing = [d for d in ("verdiepen", "nieuw") if not p.choice_order(d)]
            if missing:
                raise PlanningError(
                    f"Modules: {p.naam} heeft geen module gemarkeerd als '{missing[0]}'; elke "
                    "deelnemer kiest er één om te verdiepen en één nieuwe."
                )
    model, _rules, m, given = _modules_model(cohort, diagnose=False)
    hint = _modules_hint(cohort)
    if hint is not None:
        for (pid, mid), var in m.items():
            model.AddHint(var, int(mid in hint[pid]))
        running_hint = {mid for chosen in hint.values() for mid in chosen}
        for mid, var in given.items():
            model.AddHint(var, int(mid in running_hint))
    solver, status, took = _solve(model, seconds=seconds, workers=workers, seed=seed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan.parts["modules"] = _result(solver, status, took)
        chosen_of = {
            p.id: [mod.id for mod in cohort.modules if solver.Value(m[p.id, mod.id])]
            for p in cohort.deelnemers
        }
    elif status == cp_model.UNKNOWN and hint is not None:
        # Out of time (a busy machine): the greedy assignment keeps every hard rule.
        plan.parts["modules"] = PartResult("toelaatbaar", 0.0, 0.0, took)
        chosen_of = {pid: [mod.id for mod in cohort.modules if mod.id in hint[pid]] for pid in hint}
    else:
        if error := _timed_out("Modules", status):
            raise error
        model, rules, _m, _g = _modules_model(cohort, diagnose=True)
        raise _fail("Modules", rules.explain(seconds))
    counts = {
        mod.id: sum(mod.id in chosen_of[p.id] for p in cohort.deelnemers) for mod in cohort.modules
    }
    running = {mod.id for mod in cohort.modules if counts[mod.id]}
    for p in cohort.deelnemers:
        chosen = chosen_of[p.id]
        if p.modules:
            deep = next(mid for mid in chosen if p.modules[mid].doel == "verdiepen")
            new = next(mid for mid in chosen if p.modules[mid].doel == "nieuw")
        else:
            deep, new = chosen
        plan.modules.append(
            {
                "deelnemer": p.id,
                "verdiepen": deep,
                "nieuw": new,
                "reden": reasons.module_reason(
                    cohort=cohort,
                    deelnemer=p,
                    verdiepen=deep,
                    nieuw=new,
                    counts=counts,
                    running=running,
                ),
            }
        )


# --- internships --------------------------------------------------------------------------


def _allowed_hosts(cohort: Cohort, p: Deelnemer) -> list:
    excluded = p.excluded_hosts()
    return [h for h in cohort.gastgemeenten if name_key(h.naam) not in excluded]


def _stages_model(cohort: Cohort, *, diagnose: bool):
    model = cp_model.CpModel()
    rules = _Rules(model, diagnose=diagnose)
    rounds = range(1, cohort.instellingen.stagerondes + 1)
    s = {}
    for p in cohort.deelnemers:
        for h in _allowed_hosts(cohort, p):
            for r in rounds:
                s[p.id, h.id, r] = model.NewBoolVar(f"s_{p.id}_{h.id}_{r}")
    for p in cohort.deelnemers:
        hosts = _allowed_hosts(cohort, p)
        for r in rounds:
            rules.add(
                model.Add(sum(s[p.id, h.id, r] for h in hosts) == 1),
                f"{p.naam} loopt in ronde {r} mee bij een gastgemeente waar hij of zij niet werkt, "
                "werkte of solliciteert",
            )
        for h in hosts:
            rules.add(
                model.Add(sum(s[p.id, h.id, r] for r in rounds) <= 1),
                f"{p.naam} loopt bij twee verschillende gastgemeenten mee",
            )
    for h in cohort.gastgemeenten:
        for r in rounds:
            seats = [v for (pid, hid, rr), v in s.items() if hid == h.id and rr == r]
            rules.add(
                model.Add(sum(seats) <= h.plaatsen_per_ronde),
                f"{h.naam} heeft {h.plaatsen_per_ronde} plaats(en) per ronde",
            )
    for (person, r), host in cohort.vastgezet.stages.items():
        key = (person, host, r)
        if key not in s:
            raise CohortError(
                f"vastgezet: {cohort.deelnemer(person).naam} kan niet in ronde {r} bij "
                f"'{host}' meelopen."
            )
        rules.add(
            model.Add(s[key] == 1),
            f"vastgezet: stage van {cohort.deelnemer(person).naam} in ronde {r}",
        )

    # Contrast: penalise a participant whose hosts in two rounds share region or size class.
    penalties = {}
    for p in cohort.deelnemers:
        hosts = _allowed_hosts(cohort, p)
        for attribute in ("regio", "grootte"):
            values = {getattr(h, attribute) for h in hosts if getattr(h, attribute)}
            for r1 in rounds:
                for r2 in rounds:
                    if r2 <= r1:
                        continue
                    for value in values:
                        in1 = sum(
                            s[p.id, h.id, r1] for h in hosts if getattr(h, attribute) == value
                        )
                        in2 = sum(
                            s[p.id, h.id, r2] for h in hosts if getattr(h, attribute) == value
                        )
                        same = model.NewBoolVar(f"same_{p.id}_{attribute}_{value}_{r1}_{r2}")
                        model.Add(same >= in1 + in2 - 1)
                        penalties[p.id, attribute, value, r1, r2] = same
    model.Minimize(sum(penalties.values()))
    return model, rules, s, penalties


def _stages_hint(cohort: Cohort) -> dict[tuple[str, str, int], int] | None:
    """A feasible internship schedule by max-flow, round after round, or None.

    When seats are tight the schedule is a perfect matching in each round, which CP-SAT on two
    workers finds slowly; starting from one lets it spend its time on contrast instead.
    """
    import networkx as nx

    taken: dict[str, set[str]] = defaultdict(set)
    hint: dict[tuple[str, str, int], int] = {}
    for r in range(1, cohort.instellingen.stagerondes + 1):
        graph = nx.DiGraph()
        for p in cohort.deelnemers:
            graph.add_edge("bron", f"p:{p.id}", capacity=1)
            locked = cohort.vastgezet.stages.get((p.id, r))
            for h in _allowed_hosts(cohort, p):
                if h.id in taken[p.id] or (locked and locked != h.id):
                    continue
                graph.add_edge(f"p:{p.id}", f"h:{h.id}", capacity=1)
        for h in cohort.gastgemeenten:
            graph.add_edge(f"h:{h.id}", "put", capacity=h.plaatsen_per_ronde)
        value, flow = nx.maximum_flow(graph, "bron", "put")
        if value < len(cohort.deelnemers):
            return None
        for p in cohort.deelnemers:
            for node, amount in flow[f"p:{p.id}"].items():
                if amount:
                    host = node[2:]
                    taken[p.id].add(host)
                    hint[p.id, host, r] = 1
    return hint


def plan_stages(cohort: Cohort, plan: Plan, *, seconds: float, workers: int, seed: int) -> None:
    rounds = cohort.instellingen.stagerondes
    seats = sum(h.plaatsen_per_ronde for h in cohort.gastgemeenten)
    if seats < len(cohort.deelnemers):
        raise PlanningError(
            f"Meeloopstages: per ronde zijn er {len(cohort.deelnemers)} deelnemers, maar de "
            f"{len(cohort.gastgemeenten)} gastgemeenten hebben samen {seats} plaatsen per ronde."
        )
    for p in cohort.deelnemers:
        allowed = _allowed_hosts(cohort, p)
        if len(allowed) < rounds:
            raise PlanningError(
                f"Meeloopstages: {p.naam} kan maar bij {len(allowed)} gastgemeente(n) meelopen "
                f"(niet bij de eigen of een vorige werkgever of waar hij of zij solliciteert), "
                f"en heeft er {rounds} nodig."
            )
    model, _rules, s, penalties = _stages_model(cohort, diagnose=False)
    if (hint := _stages_hint(cohort)) is not None:
        # A complete hint (placements and the contrast penalties they imply) is one CP-SAT
        # accepts as its first solution.
        for key, var in s.items():
            model.AddHint(var, hint.get(key, 0))
        hosts = {h.id: h for h in cohort.gastgemeenten}
        placed = {(pid, r): hosts[hid] for (pid, hid, r) in hint}
        for (pid, attribute, value, r1, r2), var in penalties.items():
            both = (
                getattr(placed[pid, r1], attribute) == getattr(placed[pid, r2], attribute) == value
            )
            model.AddHint(var, int(both))
    solver, status, took = _solve(
        model, seconds=seconds, workers=workers, seed=seed, symmetry=False
    )
    hosts = {h.id: h for h in cohort.gastgemeenten}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan.parts["stages"] = _result(solver, status, took)
        placement = {(pid, r): hid for (pid, hid, r), v in s.items() if solver.Value(v)}
    elif status == cp_model.UNKNOWN and hint is not None:
        # Out of time before CP-SAT reported anything (a busy machine): the max-flow schedule
        # keeps every hard rule, only its contrast is not improved.
        penalty = sum(
            getattr(placed[pid, r1], attribute) == getattr(placed[pid, r2], attribute) == value
            for (pid, attribute, value, r1, r2) in penalties
        )
        plan.parts["stages"] = PartResult("toelaatbaar", float(penalty), 0.0, took)
        placement = {(pid, r): hid for (pid, hid, r) in hint}
    else:
        if error := _timed_out("Meeloopstages", status):
            raise error
        model, rules, _s, _p = _stages_model(cohort, diagnose=True)
        raise _fail("Meeloopstages", rules.explain(seconds))
    for p in cohort.deelnemers:
        chosen = [hosts[placement[p.id, r]] for r in range(1, rounds + 1)]
        for r, host in enumerate(chosen, start=1):
            plan.stages.append(
                {
                    "deelnemer": p.id,
                    "ronde": r,
                    "gastgemeente": host.id,
                    "reden": reasons.stage_reason(deelnemer=p, ronde=r, hosts=chosen),
                }
            )


# --- coaching -----------------------------------------------------------------------------


def _coach_rank(p: Deelnemer, coach_id: str) -> int:
    if not p.coaches:
        return 1
    return p.coaches.index(coach_id) + 1 if coach_id in p.coaches else len(p.coaches) + 1


def _coaching_model(cohort: Cohort, *, diagnose: bool):
    model = cp_model.CpModel()
    rules = _Rules(model, diagnose=diagnose)
    k = {}
    for p in cohort.deelnemers:
        for c in cohort.coaches:
            if c.conflicts_with(p) is None:
                k[p.id, c.id] = model.NewBoolVar(f"k_{p.id}_{c.id}")
    for p in cohort.deelnemers:
        options = [v for (pid, _cid), v in k.items() if pid == p.id]
        rules.add(
            model.Add(sum(options) == 1), f"{p.naam} krijgt een coach zonder belangenconflict"
        )
    for c in cohort.coaches:
        rules.add(
            model.Add(sum(v for (_pid, cid), v in k.items() if cid == c.id) <= c.capaciteit),
            f"{c.naam} kan {c.capaciteit} deelnemer(s) coachen",
        )
    for person, coach in cohort.vastgezet.coaching.items():
        if (person, coach) not in k:
            raise CohortError(
                f"vastgezet: coach '{coach}' mag {cohort.deelnemer(person).naam} niet coachen."
            )
        rules.add(
            model.Add(k[person, coach] == 1),
            f"vastgezet: coach van {cohort.deelnemer(person).naam}",
        )
    worst_possible = max(len(cohort.coaches), 1)
    worst = model.NewIntVar(1, worst_possible + 1, "slechtste")
    total = []
    for (pid, cid), v in k.items():
        rank = _coach_rank(cohort.deelnemer(pid), cid)
        model.Add(worst >= rank).OnlyEnforceIf(v)
        total.append(rank * v)
    model.Minimize(worst * (2 * worst_possible * len(cohort.deelnemers) + 1) + sum(total))
    return model, rules, k


def _coaching_hint(cohort: Cohort) -> dict[str, str] | None:
    """Participant -> coach by min-cost flow over preference ranks, within capacity and
    without conflicts of interest and locks respected; None when no such assignment exists."""
    import networkx as nx

    graph = nx.DiGraph()
    people = cohort.deelnemers
    graph.add_node("bron", demand=-len(people))
    graph.add_node("put", demand=len(people))
    for p in people:
        graph.add_edge("bron", f"p:{p.id}", capacity=1, weight=0)
        locked = cohort.vastgezet.coaching.get(p.id)
        for c in cohort.coaches:
            if c.conflicts_with(p) is None and (locked is None or locked == c.id):
                graph.add_edge(f"p:{p.id}", f"c:{c.id}", capacity=1, weight=_coach_rank(p, c.id))
    for c in cohort.coaches:
        graph.add_edge(f"c:{c.id}", "put", capacity=c.capaciteit, weight=0)
    try:
        flow = nx.min_cost_flow(graph)
    except nx.NetworkXUnfeasible:
        return None
    return {
        p.id: next(node[2:] for node, amount in flow[f"p:{p.id}"].items() if amount) for p in people
    }


def plan_coaching(cohort: Cohort, plan: Plan, *, seconds: float, workers: int, seed: int) -> None:
    capacity = sum(c.capaciteit for c in cohort.coaches)
    if capacity < len(cohort.deelnemers):
        raise PlanningError(
            f"Coaching: {len(cohort.deelnemers)} deelnemers, maar de coaches kunnen er samen "
            f"{capacity} coachen."
        )
    model, _rules, k = _coaching_model(cohort, diagnose=False)
    hint = _coaching_hint(cohort)
    if hint is not None:
        for (pid, cid), var in k.items():
            model.AddHint(var, int(hint.get(pid) == cid))
    solver, status, took = _solve(model, seconds=seconds, workers=workers, seed=seed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan.parts["coaching"] = _result(solver, status, took)
        assigned = {pid: cid for (pid, cid), v in k.items() if solver.Value(v)}
    elif status == cp_model.UNKNOWN and hint is not None:
        # Out of time (a busy machine): the min-cost flow keeps every hard rule and the best
        # total of preferences, though not necessarily the best worst-off choice.
        plan.parts["coaching"] = PartResult("toelaatbaar", 0.0, 0.0, took)
        assigned = hint
    else:
        if error := _timed_out("Coaching", status):
            raise error
        model, rules, _k = _coaching_model(cohort, diagnose=True)
        raise _fail("Coaching", rules.explain(seconds))
    load = defaultdict(int)
    for cid in assigned.values():
        load[cid] += 1
    coaches = {c.id: c for c in cohort.coaches}
    for p in cohort.deelnemers:
        plan.coaching.append(
            {
                "deelnemer": p.id,
                "coach": assigned[p.id],
                "reden": reasons.coach_reason(
                    deelnemer=p, coach=coaches[assigned[p.id]], coaches=coaches, load=load
                ),
            }
        )


# --- the whole plan -----------------------------------------------------------------------


def cohort_plan(
    cohort: Cohort, *, time_limit: float = 30.0, workers: int = 2, seed: int = 1
) -> Plan:
    """Plan all four parts within `time_limit` seconds in total.

    Raises PlanningError (infeasible) or CohortError (input that contradicts itself).
    """
    deadline = time.monotonic() + time_limit
    plan = Plan()
    # Share of the time per part: the groups model is by far the hardest.
    for part, share in (
        (plan_modules, 0.15),
        (plan_coaching, 0.1),
        (plan_stages, 0.3),
        (plan_groups, 1.0),
    ):
        remaining = deadline - time.monotonic()
        part(cohort, plan, seconds=max(0.5, remaining * share), workers=workers, seed=seed)
    return plan
