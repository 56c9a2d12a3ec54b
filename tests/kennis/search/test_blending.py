from spil.kennis.search.blending import (
    DENSE,
    HYBRID,
    LEXICAL,
    BlendParameters,
    answer_confident,
    blend,
)
from spil.kennis.search.ranking import Ranked

LEXICAL_RUN = [Ranked(1, 10.0, (("tips", 0, 1.0),)), Ranked(2, 5.0, ()), Ranked(3, 1.0, ())]
DENSE_SCORES = {1: 0.80, 2: 0.81, 3: 0.90, 4: 0.89, 5: 0.70, 6: 0.71, 7: 0.72}


def keys(ranked):
    return [item.key for item in ranked]


def test_lexical_and_dense_modes_keep_their_own_order():
    assert keys(blend(LEXICAL_RUN, DENSE_SCORES, roles={}, mode=LEXICAL)) == [1, 2, 3]
    assert keys(blend(LEXICAL_RUN, DENSE_SCORES, roles={}, mode=DENSE))[:3] == [3, 4, 2]
    # No vectors: the lexical order whatever the mode.
    assert keys(blend(LEXICAL_RUN, {}, roles={}, mode=HYBRID)) == [1, 2, 3]


def test_the_blend_adds_units_found_by_meaning_alone_and_keeps_passages():
    parameters = BlendParameters(lexical_weight=0.5, dense_candidates=2)
    ranked = blend(LEXICAL_RUN, DENSE_SCORES, roles={}, mode=HYBRID, parameters=parameters)
    assert set(keys(ranked)) == {1, 2, 3, 4}  # 4: among the two closest in meaning
    assert ranked[0].key == 3  # a weak word match that is closest in meaning wins
    assert next(r for r in ranked if r.key == 1).passages == (("tips", 0, 1.0),)
    assert next(r for r in ranked if r.key == 4).passages == ()


def test_back_matter_is_ranked_down():
    ranked = blend(LEXICAL_RUN, {}, roles={1: "publications"}, mode=LEXICAL)
    assert keys(ranked) == [2, 1, 3]


def test_no_answer_below_the_threshold():
    parameters = BlendParameters(answer_threshold=0.85)
    assert answer_confident(LEXICAL_RUN, {1: 0.9}, ["x"], parameters)
    assert not answer_confident(LEXICAL_RUN, {1: 0.8}, ["x"], parameters)
    assert answer_confident(LEXICAL_RUN, {}, ["x"], parameters)
    assert not answer_confident([], {}, [], parameters)
