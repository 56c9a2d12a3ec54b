"""The access matrix, tested cell by cell: every role × resource × action.

For each cell the test builds rows of the resource that belong to the acting user, to a
stranger, to a secretaris who delegated to the acting user (roles are granted without an
object, so ASSIGNED reaches every row); it then checks that `visible_to(user, action)` returns
exactly the rows the declared scope allows. A role without a cell must reach nothing beyond the
EVERYONE base.
"""

from __future__ import annotations

import importlib
import itertools
from datetime import UTC

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from spil.accounts.models import User
from spil.accounts.services import role_grant
from spil.core.access import (
    ALL_ACTIONS,
    EVERYONE,
    MATRIX,
    PERMISSIONS,
    RESOURCES,
    SCOPED_ROLES,
    Role,
    Scope,
    can,
    grants,
    user_roles,
)
from spil.core.models import AuditEntry, RoleAssignment
from spil.kennis.models import Document, Unit, UnitVisit, Upload

pytestmark = pytest.mark.django_db

ROLES = [EVERYONE, *Role.values]
CASES = list(itertools.product(ROLES, sorted(RESOURCES), [a.value for a in ALL_ACTIONS]))


def _document(owner, name):
    return Document.objects.create(
        title=name, source_name=name, checksum=name, file_type="md", size_bytes=1, owner=owner
    )


def _rows(resource: str, owner: User, n: int):
    """A row of every model of the resource that belongs to `owner` (within the resource)."""
    made = []
    for label in RESOURCES[resource].models:
        made.append(_make(label, resource, owner, n))
    return made


