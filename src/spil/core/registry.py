"""Registries that apps fill from their `AppConfig.ready()`.

Adding an app means registering its navigation item, CLI commands, start-page panels, startup
jobs and AVG providers here from its own `apps.py`; no central list has to be edited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries keyed by a unique name, returned in (order, key) order.

    Registering the same key twice replaces the entry, so a `ready()` that runs again (tests,
    autoreload) does not duplicate anything.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, tuple[int, T]] = {}

    def register(self, key: str, entry: T, *, order: int = 100) -> T:
        self._entries[key] = (order, entry)
        return entry

    def unregister(self, key: str) -> None:
        self._entries.pop(key, None)

    def get(self, key: str) -> T:
        return self._entries[key][1]

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[T]:
        for _key, (_order, entry) in sorted(
            self._entries.items(), key=lambda kv: (kv[1][0], kv[0])
        ):
            yield entry

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        return [key for key, _ in sorted(self._entries.items(), key=lambda kv: (kv[1][0], kv[0]))]


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # Paths starting with one of these mark the item as the current page ("/" only the start page).
    prefixes: tuple[str, ...]
    # A Django permission ("app_label.codename") the user needs to see the item; None: everyone.
    permission: str | None = None


@dataclass(frozen=True)
class CliCommand:
    """A module with `register(subparsers)` that adds one or more `spil` subcommands."""

    module: str


@dataclass(frozen=True)
class StartPanel:
    """A section on the start page.

    `context(request)` returns the template's context, or None to leave the panel out (for
    example when there is nothing to show yet).
    """

    template: str
    context: Callable[[Any], dict[str, Any] | None]
    permission: str | None = None


@dataclass(frozen=True)
class StartupJob:
    """Work `spil serve` runs before it starts serving; returns a Dutch line to print, or None."""

    label: str
    run: Callable[[], str | None]


@dataclass(frozen=True)
class AvgProvider:
    """An app's part in "Mijn gegevens downloaden" and "Account verwijderen".

    `models` lists every personal model ("app_label.ModelName") whose rows the provider exports
    and deletes; a test fails when a personal model is in no provider.
    `export(user=...)` returns JSON-serialisable data; `files(user=...)` yields (name, bytes) of
    original files; `delete(user=...)` removes the user's rows and runs inside the caller's
    transaction.
    """

    label: str
    models: tuple[str, ...]
    export: Callable[..., Any]
    delete: Callable[..., None]
    files: Callable[..., Iterable[tuple[str, bytes]]] | None = field(default=None)


navigation: Registry[NavItem] = Registry("navigation")
cli_commands: Registry[CliCommand] = Registry("cli_commands")
start_panels: Registry[StartPanel] = Registry("start_panels")
startup_jobs: Registry[StartupJob] = Registry("startup_jobs")
avg_providers: Registry[AvgProvider] = Registry("avg_providers")
