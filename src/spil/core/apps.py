from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "spil.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from spil.conf.sqlite import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="spil-sqlite-private")
