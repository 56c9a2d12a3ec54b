"""The beheer pages of the functioneel beheerder: users, roles, (de)activation."""

import pytest
from django.test import Client
from django.urls import reverse

from spil.accounts.models import User
from spil.accounts.services import role_grant
from spil.core.models import AuditEntry, RoleAssignment

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-ongewoon-wachtwoord-42"


@pytest.fixture
def beheerder(user):
    role_grant(actor=None, user=user, role="functioneel_beheerder")
    client = Client()
    client.force_login(user)
    return client


def test_beheer_is_hidden_and_404_for_everyone_else(other_user):
    client = Client()
    client.force_login(other_user)
    assert client.get(reverse("beheer:gebruikers")).status_code == 404
    assert client.get(reverse("beheer:gebruiker_nieuw")).status_code == 404
    assert "Beheer" not in client.get(reverse("web:start")).content.decode()


def test_beheerder_creates_a_user_with_roles(beheerder, user):
    assert "Beheer" in beheerder.get(reverse("web:start")).content.decode()
    response = beheerder.post(
        reverse("beheer:gebruiker_nieuw"),
        {
            "username": "bibliothecaris",
            "display_name": "Bieb",
            "password": PASSWORD,
            "roles": ["bibliotheekbeheerder", "docent"],
        },
        follow=True,
    )
    assert "is aangemaakt" in response.content.decode()
    created = User.objects.get(username="bibliothecaris")
    assert created.check_password(PASSWORD)
    assert set(created.role_assignments.values_list("group__name", flat=True)) == {
        "bibliotheekbeheerder",
        "docent",
    }
    assert created.has_perm("kennis.manage_library")
    kinds = set(AuditEntry.objects.filter(subject=created).values_list("kind", flat=True))
    assert {"account", "role"} <= kinds


def test_a_duplicate_user_name_is_refused_in_dutch(beheerder, user):
    response = beheerder.post(
        reverse("beheer:gebruiker_nieuw"), {"username": "Secretaris", "password": PASSWORD}
    )
    assert "bestaat al" in response.content.decode()
    assert User.objects.count() == 1


def test_roles_are_granted_and_revoked(beheerder, user, other_user):
    url = reverse("beheer:rol_toekennen", args=[other_user.pk])
    beheerder.post(url, {"role": "coach"})
    assignment = RoleAssignment.objects.get(user=other_user, group__name="coach")
    beheerder.post(reverse("beheer:rol_intrekken", args=[other_user.pk, assignment.pk]))
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    labels = list(
        AuditEntry.objects.filter(subject=other_user, kind="role").values_list(
            "object_label", flat=True
        )
    )
    assert len(labels) == 2


def test_the_last_beheerder_cannot_be_removed(beheerder, user):
    assignment = RoleAssignment.objects.get(user=user, group__name="functioneel_beheerder")
    response = beheerder.post(
        reverse("beheer:rol_intrekken", args=[user.pk, assignment.pk]), follow=True
    )
    assert "laatste functioneel beheerder" in response.content.decode()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_a_deactivated_user_is_logged_out_and_cannot_log_in(beheerder, other_user):
    theirs = Client()
    theirs.login(username="collega", password="geheim-wachtwoord-2")
    assert theirs.get(reverse("web:start")).status_code == 200
    beheerder.post(reverse("beheer:gebruiker_activeren", args=[other_user.pk]), {"actief": "0"})
    other_user.refresh_from_db()
    assert not other_user.is_active
    assert theirs.get(reverse("web:start")).status_code == 302
    assert not Client().login(username="collega", password="geheim-wachtwoord-2")
    beheerder.post(reverse("beheer:gebruiker_activeren", args=[other_user.pk]), {"actief": "1"})
    assert Client().login(username="collega", password="geheim-wachtwoord-2")


def test_a_beheerder_cannot_deactivate_themself(beheerder, user):
    response = beheerder.post(
        reverse("beheer:gebruiker_activeren", args=[user.pk]), {"actief": "0"}, follow=True
    )
    assert "eigen account" in response.content.decode()
    user.refresh_from_db()
    assert user.is_active


def test_a_delegate_is_appointed_for_one_secretaris(beheerder, user, other_user):
    role_grant(actor=None, user=user, role="secretaris")
    page = beheerder.get(reverse("beheer:gebruiker", args=[other_user.pk])).content.decode()
    assert "Gedelegeerde namens" in page
    beheerder.post(
        reverse("beheer:gedelegeerde_toekennen", args=[other_user.pk]), {"namens": user.pk}
    )
    assignment = RoleAssignment.objects.get(user=other_user, group__name="gedelegeerde")
    assert assignment.scope_object == user
    page = beheerder.get(reverse("beheer:gebruiker", args=[other_user.pk])).content.decode()
    assert "voor secretaris" in page
    # Only a secretaris can be chosen: not the person themself.
    response = beheerder.post(
        reverse("beheer:gedelegeerde_toekennen", args=[user.pk]), {"namens": user.pk}, follow=True
    )
    assert "Kies de secretaris" in response.content.decode()
