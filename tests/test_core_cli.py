import socket

import pytest

from spil.accounts.models import User
from spil.cli import main


@pytest.mark.django_db
def test_init_creates_local_account_and_keeps_it_on_second_run(capsys):
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", "een-goed-wachtwoord"]) == 0
    user = User.objects.get(username="secretaris")
    assert user.check_password("een-goed-wachtwoord")

    assert main(["init", "--gebruiker", "secretaris"]) == 0
    assert "bestaat al" in capsys.readouterr().out
    user.refresh_from_db()
    assert user.check_password("een-goed-wachtwoord")


@pytest.mark.django_db
def test_init_without_password_and_without_terminal_explains_what_to_do(capsys, monkeypatch):
    monkeypatch.delenv("SPIL_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    assert main(["init", "--gebruiker", "nieuw"]) == 2
    assert "--wachtwoord" in capsys.readouterr().err
    assert not User.objects.filter(username="nieuw").exists()


def test_unknown_command_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["onbekend"])
    assert exc.value.code == 2


@pytest.mark.django_db
def test_init_creates_the_static_folder_so_serve_starts_without_warnings(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "data" / "static"
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", "een-goed-wachtwoord"]) == 0
    assert settings.STATIC_ROOT.is_dir()


def test_serve_on_a_port_in_use_says_so_in_dutch_and_stops(capsys):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Poort {port} op 127.0.0.1 is al in gebruik" in err
    assert f"--port {port + 1}" in err


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("1", "te kort"),
        ("", "te kort"),
        ("secretaris-2026", "lijkt te veel op je gebruikersnaam"),
        ("qwerty123456", "komt te vaak voor"),
    ],
)
def test_init_refuses_a_weak_password_in_dutch_and_changes_nothing(capsys, password, reason):
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", password]) == 2
    err = capsys.readouterr().err
    assert "Wachtwoord voor 'secretaris' geweigerd" in err
    assert reason in err
    assert "minstens 12 tekens" in err
    assert not User.objects.filter(username="secretaris").exists()


@pytest.mark.django_db
def test_init_with_a_weak_new_password_keeps_the_old_one(capsys):
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", "een-goed-wachtwoord"]) == 0
    assert main(["init", "--gebruiker", "secretaris", "--wachtwoord", "kort"]) == 2
    assert User.objects.get(username="secretaris").check_password("een-goed-wachtwoord")


@pytest.mark.django_db
def test_init_at_the_terminal_asks_again_after_a_refused_or_mistyped_password(capsys, monkeypatch):
    monkeypatch.delenv("SPIL_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(
        ["kort", "kort", "een-goed-wachtwoord", "een-goed-wachtwoor", *["een-goed-wachtwoord"] * 2]
    )
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))

    assert main(["init", "--gebruiker", "secretaris"]) == 0
    err = capsys.readouterr().err
    assert "te kort" in err
    assert "De twee wachtwoorden verschillen" in err
    assert User.objects.get(username="secretaris").check_password("een-goed-wachtwoord")


@pytest.mark.django_db
def test_init_at_the_terminal_gives_up_after_three_refusals(capsys, monkeypatch):
    monkeypatch.delenv("SPIL_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "kort")

    assert main(["init", "--gebruiker", "secretaris"]) == 2
    assert capsys.readouterr().err.count("geweigerd") == 3
    assert not User.objects.filter(username="secretaris").exists()
