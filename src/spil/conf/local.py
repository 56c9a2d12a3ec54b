"""Settings for running Spil on one machine (the default)."""

from .base import *  # noqa: F403
from .base import DATA_DIR, SECRET_KEY
from .sqlite import private_folder

# The database, the keys and the uploads: readable by the account that runs Spil only.
private_folder(DATA_DIR)

if not SECRET_KEY:
    # A local install keeps its own random key beside its database.
    from spil.conf.secret import load_or_create_secret_key

    SECRET_KEY = load_or_create_secret_key(DATA_DIR)
