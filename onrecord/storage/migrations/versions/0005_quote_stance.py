"""The stance of each statement, and what it is about (issue 17).

- ``quotes.stance``, ``quotes.negated``, ``quotes.source_anonymity``: the additive fields of
  :class:`onrecord.model.Quote`; NULL for quotes stored before this revision (their analyses
  predate the fields: ingest them again with a newer onrecord to fill them), with indexes for
  "newest first" listings filtered by stance or anonymity;
- ``quote_about``: one row per quote and article entity its words mention (``about``), in
  order (``position``); the canonical entity is read through ``article_entities``, so merges
  and splits need no update here.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("stance", sa.String))
        batch.add_column(sa.Column("negated", sa.Boolean))
        batch.add_column(sa.Column("source_anonymity", sa.String))
    op.create_index("ix_quotes_stance_date", "quotes", ["stance", "date_from"])
    op.create_index("ix_quotes_anonymity_date", "quotes", ["source_anonymity", "date_from"])
    op.create_table(
        "quote_about",
        sa.Column("quote_id", sa.String, sa.ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_entity_id", sa.String, primary_key=True),
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_quote_about_article_entity", "quote_about", ["article_entity_id"])
    op.create_index("ix_quote_about_article", "quote_about", ["article_id"])


def downgrade() -> None:
    op.drop_table("quote_about")
    op.drop_index("ix_quotes_anonymity_date", "quotes")
    op.drop_index("ix_quotes_stance_date", "quotes")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("source_anonymity")
        batch.drop_column("negated")
        batch.drop_column("stance")
