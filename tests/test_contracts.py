"""The import contracts (pyproject.toml, checked by lint-imports in scripts/test) cover every app.

A new app under src/spil/ must be added to them; this test says where.
"""

import tomllib

from django.conf import settings

from tests.conftest import REPO_DIR

FOUNDATION = {"spil.core", "spil.accounts"}


def contracts() -> dict[str, dict]:
    config = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def spil_apps() -> set[str]:
    return {app for app in settings.INSTALLED_APPS if app.startswith("spil.")} - FOUNDATION


def test_every_app_is_independent_of_the_others_but_for_selectors_and_services():
    missing = spil_apps() - set(contracts()["apps"]["modules"])
    assert not missing, f"voeg {sorted(missing)} toe aan het contract 'apps' in pyproject.toml"


def test_every_app_has_its_place_in_the_layers():
    layered = {
        module.strip().strip("()")
        for layer in contracts()["layers"]["layers"]
        for module in layer.split(":")
    }
    missing = spil_apps() - layered
    assert not missing, f"voeg {sorted(missing)} toe aan het contract 'layers' in pyproject.toml"
    assert [layer.strip() for layer in contracts()["layers"]["layers"][-2:]] == [
        "spil.accounts",
        "spil.core",
    ]
