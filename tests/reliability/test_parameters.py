"""Out-of-range input in the address never gives a 500 (issue 14, point 3).

Every URL pattern (the resolver walk of tests/core/test_url_walker.py) is requested by the
owner of its objects with every query parameter its views read set to hostile values: huge and
negative numbers, text where numbers belong, dates at the edges of the calendar, NUL bytes,
10 kB strings, and periods of centuries. The parameters are found, not listed: every literal
`request.GET.get("x")` / `getlist` / `["x"]` in a views module, and every field of a form that a
views module builds from `request.GET`.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from functools import cache

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from spil.accounts.services import role_grant
from tests.core.personal_data import fill
from tests.core.test_url_walker import PATTERNS, _kwargs

pytestmark = pytest.mark.django_db

VALUES = [
    "99999999999999999999999",
    "9223372036854775808",
    "-1",
    "0",
    "abc",
    "²",
    "1e400",
    "9999-12-31",
    "0001-01-01",
    "a\x00b",
    "x" * 10_240,
    "",
]
# (van, tot): the period pages also get whole periods that are too long, reversed or at the
# edges of the calendar.
PERIODS = [
    ("0001-01-01", "9999-12-31"),
    ("1826-01-01", "2026-01-01"),
    ("1900-01-01", "2100-12-31"),
    ("9999-12-31", "9999-12-31"),
    ("0001-01-01", "0001-01-01"),
    ("2199-12-31", "2199-12-31"),
    ("1900-01-01", "1900-01-01"),
    ("2026-01-01", "2025-01-01"),
    ("2021-01-01", "2025-12-31"),
]


def _is_get(node: ast.AST) -> bool:
    """`request.GET` (or `self.request.GET`)."""
    return isinstance(node, ast.Attribute) and node.attr == "GET"


def _uses_get(node: ast.AST) -> bool:
    return any(_is_get(inner) for inner in ast.walk(node))


@cache
def parameters_of(module_name: str) -> frozenset[str]:
    """The query parameters the views in one module read."""
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    names: set[str] = set()
    for node in ast.walk(tree):
        # request.GET.get("x"), request.GET.getlist("x")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and _is_get(node.func.value)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
        # request.GET["x"]
        if (
            isinstance(node, ast.Subscript)
            and _is_get(node.value)
            and isinstance(node.slice, ast.Constant)
        ):
            names.add(str(node.slice.value))
        # SomeForm(request.GET ...): every field of that form
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and any(_uses_get(arg) for arg in node.args)
        ):
            form = getattr(module, node.func.id, None)
            if isinstance(form, type) and issubclass(form, forms.BaseForm):
                names.update(form.base_fields)
    return frozenset(names)


def _view_module(pattern) -> str:
    callback = pattern.callback
    view = getattr(callback, "view_class", None) or callback
    return view.__module__


def _swept() -> list[str]:
    return [name for name, pattern in PATTERNS if parameters_of(_view_module(pattern))]


def test_the_sweep_finds_the_parameters():
    found = set()
    for _name, pattern in PATTERNS:
        found |= parameters_of(_view_module(pattern))
    assert {"van", "tot", "q", "document", "hoofdstuk", "jaren", "tabel", "gekozen"} <= found
    assert {"kennis:search", "agenda:spiegel", "netwerk:overzicht"} <= set(_swept())


@pytest.fixture
def owner(user, django_user_model):
    reader = django_user_model.objects.create_user(username="lezer", password="x" * 16)
    fill(user, tag="eigenaar", watcher=reader)
    fill(reader, tag="lezer", watcher=user)
    role_grant(actor=None, user=user, role="functioneel_beheerder")
    return user


def _requests(params: frozenset[str]):
    for name in sorted(params):
        for value in VALUES:
            yield {name: value}
    if {"van", "tot"} <= params:
        for van, tot in PERIODS:
            yield {name: van if name == "van" else tot for name in params if name != "q"} | {
                "van": van,
                "tot": tot,
            }
            yield {"van": van, "tot": tot}


@pytest.mark.parametrize("name", _swept())
def test_no_parameter_gives_500(owner, name):
    pattern = dict(PATTERNS)[name]
    objects, values = _kwargs(pattern, owner, name)
    url = reverse(name, kwargs={**objects, **values})
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    failures = []
    for query in _requests(parameters_of(_view_module(pattern))):
        response = client.get(url, query)
        if response.status_code >= 500:
            shown = {k: (v[:20] + "…" if len(v) > 20 else v) for k, v in query.items()}
            failures.append(f"GET {url} {shown}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_period_too_long_is_refused_in_dutch(owner):
    client = Client()
    client.force_login(owner)
    for url in (reverse("agenda:spiegel"), reverse("netwerk:overzicht")):
        # Two centuries: the request that ran 31 s before.
        response = client.get(url, {"van": "1900-01-01", "tot": "2100-12-31"})
        assert response.status_code == 200
        assert "De periode is te lang: kies hoogstens 5 jaar." in response.content.decode()
        response = client.get(url, {"van": "0001-01-01", "tot": "9999-12-31"})
        assert "Kies een datum tussen 01-01-1900 en 31-12-2199." in response.content.decode()


def test_an_impossible_document_id_is_a_dutch_message(owner):
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("kennis:search"), {"q": "college", "document": "9" * 23})
    assert response.status_code == 200
    assert "Dit nummer bestaat niet." in response.content.decode()
