"""Reflectie's own access log moves into the platform's audit trail: existing lines are copied
there (same reader, entry and moment in time) before the old table goes."""

from django.db import migrations


def copy_to_audit(apps, schema_editor):
    Toegang = apps.get_model("reflectie", "Toegang")
    AuditEntry = apps.get_model("core", "AuditEntry")
    for row in Toegang.objects.all().iterator():
        entry = AuditEntry.objects.create(
            actor_id=row.lezer_id,
            actor_name=row.lezer_naam[:150],
            subject_id=row.owner_id,
            kind="read",
            resource="reflectie",
            object_label=row.moment_omschrijving[:300],
            object_id=str(row.moment_id or ""),
        )
        # auto_now_add stamped the copy with today; keep when the read really happened.
        AuditEntry.objects.filter(pk=entry.pk).update(at=row.tijdstip)


class Migration(migrations.Migration):
    dependencies = [
        ("reflectie", "0002_oefening_ritme"),
        ("core", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(copy_to_audit, migrations.RunPython.noop),
        migrations.DeleteModel(name="Toegang"),
    ]
