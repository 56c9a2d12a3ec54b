"""The in-memory lexical index scores exactly as the reference reranker (ranking.py)."""

import math
import random

import numpy as np
import pytest

from spil.kennis.analysis import QueryTerm
from spil.kennis.search.lexical_index import LexicalIndex, document_part
from spil.kennis.search.ranking import rank
from spil.kennis.search.shadow import parse_shadow, shadow_terms

WORDS = [f"w{i}" for i in range(25)]


def _line(rng, longest=6):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, longest)))


def _column(rng, lines):
    return "\n".join(_line(rng) for _ in range(lines))


def random_library(rng):
    """Documents of units as stored rows: (id, section, role, title, tips, body)."""
    documents, unit_id = {}, 0
    for document_id in range(1, rng.randint(2, 5)):
        rows = []
        for _ in range(rng.randint(0, 7)):
            unit_id += 1
            rows.append(
                (
                    unit_id,
                    rng.randint(1, 4),
                    rng.choice(["content", "content", "references"]),
                    _line(rng, 3) + "\n" + _line(rng, 3),
                    _column(rng, rng.randint(0, 3)),
                    _column(rng, rng.randint(0, 5)),
                )
            )
        documents[document_id] = rows
    return documents


def random_question(rng):
    return [
        QueryTerm(rng.choice([*WORDS, "absent"]), rng.choice([1.0, 0.6, 0.35]), rng.randint(0, 3))
        for _ in range(rng.randint(1, 7))
    ]


def assert_same(reference, found):
    assert [r.key for r in found] == [r.key for r in reference]
    for expected, got in zip(reference, found, strict=True):
        assert math.isclose(got.score, expected.score, rel_tol=1e-9)
        # Passage order incl. ties, and their evidence to the last bit.
        assert got.passages == expected.passages


def reference(documents, terms, stats, keep=lambda row: True):
    columns = {
        row[0]: (row[3], row[4], row[5]) for rows in documents.values() for row in rows if keep(row)
    }
    return rank(columns, terms, stats)


@pytest.mark.parametrize("seed", range(40))
def test_scores_and_passages_equal_the_reference_on_random_libraries(seed):
    rng = random.Random(seed)
    documents = random_library(rng)
    index = LexicalIndex([document_part(d, rows) for d, rows in documents.items()])
    for _ in range(5):
        terms = random_question(rng)
        stats = index.stats({t.term for t in terms})
        assert_same(
            reference(documents, terms, stats), index.score(terms, stats).ranked(None, None)
        )


def test_units_with_the_same_text_tie_and_are_ordered_by_id():
    row = ("w1 w2\nw3", "w1 w4\nw1", "w5 w1")
    rows = [(key, 1, "content", *row) for key in (9, 4, 7)]
    index = LexicalIndex([document_part(1, rows)])
    terms = [QueryTerm("w1", 1.0, 0), QueryTerm("w2", 0.5, 0), QueryTerm("w4", 1.0, 1)]
    ranked = index.score(terms, index.stats(["w1", "w2", "w4"])).ranked(None, None)
    assert [r.key for r in ranked] == [4, 7, 9]
    assert len({r.score for r in ranked}) == 1
    # Equal evidence: body before tips, then by line, as the reference sorts.
    assert [p[:2] for p in ranked[0].passages] == [("tips", 0), ("body", 0), ("tips", 1)]
    assert_same(reference({1: rows}, terms, index.stats(["w1", "w2", "w4"])), ranked)


def test_statistics_agree_with_the_shadow_text():
    rng = random.Random(3)
    documents = random_library(rng)
    index = LexicalIndex([document_part(d, rows) for d, rows in documents.items()])
    fields = [parse_shadow(*row[3:]) for rows in documents.values() for row in rows]
    assert index.units == len(fields)
    for word in WORDS:
        assert index.unit_count(word) == sum(word in shadow_terms(f) for f in fields)
    body = sum(len(line) for f in fields for line in f.body)
    assert index.average_length()["body"] == pytest.approx(body / len(fields))


def test_masks_keep_only_the_allowed_units():
    rng = random.Random(11)
    documents = random_library(rng)
    index = LexicalIndex([document_part(d, rows) for d, rows in documents.items()])
    terms = [QueryTerm(word, 1.0, n) for n, word in enumerate(WORDS[:4])]
    stats = index.stats(WORDS[:4])
    first = min(documents)
    excluded = documents[first][0][0] if documents[first] else None
    mask = index.mask(document_ids=[first], section_ids=[1, 2], exclude=excluded)
    found = index.score(terms, stats, mask=mask).ranked(None, None)
    expected = reference(
        documents,
        terms,
        stats,
        keep=lambda row: row in documents[first] and row[1] in (1, 2) and row[0] != excluded,
    )
    assert_same(expected, found)
    assert found or not expected


def test_top_ids_are_the_head_of_the_full_order():
    rng = random.Random(5)
    documents = random_library(rng)
    index = LexicalIndex([document_part(d, rows) for d, rows in documents.items()])
    terms = [QueryTerm("w1", 1.0, 0), QueryTerm("w2", 1.0, 1)]
    scored = index.score(terms, index.stats(["w1", "w2"]))
    assert scored.ids(3) == scored.ids()[:3]
    for key in scored.ids():
        assert scored.position(key) is not None
    assert scored.position(10**9) is None


def test_an_empty_library_and_unknown_words_find_nothing():
    empty = LexicalIndex([])
    assert len(empty.score([QueryTerm("w1", 1.0, 0)], empty.stats(["w1"]))) == 0
    index = LexicalIndex([document_part(1, [(1, 1, "content", "w1\n", "", "")])])
    assert index.score([QueryTerm("nergens", 1.0, 0)], index.stats(["nergens"])).ids() == []
    assert index.roles == {}
    assert np.array_equal(index.back_matter, [False])


def test_other_statistics_and_parameters_are_scored_as_the_reference_does():
    from spil.kennis.search.ranking import CorpusStats, RankingParameters

    rng = random.Random(8)
    documents = random_library(rng)
    index = LexicalIndex([document_part(d, rows) for d, rows in documents.items()])
    stats = CorpusStats(
        units=50,
        average_length={"title": 2.0, "path": 5.0, "tips": 9.0, "body": 30.0},
        term_units={w: n % 7 + 1 for n, w in enumerate(WORDS)},
    )
    parameters = RankingParameters(k1=2.0, passage_weight=1.0)
    columns = {row[0]: row[3:] for rows in documents.values() for row in rows}
    for _ in range(5):
        terms = random_question(rng)
        expected = rank(columns, terms, stats, parameters)
        assert_same(expected, index.score(terms, stats, parameters).ranked(None, None))
