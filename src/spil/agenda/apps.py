from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "spil.agenda"
    label = "agenda"
    verbose_name = "Agenda-spiegel"

    def ready(self) -> None:
        from spil.core.registry import CliCommand, NavItem, cli_commands, navigation

        navigation.register(
            "agenda", NavItem("Agenda-spiegel", "agenda:spiegel", ("/agenda/",)), order=30
        )
        cli_commands.register("agenda", CliCommand("spil.agenda.cli"), order=30)
