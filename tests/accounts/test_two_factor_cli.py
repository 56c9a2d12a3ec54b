import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from spil.cli import main
from tests.accounts.test_two_factor import enable_two_factor

pytestmark = pytest.mark.django_db


def test_status_and_disable_for_a_lost_phone(user, capsys):
    assert main(["tweestaps", "status", "secretaris"]) == 0
    assert "staat uit" in capsys.readouterr().out

    enable_two_factor(user)
    assert main(["tweestaps", "status", "secretaris"]) == 0
    out = capsys.readouterr().out
    assert "staat aan" in out
    assert "10 ongebruikte herstelcodes" in out

    assert main(["tweestaps", "uitzetten", "secretaris"]) == 0
    assert "is uitgezet" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert main(["tweestaps", "uitzetten", "secretaris"]) == 0
    assert "stond al uit" in capsys.readouterr().out


def test_unknown_account_is_named(capsys):
    assert main(["tweestaps", "uitzetten", "niemand"]) == 1
    assert "Account 'niemand' bestaat niet" in capsys.readouterr().err
