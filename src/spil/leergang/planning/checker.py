"""An independent check of a finished plan against every hard rule.

It reads only the input file's structure and the plan's output, not the solver's model, so a
mistake in how the solver states a rule shows up here. Returns Dutch descriptions of every
violation; an empty list means the plan keeps all hard rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .cohort import Cohort, group_sizes, name_key


def plan_violations(cohort: Cohort, plan: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    people = {p.id: p for p in cohort.deelnemers}
    coaches = {c.id: c for c in cohort.coaches}
    hosts = {h.id: h for h in cohort.gastgemeenten}
    modules = {m.id: m for m in cohort.modules}

    # Intervisie groups.
    size = cohort.instellingen.groepsgrootte
    expected = group_sizes(len(people), size)
    groups = plan.get("intervisiegroepen", [])
    if len(groups) != len(expected):
        problems.append(f"{len(groups)} groepen in plaats van {len(expected)}")
    seen = Counter(pid for g in groups for pid in g["deelnemers"])
    for pid in people:
        if seen[pid] != 1:
            problems.append(f"{pid} zit in {seen[pid]} groepen")
    lo, hi = (size, size) if len(people) % size == 0 else (size - 1, size + 1)
    led = Counter()
    for g in groups:
        members = [people[pid] for pid in g["deelnemers"]]
        if not lo <= len(members) <= hi:
            problems.append(f"groep {g['groep']} heeft {len(members)} deelnemers")
        employers = Counter(name_key(m.werkgever) for m in members)
        for employer, n in employers.items():
            if n > 1:
                problems.append(f"groep {g['groep']}: {n} deelnemers van {employer}")
        coach = coaches.get(g["coach"])
        if coach is None or not coach.intervisie:
            problems.append(f"groep {g['groep']}: {g['coach']} leidt geen intervisie")
            continue
        led[coach.id] += 1
        for m in members:
            if name_key(coach.organisatie) == name_key(m.werkgever):
                problems.append(f"groep {g['groep']}: coach werkt bij {m.werkgever}")
            if {name_key(x) for x in coach.selectiecommissies} & {
                name_key(x) for x in m.solliciteert_bij
            }:
                problems.append(f"groep {g['groep']}: coach in selectiecommissie bij {m.id}")
        if not g.get("reden"):
            problems.append(f"groep {g['groep']} heeft geen reden")
    for cid, n in led.items():
        if n > coaches[cid].max_groepen:
            problems.append(f"{cid} leidt {n} groepen")

    # Modules.
    rows = {row["deelnemer"]: row for row in plan.get("modules", [])}
    load = Counter()
    for pid, p in people.items():
        row = rows.get(pid)
        if row is None:
            problems.append(f"{pid} heeft geen modules")
            continue
        deep, new = row["verdiepen"], row["nieuw"]
        if deep == new:
            problems.append(f"{pid} heeft twee keer dezelfde module")
        if p.modules:
            if p.modules.get(deep) is None or p.modules[deep].doel != "verdiepen":
                problems.append(f"{pid}: {deep} is niet gemarkeerd als verdiepen")
            if p.modules.get(new) is None or p.modules[new].doel != "nieuw":
                problems.append(f"{pid}: {new} is niet gemarkeerd als nieuw")
        if not row.get("reden"):
            problems.append(f"{pid}: module zonder reden")
        load[deep] += 1
        load[new] += 1
    for mid, module in modules.items():
        if load[mid] and not module.min <= load[mid] <= module.max:
            problems.append(
                f"module {mid} heeft {load[mid]} deelnemers ({module.min}-{module.max})"
            )

    # Internships.
    rounds = cohort.instellingen.stagerondes
    per_person: dict[str, dict[int, str]] = defaultdict(dict)
    seats = Counter()
    for row in plan.get("stages", []):
        per_person[row["deelnemer"]][row["ronde"]] = row["gastgemeente"]
        seats[row["gastgemeente"], row["ronde"]] += 1
        if not row.get("reden"):
            problems.append(f"{row['deelnemer']}: stage zonder reden")
    for pid, p in people.items():
        chosen = per_person.get(pid, {})
        if sorted(chosen) != list(range(1, rounds + 1)):
            problems.append(f"{pid} heeft stages in rondes {sorted(chosen)}")
        if len(set(chosen.values())) != len(chosen):
            problems.append(f"{pid} loopt twee keer mee bij dezelfde gastgemeente")
        excluded = {name_key(x) for x in (p.werkgever, *p.eerdere_werkgevers, *p.solliciteert_bij)}
        for hid in chosen.values():
            if name_key(hosts[hid].naam) in excluded:
                problems.append(
                    f"{pid} loopt mee bij {hosts[hid].naam}: eigen, vorige of sollicitatie"
                )
    for (hid, r), n in seats.items():
        if n > hosts[hid].plaatsen_per_ronde:
            problems.append(f"{hid} heeft {n} deelnemers in ronde {r}")

    # Coaching.
    coached = Counter()
    rows = {row["deelnemer"]: row for row in plan.get("coaching", [])}
    for pid, p in people.items():
        row = rows.get(pid)
        if row is None:
            problems.append(f"{pid} heeft geen coach")
            continue
        coach = coaches[row["coach"]]
        coached[coach.id] += 1
        if {name_key(x) for x in coach.selectiecommissies} & {
            name_key(x) for x in p.solliciteert_bij
        }:
            problems.append(
                f"{pid}: coach {coach.id} zit in een selectiecommissie waar {pid} solliciteert"
            )
        if name_key(coach.organisatie) == name_key(p.werkgever):
            problems.append(f"{pid}: coach {coach.id} werkt bij dezelfde organisatie")
        if not row.get("reden"):
            problems.append(f"{pid}: coach zonder reden")
    for cid, n in coached.items():
        if n > coaches[cid].capaciteit:
            problems.append(
                f"coach {cid} heeft {n} deelnemers, capaciteit {coaches[cid].capaciteit}"
            )
    return problems
