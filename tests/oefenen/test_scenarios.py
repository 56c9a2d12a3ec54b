"""The scenarios that ship with Spil: playable, complete, in Spil's own words, and every theme
they cite present in the real handbook."""

import re
from pathlib import Path

import pytest

from spil.kennis.selectors import theme_units
from spil.kennis.services import document_ingest_batch
from spil.oefenen.library import SCENARIO_DIR, scenarios
from spil.oefenen.scenario.validator import ASPECTS, scenario_problems

FILES = sorted(SCENARIO_DIR.glob("*.yaml"))


def test_at_least_six_scenarios_ship_and_each_is_playable():
    assert len(scenarios()) >= 6
    for scenario in scenarios().values():
        assert scenario_problems(scenario, theme_exists=lambda n: 1 <= n <= 100) == [], scenario.id
        assert len(scenario.profielen) >= 2, f"{scenario.id}: het profiel moet iets uitmaken"
        assert any(
            k.per_profiel or k.alleen_bij for s in scenario.situaties.values() for k in s.keuzes
        ) or any(s.per_profiel for s in scenario.situaties.values()), scenario.id
        assert len(scenario.rollen) >= 3, f"{scenario.id}: te weinig rollen voor groepsspel"
        assert len(scenario.adviseurs) >= 2, scenario.id


def test_every_choice_links_to_the_handbook_and_aspects_are_known():
    known = set(ASPECTS) | {a for group in ASPECTS.values() for a in group}
    for scenario in scenarios().values():
        for situation in scenario.situaties.values():
            for choice in situation.keuzes:
                assert choice.themas, f"{scenario.id}/{situation.id}/{choice.id} heeft geen thema"
                assert not choice.aspect or choice.aspect in known


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.casefold())


def test_no_scenario_shares_eight_consecutive_words_with_a_source_document(seeds_dir: Path):
    runs = set()
    for seed in seeds_dir.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8", errors="replace"))
        runs.update(" ".join(words[i : i + 8]) for i in range(len(words) - 7))
    for path in FILES:
        words = _words(path.read_text(encoding="utf-8"))
        copied = [" ".join(words[i : i + 8]) for i in range(len(words) - 7)]
        shared = [run for run in copied if run in runs]
        assert not shared, f"{path.name} deelt tekst met een brondocument: {shared[:3]}"


@pytest.mark.django_db
@pytest.mark.seeds
def test_every_theme_reference_resolves_in_the_ingested_handbook(seeds_dir: Path):
    document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    cited = {
        ref.thema
        for s in scenarios().values()
        for sit in s.situaties.values()
        for k in sit.keuzes
        for ref in k.themas
    }
    found = theme_units(numbers=sorted(cited))
    assert set(found) == cited
    # Each theme link is a real handbook theme with tips to show in the debrief.
    assert all(any(p.kind == "tip" for p in unit.passages.all()) for unit in found.values())
