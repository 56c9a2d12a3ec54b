from django.apps import AppConfig


class KennisConfig(AppConfig):
    name = "spil.kennis"
    label = "kennis"
    verbose_name = "Kennisbank"

    def ready(self) -> None:
        from spil.core.registry import avg_providers
        from spil.kennis.avg import PROVIDER

        avg_providers.register("kennis", PROVIDER, order=10)
        from spil.core.registry import (
            CliCommand,
            NavItem,
            StartupJob,
            cli_commands,
            navigation,
            startup_jobs,
        )

        navigation.register(
            "bibliotheek",
            NavItem("Bibliotheek", "kennis:library", ("/bibliotheek/", "/documenten/", "/themas/")),
            order=10,
        )
        navigation.register("zoeken", NavItem("Zoeken", "kennis:search", ("/zoeken/",)), order=20)
        cli_commands.register("kennis", CliCommand("spil.kennis.cli"), order=10)
        cli_commands.register("kennis-zoeken", CliCommand("spil.kennis.search_cli"), order=11)
        cli_commands.register(
            "kennis-bibliotheek", CliCommand("spil.kennis.curation_cli"), order=12
        )
        startup_jobs.register(
            "documenten-herstellen",
            StartupJob("half ingelezen documenten", _remove_unready_documents),
            order=50,
        )
        startup_jobs.register(
            "uploads-hervatten", StartupJob("onderbroken uploads", _requeue_interrupted_uploads)
        )
        startup_jobs.register(
            "vectoren-aanvullen",
            StartupJob("betekenisvectoren die nog ontbreken", _queue_missing_vectors),
            order=60,
        )
        # Before gunicorn forks: every worker shares the word list and the library's words
        # instead of loading them at its first search with a typo.
        startup_jobs.register(
            "woordenlijst", StartupJob("woordenlijst voor 'Bedoelde je'", _load_word_list)
        )


def _load_word_list() -> None:
    from spil.kennis.search.spelling import dutch_words_load
    from spil.kennis.search.spelling_index import spelling_vocabulary

    dutch_words_load()
    spelling_vocabulary()  # the shared library's words, also shared with the workers


def _queue_missing_vectors() -> str | None:
    from spil.kennis.search.vector_tasks import vectors_enqueue_missing

    if queued := vectors_enqueue_missing():
        return f"Betekenisvectoren van {queued} document(en) in de wachtrij gezet."
    return None


def _remove_unready_documents() -> str | None:
    from spil.kennis.services import document_recover_unready

    if removed := document_recover_unready():
        return f"{removed} half ingelezen document(en) verwijderd."
    return None


def _requeue_interrupted_uploads() -> str | None:
    from spil.kennis.library_services import upload_requeue_interrupted

    if requeued := upload_requeue_interrupted():
        return f"{requeued} onderbroken upload(s) opnieuw in de wachtrij gezet."
    return None
