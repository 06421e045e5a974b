"""Settings, read from the environment through the typed helpers in ``casereview.env``.

The defaults run a local development copy as they are; production sets ``DEBUG=0``, a
``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` (see README.md, "Configuration").
"""

from __future__ import annotations

import re
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from casereview.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    # Only ever used on a developer's machine with DEBUG on.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The public address of the service, used in e-mails and letters.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SERVICE_NAME = env_str("SERVICE_NAME", "ASB Case Review")
# How long the signed links e-mailed to the public work: a case's tracking page, and an
# unfinished online application.
TRACKING_LINK_DAYS = env_int("TRACKING_LINK_DAYS", 90)
RESUME_LINK_DAYS = env_int("RESUME_LINK_DAYS", 28)
# Behind a proxy: the header it sets to the client's address (e.g. X-Real-IP), which the public
# pages' rate limits count; empty counts the connection's own address.
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "")
# The partner API: requests allowed per key ("<number>/<s|m|h|d>").
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "600/m")
if not re.fullmatch(r"[1-9][0-9]*/[smhd]", API_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"API_RATE_LIMIT must be a number of requests per s, m, h or d (e.g. 600/m), "
        f"not {API_RATE_LIMIT!r}."
    )
# Published statistics: breakdowns below area level or by victim characteristics show no number
# from 1 to this threshold less one (the four statutory counts are published as they are).
STATISTICS_SUPPRESSION_THRESHOLD = env_int("STATISTICS_SUPPRESSION_THRESHOLD", 5)
if not 2 <= STATISTICS_SUPPRESSION_THRESHOLD <= 100:
    raise ImproperlyConfigured(
        "STATISTICS_SUPPRESSION_THRESHOLD must be a whole number from 2 to 100, "
        f"not {STATISTICS_SUPPRESSION_THRESHOLD}."
    )
# A batch of 1,000 incidents with long descriptions is larger than Django's 2.5 MB default.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "casereview.core",
    "casereview.areas",
    "casereview.accounts",
    "casereview.cases",
    "casereview.partners",
    "casereview.reviews",
    "casereview.appeals",
    "casereview.letters",
    "casereview.audit",
    "casereview.public",
    "casereview.publishing",
    "casereview.pledge",
    "casereview.privacy",
]

