"""A generated, invented cohort for trying the planner, for its tests and for the benchmark.

Every name is made up; the municipalities are fictional. The same size and seed give the same
cohort, so results can be compared between runs.
"""

from __future__ import annotations

import random
from typing import Any

_VOORNAMEN = [
    "Anouk",
    "Bram",
    "Carmen",
    "Daan",
    "Esra",
    "Floor",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jasper",
    "Karima",
    "Lotte",
    "Mehmet",
    "Nina",
    "Olaf",
    "Priya",
    "Quinten",
    "Roos",
    "Sanne",
    "Tarik",
    "Ursula",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Bas",
    "Chantal",
    "Dirk",
    "Eline",
    "Fatima",
]
_ACHTERNAMEN = [
    "Aalbers",
    "Bosman",
    "Claassen",
    "Dijkstra",
    "Evers",
    "Faber",
    "Gerritsen",
    "Hoekstra",
    "IJzerman",
    "Jansma",
    "Kok",
    "Lammers",
    "Mulder",
    "Nijland",
    "Oosterhof",
    "Peeters",
    "Rietveld",
    "Smit",
    "Terpstra",
    "Veenstra",
    "Wijnands",
]
_GEMEENTE_DELEN = [
    "Aa",
    "Beek",
    "Dal",
    "Eiken",
    "Haven",
    "Hoog",
    "Laar",
    "Linden",
    "Meer",
    "Molen",
    "Noord",
    "Oost",
    "Rijn",
    "Veld",
    "Wester",
    "Zand",
    "Berg",
    "Brug",
    "Dijk",
    "Hof",
    "Kerk",
    "Loo",
    "Mark",
    "Poort",
]
_AFSLUITERS = ["dam", "horst", "broek", "wijk", "wolde", "hoven", "lo", "sloot", "stede", "zijl"]
_COACH_ORGANISATIES = ["Adviesbureau Brug", "Vereniging", "Academie Noord", "Coachpraktijk Veld"]
_REGIO = ["Noord", "Oost", "Zuid", "West", "Midden"]
_GROOTTE = ["klein", "middelgroot", "groot"]
_ACHTERGROND = ["gemeentesecretaris", "adjunct-secretaris", "directeur", "griffier", "concernstaf"]
_STIJL = ["daadkrachtig", "beschouwend"]
_MODULES = [
    ("bestuur", "Bestuurlijke sensitiviteit"),
    ("communicatie", "Communicatie en gesprek"),
    ("besluit", "Besluitvaardigheid"),
    ("analyse", "Probleemanalyse"),
    ("presentie", "Persoonlijke presentie"),
    ("reflectie", "Zelfreflectie"),
]


def municipality_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(_GEMEENTE_DELEN) + rng.choice(_AFSLUITERS))
    return sorted(names)


def cohort_generate(*, deelnemers: int = 30, seed: int = 7) -> dict[str, Any]:
    """A cohort file's structure: `deelnemers` people, 6 modules, one host per two people
    (two seats a round), and enough coaches for the groups and the personal coaching."""
    rng = random.Random(seed)
    groups = max(1, round(deelnemers / 5))
    host_count = max(3, (deelnemers + 1) // 2)
    coach_count = max(groups, 6)
    towns = municipality_names(host_count + deelnemers, rng)
    hosts_towns, employer_pool = towns[:host_count], towns[host_count:]
    # Some colleagues share an employer, as in a real cohort, never more than there are groups.
    employers: list[str] = []
    shared_pool = employer_pool[: max(2, deelnemers * 2 // 3)]
    while len(employers) < deelnemers:
        employer = rng.choice(shared_pool)
        if employers.count(employer) < groups:
            employers.append(employer)

    coaches = [
        {
            "id": f"c{i + 1}",
            "naam": f"{rng.choice(_VOORNAMEN)} {rng.choice(_ACHTERNAMEN)}",
            # One coach works for a participant's employer: a conflict the planner must respect.
            "organisatie": employers[0] if i == 1 else rng.choice(_COACH_ORGANISATIES),
            "capaciteit": -(-deelnemers // coach_count) + 2,
            "intervisie": i < groups + 1,
            "selectiecommissies": rng.sample(hosts_towns + employer_pool, k=1)
            if i % 3 == 0
            else [],
        }
        for i in range(coach_count)
    ]
    hosts = [
        {
            "id": f"g{i + 1}",
            "naam": town,
            "grootte": rng.choice(_GROOTTE),
            "regio": rng.choice(_REGIO),
            "plaatsen_per_ronde": 2,
        }
        for i, town in enumerate(hosts_towns)
    ]
    people = []
    for i in range(deelnemers):
        ranked = rng.sample([m for m, _ in _MODULES], k=len(_MODULES))
        # Everyone marks one or two modules to deepen (competences they have) and the rest new.
        deepen = set(ranked[::3]) if rng.random() < 0.5 else {ranked[0], ranked[4]}
        popular_first = sorted(ranked, key=lambda m: m != "bestuur" or rng.random() < 0.4)
        people.append(
            {
                "id": f"d{i + 1}",
                "naam": f"{_VOORNAMEN[i % len(_VOORNAMEN)]} {rng.choice(_ACHTERNAMEN)}",
                "werkgever": employers[i],
                "eerdere_werkgevers": rng.sample(hosts_towns, k=1) if rng.random() < 0.3 else [],
                "solliciteert_bij": rng.sample(hosts_towns, k=1) if rng.random() < 0.2 else [],
                "achtergrond": rng.choice(_ACHTERGROND),
                "stijl": rng.choice(_STIJL),
                "geslacht": "m" if rng.random() < 0.2 else "v",
                "modules": {
                    m: {"rang": rank, "doel": "verdiepen" if m in deepen else "nieuw"}
                    for rank, m in enumerate(popular_first, start=1)
                },
                "coaches": [c["id"] for c in rng.sample(coaches, k=3)],
            }
        )
    seats = -(-deelnemers * 2 // len(_MODULES))
    return {
        "deelnemers": people,
        "modules": [
            {"id": mid, "naam": naam, "min": 4, "max": max(seats + 3, 6)} for mid, naam in _MODULES
        ],
        "coaches": coaches,
        "gastgemeenten": hosts,
        "instellingen": {"groepsgrootte": 5, "stagerondes": 2},
    }
