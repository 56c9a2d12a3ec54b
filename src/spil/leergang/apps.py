from django.apps import AppConfig


class LeergangConfig(AppConfig):
    name = "spil.leergang"
    label = "leergang"
    verbose_name = "Leergang"

    def ready(self) -> None:
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
            "leergang", NavItem("Leergang", "leergang:start", ("/leergang/",)), order=55
        )
        start_panels.register(
            "leergang", StartPanel("leergang/_start_panel.html", panels.start_panel), order=45
        )
        cli_commands.register("leergang", CliCommand("spil.leergang.cli"), order=50)
        avg_providers.register(
            "leergang",
            AvgProvider(
                label="Leergang",
                models=(
                    "leergang.Deelnemer",
                    "leergang.Modulevoorkeur",
                    "leergang.Coachvoorkeur",
                    "leergang.Leervraag",
                    "leergang.Intervisiegroep",
                    "leergang.Moduletoewijzing",
                    "leergang.Meeloopstage",
                    "leergang.Coachkoppeling",
                    "leergang.Coach",
                    "leergang.Kandidaatprofiel",
                    "leergang.Profielvrijgave",
                ),
                export=avg.leergang_export,
                delete=avg.leergang_delete,
            ),
        )
