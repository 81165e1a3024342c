"""Configuration, read from the environment. Every setting is documented in README.md."""

import os
import secrets
from datetime import timedelta
from pathlib import Path


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def persistent_secret_key(instance_path):
    """A key kept in the instance folder, so a local install survives restarts and
    every gunicorn worker signs sessions the same way. Production sets SECRET_KEY."""
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    # None means: an SQLite file in the instance folder (set in create_app).
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLITE_BUSY_TIMEOUT_MS = env_int("SQLITE_BUSY_TIMEOUT_MS", 15000)

    # Cookies: secure by default; SECURE_COOKIES=false only for plain HTTP on loopback.
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_NAME = "portal_session"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=env_int("SESSION_HOURS", 12))

    # A parent carer may take hours over a form; the token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = env_int("CSRF_TIME_LIMIT_SECONDS", 12 * 3600)
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # Email through SMTP; no MAIL_SERVER means no email is sent.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = env_int("MAIL_PORT", 587)
    MAIL_USE_STARTTLS = env_bool("MAIL_USE_STARTTLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "no-reply@example.org")
    # Days a saved, unsent form is kept before it is deleted.
    DRAFT_DAYS = env_int("DRAFT_DAYS", 28)
    # Days a My CTR Planner is kept after it was last used, before it is deleted.
    PLANNER_DAYS = env_int("PLANNER_DAYS", 365)

    # Number of proxies in front of the app that set X-Forwarded-* headers (0 = none).
    PROXY_COUNT = env_int("PROXY_COUNT", 0)
    HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)

    # The public side's languages, each named in its own script. The staff side is English.
    LANGUAGES = {"en": "English", "pl": "Polski", "ro": "Română", "ur": "اردو"}
    # espeak-ng voice for each language; a language without one says listening is not
    # available in it rather than read in the wrong language. SPEECH_OFF (comma-separated
    # codes) turns a language's voice off.
    SPEECH_VOICES = {
        code: voice
        for code, voice in {"en": "gmw/en", "pl": "zlw/pl", "ro": "roa/ro", "ur": "inc/ur"}.items()
        if code not in os.environ.get("SPEECH_OFF", "").replace(" ", "").split(",")
    }
    # Voices that can be understood but say some words wrongly: the page says so.
    SPEECH_BASIC_VOICES = {"ur"}
    # Words per minute: slower than espeak's 175 default, for people who read slowly.
    SPEECH_RATE = env_int("SPEECH_RATE", 140)
    # Where audio files are kept (default: instance/audio).
    AUDIO_DIR = os.environ.get("AUDIO_DIR")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parent.parent / "translations")

    # The local area's defaults, used until an administrator saves settings of their own.
    AREA_DEFAULTS = {
        "name": os.environ.get("AREA_NAME", "Demo local area"),
        "team_name": os.environ.get("AREA_TEAM_NAME", "Dynamic Support Register team"),
        "contact_email": os.environ.get("AREA_CONTACT_EMAIL", "dsr-team@example.org"),
        "contact_phone": os.environ.get("AREA_CONTACT_PHONE", "01632 960 001"),
        "office_hours": os.environ.get("AREA_OFFICE_HOURS", "Monday to Friday, 9am to 5pm"),
        "crisis_line_name": os.environ.get("AREA_CRISIS_LINE_NAME", ""),
        "crisis_line_phone": os.environ.get("AREA_CRISIS_LINE_PHONE", ""),
        "crisis_line_hours": os.environ.get("AREA_CRISIS_LINE_HOURS", ""),
        "advocacy_name": os.environ.get("AREA_ADVOCACY_NAME", "Demo Advocacy Service"),
        "advocacy_phone": os.environ.get("AREA_ADVOCACY_PHONE", "01632 960 002"),
        "advocacy_email": os.environ.get("AREA_ADVOCACY_EMAIL", "advocacy@example.org"),
        "complaints_route": os.environ.get(
            "AREA_COMPLAINTS_ROUTE",
            "Contact the Patient Advice and Liaison Service (PALS) of the integrated care board.",
        ),
        "complaints_email": os.environ.get("AREA_COMPLAINTS_EMAIL", "complaints@example.org"),
        "complaints_phone": os.environ.get("AREA_COMPLAINTS_PHONE", "01632 960 003"),
        "referral_response_days": env_int("AREA_REFERRAL_RESPONSE_DAYS", 10),
        "review_request_response_days": env_int("AREA_REVIEW_REQUEST_RESPONSE_DAYS", 5),
        # Days until a register entry is looked at again, by rating.
        "review_days_red": env_int("AREA_REVIEW_DAYS_RED", 7),
        "review_days_amber": env_int("AREA_REVIEW_DAYS_AMBER", 21),
        "review_days_green": env_int("AREA_REVIEW_DAYS_GREEN", 90),
        "review_days_blue": env_int("AREA_REVIEW_DAYS_BLUE", 21),
        "is_demo": env_bool("AREA_IS_DEMO", True),
    }


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105 - tests only
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL")
    SESSION_COOKIE_SECURE = False
    AREA_DEFAULTS = {**Config.AREA_DEFAULTS, "name": "Test area", "is_demo": True}


class ProductionConfig(Config):
    """For gunicorn behind TLS; refuses to start without a real key and database."""

    @classmethod
    def check(cls):
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(name)]
        if missing:
            needed = ", ".join(missing)
            raise RuntimeError(f"Production needs these environment variables: {needed}")


CONFIGS = {"default": Config, "test": TestConfig, "production": ProductionConfig}
