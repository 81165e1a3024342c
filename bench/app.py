"""The app every benchmark measures: the real factory, on a fresh database built by the
migrations (SQLite in a folder of its own, or a PostgreSQL database emptied first), and a
client signed in as a register manager."""

import tempfile
from pathlib import Path

from flask import session as flask_session
from flask_migrate import upgrade
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from admin import sessions
from portal import create_app
from portal.config import TestConfig
from portal.extensions import db
from portal.models import StaffMember
from portal.services.staff import create_staff


def bench_app(prepare=None):
    """A migrated app; prepare(app) runs first, while routes may still be added."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    config = type(
        "BenchConfig",
        (TestConfig,),
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'bench.sqlite3'}",
            "AUDIO_DIR": str(work / "audio"),
        },
    )
    app = create_app(config)
    if prepare:
        prepare(app)
    with app.app_context():
        upgrade()
    return app


def postgres_app(url):
    """A migrated app on this PostgreSQL database: created if missing, emptied if not."""
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    target = make_url(url)
    server = create_engine(
        target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with server.connect() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        ).scalar():
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    server.dispose()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    config = type(
        "BenchConfig",
        (TestConfig,),
        {"SQLALCHEMY_DATABASE_URI": url, "AUDIO_DIR": str(work / "audio")},
    )
    app = create_app(config)
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade()
    return app


def signed_in_client(app):
    """A test client with a real server-side session for a new register manager."""
    with app.app_context():
        member_id = create_staff(
            "bench@example.org", "Bench Manager", "bench password 1", "register_manager"
        ).id
    client = app.test_client()
    with app.test_request_context():
        sessions.start(db.session.get(StaffMember, member_id))
        values = dict(flask_session)
    with client.session_transaction() as cookie:
        cookie.update(values)
    return client
