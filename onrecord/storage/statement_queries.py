"""Questions about the statements in the store (issue 18): :func:`list_statements`,
:func:`count_statements` and :func:`get_statement` (also as :class:`~onrecord.storage.store.Store`
methods); the grouping that fills the ``statements`` table is :mod:`onrecord.storage.statements`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, select, text

from onrecord.errors import NotFoundError
from onrecord.storage import schema as t
from onrecord.storage.facts import loads_spans
from onrecord.storage.records import (
    QuoteFilter,
    StatementDetail,
    StatementOccurrence,
    StatementRecord,
    StatementSort,
)


def _statement_ids(store: Any, flt: QuoteFilter) -> Any:
    """The ids of the statements with an occurrence matching ``flt`` (a subquery), with counts.

    Read from ``quotes`` alone: the conditions on the article (outlet, dates) select the articles
    first (:func:`~onrecord.storage.queries.quote_only_conditions`), and the quote indexes carry
    ``statement_id`` (revision 0008), so no quote or article row is read per occurrence."""
    from onrecord.storage.queries import quote_only_conditions

    q = t.quotes
    return (
        select(q.c.statement_id.label("sid"), func.count().label("matched"))
        .where(q.c.statement_id.is_not(None), *quote_only_conditions(store, flt))
        .group_by(q.c.statement_id)
        .subquery()
    )


@contextmanager
def _reading(store: Any) -> Iterator[Connection]:
    """:meth:`Store.reading` for the questions here and the groupings of
    :mod:`~onrecord.storage.source_reports`. On PostgreSQL the planner is told that a
    random page read costs about as much as a sequential one (``random_page_cost`` 1.1, the
    usual value for data in memory or on SSD; the default 4 is for spinning disks), for this
    transaction only: otherwise it scans all 100,000 quotes rather than searching the covering
    indexes for the few hundred an organisation or outlet selects (0.34 s against 0.10 s)."""
    with store.reading() as conn:
        if store.dialect == "postgresql":
            conn.execute(text("SET LOCAL random_page_cost = 1.1"))
        yield conn


def _filtered(flt: QuoteFilter | None) -> bool:
    return flt is not None and any(v is not None for v in flt.model_dump().values())


def _statement_select(store: Any, flt: QuoteFilter | None) -> Any:
    s, e = t.statements, t.entities
    columns: list[Any] = [s, e.c.name.label("entity_name"), e.c.type.label("entity_type")]
    source = s.outerjoin(e, e.c.id == s.c.entity_id)
    if _filtered(flt):
        assert flt is not None
        ids = _statement_ids(store, flt)
        return select(*columns, ids.c.matched).select_from(source.join(ids, ids.c.sid == s.c.id))
    return select(*columns, s.c.occurrences.label("matched")).select_from(source)


def _record(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "entity_id": row.entity_id,
        "entity_name": row.entity_name,
        "entity_type": row.entity_type,
        "text": row.text,
        "mode": row.mode,
        "language": row.language,
        "occurrences": row.occurrences,
        "articles": row.articles,
        "outlets": row.outlets,
        "first_seen": row.first_date,
        "first_outlet": row.first_outlet,
        "first_article_id": row.first_article_id,
        "first_quote_id": row.first_quote_id,
        "last_seen": row.last_date,
        "matched": int(row.matched),
    }


def list_statements(
    store: Any,
    flt: QuoteFilter | None = None,
    sort: StatementSort = "occurrences",
    limit: int = 50,
    offset: int = 0,
) -> list[StatementRecord]:
    """Statements with at least one occurrence matching ``flt`` (the filters of
    :func:`onrecord.storage.queries.list_quotes`), most occurrences first (ties: newest first
    seen, then id) or newest first seen first (undated last; ties: most occurrences, then id)."""
    s = t.statements.c
    newest = s.first_date.desc().nulls_last() if store.dialect == "postgresql" else s.first_date.desc()
    order = (s.occurrences.desc(), newest, s.id) if sort == "occurrences" else (newest, s.occurrences.desc(), s.id)
    query = _statement_select(store, flt).order_by(*order).limit(limit).offset(offset)
    with _reading(store) as conn:
        rows = conn.execute(query).all()
    return [StatementRecord(**_record(row)) for row in rows]


def count_statements(store: Any, flt: QuoteFilter | None = None) -> int:
    """How many statements :func:`list_statements` would page through."""
    if _filtered(flt):
        assert flt is not None
        query = select(func.count()).select_from(_statement_ids(store, flt))
    else:
        query = select(func.count()).select_from(t.statements)
    with _reading(store) as conn:
        return int(conn.execute(query).scalar_one())


def get_statement(store: Any, statement_id: str) -> StatementDetail:
    """One statement with all its occurrences, oldest first (undated last; ties: article id,
    position); :class:`NotFoundError` for an unknown id."""
    q, a = t.quotes.c, t.articles.c
    with store.reading() as conn:
        row = conn.execute(_statement_select(store, None).where(t.statements.c.id == statement_id)).first()
        if row is None:
            raise NotFoundError(f"no statement with id {statement_id!r}")
        occurrences = conn.execute(
            select(
                q.id,
                q.article_id,
                q.position,
                q.kind,
                q.text,
                q.spans,
                q.speaker_text,
                q.cue_text,
                q.source_kind,
                q.source_anonymity,
                a.published,
                a.date_from,
                a.source,
                a.title,
                a.url,
                a.wire_of,
            )  # fmt: skip
            .select_from(t.quotes.join(t.articles, a.id == q.article_id))
            .where(q.statement_id == statement_id)
        ).all()
    ordered = sorted(occurrences, key=lambda r: (r.date_from is None, r.date_from or "", r.article_id, r.position))
    return StatementDetail(
        **_record(row),
        occurrence_list=[
            StatementOccurrence(
                quote_id=r.id,
                article_id=r.article_id,
                position=r.position,
                kind=r.kind,
                text=r.text,
                spans=loads_spans(r.spans),
                speaker=r.speaker_text,
                cue=r.cue_text,
                published=r.published,
                date=r.date_from,
                source=r.source,
                title=r.title,
                url=r.url,
                source_kind=r.source_kind,
                source_anonymity=r.source_anonymity,
                wire_of=r.wire_of,
            )
            for r in ordered
        ],
    )

