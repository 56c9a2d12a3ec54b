"""Beheer (functioneel beheerder): gebruikers, rollen, (de)activeren. Anyone else gets 404."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.models import RoleAssignment
from spil.core.selectors import role_assignments_for

from . import selectors, services
from .forms import DelegateForm, RoleGrantForm, UserCreateForm

PERMISSION = "accounts.manage_users"


def beheer_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@beheer_required
def gebruikers(request):
    return render(
        request,
        "accounts/beheer/gebruikers.html",
        {"users": selectors.user_list(viewer=request.user)},
    )


@beheer_required
@require_http_methods(["GET", "POST"])
def gebruiker_nieuw(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(
                actor=request.user,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
                roles=tuple(form.cleaned_data["roles"]),
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, f"Het account '{user.username}' is aangemaakt.")
            return redirect("beheer:gebruiker", user_id=user.pk)
    return render(request, "accounts/beheer/gebruiker_nieuw.html", {"form": form})


@beheer_required
def gebruiker(request, user_id: int):
    user = selectors.user_get(viewer=request.user, user_id=user_id)
    if user is None:
        raise Http404
    return render(
        request,
        "accounts/beheer/gebruiker.html",
        {
            "subject": user,
            "roles": role_assignments_for(user=user, viewer=request.user),
            "form": RoleGrantForm(),
            "delegate_form": DelegateForm(user=user),
        },
    )


@beheer_required
@require_POST
def rol_toekennen(request, user_id: int):
    user = selectors.user_get(viewer=request.user, user_id=user_id, action="change")
    if user is None:
        raise Http404
    form = RoleGrantForm(request.POST)
    if form.is_valid():
        services.role_grant(actor=request.user, user=user, role=form.cleaned_data["role"])
        messages.success(request, f"Rol toegekend aan '{user.username}'.")
    else:
        messages.error(request, "Kies een rol uit de lijst.")
    return redirect("beheer:gebruiker", user_id=user.pk)


@beheer_required
@require_POST
def gedelegeerde_toekennen(request, user_id: int):
    user = selectors.user_get(viewer=request.user, user_id=user_id, action="change")
    if user is None:
        raise Http404
    form = DelegateForm(request.POST, user=user)
    if form.is_valid():
        secretaris = form.cleaned_data["namens"]
        try:
            services.role_grant(
                actor=request.user, user=user, role="gedelegeerde", scope_object=secretaris
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request, f"'{user.username}' is gedelegeerde namens '{secretaris.username}'."
            )
    else:
        messages.error(request, "Kies de secretaris namens wie deze gebruiker werkt.")
    return redirect("beheer:gebruiker", user_id=user.pk)


@beheer_required
@require_POST
def rol_intrekken(request, user_id: int, assignment_id: int):
    assignment = (
        RoleAssignment.objects.visible_to(request.user, "delete")
        .filter(pk=assignment_id, user_id=user_id)
        .select_related("group", "user")
        .first()
    )
    if assignment is None:
        raise Http404
    label = assignment.role_label
    try:
        services.role_revoke(actor=request.user, assignment=assignment)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, f"Rol {label} ingetrokken bij '{assignment.user.username}'.")
    return redirect("beheer:gebruiker", user_id=user_id)


@beheer_required
@require_POST
def gebruiker_activeren(request, user_id: int):
    user = selectors.user_get(viewer=request.user, user_id=user_id, action="change")
    if user is None:
        raise Http404
    active = request.POST.get("actief") == "1"
    try:
        services.user_set_active(actor=request.user, user=user, active=active)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        state = "geactiveerd" if active else "gedeactiveerd; de gebruiker kan niet meer inloggen"
        messages.success(request, f"Het account '{user.username}' is {state}.")
    return redirect("beheer:gebruiker", user_id=user.pk)
