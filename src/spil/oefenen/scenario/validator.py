"""Checks that a scenario can be played to the end on every path, in every municipality profile.

Every problem is a Dutch sentence with the line of the scenario file it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import STATE_MAX, STATE_MIN, Scenario

ASPECTS = {
    "tijd": ("tijdverdeling", "tijdgeest", "timing", "tempo"),
    "taal": ("woorden", "toon", "verhalen", "stiltes"),
    "toneel": ("script", "actoren", "performance", "podia"),
}
KNOWN_ASPECTS = set(ASPECTS) | {a for aspects in ASPECTS.values() for a in aspects}
# Enumerating paths is exponential in the worst case; real scenarios have a few hundred.
MAX_PATHS = 50_000


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"regel {self.line}: {self.message}" if self.line else self.message


def scenario_problems(
    scenario: Scenario, *, theme_exists: Callable[[int], bool] | None = None
) -> list[Problem]:
    """All problems found; an empty list means the scenario is playable and complete."""
    problems: list[Problem] = []
    add = problems.append
    variables = {v.id for v in scenario.variabelen}
    profiles = [p.id for p in scenario.profielen] or [""]
    advisers = {a.id for a in scenario.adviseurs}
    roles = {r.id for r in scenario.rollen}

    if not scenario.situaties:
        return [Problem(0, "er zijn geen situaties.")]
    if not scenario.eindes:
        add(Problem(0, "er zijn geen eindes om de nabespreking mee te beginnen."))
    if scenario.start not in scenario.situaties:
        add(
            Problem(
                scenario.line_of.get("start", 0), f"startsituatie '{scenario.start}' bestaat niet."
            )
        )
    for variable in scenario.variabelen:
        if not STATE_MIN <= variable.start <= STATE_MAX:
            add(
                Problem(
                    variable.line, f"startwaarde van '{variable.id}' ligt niet tussen 0 en 100."
                )
            )

    for situation in scenario.situaties.values():
        for advice in situation.adviezen:
            if advice.adviseur not in advisers:
                add(Problem(advice.line, f"onbekende adviseur '{advice.adviseur}'."))
        if not situation.keuzes:
            add(
                Problem(
                    situation.line, f"situatie '{situation.id}' heeft geen keuzes (doodlopend)."
                )
            )
        for profile in profiles:
            if situation.keuzes and not situation.choices_for(profile):
                add(
                    Problem(
                        situation.line,
                        f"situatie '{situation.id}' heeft geen keuzes voor profiel '{profile}'.",
                    )
                )
        seen_ids: set[str] = set()
        for choice in situation.keuzes:
            if choice.id in seen_ids:
                add(
                    Problem(
                        choice.line, f"keuze '{choice.id}' komt twee keer voor in '{situation.id}'."
                    )
                )
            seen_ids.add(choice.id)
            if bool(choice.volgende) == bool(choice.einde):
                add(
                    Problem(
                        choice.line,
                        "een keuze leidt naar precies één 'volgende' situatie of één 'einde'.",
                    )
                )
            if choice.volgende and choice.volgende not in scenario.situaties:
                add(Problem(choice.line, f"volgende situatie '{choice.volgende}' bestaat niet."))
            if choice.einde and choice.einde not in scenario.eindes:
                add(Problem(choice.line, f"einde '{choice.einde}' bestaat niet."))
            for key in choice.gevolgen:
                if key not in variables:
                    add(Problem(choice.line, f"onbekende variabele '{key}' in de gevolgen."))
            for profile, effects in choice.per_profiel.items():
                if profile not in profiles:
                    add(Problem(choice.line, f"onbekend profiel '{profile}' in 'per_profiel'."))
                for key in effects:
                    if key not in variables:
                        add(
                            Problem(
                                choice.line, f"onbekende variabele '{key}' bij profiel '{profile}'."
                            )
                        )
            for profile in choice.alleen_bij:
                if profile not in profiles:
                    add(Problem(choice.line, f"onbekend profiel '{profile}' in 'alleen_bij'."))
            if choice.aspect and choice.aspect not in KNOWN_ASPECTS:
                add(
                    Problem(
                        choice.line,
                        f"onbekend aspect '{choice.aspect}'; kies uit tijd, taal, toneel of "
                        "een van hun aspecten (bijvoorbeeld tempo, toon, actoren).",
                    )
                )
            if choice.rol and choice.rol not in roles:
                add(Problem(choice.line, f"onbekende rol '{choice.rol}'."))
            for ref in choice.themas:
                if theme_exists is not None and not theme_exists(ref.thema):
                    add(Problem(ref.line, f"thema {ref.thema} staat niet in de bibliotheek."))
        for profile in situation.per_profiel:
            if profile not in profiles:
                add(Problem(situation.line, f"onbekend profiel '{profile}' in de situatietekst."))
    if problems:
        return problems
    return problems + _path_problems(scenario, profiles)


def _path_problems(scenario: Scenario, profiles: list[str]) -> list[Problem]:
    """Cycles, unreachable situations and endings, and states out of range, per profile."""
    problems: list[Problem] = []
    reached_situations: set[str] = set()
    reached_endings: set[str] = set()
    reported: set[tuple[int, str]] = set()
    paths = 0

    for profile in profiles:
        # Depth-first over every path, carrying the state: (situation, state, trail).
        stack = [(scenario.start, scenario.start_state(), (scenario.start,))]
        while stack:
            situation_id, state, trail = stack.pop()
            reached_situations.add(situation_id)
            situation = scenario.situaties[situation_id]
            for choice in situation.choices_for(profile):
                new_state = dict(state)
                for key, delta in choice.effects(profile).items():
                    new_state[key] = new_state[key] + delta
                for key, value in new_state.items():
                    if not STATE_MIN <= value <= STATE_MAX and (choice.line, key) not in reported:
                        reported.add((choice.line, key))
                        label = f" (profiel '{profile}')" if profile else ""
                        problems.append(
                            Problem(
                                choice.line,
                                f"'{key}' komt op {value}, buiten 0-100, via "
                                f"{' → '.join(trail)} → keuze '{choice.id}'{label}.",
                            )
                        )
                if choice.einde:
                    reached_endings.add(choice.einde)
                    paths += 1
                    if paths > MAX_PATHS:
                        return [
                            Problem(0, f"meer dan {MAX_PATHS} paden; maak het scenario kleiner.")
                        ]
                    continue
                if choice.volgende in trail:
                    problems.append(
                        Problem(
                            choice.line,
                            f"keuze '{choice.id}' gaat terug naar '{choice.volgende}': een "
                            f"kringloop ({' → '.join((*trail, choice.volgende))}); "
                            "elk pad moet eindigen.",
                        )
                    )
                    continue
                stack.append((choice.volgende, new_state, (*trail, choice.volgende)))

    for situation in scenario.situaties.values():
        if situation.id not in reached_situations:
            problems.append(
                Problem(situation.line, f"situatie '{situation.id}' is nooit te bereiken.")
            )
    for ending in scenario.eindes.values():
        if ending.id not in reached_endings:
            problems.append(Problem(ending.line, f"einde '{ending.id}' is nooit te bereiken."))
    return problems
