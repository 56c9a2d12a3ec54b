import pytest

from spil.cli import build_parser
from spil.core.registry import (
    NavItem,
    Registry,
    avg_providers,
    cli_commands,
    navigation,
    startup_jobs,
)
from spil.web.navigation import nav_current, nav_items


def test_registry_orders_by_order_then_key_and_replaces_on_reregistration():
    registry: Registry[str] = Registry("test")
    registry.register("b", "tweede", order=10)
    registry.register("a", "eerste", order=10)
    registry.register("z", "vooraan", order=1)
    registry.register("a", "eerste-opnieuw", order=10)
    assert list(registry) == ["vooraan", "eerste-opnieuw", "tweede"]
    assert len(registry) == 3
    registry.unregister("z")
    assert "z" not in registry


def test_apps_fill_the_registries_from_ready():
    assert {"start", "bibliotheek", "zoeken", "agenda"} <= set(navigation.keys())
    assert {"core", "kennis", "agenda"} <= set(cli_commands.keys())
    assert "uploads-hervatten" in startup_jobs


def test_every_registered_command_module_adds_subcommands():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"init", "serve", "ingest", "zoek", "agenda"} <= set(commands)


@pytest.mark.django_db
def test_navigation_hides_items_that_need_a_permission(django_user_model):
    user = django_user_model.objects.create_user(username="a", password="x" * 12)
    navigation.register(
        "geheim", NavItem("Beheer", "web:start", ("/beheer/",), "accounts.bestaat_niet"), order=99
    )
    try:
        assert "Beheer" not in [item.label for item in nav_items(user=user)]
        assert nav_current(path="/beheer/", items=nav_items(user=user)) is None
    finally:
        navigation.unregister("geheim")


def test_avg_provider_registry_exists_for_apps_to_fill():
    # The platform's export and delete iterate over it; apps register their personal models.
    assert avg_providers.name == "avg_providers"
