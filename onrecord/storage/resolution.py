"""Cross-article resolution in the store: the same canonical entities for the same SET of articles.

**The guarantee.** The canonical entities, the links of article entities, quotes and roles to
them, and every answer built on them are a function of the set of stored articles and of the
user's corrections — not of the order articles arrived in, the batch size, resumptions,
concurrent writers or the path (``ingest``, ``ingest --from-batch``). Merges and splits made by
the user keep overriding, whatever is stored before or after them.

**How.**

* Facts of one article are written per article (article, article entities, quotes, roles).
  Each shared article entity (person, organisation, place, other) names a distinct
  :class:`~onrecord.resolve.cluster.Name` (name, type, German or not); the table
  ``resolution_names`` holds every such name once, with how many article entities carry it,
  and ``resolution_keys`` its :func:`~onrecord.resolve.cluster.lookup_keys`.
* Resolution is :func:`onrecord.resolve.cluster.resolve`, a pure function of a set of names
  with content tie-breaks (no arrival order, no hash order). A write recomputes it, inside its
  own transaction and from the store's current rows (no per-process cache), for the connected
  component of the names it added or removed — the names reachable through shared look-up keys,
  which is all a name's result can depend on. Names whose result changed get their article
  entities, quotes, roles and ``entity_names`` rows re-pointed; canonical ids are derived from
  content (:func:`~onrecord.resolve.index.canonical_id` of the anchor name), so two writers
  compute the same id; entities that lost their last fact are deleted. After every transaction
  the store equals what resolving all its names at once would give.
* User corrections: a merge marks the source id ``merged_into`` the target, and a name whose
  computed entity is a merged id is stored under the target (:meth:`Store.follow`). A name a
  merge moved keeps its target (rule ``merge``) while it is stored, even when later articles
  give its computed entity another id (a full name arrives for a surname-only entity); a split pins
  the moved article entities (an override per article and name) — pinned entities take no part
  in resolution and keep their entity on re-analysis.
* One writer at a time: SQLite takes the write lock at the start of each write transaction
  (``BEGIN IMMEDIATE``, WAL, a busy timeout of two minutes); PostgreSQL takes a transaction-level
  advisory lock first. Writers therefore never interleave their reads and writes (no deadlocks,
  no lost updates); analysis, the slow part of an ingest, still runs in parallel. A deadlock,
  serialisation failure or busy database that the server reports anyway is retried with
  backoff (:data:`RETRIES` times) and never shown to the user.

Known limit: a merge is remembered by entity id and by the names it moved; a name moved by a
merge whose last article is deleted, and that arrives again under a new computed id, resolves
as computed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exists, select, update

from onrecord.resolve.cluster import Name, lookup_keys, resolve
from onrecord.resolve.index import Match
from onrecord.resolve.keys import fold, translit_key
from onrecord.storage import schema as t
from onrecord.storage.chunking import chunks

__all__ = ["Touched", "collect_dropped", "follow", "gc", "insert_ignore", "rebuild", "refresh"]



@dataclass
class Touched:
    """What a write transaction changed, for :func:`refresh` and :func:`gc`."""

    names: dict[str, Name] = field(default_factory=dict)  # name id -> name whose count may change
    pending: Counter[str] = field(default_factory=Counter)  # name id -> article entities to insert
    dropped: set[tuple[str, str]] = field(default_factory=set)  # (name_fold, entity_id) of deleted rows
    candidates: set[str] = field(default_factory=set)  # entity ids that may have lost their last fact
    speakers: set[str] = field(default_factory=set)  # entity ids whose quotes changed (statements)

    def add(self, name: Name, pending: int = 1) -> str:
        """Note a name that gains ``pending`` article entities; returns its id."""
        self.names.setdefault(name.id, name)
        self.pending[name.id] += pending
        return name.id


def insert_ignore(dialect: str, table: t.Table):  # type: ignore[no-untyped-def]
    """``INSERT … ON CONFLICT DO NOTHING`` in the given dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()



def follow(conn: Connection, entity_id: str) -> str:
    """The entity that ``entity_id`` was merged into by a user, if any (following chains)."""
    seen = {entity_id}
    while True:
        row = conn.execute(select(t.entities.c.merged_into).where(t.entities.c.id == entity_id)).first()
        target = row.merged_into if row is not None else None
        if target is None or target in seen:
            return entity_id
        seen.add(target)
        entity_id = target


