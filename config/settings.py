"""Django settings for careboard, typed from environment variables (see README, Configuration).

Development defaults are safe to run on a laptop. Production sets DJANGO_DEBUG=false, a real
DJANGO_SECRET_KEY, DATABASE_URL, DJANGO_ALLOWED_HOSTS and CAREBOARD_PSEUDONYM_KEY.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CAREBOARD_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET = "dev-only-secret-not-for-production-" + "x" * 32
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else None)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Keyed pseudonyms for CHILD and SW_ID (security.md): never stored with the data.
CAREBOARD_PSEUDONYM_KEY = env_str(
    "CAREBOARD_PSEUDONYM_KEY", "dev-only-pseudonym-key" if DEBUG else None
)
CAREBOARD_COUNCIL_NAME = env_str("CAREBOARD_COUNCIL_NAME", "Wirral Council")
# The council's ONS code: picks its figures and statistical neighbours in the DfE snapshot.
CAREBOARD_LA_CODE = env_str("CAREBOARD_LA_CODE", "E08000015")
CAREBOARD_ANALYTICS_STORE = Path(
    env_str("CAREBOARD_ANALYTICS_STORE", str(VAR_DIR / "analytics.duckdb"))
)

# Voice of the child: where urgent alerts go (plus every active safeguarding lead with an
# email address), and how often one address may use the public feedback form per hour.
CAREBOARD_SAFEGUARDING_EMAILS = env_list("CAREBOARD_SAFEGUARDING_EMAILS", [])
CAREBOARD_FEEDBACK_LIMIT_PER_HOUR = env_int("CAREBOARD_FEEDBACK_LIMIT_PER_HOUR", 5)
CAREBOARD_SITE_URL = env_str("CAREBOARD_SITE_URL", "http://127.0.0.1:8000")
# Governance: who gets the weekly digest of overdue and due actions (send_reminders).
CAREBOARD_BOARD_OFFICER_EMAIL = env_str("CAREBOARD_BOARD_OFFICER_EMAIL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "careboard.core",
    "careboard.accounts",
    "careboard.strategy",
    "careboard.indicators",
    "careboard.voice",
    "careboard.public",
    "careboard.api",
    "careboard.demo",
    "careboard.governance",
    "careboard.ingest",
    "careboard.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the idle timeout, which leaves a message when it signs someone out.
    "django.contrib.messages.middleware.MessageMiddleware",
    "careboard.accounts.middleware.IdleTimeoutMiddleware",
    "careboard.core.middleware.AuditActorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "careboard" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careboard.core.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'careboard.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Trials on SQLite: take the write lock at the start of a transaction and wait for it,
    # instead of failing with "database is locked" when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "strategy:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env_int("CAREBOARD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("CAREBOARD_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
# Lock a username after repeated failures from anywhere, and an address after repeated failures
# on any usernames (password spraying). Behind a reverse proxy, set CAREBOARD_TRUSTED_PROXIES to
# the number of proxies so the address comes from X-Forwarded-For, not the proxy.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
if env_int("CAREBOARD_TRUSTED_PROXIES", 0):
    AXES_IPWARE_PROXY_COUNT = env_int("CAREBOARD_TRUSTED_PROXIES", 0)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Sessions end after a period without activity.
SESSION_IDLE_TIMEOUT_SECONDS = env_int("CAREBOARD_SESSION_IDLE_MINUTES", 30) * 60
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers check /healthz over plain HTTP inside the network: answer, do not redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy: no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "careboard@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CAREBOARD_LOG_LEVEL", "WARNING")},
}
