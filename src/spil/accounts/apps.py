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

        from spil.core.registry import AvgProvider, CliCommand, avg_providers, cli_commands

        user_logged_out.connect(_say_logged_out, dispatch_uid="spil-logged-out")
        cli_commands.register("tweestaps", CliCommand("spil.accounts.two_factor_cli"), order=90)
        avg_providers.register(
            "tweestapsverificatie",
            AvgProvider(
                label="Tweestapsverificatie",
                models=("otp_totp.TOTPDevice", "otp_static.StaticDevice", "otp_static.StaticToken"),
                export=_two_factor_export,
                delete=_two_factor_delete,
            ),
        )


def _say_logged_out(sender, request, user, **kwargs) -> None:
    # Without it the login form appears with no word on what happened.
    from django.contrib import messages

    if request is not None and hasattr(request, "_messages"):
        messages.info(request, "Je bent uitgelogd.")


def _two_factor_export(*, user) -> dict:
    # Which devices exist and when they were used; never the secret keys or recovery codes.
    from django_otp import devices_for_user

    return {
        "apparaten": [
            {
                "soort": "herstelcodes" if device._meta.model_name == "staticdevice" else "app",
                "naam": device.name,
                "bevestigd": device.confirmed,
                "aangemaakt": device.created_at.isoformat() if device.created_at else None,
                "laatst_gebruikt": (
                    device.last_used_at.isoformat() if device.last_used_at else None
                ),
            }
            for device in devices_for_user(user, confirmed=None)
        ]
    }


def _two_factor_delete(*, user) -> None:
    from .two_factor_services import two_factor_disable

    two_factor_disable(user=user)
