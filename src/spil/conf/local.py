"""Settings for running Spil on one machine (the default)."""

from .base import *  # noqa: F403
from .base import DATA_DIR, SECRET_KEY

if not SECRET_KEY:
    # A local install keeps its own random key beside its database.
    from spil.conf.secret import load_or_create_secret_key

    SECRET_KEY = load_or_create_secret_key(DATA_DIR)
