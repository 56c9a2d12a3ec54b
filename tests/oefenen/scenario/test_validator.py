import pytest

from spil.oefenen.scenario.loader import scenario_from_text
from spil.oefenen.scenario.validator import scenario_problems

from .fixtures import MINI


def problems(text, **kwargs):
    return [str(p) for p in scenario_problems(scenario_from_text(text), **kwargs)]


def test_the_mini_scenario_is_playable():
    assert problems(MINI, theme_exists=lambda n: True) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("volgende: midden", "volgende: nergens"),
            "regel 21: volgende situatie 'nergens' bestaat niet.",
        ),
        (("einde: stil", "einde: weg"), "einde 'weg' bestaat niet."),
        (("einde: stil", "volgende: begin"), "kringloop (begin → begin)"),
        (("adviseur: a", "adviseur: b"), "onbekende adviseur 'b'"),
        (("gevolgen: {vertrouwen: 5}", "gevolgen: {geld: 5}"), "onbekende variabele 'geld'"),
        (("aspect: tempo", "aspect: snelheid"), "onbekend aspect 'snelheid'"),
        (("alleen_bij: [groot]", "alleen_bij: [middel]"), "onbekend profiel 'middel'"),
        (
            ("gevolgen: {vertrouwen: 5}", "gevolgen: {vertrouwen: 45}"),
            "'vertrouwen' komt op 105, buiten 0-100, via begin → midden → keuze 'door' "
            "(profiel 'klein')",
        ),
        (("start: begin", "start: midden"), "situatie 'begin' is nooit te bereiken."),
        (("        einde: stil\n", "        einde: goed\n"), "einde 'stil' is nooit te bereiken."),
    ],
)
def test_each_kind_of_broken_scenario_is_named_with_its_line(change, expected):
    old, new = change
    assert old in MINI
    found = problems(MINI.replace(old, new, 1))
    assert any(expected in p for p in found), found


def test_a_situation_without_choices_for_one_profile_is_a_dead_end():
    text = MINI.replace(
        "      - id: door\n        tekst: Je gaat door.\n        gevolgen: {vertrouwen: 5}\n"
        "        themas: [31]\n        einde: goed\n",
        "",
    )
    found = problems(text)
    assert any("geen keuzes voor profiel 'klein'" in p for p in found), found


def test_theme_references_are_checked_against_the_library():
    found = problems(MINI, theme_exists=lambda n: n != 31)
    assert found == ["regel 39: thema 31 staat niet in de bibliotheek."]
