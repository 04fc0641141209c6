"""The SQLAlchemy engine for one ledger: a SQLite file (foreign keys on, WAL, a busy timeout) or a
PostgreSQL database named by its URL (a school's shared ledger).

The SQLite URL is built, not formatted: a `?` or `%` in the folder name must stay part of the path.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine

from desktop_app.store.sqlite_files import connect_read_only


POSTGRESQL_PREFIXES = ("postgresql://", "postgresql+psycopg://")


def is_database_url(target: object) -> bool:
    """True for a PostgreSQL URL (`postgresql+psycopg://…`), False for a data folder."""
    return isinstance(target, str) and target.startswith(POSTGRESQL_PREFIXES)


def make_server_engine(url: str) -> Engine:
    """PostgreSQL: READ COMMITTED as the server's default; psycopg 3 is the driver.

    Sessions run in UTC, so CURRENT_TIMESTAMP stores the same (UTC, zone-less) times as SQLite does,
    whatever the server's own time zone."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, future=True, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"})


def make_engine(db_path: Path, *, read_only: bool = False) -> Engine:
    """`read_only`: for a ledger in a folder that cannot be written (reading commands still work)."""
    if read_only:
        engine = create_engine("sqlite://", creator=lambda: connect_read_only(db_path, check_same_thread=False),
                               future=True)
    else:
        engine = create_engine(URL.create("sqlite", database=str(db_path)), future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        # pysqlite's own transaction handling breaks SAVEPOINT and DDL transactions;
        # take it over so BEGIN is emitted by SQLAlchemy (see SQLAlchemy's pysqlite notes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        # Writers take the write lock at once (BEGIN IMMEDIATE), so a transaction that reads
        # first never fails half-way with SQLITE_BUSY while another thread is reading.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine
