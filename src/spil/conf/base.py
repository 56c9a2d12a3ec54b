"""Settings for Spil. Every value read from the environment is listed in docs/configuratie.md."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

from spil.conf.sqlite import sqlite_options

SRC_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = SRC_DIR.parents[1]

env = environ.Env()

DATA_DIR = Path(env.str("SPIL_DATA_DIR", default=str(BASE_DIR / "data"))).resolve()

DEBUG = env.bool("SPIL_DEBUG", default=False)
SECRET_KEY = env.str("SPIL_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("SPIL_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("SPIL_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "spil.core",
    "spil.accounts",
    "spil.kennis",
    "spil.agenda",
    "spil.netwerk",
    "spil.reflectie",
    "spil.leergang",
    "spil.oefenen",
    "spil.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every page needs a login; views that don't opt out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After login: the second step for users with a device, or setting one up where required.
    "spil.core.security.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so it sees the login view's failed attempts and answers a lockout.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "spil.urls"
WSGI_APPLICATION = "spil.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'spil.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL, BEGIN IMMEDIATE and a deliberate busy timeout: see spil.conf.sqlite.
    DATABASES["default"]["OPTIONS"] = {
        **sqlite_options(busy_timeout=env.float("SPIL_SQLITE_WACHTTIJD_SECONDEN", default=10)),
        **DATABASES["default"].get("OPTIONS", {}),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Permissions come from the access matrix in spil.core.access (roles × resources × actions).
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Django's validators with Dutch messages: at least 12 characters, not a common password, not
# like the user name, not only digits.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "spil.accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "spil.accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "spil.accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "spil.accounts.password_validation.NumericPasswordValidator"},
]

# Failed logins (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from
# one address, that combination waits AXES_COOLOFF_TIME; the login page says so in Dutch.
AUTHENTICATION_BACKENDS = [
    "spil.accounts.backends.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Permissions the UI asks for (kennis.curate_library, ...) come from the access matrix.
    "spil.core.backends.AccessPolicyBackend",
]
AXES_FAILURE_LIMIT = env.int("SPIL_LOGIN_POGINGEN", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SPIL_LOGIN_WACHTTIJD_MINUTEN", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "spil.accounts.lockout.login_locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Keep no log of successful logins (address, browser): only failed attempts, and only as long
# as they count towards a lock.
AXES_DISABLE_ACCESS_LOG = True
# Without a reverse proxy the client's address is the connection's; production reads the
# proxy's X-Forwarded-For instead (conf/production.py).
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Two-factor login (django-otp, TOTP plus recovery codes). Always optional for whoever wants it;
# required for staff and beheer roles (spil.core.security.requires_two_factor) only when
# SPIL_2FA_VERPLICHT is on: production turns it on, a local single-user install leaves it off.
SPIL_2FA_VERPLICHT = env.bool("SPIL_2FA_VERPLICHT", default=False)
OTP_TOTP_ISSUER = "Spil"

# Content-Security-Policy: only Spil's own scripts, styles, images and requests. Templates have
# no inline scripts or styles; charts are SVG from the same page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "static"]
NODE_MODULES_DIR = BASE_DIR / "node_modules"
if NODE_MODULES_DIR.is_dir():
    STATICFILES_DIRS.append(("npm", NODE_MODULES_DIR))
WHITENOISE_USE_FINDERS = True

MEDIA_ROOT = DATA_DIR / "uploads"

# Django's cache holds rendered charts (spil.core.charts.cached_chart). Files under the data
# folder, so that every gunicorn worker and the command line share them without a server;
# SPIL_CACHE_URL (django-environ syntax, e.g. redis://...) replaces it. It must be shared by
# every web process (the owners' data versions live in it): not locmem with several workers.
CACHES = {
    "default": env.cache_url(
        "SPIL_CACHE_URL",
        default=f"filecache://{DATA_DIR / 'cache'}?max_entries=2000",
    )
}

# Uploads above this size are refused before they are read into memory.
SPIL_MAX_UPLOAD_BYTES = env.int("SPIL_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
# Reading one file runs in a child process within these limits (spil.kennis.extraction.sandbox);
# a file that needs more fails with a Dutch message naming the limit.
SPIL_EXTRACTIE_SECONDEN = env.float("SPIL_EXTRACTIE_SECONDEN", default=120)
SPIL_EXTRACTIE_GEHEUGEN_MB = env.int("SPIL_EXTRACTIE_GEHEUGEN_MB", default=2048)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Flash messages (which may name an appointment or a document) stay on the server, in the
# session, instead of travelling in a readable cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Semantic search: passage vectors are made in the background after ingestion.
SPIL_SEARCH_VECTORS = env.bool("SPIL_SEARCH_VECTORS", default=True)

TASKS = {
    "default": {
        "BACKEND": env.str("SPIL_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("SPIL_LOG_LEVEL", default="WARNING")},
}
