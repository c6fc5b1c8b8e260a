"""Whether a stored role is a past one (``Role.former``, issue 13).

``roles.former``: the analysis marks the role as past ("der frühere Minister", "Ex-Chef",
"former CEO"). German titles leave the marker out ("früherer" is no part of the title), so the
title alone cannot tell. Roles stored before this revision are filled from their title's own
words (``former``, ``ehemalig``, ``Ex-`` …), which is what readers showed for them so far;
ingest those articles again with a newer onrecord to fill the column from the analysis.

Written beside 0008 and chained after it at merge.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: the markers of a past role in a title, as ``storage.facts.is_former_title`` read them at 0009
_FORMER = re.compile(r"\b(?:früher|ehemalig|einstig|vormalig|ex-|former|erstwhile|onetime|one-time)\w*", re.I)
_STEMS = ("früher", "ehemalig", "einstig", "vormalig", "ex-", "former", "erstwhile", "onetime", "one-time")


def upgrade() -> None:
    with op.batch_alter_table("roles") as batch:
        batch.add_column(sa.Column("former", sa.Boolean, nullable=False, server_default=sa.false()))
    roles = sa.table("roles", sa.column("id", sa.String), sa.column("title", sa.Text), sa.column("former", sa.Boolean))
    conn = op.get_bind()
    title = sa.func.lower(roles.c.title)
    candidates = conn.execute(
        sa.select(roles.c.id, roles.c.title).where(sa.or_(*(title.like(f"%{stem}%") for stem in _STEMS)))
    ).all()
    former = sorted(row.id for row in candidates if _FORMER.search(row.title))
    for begin in range(0, len(former), 500):
        conn.execute(sa.update(roles).where(roles.c.id.in_(former[begin : begin + 500])).values(former=True))


def downgrade() -> None:
    with op.batch_alter_table("roles") as batch:
        batch.drop_column("former")
