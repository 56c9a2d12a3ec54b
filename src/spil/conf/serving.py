"""How gunicorn serves Spil: one place for `spil serve` (local and `--productie`) and for a
server that starts gunicorn itself (docs/installatie.md):

    gunicorn -c python:spil.conf.serving spil.wsgi:application

- `gthread` workers with several threads each: a browser that opens a connection and sends
  nothing (browsers pre-open them) ties up one thread, not the whole process, and a slow
  request does not hold up the others;
- sensible timeouts: a worker whose main loop stops answering is replaced after `timeout`;
  idle keep-alive connections are closed after `keepalive` seconds;
- an access log without query strings or referrers: search terms and other things typed into
  a form (`?q=…`) never land in the log.

Plain settings: no Django imports (gunicorn reads this module before Django starts).
"""

from __future__ import annotations

import os

WORKER_CLASS = "gthread"
THREADS = 4
TIMEOUT_SECONDS = 30
GRACEFUL_TIMEOUT_SECONDS = 30
KEEPALIVE_SECONDS = 5
# gunicorn's own format without %(r)s (request line with query string), %(f)s (referrer, which
# carries the previous page's query string) and %(a)s (user agent): method, path, protocol,
# status, size and duration in milliseconds.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


def gunicorn_settings(*, bind: str, workers: int, threads: int = THREADS) -> dict[str, object]:
    """The gunicorn settings by name (as `gunicorn --help` spells them)."""
    return {
        "bind": bind,
        "workers": workers,
        "worker_class": WORKER_CLASS,
        "threads": threads,
        "timeout": TIMEOUT_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
        "keepalive": KEEPALIVE_SECONDS,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
    }


# Module-level names for `gunicorn -c python:spil.conf.serving`.
_settings = gunicorn_settings(
    bind=os.environ.get("SPIL_BIND", "127.0.0.1:8000"),
    workers=int(os.environ.get("SPIL_WEBPROCESSEN", "3")),
    threads=int(os.environ.get("SPIL_THREADS", str(THREADS))),
)
bind = _settings["bind"]
workers = _settings["workers"]
worker_class = _settings["worker_class"]
threads = _settings["threads"]
timeout = _settings["timeout"]
graceful_timeout = _settings["graceful_timeout"]
keepalive = _settings["keepalive"]
accesslog = _settings["accesslog"]
access_log_format = _settings["access_log_format"]
