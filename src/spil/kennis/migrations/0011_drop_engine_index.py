"""The database full-text engine (FTS5 on SQLite, tsvector + GIN on PostgreSQL) is gone:
search scores every matching unit from the in-memory lexical index (kennis.search.lexical),
built from the units' analysed columns. The term statistics tables stay (the index and
"Bedoelde je …?" read them). Going back recreates the empty structures; `spil herindexeer`
then fills them."""

from django.db import migrations


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS kennis_unit_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS kennis_search_title")
        schema_editor.execute("DROP INDEX IF EXISTS kennis_unit_search_vector_gin")


def recreate(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE kennis_unit_fts USING fts5("
            "index_title, index_tips, index_body, tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE TABLE kennis_search_title (unit_id BIGINT PRIMARY KEY, vector TSVECTOR NOT NULL)"
        )
        schema_editor.execute(
            "CREATE INDEX kennis_search_title_gin ON kennis_search_title USING gin (vector)"
        )


def recreate_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX kennis_unit_search_vector_gin ON kennis_unit USING gin (search_vector)"
        )


class Migration(migrations.Migration):
    dependencies = [("kennis", "0010_merge")]

    operations = [
        migrations.RunPython(drop, recreate),
        migrations.RunPython(migrations.RunPython.noop, recreate_gin),
        migrations.RemoveField(model_name="unit", name="search_vector"),
    ]
