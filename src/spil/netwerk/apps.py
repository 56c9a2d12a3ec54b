from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    name = "spil.netwerk"
    label = "netwerk"
    verbose_name = "Netwerkkaart"

    def ready(self) -> None:
        from spil.agenda.signals import agenda_gewijzigd
        from spil.core.registry import (
            AvgProvider,
            CliCommand,
            NavItem,
            StartPanel,
            avg_providers,
            cli_commands,
            navigation,
            start_panels,
        )

        from . import avg, panels

        navigation.register(
            "netwerk", NavItem("Netwerk", "netwerk:overzicht", ("/netwerk/",)), order=40
        )
        cli_commands.register("netwerk", CliCommand("spil.netwerk.cli"), order=40)
        avg_providers.register(
            "netwerk",
            AvgProvider(
                label="Netwerkkaart",
                models=avg.MODELS,
                export=avg.export,
                delete=avg.delete,
            ),
            order=40,
        )
        start_panels.register(
            "netwerk", StartPanel("netwerk/_start_panel.html", panels.start_context), order=40
        )
        agenda_gewijzigd.connect(_agenda_gewijzigd, dispatch_uid="netwerk_bijwerken")


def _agenda_gewijzigd(sender, *, owner, **kwargs) -> None:
    from .services import netwerk_bijwerken

    netwerk_bijwerken(user=owner)
