"""Dutch text analysis for the kennisbank search. Pure Python: nothing here imports Django."""

from spil.kennis.analysis.analyser import (
    QueryTerm,
    analyse,
    analyse_query,
    content_tokens,
    document_vocabulary,
    query_lookup_stems,
    word_terms,
)

__all__ = [
    "QueryTerm",
    "analyse",
    "analyse_query",
    "content_tokens",
    "document_vocabulary",
    "query_lookup_stems",
    "word_terms",
]
