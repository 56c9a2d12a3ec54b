"""The corpus statistics and version rows of the search, in plain SQL (same on SQLite and
PostgreSQL). Candidates and scores come from the in-memory index (search.lexical), so results
agree across backends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.db import connection

# Rows of kennis_search_stat that are versions, not statistics (search.vectors, search.lexical).
VECTORS_VERSION = "vectors_version"
LEXICAL_VERSION = "lexical_version"
LEXICAL_DOCUMENT = "lexical_document:"
_NOT_STATISTICS = (
    f"name <> '{VECTORS_VERSION}' AND name <> '{LEXICAL_VERSION}' "
    f"AND name NOT LIKE '{LEXICAL_DOCUMENT}%'"
)


def statistics_clear() -> None:
    """Empty the term statistics (the versions stay: see _NOT_STATISTICS)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM kennis_search_term")
        cursor.execute(f"DELETE FROM kennis_search_stat WHERE {_NOT_STATISTICS}")


def term_units_add(counts: Mapping[str, int], sign: int) -> None:
    """Add (sign=1) or subtract (sign=-1) per-term unit counts."""
    if not counts:
        return
    # Sorted, so that concurrent ingestions lock rows in the same order (no deadlocks).
    rows = [(term, sign * count) for term, count in sorted(counts.items())]
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO kennis_search_term (term, units) VALUES (%s, %s) "
            "ON CONFLICT (term) DO UPDATE SET units = kennis_search_term.units + excluded.units",
            rows,
        )
        if sign < 0:
            cursor.execute("DELETE FROM kennis_search_term WHERE units <= 0")


def stats_add(values: Mapping[str, int]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO kennis_search_stat (name, value) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET value = kennis_search_stat.value + excluded.value",
            sorted(values.items()),
        )


def stats_set(values: Mapping[str, int]) -> None:
    """Set rows of the statistics table (versions) to these values."""
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO kennis_search_stat (name, value) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            sorted(values.items()),
        )


def stats_delete(names: Sequence[str]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM kennis_search_stat WHERE name = %s", [[n] for n in names])


def stats_read() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, value FROM kennis_search_stat WHERE {_NOT_STATISTICS}")
        return {name: int(value) for name, value in cursor.fetchall()}


def term_units_read(terms: Iterable[str]) -> dict[str, int]:
    terms = sorted(set(terms))
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT term, units FROM kennis_search_term WHERE term IN ({marks})", chunk
            )
            found.update({term: int(units) for term, units in cursor.fetchall()})
    return found
