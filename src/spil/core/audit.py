"""Writing the audit trail: reads and changes of someone's data by another person, role changes
and publications. Apps call these from their services and selectors."""

from __future__ import annotations

from collections.abc import Iterable

from spil.core.models import AuditEntry

SYSTEM_NAME = "opdrachtregel (beheer)"


def _actor_name(actor) -> str:
    if actor is None:
        return SYSTEM_NAME
    return str(actor)[:150]


def audit_record(
    *,
    actor,
    kind: str,
    resource: str,
    label: str,
    object_id: object = "",
    subject=None,
) -> AuditEntry:
    """Append one line. `actor` None is the command line (someone with access to the server)."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=_actor_name(actor),
        subject=subject,
        kind=kind,
        resource=resource,
        object_label=str(label)[:300],
        object_id=str(object_id)[:64],
    )


def audit_reads(*, actor, resource: str, objects: Iterable, owner_attr: str = "owner") -> int:
    """Log a read of each object that belongs to someone other than the actor."""
    entries = []
    for obj in objects:
        owner = getattr(obj, owner_attr, None) if owner_attr != "self" else obj
        if owner is None or (actor is not None and owner.pk == actor.pk):
            continue
        entries.append(
            AuditEntry(
                actor=actor,
                actor_name=_actor_name(actor),
                subject=owner,
                kind=AuditEntry.Kind.READ,
                resource=resource,
                object_label=str(obj)[:300],
                object_id=str(obj.pk)[:64],
            )
        )
    AuditEntry.objects.bulk_create(entries)
    return len(entries)
