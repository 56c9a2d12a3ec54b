"""`spil gebruiker maak|lijst|rol|deactiveer` and the single-user default of `spil init`."""

import pytest

from spil.accounts.models import User
from spil.cli import main
from spil.core.models import AuditEntry, RoleAssignment

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-ongewoon-wachtwoord-42"


def test_init_makes_one_account_that_can_do_everything():
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", PASSWORD]) == 0
    user = User.objects.get(username="secretaris")
    assert set(RoleAssignment.objects.values_list("group__name", flat=True)) == {
        "secretaris",
        "functioneel_beheerder",
        "bibliotheekbeheerder",
    }
    assert user.has_perm("accounts.manage_users") and user.has_perm("kennis.manage_library")
    assert user.has_perm("kennis.curate_library")


def test_make_list_role_and_deactivate(capsys):
    main(["init", "--gebruiker", "secretaris", "--wachtwoord", PASSWORD])
    assert main(["gebruiker", "maak", "kees", "--wachtwoord", PASSWORD, "--rol", "coach"]) == 0
    assert main(["gebruiker", "rol", "kees", "gedelegeerde", "--namens", "secretaris"]) == 0
    assert main(["gebruiker", "rol", "kees", "coach", "--weg"]) == 0
    assert main(["gebruiker", "deactiveer", "kees"]) == 0
    capsys.readouterr()
    assert main(["gebruiker", "lijst"]) == 0
    out = capsys.readouterr().out
    assert "kees\tgedelegeerde (namens een secretaris) (voor secretaris)  [niet actief]" in out
    kees = User.objects.get(username="kees")
    assert not kees.is_active
    assert AuditEntry.objects.filter(subject=kees, actor__isnull=True).count() == 5


def test_bad_input_is_refused_with_a_dutch_message(capsys):
    assert main(["gebruiker", "maak", "kees", "--wachtwoord", "1"]) == 1
    assert "niet aangemaakt" in capsys.readouterr().err
    assert not User.objects.filter(username="kees").exists()
    assert main(["gebruiker", "rol", "niemand", "coach"]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    main(["gebruiker", "maak", "kees", "--wachtwoord", PASSWORD])
    assert main(["gebruiker", "rol", "kees", "gedelegeerde"]) == 1
    assert "--namens" in capsys.readouterr().err
