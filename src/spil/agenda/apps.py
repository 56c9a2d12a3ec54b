from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "spil.agenda"
    label = "agenda"
    verbose_name = "Agenda-spiegel"