def _make(label: str, resource: str, owner: User, n: int):
    from datetime import date, datetime

    from spil.agenda import models as agenda

    tag = f"{owner.username}-{n}"
    app = label.split(".")[0]
    if app not in {"kennis", "agenda", "accounts", "core"}:
        # Other apps make their rows in tests/<app>/access_rows.py.
        module = importlib.import_module(f"tests.{app}.access_rows")
        return module.make(label, resource, owner, n)
    if label == "kennis.document":
        shared = resource == "kennis.bibliotheek"
        return _document(None if shared else owner, f"{tag}-{resource}.md")
    if label == "kennis.upload":
        return Upload.objects.create(owner=owner, filename=f"{tag}.md", data=b"x", size_bytes=1)
    if label == "kennis.unitvisit":
        document = _document(None, f"{tag}-visit.md")
        from spil.kennis.models import Section

        section = Section.objects.create(
            document=document, kind="theme", title="t", level=1, position=0
        )
        unit = Unit.objects.create(
            document=document, section=section, position=0, title="t", heading_path="t"
        )
        return UnitVisit.objects.create(
            owner=owner, unit=unit, visited_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
    if label in {"kennis.unitkeyword", "kennis.searchfeedback"}:
        from spil.kennis.models import SearchFeedback, UnitKeyword

        unit = _make("kennis.unitvisit", resource, owner, n).unit
        if label == "kennis.unitkeyword":
            return UnitKeyword.objects.create(unit=unit, text=tag)
        return SearchFeedback.objects.create(owner=owner, unit=unit, query=tag, useful=True)
    if label == "kennis.synonymgroup":
        from spil.kennis.models import SynonymGroup

        return SynonymGroup.objects.create(words=f"{tag} {tag}-b")
    if label == "kennis.searchmiss":
        from spil.kennis.models import SearchMiss

        return SearchMiss.objects.create(
            owner=owner, query=tag, last_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
    if label.startswith("agenda."):
        bron, _ = agenda.Agendabron.objects.get_or_create(owner=owner, naam=f"bron-{tag}")
        start = datetime(2026, 3, 2, 9, tzinfo=UTC)
        if label == "agenda.agendabron":
            return bron
        if label == "agenda.importbatch":
            return agenda.Importbatch.objects.create(
                owner=owner,
                bron=bron,
                bestandsnaam="a.ics",
                soort="ics",
                venster_van=date(2026, 1, 1),
                venster_tot=date(2026, 12, 31),
            )
        if label == "agenda.afspraak":
            return agenda.Afspraak.objects.create(
                owner=owner, bron=bron, uid=tag, herhaling="", begin=start, eind=start
            )
        if label == "agenda.correctie":
            return agenda.Correctie.objects.create(
                owner=owner, bereik="reeks", sleutel=tag, domein="college"
            )
        if label == "agenda.agendainstellingen":
            return agenda.AgendaInstellingen.objects.get_or_create(owner=owner)[0]
    if label == "accounts.user":
        return owner
    if label == "core.roleassignment":
        from spil.accounts.services import role_group

        if resource == "accounts.delegatie":
            helper = User.objects.create_user(username=f"helper-{tag}")
            return RoleAssignment.objects.create(
                user=helper,
                group=role_group(Role.GEDELEGEERDE),
                content_type=ContentType.objects.get_for_model(User),
                object_id=owner.pk,
            )
        return RoleAssignment.objects.get_or_create(
            user=owner, group=role_group(Role.KANDIDAAT), content_type=None, object_id=None
        )[0]
    if label == "core.auditentry":
        return AuditEntry.objects.create(
            actor=None,
            actor_name="x",
            subject=owner,
            kind="read",
            resource=resource,
            object_label=tag,
        )
    raise AssertionError(f"geen testrij voor {label}; vul _make aan")


def _expected(scope: Scope | None, mine, strangers, delegators) -> set:
    if scope is None:
        return set()
    if scope == Scope.ALL:
        return mine | strangers | delegators
    if scope == Scope.OWN:
        return mine
    if scope == Scope.DELEGATED:
        return delegators
    if scope == Scope.ASSIGNED:
        # Roles are granted here without an object: a role held everywhere reaches every row.
        return mine | strangers | delegators
    raise AssertionError(scope)


def test_every_resource_names_real_models():
    labels = {m._meta.label_lower for m in apps.get_models()}
    for resource in RESOURCES.values():
        assert set(resource.models) <= labels, resource.key
    assert set(MATRIX) == set(RESOURCES)
    for cells in MATRIX.values():
        assert set(cells) <= set(ROLES)


@pytest.mark.parametrize(("role", "resource", "action"), CASES, ids=["-".join(c) for c in CASES])
def test_matrix_cell(role, resource, action):
    actor = User.objects.create_user(username="actor")
    stranger = User.objects.create_user(username="stranger")
    secretaris = User.objects.create_user(username="secretaris-x")
    if role in SCOPED_ROLES:
        role_grant(actor=None, user=actor, role=role, scope_object=secretaris)
    elif role != EVERYONE:
        role_grant(actor=None, user=actor, role=role)
    actor = User.objects.get(pk=actor.pk)
    assert role in user_roles(actor)

    def pks(rows):
        return {(r._meta.label_lower, r.pk) for r in rows}

    mine = pks(_rows(resource, actor, 1))
    theirs = pks(_rows(resource, stranger, 2))
    delegated = pks(_rows(resource, secretaris, 3))

    scopes = grants({EVERYONE, role}, resource, action)
    expected = set()
    for scope in scopes:
        expected |= _expected(scope, mine, theirs, delegated)
    if not scopes:
        expected = set()

    subset = RESOURCES[resource].subset
    seen = set()
    for label in RESOURCES[resource].models:
        model = apps.get_model(label)
        queryset = model.objects.visible_to(actor, action)
        if subset is not None:
            queryset = queryset.filter(subset)
        seen |= {(label, pk) for pk in queryset.values_list("pk", flat=True)}
    candidates = mine | theirs | delegated
    assert seen & candidates == expected, (role, resource, action, scopes)


@pytest.mark.parametrize("role", ROLES)
def test_permissions_follow_the_matrix(role):
    actor = User.objects.create_user(username="actor")
    secretaris = User.objects.create_user(username="secretaris-x")
    if role in SCOPED_ROLES:
        role_grant(actor=None, user=actor, role=role, scope_object=secretaris)
    elif role != EVERYONE:
        role_grant(actor=None, user=actor, role=role)
    actor = User.objects.get(pk=actor.pk)
    for perm, (resource, action) in PERMISSIONS.items():
        expected = Scope.ALL in grants({EVERYONE, role}, resource, action)
        assert actor.has_perm(perm) is expected, perm
        assert can(actor, action, resource) is expected


def test_inactive_and_anonymous_users_reach_nothing(user):
    from django.contrib.auth.models import AnonymousUser

    role_grant(actor=None, user=user, role=Role.FUNCTIONEEL_BEHEERDER)
    user.is_active = False
    user.save()
    user = User.objects.get(pk=user.pk)
    assert not User.objects.visible_to(user).exists()
    assert not user.has_perm("accounts.manage_users")
    assert not Document.objects.visible_to(AnonymousUser()).exists()


def test_an_expired_delegation_gives_no_access(user, other_user):
    from datetime import timedelta

    from django.utils import timezone

    from spil.agenda.models import Agendabron

    Agendabron.objects.create(owner=other_user, naam="werk")
    assignment = role_grant(actor=None, user=user, role=Role.GEDELEGEERDE, scope_object=other_user)
    assert Agendabron.objects.visible_to(User.objects.get(pk=user.pk)).count() == 1
    assignment.valid_until = timezone.now() - timedelta(minutes=1)
    assignment.save()
    assert Agendabron.objects.visible_to(User.objects.get(pk=user.pk)).count() == 0
