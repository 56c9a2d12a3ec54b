import pytest
from django.contrib.auth.models import Group

from spil.core.security import TWO_FACTOR_ROLES, has_two_factor_role, requires_two_factor

pytestmark = pytest.mark.django_db


def test_the_roles_that_need_two_factor_login():
    assert set(TWO_FACTOR_ROLES) == {
        "programmaleider",
        "coach",
        "docent",
        "stagesecretaris",
        "selectiecommissielid",
        "bibliotheekbeheerder",
        "functioneel_beheerder",
    }


@pytest.mark.parametrize("role", TWO_FACTOR_ROLES)
def test_each_staff_role_requires_it_when_the_setting_is_on(user, settings, role):
    settings.SPIL_2FA_VERPLICHT = True
    assert not requires_two_factor(user)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    assert has_two_factor_role(user)
    assert requires_two_factor(user)
    settings.SPIL_2FA_VERPLICHT = False
    assert not requires_two_factor(user)


def test_other_groups_and_anonymous_users_do_not(user, settings):
    from django.contrib.auth.models import AnonymousUser

    settings.SPIL_2FA_VERPLICHT = True
    user.groups.add(Group.objects.get_or_create(name="kandidaat")[0])
    assert not requires_two_factor(user)
    assert not requires_two_factor(AnonymousUser())
    assert not requires_two_factor(None)


def test_local_settings_leave_it_off_and_production_turns_it_on():
    from spil.conf import base

    assert base.SPIL_2FA_VERPLICHT is False
