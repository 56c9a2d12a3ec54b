"""Two-factor login pages: set-up, the second step after login, recovery codes, turning off."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from . import two_factor_selectors as selectors
from . import two_factor_services as services
from .two_factor_forms import TwoFactorCodeForm

RECOVERY_CODES_SESSION_KEY = "spil_herstelcodes"


def _next_url(request: HttpRequest, default: str = "web:start") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(default)


@require_http_methods(["GET"])
def two_factor_overview(request: HttpRequest) -> HttpResponse:
    status = selectors.two_factor_status_get(user=request.user)
    return render(request, "accounts/tweestaps.html", {"status": status})


@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if selectors.two_factor_status_get(user=user).enabled:
        if not user.is_verified():
            return redirect(reverse("tweestaps:controleren"))
        messages.info(request, "Tweestapsverificatie staat al aan.")
        return redirect("tweestaps:overzicht")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.two_factor_device_confirm(user=user, token=form.cleaned_data["code"])
        if result is not None:
            device, codes = result
            otp_login(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            messages.success(request, "Tweestapsverificatie staat aan.")
            url = reverse("tweestaps:herstelcodes")
            next_url = _next_url(request, default="tweestaps:overzicht")
            return HttpResponseRedirect(f"{url}?next={next_url}")
        form.add_error(
            "code", "Deze code klopt niet. Neem de code die de app nu toont (zes cijfers)."
        )
    device = services.two_factor_device_start(user=user)
    context = {
        "form": form,
        "qr_uri": selectors.two_factor_qr_svg_uri(device=device),
        "secret": selectors.two_factor_secret_get(device=device),
        "required": selectors.two_factor_status_get(user=user).required,
        "next": _next_url(request, default="tweestaps:overzicht"),
    }
    return render(
        request,
        "accounts/tweestaps_instellen.html",
        context,
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    if not selectors.two_factor_status_get(user=user).enabled:
        return redirect("tweestaps:instellen")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.two_factor_verify(user=user, token=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error(
            "code",
            "Deze code klopt niet of is verlopen. Heb je net een paar foute codes ingevuld, "
            "wacht dan even en probeer het opnieuw.",
        )
    return render(
        request,
        "accounts/tweestaps_controleren.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def two_factor_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shows new recovery codes until the user says they are stored; POST makes new ones."""
    if not selectors.two_factor_status_get(user=request.user).enabled:
        return redirect("tweestaps:overzicht")
    if request.method == "POST":
        if request.POST.get("actie") == "opgeslagen":
            request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
            return HttpResponseRedirect(_next_url(request, default="tweestaps:overzicht"))
        request.session[RECOVERY_CODES_SESSION_KEY] = services.two_factor_recovery_codes_renew(
            user=request.user
        )
        messages.success(request, "Er zijn nieuwe herstelcodes; de oude werken niet meer.")
        return redirect("tweestaps:herstelcodes")
    return render(
        request,
        "accounts/tweestaps_herstelcodes.html",
        {
            "codes": request.session.get(RECOVERY_CODES_SESSION_KEY, []),
            "status": selectors.two_factor_status_get(user=request.user),
            "next": _next_url(request, default="tweestaps:overzicht"),
        },
    )


@require_POST
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    status = selectors.two_factor_status_get(user=request.user)
    if status.required:
        messages.error(
            request,
            "Tweestapsverificatie is verplicht voor jouw rol; je kunt het niet uitzetten.",
        )
        return redirect("tweestaps:overzicht")
    services.two_factor_disable(user=request.user)
    request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    messages.success(request, "Tweestapsverificatie staat uit.")
    return redirect("tweestaps:overzicht")
