"""Quotes per stance for a filter (issue 17: "X is said to …" on an entity page), in one query."""

from __future__ import annotations

from sqlalchemy import and_, func, literal, select

from onrecord.model import STANCES
from onrecord.storage import schema as t
from onrecord.storage.queries import _quote_conditions
from onrecord.storage.records import QuoteFilter
from onrecord.storage.store import Store

__all__ = ["stance_counts"]


def stance_counts(store: Store, flt: QuoteFilter) -> dict[str, int]:
    """How many quotes matching ``flt`` have each stance, in the order of ``STANCES``; stances
    without quotes and quotes stored before stances existed (no stance) are left out. The
    conditions on articles (outlet, dates) are not applied here."""
    q = t.quotes.c
    conditions = _quote_conditions(store, flt.model_copy(update={"outlet": None, "since": None, "until": None}))
    query = (
        select(q.stance, func.count())
        .select_from(t.quotes)
        .where(and_(literal(True), q.stance.is_not(None), *conditions))
        .group_by(q.stance)
    )
    with store.reading() as conn:
        counts = {str(stance): int(n) for stance, n in conn.execute(query).all()}
    return {s: counts[s] for s in STANCES if counts.get(s)}
