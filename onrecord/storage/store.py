"""The knowledge base: one :class:`Store` over SQLite or PostgreSQL (SQLAlchemy Core).

Writing: :meth:`Store.put` stores analyses, one transaction per batch, so a killed ingest
leaves whole articles or nothing. An article whose fingerprint is unchanged is left alone; a
changed one is deleted with all its facts and written anew. Every article entity is linked to a
canonical entity by :class:`onrecord.resolve.EntityIndex`; the rule that decided is kept.
Reading: :mod:`onrecord.storage.queries`; corrections: :mod:`onrecord.storage.corrections`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from onrecord.errors import NotFoundError, StoreError
from onrecord.model import Analysis, Entity
from onrecord.resolve import Candidate, EntityIndex, display_name
from onrecord.resolve.keys import fold, translit_key
from onrecord.storage import engine as engines
from onrecord.storage import schema as t
from onrecord.storage.facts import date_range, dumps_spans, fact_id, now_iso, quote_id, role_id, word_count
from onrecord.storage.records import StoreStats

__all__ = ["Outcome", "Store", "open_store"]

Outcome = Literal["added", "replaced", "unchanged"]
#: entity types linked across articles; others (unnamed groups) stay local to their article
_SHARED_TYPES = frozenset({"person", "organization", "location", "other"})


@dataclass(frozen=True)
class _Link:
    """How one article entity was linked to a canonical entity."""

    entity_id: str
    rule: str
    score: float


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
        self._index: EntityIndex | None = None
        self._redirects: dict[str, str] = {}

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
        """A write transaction (SQLite: taking the write lock at once, so writers queue)."""
        try:
            with self.engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {engines.reason(exc)}") from exc

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
        index = self._ensure_index()
        outcomes: list[Outcome] = []
        try:
            with self.writing() as conn:
                for analysis, fingerprint in items:
                    outcome, candidates = self._put(conn, analysis, fingerprint or _analysis_hash(analysis))
                    outcomes.append(outcome)
                    for candidate in candidates:  # later articles of the batch resolve against these
                        index.add(candidate)
        except BaseException:
            self.reset_index()  # the index may hold entities of the rolled-back batch
            raise
        return outcomes

    def _put(self, conn: Connection, analysis: Analysis, fingerprint: str) -> tuple[Outcome, list[Candidate]]:
        if self.dialect == "postgresql":  # two ingests of one article at once: one waits
            conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(analysis.id))))
        stored = conn.execute(select(t.articles.c.fingerprint).where(t.articles.c.id == analysis.id)).first()
        if stored is not None and stored.fingerprint == fingerprint:
            return "unchanged", []
        if stored is not None:
            conn.execute(delete(t.articles).where(t.articles.c.id == analysis.id))
        self._insert_article(conn, analysis, fingerprint)
        links, candidates = self._insert_entities(conn, analysis)
        self._insert_quotes(conn, analysis, links, date_range(analysis.meta.published)[0])
        return ("replaced" if stored is not None else "added"), candidates

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
        self, conn: Connection, analysis: Analysis
    ) -> tuple[dict[str, tuple[str, str, str]], list[Candidate]]:
        """Article entities, their canonical links and roles; local id -> (row id, entity id, name)."""
        links: dict[str, tuple[str, str, str]] = {}
        candidates: list[Candidate] = []
        overrides = {
            row.name_fold: row.entity_id
            for row in conn.execute(select(t.overrides).where(t.overrides.c.article_id == analysis.id))
        }
        for entity in analysis.entities:
            row_id = f"{analysis.id}/{entity.id}"
            link = self._link(conn, analysis, entity, overrides)
            self._ensure_entity(conn, link.entity_id, entity, link.rule)
            conn.execute(
                t.article_entities.insert().values(
                    id=row_id,
                    article_id=analysis.id,
                    local_id=entity.id,
                    name=entity.name,
                    name_fold=fold(entity.name),
                    type=entity.type,
                    mentions=dumps_spans(entity.mentions),
                    entity_id=link.entity_id,
                    rule=link.rule,
                    score=link.score,
                )
            )
            conn.execute(
                self._insert_ignore(t.entity_names).values(name_fold=fold(entity.name), entity_id=link.entity_id)
            )
            for role in entity.roles:
                conn.execute(
                    t.roles.insert().values(
                        id=role_id(row_id, role),
                        article_id=analysis.id,
                        article_entity_id=row_id,
                        entity_id=link.entity_id,
                        title=role.title,
                        organization=role.organization,
                        organization_fold=fold(role.organization) if role.organization else None,
                        place=role.place,
                        spans=dumps_spans(role.spans),
                    )
                )
            links[entity.id] = (row_id, link.entity_id, entity.name)
            if link.rule != "local":
                candidates.append(Candidate(link.entity_id, entity.name, entity.type))
        return links, candidates

    def _link(self, conn: Connection, analysis: Analysis, entity: Entity, overrides: dict[str, str]) -> _Link:
        """The canonical entity of an article entity, and the rule that chose it."""
        pinned = overrides.get(fold(entity.name))
        if pinned is not None:
            return _Link(self.follow(conn, pinned), "manual", 1.0)
        if entity.type not in _SHARED_TYPES:
            return _Link(fact_id("G", analysis.id, fold(entity.name)), "local", 1.0)
        index = self._ensure_index()
        match = index.match(entity.name, entity.type, analysis.language)
        if match.rule == "new" and entity.type in ("organization", "location"):
            # a name already known as a person's, typed otherwise by the tagger ("Olaf Scholz" as ORG)
            as_person = index.match(entity.name, "person", analysis.language)
            if as_person.rule in ("exact", "transliteration"):
                match = as_person
        entity_id = self.follow(conn, match.entity_id)
        if match.rule == "new" and entity.type == "person":
            for absorbed in self._ensure_index().absorbed_by(entity.name, entity.type):
                if absorbed != entity_id:
                    self._ensure_entity(conn, entity_id, entity, "new")
                    merge_rows(conn, absorbed, entity_id, rule="surname")
                    self._forget(absorbed, entity_id)
        return _Link(entity_id, match.rule, match.score)

    def follow(self, conn: Connection, entity_id: str) -> str:
        """The entity that ``entity_id`` was merged into, if any (following chains)."""
        seen = {entity_id}
        while True:
            target = self._redirects.get(entity_id)
            if target is None:
                row = conn.execute(select(t.entities.c.merged_into).where(t.entities.c.id == entity_id)).first()
                target = row.merged_into if row is not None else None
            if target is None or target in seen:
                return entity_id
            seen.add(target)
            entity_id = target

    def _forget(self, entity_id: str, merged_into: str) -> None:
        self._redirects[entity_id] = merged_into
        if self._index is not None:
            self._index.remove(entity_id)

    def _ensure_entity(self, conn: Connection, entity_id: str, entity: Entity, rule: str) -> None:
        name = display_name(entity_id, entity.name, entity.type)
        values = {
            "id": entity_id,
            "name": name,
            "name_fold": fold(name),
            "translit": translit_key(name),
            "type": entity.type,
            "rule": rule,
        }
        conn.execute(self._insert_ignore(t.entities).values(**values))

    def _insert_quotes(
        self, conn: Connection, analysis: Analysis, links: dict[str, tuple[str, str, str]], date_from: str | None
    ) -> None:
        rows = []
        for position, quote in enumerate(analysis.quotes):
            link = links.get(quote.entity) if quote.entity else None
            rows.append(
                {
                    "id": quote_id(analysis.id, quote),
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
                }
            )
        if rows:
            conn.execute(self._insert_ignore(t.quotes), rows)

    def _insert_ignore(self, table: t.Table):  # type: ignore[no-untyped-def]
        return insert_ignore(self.dialect, table)

    def _ensure_index(self) -> EntityIndex:
        """The in-memory entity index, loaded from the store on first use."""
        if self._index is None:
            index = EntityIndex()
            with self.reading() as conn:
                merged = conn.execute(
                    select(t.entities.c.id, t.entities.c.merged_into).where(t.entities.c.merged_into.is_not(None))
                )
                self._redirects = {row.id: row.merged_into for row in merged}
                rows = conn.execute(
                    select(
                        t.entities.c.id, t.entities.c.name, t.entities.c.type, t.article_entities.c.name.label("alias")
                    )
                    .select_from(
                        t.entities.outerjoin(t.article_entities, t.article_entities.c.entity_id == t.entities.c.id)
                    )
                    .where(t.entities.c.merged_into.is_(None), t.entities.c.rule != "local")
                    .distinct()
                    .order_by(t.entities.c.id)
                )
                aliases: dict[str, tuple[str, str, set[str]]] = {}
                for row in rows:
                    entry = aliases.setdefault(row.id, (row.name, row.type, set()))
                    if row.alias and row.alias != row.name:
                        entry[2].add(row.alias)
            for entity_id, (name, type_, names) in aliases.items():
                index.add(Candidate(entity_id, name, type_, tuple(sorted(names))))  # type: ignore[arg-type]
            self._index = index
        return self._index

    def reset_index(self) -> None:
        """Forget the in-memory index (after corrections by another process, say)."""
        self._index = None
        self._redirects = {}

    def delete_article(self, article_id: str) -> None:
        """Remove an article and every fact derived from it (its entities' other facts stay)."""
        with self.writing() as conn:
            deleted = conn.execute(delete(t.articles).where(t.articles.c.id == article_id)).rowcount
        if not deleted:
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
        return StoreStats(**count, revision=engines.current_revision(self.engine))


def merge_rows(conn: Connection, source: str, target: str, rule: str) -> None:
    """Point every fact of entity ``source`` at ``target`` and mark ``source`` as merged into it."""
    for table in (t.article_entities, t.quotes, t.roles):
        values: dict[str, str] = {"entity_id": target}
        if table is t.article_entities:
            values["rule"] = rule
        conn.execute(update(table).where(table.c.entity_id == source).values(**values))
    names = t.entity_names
    moved = conn.execute(select(names.c.name_fold).where(names.c.entity_id == source)).scalars().all()
    conn.execute(delete(names).where(names.c.entity_id == source))
    if moved:
        conn.execute(insert_ignore(conn.dialect.name, names), [{"name_fold": n, "entity_id": target} for n in moved])
    conn.execute(update(t.entities).where(t.entities.c.merged_into == source).values(merged_into=target))
    conn.execute(update(t.entities).where(t.entities.c.id == source).values(merged_into=target))
    conn.execute(update(t.overrides).where(t.overrides.c.entity_id == source).values(entity_id=target))


def insert_ignore(dialect: str, table: t.Table):  # type: ignore[no-untyped-def]
    """``INSERT … ON CONFLICT DO NOTHING`` in the given dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def _analysis_hash(analysis: Analysis) -> str:
    return fact_id("A", analysis.to_dict())
