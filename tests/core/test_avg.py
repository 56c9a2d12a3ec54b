"""AVG: every personal model is in a provider; the zip holds every personal record and the
original files; removing an account leaves no row of it behind, all or nothing."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

from spil.accounts.models import User
from spil.core.avg import account_delete, avg_export_zip
from spil.core.registry import AvgProvider, avg_providers
from spil.kennis.models import Document
from spil.kennis.search import unit_search
from tests.core.personal_data import fill

pytestmark = pytest.mark.django_db

# Which foreign key says whose row it is, in order of preference.
OWNERSHIP_FIELDS = ("owner", "user", "subject")


def _user_fks(model) -> list[models.ForeignKey]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation
        and f.related_model is not None
        and f.related_model._meta.label == settings.AUTH_USER_MODEL
    ]


def personal_models() -> list[type[models.Model]]:
    """Every model that points at a user (or is the user): personal unless proven otherwise."""
    found = []
    for model in apps.get_models():
        if model._meta.label == settings.AUTH_USER_MODEL or _user_fks(model):
            found.append(model)
    return found


def _ownership_filter(model, user) -> dict:
    if model._meta.label == settings.AUTH_USER_MODEL:
        return {"pk": user.pk}
    names = {f.name for f in _user_fks(model)}
    for name in OWNERSHIP_FIELDS:
        if name in names:
            return {name: user}
    raise AssertionError(f"{model._meta.label}: geen eigenaarsveld ({', '.join(names)})")


# The apps whose every personal model `fill` gives rows.
FILLED_APPS = {"accounts", "core", "kennis", "agenda"}


def _covered() -> set[str]:
    # Providers name models as "app_label.ModelName"; compare case-insensitively.
    return {label.lower() for provider in avg_providers for label in provider.models}


@pytest.mark.parametrize("model", personal_models(), ids=lambda m: m._meta.label_lower)
def test_every_personal_model_is_in_a_provider(model):
    assert model._meta.label_lower in _covered(), (
        f"{model._meta.label} verwijst naar een gebruiker maar staat in geen AVG-provider; "
        "registreer het in de AvgProvider van de app (apps.py)."
    )


def test_the_zip_holds_every_personal_record_and_the_original_files(user, other_user):
    fill(user, tag="a", watcher=other_user)
    fill(other_user, tag="b", watcher=user)

    archive = zipfile.ZipFile(io.BytesIO(avg_export_zip(user=user)))
    names = archive.namelist()
    exported: dict[str, list] = {}
    for key, provider in avg_providers.items():
        data = json.loads(archive.read(f"gegevens/{key}.json"))
        if isinstance(data, dict):
            data = {label.lower(): rows for label, rows in data.items()}
            for label in provider.models:
                if label.lower() in data:
                    exported[label.lower()] = data[label.lower()]
        else:
            # A provider of one model may export a plain list of its rows.
            assert len(provider.models) == 1, key
            exported[provider.models[0].lower()] = data

    for model in personal_models():
        label = model._meta.label_lower
        if model._meta.app_label not in FILLED_APPS:
            # Apps with their own export format test it in their own tests
            # (netwerk, reflectie, oefenen: test_avg_* there); here the platform's own apps.
            continue
        expected = set(
            model.objects.filter(**_ownership_filter(model, user)).values_list("pk", flat=True)
        )
        assert expected, f"de testgegevens vullen {label} niet"
        rows = exported[label]
        if rows and all(isinstance(row, dict) and "id" in row for row in rows):
            assert {row["id"] for row in rows} == expected, label
        else:
            assert len(rows) == len(expected), label

    assert "bestanden/kennis/notitie-a.md" in names
    assert archive.read("bestanden/kennis/notitie-a.md").endswith(b"a")
    assert not any("notitie-b" in name for name in names)
    assert b"password" not in archive.read("gegevens/accounts.json")


def test_removing_an_account_leaves_no_row_of_it(user, other_user):
    private = fill(user, tag="a", watcher=other_user)
    fill(other_user, tag="b", watcher=user)

    def others_rows(user_id):
        # The other person's rows that do not also point at the removed user (a reflection
        # shared *with* the removed user goes with its recipient; that is the point).
        counts = {}
        for m in personal_models():
            rows = m.objects.filter(**_ownership_filter(m, other_user))
            for field in _user_fks(m):
                cascades = field.remote_field.on_delete is models.CASCADE
                if cascades and field.name not in _ownership_filter(m, other_user):
                    rows = rows.exclude(**{field.attname: user_id})
            counts[m._meta.label] = rows.count()
        return counts

    user_id = user.pk
    before_other = others_rows(user_id)

    account_delete(actor=user, user=user)

    for model in personal_models():
        for field in _user_fks(model):
            assert not model.objects.filter(**{field.attname: user_id}).exists(), (
                f"{model._meta.label}.{field.name}"
            )
    assert not User.objects.filter(pk=user_id).exists()
    assert not Document.objects.filter(pk=private.pk).exists()
    assert unit_search(query="griffie raad", document_ids=[private.pk]) == []
    after_other = others_rows(user_id)
    # The other person's lines about what the removed user did stay (actor emptied, name kept).
    assert after_other == before_other
    assert Document.objects.filter(owner__isnull=True).exists()  # shared library stays


def test_removal_is_all_or_nothing(user):
    fill(user, tag="a")

    def broken(*, user):
        raise RuntimeError("provider faalt")

    avg_providers.register(
        "zz-kapot", AvgProvider("kapot", (), export=lambda *, user: {}, delete=broken), order=999
    )
    try:
        with pytest.raises(RuntimeError):
            account_delete(actor=user, user=user)
    finally:
        avg_providers.unregister("zz-kapot")
    assert User.objects.filter(pk=user.pk).exists()
    assert Document.objects.filter(owner=user).exists()


def test_only_the_person_themself_removes_an_account(user, other_user):
    with pytest.raises(PermissionDenied):
        account_delete(actor=other_user, user=user)
    with pytest.raises(PermissionDenied):
        account_delete(actor=None, user=user)
