"""Questions to the store: quotes with filters, entities and their profiles, articles.

Every query is built with SQLAlchemy expressions and bound parameters, never from strings of
user input. Names are compared in folded form (:func:`onrecord.resolve.keys.fold`), so
``mueller``, ``Müller`` and ``MÜLLER`` find the same speaker on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    distinct,
    false,
    func,
    literal,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.orm import aliased

from onrecord.errors import NotFoundError
from onrecord.model import Analysis
from onrecord.resolve.keys import fold
from onrecord.storage import schema as t
from onrecord.storage.facts import bound, loads_spans, role_label
from onrecord.storage.records import (
    ArticleRecord,
    Companion,
    EntityProfile,
    EntityRecord,
    EntityRef,
    NameCount,
    QuoteFilter,
    QuoteRecord,
    RoleSpan,
)
from onrecord.storage.store import Store
from onrecord.storage.textsearch import parse_query, to_fts5, to_tsquery

__all__ = [
    "about_of",
    "count_articles",
    "count_entities",
    "count_quotes",
    "entity_profile",
    "find_entities",
    "get_analysis",
    "iter_analyses",
    "list_articles",
    "list_entities",
    "list_quotes",
]


def _contains(column: ColumnElement[str], value: str) -> ColumnElement[bool]:
    """``column`` (a folded column) contains the folded ``value``; LIKE wildcards escaped."""
    folded = fold(value).strip()
    if not folded:  # nothing searchable (only punctuation): matches nothing, not everything
        return false()
    needle = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{needle}%", escape="\\")


def newest_first(store: Store, column: ColumnElement[str]) -> ColumnElement[str]:
    """Descending with undated rows last, in the form each database can read from an index
    (SQLite sorts NULL lowest, so plain DESC already puts them last)."""
    return column.desc().nulls_last() if store.dialect == "postgresql" else column.desc()  # type: ignore[return-value]


def speaker_ids(store: Store, name: str) -> Select[tuple[str]]:
    """Ids of the entities a name may refer to: part of a name or alias, part of the
    transliteration key (Zelensky → Selenskyj), or a gazetteer alias (Moscow → Moskau). Plain
    SQL over indexed columns: no entity index is loaded, so a one-off query starts fast."""
    from onrecord.resolve import canonical_id, default_gazetteer, translit_key

    live = t.entities.c.merged_into.is_(None)
    parts: list[Select[tuple[str]]] = [
        select(t.entities.c.id).where(_contains(t.entities.c.name_fold, name), live),
        select(t.entity_names.c.entity_id).where(_contains(t.entity_names.c.name_fold, name)),
    ]
    key = translit_key(name)
    if len(key) >= 3:
        parts.append(select(t.entities.c.id).where(_contains(t.entities.c.translit, key), live))
    entry = default_gazetteer().lookup(name)
    if entry is not None:
        parts.append(select(t.entities.c.id).where(t.entities.c.id == canonical_id(entry.canonical, entry.type)))
    return union(*parts)  # type: ignore[return-value]


def fulltext_condition(store: Store, table: t.Table, query: str) -> ColumnElement[bool]:
    """Rows of ``quotes`` or ``articles`` that match a user full-text query."""
    clauses = parse_query(query)
    if store.dialect == "postgresql":
        return text(f"{table.name}.tsv @@ to_tsquery('simple', :tsq)").bindparams(tsq=to_tsquery(clauses))  # type: ignore[return-value]
    fts = text(f"SELECT rowid FROM {table.name}_fts WHERE {table.name}_fts MATCH :fts").bindparams(fts=to_fts5(clauses))
    return table.c.seq.in_(fts.columns(rowid=t.Integer).subquery().select())  # type: ignore[attr-defined]


def _quote_conditions(store: Store, flt: QuoteFilter) -> list[ColumnElement[bool]]:
    q, a = t.quotes.c, t.articles.c
    conditions: list[ColumnElement[bool]] = []
    if flt.entity_id:
        conditions.append(q.entity_id == flt.entity_id)
    if flt.article_id:
        conditions.append(q.article_id == flt.article_id)
    if flt.kind:
        conditions.append(q.kind == flt.kind)
    if flt.language:
        conditions.append(q.language == flt.language.lower())
    if flt.speaker:
        conditions.append(q.entity_id.in_(speaker_ids(store, flt.speaker)))
    if flt.organization:
        # an uncorrelated IN: the roles are scanned once, not probed once per quote
        role_match = q.article_entity_id.in_(
            select(t.roles.c.article_entity_id).where(_contains(t.roles.c.organization_fold, flt.organization))
        )
        org_speaker = q.entity_id.in_(
            select(t.entities.c.id).where(
                t.entities.c.type.in_(("organization", "group")), _contains(t.entities.c.name_fold, flt.organization)
            )
        )
        conditions.append(or_(role_match, org_speaker))
    if flt.about is not None:  # an empty --about is an error (as in `search ""`), not "all quotes"
        conditions.append(fulltext_condition(store, t.quotes, flt.about))
    # an article may span a year (dated "2024"): its quotes' first date is at most a year
    # before the range starts — a bound on quotes.date_from that its index can use
    if flt.since:
        start = bound(flt.since, end=False)
        conditions += [a.date_to >= start, q.date_from >= _year_before(start)]
    if flt.until:
        end = bound(flt.until, end=True)
        conditions += [a.date_from <= end, q.date_from <= end]
    if flt.outlet:
        conditions.append(_contains(a.source_fold, flt.outlet))
    if flt.stance:
        conditions.append(q.stance == flt.stance)
    if flt.anonymity:
        conditions.append(q.source_anonymity == flt.anonymity)
    if flt.negated is not None:
        conditions.append(q.negated.is_(flt.negated))
    if flt.about_entity:
        qa, ae = t.quote_about, t.article_entities
        conditions.append(
            q.id.in_(
                select(qa.c.quote_id)
                .join(ae, ae.c.id == qa.c.article_entity_id)
                .where(ae.c.entity_id == flt.about_entity)
            )
        )
    return conditions


def _on_articles(flt: QuoteFilter) -> bool:
    """Whether ``flt`` has conditions on the quote's article (see :func:`_quote_conditions`)."""
    return bool(flt.since or flt.until or flt.outlet)


