"""The baseline of benchmark 4: a minimal Django project, served by gunicorn with exactly the
options the service is served with (``bench/b4_web.py``), so the public start page's throughput
can be compared with the framework's own floor on the same machine at the same moment.

    DJANGO_SETTINGS_MODULE=bench.minimal_site gunicorn bench.minimal_site:application

It is what ``django-admin startproject`` makes, less everything that needs a database (no apps,
so no sessions, authentication or messages): production settings (DEBUG off), the middleware
that works without a database, and one view that answers a small HTML page. This one module is
its settings, its URLconf and its WSGI application.
"""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-minimal-site-secret-key-0123456789-abcdefghij")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.minimal_site"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
TIME_ZONE = "Europe/London"
LOGGING_CONFIG = None

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Minimal page</title></head>
<body><main><h1>Minimal page</h1><p>The baseline of benchmark 4.</p></main></body>
</html>
"""


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE)


urlpatterns = [path("", page, name="page")]

# Last, so that the settings above exist when Django reads them from this (same) module.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.minimal_site")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
