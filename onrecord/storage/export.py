"""Exports of the store: JSONL analysis objects, a CSV quote table, FollowTheMoney entities.

FollowTheMoney (the data model of Aleph, OpenSanctions and yente) has no quotation schema, so
the mapping is: canonical persons and organisations → ``Person``/``Organization`` (with their
aliases); articles → ``Article``; each article entity → ``Mention`` (document → resolved);
each quote → ``Documentation`` linking the speaker to the article (``role`` names the quote
kind, ``summary`` holds the words, ``status`` the stance — "denial", "hedged, negated" — and
``description`` stance, negation and source anonymity); each entity a quote's words talk
about → an ``UnknownLink`` from the speaker to it (``role`` "said about", ``status`` the
stance, ``proof`` the article); each role → ``Position`` + ``Occupancy`` with the dates
of the articles it was seen in. Unnamed groups and places stay out (FtM has no schema for
them); places appear as ``locationMentioned`` of their articles.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import func, select

from onrecord.errors import OnrecordError
from onrecord.storage import schema as t
from onrecord.storage.queries import about_of, iter_analyses
from onrecord.storage.store import Store

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

__all__ = ["QUOTE_CSV_COLUMNS", "export_analyses", "export_ftm", "export_quotes_csv"]

QUOTE_CSV_COLUMNS = (
    "id", "article_id", "published", "source", "title", "url", "language", "kind", "speaker", "entity_id",
    "entity_name", "entity_type", "cue", "text", "confidence", "spans", "stance", "negated", "source_anonymity",
    "about",
)  # fmt: skip

_FTM_SCHEMA = {"person": "Person", "organization": "Organization"}
_BATCH = 1000


def export_analyses(store: Store, stream: TextIO) -> int:
    """Every stored analysis as one JSON object per line (the ``onrecord analyze`` contract)."""
    count = 0
    for analysis in iter_analyses(store):
        stream.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_quotes_csv(store: Store, stream: TextIO) -> int:
    """Every quote as a CSV row (article metadata and resolved speaker included)."""
    writer = csv.writer(stream)
    writer.writerow(QUOTE_CSV_COLUMNS)
    count = 0
    for row in _quote_rows(store):
        writer.writerow(["" if row[c] is None else row[c] for c in QUOTE_CSV_COLUMNS])
        count += 1
    return count


def _quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    q, a, e = t.quotes.c, t.articles.c, t.entities.c
    query = (
        select(
            q.position,
            q.id,
            q.article_id,
            a.published,
            a.source,
            a.title,
            a.url,
            q.language,
            q.kind,
            q.speaker_text.label("speaker"),
            q.entity_id,
            e.name.label("entity_name"),
            e.type.label("entity_type"),
            q.cue_text.label("cue"),
            q.text,
            q.confidence,
            q.spans,
            q.stance,
            q.negated,
            q.source_anonymity,
        )  # fmt: skip
        .select_from(t.quotes.join(t.articles, a.id == q.article_id).outerjoin(t.entities, e.id == q.entity_id))
        .order_by(q.article_id, q.position)  # by content, not arrival: the same store, the same file
    )
    page = query.limit(_BATCH)
    while True:
        with store.reading() as conn:
            rows = conn.execute(page).all()
            about = about_of(conn, [row.id for row in rows])
        if not rows:
            return
        for row in rows:
            yield {**row._mapping, "about": " ".join(ref.id for ref in about.get(row.id, []))}
        last = rows[-1]
        after = (q.article_id > last.article_id) | ((q.article_id == last.article_id) & (q.position > last.position))
        page = query.where(after).limit(_BATCH)


def export_ftm(store: Store, stream: TextIO) -> int:
    """FollowTheMoney entities as JSON lines (see the module for the mapping)."""
    count = 0
    for proxy in iter_ftm(store):
        stream.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def iter_ftm(store: Store) -> Iterator[EntityProxy]:
    """The FollowTheMoney entities of the store, entities first, then articles and their facts."""
    try:
        from followthemoney import model
    except ImportError as exc:
        raise OnrecordError(
            "the FollowTheMoney export needs the followthemoney package: pip install 'onrecord[ftm]' "
            "(it builds PyICU, which needs g++, pkg-config and libicu-dev)"
        ) from exc

    with store.reading() as conn:
        entity_rows = conn.execute(
            select(t.entities.c.id, t.entities.c.name, t.entities.c.type)
            .where(t.entities.c.merged_into.is_(None), t.entities.c.type.in_(tuple(_FTM_SCHEMA)))
            .order_by(t.entities.c.id)
        ).all()
        alias_rows = conn.execute(
            select(t.article_entities.c.entity_id, t.article_entities.c.name)
            .distinct()
            .order_by(t.article_entities.c.entity_id)
        ).all()
    aliases: dict[str, set[str]] = {}
    for alias in alias_rows:
        aliases.setdefault(alias.entity_id, set()).add(alias.name)
    exported: dict[str, str] = {}
    for row in entity_rows:
        proxy = model.make_entity(_FTM_SCHEMA[row.type])
        proxy.id = _ftm_id(row.id)
        proxy.add("name", row.name)
        proxy.add("alias", sorted(aliases.get(row.id, set()) - {row.name}))
        exported[row.id] = row.type
        yield proxy
    yield from _ftm_roles(store, exported)
    for analysis in iter_analyses(store):
        yield from _ftm_article(store, analysis.id, exported)


def _ftm_id(entity_id: str) -> str:
    return f"onrecord-{entity_id}"


def _ftm_article(store: Store, article_id: str, exported: dict[str, str]) -> Iterator[EntityProxy]:
    from followthemoney import model

    with store.reading() as conn:
        article = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).one()
        mentions = conn.execute(
            select(t.article_entities)
            .where(t.article_entities.c.article_id == article_id)
            .order_by(t.article_entities.c.id)
        ).all()
        quotes = conn.execute(
            select(t.quotes).where(t.quotes.c.article_id == article_id).order_by(t.quotes.c.position)
        ).all()
        about = about_of(conn, [quote.id for quote in quotes])
    doc = model.make_entity("Article")
    doc.id = _ftm_id(f"A{article_id}")
    doc.add("title", article.title or article.id)
    doc.add("bodyText", article.text)
    doc.add("publishedAt", article.published)
    doc.add("publisher", article.source)
    doc.add("sourceUrl", article.url)
    doc.add("language", article.language)
    doc.add("peopleMentioned", sorted({m.name for m in mentions if m.type == "person"}))
    doc.add("companiesMentioned", sorted({m.name for m in mentions if m.type == "organization"}))
    doc.add("locationMentioned", sorted({m.name for m in mentions if m.type == "location"}))
    yield doc
    for mention in mentions:
        if mention.entity_id not in exported:
            continue
        proxy = model.make_entity("Mention")
        proxy.id = _ftm_id(f"M{mention.id}")
        proxy.add("document", doc.id)
        proxy.add("resolved", _ftm_id(mention.entity_id))
        proxy.add("name", mention.name)
        proxy.add("detectedSchema", _FTM_SCHEMA[mention.type] if mention.type in _FTM_SCHEMA else None)
        yield proxy
    for quote in quotes:
        if quote.entity_id not in exported:
            continue
        proxy = model.make_entity("Documentation")
        proxy.id = _ftm_id(quote.id)
        proxy.add("document", doc.id)
        proxy.add("entity", _ftm_id(quote.entity_id))
        proxy.add("role", f"quoted ({quote.kind})")
        proxy.add("summary", quote.text)
        proxy.add("date", article.published)
        if quote.stance is not None:
            status = quote.stance + (", negated" if quote.negated else "")
            proxy.add("status", status)
            proxy.add("description", f"stance: {status}; source: {quote.source_anonymity}")
        yield proxy
        for ref in about.get(quote.id, []):
            if ref.id not in exported or ref.id == quote.entity_id:
                continue
            link = model.make_entity("UnknownLink")
            link.make_id("onrecord-about", quote.id, ref.id)
            link.add("subject", _ftm_id(quote.entity_id))
            link.add("object", _ftm_id(ref.id))
            link.add("role", "said about")
            link.add("status", quote.stance)
            link.add("proof", doc.id)
            link.add("date", article.published)
            yield link


def _ftm_roles(store: Store, exported: dict[str, str]) -> Iterator[EntityProxy]:
    """A Position per (title, organisation) and an Occupancy per holder, with the dates seen."""
    from followthemoney import model

    a = t.articles.c
    with store.reading() as conn:
        rows = conn.execute(
            select(
                t.roles.c.entity_id,
                t.roles.c.title,
                t.roles.c.organization,
                t.roles.c.place,
                t.roles.c.former,
                func.min(a.date_from).label("first"),
                func.max(a.date_to).label("last"),
            )  # fmt: skip
            .select_from(t.roles.join(t.articles, a.id == t.roles.c.article_id))
            .group_by(t.roles.c.entity_id, t.roles.c.title, t.roles.c.organization, t.roles.c.place, t.roles.c.former)
            .order_by(t.roles.c.entity_id, t.roles.c.title, t.roles.c.organization, t.roles.c.place, t.roles.c.former)
        ).all()
    positions: set[str] = set()
    for row in rows:
        if exported.get(row.entity_id) != "person" or not (row.title or row.organization):
            continue
        name = ", ".join(part for part in (row.title, row.organization) if part)
        position = model.make_entity("Position")
        position.make_id("onrecord-position", name.casefold(), (row.place or "").casefold())
        position.add("name", name)
        if position.id is not None and position.id not in positions:
            positions.add(position.id)
            yield position
        occupancy = model.make_entity("Occupancy")
        # a past occupancy of the same post is one of its own (its id is unchanged otherwise)
        occupancy.make_id("onrecord-occupancy", row.entity_id, position.id, "former" if row.former else None)
        occupancy.add("holder", _ftm_id(row.entity_id))
        occupancy.add("post", position.id)
        if row.former:
            occupancy.add("status", "ended")  # the text calls the role past (früherer, former)
        occupancy.add("date", [row.first, row.last])
        occupancy.add("description", f"seen in articles dated {row.first or '?'} to {row.last or '?'}")
        yield occupancy
