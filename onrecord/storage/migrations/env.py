"""Alembic environment: migrations run on the connection the Store hands over.

There is no alembic.ini; :func:`onrecord.storage.migrate.upgrade` builds the configuration in
code and passes the open connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from onrecord.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
