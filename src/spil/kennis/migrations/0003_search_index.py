"""Search index: term statistics (both backends), FTS5 on SQLite, GIN on PostgreSQL.

The index tables are maintained by spil.kennis.search.indexing, not by Django models.
"""

from django.db import migrations

COMMON = [
    # Number of units containing each index term: idf for the reranker, and the vocabulary
    # compound splitting of questions checks against. Same numbers on every backend.
    "CREATE TABLE kennis_search_term (term VARCHAR(200) PRIMARY KEY, units INTEGER NOT NULL)",
    # Corpus totals: unit count and summed field lengths (for BM25 length normalisation).
    "CREATE TABLE kennis_search_stat (name VARCHAR(50) PRIMARY KEY, value BIGINT NOT NULL)",
]
SQLITE = [
    "CREATE VIRTUAL TABLE kennis_unit_fts USING fts5("
    "index_title, index_tips, index_body, tokenize = 'unicode61 remove_diacritics 0')",
]
POSTGRESQL = [
    "CREATE INDEX kennis_unit_search_vector_gin ON kennis_unit USING gin (search_vector)",
]
DROP = {
    "common": ["DROP TABLE kennis_search_stat", "DROP TABLE kennis_search_term"],
    "sqlite": ["DROP TABLE kennis_unit_fts"],
    "postgresql": ["DROP INDEX kennis_unit_search_vector_gin"],
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = COMMON + {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in DROP.get(vendor, []) + DROP["common"]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("kennis", "0002_uploads_visits")]

    operations = [migrations.RunPython(create, drop)]
