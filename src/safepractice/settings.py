"""Settings, read from the environment with safe defaults.

The embedded default keeps its data in one instance folder (SQLite database, secret key,
evidence files): ``$SAFEPRACTICE_INSTANCE`` or ``~/.local/share/safepractice``. The keys that
authenticate the audit log and decrypt the evidence are kept apart, in the keys folder
(``$SAFEPRACTICE_KEYS`` or ``~/.config/safepractice/keys``; see ``safepractice.keys``).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from safepractice import instance
from safepractice import queues as task_queues

PACKAGE_DIR = Path(__file__).resolve().parent


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting. Anything but the words below is refused: read as False, a mistyped
    ``SESSION_COOKIE_SECURE=ture`` would quietly switch a protection off."""
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word not in _TRUE | _FALSE:
        raise ImproperlyConfigured(
            f"{name}={value!r} is neither true nor false: use 1/0, true/false, yes/no or on/off."
        )
    return word in _TRUE


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Set by the test settings (safepractice/test_settings.py), which also give the run its own
# instance and keys folders; a test's child process passes it on itself.
TESTING = env_bool("SAFEPRACTICE_TESTING")
# The settings read the instance folder and create nothing: the entry points make it ready
# first (safepractice/instance.py).
INSTANCE_DIR = instance.instance_dir()
KEYS_DIR = instance.keys_dir()
SECRET_KEY = instance.read_secret_key() or ""
if not SECRET_KEY:
    raise ImproperlyConfigured(
        f"No secret key for the instance in {INSTANCE_DIR}: run any `safepractice` command "
        "there once (e.g. `safepractice manage check`), which makes one, or set SECRET_KEY."
    )
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
    "django_otp.plugins.otp_static",  # recovery codes
    "csp",
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
    "safepractice.scheduling",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "safepractice.api.middleware.BodySizeLimitMiddleware",
    # Bearer-token API calls go from here straight to their view (see its docstring).
    "safepractice.api.middleware.BearerApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Idle and absolute session limits, before anything trusts the session's user.
    "safepractice.accounts.sessions.SessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safepractice.accounts.middleware.RequireTwoFactorMiddleware",
    # no-store on sensitive pages; a fresh sign-in before evidence downloads and exports.
    "safepractice.web.sensitive.SensitivePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so a view's ApplicationError reaches it first: the one translation for the web.
    "safepractice.web.errors.ApplicationErrorMiddleware",
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
            # Dates, times and counts in the house style on every page, PDF and email.
            "builtins": ["safepractice.web.templatetags.formatting"],
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

# Sign-in lockout: the rules are in accounts/lockout.py (its docstring says why each is so).
AXES_HANDLER = "safepractice.accounts.lockout.LockoutHandler"
# Wrong passwords for one account from one address before sign-in from there is paused.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOCKOUT_FIRST_MINUTES = int(os.environ.get("LOCKOUT_FIRST_MINUTES", "5"))  # then doubling
LOCKOUT_LONGEST_HOURS = int(os.environ.get("LOCKOUT_LONGEST_HOURS", "12"))
# Wrong passwords from one address, whichever accounts, before that address is paused.
LOCKOUT_ADDRESS_LIMIT = int(os.environ.get("LOCKOUT_ADDRESS_LIMIT", "50"))
LOCKOUT_ADDRESS_WINDOW_MINUTES = 60
AXES_COOLOFF_TIME = timedelta(hours=24)  # how long failures are remembered
AXES_LOCK_OUT_AT_FAILURE = False  # the handler decides, not axes' single limit
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # refused attempts are not guesses
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "safepractice.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "safepractice.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "safepractice.accounts.lockout.lockout_response"
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "safepractice"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True
# A date printed without a filter still reads "4 December 2026" (web/formatting.py).
FORMAT_MODULE_PATH = ["safepractice.web.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = instance.static_root()
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
# Sessions end after 30 minutes without a request, and 12 hours after signing in whatever
# (accounts/sessions.py); the cookie never outlives the longer of the two.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
SESSION_ABSOLUTE_HOURS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12"))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 3600
# Evidence downloads and exports need the password (or the authenticator code, for those who
# have one) within this many minutes (web/sensitive.py).
FRESH_SIGN_IN_MINUTES = int(os.environ.get("FRESH_SIGN_IN_MINUTES", "15"))

# Behind a TLS-terminating reverse proxy of our own (see README, "Deploying behind a proxy").
BEHIND_PROXY = env_bool("BEHIND_PROXY")
# Secure cookies need HTTPS: on by default behind a TLS proxy, off for the local http demo.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", BEHIND_PROXY)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    # Plain http is answered with a redirect to https, and browsers are told to use https
    # only for a year (HSTS). Subdomains are left out by default: a school's domain often has
    # other services on it that this app does not answer for.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Scripts, styles, fonts and images from this server only; no inline scripts or styles
# (templates keep their JavaScript in static files: a test checks every template).
# data: images are Swagger UI's icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Browser features no page here uses, switched off for every page and anything in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "browsing-topics", "camera",
        "display-capture", "encrypted-media", "geolocation", "gyroscope", "hid",
        "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Bigger uploads are spooled encrypted, nameless, into this private folder, never in plain in
# the system temp folder (web/uploads.py); it is swept on start and by the daily purge.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "safepractice.web.uploads.EncryptedTemporaryFileUploadHandler",
]
FILE_UPLOAD_TEMP_DIR = INSTANCE_DIR / instance.UPLOAD_TEMP_DIR

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
# One review job's limits (reviews/joblimits.py): CPU time, and memory beyond what the worker
# already uses. Without the judgement model 100,000 items took ~25 s and 60 MB; the model reads
# what its first stage passes at about 50 items a second, so a big archive of varied text can
# need most of an hour of CPU (docs/benchmarks.md): these stop only hostile archives.
REVIEW_JOB_CPU_SECONDS = int(os.environ.get("SAFEPRACTICE_REVIEW_JOB_SECONDS", "7200"))
REVIEW_JOB_MEMORY_BYTES = int(os.environ.get("SAFEPRACTICE_REVIEW_JOB_MEMORY_MB", "1024")) * 1024**2

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# database (default) | redis | immediate. Every backend has both queues (safepractice/queues.py).
TASKS_BACKEND = os.environ.get("SAFEPRACTICE_TASKS", "immediate" if TESTING else "database")
if TASKS_BACKEND == "redis":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {name: {"URL": REDIS_URL} for name in task_queues.NAMES}
    # RQ stops a job after 180 s of wall time by default: a big review needs its own limit.
    RQ_QUEUES[task_queues.DEFAULT]["DEFAULT_TIMEOUT"] = 2 * REVIEW_JOB_CPU_SECONDS
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [*task_queues.NAMES]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                         "QUEUES": [*task_queues.NAMES]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                         "QUEUES": [*task_queues.NAMES]}}

