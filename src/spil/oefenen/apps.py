from django.apps import AppConfig


class OefenenConfig(AppConfig):
    name = "spil.oefenen"
    label = "oefenen"
    verbose_name = "Oefenen"

    def ready(self) -> None:
        from spil.core.registry import (
            AvgProvider,
            CliCommand,
            NavItem,
            avg_providers,
            cli_commands,
            navigation,
        )

        from . import avg

        navigation.register(
            "oefenen", NavItem("Oefenen", "oefenen:lijst", ("/oefenen/",)), order=60
        )
        cli_commands.register("oefenen", CliCommand("spil.oefenen.cli"), order=60)
        avg_providers.register(
            "oefenen",
            AvgProvider(
                label="Oefenen",
                models=("oefenen.Oefensessie",),
                export=avg.oefenen_export,
                delete=avg.oefenen_delete,
            ),
        )
        avg_providers.register(
            "oefenen_groepsspel",
            AvgProvider(
                label="Oefenen: samen met je intervisiegroep",
                models=("oefenen.Groepssessie", "oefenen.Groepsdeelname"),
                export=avg.groepsspel_export,
                delete=avg.groepsspel_delete,
            ),
        )
