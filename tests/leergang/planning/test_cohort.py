import pytest

from spil.leergang.planning.cohort import CohortError, cohort_from_dict, group_sizes

from .cohorts import small_cohort


def test_a_valid_file_is_read_into_typed_records():
    cohort = cohort_from_dict(small_cohort())
    assert len(cohort.deelnemers) == 10
    first = cohort.deelnemers[0]
    assert first.choice_order("verdiepen") == ["m1", "m2"]
    assert first.choice_order("nieuw") == ["m3", "m4"]
    assert cohort.instellingen.groepsgrootte == 5


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("modules"), "'modules' ontbreekt"),
        (lambda d: d["deelnemers"][0].pop("werkgever"), "deelnemer 'p0': 'werkgever' ontbreekt"),
        (lambda d: d["deelnemers"][1].update(id="p0"), "Deelnemer 'p0' komt twee keer voor"),
        (
            lambda d: d["deelnemers"][0]["modules"].update(m9={"rang": 1, "doel": "nieuw"}),
            "onbekende module 'm9'",
        ),
        (
            lambda d: d["deelnemers"][0]["modules"]["m1"].update(doel="misschien"),
            "'verdiepen' of 'nieuw'",
        ),
        (lambda d: d["coaches"][0].update(capaciteit=-1), "mag niet negatief"),
        (lambda d: d["modules"][0].update(min=9), "'min' (9) moet kleiner zijn dan 'max' (6)"),
        (lambda d: d["deelnemers"][0].update(coaches=["c9"]), "onbekende coach 'c9'"),
        (lambda d: d["coaches"][0].update(intervisie="ja"), "true of false"),
    ],
)
def test_bad_input_names_the_record_and_the_problem_in_dutch(change, message):
    data = small_cohort()
    change(data)
    with pytest.raises(CohortError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cohort_from_dict(data)


def test_not_an_object_is_refused():
    with pytest.raises(CohortError, match="één JSON-object"):
        cohort_from_dict([1, 2])


@pytest.mark.parametrize(
    ("n", "sizes"),
    [
        (30, [5] * 6),
        (10, [5, 5]),
        (12, [6, 6]),
        (13, [5, 4, 4]),
        (31, [6, 5, 5, 5, 5, 5]),
        (4, [4]),
    ],
)
def test_group_sizes_are_the_set_size_or_one_more_or_less(n, sizes):
    assert sorted(group_sizes(n, 5), reverse=True) == sorted(sizes, reverse=True)
    assert sum(group_sizes(n, 5)) == n


def test_group_sizes_refuses_an_impossible_split():
    with pytest.raises(CohortError, match="niet te verdelen"):
        group_sizes(3, 5)
