"""`spil gebruiker maak|lijst|rol|deactiveer`: accounts and roles from the command line.

Whoever runs these has access to the server, so they act as the system (actor None); every
change lands in the audit trail as done from the command line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from spil.core.access import Role


def register(subparsers) -> None:
    gebruiker = subparsers.add_parser(
        "gebruiker", help="gebruikers en rollen beheren (maak, lijst, rol, deactiveer)"
    )
    commands = gebruiker.add_subparsers(
        dest="gebruiker_opdracht", metavar="OPDRACHT", required=True
    )

    maak = commands.add_parser("maak", help="een nieuw account aanmaken")
    maak.add_argument("naam", help="gebruikersnaam")
    maak.add_argument("--weergavenaam", default="", help="naam zoals anderen die zien")
    maak.add_argument("--email", default="", help="e-mailadres (optioneel)")
    maak.add_argument(
        "--wachtwoord",
        default=os.environ.get("SPIL_NEW_PASSWORD"),
        help="eerste wachtwoord (standaard: vragen, of SPIL_NEW_PASSWORD)",
    )
    maak.add_argument(
        "--rol", action="append", default=[], choices=Role.values, help="rol (meerdere mogelijk)"
    )
    maak.set_defaults(handler=handle_maak)

    lijst = commands.add_parser("lijst", help="alle accounts met hun rollen")
    lijst.set_defaults(handler=handle_lijst)

    rol = commands.add_parser("rol", help="een rol toekennen of (met --weg) intrekken")
    rol.add_argument("naam", help="gebruikersnaam")
    rol.add_argument("rol", choices=Role.values, help="de rol")
    rol.add_argument(
        "--namens",
        metavar="GEBRUIKER",
        help="bij de rol gedelegeerde: de secretaris namens wie deze gebruiker werkt",
    )
    rol.add_argument("--weg", action="store_true", help="de rol intrekken")
    rol.set_defaults(handler=handle_rol)

    deactiveer = commands.add_parser("deactiveer", help="een account op non-actief zetten")
    deactiveer.add_argument("naam", help="gebruikersnaam")
    deactiveer.add_argument("--weer-actief", action="store_true", help="weer activeren")
    deactiveer.set_defaults(handler=handle_deactiveer)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _user(username: str):
    from spil.accounts.selectors import user_by_username

    return user_by_username(username=username)


def handle_maak(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from spil.accounts.services import user_create

    password = args.wachtwoord
    if password is None:
        if not sys.stdin.isatty():
            return _fail("Geef een wachtwoord mee met --wachtwoord of SPIL_NEW_PASSWORD.")
        password = getpass.getpass(f"Eerste wachtwoord voor '{args.naam}': ")
    try:
        user = user_create(
            actor=None,
            username=args.naam,
            password=password,
            display_name=args.weergavenaam,
            email=args.email,
            roles=tuple(args.rol),
        )
    except ValidationError as error:
        return _fail(f"Account '{args.naam}' niet aangemaakt: " + " ".join(error.messages))
    roles = ", ".join(Role(r).label for r in args.rol) or "geen rol"
    print(f"Account '{user.username}' is aangemaakt ({roles}).")
    return 0


def handle_lijst(args: argparse.Namespace) -> int:
    from spil.accounts.models import User

    users = User.objects.order_by("username").prefetch_related("role_assignments__group")
    for user in users:
        roles = []
        for assignment in user.role_assignments.all():
            scope = assignment.scope_object
            roles.append(assignment.role_label + (f" (voor {scope})" if scope else ""))
        state = "" if user.is_active else "  [niet actief]"
        print(f"{user.username}\t{', '.join(roles) or '–'}{state}")
    return 0


def handle_rol(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from spil.accounts.services import role_grant, role_revoke
    from spil.core.models import RoleAssignment

    user = _user(args.naam)
    if user is None:
        return _fail(f"Gebruiker '{args.naam}' bestaat niet.")
    scope = None
    if args.rol == Role.GEDELEGEERDE:
        if not args.namens:
            return _fail("Noem bij de rol gedelegeerde de secretaris met --namens GEBRUIKER.")
        scope = _user(args.namens)
        if scope is None:
            return _fail(f"Gebruiker '{args.namens}' bestaat niet.")
    elif args.namens:
        return _fail("--namens hoort alleen bij de rol gedelegeerde.")
    try:
        if args.weg:
            assignment = RoleAssignment.objects.filter(
                user=user, group__name=args.rol, object_id=scope.pk if scope else None
            ).first()
            if assignment is None:
                return _fail(f"'{user.username}' heeft de rol {Role(args.rol).label} niet.")
            role_revoke(actor=None, assignment=assignment)
            print(f"Rol {Role(args.rol).label} ingetrokken bij '{user.username}'.")
        else:
            role_grant(actor=None, user=user, role=args.rol, scope_object=scope)
            print(f"Rol {Role(args.rol).label} toegekend aan '{user.username}'.")
    except ValidationError as error:
        return _fail(" ".join(error.messages))
    return 0


def handle_deactiveer(args: argparse.Namespace) -> int:
    from spil.accounts.services import user_set_active

    user = _user(args.naam)
    if user is None:
        return _fail(f"Gebruiker '{args.naam}' bestaat niet.")
    user_set_active(actor=None, user=user, active=args.weer_actief)
    state = "weer actief" if args.weer_actief else "gedeactiveerd (kan niet meer inloggen)"
    print(f"Account '{user.username}' is {state}.")
    return 0
