"""Writes on accounts and roles. Each takes the acting user (`actor`); None is the command line,
run by someone with access to the server."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from spil.core.access import SCOPED_ROLES, SINGLE_USER_ROLES, Role, can, forget_roles
from spil.core.audit import audit_record
from spil.core.models import AuditEntry, RoleAssignment

from .models import User


def _require(actor, action: str, resource: str) -> None:
    if actor is not None and not can(actor, action, resource):
        raise PermissionDenied(f"Geen toegang: {resource} ({action}).")


def role_group(role: str) -> Group:
    Role(role)  # a ValueError for a name that is no role
    group, _created = Group.objects.get_or_create(name=role)
    return group


@transaction.atomic
def user_create_local(*, username: str, password: str, display_name: str = "") -> tuple[User, bool]:
    """Create the local account, or reset its password when it already exists.

    The local account is the one person of a single-user Spil: secretaris, functioneel
    beheerder and bibliotheekbeheerder at once.
    """
    user, created = User.objects.get_or_create(
        username=username, defaults={"display_name": display_name}
    )
    user.set_password(password)
    if display_name:
        user.display_name = display_name
    user.save()
    roles_single_user_ensure(user=user)
    return user, created


def roles_single_user_ensure(*, user: User) -> None:
    for role in SINGLE_USER_ROLES:
        RoleAssignment.objects.get_or_create(
            user=user, group=role_group(role), content_type=None, object_id=None
        )
    forget_roles(user)


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    display_name: str = "",
    email: str = "",
    roles: tuple[str, ...] = (),
) -> User:
    """A new account (functioneel beheerder or command line). ValidationError in Dutch on bad
    input; nothing is stored then."""
    _require(actor, "add", "accounts.account")
    username = username.strip()
    if not username:
        raise ValidationError("Geef een gebruikersnaam op.")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"De gebruikersnaam '{username}' bestaat al.")
    for role in roles:
        if role not in Role.values:
            raise ValidationError(f"'{role}' is geen rol. Kies uit: {', '.join(Role.values)}.")
        if role in SCOPED_ROLES:
            raise ValidationError(
                f"De rol '{role}' geldt voor één persoon; ken die toe met 'spil gebruiker rol'."
            )
    candidate = User(username=username, display_name=display_name, email=email)
    validate_password(password, user=candidate)
    candidate.set_password(password)
    candidate.save()
    audit_record(
        actor=actor,
        kind=AuditEntry.Kind.ACCOUNT,
        resource="accounts.account",
        label=f"account '{username}' aangemaakt",
        object_id=candidate.pk,
        subject=candidate,
    )
    for role in roles:
        role_grant(actor=actor, user=candidate, role=role)
    return candidate


@transaction.atomic
def user_set_active(*, actor: User | None, user: User, active: bool) -> User:
    """(De)activate an account: a deactivated user cannot log in; their data stays."""
    _require(actor, "change", "accounts.account")
    if actor is not None and actor.pk == user.pk and not active:
        raise ValidationError("Je kunt je eigen account niet deactiveren.")
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        _sessions_end(user=user)
    audit_record(
        actor=actor,
        kind=AuditEntry.Kind.ACCOUNT,
        resource="accounts.account",
        label=f"account '{user.username}' {'geactiveerd' if active else 'gedeactiveerd'}",
        object_id=user.pk,
        subject=user,
    )
    return user


def _sessions_end(*, user: User) -> None:
    """Log a deactivated user out everywhere (database sessions)."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def _scope_label(scope_object) -> str:
    return "" if scope_object is None else f" voor {scope_object}"


@transaction.atomic
def role_grant(*, actor: User | None, user: User, role: str, scope_object=None) -> RoleAssignment:
    """Give `user` the role, everywhere or (with scope_object) for that one object."""
    if role not in Role.values:
        raise ValidationError(f"'{role}' is geen rol. Kies uit: {', '.join(Role.values)}.")
    if role == Role.GEDELEGEERDE:
        if not isinstance(scope_object, User):
            raise ValidationError("Een gedelegeerde handelt namens één secretaris; noem die.")
        if scope_object.pk == user.pk:
            raise ValidationError("Iemand kan niet zijn eigen gedelegeerde zijn.")
        own = actor is not None and actor.pk == scope_object.pk
        if not own:
            _require(actor, "add", "accounts.delegatie")
        elif not can(actor, "add", "accounts.delegatie", scope="own"):
            raise PermissionDenied("Alleen een secretaris kan een gedelegeerde aanwijzen.")
    else:
        _require(actor, "add", "accounts.rollen")
    content_type = ContentType.objects.get_for_model(scope_object) if scope_object else None
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user,
        group=role_group(role),
        content_type=content_type,
        object_id=scope_object.pk if scope_object is not None else None,
        defaults={"granted_by": actor},
    )
    if created:
        audit_record(
            actor=actor,
            kind=AuditEntry.Kind.ROLE,
            resource="accounts.rollen",
            label=f"rol {Role(role).label} toegekend aan '{user.username}'"
            + _scope_label(scope_object),
            object_id=assignment.pk,
            subject=user,
        )
    forget_roles(user)
    return assignment


@transaction.atomic
def role_revoke(*, actor: User | None, assignment: RoleAssignment) -> None:
    resource = (
        "accounts.delegatie" if assignment.group.name == Role.GEDELEGEERDE else "accounts.rollen"
    )
    own_delegate = (
        actor is not None
        and resource == "accounts.delegatie"
        and assignment.object_id == actor.pk
        and can(actor, "delete", resource, scope="own")
    )
    if not own_delegate:
        _require(actor, "delete", resource)
    user = assignment.user
    if (
        assignment.group.name == Role.FUNCTIONEEL_BEHEERDER
        and assignment.content_type_id is None
        and not RoleAssignment.objects.filter(
            group__name=Role.FUNCTIONEEL_BEHEERDER, content_type__isnull=True, user__is_active=True
        )
        .exclude(pk=assignment.pk)
        .exists()
    ):
        raise ValidationError(
            "Dit is de laatste functioneel beheerder; wijs eerst iemand anders aan."
        )
    label = f"rol {assignment.role_label} ingetrokken bij '{user.username}'" + _scope_label(
        assignment.scope_object
    )
    assignment_id = assignment.pk
    assignment.delete()
    audit_record(
        actor=actor,
        kind=AuditEntry.Kind.ROLE,
        resource=resource,
        label=label,
        object_id=assignment_id,
        subject=user,
    )
    forget_roles(user)
