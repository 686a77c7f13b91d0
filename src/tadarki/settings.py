"""Settings for the Tadarki service, read from environment variables.

Embedded defaults need nothing configured: SQLite under ./var, work done in-process.
Scale-out is configuration: DATABASE_URL=postgres://... and CELERY_BROKER_URL=redis://...
"""

import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.getenv("TADARKI_VAR_DIR", Path.cwd() / "var"))

SECRET_KEY = os.getenv("SECRET_KEY", "tadarki-embedded-default-change-me-in-production")
DEBUG = envbool("DEBUG", "false")
ALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "tadarki.accounts",
    "tadarki.registry",
    "tadarki.audits",
    "tadarki.committees",
    "tadarki.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tadarki.web.middleware.BengaliFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tadarki.urls"
WSGI_APPLICATION = "tadarki.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'tadarki.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several audit workers write at once in-process; wait instead of failing with "locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Bengali first, English second.
LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", _("Bengali")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Dhaka"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", VAR_DIR / "media"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Panels other apps add to the registry's office page.
TADARKI_OFFICE_EXTRA_TEMPLATES = [
    "web/office_extra/findings.html",
    "web/office_extra/decisions.html",
]

# Uploads and imports are capped; the registry import checks its own limit too.
TADARKI_MAX_UPLOAD_BYTES = envint("TADARKI_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = TADARKI_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# E-mail over real SMTP; embedded default writes to the console.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "tadarki@localhost")
SITE_ROOT = os.getenv("SITE_ROOT", "http://127.0.0.1:8000")

# Background work: in-process unless a broker is configured.
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
TADARKI_USE_CELERY = bool(CELERY_BROKER_URL)
# With Celery beat running, periodic work; without it, cron the matching commands
# (tadarki audit_round --resume-only / send_reminders / extend_occurrences).
CELERY_BEAT_SCHEDULE = {
    "committee-reminders": {
        "task": "tadarki.committees.tasks.send_committee_reminders",
        "schedule": 24 * 3600,
    },
    "extend-recurring-decisions": {
        "task": "tadarki.committees.tasks.extend_recurring_occurrences",
        "schedule": 7 * 24 * 3600,
    },
}
# Shared store for per-host politeness across workers (Redis); in-process when empty.
TADARKI_POLITENESS_URL = os.getenv("TADARKI_POLITENESS_URL", CELERY_BROKER_URL)

# Crawler: private address ranges are refused unless allowed (tests and the demo farm).
TADARKI_ALLOW_PRIVATE = envbool("TADARKI_ALLOW_PRIVATE", "false")
TADARKI_RESPECT_ROBOTS = envbool("TADARKI_RESPECT_ROBOTS", "true")
# Route the crawl through this proxy (the demo points it at the portal farm).
TADARKI_HTTP_PROXY = os.getenv("TADARKI_HTTP_PROXY", "")
# Further crawl settings as JSON, e.g. {"max_pages": 300, "requests_per_second": 2}.
TADARKI_CRAWL = json.loads(os.getenv("TADARKI_CRAWL", "{}"))
TADARKI_PORTAL_CONCURRENCY = envint("TADARKI_PORTAL_CONCURRENCY", "4")
TADARKI_SNAPSHOT_RETENTION_DAYS = envint("TADARKI_SNAPSHOT_RETENTION_DAYS", "400")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
