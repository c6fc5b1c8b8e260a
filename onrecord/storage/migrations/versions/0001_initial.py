"""The initial knowledge base: articles, canonical entities, article entities, quotes, roles.

Full-text search: on SQLite, FTS5 tables with external content kept in sync by triggers; on
PostgreSQL, generated ``tsvector`` columns with GIN indexes. Both use a language-neutral
tokenisation (``simple`` and ``unicode61``) with prefix queries, so that German and English
inflected forms are found the same way on both. SQLite also folds diacritics (a query
``Muller`` finds ``Müller``); PostgreSQL matches them as written.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String, nullable=False, unique=True),
        sa.Column("fingerprint", sa.String, nullable=False),
        sa.Column("language", sa.String, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String),
        sa.Column("date_from", sa.String),
        sa.Column("date_to", sa.String),
        sa.Column("place", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("source_fold", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("extractor", sa.String, nullable=False),
        sa.Column("extractor_version", sa.String, nullable=False),
        sa.Column("ingested_at", sa.String, nullable=False),
    )
    op.create_index("ix_articles_date", "articles", ["date_from", "date_to"])
    op.create_index("ix_articles_source_fold", "articles", ["source_fold"])

    op.create_table(
        "entities",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_fold", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("rule", sa.String, nullable=False),
        sa.Column("merged_into", sa.String, sa.ForeignKey("entities.id", ondelete="SET NULL")),
    )
    op.create_index("ix_entities_name_fold", "entities", ["name_fold"])

    op.create_table(
        "article_entities",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_fold", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("mentions", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("rule", sa.String, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_article_entities_article", "article_entities", ["article_id"])
    op.create_index("ix_article_entities_entity", "article_entities", ["entity_id"])
    op.create_index("ix_article_entities_name_fold", "article_entities", ["name_fold"])

    op.create_table(
        "quotes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String, nullable=False, unique=True),
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("language", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("spans", sa.Text, nullable=False),
        sa.Column("cue_text", sa.Text),
        sa.Column("cue_spans", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_spans", sa.Text),
        sa.Column("speaker_name", sa.Text),
        sa.Column("article_entity_id", sa.String),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id")),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id", "position"])
    op.create_index("ix_quotes_entity", "quotes", ["entity_id"])
    op.create_index("ix_quotes_kind_language", "quotes", ["kind", "language"])

    op.create_table(
        "roles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_entity_id", sa.String, nullable=False),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("organization", sa.Text),
        sa.Column("organization_fold", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("spans", sa.Text, nullable=False),
    )
    op.create_index("ix_roles_entity", "roles", ["entity_id"])
    op.create_index("ix_roles_article_entity", "roles", ["article_entity_id"])
    op.create_index("ix_roles_organization_fold", "roles", ["organization_fold"])

    op.create_table(
        "overrides",
        sa.Column("article_id", sa.String, primary_key=True),
        sa.Column("name_fold", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("other_id", sa.String),
        sa.Column("detail", sa.Text),
        sa.Column("created_at", sa.String, nullable=False),
    )

    if op.get_bind().dialect.name == "postgresql":
        _postgres_search()
    else:
        _sqlite_search()


def _sqlite_search() -> None:
    for table, columns in (("quotes", ("text", "speaker_name")), ("articles", ("title", "text"))):
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', content_rowid='seq', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        insert = f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.seq, {new});"
        delete = f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.seq, {old});"
        op.execute(f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END")


def _postgres_search() -> None:
    for table, columns in (("quotes", ("text", "speaker_name")), ("articles", ("title", "text"))):
        document = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {document})) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for table in ("quotes", "articles"):
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for table in ("corrections", "overrides", "roles", "quotes", "article_entities", "entities", "articles"):
        op.drop_table(table)
