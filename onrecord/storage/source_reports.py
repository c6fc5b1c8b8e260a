"""Who gets quoted (issue 18): :func:`source_report` groups the quotes matching a filter by
entity, entity type, source kind, outlet or month, with the shares of unnamed and anonymous
sources, and :func:`source_reports_per` one such report per value of another dimension. Without a
filter the groups are read from the counts the database keeps (:mod:`onrecord.storage.sourcecounts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, select

from onrecord.storage import schema as t
from onrecord.storage.chunking import chunks
from onrecord.storage.records import (
    QuoteFilter,
    SourceBy,
    SourceRow,
    SourcesReport,
)
from onrecord.storage.statement_queries import _filtered, _reading


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass(frozen=True)
class _Group:
    """The quotes of one group of :func:`_groups`: ``keys`` has one value per dimension."""

    keys: tuple[str, ...]
    quotes: int
    statements: int
    speakers: int
    unnamed: int
    anonymous: int


def _groups(store: Any, flt: QuoteFilter, dims: Sequence[SourceBy]) -> list[_Group]:
    """The quotes matching ``flt`` grouped by the dimensions ``dims`` (a missing value is ``""``),
    in no particular order.

    One pass in two levels: the matching quotes are grouped by speaker entity, statement and the
    quote-level dimensions (source kind, month, outlet), read from covering indexes of ``quotes``
    (the outlet through the article); the much fewer groups are then joined with ``entities``
    for the entity type and grouped by the dimensions. A statement belongs to one speaker, so
    the distinct statements and speakers of a group are counted over the first level's rows —
    the same numbers as over the quotes."""
    from onrecord.storage.queries import quote_only_conditions

    if _flat(store, dims):
        return _flat_groups(store, flt, dims)
    q, a, e = t.quotes, t.articles, t.entities
    inner_columns: dict[SourceBy, Any] = {
        "entity": q.c.entity_id,
        "kind": q.c.source_kind,
        "month": func.substr(q.c.date_from, 1, 7),
        "outlet": a.c.source,
    }
    quote_dims = [d for d in dict.fromkeys(dims) if d in inner_columns and d != "entity"]
    anonymity = q.c.source_anonymity
    source: Any = q.join(a, a.c.id == q.c.article_id) if "outlet" in quote_dims else q
    # grouped in the order of the covering indexes (revision 0008), anonymity as a group
    # column rather than two sums per quote: the first level streams from the index
    inner_keys = [*(inner_columns[d] for d in quote_dims), q.c.statement_id, q.c.entity_id, anonymity]
    inner = (
        select(
            *(inner_columns[d].label(f"k_{d}") for d in quote_dims),
            q.c.statement_id.label("statement_id"),
            q.c.entity_id.label("entity_id"),
            anonymity.label("anonymity"),
            func.count().label("n"),
        )
        .select_from(source)
        .where(and_(literal(True), *quote_only_conditions(store, flt)))
        .group_by(*inner_keys)
        .subquery()
    )
    outer_columns: dict[SourceBy, Any] = {d: inner.c[f"k_{d}"] for d in quote_dims}
    outer_columns["entity"] = inner.c.entity_id
    outer_source: Any = inner
    if "type" in dims:
        outer_columns["type"] = e.c.type
        outer_source = inner.outerjoin(e, e.c.id == inner.c.entity_id)
    # one expression per key, in the select list and the grouping alike (PostgreSQL compares them)
    keys = [func.coalesce(outer_columns[d], literal("")) for d in dims]
    query = (
        select(
            *(k.label(f"g{i}") for i, k in enumerate(keys)),
            func.sum(inner.c.n).label("quotes"),
            func.count(distinct(inner.c.statement_id)).label("statements"),
            func.count(distinct(inner.c.entity_id)).label("speakers"),
            func.sum(case((inner.c.anonymity == "unnamed", inner.c.n), else_=0)).label("unnamed"),
            func.sum(case((inner.c.anonymity == "anonymous", inner.c.n), else_=0)).label("anonymous"),
        )
        .select_from(outer_source)
        .group_by(*keys)
    )
    return _fetch_groups(store, query, len(dims))


def _fetch_groups(store: Any, query: Any, width: int) -> list[_Group]:
    """Run a grouping query whose columns are ``width`` keys (``g0``, ``g1``, …) and then
    ``quotes``, ``statements``, ``speakers``, ``unnamed`` and ``anonymous``; one group per row."""
    with _reading(store) as conn:
        rows = conn.execute(query).all()
    return [
        _Group(
            keys=tuple(str(row[i]) for i in range(width)),
            quotes=int(row.quotes),
            statements=int(row.statements),
            speakers=int(row.speakers),
            unnamed=int(row.unnamed or 0),
            anonymous=int(row.anonymous or 0),
        )
        for row in rows
    ]


def _flat(store: Any, dims: Sequence[SourceBy]) -> bool:
    """Whether :func:`_flat_groups` answers faster than the two levels of :func:`_groups`
    (measured on the 100,000-quote store with the filters of ``bench-store``: on SQLite for any
    dimension read from the quote and its article, month with an outlet or language filter
    0.10 s → 0.04 s; on PostgreSQL by month only; the entity type keeps two levels, which join
    ``entities`` once per speaker rather than once per quote)."""
    allowed = {"month"} if store.dialect == "postgresql" else {"entity", "kind", "month", "outlet"}
    return set(dims) <= allowed


def _flat_groups(store: Any, flt: QuoteFilter, dims: Sequence[SourceBy]) -> list[_Group]:
    """:func:`_groups` in one level: the matching quotes grouped by the dimensions, distinct
    statements and speakers counted per group (the same numbers)."""
    from onrecord.storage.queries import quote_only_conditions

    q, a = t.quotes, t.articles
    columns: dict[SourceBy, Any] = {
        "entity": q.c.entity_id,
        "kind": q.c.source_kind,
        "month": func.substr(q.c.date_from, 1, 7),
        "outlet": a.c.source,
    }
    source: Any = q.join(a, a.c.id == q.c.article_id) if "outlet" in dims else q
    keys = [func.coalesce(columns[d], literal("")) for d in dims]
    anonymity = q.c.source_anonymity
    query = (
        select(
            *(k.label(f"g{i}") for i, k in enumerate(keys)),
            func.count().label("quotes"),
            func.count(distinct(q.c.statement_id)).label("statements"),
            func.count(distinct(q.c.entity_id)).label("speakers"),
            func.sum(case((anonymity == "unnamed", 1), else_=0)).label("unnamed"),
            func.sum(case((anonymity == "anonymous", 1), else_=0)).label("anonymous"),
        )
        .select_from(source)
        .where(and_(literal(True), *quote_only_conditions(store, flt)))
        .group_by(*keys)
    )
    return _fetch_groups(store, query, len(dims))


#: the groupings :mod:`onrecord.storage.sourcecounts` keeps for all quotes (``type``: from ``entity``)
_KEPT: dict[tuple[SourceBy, ...], str] = {
    ("entity",): "entity",
    ("type",): "entity",
    ("kind",): "kind",
    ("month",): "month",
    ("outlet",): "outlet",
    ("outlet", "kind"): "outlet_kind",
}


def _kept_groups(store: Any, dims: tuple[SourceBy, ...]) -> list[_Group]:
    """:func:`_groups` of all quotes, read from ``source_totals`` (revision 0010): the same
    numbers, kept by the database as quotes change, in a few hundred rows rather than a pass over
    every quote (``type``: the entities' rows summed per type — a statement has one speaker)."""
    from onrecord.storage.sourcecounts import SEPARATOR

    st, e = t.source_totals, t.entities
    dim = _KEPT[dims]
    query: Any
    if dims == ("type",):
        kind = func.coalesce(e.c.type, literal(""))
        query = (
            select(
                kind.label("grp"),
                func.sum(st.c.quotes).label("quotes"),
                func.sum(st.c.statements).label("statements"),
                func.sum(st.c.speakers).label("speakers"),
                func.sum(st.c.unnamed).label("unnamed"),
                func.sum(st.c.anonymous).label("anonymous"),
            )
            .select_from(st.outerjoin(e, e.c.id == st.c.grp))
            .where(st.c.dim == dim)
            .group_by(kind)
        )
    else:
        query = select(st.c.grp, st.c.quotes, st.c.statements, st.c.speakers, st.c.unnamed, st.c.anonymous).where(
            st.c.dim == dim
        )
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [
        _Group(
            keys=tuple(row.grp.rsplit(SEPARATOR, 1)) if len(dims) > 1 else (row.grp,),
            quotes=int(row.quotes),
            statements=int(row.statements),
            speakers=int(row.speakers),
            unnamed=int(row.unnamed),
            anonymous=int(row.anonymous),
        )
        for row in rows
    ]


def _source_groups(store: Any, flt: QuoteFilter | None, dims: tuple[SourceBy, ...]) -> list[_Group]:
    """The groups of the quotes matching ``flt``: kept ones for all quotes, else counted."""
    if not _filtered(flt) and dims in _KEPT:
        return _kept_groups(store, dims)
    return _groups(store, flt or QuoteFilter(), dims)


def _kept_top(store: Any, dim: str, limit: int) -> tuple[list[tuple[str, _Group]], _Group, int]:
    """The ``limit`` largest kept groups of ``dim`` (most quotes first, ties by key in code-point
    order), the sums over all its groups and their number, ranked and summed by the database:
    a dimension of thousands of groups (the speakers) is not read row by row."""
    st = t.source_totals
    key = st.c.grp.collate("C") if store.dialect == "postgresql" else st.c.grp
    columns = (st.c.quotes, st.c.statements, st.c.speakers, st.c.unnamed, st.c.anonymous)
    top = select(st.c.grp, *columns).where(st.c.dim == dim).order_by(st.c.quotes.desc(), key).limit(limit)
    sums = select(func.count(), *(func.coalesce(func.sum(c), 0) for c in columns)).where(st.c.dim == dim)
    with store.reading() as conn:
        rows = conn.execute(top).all()
        count, *whole = conn.execute(sums).one()
    return (
        [(row[0], _Group((row[0],), *(int(v) for v in row[1:]))) for row in rows],
        _Group(("",), *(int(v) for v in whole)),
        int(count),
    )


def _report(
    store: Any,
    by: SourceBy,
    groups: list[tuple[str, _Group]],
    limit: int,
    whole: tuple[_Group, int] | None = None,
) -> SourcesReport:
    """The report of ``groups`` (key, counts): most quotes first, ties by key in code-point order
    (the same on both databases, whatever their collation). ``whole``: ``groups`` are already the
    top ones, ranked, and this is the sum over all groups and their number."""
    ranked = groups if whole else sorted(groups, key=lambda item: (-item[1].quotes, item[0]))
    top = ranked[:limit]
    labels: dict[str, str] = {}
    if by == "entity":
        e = t.entities.c
        ids = sorted(key for key, _ in top if key)
        with store.reading() as conn:
            for chunk in chunks(ids):
                labels.update({r.id: r.name for r in conn.execute(select(e.id, e.name).where(e.id.in_(chunk)))})
    if whole:
        quotes, unnamed, anonymous, count = whole[0].quotes, whole[0].unnamed, whole[0].anonymous, whole[1]
    else:
        quotes = sum(g.quotes for _, g in groups)
        unnamed = sum(g.unnamed for _, g in groups)
        anonymous = sum(g.anonymous for _, g in groups)
        count = len(groups)
    return SourcesReport(
        by=by,
        quotes=quotes,
        unnamed=unnamed,
        anonymous=anonymous,
        unnamed_share=_share(unnamed, quotes),
        anonymous_share=_share(anonymous, quotes),
        groups=count,
        rows=[
            SourceRow(
                key=key,
                label=labels.get(key, key) if key else "(none)",
                quotes=g.quotes,
                statements=g.statements,
                speakers=g.speakers,
                unnamed=g.unnamed,
                anonymous=g.anonymous,
                unnamed_share=_share(g.unnamed, g.quotes),
                anonymous_share=_share(g.anonymous, g.quotes),
            )
            for key, g in top
        ],
    )


def source_report(store: Any, by: SourceBy = "kind", flt: QuoteFilter | None = None, limit: int = 50) -> SourcesReport:
    """Who gets quoted: the quotes matching ``flt`` grouped ``by`` entity, entity type, source
    kind, outlet or month, most quotes first (ties: key), with the shares of unnamed and
    anonymous sources; ``groups`` says how many groups there are in all. Without a filter the
    groups are read from the counts the database keeps (:mod:`onrecord.storage.sourcecounts`)."""
    if by == "entity" and not _filtered(flt):
        top, whole, count = _kept_top(store, "entity", limit)
        return _report(store, by, top, limit, whole=(whole, count))
    groups = _source_groups(store, flt, (by,))
    return _report(store, by, [(g.keys[0], g) for g in groups], limit)


def source_reports_per(
    store: Any, per: SourceBy, by: SourceBy, flt: QuoteFilter | None = None, limit: int = 50
) -> dict[str, SourcesReport]:
    """:func:`source_report` ``by`` one dimension for each value of another (``per``), in one
    query: for example the source kinds of each outlet. Keyed by the exact value of ``per``
    (``""``: none), so an outlet's report counts that outlet only."""
    split: dict[str, list[tuple[str, _Group]]] = defaultdict(list)
    for group in _source_groups(store, flt, (per, by)):
        split[group.keys[0]].append((group.keys[1], group))
    return {key: _report(store, by, groups, limit) for key, groups in sorted(split.items())}

