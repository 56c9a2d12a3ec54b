"""Walk every URL pattern of every app (present and future) as an anonymous visitor and as a
second user who tries the first user's object ids.

- Anonymous: GET and POST end at the login page, except views marked login_not_required.
- Second user: each id in the URL is filled with an object of the first user; GET and POST
  must answer exactly as for an id that does not exist: 404 (or 405 where the view does not
  take that method at all), never a page, a redirect or a 403 that confirms the object.

Object ids are found generically: a parameter `<name>_id` belongs to the model called <name>
(or ending in it, e.g. bron_id -> agendabron); the first user's row is the one whose owner,
user or subject is that user, directly or through required parents. A parameter the walker
cannot place fails the test, so a new app's URLs are covered or explained here.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from spil.accounts.services import role_grant
from tests.core.personal_data import fill

pytestmark = pytest.mark.django_db

# Parameters whose name does not say their model.
PARAM_MODELS = {
    "assignment_id": "core.roleassignment",
    # oefenen has a play alone (Oefensessie) and a group session (Groepssessie).
    "sessie_id": "oefenen.oefensessie",
}
# `pk` parameters: the model follows from the URL's name (namespace default, then exceptions).
PK_MODELS = {
    "reflectie": "reflectie.reflectiemoment",
    "reflectie:deling_intrekken": "reflectie.deling",
    "reflectie:gedeeld_lezen": "reflectie.deling",
    "reflectie:eigen_vraag_verwijderen": "reflectie.eigenvraag",
}
# Objects whose rightful reader is not their owner: how to find the first user's one.
READER_FIELDS = {"reflectie:gedeeld_lezen": "ontvanger"}
# Parameters that are not object ids but a choice from a fixed set: one valid value.
PARAM_VALUES = {
    "ritme": "week",
    "formaat": "json",
    "scenario_id": "herindeling",
    # The invitation link (public): a link that does not check out.
    "uidb64": "MQ",
    "token": "ongeldig",
}
# Models without an owner of their own: how the first user's row is found (the leergang's
# cohort and plan through the user's participation, a vacancy through their released profile).
OWNER_PATHS = {
    "leergang.cohort": "deelnemers__user",
    "leergang.toewijzingsplan": "cohort__deelnemers__user",
    "leergang.vacature": "vrijgaven__profiel__owner",
}
MISSING_ID = 987_654_321
# Patterns whose real ids may still answer 404 to their owner, with the reason.
OWNER_MAY_GET_404 = {
    # Reading the rest of a file is only possible when an import left appointments out.
    "agenda:import_hele_periode": "de testagenda werd helemaal ingelezen",
    # Keywords belong to themes of the shared library; a private document has none.
    "kennis:unit_keywords": "trefwoorden horen bij de gedeelde bibliotheek",
}


def _walk(patterns, namespace: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _walk(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def url_patterns():
    seen = {}
    for name, pattern in _walk(get_resolver().url_patterns):
        seen.setdefault(name, pattern)
    return sorted(seen.items())


PATTERNS = url_patterns()


def _param_names(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.converters)


def _model_for(param: str, name: str = ""):
    if param in PARAM_MODELS:
        return apps.get_model(PARAM_MODELS[param])
    if param == "pk":
        label = PK_MODELS.get(name) or PK_MODELS.get(name.split(":")[0])
        assert label, f"URL '{name}': parameter 'pk' zonder model; vul PK_MODELS aan"
        return apps.get_model(label)
    assert param.endswith("_id"), f"URL-parameter '{param}': onbekend; vul PARAM_MODELS aan"
    stem = param[: -len("_id")].replace("_", "")
    if stem == "user":
        return apps.get_model(settings.AUTH_USER_MODEL)
    exact = [m for m in apps.get_models() if m._meta.model_name == stem]
    if exact:
        return exact[0]
    ending = [m for m in apps.get_models() if m._meta.model_name.endswith(stem)]
    assert len(ending) == 1, f"URL-parameter '{param}': geen eenduidig model ({ending})"
    return ending[0]


def _owner_path(model, depth: int = 0) -> str | None:
    """The lookup from the model to the user it belongs to ("owner", "document__owner", "pk")."""
    if model._meta.label == settings.AUTH_USER_MODEL:
        return "pk"
    fields = {f.name: f for f in model._meta.concrete_fields}
    for name in ("owner", "user", "subject"):
        field = fields.get(name)
        if field is not None and field.related_model._meta.label == settings.AUTH_USER_MODEL:
            return name
    if depth >= 3:
        return None
    for field in fields.values():
        if field.many_to_one and not field.null and field.related_model is not model:
            inner = _owner_path(field.related_model, depth + 1)
            if inner is not None and inner != "pk":
                return f"{field.name}__{inner}"
    return None


def _victims_object(model, victim, name: str = ""):
    path = READER_FIELDS.get(name) or OWNER_PATHS.get(model._meta.label_lower) or _owner_path(model)
    assert path is not None, f"{model._meta.label}: niet te herleiden tot een eigenaar"
    value = victim.pk if path == "pk" else victim
    obj = model.objects.filter(**{path: value}).order_by("pk").first()
    assert obj is not None, f"geen {model._meta.label} van de eerste gebruiker in de testgegevens"
    return obj


def _kwargs(pattern: URLPattern, victim, name: str = "") -> tuple[dict, dict]:
    """(object ids of the first user, fixed values of non-object parameters)."""
    objects, values = {}, {}
    for param in _param_names(pattern):
        if param in PARAM_VALUES:
            values[param] = PARAM_VALUES[param]
        else:
            objects[param] = _victims_object(_model_for(param, name), victim, name).pk
    return objects, values


@pytest.fixture
def victim(user, django_user_model):
    # A third person the first user shares with, so "shared with me" pages have a row.
    reader = django_user_model.objects.create_user(username="lezer", password="x" * 16)
    fill(user, tag="slachtoffer", watcher=reader)
    fill(reader, tag="lezer", watcher=user)
    # Also beheerder, so every id in the walk is one the first user can really reach.
    role_grant(actor=None, user=user, role="functioneel_beheerder")
    return user


def _is_public(pattern: URLPattern) -> bool:
    return getattr(pattern.callback, "login_required", True) is False


METHODS = ("get", "post")
NAMES = [name for name, _p in PATTERNS]


def test_the_walker_sees_every_app():
    names = set(NAMES)
    assert {"kennis:unit", "agenda:indelen", "beheer:gebruiker", "accounts:gegevens"} <= names


@pytest.mark.parametrize("name", NAMES)
def test_url(victim, other_user, name):
    """One URL pattern: anonymous GET/POST, and the second user's GET/POST with the first
    user's ids (when the pattern takes ids)."""
    pattern = dict(PATTERNS)[name]
    kwargs, values = _kwargs(pattern, victim, name)
    url = reverse(name, kwargs={**kwargs, **values})
    for method in METHODS:
        response = getattr(Client(), method)(url)
        if _is_public(pattern):
            assert response.status_code in {200, 302, 405}, f"{method.upper()} {url}"
        else:
            assert response.status_code == 302, f"anoniem {method.upper()} {url}"
            assert response["Location"].startswith(reverse(settings.LOGIN_URL)), url
    if not kwargs:
        return
    client = Client()
    client.force_login(other_user)
    missing = reverse(name, kwargs={**dict.fromkeys(kwargs, MISSING_ID), **values})
    for method in METHODS:
        answer = getattr(client, method)(url)
        baseline = getattr(client, method)(missing)
        assert baseline.status_code in {404, 405}, f"{method.upper()} {missing}"
        assert answer.status_code == baseline.status_code, f"{method.upper()} {url}"
    # The ids were real: their owner gets something other than "not found".
    if name in OWNER_MAY_GET_404:
        return
    owner = Client()
    owner.force_login(victim)
    statuses = [getattr(owner, method)(url).status_code for method in METHODS]
    assert any(status not in {404, 405} for status in statuses), f"{url}: {statuses}"
