"""The WSGI application for a server (gunicorn behind nginx or Caddy): production settings unless
DJANGO_SETTINGS_MODULE says otherwise. `spil serve` sets the local settings before it loads this."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.production")

application = get_wsgi_application()
