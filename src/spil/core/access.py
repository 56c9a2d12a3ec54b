"""The access policy of Spil, in one place: roles × resources × actions.

Every decision about who may see or do what is read from `MATRIX`. A cell says, for one role,
one resource and one action, which rows the role reaches (`Scope`):

- OWN: the rows the user owns;
- DELEGATED: the rows of the people who made the user their gedelegeerde;
- ASSIGNED: the rows the user holds the role for (a RoleAssignment with that object);
- ALL: every row of the resource.

`EVERYONE` is the base every active, logged-in user has: their own personal data. Roles add to
it, never take away. Querysets answer "what may this user see" with `visible_q`, through
`AccessQuerySet.visible_to(user)`; Django permissions that navigation and views ask for are
mapped onto the matrix in `PERMISSIONS` and answered by `spil.core.backends`.

An app that adds a resource adds its rows here (and its models to `Resource.models`); the
generated matrix test then covers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Role(models.TextChoices):
    SECRETARIS = "secretaris", "secretaris"
    GEDELEGEERDE = "gedelegeerde", "gedelegeerde (namens een secretaris)"
    KANDIDAAT = "kandidaat", "kandidaat"
    PROGRAMMALEIDER = "programmaleider", "programmaleider"
    COACH = "coach", "coach"
    DOCENT = "docent", "docent"
    STAGESECRETARIS = "stagesecretaris", "stagesecretaris"
    SELECTIECOMMISSIELID = "selectiecommissielid", "lid selectiecommissie"
    BIBLIOTHEEKBEHEERDER = "bibliotheekbeheerder", "bibliotheekbeheerder"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "functioneel beheerder"


# The roles `spil init` gives the one local account, so a single person can do everything.
SINGLE_USER_ROLES = (Role.SECRETARIS, Role.FUNCTIONEEL_BEHEERDER, Role.BIBLIOTHEEKBEHEERDER)

# Roles that only mean something for one object (a gedelegeerde acts for one secretaris).
SCOPED_ROLES = {Role.GEDELEGEERDE: "accounts.user"}

EVERYONE = "ingelogd"


class Action(models.TextChoices):
    VIEW = "view", "bekijken"
    ADD = "add", "toevoegen"
    CHANGE = "change", "wijzigen"
    DELETE = "delete", "verwijderen"


class Scope(models.TextChoices):
    OWN = "own", "eigen gegevens"
    DELEGATED = "delegated", "van wie jou machtigde"
    ASSIGNED = "assigned", "waarvoor je bent aangewezen"
    ALL = "all", "alles"


@dataclass(frozen=True)
class Resource:
    key: str
    label: str
    # "app_label.modelname" (lower case) of the rows this resource covers.
    models: tuple[str, ...]
    # The field naming the user a row belongs to ("pk": the row is the user).
    owner_field: str = "owner"
    # Rows of the models that belong to this resource (e.g. shared vs private documents).
    subset: Q | None = None
    personal: bool = True


RESOURCES: dict[str, Resource] = {
    r.key: r
    for r in (
        Resource(
            "kennis.bibliotheek",
            "gedeelde bibliotheek",
            ("kennis.document",),
            subset=Q(owner__isnull=True),
            personal=False,
        ),
        Resource(
            "kennis.eigen_documenten",
            "eigen documenten (privé-uploads)",
            ("kennis.document",),
            subset=Q(owner__isnull=False),
        ),
        Resource("kennis.uploads", "aangeboden bestanden", ("kennis.upload",)),
        Resource("kennis.leesgeschiedenis", "leesgeschiedenis", ("kennis.unitvisit",)),
        Resource(
            "kennis.zoekbeheer",
            "zoekbeheer (trefwoorden bij thema's, synoniemen)",
            ("kennis.unitkeyword", "kennis.synonymgroup"),
            personal=False,
        ),
        Resource(
            "kennis.zoekreacties",
            "reacties op zoekresultaten en zoekvragen zonder resultaat",
            ("kennis.searchfeedback", "kennis.searchmiss"),
        ),
        Resource(
            "agenda.agenda",
            "agenda",
            (
                "agenda.agendabron",
                "agenda.importbatch",
                "agenda.afspraak",
                "agenda.correctie",
                "agenda.agendainstellingen",
            ),
        ),
        Resource("accounts.account", "gebruikersaccount", ("accounts.user",), owner_field="pk"),
        Resource(
            "accounts.rollen",
            "rollen",
            ("core.roleassignment",),
            owner_field="user",
            subset=~Q(group__name=Role.GEDELEGEERDE),
        ),
        Resource(
            "accounts.delegatie",
            "gedelegeerden",
            ("core.roleassignment",),
            owner_field="object_id",
            subset=Q(group__name=Role.GEDELEGEERDE),
        ),
        Resource(
            "core.logboek", "logboek (wie zag mijn gegevens)", ("core.auditentry",), "subject"
        ),
    )
}

VIEW, ADD, CHANGE, DELETE = Action.VIEW, Action.ADD, Action.CHANGE, Action.DELETE
ALL_ACTIONS = (VIEW, ADD, CHANGE, DELETE)


def _cells(scope: Scope, *actions: Action) -> dict[str, Scope]:
    return {action: scope for action in (actions or ALL_ACTIONS)}


# resource -> role -> action -> scope. A missing cell is "no access".
MATRIX: dict[str, dict[str, dict[str, Scope]]] = {
    "kennis.bibliotheek": {
        EVERYONE: _cells(Scope.ALL, VIEW),
        Role.BIBLIOTHEEKBEHEERDER: _cells(Scope.ALL),
    },
    "kennis.eigen_documenten": {EVERYONE: _cells(Scope.OWN)},
    "kennis.uploads": {EVERYONE: _cells(Scope.OWN)},
    "kennis.leesgeschiedenis": {EVERYONE: _cells(Scope.OWN)},
    # Everybody's search uses them; a beheerder keeps them. Reactions stay each user's own (the
    # beheerder sees them only counted together, through kennis.curation_selectors).
    "kennis.zoekbeheer": {
        Role.FUNCTIONEEL_BEHEERDER: _cells(Scope.ALL),
        Role.BIBLIOTHEEKBEHEERDER: _cells(Scope.ALL),
    },
    "kennis.zoekreacties": {EVERYONE: _cells(Scope.OWN)},
    "agenda.agenda": {
        EVERYONE: _cells(Scope.OWN),
        # Imports and labels for the secretaris who delegated; removing stays theirs.
        Role.GEDELEGEERDE: _cells(Scope.DELEGATED, VIEW, ADD, CHANGE),
    },
    "accounts.account": {
        EVERYONE: _cells(Scope.OWN, VIEW, CHANGE, DELETE),
        Role.FUNCTIONEEL_BEHEERDER: _cells(Scope.ALL, VIEW, ADD, CHANGE),
    },
    "accounts.rollen": {
        EVERYONE: _cells(Scope.OWN, VIEW),
        Role.FUNCTIONEEL_BEHEERDER: _cells(Scope.ALL),
    },
    "accounts.delegatie": {
        EVERYONE: _cells(Scope.OWN, VIEW),
        Role.SECRETARIS: _cells(Scope.OWN),
        Role.FUNCTIONEEL_BEHEERDER: _cells(Scope.ALL),
    },
    "core.logboek": {EVERYONE: _cells(Scope.OWN, VIEW)},
}

# Django permissions ("app_label.codename") the UI asks for, answered from the matrix: the
# user needs the action on every row (Scope.ALL) of the resource.
PERMISSIONS: dict[str, tuple[str, Action]] = {
    "kennis.manage_library": ("kennis.bibliotheek", ADD),
    "kennis.curate_library": ("kennis.bibliotheek", CHANGE),
    "kennis.manage_search": ("kennis.zoekbeheer", CHANGE),
    "accounts.manage_users": ("accounts.account", CHANGE),
    "accounts.manage_roles": ("accounts.rollen", ADD),
}


def resources_for_model(label: str) -> list[Resource]:
    return [r for r in RESOURCES.values() if label in r.models]


def _active_assignments(user):
    from spil.core.models import RoleAssignment

    now = timezone.now()
    return RoleAssignment.objects.filter(user_id=user.pk).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gt=now)
    )


def user_roles(user) -> frozenset[str]:
    """The roles the user holds (globally or for some object), plus EVERYONE; cached on the user."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_spil_roles", None)
    if cached is None:
        names = set(_active_assignments(user).values_list("group__name", flat=True))
        cached = frozenset({EVERYONE, *names})
        user._spil_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles (after a grant or revoke through this user object)."""
    if user is not None and hasattr(user, "_spil_roles"):
        del user._spil_roles


def grants(roles, resource: str, action: str) -> list[Scope]:
    """The scopes these roles reach for the action on the resource."""
    by_role = MATRIX.get(resource, {})
    return [Scope(by_role[r][action]) for r in roles if r in by_role and action in by_role[r]]


def _owner_q(resource: Resource, user_ids) -> Q:
    field = resource.owner_field
    if isinstance(user_ids, list):
        return Q(**{f"{field}__in": user_ids})
    return Q(**{field: user_ids})


def _scope_q(user, resource: Resource, scope: Scope, model_label: str) -> Q | None:
    if scope == Scope.ALL:
        # Not Q(): an empty Q vanishes when combined with | and would narrow instead of widen.
        return Q(pk__isnull=False)
    if scope == Scope.OWN:
        return _owner_q(resource, user.pk)
    if scope == Scope.DELEGATED:
        delegators = [
            int(object_id)
            for object_id in _active_assignments(user)
            .filter(group__name=Role.GEDELEGEERDE, content_type__model="user")
            .values_list("object_id", flat=True)
        ]
        return _owner_q(resource, delegators) if delegators else None
    if scope == Scope.ASSIGNED:
        app_label, model = model_label.split(".")
        ids = list(
            _active_assignments(user)
            .filter(content_type__app_label=app_label, content_type__model=model)
            .values_list("object_id", flat=True)
        )
        return Q(pk__in=ids) if ids else None
    raise ValueError(scope)


def visible_q(user, model_label: str, action: str = VIEW) -> Q | None:
    """The rows of the model this user may act on, as one Q; None when none at all."""
    roles = user_roles(user)
    if not roles:
        return None
    combined: Q | None = None
    for resource in resources_for_model(model_label):
        for scope in set(grants(roles, resource.key, action)):
            q = _scope_q(user, resource, scope, model_label)
            if q is None:
                continue
            if resource.subset is not None:
                q = q & resource.subset
            combined = q if combined is None else combined | q
    return combined


def can(user, action: str, resource: str, *, scope: Scope = Scope.ALL) -> bool:
    """Whether the user's roles reach `scope` (default: every row) for the action on resource."""
    reached = grants(user_roles(user), resource, action)
    if scope == Scope.ALL:
        return Scope.ALL in reached
    return bool(reached)


def has_permission(user, perm: str) -> bool:
    if perm not in PERMISSIONS:
        return False
    resource, action = PERMISSIONS[perm]
    return can(user, action, resource)
