"""The tables of the knowledge base (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The migrations in :mod:`onrecord.storage.migrations` create exactly these tables; a test
compares the migrated database with this metadata so the two cannot drift apart.

Rows derived from an article (quotes, article entities, roles) carry its ``article_id`` and
are deleted with it (``ON DELETE CASCADE``), so replacing a changed article replaces all its
facts in one transaction. Canonical ``entities`` are shared across articles; article entities
point to them, with the rule that decided the link (provenance of resolution).

Text columns ending in ``_fold`` hold :func:`onrecord.resolve.keys.fold` of their partner
column (case and diacritics folded) so that filters behave the same on both databases.
Dates are ISO strings; an article dated ``2024-03`` covers ``date_from`` 2024-03-01 to
``date_to`` 2024-03-31, so a date-range filter keeps every article that may fall inside it.
Full-text indexes are dialect-specific (FTS5 tables with triggers on SQLite, generated
``tsvector`` columns with GIN indexes on PostgreSQL) and live in the migrations only.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
    text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    # ``seq`` is the stable integer row id the full-text index points to
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("fingerprint", String, nullable=False),
    Column("language", String, nullable=False),
    Column("title", Text),
    Column("published", String),
    Column("date_from", String),
    Column("date_to", String),
    Column("place", Text),
    Column("source", Text),
    Column("source_fold", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("analysis", Text, nullable=False),
    Column("extractor", String, nullable=False),
    Column("extractor_version", String, nullable=False),
    Column("ingested_at", String, nullable=False),
    # issue 18: the article this one is a wire copy of (near-identical body, earlier), or NULL
    Column("wire_of", String),
    Index("ix_articles_date", "date_from", "date_to", "id"),
    Index("ix_articles_source_fold", "source_fold", "id"),
    Index("ix_articles_source", "source", "id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_fold", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("rule", String, nullable=False),
    Column("merged_into", String, ForeignKey("entities.id", ondelete="SET NULL")),
    # the transliteration key of the name (onrecord.resolve.translit_key): Zelensky = Selenskyj
    Column("translit", Text),
    Index("ix_entities_name_fold", "name_fold"),
    Index("ix_entities_translit", "translit"),
    # partial: what was merged into an entity; never chosen for "merged_into IS NULL" (most rows)
    Index(
        "ix_entities_merged",
        "merged_into",
        sqlite_where=text("merged_into IS NOT NULL"),
        postgresql_where=text("merged_into IS NOT NULL"),
    ),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("name_fold", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("mentions", Text, nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("rule", String, nullable=False),
    Column("score", Float, nullable=False),
    # the distinct name (resolution_names.id) this entity resolves through; NULL when it is
    # pinned by a user's split or stays local to its article (unnamed groups)
    Column("name_id", String),
    Index("ix_article_entities_article", "article_id", "entity_id"),
    Index("ix_article_entities_entity", "entity_id", "article_id"),
    Index("ix_article_entities_name_fold", "name_fold"),
    Index("ix_article_entities_name", "name_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("kind", String, nullable=False),
    Column("language", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("spans", Text, nullable=False),
    Column("cue_text", Text),
    Column("cue_spans", Text),
    Column("speaker_text", Text),
    Column("speaker_spans", Text),
    Column("speaker_name", Text),
    Column("article_entity_id", String),
    Column("entity_id", String, ForeignKey("entities.id")),
    Column("confidence", Float, nullable=False),
    # the article's first possible date, copied so "newest first" listings read an index
    Column("date_from", String),
    # issue 17 (NULL for quotes stored before revision 0005)
    Column("stance", String),
    Column("negated", Boolean),
    Column("source_anonymity", String),
    # issue 18: the statement this occurrence belongs to (NULL without a speaker entity) and
    # the source kind of its speaker (onrecord.statements.sources; NULL before revision 0006)
    Column("statement_id", String),
    Column("source_kind", String),
    # revision 0008: the statement and source columns, so groupings read no quote row
    Index(
        "ix_quotes_article",
        "article_id",
        "position",
        "entity_id",
        "statement_id",
        "source_kind",
        "source_anonymity",
    ),
    Index("ix_quotes_date", "date_from", "article_id", "position"),
    Index(
        "ix_quotes_kind_language_date",
        "kind",
        "language",
        "date_from",
        "statement_id",
        "entity_id",
        "source_kind",
        "source_anonymity",
    ),
    Index(
        "ix_quotes_entity_date",
        "entity_id",
        "date_from",
        "article_id",
        "statement_id",
        "source_kind",
        "source_anonymity",
    ),
    Index("ix_quotes_article_entity", "article_entity_id"),
    Index("ix_quotes_stance_date", "stance", "date_from"),
    Index("ix_quotes_anonymity_date", "source_anonymity", "date_from"),
    Index(
        "ix_quotes_statement",
        "statement_id",
        "entity_id",
        "source_anonymity",
        "source_kind",
        "date_from",
        "article_id",
    ),
    Index("ix_quotes_source_kind", "source_kind", "statement_id", "entity_id", "source_anonymity", "date_from"),
)

#: statements across articles (issue 18): the quotes of one speaker entity with the same or
#: nearly the same words, one row per group (see :mod:`onrecord.storage.statements`); the
#: occurrences are the quotes whose ``statement_id`` names it
statements = Table(
    "statements",
    metadata,
    Column("id", String, primary_key=True),
    Column("entity_id", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("mode", String, nullable=False),
    Column("language", String, nullable=False),
    Column("first_quote_id", String, nullable=False),
    Column("first_article_id", String, nullable=False),
    Column("first_date", String),
    Column("first_outlet", Text),
    Column("last_date", String),
    Column("occurrences", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Index("ix_statements_entity", "entity_id", "occurrences"),
    Index("ix_statements_occurrences", "occurrences", "id"),
    Index("ix_statements_first_date", "first_date", "id"),
)
# revision 0010: the unfiltered source groupings, kept by triggers on quotes
# (onrecord.storage.sourcecounts): one row per group ...
source_totals = Table(
    "source_totals",
    metadata,
    Column("dim", String, primary_key=True),
    Column("grp", Text, primary_key=True),
    Column("quotes", Integer, nullable=False),
    Column("statements", Integer, nullable=False),
    Column("speakers", Integer, nullable=False),
    Column("unnamed", Integer, nullable=False),
    Column("anonymous", Integer, nullable=False),
)
# ... and the quotes of each group per statement ("s") and per speaker entity ("e")
source_members = Table(
    "source_members",
    metadata,
    Column("dim", String, primary_key=True),
    Column("grp", Text, primary_key=True),
    Column("what", String, primary_key=True),
    Column("member", String, primary_key=True),
    Column("n", Integer, nullable=False),
)

#: the article entities a quote's words mention (``Quote.about``), in order; the canonical
#: entity is read through ``article_entities``, so merges and splits need no update here
quote_about = Table(
    "quote_about",
    metadata,
    Column("quote_id", String, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
    Column("article_entity_id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Index("ix_quote_about_article_entity", "article_entity_id"),
    Index("ix_quote_about_article", "article_id"),
)

roles = Table(
    "roles",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("article_entity_id", String, nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("title", Text),
    Column("organization", Text),
    Column("organization_fold", Text),
    Column("place", Text),
    Column("spans", Text, nullable=False),
    #: the role is a past one (Role.former; before revision 0009: from the title's words)
    Column("former", Boolean, nullable=False, server_default=false()),
    Index("ix_roles_entity", "entity_id"),
    Index("ix_roles_article_entity", "article_entity_id"),
    Index("ix_roles_organization_fold", "organization_fold", "article_entity_id"),
)

#: every distinct folded name an entity was mentioned by (kept on insert, merge and split;
#: a name left behind by a deleted article only widens a search, filters still use entity ids)
entity_names = Table(
    "entity_names",
    metadata,
    Column("name_fold", Text, primary_key=True),
    Column("entity_id", String, ForeignKey("entities.id"), primary_key=True),
    Index("ix_entity_names_entity", "entity_id"),
)

#: the distinct names of shared article entities (:class:`onrecord.resolve.cluster.Name`):
#: the input of cross-article resolution, with its current result (see
#: :mod:`onrecord.storage.resolution`); ``count`` article entities carry each name
resolution_names = Table(
    "resolution_names",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("german", Integer, nullable=False),
    Column("count", Integer, nullable=False),
    Column("entity_id", String),
    Column("rule", String),
    Column("score", Float),
)

#: the look-up keys of each name (:func:`onrecord.resolve.cluster.lookup_keys`): names that
#: may decide each other's resolution share a key, so a write finds what it affects
resolution_keys = Table(
    "resolution_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("name_id", String, ForeignKey("resolution_names.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_resolution_keys_name", "name_id"),
)

#: a user's correction of a resolution decision that must survive re-analysis: the article
#: entity named ``name_fold`` in ``article_id`` belongs to ``entity_id`` (a split)
overrides = Table(
    "overrides",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("name_fold", Text, primary_key=True),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("created_at", String, nullable=False),
    Column("note", Text),
)

#: an audit log of user corrections (merge, split), newest last
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String, nullable=False),
    Column("entity_id", String, nullable=False),
    Column("other_id", String),
    Column("detail", Text),
    Column("created_at", String, nullable=False),
)

__all__ = [
    "article_entities",
    "articles",
    "corrections",
    "entities",
    "entity_names",
    "metadata",
    "overrides",
    "quote_about",
    "quotes",
    "resolution_keys",
    "resolution_names",
    "roles",
    "statements",
]