def _year_before(day: str) -> str:
    """The ISO date one year before ``day`` (YYYY-MM-DD), as a string bound."""
    return f"{int(day[:4]) - 1:04d}{day[4:]}"


def _quote_select(store: Store, flt: QuoteFilter) -> Select[tuple[object, ...]]:
    e = t.entities
    return (
        select(
            t.quotes,
            e.c.name.label("entity_name"),
            e.c.type.label("entity_type"),
            t.articles.c.published,
            t.articles.c.source,
            t.articles.c.title,
            t.articles.c.url,
            t.articles.c.date_from,
        )
        .select_from(
            t.quotes.join(t.articles, t.articles.c.id == t.quotes.c.article_id).outerjoin(
                e, e.c.id == t.quotes.c.entity_id
            )
        )
        .where(and_(literal(True), *_quote_conditions(store, flt)))
    )


def list_quotes(store: Store, flt: QuoteFilter | None = None, limit: int = 50, offset: int = 0) -> list[QuoteRecord]:
    """Quotes matching ``flt``, newest articles first, in text order within an article."""
    flt = flt or QuoteFilter()
    query = (
        _quote_select(store, flt)
        .order_by(newest_first(store, t.quotes.c.date_from), t.quotes.c.article_id, t.quotes.c.position)
        .limit(limit)
        .offset(offset)
    )
    with store.reading() as conn:
        rows = conn.execute(query).all()
        roles = _roles_of(conn, [row.article_entity_id for row in rows if row.article_entity_id])
        about = about_of(conn, [row.id for row in rows])
    return [
        QuoteRecord(
            id=row.id,
            article_id=row.article_id,
            kind=row.kind,
            language=row.language,
            text=row.text,
            spans=loads_spans(row.spans),
            cue=row.cue_text,
            speaker=row.speaker_text,
            entity_id=row.entity_id,
            entity_name=row.entity_name,
            entity_type=row.entity_type,
            roles=roles.get(row.article_entity_id, []),
            confidence=row.confidence,
            published=row.published,
            source=row.source,
            title=row.title,
            url=row.url,
            stance=row.stance,
            negated=row.negated,
            source_anonymity=row.source_anonymity,
            about=about.get(row.id, []),
            statement_id=row.statement_id,
        )
        for row in rows
    ]