def collect_dropped(conn: Connection, article_ids: Sequence[str], touched: Touched) -> None:
    """Note the article entities of ``article_ids`` before they are deleted."""
    ae, rn = t.article_entities.c, t.resolution_names.c
    for chunk in chunks(sorted(article_ids)):
        rows = conn.execute(
            select(ae.name_id, ae.name_fold, ae.entity_id, rn.name, rn.type, rn.german)
            .select_from(t.article_entities.outerjoin(t.resolution_names, rn.id == ae.name_id))
            .where(ae.article_id.in_(chunk))
        ).all()
        for row in rows:
            touched.dropped.add((row.name_fold, row.entity_id))
            touched.candidates.add(row.entity_id)
            if row.name_id is not None and row.name is not None:
                touched.names.setdefault(row.name_id, Name(row.name, row.type, bool(row.german)))


def refresh(conn: Connection, touched: Touched) -> dict[str, tuple[str, str, float]]:
    """Recount the touched names and re-resolve their component; returns, per name id of the
    component, (entity id after user merges, rule, score). Call it after deleting replaced
    articles and before inserting the article entities counted in ``touched.pending``."""
    fresh = _recount(conn, touched)
    component = _component(conn, touched.names.values())
    if not component:
        return {}
    names = {row.id: Name(row.name, row.type, bool(row.german), row.count) for row in component.values()}
    results, canonical = resolve(names.values())
    final = _redirects(conn, sorted(canonical))
    _upsert_entities(conn, [c for c in canonical.values() if final[c.entity_id] == c.entity_id])
    out: dict[str, tuple[str, str, float]] = {}
    changed: list[tuple[str, Name, str | None, tuple[str, str, float]]] = []
    for name_id in sorted(names):
        name = names[name_id]
        res: Match = results[name]
        row = component[name_id]
        if final[res.entity_id] != res.entity_id:  # a user merged the computed entity
            now = (final[res.entity_id], "merge", 1.0)
        elif row.rule == "merge" and row.entity_id is not None and name_id not in fresh:
            now = (follow(conn, row.entity_id), "merge", 1.0)  # merged before its entity got another id
        else:
            now = (res.entity_id, res.rule, res.score)
        out[name_id] = now
        if (row.entity_id, row.rule, row.score) != now:
            changed.append((name_id, name, row.entity_id if name_id not in fresh else None, now))
    _apply(conn, changed, fresh, touched)
    return out


def _recount(conn: Connection, touched: Touched) -> set[str]:
    """Bring ``resolution_names`` counts up to date; returns the ids of names new to it."""
    rn, ae = t.resolution_names, t.article_entities.c
    ids = sorted(touched.names)
    existing: dict[str, Any] = {}
    stored: Counter[str] = Counter()
    for chunk in chunks(ids):
        existing.update(
            {row.id: row for row in conn.execute(select(rn.c.id, rn.c.count, rn.c.entity_id).where(rn.c.id.in_(chunk)))}
        )
        stored.update(conn.execute(select(ae.name_id).where(ae.name_id.in_(chunk))).scalars())
    gone, fresh, recounted = [], [], []
    for name_id in ids:
        count = stored[name_id] + touched.pending[name_id]
        row = existing.get(name_id)
        if count == 0 and row is not None:
            gone.append(name_id)
            if row.entity_id is not None:
                touched.candidates.add(row.entity_id)
        elif count > 0 and row is None:
            fresh.append(name_id)
        elif row is not None and row.count != count:
            recounted.append({"nid": name_id, "count": count})
    for chunk in chunks(gone):
        conn.execute(delete(t.resolution_keys).where(t.resolution_keys.c.name_id.in_(chunk)))
        conn.execute(delete(rn).where(rn.c.id.in_(chunk)))
    if recounted:
        conn.execute(update(rn).where(rn.c.id == bindparam("nid")).values(count=bindparam("count")), recounted)
    if fresh:
        rows: list[dict[str, Any]] = []
        keys: list[dict[str, str]] = []
        for name_id in fresh:
            name = touched.names[name_id]
            count = stored[name_id] + touched.pending[name_id]
            rows.append(
                {"id": name_id, "name": name.name, "type": name.type, "german": int(name.german), "count": count}
            )
            keys.extend(
                {"key": key, "name_id": name_id} for key in sorted(lookup_keys(name.name, name.type, name.german))
            )
        conn.execute(rn.insert(), rows)
        conn.execute(insert_ignore(conn.dialect.name, t.resolution_keys), keys)
    return set(fresh)


