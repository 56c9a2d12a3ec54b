"""The index analysis of a document's units, without the database.

Pure Python. Indexing (search.indexing) is two steps: this analysis, which takes nearly all
the time, and a short write of its results. Ingestion runs the analysis on the extracted
structure before it opens its transaction, so that on SQLite (one writer for the whole
database) the write lock is held only for the writes.

Keywords people added to a unit are the one input that depends on the unit's id, which a new
version gets only inside the transaction; they are analysed in the write step
(`DocumentAnalysis.keyword_lines`) with the document's vocabulary and appended to the tips, as
`shadow_columns` would have.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spil.kennis.analysis import document_vocabulary
from spil.kennis.extraction.back_matter import unit_role
from spil.kennis.search.highlight import word_index
from spil.kennis.search.shadow import shadow_lines, shadow_title

# Passages of this kind go to the tips column; all others to the body.
TIP_KIND = "tip"


@dataclass(frozen=True)
class UnitText:
    """What the analysis reads of one unit: its title, heading path (titles joined by " > ")
    and its passages as (kind, text) in order."""

    title: str
    heading_path: str
    passages: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class UnitAnalysis:
    index_title: str
    tip_lines: tuple[str, ...]  # one analysed line per tip passage
    index_body: str
    role: str
    passage_words: tuple[str, ...]  # Passage.index_words, one per passage in order

    def index_tips(self, keyword_lines: Sequence[str] = ()) -> str:
        """The index_tips column: the tips, then the unit's keywords (one line each)."""
        return "\n".join((*self.tip_lines, *keyword_lines))


@dataclass(frozen=True)
class DocumentAnalysis:
    vocabulary: frozenset[str]
    units: tuple[UnitAnalysis, ...]  # in the order of the UnitTexts given

    def keyword_lines(self, keywords: Sequence[str]) -> list[str]:
        return shadow_lines(keywords, self.vocabulary)


def document_analyse(units: Sequence[UnitText]) -> DocumentAnalysis:
    """Analyse all units of one document (their vocabulary is the document's)."""
    vocabulary = document_vocabulary(
        [unit.title for unit in units] + [text for unit in units for _kind, text in unit.passages]
    )
    analyses = []
    for unit in units:
        tips = [text for kind, text in unit.passages if kind == TIP_KIND]
        body = [text for kind, text in unit.passages if kind != TIP_KIND]
        texts = [text for _kind, text in unit.passages]
        analyses.append(
            UnitAnalysis(
                index_title=shadow_title(
                    title=unit.title, heading_path=unit.heading_path, vocabulary=vocabulary
                ),
                tip_lines=tuple(shadow_lines(tips, vocabulary)),
                index_body="\n".join(shadow_lines(body, vocabulary)),
                role=unit_role(title=unit.title, heading_path=unit.heading_path, passages=texts),
                passage_words=tuple(word_index(text, vocabulary) for text in texts),
            )
        )
    return DocumentAnalysis(vocabulary=vocabulary, units=tuple(analyses))