def quote_only_conditions(store: Store, flt: QuoteFilter) -> list[ColumnElement[bool]]:
    """:func:`_quote_conditions` on ``quotes`` alone (no join with ``articles``), for counts and
    groupings: the conditions on articles (outlet, dates) become ``article_id IN`` the chosen
    articles, read from a covering index of ``articles``."""
    # PostgreSQL answers the organisation's OR with a scan of all quotes (SQLite with two index
    # searches): there it becomes a union of the two sets of quotes
    union_org = bool(flt.organization) and store.dialect == "postgresql"
    moved = {"outlet": None, "since": None, "until": None, **({"organization": None} if union_org else {})}
    conditions = _quote_conditions(store, flt.model_copy(update=moved))
    if union_org:
        assert flt.organization is not None
        conditions.append(_organization_quotes(flt.organization))
    if _on_articles(flt):
        a = t.articles.c
        chosen: list[ColumnElement[bool]] = []
        if flt.outlet:
            chosen.append(_contains(a.source_fold, flt.outlet))
        if flt.since:
            start = bound(flt.since, end=False)
            chosen += [a.date_to >= start, a.date_from >= _year_before(start)]
        if flt.until:
            chosen += [a.date_from <= bound(flt.until, end=True)]
        conditions.append(t.quotes.c.article_id.in_(select(a.id).where(*chosen)))
    return conditions


def _organization_quotes(organization: str) -> ColumnElement[bool]:
    """The organisation condition of :func:`_quote_conditions` as one set of quote rows: those
    of the article entities with the role, and those the organisation speaks itself (the same
    rows as the ``OR`` of the two)."""
    other = aliased(t.quotes)
    roles = select(t.roles.c.article_entity_id).where(_contains(t.roles.c.organization_fold, organization))
    speakers = select(t.entities.c.id).where(
        t.entities.c.type.in_(("organization", "group")), _contains(t.entities.c.name_fold, organization)
    )
    rows = union(
        select(other.c.seq).where(other.c.article_entity_id.in_(roles)),
        select(other.c.seq).where(other.c.entity_id.in_(speakers)),
    )
    return t.quotes.c.seq.in_(rows)


def count_quotes(store: Store, flt: QuoteFilter | None = None) -> int:
    """How many quotes match ``flt``."""
    flt = flt or QuoteFilter()
    # the conditions on articles (outlet, dates) select the articles once, from a covering index,
    # and their quotes are counted in ix_quotes_article: no article row is read, no LIKE per quote
    # (a count took ~1 s at 100,000 quotes); the listing keeps the join, which walks the date
    # index and stops at its page. The same conditions as _quote_conditions: quotes.date_from is
    # a copy of its article's date_from.
    query = select(func.count()).select_from(t.quotes).where(and_(literal(True), *quote_only_conditions(store, flt)))
    with store.reading() as conn:
        return int(conn.execute(query).scalar_one())


def about_of(conn: object, quote_ids: list[str]) -> dict[str, list[EntityRef]]:
    """The canonical entities each quote's words talk about (``Quote.about``), in order."""
    if not quote_ids:
        return {}
    qa, ae, e = t.quote_about, t.article_entities, t.entities
    rows = conn.execute(  # type: ignore[attr-defined]
        select(qa.c.quote_id, e.c.id, e.c.name)
        .select_from(qa.join(ae, ae.c.id == qa.c.article_entity_id).join(e, e.c.id == ae.c.entity_id))
        .where(qa.c.quote_id.in_(sorted(set(quote_ids))))
        .order_by(qa.c.quote_id, qa.c.position)
    )
    found: dict[str, list[EntityRef]] = {}
    for row in rows:
        refs = found.setdefault(row.quote_id, [])
        if all(ref.id != row.id for ref in refs):  # two article entities merged into one
            refs.append(EntityRef(id=row.id, name=row.name))
    return found


def _roles_of(conn: object, article_entity_ids: list[str]) -> dict[str, list[str]]:
    if not article_entity_ids:
        return {}
    rows = conn.execute(  # type: ignore[attr-defined]
        select(t.roles.c.article_entity_id, t.roles.c.title, t.roles.c.organization, t.roles.c.place, t.roles.c.former)
        .where(t.roles.c.article_entity_id.in_(sorted(set(article_entity_ids))))
        .order_by(t.roles.c.article_entity_id, t.roles.c.id)
    )
    found: dict[str, list[str]] = {}
    for row in rows:
        label = role_label(row.title, row.organization, row.place, bool(row.former))
        if label and label not in found.setdefault(row.article_entity_id, []):
            found[row.article_entity_id].append(label)
    return found


# --------------------------------------------------------------------------- entities


