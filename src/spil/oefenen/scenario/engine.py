"""Playing a scenario: a path of choices, the state after each, and what the debrief needs.

The play record is plain data (a list of choice steps) so it can be stored as JSON and replayed:
the state is always recomputed from the scenario, never trusted from the client.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Einde, Keuze, Scenario, Situatie


class PlayError(ValueError):
    """A move that is not allowed here (unknown choice, back in exam mode, already finished)."""


@dataclass(frozen=True)
class Step:
    situatie: Situatie
    keuze: Keuze
    state_after: dict[str, int]


@dataclass(frozen=True)
class Position:
    """Where a play stands: the steps taken, the current situation or the ending."""

    steps: tuple[Step, ...]
    situatie: Situatie | None
    einde: Einde | None
    state: dict[str, int]
    news: tuple[str, ...]

    @property
    def finished(self) -> bool:
        return self.einde is not None


def replay(scenario: Scenario, *, profiel: str, choices: list[tuple[str, str]]) -> Position:
    """The position after these (situatie id, keuze id) moves; raises PlayError on a bad move."""
    state = scenario.start_state()
    situation: Situatie | None = scenario.situaties[scenario.start]
    ending: Einde | None = None
    steps: list[Step] = []
    news: list[str] = []
    for situation_id, choice_id in choices:
        if situation is None or situation.id != situation_id:
            raise PlayError("Deze keuze hoort niet bij de situatie waar je nu bent.")
        choice = next((k for k in situation.choices_for(profiel) if k.id == choice_id), None)
        if choice is None:
            raise PlayError("Deze keuze bestaat niet (meer) in deze situatie.")
        for key, delta in choice.effects(profiel).items():
            state[key] = state[key] + delta
        steps.append(Step(situatie=situation, keuze=choice, state_after=dict(state)))
        if choice.nieuws:
            news.append(choice.nieuws)
        if choice.einde:
            situation, ending = None, scenario.eindes[choice.einde]
        else:
            situation = scenario.situaties[choice.volgende]
    return Position(tuple(steps), situation, ending, state, tuple(news))


def move(
    scenario: Scenario, *, profiel: str, choices: list[tuple[str, str]], keuze: str
) -> list[tuple[str, str]]:
    """The play record after choosing `keuze` in the current situation."""
    position = replay(scenario, profiel=profiel, choices=choices)
    if position.finished:
        raise PlayError("Het scenario is al afgelopen.")
    new = [*choices, (position.situatie.id, keuze)]
    replay(scenario, profiel=profiel, choices=new)
    return new


def back(choices: list[tuple[str, str]], *, exam: bool) -> list[tuple[str, str]]:
    """Undo the last choice; not allowed in exam mode."""
    if exam:
        raise PlayError("In de examenstand kun je niet terug.")
    if not choices:
        raise PlayError("Je bent nog bij de eerste situatie.")
    return choices[:-1]


def state_series(scenario: Scenario, position: Position) -> list[dict]:
    """One row per moment (start, then after each choice) with every variable's value."""
    rows = [{"moment": "Start", **scenario.start_state()}]
    for number, step in enumerate(position.steps, start=1):
        rows.append({"moment": f"Keuze {number}", **step.state_after})
    return rows


def advisers_overview(
    scenario: Scenario, position: Position, consulted: set[tuple[str, str]]
) -> list[dict]:
    """Per situation passed: which advisers had advice, which the player opened, which not."""
    overview = []
    for step in position.steps:
        offered = [a.adviseur for a in step.situatie.adviezen]
        if not offered:
            continue
        opened = [a for a in offered if (step.situatie.id, a) in consulted]
        overview.append(
            {
                "situatie": step.situatie,
                "geraadpleegd": [scenario.adviseur(a) for a in opened],
                "genegeerd": [scenario.adviseur(a) for a in offered if a not in opened],
            }
        )
    return overview