def _component(conn: Connection, seeds: Iterable[Name]) -> dict[str, Any]:
    """The stored names connected to ``seeds`` through shared look-up keys."""
    rn, rk = t.resolution_names.c, t.resolution_keys.c
    seen: set[str] = set()
    frontier: set[str] = set()
    for name in seeds:
        frontier |= lookup_keys(name.name, name.type, name.german)
    found: dict[str, Any] = {}
    while frontier:
        seen |= frontier
        ids: set[str] = set()
        for chunk in chunks(sorted(frontier)):
            ids.update(conn.execute(select(rk.name_id).where(rk.key.in_(chunk)).distinct()).scalars())
        frontier = set()
        for chunk in chunks(sorted(ids - found.keys())):
            rows = conn.execute(
                select(rn.id, rn.name, rn.type, rn.german, rn.count, rn.entity_id, rn.rule, rn.score).where(
                    rn.id.in_(chunk)
                )
            ).all()
            for row in rows:
                found[row.id] = row
                frontier |= lookup_keys(row.name, row.type, bool(row.german))
        frontier -= seen
    return found


def _redirects(conn: Connection, entity_ids: list[str]) -> dict[str, str]:
    """Each id, or the entity a user merged it into."""
    final = {entity_id: entity_id for entity_id in entity_ids}
    e = t.entities.c
    for chunk in chunks(entity_ids):
        for row in conn.execute(select(e.id).where(e.id.in_(chunk), e.merged_into.is_not(None))):
            final[row.id] = follow(conn, row.id)
    return final


def _upsert_entities(conn: Connection, canonical: list[Any]) -> None:
    """Create the canonical entities, or update their display name and type."""
    e = t.entities.c
    existing: dict[str, Any] = {}
    ids = sorted(c.entity_id for c in canonical)
    for chunk in chunks(ids):
        existing.update({row.id: row for row in conn.execute(select(e.id, e.name, e.type).where(e.id.in_(chunk)))})
    new, changed = [], []
    for c in sorted(canonical, key=lambda c: c.entity_id):
        values = {"name": c.name, "name_fold": fold(c.name), "translit": translit_key(c.name), "type": c.type}
        row = existing.get(c.entity_id)
        if row is None:
            new.append({"id": c.entity_id, "rule": "new", **values})
        elif (row.name, row.type) != (c.name, c.type):
            changed.append({"eid": c.entity_id, **values})
    if new:
        conn.execute(insert_ignore(conn.dialect.name, t.entities), new)
    if changed:
        conn.execute(
            update(t.entities)
            .where(t.entities.c.id == bindparam("eid"))
            .values(
                name=bindparam("name"),
                name_fold=bindparam("name_fold"),
                translit=bindparam("translit"),
                type=bindparam("type"),
            ),
            changed,
        )


def _apply(
    conn: Connection,
    changed: list[tuple[str, Name, str | None, tuple[str, str, float]]],
    fresh: set[str],
    touched: Touched,
) -> None:
    """Store new results of names and re-point the facts of their article entities."""
    if not changed:
        return
    rn, ae = t.resolution_names, t.article_entities
    conn.execute(
        update(rn)
        .where(rn.c.id == bindparam("nid"))
        .values(entity_id=bindparam("eid"), rule=bindparam("rule"), score=bindparam("score")),
        [{"nid": nid, "eid": now[0], "rule": now[1], "score": now[2]} for nid, _, _, now in changed],
    )
    stale = [(nid, name, old, now) for nid, name, old, now in changed if nid not in fresh]
    if not stale:
        return
    conn.execute(
        update(ae)
        .where(ae.c.name_id == bindparam("nid"))
        .values(entity_id=bindparam("eid"), rule=bindparam("rule"), score=bindparam("score")),
        [{"nid": nid, "eid": now[0], "rule": now[1], "score": now[2]} for nid, _, _, now in stale],
    )
    moved = [{"nid": nid, "eid": now[0]} for nid, _, old, now in stale if old != now[0]]
    if not moved:
        return
    for table in (t.quotes, t.roles):
        rows = select(ae.c.id).where(ae.c.name_id == bindparam("nid")).scalar_subquery()
        conn.execute(
            update(table).where(table.c.article_entity_id.in_(rows)).values(entity_id=bindparam("eid")),
            moved,
        )
    names = sorted({(fold(name.name), now[0]) for _, name, old, now in stale if old != now[0]})
    conn.execute(
        insert_ignore(conn.dialect.name, t.entity_names), [{"name_fold": nf, "entity_id": eid} for nf, eid in names]
    )
    for _, name, old, now in stale:
        if old is not None and old != now[0]:
            touched.dropped.add((fold(name.name), old))
            touched.candidates.add(old)
            touched.speakers.update((old, now[0]))


