"""A naive Bayes model trained on the titles the user corrected."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from .titles import normalise_title, title_tokens
from .vocabulary import DOMAINS


class TitleModel:
    """Multinomial naive Bayes over title tokens, trained on the user's corrected titles."""

    MIN_EXAMPLES = 3
    MIN_CONFIDENCE = 0.7

    def __init__(self, examples: Iterable[tuple[str, str]]):
        self.token_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.class_counts: Counter[str] = Counter()
        self.vocabulary: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for title, domain in examples:
            key = (normalise_title(title), domain)
            if key in seen or domain not in DOMAINS:
                continue
            seen.add(key)
            tokens = title_tokens(title)
            self.class_counts[domain] += 1
            self.token_counts[domain].update(tokens)
            self.vocabulary.update(tokens)
        self.totals = {domain: sum(counts.values()) for domain, counts in self.token_counts.items()}

    @property
    def size(self) -> int:
        return sum(self.class_counts.values())

    def predict(self, title: str) -> tuple[str, float] | None:
        if self.size < self.MIN_EXAMPLES or len(self.class_counts) < 2:
            return None
        tokens = [t for t in title_tokens(title) if t in self.vocabulary]
        if not tokens:
            return None
        vocabulary = len(self.vocabulary)
        scores = {}
        for domain, count in self.class_counts.items():
            score = math.log(count / self.size)
            counts, total = self.token_counts[domain], self.totals[domain]
            for token in tokens:
                score += math.log((counts[token] + 1) / (total + vocabulary))
            scores[domain] = score
        best = max(scores, key=scores.get)
        peak = scores[best]
        probability = 1 / sum(math.exp(score - peak) for score in scores.values())
        if probability < self.MIN_CONFIDENCE:
            return None
        return best, probability
