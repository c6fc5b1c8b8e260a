"""Covering indexes for the statement and source questions of a 100,000-quote store (issue 18.4).

``onrecord statements`` (and its count) groups the matching quotes by ``statement_id``;
``onrecord sources`` groups them by speaker, statement, source anonymity and the dimension
asked for. Each index a quote filter reads (by article for outlets and dates, by speaker, by
kind and language) gains the columns those groupings read, so they are answered from the index
without reading a quote row (the rows are wide: words and spans); the statement and source-kind
indexes are ordered as the unfiltered groupings read them:

- ``quotes (article_id, position, entity_id, statement_id, source_kind, source_anonymity)``;
- ``quotes (entity_id, date_from, article_id, statement_id, source_kind, source_anonymity)``;
- ``quotes (kind, language, date_from, statement_id, entity_id, source_kind, source_anonymity)``;
- ``quotes (statement_id, entity_id, source_anonymity, source_kind, date_from, article_id)``;
- ``quotes (source_kind, statement_id, entity_id, source_anonymity, date_from)`` (replaces
  ``ix_quotes_source_kind_date``, which no query read);
- ``articles (source, id)``: the quotes of each outlet, outlet by outlet.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: (index, table, columns before, columns after)
WIDENED = (
    (
        "ix_quotes_article",
        "quotes",
        ["article_id", "position", "entity_id"],
        ["article_id", "position", "entity_id", "statement_id", "source_kind", "source_anonymity"],
    ),
    (
        "ix_quotes_entity_date",
        "quotes",
        ["entity_id", "date_from", "article_id"],
        ["entity_id", "date_from", "article_id", "statement_id", "source_kind", "source_anonymity"],
    ),
    (
        "ix_quotes_kind_language_date",
        "quotes",
        ["kind", "language", "date_from"],
        ["kind", "language", "date_from", "statement_id", "entity_id", "source_kind", "source_anonymity"],
    ),
    (
        "ix_quotes_statement",
        "quotes",
        ["statement_id"],
        ["statement_id", "entity_id", "source_anonymity", "source_kind", "date_from", "article_id"],
    ),
)


def upgrade() -> None:
    for name, table, _, columns in WIDENED:
        op.drop_index(name, table)
        op.create_index(name, table, columns)
    op.drop_index("ix_quotes_source_kind_date", "quotes")
    op.create_index(
        "ix_quotes_source_kind", "quotes", ["source_kind", "statement_id", "entity_id", "source_anonymity", "date_from"]
    )
    op.create_index("ix_articles_source", "articles", ["source", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_source", "articles")
    op.drop_index("ix_quotes_source_kind", "quotes")
    op.create_index("ix_quotes_source_kind_date", "quotes", ["source_kind", "date_from"])
    for name, table, columns, _ in WIDENED:
        op.drop_index(name, table)
        op.create_index(name, table, columns)
