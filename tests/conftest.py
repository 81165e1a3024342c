"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL when
TEST_DATABASE_URL is set; the schema is always built by the real migrations."""

import os
import tempfile
from pathlib import Path

import pytest
from flask_migrate import upgrade
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db

from .html_checks import HTMLCheckingClient

# CI sets this to the dialect it expects, so a suite that silently fell back fails.
EXPECTED_DIALECT = os.environ.get("EXPECT_DB_DIALECT")


def reset_schema(app):
    """Drop whatever a previous run left, then build the schema through the migrations."""
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        else:
            db.drop_all()
            with engine.begin() as conn:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        assert "alembic_version" in inspect(engine).get_table_names()


def ensure_postgres_database(url):
    """Create the test database on the server if it is not there yet."""
    target = make_url(url)
    maintenance = create_engine(
        target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with maintenance.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        ).scalar()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    maintenance.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        if url.startswith("postgresql"):
            ensure_postgres_database(url)
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


# Audio files are named by a hash of their text, so runs can share them safely.
AUDIO_DIR = str(Path(__file__).resolve().parents[1] / "test-artifacts" / "audio-cache")


def build_app(database_url, **settings):
    settings = {"SQLALCHEMY_DATABASE_URI": database_url, "AUDIO_DIR": AUDIO_DIR, **settings}
    config = type("Config", (TestConfig,), settings)
    application = create_app(config)
    application.instance_path = tempfile.mkdtemp(prefix="portal-instance-")
    application.test_client_class = HTMLCheckingClient
    return application


def dispose(application):
    with application.app_context():
        for engine in db.engines.values():
            engine.dispose()


@pytest.fixture(scope="session")
def browser_database_url(database_url, tmp_path_factory):
    """The browser tests' own database: their server commits for real, and the other
    tests expect to start from empty tables."""
    if database_url.startswith("postgresql"):
        url = make_url(database_url)
        separate = url.set(database=f"{url.database}_browser").render_as_string(hide_password=False)
        ensure_postgres_database(separate)
        return separate
    return f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'browser.sqlite3'}"


@pytest.fixture(scope="session")
def app(database_url):
    application = build_app(database_url)
    reset_schema(application)
    with application.app_context():
        dialect = db.engine.dialect.name
    if EXPECTED_DIALECT and dialect != EXPECTED_DIALECT:
        pytest.exit(f"Tests ran on {dialect}, but {EXPECTED_DIALECT} was expected", returncode=3)
    yield application
    dispose(application)


@pytest.fixture
def make_app(app, database_url):
    """Another app on the test database (whose schema `app` built), with other settings."""
    made = []

    def make(**settings):
        made.append(build_app(database_url, **settings))
        return made[-1]

    yield make
    for application in made:
        dispose(application)


class ConnectionBoundSession(FlaskSession):
    """Flask-SQLAlchemy picks an engine per model; in tests every query must use the
    test's own connection, so its outer transaction can be rolled back."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        return self.bind


@pytest.fixture
def db_session(app):
    """Each test in one outer transaction, rolled back at the end; the app's own commits
    become savepoints inside it. No app context stays pushed during the test, so every
    request gets its own, as in production; use `with app.app_context():` to reach the
    database from the test itself."""
    with app.app_context():
        connection = db.engine.connect()
    outer = connection.begin()
    original = db.session
    db.session = db._make_scoped_session(
        {
            "class_": ConnectionBoundSession,
            "bind": connection,
            "join_transaction_mode": "create_savepoint",
        }
    )
    try:
        yield db.session
    finally:
        try:
            with app.app_context():
                db.session.remove()
        finally:
            db.session = original
            outer.rollback()
            connection.close()


@pytest.fixture
def client(app, db_session):
    # Not `with app.test_client()`: that keeps the last request's app context pushed, and
    # a second client's requests would then share its `g` (and its CSRF token).
    return app.test_client()


def pytest_sessionfinish(session, exitstatus):
    # In CI a skipped test is a test that did not run: fail the run.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("FAIL_ON_SKIP") and skipped and exitstatus == 0:
        session.exitstatus = 1
        if reporter:
            reporter.write_line(f"FAIL_ON_SKIP: {skipped} test(s) were skipped", red=True)
