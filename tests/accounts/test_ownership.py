"""Every personal record has an owner: a guard for models that later capabilities add."""

import pytest
from django.apps import apps
from django.conf import settings

# Apps whose records are personal (agenda, network, reflections, profiles...).
PERSONAL_APPS = {"agenda", "netwerk", "reflectie"}
# Models outside those apps that are personal too, e.g. what a user has read.
PERSONAL_MODELS_ELSEWHERE = {"kennis.unitvisit", "kennis.upload"}


def personal_models():
    for model in apps.get_models():
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        if model._meta.app_label in PERSONAL_APPS or label in PERSONAL_MODELS_ELSEWHERE:
            yield model


def owner_path(model, depth=0):
    """The model has an owner, directly or through a required parent that has one."""
    fields = {f.name: f for f in model._meta.get_fields() if f.concrete}
    owner = fields.get("owner")
    if owner is not None and owner.related_model._meta.label == settings.AUTH_USER_MODEL:
        return not owner.null
    if depth > 2:
        return False
    return any(
        f.many_to_one and not f.null and owner_path(f.related_model, depth + 1)
        for f in fields.values()
        if getattr(f, "related_model", None) is not None and f.related_model is not model
    )


@pytest.mark.parametrize("model", list(personal_models()), ids=lambda m: m._meta.label or "geen")
def test_personal_model_has_a_required_owner(model):
    assert owner_path(model), f"{model._meta.label} heeft geen verplichte eigenaar"
