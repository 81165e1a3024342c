"""SQLite settings for the embedded database.

SQLite has one writer at a time. WAL lets readers carry on while a write happens, the busy
timeout makes a second writer wait instead of failing, and BEGIN IMMEDIATE takes the write
lock at the start of a transaction, so a transaction that reads and then writes never fails
half way with "database is locked".
"""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


def install(busy_timeout_ms):
    @event.listens_for(Engine, "connect")
    def _on_connect(dbapi_connection, _record):
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        # Let SQLAlchemy's "begin" event below start transactions, not the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(Engine, "begin")
    def _on_begin(connection):
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")


_installed = False


def install_once(busy_timeout_ms):
    global _installed
    if not _installed:
        install(busy_timeout_ms)
        _installed = True
