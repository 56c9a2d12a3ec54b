from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "spil.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from spil.accounts.avg import PROVIDER
        from spil.core.registry import avg_providers

        avg_providers.register("accounts", PROVIDER, order=0)

        from spil.core.registry import CliCommand, NavItem, cli_commands, navigation

        navigation.register(
            "beheer",
            NavItem(
                "Beheer", "beheer:gebruikers", ("/beheer/",), permission="accounts.manage_users"
            ),
            order=90,
        )
        cli_commands.register("gebruiker", CliCommand("spil.accounts.cli"), order=90)
        from django.contrib.auth.signals import user_logged_out

        user_logged_out.connect(_say_logged_out, dispatch_uid="spil-logged-out")


def _say_logged_out(sender, request, user, **kwargs) -> None:
    # Without it the login form appears with no word on what happened.
    from django.contrib import messages

    if request is not None and hasattr(request, "_messages"):
        messages.info(request, "Je bent uitgelogd.")
