import pytest

from spil.oefenen.scenario.loader import ScenarioError, scenario_from_file, scenario_from_text

from .fixtures import MINI


def test_a_scenario_is_read_with_its_profiles_choices_and_lines():
    scenario = scenario_from_text(MINI)
    assert scenario.id == "mini"
    assert [p.id for p in scenario.profielen] == ["klein", "groot"]
    begin = scenario.situaties["begin"]
    choice = begin.keuzes[0]
    assert choice.effects("klein") == {"vertrouwen": 10}
    assert choice.effects("groot") == {"vertrouwen": -10}
    assert [ref.thema for ref in choice.themas] == [12]
    assert choice.line == 21
    assert [k.id for k in scenario.situaties["midden"].choices_for("klein")] == ["door"]
    assert [k.id for k in scenario.situaties["midden"].choices_for("groot")] == ["door", "extra"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: x\ntitel: [open", "regel 2: geen geldige YAML"),
        ("- een lijst", "moet met velden"),
        (
            MINI.replace("    titel: Het begin\n", ""),
            "regel 15: situatie 'begin': 'titel' ontbreekt.",
        ),
        (
            MINI.replace("gevolgen: {vertrouwen: 10}", "gevolgen: {vertrouwen: veel}"),
            "moet een heel getal",
        ),
        (MINI.replace("themas: [12]", "themas: [twaalf]"), "themanummer moet een heel getal"),
    ],
)
def test_malformed_files_give_a_dutch_message_with_a_line(text, message):
    with pytest.raises(ScenarioError, match=message.replace("[", r"\[").replace("(", r"\(")):
        scenario_from_text(text)


def test_file_errors_name_the_file(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ScenarioError, match=r"kapot\.yaml: het bestand is geen UTF-8-tekst"):
        scenario_from_file(path)
    with pytest.raises(ScenarioError, match=r"weg\.yaml: kan het bestand niet lezen"):
        scenario_from_file(tmp_path / "weg.yaml")
