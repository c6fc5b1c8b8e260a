"""Quotes per stance for a filter (issue 17: "X is said to …" on an entity page), in one query."""

from __future__ import annotations

from sqlalchemy import func, select

from onrecord.model import STANCES
from onrecord.storage import schema as t
from onrecord.storage.queries import quote_only_conditions
from onrecord.storage.records import QuoteFilter
from onrecord.storage.store import Store

__all__ = ["stance_counts"]


def stance_counts(store: Store, flt: QuoteFilter) -> dict[str, int]:
    """How many quotes matching ``flt`` have each stance, in the order of ``STANCES``; stances
    without quotes and quotes stored before stances existed (no stance) are left out."""
    q = t.quotes.c
    query = (
        select(q.stance, func.count())
        .select_from(t.quotes)
        .where(q.stance.is_not(None), *quote_only_conditions(store, flt))
        .group_by(q.stance)
    )
    with store.reading() as conn:
        counts = {str(stance): int(n) for stance, n in conn.execute(query).all()}
    return {s: counts[s] for s in STANCES if counts.get(s)}
