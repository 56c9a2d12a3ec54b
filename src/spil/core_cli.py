"""`spil init` and `spil serve`: setting up and running a local Spil."""

from __future__ import annotations

import argparse
import getpass
import os
import sys


def register(subparsers) -> None:
    init = subparsers.add_parser(
        "init", help="database aanmaken/bijwerken en het lokale account instellen"
    )
    init.add_argument(
        "--gebruiker",
        default=os.environ.get("SPIL_USER", "secretaris"),
        metavar="NAAM",
        help="naam van het lokale account (standaard: secretaris, of SPIL_USER)",
    )
    init.add_argument(
        "--wachtwoord",
        default=os.environ.get("SPIL_PASSWORD"),
        help="wachtwoord van het lokale account (standaard: vragen, of SPIL_PASSWORD)",
    )
    init.set_defaults(handler=handle_init, needs_database=False)

    serve = subparsers.add_parser("serve", help="Spil starten op http://127.0.0.1:8000")
    serve.add_argument(
        "--host", default="127.0.0.1", metavar="ADRES", help="netwerkadres (127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, metavar="POORT", help="poort (8000)")
    serve.add_argument(
        "--workers", type=int, default=2, metavar="N", help="aantal webprocessen (2)"
    )
    serve.add_argument(
        "--productie",
        action="store_true",
        help="met de productie-instellingen (spil.conf.production; zie docs/installatie.md)",
    )
    # serve brings the database up to date itself before it starts.
    serve.set_defaults(handler=handle_serve, needs_database=False)


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def static_root_create() -> None:
    """whitenoise warns "No directory at: …/static/" on every start while STATIC_ROOT is
    missing; Spil serves its files through the finders, so an empty folder is all it needs."""
    from django.conf import settings

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


PASSWORD_TRIES = 3


def handle_init(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from spil.accounts.models import User
    from spil.accounts.password_validation import password_check
    from spil.accounts.services import user_create_local

    migrate()
    static_root_create()
    print("Database is bijgewerkt.")
    password = args.wachtwoord
    exists = User.objects.filter(username=args.gebruiker).exists()
    if password is None and exists:
        from spil.accounts.services import roles_single_user_ensure

        roles_single_user_ensure(user=User.objects.get(username=args.gebruiker))
        print(f"Account '{args.gebruiker}' bestaat al; wachtwoord ongewijzigd.")
        return 0
    interactive = password is None
    if interactive and not sys.stdin.isatty():
        print(
            "Geef een wachtwoord mee met --wachtwoord of de omgevingsvariabele SPIL_PASSWORD.",
            file=sys.stderr,
        )
        return 2
    # At the terminal a refused password is asked again (three tries); given on the command
    # line or in SPIL_PASSWORD it is refused once.
    for _attempt in range(PASSWORD_TRIES if interactive else 1):
        if interactive:
            password = getpass.getpass(f"Nieuw wachtwoord voor '{args.gebruiker}': ")
            if getpass.getpass("Herhaal het wachtwoord: ") != password:
                print("De twee wachtwoorden verschillen; probeer het opnieuw.", file=sys.stderr)
                continue
        try:
            password_check(username=args.gebruiker, password=password)
        except ValidationError as error:
            print(f"Wachtwoord voor '{args.gebruiker}' geweigerd:", file=sys.stderr)
            for message in error.messages:
                print(f"- {message}", file=sys.stderr)
            print(
                "Kies een wachtwoord van minstens 12 tekens, bijvoorbeeld een zin van een paar "
                "woorden. Er is niets aan het account veranderd.",
                file=sys.stderr,
            )
            continue
        _user, created = user_create_local(username=args.gebruiker, password=password)
        break
    else:
        return 2
    verb = "aangemaakt" if created else "bijgewerkt"
    print(f"Account '{args.gebruiker}' is {verb}.")
    return 0


def start_task_worker():
    """Start the background worker (it ingests browser uploads) as a supervised child process:
    restarted when it exits (see spil.core.worker). None when the configured backend needs no
    worker (e.g. the immediate backend)."""
    from spil.core.worker import WorkerSupervisor, worker_needed

    if not worker_needed():
        return None
    # DJANGO_SETTINGS_MODULE and SPIL_* reach the worker through the inherited environment.
    return WorkerSupervisor(on_restart=_run_startup_jobs).start()


def stop_task_worker(supervisor) -> None:
    if supervisor is not None:
        supervisor.stop()


def _run_startup_jobs() -> None:
    """Jobs for when Spil (and its background work) starts, e.g. re-queueing uploads that a
    stopped worker left half-done."""
    from django.db import connections

    from spil.core.registry import startup_jobs

    try:
        for job in startup_jobs:
            if line := job.run():
                print(line)
    finally:
        # gunicorn forks its web workers from this process: they must not share a connection.
        connections.close_all()


def port_in_use(host: str, port: int) -> bool:
    """Whether another program already listens on host:port (bound the way gunicorn binds)."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def handle_serve(args: argparse.Namespace) -> int:
    # Otherwise gunicorn retries for seconds with English errors after Spil said it was running.
    if port_in_use(args.host, args.port):
        print(
            f"Poort {args.port} op {args.host} is al in gebruik (draait Spil al?). "
            f"Kies een andere poort, bijvoorbeeld: spil serve --port {args.port + 1}",
            file=sys.stderr,
        )
        return 1

    from gunicorn.app.base import BaseApplication

    from spil.conf.serving import gunicorn_settings
    from spil.wsgi import application

    static_root_create()
    migrate()
    _run_startup_jobs()

    class SpilServer(BaseApplication):
        def load_config(self):
            for name, value in gunicorn_settings(
                bind=f"{args.host}:{args.port}", workers=args.workers
            ).items():
                self.cfg.set(name, value)

        def load(self):
            return application

    print(f"Spil draait op http://{args.host}:{args.port}/  (stoppen: Ctrl+C)")
    worker = start_task_worker()
    master_pid = os.getpid()
    try:
        SpilServer().run()
    finally:
        # gunicorn's forked web workers unwind through here too; only the master owns the worker.
        if os.getpid() == master_pid:
            stop_task_worker(worker)
    return 0
