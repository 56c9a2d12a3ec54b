"""The analysed shadow text of a unit, as stored in Unit.index_title/index_tips/index_body.

Pure Python. Layout (one line per item, terms separated by single spaces):
- index_title: line 1 the unit's own title, line 2 the titles of the sections above it;
- index_tips: one line per tip, in passage order;
- index_body: one line per other passage (paragraph, table row, footnote), in passage order.
Lines stay aligned with passages (an empty line for a passage without content words), so
the reranker can point at the best passage without analysing text again at query time.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from spil.kennis.analysis import analyse

PATH_SEPARATOR = " > "

# (index_title, index_tips, index_body) as stored on the unit.
ShadowColumns = tuple[str, str, str]


@dataclass(frozen=True)
class ShadowFields:
    title: tuple[str, ...]
    path: tuple[str, ...]
    tips: tuple[tuple[str, ...], ...]
    body: tuple[tuple[str, ...], ...]


def ancestor_titles(title: str, heading_path: str) -> list[str]:
    """The headings above a unit: its heading path without its own title at the end."""
    parts = [part.strip() for part in heading_path.split(PATH_SEPARATOR) if part.strip()]
    if parts and (parts[-1] == title.strip() or parts[-1].endswith(title.strip())):
        parts = parts[:-1]
    return parts


def shadow_columns(
    *,
    title: str,
    heading_path: str,
    tips: Sequence[str],
    body: Sequence[str],
    vocabulary: Container[str],
) -> tuple[str, str, str]:
    """(index_title, index_tips, index_body) for one unit."""
    index_title = shadow_title(title=title, heading_path=heading_path, vocabulary=vocabulary)
    index_tips = "\n".join(shadow_lines(tips, vocabulary))
    index_body = "\n".join(shadow_lines(body, vocabulary))
    return index_title, index_tips, index_body


def shadow_title(*, title: str, heading_path: str, vocabulary: Container[str]) -> str:
    """The index_title column: the unit's own title, then the titles above it."""
    ancestors = " ".join(ancestor_titles(title, heading_path))
    return " ".join(analyse(title, vocabulary)) + "\n" + " ".join(analyse(ancestors, vocabulary))


def shadow_lines(texts: Sequence[str], vocabulary: Container[str]) -> list[str]:
    """One analysed line per text (tips, keywords or body passages), joined by "\\n" in a
    column."""
    return [" ".join(analyse(text, vocabulary)) for text in texts]


def _lines(column: str) -> tuple[tuple[str, ...], ...]:
    if not column:
        return ()
    return tuple(tuple(line.split()) for line in column.split("\n"))


def parse_shadow(index_title: str, index_tips: str, index_body: str) -> ShadowFields:
    title_lines = index_title.split("\n", 1)
    return ShadowFields(
        title=tuple(title_lines[0].split()),
        path=tuple(title_lines[1].split()) if len(title_lines) > 1 else (),
        tips=_lines(index_tips),
        body=_lines(index_body),
    )


def shadow_terms(fields: ShadowFields) -> set[str]:
    """Distinct terms of a unit (for the per-term unit counts)."""
    terms = set(fields.title) | set(fields.path)
    for line in fields.tips + fields.body:
        terms.update(line)
    return terms
