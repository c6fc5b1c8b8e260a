"""Statements across articles, source kinds and wire copies (issue 18).

- ``statements``: one row per statement (the quotes of one speaker entity with the same or
  nearly the same words; :mod:`onrecord.storage.statements`);
- ``quotes.statement_id``: the statement of each quote (NULL without a speaker entity);
- ``quotes.source_kind``: the kind of source (:mod:`onrecord.statements.sources`);
- ``articles.wire_of``: the article an article is a wire copy of (NULL: none).

A store that already holds quotes gets its source kinds and statements filled here
(:func:`onrecord.storage.statements.backfill`), so no re-ingest is needed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("statement_id", sa.String))
        batch.add_column(sa.Column("source_kind", sa.String))
    op.create_index("ix_quotes_statement", "quotes", ["statement_id"])
    op.create_index("ix_quotes_source_kind_date", "quotes", ["source_kind", "date_from"])
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("wire_of", sa.String))
    op.create_table(
        "statements",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("mode", sa.String, nullable=False),
        sa.Column("language", sa.String, nullable=False),
        sa.Column("first_quote_id", sa.String, nullable=False),
        sa.Column("first_article_id", sa.String, nullable=False),
        sa.Column("first_date", sa.String),
        sa.Column("first_outlet", sa.Text),
        sa.Column("last_date", sa.String),
        sa.Column("occurrences", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
    )
    op.create_index("ix_statements_entity", "statements", ["entity_id", "occurrences"])
    op.create_index("ix_statements_occurrences", "statements", ["occurrences", "id"])
    op.create_index("ix_statements_first_date", "statements", ["first_date", "id"])
    from onrecord.storage.statements import backfill

    backfill(op.get_bind())


def downgrade() -> None:
    op.drop_table("statements")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("wire_of")
    op.drop_index("ix_quotes_source_kind_date", "quotes")
    op.drop_index("ix_quotes_statement", "quotes")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("source_kind")
        batch.drop_column("statement_id")
