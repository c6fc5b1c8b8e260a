"""Order-independent cross-article resolution (:mod:`onrecord.storage.resolution`).

- ``resolution_names``: each distinct name of the shared article entities once, with how many
  carry it and its current resolution; ``resolution_keys``: its look-up keys;
- ``article_entities.name_id``: the name an article entity resolves through.

A store written by an older onrecord is resolved anew: links the old, order-dependent resolver
made itself (an entity marked ``merged_into`` another without a user's merge in the
``corrections`` log) are undone, every name is resolved as a set, and entities left without
any fact are dropped. A user's merges and splits stay.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolution_names",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("german", sa.Integer, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.String),
        sa.Column("rule", sa.String),
        sa.Column("score", sa.Float),
    )
    op.create_table(
        "resolution_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("name_id", sa.String, sa.ForeignKey("resolution_names.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_resolution_keys_name", "resolution_keys", ["name_id"])
    with op.batch_alter_table("article_entities") as batch:
        batch.add_column(sa.Column("name_id", sa.String))
    op.create_index("ix_article_entities_name", "article_entities", ["name_id"])

    op.execute(
        "UPDATE entities SET merged_into = NULL WHERE merged_into IS NOT NULL AND id NOT IN "
        "(SELECT other_id FROM corrections WHERE action = 'merge' AND other_id IS NOT NULL)"
    )
    from onrecord.storage.resolution import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_article_entities_name", "article_entities")
    with op.batch_alter_table("article_entities") as batch:
        batch.drop_column("name_id")
    op.drop_index("ix_resolution_keys_name", "resolution_keys")
    op.drop_table("resolution_keys")
    op.drop_table("resolution_names")
