"""Stand-ins for the embedding model: most search tests need no vectors at all, and those
about the mechanics use a tiny deterministic model instead of the real one."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from spil.kennis.search import embedding, vectors


class WordHashModel:
    """A fake embedder: the normalised sum of one pseudo-random vector per word."""

    dim = embedding.DIMENSIONS

    def encode(self, texts, is_query=False):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                seed = int.from_bytes(hashlib.sha256(word.strip(".,?!").encode()).digest()[:4])
                out[row] += np.random.default_rng(seed).standard_normal(self.dim)
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out


@pytest.fixture
def fake_model():
    model = WordHashModel()
    embedding.reset_for_tests(model)
    vectors.cache_clear()
    yield model
    embedding.reset_for_tests(loaded=False)
    vectors.cache_clear()
