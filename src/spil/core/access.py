"""The access policy of Spil, in one place: roles × resources × actions.

Every decision about who may see or do what is read from `MATRIX`. A cell says, for one role,
one resource and one action, which rows the role reaches (`Scope`):

- OWN: the rows the user owns;
- DELEGATED: the rows of the people who made the user their gedelegeerde;
- ASSIGNED: the rows the user holds the role for (a RoleAssignment with that object, or a row
  reached from such an object along `Resource.assigned_via`); a role held without an object
  holds everywhere, so ASSIGNED then reaches every row;
- ALL: every row of the resource.

`EVERYONE` is the base every active, logged-in user has: their own personal data. Roles add to
it, never take away. Querysets answer "what may this user see" with `visible_q`, through
`AccessQuerySet.visible_to(user)`; Django permissions that navigation and views ask for are
mapped onto the matrix in `PERMISSIONS` and answered by `spil.core.backends`.

An app that adds a resource adds its rows here (and its models to `Resource.models`); the
generated matrix test then covers it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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
    # Per model, an owner lookup that differs from `owner_field`.
    owner_fields: Mapping[str, str] = field(default_factory=dict)
    # Per model, how ASSIGNED reaches its rows: (lookup from the row, "app.model" the role is
    # assigned for, extra condition on the same row or None). Without an entry a row is
    # reached when the role is assigned for the row itself.
    assigned_via: Mapping[str, tuple[tuple[str, str, Q | None], ...]] = field(default_factory=dict)

    def owner_lookup(self, model_label: str) -> str:
        return self.owner_fields.get(model_label, self.owner_field)


_ASSIGNMENTS = (
    "leergang.intervisiegroep",
    "leergang.moduletoewijzing",
    "leergang.meeloopstage",
    "leergang.coachkoppeling",
)
_PUBLISHED = Q(plan__status="gepubliceerd")

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
        # The leergang: programme staff reach their cohort's rows through the role they hold
        # for the cohort; a coach for an intervisie group, a stagesecretaris for a host, a
        # committee member for a vacancy.
        Resource(
            "leergang.programma",
            "leergang: programma, cohorten, modules, coaches, gastgemeenten",
            (
                "leergang.leergang",
                "leergang.programmaonderdeel",
                "leergang.cohort",
                "leergang.module",
                "leergang.coach",
                "leergang.gastgemeente",
            ),
            personal=False,
            assigned_via={
                "leergang.leergang": (("cohorten", "leergang.cohort", None),),
                "leergang.programmaonderdeel": (("leergang__cohorten", "leergang.cohort", None),),
                "leergang.cohort": (("pk", "leergang.cohort", None),),
                "leergang.module": (("cohort", "leergang.cohort", None),),
                "leergang.coach": (("cohort", "leergang.cohort", None),),
                "leergang.gastgemeente": (
                    ("cohort", "leergang.cohort", None),
                    ("pk", "leergang.gastgemeente", None),
                ),
            },
        ),
        Resource(
            "leergang.deelnemers",
            "leergang: deelnemers",
            ("leergang.deelnemer",),
            owner_field="user",
            assigned_via={
                "leergang.deelnemer": (
                    ("cohort", "leergang.cohort", None),
                    ("intervisiegroepen", "leergang.intervisiegroep", None),
                    (
                        "meeloopstages__gastgemeente",
                        "leergang.gastgemeente",
                        Q(meeloopstages__plan__status="gepubliceerd"),
                    ),
                )
            },
        ),
        Resource(
            "leergang.voorkeuren",
            "leergang: voorkeuren voor modules en coaches",
            ("leergang.modulevoorkeur", "leergang.coachvoorkeur"),
            owner_field="deelnemer__user",
            assigned_via={
                "leergang.modulevoorkeur": (("deelnemer__cohort", "leergang.cohort", None),),
                "leergang.coachvoorkeur": (("deelnemer__cohort", "leergang.cohort", None),),
            },
        ),
        Resource(
            "leergang.leervragen",
            "leergang: leervragen",
            ("leergang.leervraag",),
            owner_field="deelnemer__user",
            assigned_via={
                "leergang.leervraag": (
                    ("deelnemer__cohort", "leergang.cohort", None),
                    ("deelnemer__intervisiegroepen", "leergang.intervisiegroep", None),
                    (
                        "deelnemer__meeloopstages__gastgemeente",
                        "leergang.gastgemeente",
                        Q(deelnemer__meeloopstages__plan__status="gepubliceerd"),
                    ),
                )
            },
        ),
        Resource(
            "leergang.plannen",
            "leergang: versies van het toewijzingsplan",
            ("leergang.toewijzingsplan",),
            personal=False,
            assigned_via={"leergang.toewijzingsplan": (("cohort", "leergang.cohort", None),)},
        ),
        Resource(
            "leergang.concept",
            "leergang: toewijzingen in een concept",
            _ASSIGNMENTS,
            owner_field="deelnemer__user",
            owner_fields={"leergang.intervisiegroep": "deelnemers__user"},
            subset=~_PUBLISHED,
            assigned_via={
                label: (("plan__cohort", "leergang.cohort", None),) for label in _ASSIGNMENTS
            },
        ),
        Resource(
            "leergang.indeling",
            "leergang: gepubliceerde indeling",
            _ASSIGNMENTS,
            owner_field="deelnemer__user",
            owner_fields={"leergang.intervisiegroep": "deelnemers__user"},
            subset=_PUBLISHED,
            assigned_via={
                "leergang.intervisiegroep": (
                    ("plan__cohort", "leergang.cohort", None),
                    ("pk", "leergang.intervisiegroep", None),
                ),
                "leergang.moduletoewijzing": (("plan__cohort", "leergang.cohort", None),),
                "leergang.meeloopstage": (
                    ("plan__cohort", "leergang.cohort", None),
                    ("gastgemeente", "leergang.gastgemeente", None),
                ),
                "leergang.coachkoppeling": (("plan__cohort", "leergang.cohort", None),),
            },
        ),
        Resource(
            "leergang.vacatures",
            "leergang: vacatures en hun profiel",
            ("leergang.vacature",),
            personal=False,
            assigned_via={
                "leergang.vacature": (
                    ("leergang__cohorten", "leergang.cohort", None),
                    ("pk", "leergang.vacature", None),
                )
            },
        ),
        Resource(
            "leergang.kandidaatprofiel",
            "leergang: kandidaatprofiel en vrijgaven per vacature",
            ("leergang.kandidaatprofiel", "leergang.profielvrijgave"),
            owner_fields={"leergang.profielvrijgave": "profiel__owner"},
            assigned_via={
                "leergang.kandidaatprofiel": (("vrijgaven__vacature", "leergang.vacature", None),),
                "leergang.profielvrijgave": (("vacature", "leergang.vacature", None),),
            },
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
    # Leergang. Staff for their cohort (a programmaleider without a cohort: every cohort).
    "leergang.programma": {
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED),
        Role.DOCENT: _cells(Scope.ASSIGNED, VIEW),
        Role.KANDIDAAT: _cells(Scope.ASSIGNED, VIEW),
        Role.STAGESECRETARIS: _cells(Scope.ASSIGNED, VIEW),
    },
    "leergang.deelnemers": {
        EVERYONE: _cells(Scope.OWN, VIEW),
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED),
        Role.DOCENT: _cells(Scope.ASSIGNED, VIEW),
        Role.COACH: _cells(Scope.ASSIGNED, VIEW),
        Role.STAGESECRETARIS: _cells(Scope.ASSIGNED, VIEW),
    },
    # A candidate's preferences: their own, and the programme staff who plan with them.
    "leergang.voorkeuren": {
        EVERYONE: _cells(Scope.OWN),
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED, VIEW),
    },
    "leergang.leervragen": {
        EVERYONE: _cells(Scope.OWN),
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED, VIEW),
        Role.COACH: _cells(Scope.ASSIGNED, VIEW),
        Role.STAGESECRETARIS: _cells(Scope.ASSIGNED, VIEW),
    },
    "leergang.plannen": {
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED),
        Role.DOCENT: _cells(Scope.ASSIGNED, VIEW),
    },
    # A draft is for the staff only; after publication each candidate sees their own part.
    "leergang.concept": {Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED)},
    "leergang.indeling": {
        EVERYONE: _cells(Scope.OWN, VIEW),
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED),
        Role.DOCENT: _cells(Scope.ASSIGNED, VIEW),
        Role.COACH: _cells(Scope.ASSIGNED, VIEW),
        Role.STAGESECRETARIS: _cells(Scope.ASSIGNED, VIEW),
    },
    "leergang.vacatures": {
        Role.PROGRAMMALEIDER: _cells(Scope.ASSIGNED),
        Role.KANDIDAAT: _cells(Scope.ASSIGNED, VIEW),
        Role.SELECTIECOMMISSIELID: _cells(Scope.ASSIGNED, VIEW),
    },
    # A committee member sees a profile only once its candidate released it for the vacancy.
    "leergang.kandidaatprofiel": {
        EVERYONE: _cells(Scope.OWN),
        Role.SELECTIECOMMISSIELID: _cells(Scope.ASSIGNED, VIEW),
    },
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


def _model(model_label: str):
    from django.apps import apps

    return apps.get_model(model_label)


def _owner_q(resource: Resource, model_label: str, user_ids) -> Q:
    lookup = resource.owner_lookup(model_label)
    condition = (
        Q(**{f"{lookup}__in": user_ids}) if isinstance(user_ids, list) else Q(**{lookup: user_ids})
    )
    if "__" not in lookup:
        return condition
    # Through a relation: a subquery, so a row reached twice is not returned twice.
    return Q(pk__in=_model(model_label).objects.filter(condition).values("pk"))


def _assigned_q(user, resource: Resource, role: str, model_label: str) -> Q | None:
    assignments = _active_assignments(user).filter(group__name=role)
    if assignments.filter(content_type__isnull=True).exists():
        # The role is held without an object: it holds everywhere.
        return Q(pk__isnull=False)
    paths = resource.assigned_via.get(model_label, (("pk", model_label, None),))
    combined: Q | None = None
    for lookup, target, extra in paths:
        app_label, model = target.split(".")
        ids = list(
            assignments.filter(
                content_type__app_label=app_label, content_type__model=model
            ).values_list("object_id", flat=True)
        )
        if not ids:
            continue
        if lookup == "pk" and extra is None:
            q = Q(pk__in=ids)
        else:
            condition = Q(**{f"{lookup}__in": ids})
            if extra is not None:
                condition &= extra
            q = Q(pk__in=_model(model_label).objects.filter(condition).values("pk"))
        combined = q if combined is None else combined | q
    return combined


def _scope_q(user, resource: Resource, role: str, scope: Scope, model_label: str) -> Q | None:
    if scope == Scope.ALL:
        # Not Q(): an empty Q vanishes when combined with | and would narrow instead of widen.
        return Q(pk__isnull=False)
    if scope == Scope.OWN:
        return _owner_q(resource, model_label, user.pk)
    if scope == Scope.DELEGATED:
        delegators = [
            int(object_id)
            for object_id in _active_assignments(user)
            .filter(group__name=Role.GEDELEGEERDE, content_type__model="user")
            .values_list("object_id", flat=True)
        ]
        return _owner_q(resource, model_label, delegators) if delegators else None
    if scope == Scope.ASSIGNED:
        return _assigned_q(user, resource, role, model_label)
    raise ValueError(scope)


def visible_q(user, model_label: str, action: str = VIEW) -> Q | None:
    """The rows of the model this user may act on, as one Q; None when none at all."""
    roles = user_roles(user)
    if not roles:
        return None
    combined: Q | None = None
    for resource in resources_for_model(model_label):
        by_role = MATRIX.get(resource.key, {})
        reached = {
            (role if by_role[role][action] == Scope.ASSIGNED else "", by_role[role][action])
            for role in roles
            if role in by_role and action in by_role[role]
        }
        for role, scope in sorted(reached):
            q = _scope_q(user, resource, role, Scope(scope), model_label)
            if q is None:
                continue
            if resource.subset is not None:
                q = q & resource.subset
            combined = q if combined is None else combined | q
    return combined


def holds_role(user, role: str, scope_object=None) -> bool:
    """Whether the user holds the role for this object (or, without one, everywhere)."""
    if not user_roles(user) or role not in user_roles(user):
        return False
    assignments = _active_assignments(user).filter(group__name=role)
    if assignments.filter(content_type__isnull=True).exists():
        return True
    if scope_object is None:
        return False
    from django.contrib.contenttypes.models import ContentType

    return assignments.filter(
        content_type=ContentType.objects.get_for_model(scope_object), object_id=scope_object.pk
    ).exists()


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