MIDDLEWARE = [
    "casereview.core.logs.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves the kept public pages (casereview/public/page_cache.py) without the rest below.
    "casereview.public.middleware.PublicPageMiddleware",
    "csp.middleware.CSPMiddleware",
    "casereview.core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's OTPMiddleware, finding the verified device by a prepared statement.
    "casereview.accounts.otp_middleware.PreparedOTPMiddleware",
    "casereview.accounts.sessions.SessionExpiryMiddleware",
    "casereview.audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "casereview.urls"
WSGI_APPLICATION = "casereview.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "casereview.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "django.contrib.messages.context_processors.messages",
                "casereview.core.context_processors.service",
            ],
        },
    },
    {
        # Kept for Django's own machinery (for example the password reset e-mail subject);
        # every page of the service is a Jinja2 template.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

# Database: SQLite in WAL mode under var/ unless DATABASE_URL says otherwise.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'casereview.sqlite3'}")
try:
    _database = dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0), conn_health_checks=True
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from None
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, retrying a transaction's start while another writer holds the
    # database (see casereview.core.sqlite).
    _database["ENGINE"] = "casereview.core.sqlite"
    _database["OPTIONS"] = {
        # WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at the
        # start of a transaction so row-locking service functions never deadlock on upgrade.
        # The log is copied back into the database (a checkpoint, two fsyncs) once it holds
        # 10,000 pages (40 MiB) rather than SQLite's 1,000: an import commits a chunk of 2,000
        # incidents at a time, and with the default nearly every chunk's commit paid for a
        # checkpoint (bench/fixes/b3.toml).
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA wal_autocheckpoint=10000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests run on an in-memory database (said explicitly: tools that look for Django's own
    # engine name to decide this, such as pytest-django, do not know the engine above).
    _database.setdefault("TEST", {}).setdefault("NAME", ":memory:")
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Django's ModelBackend, reading the signed-in person by a prepared statement.
AUTHENTICATION_BACKENDS = ["casereview.accounts.backends.AccountBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "casereview.accounts.passwords.MaximumLengthValidator"},
    {"NAME": "casereview.accounts.passwords.ContextWordsValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Staff must complete TOTP two-factor before any staff page. Always on in production.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = SERVICE_NAME

# Internationalisation: English by default, Welsh available from day one.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Cymraeg"))]
LOCALE_PATHS = [BASE_DIR / "casereview" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

# Static files: the front-end build (frontend/build, made by `make assets`) plus app static.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# E-mail: real SMTP. On a developer's machine with no EMAIL_HOST, messages are written to
# var/mail so that password-reset links can be followed without a mail server.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ASB Case Review <no-reply@localhost>")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    raise ImproperlyConfigured("EMAIL_HOST is required when DEBUG is off.")

# Background tasks (letters by e-mail, reminders, overdue alerts): django-tasks with its database
# backend, so a task enqueued inside a step's transaction is stored with it. `manage.py db_worker`
# runs them; `make run` starts one beside the server.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Shared by every app server: the API's per-key rate limits are counted here. The table is made
# by `manage.py createcachetable` (run with the migrations).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "casereview_cache",
    }
}

# The deadline sweep (`manage.py sweep`): remind this many working days before a step is due, and
# queue an unsent notice again after this long, at most this many times in all.
SWEEP_REMINDER_WORKING_DAYS = env_int("SWEEP_REMINDER_WORKING_DAYS", 1)
SWEEP_RETRY_AFTER_MINUTES = env_int("SWEEP_RETRY_AFTER_MINUTES", 60)
SWEEP_MAX_TIMES_QUEUED = env_int("SWEEP_MAX_TIMES_QUEUED", 5)

# The health check (/health/): the service is "degraded" when more tasks than this wait to run or the
# oldest has waited longer than this, or when the deadline sweep last ran longer ago than this.
HEALTH_TASK_BACKLOG_MAX = env_int("HEALTH_TASK_BACKLOG_MAX", 500)
HEALTH_TASK_MAX_AGE_SECONDS = env_int("HEALTH_TASK_MAX_AGE_SECONDS", 900)
HEALTH_SWEEP_MAX_AGE_MINUTES = env_int("HEALTH_SWEEP_MAX_AGE_MINUTES", 1500)
# A task still "running" this long after it started is taken for one a killed worker left:
# `manage.py recover_tasks` and every sweep queue it again (when safe to run twice) or mark it lost.
TASKS_STALE_AFTER_MINUTES = env_int("TASKS_STALE_AFTER_MINUTES", 15)
# Where pg_dump and pg_restore are (manage.py backup / restore on PostgreSQL), when not on PATH.
PG_BIN_DIR = env_str("PG_BIN_DIR", "")

# Security headers and cookies. Production (DEBUG off) is secure by default; each can be
# relaxed by environment for a deployment that terminates TLS elsewhere.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, each request's session row read by a prepared statement.
SESSION_ENGINE = "casereview.accounts.session_store"
# A staff session ends after SESSION_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE
# seconds after sign-in whatever happens (casereview.accounts.sessions).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
# The public start, check and procedure pages are kept rendered per process for this many seconds
# (casereview/public/page_cache.py); 0 turns the cache off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 60)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Two-factor cannot be switched off in production: the data behind staff pages is about
# vulnerable victims and police information, and a password alone is not enough for it.
if not DEBUG and not REQUIRE_TWO_FACTOR:
    raise ImproperlyConfigured(
        "REQUIRE_TWO_FACTOR cannot be off when DEBUG is off: every staff account must use "
        "two-factor in production."
    )

# Content Security Policy (django-csp): nothing inline runs or styles a page unless it carries
# the response's nonce (request.csp_nonce); everything else comes from the service itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs go to standard error: one JSON object a line in production (LOG_FORMAT=json, the default
# with DEBUG off), plain text on a developer's machine. Each line carries the request's id.
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "casereview.core.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "casereview.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs several INFO lines for every letter it renders (fonts, steps): noise.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
