from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "spil.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        user_logged_out.connect(_say_logged_out, dispatch_uid="spil-logged-out")


def _say_logged_out(sender, request, user, **kwargs) -> None:
    # Without it the login form appears with no word on what happened.
    from django.contrib import messages

    if request is not None and hasattr(request, "_messages"):
        messages.info(request, "Je bent uitgelogd.")
