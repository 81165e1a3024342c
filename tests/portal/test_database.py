import os
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from portal import sqlite as portal_sqlite
from portal.extensions import db


def test_suite_runs_on_the_expected_database(app):
    expected = os.environ.get("EXPECT_DB_DIALECT")
    with app.app_context():
        actual = db.engine.dialect.name
    assert actual in ("sqlite", "postgresql")
    if expected:
        assert actual == expected


def test_migrations_match_the_models(app):
    """A model change without a migration fails here (`flask db migrate` makes one)."""
    with app.app_context(), db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


@pytest.fixture
def sqlite_engine(tmp_path):
    portal_sqlite.install_once(15000)
    engine = create_engine(f"sqlite:///{tmp_path / 'concurrency.sqlite3'}")
    yield engine
    engine.dispose()


def test_sqlite_uses_wal_a_busy_timeout_and_foreign_keys(sqlite_engine):
    with sqlite_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_concurrent_read_then_write_transactions_all_succeed_on_sqlite(sqlite_engine):
    """Without BEGIN IMMEDIATE, two transactions that read then write fail with
    "database is locked"; with it, they queue and every one succeeds."""
    with sqlite_engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE counter (n INTEGER)")
        connection.exec_driver_sql("INSERT INTO counter VALUES (0)")
    errors, barrier = [], threading.Barrier(8)

    def bump():
        try:
            barrier.wait()
            for _ in range(20):
                with sqlite_engine.begin() as connection:
                    n = connection.execute(text("SELECT n FROM counter")).scalar()
                    connection.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite_engine.connect() as connection:
        assert connection.execute(text("SELECT n FROM counter")).scalar() == 160