def _entity_counts(ids: Select[tuple[str]] | CompoundSelect[tuple[str]] | None = None) -> Select[tuple[object, ...]]:
    """Canonical entities with their quote and article counts; only ``ids`` if given.

    The counts are restricted to ``ids`` inside their groupings too, so that a lookup of a few
    entities reads their index ranges instead of aggregating the whole quotes table.
    """
    quote_counts = select(t.quotes.c.entity_id, func.count().label("quotes"))
    article_counts = select(
        t.article_entities.c.entity_id, func.count(distinct(t.article_entities.c.article_id)).label("articles")
    )
    if ids is not None:
        quote_counts = quote_counts.where(t.quotes.c.entity_id.in_(ids))
        article_counts = article_counts.where(t.article_entities.c.entity_id.in_(ids))
    quotes = quote_counts.group_by(t.quotes.c.entity_id).subquery()
    articles = article_counts.group_by(t.article_entities.c.entity_id).subquery()
    return (
        select(
            t.entities.c.id,
            t.entities.c.name,
            t.entities.c.type,
            func.coalesce(quotes.c.quotes, 0).label("quotes"),
            func.coalesce(articles.c.articles, 0).label("articles"),
        )
        .select_from(
            t.entities.outerjoin(quotes, quotes.c.entity_id == t.entities.c.id).outerjoin(
                articles, articles.c.entity_id == t.entities.c.id
            )
        )
        .where(t.entities.c.merged_into.is_(None), *([t.entities.c.id.in_(ids)] if ids is not None else []))
    )


def find_entities(store: Store, name: str, limit: int = 10) -> list[EntityRecord]:
    """Entities a name may refer to, most quoted first: exact names and aliases before partial ones."""
    key = fold(name)
    exact = union(
        select(t.entities.c.id).where(t.entities.c.name_fold == key, t.entities.c.merged_into.is_(None)),
        select(t.article_entities.c.entity_id).where(t.article_entities.c.name_fold == key),
    )
    for ids in (exact, speaker_ids(store, name)):
        query = _entity_counts(ids).order_by(text("quotes DESC"), text("articles DESC"), t.entities.c.id)
        with store.reading() as conn:
            rows = conn.execute(query.limit(limit)).all()
        if rows:
            return [EntityRecord(id=r.id, name=r.name, type=r.type, quotes=r.quotes, articles=r.articles) for r in rows]
    return []


def list_entities(
    store: Store, type_: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
) -> list[EntityRecord]:
    """Canonical entities, most quoted first, optionally of one type or containing a name."""
    query = _entity_counts(speaker_ids(store, name) if name else None)
    if type_:
        query = query.where(t.entities.c.type == type_)
    query = query.order_by(text("quotes DESC"), text("articles DESC"), t.entities.c.id).limit(limit).offset(offset)
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [EntityRecord(id=r.id, name=r.name, type=r.type, quotes=r.quotes, articles=r.articles) for r in rows]


def entity_profile(store: Store, entity_id: str, companions: int = 10) -> EntityProfile:
    """Names, roles over time, quote counts and companions of one entity."""
    with store.reading() as conn:
        entity = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
        if entity is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        if entity.merged_into:
            return entity_profile(store, store.follow(conn, entity.merged_into), companions)
        ae, a = t.article_entities, t.articles
        aliases = conn.execute(
            select(ae.c.name, func.count().label("n"))
            .where(ae.c.entity_id == entity_id)
            .group_by(ae.c.name)
            .order_by(text("n DESC"), ae.c.name)
        ).all()
        rules = conn.execute(
            select(ae.c.rule, func.count().label("n"))
            .where(ae.c.entity_id == entity_id)
            .group_by(ae.c.rule)
            .order_by(text("n DESC"), ae.c.rule)
        ).all()
        span = conn.execute(
            select(func.min(a.c.date_from), func.max(a.c.date_to), func.count(distinct(a.c.id)))
            .select_from(ae.join(a, a.c.id == ae.c.article_id))
            .where(ae.c.entity_id == entity_id)
        ).one()
        kinds = conn.execute(
            select(t.quotes.c.kind, func.count()).where(t.quotes.c.entity_id == entity_id).group_by(t.quotes.c.kind)
        ).all()
        role_rows = conn.execute(
            select(
                t.roles.c.title,
                t.roles.c.organization,
                t.roles.c.place,
                t.roles.c.former,
                func.min(a.c.date_from).label("first"),
                func.max(a.c.date_to).label("last"),
                func.count(distinct(a.c.id)).label("n"),
            )
            .select_from(t.roles.join(a, a.c.id == t.roles.c.article_id))
            .where(t.roles.c.entity_id == entity_id)
            .group_by(t.roles.c.title, t.roles.c.organization, t.roles.c.place, t.roles.c.former)
            .order_by(
                text("first"),
                text("n DESC"),
                *(c.nulls_first() for c in (t.roles.c.title, t.roles.c.organization, t.roles.c.place)),
                t.roles.c.former,
            )  # fmt: skip
        ).all()
        merged = (
            conn.execute(select(t.entities.c.id).where(t.entities.c.merged_into == entity_id).order_by(t.entities.c.id))
            .scalars()
            .all()
        )
        quoted_with = _companions(conn, t.quotes, entity_id, companions)
        mentioned_with = _companions(conn, t.article_entities, entity_id, companions)
    by_kind = {row[0]: int(row[1]) for row in kinds}
    return EntityProfile(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        aliases=[NameCount(name=row.name, count=row.n) for row in aliases],
        roles=[
            RoleSpan(
                title=r.title,
                organization=r.organization,
                place=r.place,
                first_seen=r.first,
                last_seen=r.last,
                articles=r.n,
                former=bool(r.former),
            )
            for r in role_rows
        ],
        quotes=sum(by_kind.values()),
        quotes_by_kind=by_kind,
        articles=int(span[2]),
        first_seen=span[0],
        last_seen=span[1],
        quoted_with=quoted_with,
        mentioned_with=mentioned_with,
        resolution=[NameCount(name=row.rule, count=row.n) for row in rules],
        merged_from=list(merged),
    )


