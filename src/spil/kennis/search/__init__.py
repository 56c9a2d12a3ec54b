"""Dutch search over the kennisbank.

Public API (stable; the web UI and the CLI use only this):

    from spil.kennis.search import unit_search, unit_related, SearchHit

    hits = unit_search(query="de wethouder houdt een advies tegen", top=10,
                       document_ids=None, section_ids=None, user=request.user)
    for hit in hits:
        hit.unit            # kennis.Unit, with hit.unit.document loaded
        hit.score           # float, higher is better (comparable within one query only)
        hit.snippet         # best passage, cropped, matches between **  (plain text)
        hit.snippet_html    # the same as escaped HTML with <mark> (SafeString)
        hit.passages        # up to 3 HitPassage, best first: id, kind, page, text,
                            # spans (offsets of matched words in text), excerpt, excerpt_html

    hits.correction     # spelling.Correction when unknown words were replaced ("Bedoelde
                        # je …?"), else None; correct_spelling=False searches as typed

    related = unit_related(unit=some_unit, top=5, user=request.user)   # "zie ook"

    answer = unit_search_answer(query=..., mode="hybride")   # same arguments, plus:
    answer.hits                 # as unit_search
    answer.confident            # False: the library has no theme about this (nearest only)
    answer.semantic             # whether meaning (passage vectors) took part

Search blends the lexical ranking with passage vectors (`vectors`, `embedding`, `blending`)
for documents whose vectors are ready; without a model it is lexical only.

`user` limits the search to what that user may see: the shared library plus their own private
uploads (without a user, e.g. on the command line: the shared library only).
`document_ids` restricts the search to those documents, `section_ids` to the units under
those sections (both: the intersection). Indexing is done by ingestion through
`spil.kennis.search.indexing.document_index` / `document_unindex`.

How it works: the question goes through the same analyser as the documents
(`spil.kennis.analysis`), expanded with compound parts and synonyms at lower weight. Every
unit that contains one of its terms is scored by the in-memory index of the process
(`lexical`, `lexical_index`; the formula is that of `ranking`, BM25F per idea plus coverage,
best passage and title evidence) from the analysed text and Spil's own term statistics, so
SQLite and PostgreSQL give the same order.
"""

from spil.kennis.search.querying import (
    HitPassage,
    SearchAnswer,
    SearchHit,
    SearchHits,
    unit_related,
    unit_search,
    unit_search_answer,
)

__all__ = [
    "HitPassage",
    "SearchAnswer",
    "SearchHit",
    "SearchHits",
    "unit_related",
    "unit_search",
    "unit_search_answer",
]
