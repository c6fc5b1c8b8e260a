"""``entity_names``: every distinct (folded) name under which an entity was mentioned.

Speaker and entity look-ups search names with ``LIKE '%…%'``; over ``article_entities`` (one
row per entity per article: 312,642 rows at 100,000 quotes) that was a 40 ms scan per query,
over this table (one row per distinct name and entity) it is about a twentieth of that.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_names",
        sa.Column("name_fold", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), primary_key=True),
    )
    op.create_index("ix_entity_names_entity", "entity_names", ["entity_id"])
    op.execute(
        "INSERT INTO entity_names (name_fold, entity_id) SELECT DISTINCT name_fold, entity_id FROM article_entities"
    )


def downgrade() -> None:
    op.drop_table("entity_names")