def _companions(conn: object, table: t.Table, entity_id: str, limit: int) -> list[Companion]:
    """Other entities in ``table`` (quotes: speakers; article_entities: mentions) of the same articles."""
    mine = aliased(table)
    other = aliased(table)
    query = (
        select(
            t.entities.c.id, t.entities.c.name, t.entities.c.type, func.count(distinct(other.c.article_id)).label("n")
        )
        .select_from(
            mine.join(other, other.c.article_id == mine.c.article_id).join(
                t.entities, t.entities.c.id == other.c.entity_id
            )
        )
        .where(mine.c.entity_id == entity_id, other.c.entity_id != entity_id, t.entities.c.type != "group")
        .group_by(t.entities.c.id, t.entities.c.name, t.entities.c.type)
        .order_by(text("n DESC"), t.entities.c.name)
        .limit(limit)
    )
    rows = conn.execute(query).all()  # type: ignore[attr-defined]
    return [Companion(id=r.id, name=r.name, type=r.type, articles=r.n) for r in rows]


# --------------------------------------------------------------------------- articles


def list_articles(store: Store, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[ArticleRecord]:
    """Stored articles, newest first."""
    a = t.articles.c
    counts = select(t.quotes.c.article_id, func.count().label("n")).group_by(t.quotes.c.article_id).subquery()
    query = select(
        a.id,
        a.language,
        a.title,
        a.published,
        a.place,
        a.source,
        a.url,
        a.words,
        a.extractor,
        a.extractor_version,
        a.ingested_at,
        a.wire_of,
        func.coalesce(counts.c.n, 0).label("quotes"),
    ).select_from(t.articles.outerjoin(counts, counts.c.article_id == a.id))
    if outlet:
        query = query.where(_contains(a.source_fold, outlet))
    query = query.order_by(newest_first(store, a.date_from), a.id).limit(limit).offset(offset)
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [ArticleRecord(**row._mapping) for row in rows]


def get_analysis(store: Store, article_id: str) -> Analysis:
    """The stored analysis of one article, exactly as the extractor produced it."""
    with store.reading() as conn:
        value = conn.execute(select(t.articles.c.analysis).where(t.articles.c.id == article_id)).scalar()
    if value is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return Analysis.model_validate(json.loads(value))


def iter_analyses(store: Store, batch: int = 200) -> Iterator[Analysis]:
    """Every stored analysis, in article-id order, read in batches (constant memory)."""
    last = ""
    while True:
        with store.reading() as conn:
            rows = conn.execute(
                select(t.articles.c.id, t.articles.c.analysis)
                .where(t.articles.c.id > last)
                .order_by(t.articles.c.id)
                .limit(batch)
            ).all()
        if not rows:
            return
        for row in rows:
            yield Analysis.model_validate(json.loads(row.analysis))
        last = rows[-1].id


def count_entities(store: Store, type_: str | None = None, name: str | None = None) -> int:
    """How many canonical entities :func:`list_entities` would page through."""
    query = select(func.count()).select_from(t.entities).where(t.entities.c.merged_into.is_(None))
    if type_:
        query = query.where(t.entities.c.type == type_)
    if name:
        query = query.where(t.entities.c.id.in_(speaker_ids(store, name)))
    with store.reading() as conn:
        return int(conn.execute(query).scalar_one())


def count_articles(store: Store, outlet: str | None = None) -> int:
    """How many articles :func:`list_articles` would page through."""
    query = select(func.count()).select_from(t.articles)
    if outlet:
        query = query.where(_contains(t.articles.c.source_fold, outlet))
    with store.reading() as conn:
        return int(conn.execute(query).scalar_one())
