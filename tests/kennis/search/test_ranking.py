from spil.kennis.analysis import QueryTerm
from spil.kennis.search.ranking import CorpusStats, rank
from spil.kennis.search.ranking import score_columns as score_unit

STATS = CorpusStats(
    units=100,
    average_length={"title": 3, "path": 3, "tips": 40, "body": 40},
    term_units={"begroting": 5, "raad": 30, "college": 40},
)


def fields(title=(), path=(), tips=(), body=()):
    """Shadow columns as stored: lines of space-separated terms."""
    return (
        " ".join(title) + "\n" + " ".join(path),
        "\n".join(" ".join(line) for line in tips),
        "\n".join(" ".join(line) for line in body),
    )


def test_title_beats_tip_beats_body():
    terms = [QueryTerm("begroting", 1.0, 0)]
    in_title = score_unit(fields(title=["begroting"]), terms, STATS)[0]
    in_tip = score_unit(fields(tips=[["begroting"]]), terms, STATS)[0]
    in_body = score_unit(fields(body=[["begroting"]]), terms, STATS)[0]
    assert in_title > in_tip > in_body > 0


def test_rare_term_outweighs_common_term():
    terms = [QueryTerm("begroting", 1.0, 0), QueryTerm("college", 1.0, 1)]
    rare = score_unit(fields(tips=[["begroting"]]), terms, STATS)[0]
    common = score_unit(fields(tips=[["college"]]), terms, STATS)[0]
    assert rare > common


def test_expanded_term_counts_less_than_typed_term():
    typed = score_unit(fields(tips=[["raad"]]), [QueryTerm("raad", 1.0, 0)], STATS)[0]
    expanded = score_unit(fields(tips=[["raad"]]), [QueryTerm("raad", 0.5, 0)], STATS)[0]
    assert typed > expanded


def test_words_together_in_one_passage_beat_words_spread_out():
    terms = [QueryTerm("begroting", 1.0, 0), QueryTerm("raad", 1.0, 1)]
    together = fields(tips=[["begroting", "raad"], ["x"]])
    spread = fields(tips=[["begroting"], ["raad"]])
    score_together, passages = score_unit(together, terms, STATS)
    assert score_together > score_unit(spread, terms, STATS)[0]
    assert passages[0][:2] == ("tips", 0)


def test_covering_more_of_the_question_wins():
    terms = [QueryTerm("begroting", 1.0, 0), QueryTerm("raad", 1.0, 1)]
    both = fields(body=[["begroting", "y"], ["raad", "z"]])
    twice_one = fields(body=[["begroting", "y"], ["begroting", "z"]])
    assert score_unit(both, terms, STATS)[0] > score_unit(twice_one, terms, STATS)[0]


def test_rank_drops_non_matching_and_orders_ties_by_key():
    terms = [QueryTerm("raad", 1.0, 0)]
    ranked = rank(
        {3: fields(tips=[["raad"]]), 1: fields(tips=[["raad"]]), 2: fields(tips=[["x"]])},
        terms,
        STATS,
    )
    assert [r.key for r in ranked] == [1, 3]


def test_question_words_in_the_title_outweigh_many_mentions_in_the_body():
    terms = [QueryTerm("begroting", 1.0, 0), QueryTerm("raad", 1.0, 1)]
    titled = fields(title=["begroting", "raad"], tips=[["x"]])
    wordy = fields(body=[["begroting", "raad"] * 4, ["begroting", "raad"] * 4])
    assert score_unit(titled, terms, STATS)[0] > score_unit(wordy, terms, STATS)[0]


def test_terms_match_whole_words_only():
    terms = [QueryTerm("raad", 1.0, 0)]
    assert score_unit(fields(tips=[["raadhuis", "graad"]]), terms, STATS)[0] == 0.0
    score, passages = score_unit(fields(tips=[["x"], ["y", "raad"]]), terms, STATS)
    assert score > 0 and passages[0][:2] == ("tips", 1)


def test_one_idea_named_many_ways_does_not_beat_two_ideas():
    terms = [
        QueryTerm("raad", 1.0, 0),
        QueryTerm("gemeenteraad", 0.5, 0),
        QueryTerm("raadslid", 0.5, 0),
        QueryTerm("begroting", 1.0, 1),
    ]
    stats = CorpusStats(100, {"title": 3, "path": 3, "tips": 40, "body": 40}, {})
    synonyms = fields(body=[["raad", "gemeenteraad", "raadslid"]])
    two_ideas = fields(body=[["raad", "begroting", "x"]])
    assert score_unit(two_ideas, terms, stats)[0] > score_unit(synonyms, terms, stats)[0]
