"""PostgreSQL: a small title-only tsvector per unit, so that looking up common question words
in titles does not have to read every unit's full vector. Nothing to do on SQLite (FTS5
filters on its title column directly). No foreign key on purpose: Django's test flush
truncates kennis_unit, and the index code removes these rows itself."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE TABLE kennis_search_title (unit_id BIGINT PRIMARY KEY, vector TSVECTOR NOT NULL)"
    )
    schema_editor.execute(
        "CREATE INDEX kennis_search_title_gin ON kennis_search_title USING gin (vector)"
    )
    schema_editor.execute(
        "INSERT INTO kennis_search_title (unit_id, vector) "
        "SELECT id, to_tsvector('simple', index_title) FROM kennis_unit "
        "WHERE search_vector IS NOT NULL"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE kennis_search_title")


class Migration(migrations.Migration):
    dependencies = [("kennis", "0003_search_index")]

    operations = [migrations.RunPython(create, drop)]