# "default": per process unless CACHE_URL names a Redis server (e.g. redis://127.0.0.1:6379/1).
# "limits": every rate limit and quota, the web's and the API's (web/throttle.py). It must be
# one count across every process and server: the same Redis, or else a table in the database
# (made by migrate) that increments under a row lock (web/counting_cache.py). Culling is set
# high so that it never empties counts still running.
if os.environ.get("CACHE_URL"):
    _REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": os.environ["CACHE_URL"]}
    CACHES = {"default": _REDIS_CACHE, "limits": _REDIS_CACHE}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Every rate limit and quota (web/throttle.py): one row a member or token a window.
        "limits": {"BACKEND": "safepractice.web.counting_cache.CountingDatabaseCache",
                   "LOCATION": "safepractice_limits", "OPTIONS": {"MAX_ENTRIES": 150_000}},
    }

# Upload limits per member (counted in the "limits" cache): a web rate limit on the photo
# check and the review upload, and daily quotas shared by the web pages and the API.
PHOTO_CHECKS_PER_MINUTE = int(os.environ.get("SAFEPRACTICE_PHOTO_CHECKS_PER_MINUTE", "10"))
PHOTO_CHECK_PHOTOS_PER_DAY = int(os.environ.get("SAFEPRACTICE_PHOTOS_PER_DAY", "300"))
REVIEW_UPLOADS_PER_HOUR = int(os.environ.get("SAFEPRACTICE_REVIEW_UPLOADS_PER_HOUR", "6"))
REVIEW_UPLOAD_BYTES_PER_DAY = int(
    os.environ.get("SAFEPRACTICE_REVIEW_UPLOAD_GB_PER_DAY", "12")) * 1024**3

# Cases: evidence files (encrypted; default <instance>/evidence) and their size limit.
CASES_EVIDENCE_DIR = os.environ.get("SAFEPRACTICE_EVIDENCE_DIR") or None
CASES_EVIDENCE_MAX_BYTES = int(os.environ.get("SAFEPRACTICE_EVIDENCE_MAX_MB", "10")) * 1024 * 1024

# Audit: signed checkpoints of the chain, appended to a file outside the database and the
# instance folder (see docs/audit.md); copy it elsewhere too, it is not secret.
AUDIT_CHECKPOINT_FILE = Path(
    os.environ.get("SAFEPRACTICE_AUDIT_CHECKPOINTS") or KEYS_DIR / "audit-checkpoints.jsonl"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

ADMINS = [("Administrator", email) for email in env_list("SAFEPRACTICE_ADMIN_EMAILS")]
