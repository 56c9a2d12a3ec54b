"""The accounts part of the AVG export and account removal: profile, roles and audit trail."""

from __future__ import annotations

from spil.core.avg import rows
from spil.core.models import AuditEntry, RoleAssignment
from spil.core.registry import AvgProvider

from .models import User

PROFILE_FIELDS_EXCLUDED = ("password",)


def export(*, user) -> dict:
    return {
        "accounts.user": rows(User.objects.filter(pk=user.pk), exclude=PROFILE_FIELDS_EXCLUDED),
        "core.roleassignment": rows(RoleAssignment.objects.filter(user=user)),
        "core.auditentry": rows(AuditEntry.objects.filter(subject=user)),
    }


def delete(*, user) -> None:
    RoleAssignment.objects.filter(user=user).delete()
    # Lines about this person go with them; lines about what they did to others stay (the
    # actor becomes empty, the name is kept).
    AuditEntry.objects.filter(subject=user).delete()


PROVIDER = AvgProvider(
    label="Account, rollen en logboek",
    models=("accounts.user", "core.roleassignment", "core.auditentry"),
    export=export,
    delete=delete,
)
