"""The knowledge base: one :class:`Store` over SQLite or PostgreSQL (SQLAlchemy Core).

Writing: :meth:`Store.put_many` stores analyses, one transaction per batch, so a killed ingest
leaves whole articles or nothing. An article whose fingerprint is unchanged is left alone; a
changed one is deleted with all its facts and written anew. Every shared article entity is
linked to a canonical entity by cross-article resolution, recomputed inside the same
transaction for the names the batch touches, so the store is a function of the set of its
articles (the design and the guarantee: :mod:`onrecord.storage.resolution`). Writers take
turns (one write lock); transient database failures are retried, never shown.
Reading: :mod:`onrecord.storage.queries`; corrections: :mod:`onrecord.storage.corrections`.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TypeVar

from sqlalchemy import Connection, Engine, delete, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from onrecord.errors import NotFoundError, StoreError
from onrecord.model import Analysis
from onrecord.resolve.cluster import Name
from onrecord.resolve.keys import fold
from onrecord.statements.sources import source_kind
from onrecord.storage import engine as engines
from onrecord.storage import resolution, wire
from onrecord.storage import schema as t
from onrecord.storage import statements as grouping
from onrecord.storage.facts import (
    about_rows,
    date_range,
    dumps_spans,
    fact_id,
    now_iso,
    quote_id,
    role_id,
    stance_columns,
    word_count,
)
from onrecord.storage.records import (
    QuoteFilter,
    SourceBy,
    SourcesReport,
    StatementDetail,
    StatementRecord,
    StatementSort,
    StoreStats,
)
from onrecord.storage.resolution import Touched, insert_ignore

__all__ = ["RETRIES", "WRITE_LOCK", "Outcome", "Store", "insert_ignore", "merge_rows", "open_store"]

Outcome = Literal["added", "replaced", "unchanged"]
#: entity types linked across articles; others (unnamed groups) stay local to their article
_SHARED_TYPES = frozenset({"person", "organization", "location", "other"})
#: PostgreSQL advisory-lock key every write transaction holds first (one writer at a time)
WRITE_LOCK = 7_460_331_002
#: attempts of a write transaction the database aborts for a transient reason (deadlock, busy)
RETRIES = 8
_T = TypeVar("_T")


def unnamed_persons(analysis: Analysis) -> frozenset[str]:
    """The persons of an article that speak only without a name ("ein Polizeisprecher", "eine
    junge Studentin"): someone of this article, never linked to the same role noun of another."""
    said: dict[str, set[str]] = {}
    for quote in analysis.quotes:
        if quote.entity is not None:
            said.setdefault(quote.entity, set()).add(quote.source_anonymity)
    return frozenset(
        e.id for e in analysis.entities if e.type == "person" and said.get(e.id, {"named"}) <= {"unnamed", "anonymous"}
    )


def open_store(db: str | Path | None = None, migrate: bool = True, create: bool = True) -> Store:
    """Open (and create or migrate) the store at ``db``: a SQLite path or a database URL.
    ``create=False`` refuses a SQLite file that does not exist yet."""
    engine = engines.connect(db, create=create)
    if migrate:
        try:
            engines.upgrade(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot migrate {engines.describe(str(engine.url))}: {exc}") from exc
    return Store(engine)


class Store:
    """A knowledge base of analysed articles."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    # ----------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The store's address, without a password."""
        return engines.describe(str(self.engine.url))

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for queries; database errors become :class:`StoreError`."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {engines.reason(exc)}") from exc

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction holding the store's write lock (SQLite: ``BEGIN IMMEDIATE``;
        PostgreSQL: an advisory lock), so writers take turns. Not retried: prefer
        :meth:`transaction`."""
        try:
            with self.engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
                self._lock(conn)
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {engines.reason(exc)}") from exc

    def transaction(self, work: Callable[[Connection], _T]) -> _T:
        """Run ``work`` in a write transaction (see :meth:`writing`). A deadlock, serialisation
        failure or busy database that the server reports rolls it back and runs it again after a
        growing pause, up to :data:`RETRIES` times; other database errors are :class:`StoreError`."""
        delay = 0.05
        attempt = 0
        while True:
            attempt += 1
            try:
                with self.engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
                    self._lock(conn)
                    return work(conn)
            except SQLAlchemyError as exc:
                if attempt < RETRIES and engines.is_transient(exc):
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 2.0)
                    continue
                raise StoreError(f"{self.url}: {engines.reason(exc)}") from exc

    def _lock(self, conn: Connection) -> None:
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})

    # ----------------------------------------------------------------- writing

    def fingerprints(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The stored fingerprint of each of ``article_ids`` that is in the store."""
        found: dict[str, str] = {}
        with self.reading() as conn:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start : start + 500])
                rows = conn.execute(select(t.articles.c.id, t.articles.c.fingerprint).where(t.articles.c.id.in_(chunk)))
                found.update({row.id: row.fingerprint for row in rows})
        return found

    def put(self, analysis: Analysis, fingerprint: str | None = None) -> Outcome:
        """Store one analysis (see :meth:`put_many`)."""
        return self.put_many([(analysis, fingerprint)])[0]

    def put_many(self, items: Iterable[tuple[Analysis, str | None]]) -> list[Outcome]:
        """Store analyses in one transaction; ``fingerprint`` defaults to a hash of the analysis."""
        batch = [(analysis, fingerprint or _analysis_hash(analysis)) for analysis, fingerprint in items]
        if not batch:
            return []
        return self.transaction(lambda conn: self._put_batch(conn, batch))

    def _put_batch(self, conn: Connection, batch: list[tuple[Analysis, str]]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        pending: dict[str, Analysis] = {}
        touched = Touched()
        wire_before: set[str] = set()  # the wire-copy clusters of replaced articles
        for analysis, fingerprint in batch:
            stored = conn.execute(select(t.articles.c.fingerprint).where(t.articles.c.id == analysis.id)).first()
            if stored is not None and stored.fingerprint == fingerprint:
                outcomes.append("unchanged")
                continue
            if stored is not None:
                if pending.pop(analysis.id, None) is None:  # not written earlier in this batch
                    resolution.collect_dropped(conn, [analysis.id], touched)
                    touched.speakers |= grouping.quote_speakers(conn, [analysis.id])
                    wire_before |= wire.clusters_of(conn, [analysis.id])
                conn.execute(delete(t.articles).where(t.articles.c.id == analysis.id))
            self._insert_article(conn, analysis, fingerprint)
            pending[analysis.id] = analysis
            outcomes.append("replaced" if stored is not None else "added")
        plans = {article_id: self._plan(conn, analysis, touched) for article_id, analysis in pending.items()}
        resolved = resolution.refresh(conn, touched)
        for article_id, analysis in pending.items():
            links = self._insert_entities(conn, analysis, plans[article_id], resolved)
            touched.speakers |= self._insert_quotes(conn, analysis, links, date_range(analysis.meta.published)[0])
        resolution.gc(conn, touched)
        grouping.regroup(conn, touched.speakers)
        wire.refresh(conn, pending, wire_before)
        return outcomes

    def _plan(self, conn: Connection, analysis: Analysis, touched: Touched) -> list[tuple[str, str]]:
        """How each article entity is linked: ("manual", entity id) when a user's split pinned
        it, ("local", entity id) for an unnamed group or a person that speaks only unnamed, ("name",
        name id) when resolution decides."""
        overrides = {
            row.name_fold: row.entity_id
            for row in conn.execute(select(t.overrides).where(t.overrides.c.article_id == analysis.id))
        }
        german = analysis.language in ("de", "")
        unnamed = unnamed_persons(analysis)
        plan: list[tuple[str, str]] = []
        for entity in analysis.entities:
            pinned = overrides.get(fold(entity.name))
            if pinned is not None:
                plan.append(("manual", self.follow(conn, pinned)))
            elif entity.type not in _SHARED_TYPES:
                plan.append(("local", fact_id("G", analysis.id, fold(entity.name))))
            elif entity.id in unnamed:  # (its own prefix: a group of the same noun is no person)
                plan.append(("local", fact_id("U", analysis.id, fold(entity.name))))
            else:
                plan.append(("name", touched.add(Name(entity.name, entity.type, german))))
        return plan

    def _insert_article(self, conn: Connection, analysis: Analysis, fingerprint: str) -> None:
        meta = analysis.meta
        date_from, date_to = date_range(meta.published)
        provenance = analysis.provenance
        conn.execute(
            t.articles.insert().values(
                id=analysis.id,
                fingerprint=fingerprint,
                language=analysis.language,
                title=meta.title,
                published=meta.published,
                date_from=date_from,
                date_to=date_to,
                place=meta.place,
                source=meta.source,
                source_fold=fold(meta.source) if meta.source else None,
                url=meta.url,
                text=analysis.text,
                words=word_count(analysis),
                analysis=json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":")),
                extractor=provenance.extractor if provenance else "unknown",
                extractor_version=provenance.version if provenance else "unknown",
                ingested_at=now_iso(),
            )
        )

    def _insert_entities(
        self,
        conn: Connection,
        analysis: Analysis,
        plan: list[tuple[str, str]],
        resolved: dict[str, tuple[str, str, float]],
    ) -> dict[str, tuple[str, str, str]]:
        """Article entities, their canonical links and roles; local id -> (row id, entity id, name)."""
        links: dict[str, tuple[str, str, str]] = {}
        rows, names, roles, local = [], [], [], []
        for entity, (kind, ref) in zip(analysis.entities, plan, strict=True):
            row_id = f"{analysis.id}/{entity.id}"
            if kind == "name":
                entity_id, rule, score = resolved[ref]
            else:
                entity_id, rule, score = ref, kind, 1.0
            if kind == "local":
                local.append({"id": entity_id, "name": entity.name, "name_fold": fold(entity.name),
                              "translit": None, "type": entity.type, "rule": "local"})  # fmt: skip
            rows.append(
                {
                    "id": row_id,
                    "article_id": analysis.id,
                    "local_id": entity.id,
                    "name": entity.name,
                    "name_fold": fold(entity.name),
                    "type": entity.type,
                    "mentions": dumps_spans(entity.mentions),
                    "entity_id": entity_id,
                    "rule": rule,
                    "score": score,
                    "name_id": ref if kind == "name" else None,
                }
            )
            names.append({"name_fold": fold(entity.name), "entity_id": entity_id})
            for role in entity.roles:
                roles.append(
                    {
                        "id": role_id(row_id, role),
                        "article_id": analysis.id,
                        "article_entity_id": row_id,
                        "entity_id": entity_id,
                        "title": role.title,
                        "organization": role.organization,
                        "organization_fold": fold(role.organization) if role.organization else None,
                        "place": role.place,
                        "spans": dumps_spans(role.spans),
                        "former": role.former,
                    }
                )
            links[entity.id] = (row_id, entity_id, entity.name)
        if local:
            conn.execute(self._insert_ignore(t.entities), local)
        if rows:
            conn.execute(t.article_entities.insert(), rows)
            conn.execute(self._insert_ignore(t.entity_names), names)
        if roles:
            conn.execute(self._insert_ignore(t.roles), roles)
        return links

    def _insert_quotes(
        self, conn: Connection, analysis: Analysis, links: dict[str, tuple[str, str, str]], date_from: str | None
    ) -> set[str]:
        """Insert the quotes of an article; returns their speaker entities."""
        rows = []
        about: list[dict[str, object]] = []
        article_entity = {local: link[0] for local, link in links.items()}
        speakers = {entity.id: entity for entity in analysis.entities}
        for position, quote in enumerate(analysis.quotes):
            link = links.get(quote.entity) if quote.entity else None
            row_id = quote_id(analysis.id, quote)
            speaker = speakers.get(quote.entity) if quote.entity else None
            kind = source_kind(
                [role.title for role in speaker.roles] if speaker else [],
                [role.organization for role in speaker.roles] if speaker else [],
                speaker.type if speaker else None,
                speaker.name if speaker else None,
                quote.source_anonymity,
                analysis.language,
            )
            about += about_rows(analysis.id, row_id, quote, article_entity)
            rows.append(
                {
                    "id": row_id,
                    "article_id": analysis.id,
                    "local_id": quote.id,
                    "position": position,
                    "kind": quote.kind,
                    "language": analysis.language,
                    "text": quote.text,
                    "spans": dumps_spans(quote.spans),
                    "cue_text": quote.cue.text if quote.cue else None,
                    "cue_spans": dumps_spans(quote.cue.spans) if quote.cue else None,
                    "speaker_text": quote.speaker.text if quote.speaker else None,
                    "speaker_spans": dumps_spans(quote.speaker.spans) if quote.speaker else None,
                    "speaker_name": link[2] if link else (quote.speaker.text if quote.speaker else None),
                    "article_entity_id": link[0] if link else None,
                    "entity_id": link[1] if link else None,
                    "confidence": quote.confidence,
                    "date_from": date_from,
                    **stance_columns(quote),
                    "source_kind": kind,
                }
            )
        if rows:
            conn.execute(self._insert_ignore(t.quotes), rows)
        if about:
            conn.execute(self._insert_ignore(t.quote_about), about)
        return {str(row["entity_id"]) for row in rows if row["entity_id"]}

    def follow(self, conn: Connection, entity_id: str) -> str:
        """The entity that ``entity_id`` was merged into by a user, if any (following chains)."""
        return resolution.follow(conn, entity_id)

    def _insert_ignore(self, table: t.Table):  # type: ignore[no-untyped-def]
        return insert_ignore(self.dialect, table)

    def delete_article(self, article_id: str) -> None:
        """Remove an article and every fact derived from it (its entities' other facts stay);
        resolution of the names it held is recomputed."""

        def work(conn: Connection) -> int:
            touched = Touched()
            resolution.collect_dropped(conn, [article_id], touched)
            touched.speakers |= grouping.quote_speakers(conn, [article_id])
            wire_before = wire.clusters_of(conn, [article_id])
            deleted = conn.execute(delete(t.articles).where(t.articles.c.id == article_id)).rowcount
            resolution.refresh(conn, touched)
            resolution.gc(conn, touched)
            grouping.regroup(conn, touched.speakers)
            wire.refresh(conn, (), wire_before)
            return int(deleted)

        if not self.transaction(work):
            raise NotFoundError(f"no article with id {article_id!r}")

    def optimize(self) -> None:
        """Refresh the query planner's statistics after bulk writes (SQLite ``PRAGMA optimize``;
        PostgreSQL's autovacuum does this by itself)."""
        if self.dialect != "sqlite":
            return
        try:
            with self.engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
                conn.exec_driver_sql("PRAGMA optimize=0x10002")
        except SQLAlchemyError:
            pass  # only statistics: another writer holding the lock is no reason to fail an ingest

    # ----------------------------------------------------------------- statements (issue 18)

    def statements(
        self, flt: QuoteFilter | None = None, sort: StatementSort = "occurrences", limit: int = 50, offset: int = 0
    ) -> list[StatementRecord]:
        """Statements with an occurrence matching ``flt`` (:func:`.statements.list_statements`)."""
        return grouping.list_statements(self, flt, sort=sort, limit=limit, offset=offset)

    def count_statements(self, flt: QuoteFilter | None = None) -> int:
        """How many statements :meth:`statements` pages through."""
        return grouping.count_statements(self, flt)

    def statement(self, statement_id: str) -> StatementDetail:
        """One statement with all its occurrences (:class:`NotFoundError` if unknown)."""
        return grouping.get_statement(self, statement_id)

    def sources(self, by: SourceBy = "kind", flt: QuoteFilter | None = None, limit: int = 50) -> SourcesReport:
        """Who gets quoted, grouped ``by`` entity, type, kind, outlet or month."""
        return grouping.source_report(self, by, flt, limit=limit)

    # ----------------------------------------------------------------- counts

    def stats(self) -> StoreStats:
        """Row counts and the schema revision."""
        with self.reading() as conn:
            count = {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("articles", t.articles), ("quotes", t.quotes), ("roles", t.roles))
            }
            count["entities"] = conn.execute(
                select(func.count()).select_from(t.entities).where(t.entities.c.merged_into.is_(None))
            ).scalar_one()
            stances, anonymity, negated = _stance_counts(conn)
        return StoreStats(
            **count,
            revision=engines.current_revision(self.engine),
            stances=stances,
            anonymity=anonymity,
            negated=negated,
        )


