"""Small hand-written cohorts (invented people and municipalities) for the planner's tests."""

from __future__ import annotations

import copy
from typing import Any


def person(pid: str, werkgever: str, **extra: Any) -> dict[str, Any]:
    record = {
        "id": pid,
        "naam": f"Deelnemer {pid}",
        "werkgever": werkgever,
        "modules": {
            "m1": {"rang": 1, "doel": "verdiepen"},
            "m2": {"rang": 2, "doel": "verdiepen"},
            "m3": {"rang": 3, "doel": "nieuw"},
            "m4": {"rang": 4, "doel": "nieuw"},
        },
        "coaches": ["c1", "c2"],
    }
    record.update(extra)
    return record


def small_cohort() -> dict[str, Any]:
    """Ten people, two groups, four modules, six hosts, three coaches: feasible."""
    return copy.deepcopy(
        {
            "deelnemers": [person(f"p{i}", f"Werkgever{i % 6}") for i in range(10)],
            "modules": [
                {"id": "m1", "naam": "Bestuurlijk gevoel", "min": 2, "max": 6},
                {"id": "m2", "naam": "Gesprekskunst", "min": 2, "max": 6},
                {"id": "m3", "naam": "Knopen doorhakken", "min": 2, "max": 6},
                {"id": "m4", "naam": "Stilstaan bij jezelf", "min": 2, "max": 6},
            ],
            "coaches": [
                {
                    "id": "c1",
                    "naam": "Coach Een",
                    "organisatie": "Bureau A",
                    "capaciteit": 4,
                    "intervisie": True,
                },
                {
                    "id": "c2",
                    "naam": "Coach Twee",
                    "organisatie": "Bureau B",
                    "capaciteit": 4,
                    "intervisie": True,
                },
                {
                    "id": "c3",
                    "naam": "Coach Drie",
                    "organisatie": "Bureau C",
                    "capaciteit": 4,
                    "intervisie": False,
                },
            ],
            "gastgemeenten": [
                {
                    "id": f"g{i}",
                    "naam": f"Gastdorp{i}",
                    "grootte": ["klein", "groot"][i % 2],
                    "regio": ["Noord", "Zuid", "Oost"][i % 3],
                    "plaatsen_per_ronde": 2,
                }
                for i in range(6)
            ],
            "instellingen": {"groepsgrootte": 5, "stagerondes": 2},
        }
    )
