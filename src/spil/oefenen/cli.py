"""`spil oefenen controleer BESTAND...` and `spil oefenen speel BESTAND`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    oefenen = subparsers.add_parser("oefenen", help="oefenscenario's controleren en spelen")
    commands = oefenen.add_subparsers(dest="oefenen_command", metavar="OPDRACHT", required=True)

    check = commands.add_parser(
        "controleer", help="een scenariobestand (YAML) controleren: paden, eindes, waarden, thema's"
    )
    check.add_argument(
        "bestanden", metavar="BESTAND", type=Path, nargs="+", help="een of meer scenariobestanden"
    )
    check.add_argument(
        "--zonder-bibliotheek",
        action="store_true",
        help="themaverwijzingen niet tegen de bibliotheek controleren",
    )
    # The database is only read to check theme references (see spil.core.cli_support).
    check.set_defaults(handler=handle_check, needs_database=lambda a: not a.zonder_bibliotheek)

    play = commands.add_parser("speel", help="een scenario in de terminal spelen")
    play.add_argument("bestand", metavar="BESTAND", type=Path, help="het scenariobestand (YAML)")
    play.add_argument("--profiel", help="gemeenteprofiel (standaard: het eerste)")
    play.set_defaults(handler=handle_play, needs_database=False)


def _theme_check():
    from spil.kennis.selectors import theme_units

    cache: dict[int, bool] = {}

    def exists(number: int) -> bool:
        if number not in cache:
            cache[number] = bool(theme_units(numbers=[number]))
        return cache[number]

    return exists


def handle_check(args: argparse.Namespace) -> int:
    from spil.oefenen.scenario.loader import ScenarioError, scenario_from_file
    from spil.oefenen.scenario.validator import scenario_problems

    theme_exists = None if args.zonder_bibliotheek else _theme_check()
    failed = 0
    for path in args.bestanden:
        try:
            scenario = scenario_from_file(path)
        except ScenarioError as error:
            print(f"✗ {error}", file=sys.stderr)
            failed += 1
            continue
        problems = scenario_problems(scenario, theme_exists=theme_exists)
        if problems:
            failed += 1
            print(f"✗ {path.name}: {len(problems)} probleem/problemen", file=sys.stderr)
            for problem in problems:
                print(f"  {path.name}, {problem}", file=sys.stderr)
        else:
            print(
                f"✓ {path.name}: '{scenario.titel}' is speelbaar "
                f"({len(scenario.situaties)} situaties)."
            )
    return 1 if failed else 0


def handle_play(args: argparse.Namespace) -> int:
    from spil.oefenen.scenario import engine
    from spil.oefenen.scenario.loader import ScenarioError, scenario_from_file
    from spil.oefenen.scenario.validator import scenario_problems

    try:
        scenario = scenario_from_file(args.bestand)
    except ScenarioError as error:
        print(str(error), file=sys.stderr)
        return 1
    if problems := scenario_problems(scenario):
        print(f"{args.bestand.name} is niet speelbaar: {problems[0]}", file=sys.stderr)
        return 1
    profiles = {p.id: p for p in scenario.profielen}
    profiel = args.profiel or (scenario.profielen[0].id if scenario.profielen else "")
    if profiles and profiel not in profiles:
        print(f"Onbekend profiel '{profiel}'; kies uit {', '.join(profiles)}.", file=sys.stderr)
        return 2
    print(f"{scenario.titel}\n{scenario.samenvatting}\n")
    if profiel:
        print(f"Gemeente: {profiles[profiel].naam}. {profiles[profiel].beschrijving}\n")
    choices: list[tuple[str, str]] = []
    while True:
        position = engine.replay(scenario, profiel=profiel, choices=choices)
        if position.finished:
            break
        situation = position.situatie
        print(f"== {situation.titel} ==\n{situation.text_for(profiel)}\n")
        for advice in situation.adviezen:
            adviser = scenario.adviseur(advice.adviseur)
            print(f"  {adviser.naam} ({adviser.functie}): {advice.tekst}")
        options = situation.choices_for(profiel)
        for number, choice in enumerate(options, start=1):
            print(f"  {number}. {choice.tekst}")
        answer = _ask(len(options))
        if answer is None:
            print("\nGestopt.")
            return 0
        chosen = options[answer - 1]
        choices = engine.move(scenario, profiel=profiel, choices=choices, keuze=chosen.id)
        if chosen.nieuws:
            print(f"\nIn het nieuws: {chosen.nieuws}")
        print()
    print(f"== Einde: {position.einde.titel} ==\n{position.einde.tekst}\n")
    labels = {v.id: v.label for v in scenario.variabelen}
    for row in engine.state_series(scenario, position):
        values = ", ".join(f"{labels[k]} {row[k]}" for k in labels)
        print(f"  {row['moment']}: {values}")
    themes = sorted({ref.thema for step in position.steps for ref in step.keuze.themas})
    print(f"\nLees na in het handboek: thema {', '.join(str(t) for t in themes)}.")
    return 0


def _ask(count: int) -> int | None:
    while True:
        try:
            raw = input(f"Je keuze (1-{count}, of q om te stoppen): ").strip()
        except EOFError:
            return None
        if raw.lower() in {"q", "stop"}:
            return None
        if raw.isdigit() and 1 <= int(raw) <= count:
            return int(raw)
        print(f"Typ een getal van 1 tot {count}.")
