"""The unfiltered source groupings kept by the database (issue 18.4).

- ``source_totals``: per dimension (entity, kind, month, outlet, outlet and kind) and group,
  the quotes, distinct statements and speakers, unnamed and anonymous sources;
- ``source_members``: the quotes of each group per statement and per speaker entity;
- triggers on ``quotes`` (and a ``BEFORE DELETE`` on ``articles``) that keep both right on every
  insert, delete and re-pointing (:mod:`onrecord.storage.sourcecounts`).

A store that already holds quotes gets both tables filled here (:func:`sourcecounts.rebuild`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from onrecord.storage import sourcecounts

    op.create_table(
        "source_totals",
        sa.Column("dim", sa.String, primary_key=True),
        sa.Column("grp", sa.Text, primary_key=True),
        sa.Column("quotes", sa.Integer, nullable=False),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("speakers", sa.Integer, nullable=False),
        sa.Column("unnamed", sa.Integer, nullable=False),
        sa.Column("anonymous", sa.Integer, nullable=False),
    )
    op.create_table(
        "source_members",
        sa.Column("dim", sa.String, primary_key=True),
        sa.Column("grp", sa.Text, primary_key=True),
        sa.Column("what", sa.String, primary_key=True),
        sa.Column("member", sa.String, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    conn = op.get_bind()
    sourcecounts.rebuild(conn)
    sourcecounts.create(conn)


def downgrade() -> None:
    from onrecord.storage import sourcecounts

    sourcecounts.drop(op.get_bind())
    op.drop_table("source_members")
    op.drop_table("source_totals")
