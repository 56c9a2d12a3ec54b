from django.apps import AppConfig


class LeergangConfig(AppConfig):
    name = "spil.leergang"
    label = "leergang"
    verbose_name = "Leergang"

    def ready(self) -> None:
        from spil.core.registry import CliCommand, cli_commands

        cli_commands.register("leergang", CliCommand("spil.leergang.cli"), order=50)
