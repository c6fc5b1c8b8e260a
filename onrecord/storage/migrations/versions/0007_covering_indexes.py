"""Covering indexes for the counts and entity profiles of a 100,000-quote store (issue 14.8).

Measured with ``onrecord bench-store`` (README, "Scale"): the slow paths read a table row for
every index entry they visited. Each index below gains the column those queries read next, so
they are answered from the index alone; one index is new:

- ``entities.merged_into`` (partial, merged entities only): an entity profile lists what was
  merged into it (was a full scan);
- ``article_entities (entity_id, article_id)`` and ``(article_id, entity_id)``: the articles of
  an entity and the entities of an article, for profile spans and companions;
- ``quotes (entity_id, date_from, article_id)`` and ``(article_id, position, entity_id)``: the
  same for speakers quoted in the same articles;
- ``articles (source_fold, id)`` and ``(date_from, date_to, id)``: the articles of an outlet or
  a date range, for the count shown with a page;
- ``roles (organization_fold, article_entity_id)``: the article entities of an organisation.

Written beside 0006 (statements) and chained after it at merge.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: (index, table, columns before, columns after)
WIDENED = (
    ("ix_article_entities_entity", "article_entities", ["entity_id"], ["entity_id", "article_id"]),
    ("ix_article_entities_article", "article_entities", ["article_id"], ["article_id", "entity_id"]),
    ("ix_quotes_entity_date", "quotes", ["entity_id", "date_from"], ["entity_id", "date_from", "article_id"]),
    ("ix_quotes_article", "quotes", ["article_id", "position"], ["article_id", "position", "entity_id"]),
    ("ix_articles_source_fold", "articles", ["source_fold"], ["source_fold", "id"]),
    ("ix_articles_date", "articles", ["date_from", "date_to"], ["date_from", "date_to", "id"]),
    ("ix_roles_organization_fold", "roles", ["organization_fold"], ["organization_fold", "article_entity_id"]),
)


def upgrade() -> None:
    for name, table, _, columns in WIDENED:
        op.drop_index(name, table)
        op.create_index(name, table, columns)
    partial = sa.text("merged_into IS NOT NULL")
    op.create_index("ix_entities_merged", "entities", ["merged_into"], sqlite_where=partial, postgresql_where=partial)


def downgrade() -> None:
    op.drop_index("ix_entities_merged", "entities")
    for name, table, columns, _ in WIDENED:
        op.drop_index(name, table)
        op.create_index(name, table, columns)
