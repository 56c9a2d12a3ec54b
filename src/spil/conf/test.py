"""Settings for the test suite: fast hashing, immediate tasks, isolated data folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DATA_DIR = Path(tempfile.mkdtemp(prefix="spil-test-"))
MEDIA_ROOT = DATA_DIR / "uploads"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Embedding every ingested test document would cost seconds each; tests that need vectors
# build them directly (tests/kennis/search/conftest.py).
SPIL_SEARCH_VECTORS = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Each test process its own in-memory cache (rendered charts), not files in the repo.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
