from django.apps import AppConfig


class KennisConfig(AppConfig):
    name = "spil.kennis"
    label = "kennis"
    verbose_name = "Kennisbank"