def gc(conn: Connection, touched: Touched) -> None:
    """Drop ``entity_names`` rows no article entity backs any more, and entities that lost their
    last fact (a user's split entity and merge redirects are kept)."""
    ae, en, e = t.article_entities.c, t.entity_names, t.entities.c
    for name_fold, entity_id in sorted(touched.dropped):
        backed = conn.execute(select(exists().where(ae.name_fold == name_fold, ae.entity_id == entity_id))).scalar()
        if not backed:
            conn.execute(delete(en).where(en.c.name_fold == name_fold, en.c.entity_id == entity_id))
    candidates = sorted(touched.candidates)
    if not candidates:
        return
    used: set[str] = set()
    for chunk in chunks(candidates):
        for column in (ae.entity_id, t.quotes.c.entity_id, t.roles.c.entity_id, t.overrides.c.entity_id,
                       e.merged_into, t.resolution_names.c.entity_id):  # fmt: skip
            used.update(conn.execute(select(column).where(column.in_(chunk)).distinct()).scalars())
        kept = conn.execute(select(e.id).where(e.id.in_(chunk), (e.rule == "split") | e.merged_into.is_not(None)))
        used.update(kept.scalars())
    unused = [c for c in candidates if c not in used]
    for chunk in chunks(unused):
        conn.execute(delete(en).where(en.c.entity_id.in_(chunk)))
        conn.execute(delete(t.entities).where(e.id.in_(chunk)))


def rebuild(conn: Connection) -> None:
    """Resolve a whole store from scratch (a store written by an older onrecord): fill
    ``name_id`` of every shared article entity that no user pinned, then :func:`refresh`."""
    ae, a = t.article_entities.c, t.articles.c
    rows = conn.execute(
        select(ae.id, ae.name, ae.type, ae.entity_id, a.language)
        .select_from(t.article_entities.join(t.articles, a.id == ae.article_id))
        .where(ae.rule.not_in(("local", "manual", "split")))
        .order_by(ae.id)
    ).all()
    touched = Touched()
    updates = []
    for row in rows:
        name = Name(row.name, row.type, row.language in ("de", "", None))
        touched.names.setdefault(name.id, name)
        touched.candidates.add(row.entity_id)
        updates.append({"aid": row.id, "nid": name.id})
    for chunk in chunks(updates, 5000):
        conn.execute(
            update(t.article_entities).where(ae.id == bindparam("aid")).values(name_id=bindparam("nid")), chunk
        )
    result = refresh(conn, touched)
    # every article entity gets its name's result (refresh re-points only those that changed)
    if result:
        conn.execute(
            update(t.article_entities)
            .where(ae.name_id == bindparam("nid"))
            .values(entity_id=bindparam("eid"), rule=bindparam("rule"), score=bindparam("score")),
            [{"nid": nid, "eid": r[0], "rule": r[1], "score": r[2]} for nid, r in sorted(result.items())],
        )
    for table in (t.quotes, t.roles):
        conn.execute(
            update(table)
            .where(table.c.article_entity_id.is_not(None))
            .values(entity_id=select(ae.entity_id).where(ae.id == table.c.article_entity_id).scalar_subquery())
            .where(exists().where(ae.id == table.c.article_entity_id))
        )
    touched.candidates.update(conn.execute(select(t.entities.c.id)).scalars())
    conn.execute(delete(t.entity_names))
    conn.execute(
        t.entity_names.insert().from_select(["name_fold", "entity_id"], select(ae.name_fold, ae.entity_id).distinct())
    )
    gc(conn, touched)
