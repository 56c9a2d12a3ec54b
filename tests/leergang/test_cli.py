import json

import pytest

from spil.cli import main
from spil.leergang.planning.checker import plan_violations
from spil.leergang.planning.cohort import cohort_from_dict
from spil.leergang.planning.voorbeeld import cohort_generate

from .planning.cohorts import small_cohort


def run(capsys, *args):
    code = main(["leergang", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("size", "limit"), [(30, "10"), (150, "30")])
def test_the_cli_plans_generated_cohorts_within_every_hard_rule(tmp_path, capsys, size, limit):
    data = cohort_generate(deelnemers=size, seed=3)
    path = tmp_path / "cohort.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    code, out, err = run(capsys, "plan", str(path), "--json", "--tijdslimiet", limit)

    assert code == 0, err
    plan = json.loads(out)
    assert set(plan) == {
        "status", "intervisiegroepen", "modules", "stages", "coaching", "kwaliteit"
    }  # fmt: skip
    assert plan["status"] in {"optimaal", "toelaatbaar"}
    assert plan_violations(cohort_from_dict(data), plan) == []
    assert len(plan["intervisiegroepen"]) == size // 5
    assert {"eerste_keus_modules", "slechtste_rang"} <= set(plan["kwaliteit"])


def test_voorbeeld_writes_a_cohort_the_planner_accepts_and_text_output_names_people(
    tmp_path, capsys
):
    code, out, _ = run(capsys, "voorbeeld", "--deelnemers", "10", "--zaad", "2")
    assert code == 0
    path = tmp_path / "c.json"
    path.write_text(out, encoding="utf-8")
    code, out, _ = run(capsys, "plan", str(path), "--tijdslimiet", "10")
    assert code == 0
    assert out.startswith("Plan voor 10 deelnemers:")
    assert "Intervisiegroepen" in out and "Meeloopstages" in out
    assert json.loads(path.read_text())["deelnemers"][0]["naam"] in out


def test_infeasible_cohort_exits_1_with_the_rule_in_dutch(tmp_path, capsys):
    data = small_cohort()
    for host in data["gastgemeenten"]:
        host["plaatsen_per_ronde"] = 1
    path = tmp_path / "krap.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "plan", str(path), "--json")
    assert code == 1
    assert out == ""
    assert "Geen plan mogelijk. Meeloopstages:" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{niet json", "kapot.json: geen geldige JSON (regel 1"),
        (b"[]", "kapot.json: Het bestand moet één JSON-object bevatten."),
        (b"\xff\xfe\x00", "kapot.json: het bestand is geen UTF-8-tekst."),
        (b'{"modules": []}', "kapot.json: 'modules' ontbreekt of is leeg."),
    ],
)
def test_bad_files_get_a_dutch_message_naming_the_file(tmp_path, capsys, content, expected):
    path = tmp_path / "kapot.json"
    path.write_bytes(content)
    code, _out, err = run(capsys, "plan", str(path))
    assert code == 1
    assert expected in err


def test_missing_file_and_bad_time_limit(tmp_path, capsys):
    code, _out, err = run(capsys, "plan", str(tmp_path / "weg.json"))
    assert code == 1 and "weg.json: kan het bestand niet lezen" in err
    code, _out, err = run(capsys, "plan", str(tmp_path / "weg.json"), "--tijdslimiet", "0")
    assert code == 2 and "--tijdslimiet" in err
