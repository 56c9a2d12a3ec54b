"""The scenarios that ship with Spil: read once per process from `scenarios/*.yaml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .scenario.loader import scenario_from_file
from .scenario.model import Scenario

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


@cache
def scenarios() -> dict[str, Scenario]:
    found = {}
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        scenario = scenario_from_file(path)
        found[scenario.id] = scenario
    return found


def scenario_get(scenario_id: str) -> Scenario | None:
    return scenarios().get(scenario_id)
