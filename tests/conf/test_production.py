"""Production settings: `check --deploy` clean, refusals in Dutch, and what the headers say."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse

PRODUCTION = "spil.conf.production"


def production_env(tmp_path, **overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SPIL_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SPIL_SECRET_KEY=secrets.token_urlsafe(50),
        SPIL_ALLOWED_HOSTS="spil.example.nl",
        SPIL_DATA_DIR=str(tmp_path / "data"),
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value != ""}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = run(
        ["-m", "django", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_values(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.SPIL_2FA_VERPLICHT, "
        "s.CSRF_TRUSTED_ORIGINS)"
    )
    result = run(["-c", code], production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(None, 7) == [
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True ['https://spil.example.nl']\n",
    ]
    without_proxy = run(["-c", code], production_env(tmp_path, SPIL_ACHTER_PROXY="false"))
    assert "None" in without_proxy.stdout


def test_production_refuses_to_start_without_a_secret_key_or_host(tmp_path):
    result = run(["-m", "django", "check"], production_env(tmp_path, SPIL_SECRET_KEY=""))
    assert result.returncode != 0
    assert "Zet SPIL_SECRET_KEY" in result.stderr
    result = run(["-m", "django", "check"], production_env(tmp_path, SPIL_ALLOWED_HOSTS=""))
    assert result.returncode != 0
    assert "Zet SPIL_ALLOWED_HOSTS" in result.stderr


def test_wsgi_uses_production_settings_by_default(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SETTINGS_MODULE"]
    code = "import spil.wsgi; from django.conf import settings; print(settings.SETTINGS_MODULE)"
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == PRODUCTION


def test_spil_serve_productie_uses_production_settings(tmp_path):
    # Without a secret key the production settings refuse, before any port is opened.
    env = production_env(tmp_path, SPIL_SECRET_KEY="")
    del env["DJANGO_SETTINGS_MODULE"]
    result = run(["-m", "spil.cli", "serve", "--productie", "--port", "8999"], env)
    assert result.returncode != 0
    assert "Zet SPIL_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(client, user):
    client.force_login(user)
    for url in [reverse("accounts:login"), "/", reverse("tweestaps:overzicht")]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives == {
            "default-src": "'none'",
            "script-src": "'self'",
            "style-src": "'self'",
            "img-src": "'self' data:",
            "font-src": "'self'",
            "connect-src": "'self'",
            "form-action": "'self'",
            "base-uri": "'none'",
            "frame-ancestors": "'none'",
            "object-src": "'none'",
        }
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_scripts_or_styles():
    """The Content-Security-Policy allows no inline script or style; keep templates that way."""
    import re
    from pathlib import Path

    import spil

    offenders = []
    for template in Path(spil.__file__).parent.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)", r"<style", r"\sstyle=", r"\son[a-z]+="):
            if re.search(pattern, text):
                offenders.append(f"{template.name}: {pattern}")
    assert not offenders
