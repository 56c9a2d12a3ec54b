"""`spil tweestaps status|uitzetten NAAM`: for the beheerder when someone lost both phone and
recovery codes. Unlocking a login after too many wrong passwords is django-axes's own
`python -m django axes_reset_username NAAM`."""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    tweestaps = subparsers.add_parser(
        "tweestaps", help="tweestapsverificatie van een account bekijken of uitzetten"
    )
    commands = tweestaps.add_subparsers(dest="tweestaps_command", metavar="OPDRACHT", required=True)

    status = commands.add_parser("status", help="staat tweestapsverificatie aan voor dit account?")
    status.add_argument("gebruiker", metavar="NAAM", help="gebruikersnaam")
    status.set_defaults(handler=handle_status)

    disable = commands.add_parser(
        "uitzetten",
        help="app en herstelcodes van dit account verwijderen (na kwijtraken van de telefoon)",
    )
    disable.add_argument("gebruiker", metavar="NAAM", help="gebruikersnaam")
    disable.set_defaults(handler=handle_disable)


def _user(name: str):
    from .models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        print(f"Account '{name}' bestaat niet.", file=sys.stderr)
    return user


def handle_status(args: argparse.Namespace) -> int:
    from .two_factor_selectors import two_factor_status_get

    user = _user(args.gebruiker)
    if user is None:
        return 1
    status = two_factor_status_get(user=user)
    if status.enabled:
        print(
            f"Tweestapsverificatie staat aan voor '{user.username}' "
            f"({status.recovery_codes_left} ongebruikte herstelcodes)."
        )
    else:
        print(f"Tweestapsverificatie staat uit voor '{user.username}'.")
    if status.required:
        print("Voor de rol van dit account is tweestapsverificatie verplicht.")
    return 0


def handle_disable(args: argparse.Namespace) -> int:
    from .two_factor_selectors import two_factor_status_get
    from .two_factor_services import two_factor_disable

    user = _user(args.gebruiker)
    if user is None:
        return 1
    if not two_factor_status_get(user=user).enabled:
        print(f"Tweestapsverificatie stond al uit voor '{user.username}'.")
        return 0
    two_factor_disable(user=user)
    print(
        f"Tweestapsverificatie is uitgezet voor '{user.username}'. "
        "Bij de volgende keer inloggen stelt het account het opnieuw in als dat verplicht is."
    )
    return 0
