"""What differs per database: the full-text index (FTS5 or tsvector) and its candidate query.

Everything else (analysis, statistics, ranking) is shared, so results agree across backends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.db import connection

# Title over tips over body, for the engine's own first ranking of candidates.
FTS5_WEIGHTS = (4.0, 1.5, 1.0)
# ts_rank weights in PostgreSQL's order {D, C, B, A}: body C, tips B, title A.
TSRANK_WEIGHTS = "{0.05, 0.3, 0.5, 1.0}"
# Rows of kennis_search_stat that are versions, not statistics (search.vectors, search.lexical).
VECTORS_VERSION = "vectors_version"
LEXICAL_VERSION = "lexical_version"
LEXICAL_DOCUMENT = "lexical_document:"
_NOT_STATISTICS = (
    f"name <> '{VECTORS_VERSION}' AND name <> '{LEXICAL_VERSION}' "
    f"AND name NOT LIKE '{LEXICAL_DOCUMENT}%'"
)


def _vendor() -> str:
    return connection.vendor


def engine_store(rows: Sequence[tuple[int, str, str, str]]) -> None:
    """(Re)index units given as (id, index_title, index_tips, index_body)."""
    if not rows:
        return
    ids = [row[0] for row in rows]
    with connection.cursor() as cursor:
        if _vendor() == "sqlite":
            _sqlite_delete(cursor, ids)
            cursor.executemany(
                "INSERT INTO kennis_unit_fts (rowid, index_title, index_tips, index_body) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )
        elif _vendor() == "postgresql":
            cursor.execute(
                "UPDATE kennis_unit SET search_vector = "
                "setweight(to_tsvector('simple', index_title), 'A') || "
                "setweight(to_tsvector('simple', index_tips), 'B') || "
                "setweight(to_tsvector('simple', index_body), 'C') "
                "WHERE id = ANY(%s)",
                [ids],
            )
            cursor.execute(
                "INSERT INTO kennis_search_title (unit_id, vector) "
                "SELECT id, to_tsvector('simple', index_title) FROM kennis_unit "
                "WHERE id = ANY(%s) "
                "ON CONFLICT (unit_id) DO UPDATE SET vector = excluded.vector",
                [ids],
            )


def engine_remove(ids: Sequence[int]) -> None:
    if not ids:
        return
    with connection.cursor() as cursor:
        if _vendor() == "sqlite":
            _sqlite_delete(cursor, ids)
        elif _vendor() == "postgresql":
            cursor.execute(
                "UPDATE kennis_unit SET search_vector = NULL WHERE id = ANY(%s)", [list(ids)]
            )
            cursor.execute("DELETE FROM kennis_search_title WHERE unit_id = ANY(%s)", [list(ids)])


def engine_clear() -> None:
    """Empty the full-text index and the term statistics."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM kennis_search_term")
        # The versions stay, so that no process mistakes new vectors or index for old.
        cursor.execute(f"DELETE FROM kennis_search_stat WHERE {_NOT_STATISTICS}")
        if _vendor() == "sqlite":
            cursor.execute("DELETE FROM kennis_unit_fts")
        elif _vendor() == "postgresql":
            cursor.execute("UPDATE kennis_unit SET search_vector = NULL")
            cursor.execute("DELETE FROM kennis_search_title")


def _sqlite_delete(cursor, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"DELETE FROM kennis_unit_fts WHERE rowid IN ({marks})", chunk)


def engine_candidates(
    terms: Sequence[str],
    *,
    limit: int,
    unit_filter: tuple[str, list[int]] | None = None,
    title_only: bool = False,
    pairs: Sequence[tuple[str, str]] = (),
) -> list[int]:
    """Ids of units matching any of `terms`, best first by the engine's own ranking.

    `unit_filter` is ("document_id" | "section_id", ids) to search within part of the library;
    `title_only` looks at the title column (title and heading path) only; with `pairs`, a
    unit must contain both terms of at least one pair (and `terms` is ignored).
    """
    if not terms and not pairs:
        return []
    where, params = "", []
    if unit_filter is not None:
        column, values = unit_filter
        if not values:
            return []
        assert column in ("document_id", "section_id")
        where = f" AND u.{column} IN ({', '.join(['%s'] * len(values))})"
        params = list(values)
    with connection.cursor() as cursor:
        if _vendor() == "sqlite":
            if pairs:
                match = " OR ".join(f'("{a}" AND "{b}")' for a, b in pairs)
            else:
                match = " OR ".join(f'"{term}"' for term in terms)
            if title_only:
                match = f"index_title : ({match})"
            weights = ", ".join(str(w) for w in FTS5_WEIGHTS)
            cursor.execute(
                "SELECT f.rowid FROM kennis_unit_fts f JOIN kennis_unit u ON u.id = f.rowid "
                f"WHERE kennis_unit_fts MATCH %s{where} "
                f"ORDER BY bm25(kennis_unit_fts, {weights}) LIMIT %s",
                [match, *params, limit],
            )
        elif title_only:
            # ts_rank, not ts_rank_cd: many titles can match a common word, and cover density
            # costs several times more per row while titles are too short to profit from it.
            join = " JOIN kennis_unit u ON u.id = t.unit_id" if where else ""
            cursor.execute(
                f"SELECT t.unit_id FROM kennis_search_title t{join}, "
                "to_tsquery('simple', %s) q "
                f"WHERE t.vector @@ q{where} "
                "ORDER BY ts_rank(t.vector, q) DESC, t.unit_id LIMIT %s",
                [" | ".join(terms), *params, limit],
            )
        else:
            cursor.execute(
                "SELECT u.id FROM kennis_unit u, to_tsquery('simple', %s) q "
                f"WHERE u.search_vector @@ q{where} "
                f"ORDER BY ts_rank('{TSRANK_WEIGHTS}', u.search_vector, q) DESC, u.id "
                "LIMIT %s",
                [
                    " | ".join(f"({a} & {b})" for a, b in pairs) if pairs else " | ".join(terms),
                    *params,
                    limit,
                ],
            )
        return [row[0] for row in cursor.fetchall()]


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
