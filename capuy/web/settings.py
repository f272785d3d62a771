"""Django settings of the capuy web app.

Everything a deployment changes comes from the environment, so the same code runs the demo on
a laptop and a province office's server:

- ``CAPUY_DATA_DIR`` (default ``./data``): the SQLite database, collected static files,
  uploaded attachments and the generated secret key live here; back it up and you have it all.
- ``CAPUY_DATABASE_URL``: when set (``postgresql://user@host:port/db``), PostgreSQL through
  psycopg 3 instead of the embedded SQLite.
- ``CAPUY_VOCAB_DIR`` (default ``DATA_DIR/vocab``): the administrators' edited vocabulary
  files, read by ``capuy.vocab`` before the packaged ones (set here for the web process).
- ``CAPUY_SECRET_KEY`` (else a random key kept in ``DATA_DIR/secret_key``), ``CAPUY_DEBUG``,
  ``CAPUY_ALLOWED_HOSTS`` (comma-separated), ``CAPUY_HTTPS=1`` behind a TLS proxy (secure
  cookies, HSTS).

SQLite is tuned for a small office server with several clerks writing at once: WAL (readers
never block the writer), ``busy_timeout`` (a writer waits instead of failing) and ``BEGIN
IMMEDIATE`` transactions (a transaction takes the write lock at its start, so two transactions
cannot both read and then deadlock on upgrading to write — Django 5.1's ``transaction_mode``).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CAPUY_DATA_DIR", "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("CAPUY_VOCAB_DIR", str(DATA_DIR / "vocab"))


def _secret_key() -> str:
    """The key from the environment, else one generated once and kept (0600) in the data dir."""
    if key := os.environ.get("CAPUY_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = _secret_key()
DEBUG = _flag("CAPUY_DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("CAPUY_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "auditlog",
    "capuy.web",
    "capuy.web.vocabedit",
    "capuy.orgs",
    "capuy.accounts",
    "capuy.formtokens",
    "capuy.search",
    "capuy.jobs",
    # record apps of the other issues are added below this line
    "capuy.members",
    "capuy.oversight",
    "capuy.petitions",
    "capuy.indicators",
    "capuy.documents",
    "capuy.meetings",
    "capuy.meetingroom",
    "capuy.reports",
    "capuy.citations",
    "capuy.archive",
    "capuy.handbook",
    "capuy.dues",
    "capuy.incoming",
    "django_prose_editor",  # the report editor's Tiptap/ProseMirror bundle (static files)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CSP and no-store on every dynamic response; then bounded, NFC input (capuy/web/hardening.py)
    "capuy.web.hardening.SecurityHeadersMiddleware",
    "capuy.web.hardening.BoundedInputMiddleware",
    # Vary: HX-Request; a page restored after Back is served whole (capuy/web/htmx.py)
    "capuy.web.htmx.HtmxHistoryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "capuy.web.vocabedit.middleware.VocabOverlayMiddleware",
    "capuy.handbook.middleware.FirstLoginMiddleware",
    "capuy.handbook.middleware.ProfileViewLogMiddleware",
    # the dashboards' and search's reads on the read replica, when one is set (capuy/jobs/replica.py)
    "capuy.jobs.replica.ReplicaReadsMiddleware",
    # django-axes must be last: it turns a lockout into the Vietnamese lockout page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "capuy.web.urls"
WSGI_APPLICATION = "capuy.web.wsgi.application"

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
                "capuy.web.context.site",
            ],
            "builtins": ["capuy.web.templatetags.vn"],
        },
    }
]

# Django's widget templates, with <select> and <input> written in Python (capuy.web.formrender)
FORM_RENDERER = "capuy.web.formrender.FastRenderer"

# --- database -------------------------------------------------------------------------------

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA busy_timeout=20000;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA cache_size=-20000;"
    "PRAGMA mmap_size=134217728;"
    "PRAGMA journal_size_limit=67108864;"
)

DATABASE_URL = os.environ.get("CAPUY_DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "capuy.sqlite3"),
            # one connection per server thread, kept: the PRAGMAs run once, not per request
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": SQLITE_PRAGMAS,
            },
            # Tests use a real file (not :memory:) so WAL, locking and concurrent writers behave
            # as in production; one file per process so parallel runs never share it.
            "TEST": {
                "NAME": str(Path(tempfile.gettempdir()) / f"capuy-test-{os.getpid()}.sqlite3")
            },
        }
    }

# A PostgreSQL streaming replica for the dashboards' and search's reads (docs/deploy.md, many
# servers; capuy/jobs/replica.py): optional; the primary serves them when it is absent or lags.
REPLICA_URL = os.environ.get("CAPUY_DATABASE_REPLICA_URL", "").strip()
if DATABASE_URL and REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        REPLICA_URL, conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["capuy.jobs.replica.ReplicaRouter"]
REPLICA_MAX_LAG_S = float(os.environ.get("CAPUY_REPLICA_MAX_LAG_S", "5"))
REPLICA_VIEWS = ("home", "indicators:dashboard", "indicators:drill", "search:results")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- authentication, sessions, security -----------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# django-axes: 5 failed logins for one user name from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# the user name kept for a failed log-in is bounded (an anonymous post must not grow the base)
AXES_USERNAME_CALLABLE = "capuy.web.hardening.bounded_login_name"

HTTPS = _flag("CAPUY_HTTPS")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True  # pages send the token in a header from the template, not JS
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith("[")]

# --- audit trail ----------------------------------------------------------------------------

# Each record app registers its models with auditlog in its AppConfig.ready(); the log keeps
# who, when and the before/after of every changed field.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# --- language, time, numbers ----------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# dd/mm/yyyy and 1.044,9 everywhere (capuy/web/formats/vi/formats.py)
FORMAT_MODULE_PATH = ["capuy.web.formats"]
USE_THOUSAND_SEPARATOR = True

# --- static and uploaded files --------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing root before collectstatic
MEDIA_ROOT = DATA_DIR / "files"
MEDIA_URL = "files/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# the form fields of one request (files apart): a report's text is well under 1 MB
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# the whole body, files included, is capped by capuy/web/hardening.py at the attachment
# limit + 1 MB (CAPUY_MAX_REQUEST_BYTES in settings overrides)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