def _stance_counts(conn: Connection) -> tuple[dict[str, int], dict[str, int], int]:
    """Quotes per stance and per source anonymity (``unknown``: stored before revision 0005),
    and how many are negated."""
    q = t.quotes.c
    found: list[dict[str, int]] = []
    for column in (q.stance, q.source_anonymity):
        rows = conn.execute(select(column, func.count()).group_by(column)).all()
        found.append({(value or "unknown"): int(n) for value, n in sorted(rows, key=lambda r: r[0] or "~")})
    negated = conn.execute(select(func.count()).select_from(t.quotes).where(q.negated.is_(True))).scalar_one()
    return found[0], found[1], int(negated)


def merge_rows(conn: Connection, source: str, target: str, rule: str) -> None:
    """Point every fact of entity ``source`` at ``target`` and mark ``source`` as merged into it
    (names resolving to ``source`` resolve to ``target`` from now on, with ``rule``)."""
    ae = t.article_entities
    conn.execute(
        update(ae)
        .where(ae.c.entity_id == source, ae.c.name_id.is_not(None))
        .values(entity_id=target, rule=rule, score=1.0)
    )
    conn.execute(update(ae).where(ae.c.entity_id == source).values(entity_id=target))
    for table in (t.quotes, t.roles):
        conn.execute(update(table).where(table.c.entity_id == source).values(entity_id=target))
    rn = t.resolution_names
    conn.execute(update(rn).where(rn.c.entity_id == source).values(entity_id=target, rule=rule, score=1.0))
    names = t.entity_names
    moved = conn.execute(select(names.c.name_fold).where(names.c.entity_id == source)).scalars().all()
    conn.execute(delete(names).where(names.c.entity_id == source))
    if moved:
        conn.execute(
            insert_ignore(conn.dialect.name, names), [{"name_fold": n, "entity_id": target} for n in sorted(moved)]
        )
    conn.execute(update(t.entities).where(t.entities.c.merged_into == source).values(merged_into=target))
    conn.execute(update(t.entities).where(t.entities.c.id == source).values(merged_into=target))
    conn.execute(update(t.overrides).where(t.overrides.c.entity_id == source).values(entity_id=target))
    grouping.regroup(conn, (source, target))  # the statements follow their quotes


def _analysis_hash(analysis: Analysis) -> str:
    return fact_id("A", analysis.to_dict())
