"""Settings, read from the environment with safe defaults.

The embedded default keeps everything in one instance folder (SQLite database, secret key,
evidence files): ``$SAFEPRACTICE_INSTANCE`` or ``~/.local/share/safepractice``.
"""

import os
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _default_instance_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "safepractice"


TESTING = env_bool("SAFEPRACTICE_TESTING") or "pytest" in sys.modules
if TESTING and not os.environ.get("SAFEPRACTICE_INSTANCE"):
    os.environ["SAFEPRACTICE_INSTANCE"] = tempfile.mkdtemp(prefix="safepractice-test-")
INSTANCE_DIR = Path(os.environ.get("SAFEPRACTICE_INSTANCE") or _default_instance_dir())
INSTANCE_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    # Generated once per instance, so sessions survive restarts without a key in the repo.
    key_file = INSTANCE_DIR / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("SAFEPRACTICE_DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' JavaScript from our own static files, not a CDN
    "safepractice.accounts",
    "safepractice.schools",
    "safepractice.audit",
    "safepractice.web",
    "safepractice.policies",
    "safepractice.registers",
    "safepractice.reviews",
    "safepractice.checks",
    "safepractice.api",
    "safepractice.cases",
    "safepractice.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "safepractice.api.middleware.BodySizeLimitMiddleware",
    # Bearer-token API calls go from here straight to their view (see its docstring).
    "safepractice.api.middleware.BearerApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safepractice.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "safepractice.urls"
WSGI_APPLICATION = "safepractice.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safepractice.schools.context_processors.current_school",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and a task worker share the file safely.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not Django's shared in-memory database, so tests meet SQLite's real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(INSTANCE_DIR / "test.sqlite3")}

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
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# Lock the account named, whatever address the attempts come from (staff share school IPs).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "safepractice"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or INSTANCE_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(INSTANCE_DIR / "media")},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step

SESSION_COOKIE_HTTPONLY = True
# Secure cookies need HTTPS: on by default behind a TLS proxy, off for the local http demo.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", env_bool("BEHIND_PROXY"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if env_bool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "safepractice@localhost")
# Links in alert and reminder emails point here. `safepractice run` sets it from its --host and
# --port when it is not set; behind a proxy, set it to the address people open.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Social media self-review: how long a report is kept, and the largest archive accepted.
REVIEW_RETENTION_DAYS = int(os.environ.get("REVIEW_RETENTION_DAYS", "90"))
REVIEW_MAX_UPLOAD_BYTES = int(os.environ.get("REVIEW_MAX_UPLOAD_BYTES", str(4 * 1024**3)))
REVIEW_UPLOAD_DIR = INSTANCE_DIR / "review-uploads"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# database (default) | redis | immediate
TASKS_BACKEND = os.environ.get("SAFEPRACTICE_TASKS", "immediate" if TESTING else "database")
if TASKS_BACKEND == "redis":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Two caches. "default" is this process's own memory, unless CACHE_URL names a Redis server
# (e.g. redis://127.0.0.1:6379/1). "shared" is one for every worker and server: that Redis, or
# else a table in the database (made by the api app's migrations). The per-token API rate
# limit counts in "shared", so two workers never count apart.
if os.environ.get("CACHE_URL"):
    _REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": os.environ["CACHE_URL"]}
    CACHES = {"default": _REDIS_CACHE, "shared": _REDIS_CACHE}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {"BACKEND": "safepractice.api.cache.CountingDatabaseCache",
                   "LOCATION": "safepractice_shared_cache",
                   # One row a token a minute: room for every token in use at once.
                   "OPTIONS": {"MAX_ENTRIES": 50_000}},
    }

# Cases: evidence files (encrypted; default <instance>/evidence) and their size limit.
CASES_EVIDENCE_DIR = os.environ.get("SAFEPRACTICE_EVIDENCE_DIR") or None
CASES_EVIDENCE_MAX_BYTES = int(os.environ.get("SAFEPRACTICE_EVIDENCE_MAX_MB", "10")) * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

ADMINS = [("Administrator", email) for email in env_list("SAFEPRACTICE_ADMIN_EMAILS")]
