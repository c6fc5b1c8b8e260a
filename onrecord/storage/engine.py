"""Connecting to a store: a SQLite file (the default) or a PostgreSQL URL; schema migrations.

SQLite runs in WAL mode with foreign keys on and a generous busy timeout, so several
processes can ingest into one file at once: writers queue for the lock (``BEGIN IMMEDIATE``)
instead of failing. Schema changes are Alembic migrations, applied automatically when a
store is opened; concurrent openers serialise on a lock (an advisory lock on PostgreSQL).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from onrecord.errors import StoreError

__all__ = [
    "DEFAULT_DB",
    "connect",
    "current_revision",
    "describe",
    "head_revision",
    "is_transient",
    "reason",
    "upgrade",
]

#: the store used when none is named
DEFAULT_DB = "onrecord.db"
#: seconds a SQLite writer waits for another writer's lock before failing
BUSY_TIMEOUT_S = 120
#: PostgreSQL advisory-lock key that serialises migrations (arbitrary, fixed)
_MIGRATION_LOCK = 7_460_331_001


def connect(db: str | Path | None = None, create: bool = True) -> Engine:
    """An engine for ``db``: a file path (SQLite) or a URL (``sqlite:///…``, ``postgresql://…``).

    ``create=False``: a SQLite file that does not exist yet is an error (a query in the wrong
    folder should say so, not silently create an empty store there).
    """
    url = _url(str(db) if db is not None else DEFAULT_DB)
    if not create and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"no store at {path}: run `onrecord ingest` first, or name one with --db")
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
            _configure_sqlite(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {describe(url)}: {exc}") from exc
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot connect to {describe(url)}: {reason(exc)}") from exc
    return engine


def describe(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _url(db: str) -> str:
    if "://" not in db:
        path = Path(db).expanduser()
        if not path.parent.exists():
            raise StoreError(f"cannot create the store {db}: folder {path.parent} does not exist")
        if path.is_dir():
            raise StoreError(f"cannot use {db} as a store: it is a directory")
        return f"sqlite:///{path}"
    scheme, rest = db.split("://", 1)
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith(("postgresql+", "sqlite")):
        return db
    raise StoreError(f"unsupported database URL {describe(db)}: use a file path, sqlite:/// or postgresql://")


def reason(exc: SQLAlchemyError) -> str:
    """The database's own message of an error, on one line."""
    original = getattr(exc, "orig", None) or exc
    return " ".join(str(original).split()) or type(original).__name__


#: PostgreSQL SQLSTATEs of failures a retry of the whole transaction cures: serialisation
#: failure, deadlock, lock not available
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})


def is_transient(exc: SQLAlchemyError) -> bool:
    """Whether the database aborted a transaction for a reason a retry cures: a deadlock or a
    serialisation failure (PostgreSQL), a busy or locked database (SQLite)."""
    original = getattr(exc, "orig", None)
    if original is None:
        return False
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in _TRANSIENT_SQLSTATES:
        return True
    message = str(original).lower()
    return "database is locked" in message or "database is busy" in message or "deadlock detected" in message


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout, and explicit ``BEGIN`` (``IMMEDIATE`` for writers)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (pysqlite quirk)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _enable_wal(cursor: Any) -> None:
    """Switch a SQLite file to WAL. Two processes opening a new file at once may find it locked
    while the other one switches (the busy handler does not cover it): retry for a while."""
    import sqlite3

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.05
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def head_revision() -> str:
    """The newest migration of this version of onrecord."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe when several processes do it at once."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    config = _alembic_config()
    for attempt in range(5):
        try:
            with engine.connect() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
                    conn.commit()
                try:
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
                    conn.commit()
                finally:
                    if conn.dialect.name == "postgresql":
                        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
                        conn.commit()
            return
        except OperationalError as exc:
            # SQLite: another process created the schema between our check and our upgrade
            if current_revision(engine) == head_revision():
                return
            if attempt == 4:
                raise StoreError(f"cannot migrate the store: {reason(exc)}") from exc
            time.sleep(0.2 * (attempt + 1))


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "onrecord.storage:migrations")
    return config
