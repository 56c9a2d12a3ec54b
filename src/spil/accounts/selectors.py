"""Reads of accounts, scoped by the viewer; a read of someone else's account is logged."""

from __future__ import annotations

from django.db.models import QuerySet

from spil.core.audit import audit_reads

from .models import User


def user_list(*, viewer) -> QuerySet[User]:
    """The accounts the viewer may see (a functioneel beheerder: all; others: their own)."""
    return (
        User.objects.visible_to(viewer)
        .prefetch_related("role_assignments__group")
        .order_by("username")
    )


def user_get(*, viewer, user_id: int, action: str = "view") -> User | None:
    """One account if the viewer may see it (None: a 404); a read by another person is logged."""
    user = User.objects.visible_to(viewer, action).filter(pk=user_id).first()
    if user is not None:
        audit_reads(actor=viewer, resource="accounts.account", objects=[user], owner_attr="self")
    return user


def user_by_username(*, username: str) -> User | None:
    """For the command line (run by someone with access to the server)."""
    return User.objects.filter(username=username).first()
