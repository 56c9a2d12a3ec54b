from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "spil.agenda"
    label = "agenda"
    verbose_name = "Agenda-spiegel"

    def ready(self) -> None:
        from spil.agenda.avg import PROVIDER
        from spil.core.registry import avg_providers

        avg_providers.register("agenda", PROVIDER, order=30)
        from spil.core.registry import CliCommand, NavItem, cli_commands, navigation

        navigation.register(
            "agenda", NavItem("Agenda-spiegel", "agenda:spiegel", ("/agenda/",)), order=30
        )
        cli_commands.register("agenda", CliCommand("spil.agenda.cli"), order=30)

        from spil.agenda.signals import agenda_gewijzigd

        # Cached mirror charts of the old data become unreachable (spil.core.charts).
        agenda_gewijzigd.connect(_charts_stale, dispatch_uid="agenda_grafieken_verouderd")


def _charts_stale(sender, *, owner, **kwargs) -> None:
    from spil.core.chart_cache import chart_version_bump

    chart_version_bump(scope="agenda", owner_id=owner.pk)
