"""Combining the lexical ranking with semantic similarity, and judging whether the library
answers a question at all. Pure Python (numpy-free, no Django).

- Lexical scores are divided by the best lexical score of the question (1.0 = the best).
- A unit's similarity is that of its best chunk of passages (cosine); it is spread between
  the upper quartile of all units' similarities for this question (0.0) and the best one
  (1.0), so the scale adapts to the question instead of to the model's habit of giving
  everything 0.8, and only the closest quarter of the library gets credit for meaning.
- The blend is a weighted sum of the two (not rank fusion: measured worse on both dev sets).
  Candidates are the lexical ones plus the units closest in meaning.
- Back matter (contents, publication lists, colophons, references) is multiplied down.
- No answer: when even the closest unit is not similar enough, the page says so.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import quantiles

from spil.kennis.search.ranking import Ranked

LEXICAL, DENSE, HYBRID = "lexicaal", "dense", "hybride"
MODES = (LEXICAL, DENSE, HYBRID)


@dataclass(frozen=True)
class BlendParameters:
    lexical_weight: float = 0.6
    dense_candidates: int = 50
    back_matter_factor: float = 0.3
    # Cosine of the closest unit below which the library has no theme about the question
    # (chosen on dev + dev2 + off-topic questions: evaluation/search_calibration.py).
    answer_threshold: float = 0.84


PARAMETERS = BlendParameters()


def set_parameters(**changes: float) -> None:
    """Change the blend (evaluation sweeps only)."""
    global PARAMETERS
    PARAMETERS = replace(PARAMETERS, **changes)  # type: ignore[arg-type]


def _dense_normalised(
    dense: Mapping[int, float], keys: Iterable[int], floor: float | None = None
) -> dict[int, float]:
    """The spread similarity of `keys` (the candidates), scaled on all of `dense` (or on
    `floor`, the upper quartile computed over the whole library by the caller)."""
    if not dense:
        return {}
    values = list(dense.values())
    top = max(values)
    if floor is None:
        floor = quantiles(values, n=4, method="inclusive")[2] if len(values) > 1 else top
    spread = top - floor
    wanted = [key for key in keys if key in dense]
    if spread <= 1e-9:
        return dict.fromkeys(wanted, 1.0)
    return {key: min(1.0, max(0.0, (dense[key] - floor) / spread)) for key in wanted}


def blend(
    lexical: Sequence[Ranked],
    dense: Mapping[int, float],
    *,
    roles: Mapping[int, str],
    mode: str = HYBRID,
    parameters: BlendParameters | None = None,
    floor: float | None = None,
) -> list[Ranked]:
    """The final order. `lexical` is the reranker's order, `dense` unit id -> cosine of its
    best passage, `roles` unit id -> role for units that are not content. `dense` may hold
    only the candidates when `floor` (the library's upper quartile) is given."""
    parameters = parameters or PARAMETERS
    passages = {item.key: item.passages for item in lexical}
    if mode == LEXICAL or not dense:
        scores = {item.key: item.score for item in lexical}
    elif mode == DENSE:
        scores = dict(dense)
    else:
        best = max((item.score for item in lexical), default=0.0) or 1.0
        lexical_norm = {item.key: item.score / best for item in lexical}
        closest = heapq.nsmallest(
            parameters.dense_candidates, dense, key=lambda key: (-dense[key], key)
        )
        candidates = list(dict.fromkeys([*lexical_norm, *closest]))
        dense_norm = _dense_normalised(dense, candidates, floor)
        weight = parameters.lexical_weight
        scores = {
            key: weight * lexical_norm.get(key, 0.0) + (1.0 - weight) * dense_norm.get(key, 0.0)
            for key in candidates
        }
    for key, role in roles.items():
        if key in scores and role != "content":
            scores[key] *= parameters.back_matter_factor
    ordered = sorted(scores, key=lambda key: (-scores[key], key))
    return [Ranked(key=key, score=scores[key], passages=passages.get(key, ())) for key in ordered]


def answer_confident(
    lexical: Sequence[Ranked],
    dense: Mapping[int, float],
    terms: Sequence[object],
    parameters: BlendParameters | None = None,
) -> bool:
    """Whether the library seems to have a theme about the question.

    With vectors: the closest unit's similarity reaches the calibrated threshold. Without:
    some unit matched a word of the question."""
    parameters = parameters or PARAMETERS
    if dense:
        return max(dense.values()) >= parameters.answer_threshold
    return bool(lexical and terms)
