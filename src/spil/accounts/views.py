"""Mijn account: gegevens downloaden, account verwijderen, wie zag mijn gegevens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from spil.core.avg import account_delete, avg_export_filename, avg_export_zip
from spil.core.registry import avg_providers
from spil.core.selectors import audit_for_subject, role_assignments_for

from .forms import AccountDeleteForm


def account(request):
    return render(
        request,
        "accounts/account.html",
        {"roles": role_assignments_for(user=request.user, viewer=request.user)},
    )


def gegevens(request):
    return render(
        request,
        "accounts/gegevens.html",
        {"providers": [provider.label for provider in avg_providers]},
    )


def gegevens_download(request):
    response = HttpResponse(avg_export_zip(user=request.user), content_type="application/zip")
    filename = avg_export_filename(user=request.user)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def verwijderen(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        username = user.get_username()
        account_delete(actor=user, user=user)
        logout(request)
        messages.success(
            request, f"Het account '{username}' en alle gegevens ervan zijn verwijderd."
        )
        return redirect("accounts:login")
    return render(
        request,
        "accounts/verwijderen.html",
        {"form": form, "providers": [provider.label for provider in avg_providers]},
    )


def wie_zag(request):
    return render(
        request, "accounts/wie_zag.html", {"entries": audit_for_subject(user=request.user)}
    )
