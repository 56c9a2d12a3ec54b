import pytest

from spil.kennis.evaluation import (
    HANDBOOK_STEM,
    Question,
    QuestionFileError,
    UnitRef,
    baseline_runs,
    first_relevant_rank,
    key_matches,
    measures_compute,
    qrels_build,
    questions_parse,
    table_format,
)

HANDBOOK = f"{HANDBOOK_STEM}.txt"
UNITS = [
    UnitRef(1, HANDBOOK, 7, "Deel > Hoofdstuk > Thema zeven", "Thema zeven"),
    UnitRef(2, HANDBOOK, 8, "Deel > Hoofdstuk > Thema acht", "Thema acht"),
    UnitRef(3, "essay.txt", None, "Tijd > Tijdverdeling", "Tijdverdeling"),
    UnitRef(4, "essay.txt", None, "Tijd > Tempo", "Tempo"),
    UnitRef(5, "ander.txt", 7, "Iets", "Iets"),
]


def test_questions_parse_reads_jsonl_and_numbers_questions():
    lines = ['{"q": "eerste", "rel": {"t:7": 2}}', "", '{"q": "tweede", "rel": {"d:x": 1}}']
    questions = questions_parse(lines)
    assert [(q.id, q.text, dict(q.rel)) for q in questions] == [
        ("q1", "eerste", {"t:7": 2}),
        ("q3", "tweede", {"d:x": 1}),
    ]


def test_questions_parse_rejects_bad_lines_with_line_number():
    with pytest.raises(QuestionFileError, match="regel 2"):
        questions_parse(['{"q": "a", "rel": {}}', "geen json"])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("t:7", {1}),  # theme 7 of the handbook only, not of another document
        ("t:99", set()),
        ("d:essay", {3, 4}),
        ("d:essay#tijdverdeling", {3}),
        ("d:essay#TEMPO", {4}),
        ("x:1", set()),
    ],
)
def test_key_matches(key, expected):
    assert {u.id for u in UNITS if key_matches(key, u)} == expected


def test_qrels_take_highest_grade():
    question = Question("q1", "?", {"d:essay": 1, "d:essay#tempo": 2})
    assert qrels_build([question], UNITS) == {"q1": {"3": 1, "4": 2}}


def test_measures_perfect_and_missed():
    questions = [Question("q1", "a", {"t:7": 2}), Question("q2", "b", {"t:8": 2})]
    qrels = qrels_build(questions, UNITS)
    means, per_query = measures_compute(questions, qrels, {"q1": [1, 2], "q2": [3, 4, 5]})
    assert per_query["q1"] == {"recall@5": 1.0, "MRR@10": 1.0, "nDCG@10": 1.0}
    assert per_query["q2"]["recall@5"] == 0.0
    assert means["recall@5"] == 0.5


def test_mrr_uses_rank_of_first_grade_two_unit():
    questions = [Question("q1", "a", {"t:7": 1, "t:8": 2})]
    qrels = qrels_build(questions, UNITS)
    means, _ = measures_compute(questions, qrels, {"q1": [1, 3, 2]})
    assert means["MRR@10"] == pytest.approx(1 / 3)
    assert first_relevant_rank([1, 3, 2], qrels["q1"]) == 3


def test_question_without_relevant_units_counts_as_zero():
    questions = [Question("q1", "a", {"t:7": 2}), Question("q2", "b", {"t:55": 2})]
    qrels = qrels_build(questions, UNITS)
    means, _ = measures_compute(questions, qrels, {"q1": [1], "q2": [2]})
    assert means["recall@5"] == 0.5


def test_table_format():
    table = table_format({"Spil": {"recall@5": 1.0, "MRR@10": 0.5, "nDCG@10": 0.25}})
    assert table.splitlines()[1].split() == ["Spil", "1,000", "0,500", "0,250"]


def test_baseline_ranks_by_plain_bm25():
    documents = {
        10: "De begroting wordt in de raad besproken.",
        11: "Het college bespreekt de wethouders en hun portefeuilles.",
        12: "Over de zomer.",
    }
    questions = [Question("q1", "Hoe gaat het met de begroting?", {}), Question("q2", "de", {})]
    runs = baseline_runs(documents, questions)
    assert runs["q1"] == [10]
    assert runs["q2"] == []
