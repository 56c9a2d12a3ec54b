from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "spil.web"
    label = "web"
    verbose_name = "Web"

    def ready(self) -> None:
        from spil.core.registry import CliCommand, NavItem, cli_commands, navigation

        navigation.register("start", NavItem("Start", "web:start", ("/",)), order=0)
        # `spil init` and `spil serve` belong to the installation as a whole.
        cli_commands.register("core", CliCommand("spil.core_cli"), order=0)
