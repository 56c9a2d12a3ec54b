"""Settings for running Spil for an organisation on a server, behind nginx or Caddy over HTTPS.

`python -m django check --deploy` is clean under these settings (tested). Every value read from
the environment is listed in docs/configuratie.md; docs/installatie.md describes the set-up.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = False

if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Zet SPIL_SECRET_KEY op een lange willekeurige waarde (minstens 50 tekens), "
        "bijvoorbeeld de uitvoer van: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env.list("SPIL_ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Zet SPIL_ALLOWED_HOSTS op de hostnaam van Spil, bijvoorbeeld spil.example.nl"
    )
CSRF_TRUSTED_ORIGINS = env.list(
    "SPIL_CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS]
)

# HTTPS only. The reverse proxy ends TLS and says so in X-Forwarded-Proto; Django trusts that
# header only when SPIL_ACHTER_PROXY is on (the default), so set it off when gunicorn is
# reachable without the proxy.
if env.bool("SPIL_ACHTER_PROXY", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # django-axes takes the client address from X-Forwarded-For as the one proxy in front
    # appended it (the right-most entry), so a client cannot choose its own address.
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
SECURE_SSL_REDIRECT = env.bool("SPIL_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SPIL_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SPIL_HSTS_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SPIL_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = env.int("SPIL_SESSIE_SECONDEN", default=60 * 60 * 10)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Staff and beheer roles must use two-factor login here (see spil.core.security).
SPIL_2FA_VERPLICHT = env.bool("SPIL_2FA_VERPLICHT", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("SPIL_LOG_LEVEL", default="INFO")},
}
