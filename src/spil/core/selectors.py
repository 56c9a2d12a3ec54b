"""Reads of the platform layer: roles and the audit trail."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from spil.core.models import AuditEntry, RoleAssignment


def audit_for_subject(
    *, user, resource: str | None = None, limit: int = 500
) -> QuerySet[AuditEntry]:
    """What others did with this user's data, newest first ("Wie zag mijn gegevens"),
    optionally for one resource only (an app's own access log)."""
    entries = (
        AuditEntry.objects.visible_to(user)
        .filter(subject=user)
        .filter(Q(actor__isnull=True) | ~Q(actor=user))
    )
    if resource is not None:
        entries = entries.filter(resource=resource)
    return entries.order_by("-at", "-id")[:limit]


def role_assignments_for(*, user, viewer) -> QuerySet[RoleAssignment]:
    """The roles of `user` as far as `viewer` may see them."""
    return (
        RoleAssignment.objects.visible_to(viewer)
        .filter(user=user)
        .select_related("group", "content_type")
        .order_by("group__name", "id")
    )
