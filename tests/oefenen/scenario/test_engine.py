import pytest

from spil.oefenen.scenario import engine
from spil.oefenen.scenario.engine import PlayError
from spil.oefenen.scenario.loader import scenario_from_text

from .fixtures import MINI

SCENARIO = scenario_from_text(MINI)


def test_replay_recomputes_state_news_and_the_ending_per_profile():
    choices = [("begin", "ja"), ("midden", "door")]
    small = engine.replay(SCENARIO, profiel="klein", choices=choices)
    large = engine.replay(SCENARIO, profiel="groot", choices=choices)
    assert small.finished and small.einde.id == "goed"
    assert small.state == {"vertrouwen": 65}
    assert large.state == {"vertrouwen": 45}
    assert small.news == ("Het dorp spreekt erover.",)
    assert [row["vertrouwen"] for row in engine.state_series(SCENARIO, small)] == [50, 60, 65]


def test_moves_are_checked_against_the_situation_and_the_profile():
    choices = engine.move(SCENARIO, profiel="klein", choices=[], keuze="ja")
    with pytest.raises(PlayError, match="bestaat niet"):
        engine.move(SCENARIO, profiel="klein", choices=choices, keuze="extra")
    assert engine.move(SCENARIO, profiel="groot", choices=choices, keuze="extra")[-1] == (
        "midden",
        "extra",
    )
    with pytest.raises(PlayError, match="hoort niet bij de situatie"):
        engine.replay(SCENARIO, profiel="klein", choices=[("midden", "door")])
    done = engine.move(SCENARIO, profiel="klein", choices=[], keuze="nee")
    with pytest.raises(PlayError, match="al afgelopen"):
        engine.move(SCENARIO, profiel="klein", choices=done, keuze="ja")


def test_back_is_allowed_in_practice_and_refused_in_exam_mode():
    choices = [("begin", "ja")]
    assert engine.back(choices, exam=False) == []
    with pytest.raises(PlayError, match="examenstand"):
        engine.back(choices, exam=True)
    with pytest.raises(PlayError, match="eerste situatie"):
        engine.back([], exam=False)


def test_advisers_overview_splits_consulted_from_ignored():
    position = engine.replay(
        SCENARIO, profiel="klein", choices=[("begin", "ja"), ("midden", "door")]
    )
    assert engine.advisers_overview(SCENARIO, position, set())[0]["genegeerd"][0].naam == "Anna"
    consulted = engine.advisers_overview(SCENARIO, position, {("begin", "a")})
    assert consulted[0]["geraadpleegd"][0].naam == "Anna"
