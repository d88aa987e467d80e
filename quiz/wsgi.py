"""WSGI entry point for gunicorn (`make serve`)."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quiz.settings")
application = get_wsgi_application()
if not settings.SECRET_KEY:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY before serving (or DJANGO_DEBUG=1 on your own machine)."
    )
