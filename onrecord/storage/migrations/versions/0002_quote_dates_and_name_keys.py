"""Faster quote listings and speaker look-ups at scale (measured with ``onrecord bench-store``).

- ``quotes.date_from``: the article's first possible date, copied onto each quote, so that
  "newest first" listings filtered by kind/language, speaker or nothing are read in index
  order instead of sorted through a join (p95 81 ms → about 2 ms at 100,000 quotes, SQLite).
- ``quotes.article_entity_id`` gets an index (the organisation filter joins roles on it).
- ``entities.translit``: the transliteration key of the name (:func:`onrecord.resolve.translit_key`),
  so a query for "Zelensky" finds "Selenskyj" in SQL, without loading the entity index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from onrecord.resolve.keys import translit_key

    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("date_from", sa.String))
        batch.drop_index("ix_quotes_kind_language")
        batch.drop_index("ix_quotes_entity")
    op.execute(
        "UPDATE quotes SET date_from = (SELECT articles.date_from FROM articles WHERE articles.id = quotes.article_id)"
    )
    op.create_index("ix_quotes_date", "quotes", ["date_from", "article_id", "position"])
    op.create_index("ix_quotes_kind_language_date", "quotes", ["kind", "language", "date_from"])
    op.create_index("ix_quotes_entity_date", "quotes", ["entity_id", "date_from"])
    op.create_index("ix_quotes_article_entity", "quotes", ["article_entity_id"])

    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("translit", sa.Text))
    bind = op.get_bind()
    entities = sa.table(
        "entities", sa.column("id", sa.String), sa.column("name", sa.Text), sa.column("translit", sa.Text)
    )
    rows = bind.execute(sa.select(entities.c.id, entities.c.name)).all()
    for row in rows:
        bind.execute(sa.update(entities).where(entities.c.id == row.id).values(translit=translit_key(row.name)))
    op.create_index("ix_entities_translit", "entities", ["translit"])


def downgrade() -> None:
    op.drop_index("ix_entities_translit", "entities")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("translit")
    for name in ("ix_quotes_article_entity", "ix_quotes_entity_date", "ix_quotes_kind_language_date", "ix_quotes_date"):
        op.drop_index(name, "quotes")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("date_from")
    op.create_index("ix_quotes_entity", "quotes", ["entity_id"])
    op.create_index("ix_quotes_kind_language", "quotes", ["kind", "language"])
