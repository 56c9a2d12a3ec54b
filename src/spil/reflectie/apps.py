from django.apps import AppConfig


class ReflectieConfig(AppConfig):
    name = "spil.reflectie"
    label = "reflectie"
    verbose_name = "Reflectie"

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
            "reflectie", NavItem("Reflectie", "reflectie:vandaag", ("/reflectie/",)), order=40
        )
        cli_commands.register("reflectie", CliCommand("spil.reflectie.cli"), order=40)
        start_panels.register(
            "reflectie", StartPanel("reflectie/_start_panel.html", panels.start_panel), order=40
        )
        avg_providers.register(
            "reflectie",
            AvgProvider(
                label="Reflectie",
                models=avg.MODELS,
                export=avg.export,
                delete=avg.delete,
            ),
        )
