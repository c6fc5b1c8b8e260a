"""Wire copies in the store (issue 18): ``articles.wire_of`` filled inside each write transaction.

**The guarantee.** ``wire_of`` is a function of the set of stored articles, whatever the order
they arrived in, the batch size or the database: the wire-copy relation
(:func:`onrecord.statements.wire.related`) is a function of two bodies; the clusters are the
connected components of that relation over the stored articles of one language; in each
cluster the *canonical* article (earliest date, undated last, then the smallest id;
:func:`onrecord.statements.wire.canonical`) has ``wire_of`` NULL and every other member points
to it. Articles without a copy have NULL.

**How, per write transaction** (:func:`refresh`, after the articles are written):

* *Before* an article is replaced or deleted, :func:`clusters_of` notes the members of its
  cluster (the stored rows are the only record of it), since removing it may split the cluster.
* Each written article probes the full-text index with phrase queries for the shingles
  :func:`onrecord.statements.wire.probe` chooses (FTS5 ``MATCH`` on SQLite, ``tsvector @@
  tsquery`` with ``<->`` on PostgreSQL); every related stored body holds one of them, so the
  candidates are exact, and the relation is then checked on the texts themselves.
* The affected set: written articles, their related articles, the members of every cluster any
  of those belongs to, and the noted clusters. Clusters are closed under the relation, so the
  components of the affected set (all pairs compared; the set is a few clusters) are the true
  clusters. ``wire_of`` is rewritten only where it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, or_, select, text, update

from onrecord.statements.wire import Body, WireParams, body, canonical, components, probe, related
from onrecord.storage import schema as t
from onrecord.storage.chunking import chunks
from onrecord.unionfind import DisjointSets

if TYPE_CHECKING:
    from onrecord.storage.store import Store

__all__ = ["article_wire", "clusters_of", "copies", "refresh"]

#: the relation the store applies
DEFAULT_PARAMS = WireParams()
#: phrases per full-text query (the probe of a long body is a few hundred)
_PHRASES = 60



def clusters_of(conn: Connection, article_ids: Iterable[str]) -> set[str]:
    """The ids of every stored member of the clusters of ``article_ids`` (themselves included);
    call before replacing or deleting them."""
    a = t.articles.c
    ids = sorted(set(article_ids))
    heads: set[str] = set()
    for chunk in chunks(ids):
        for row in conn.execute(select(a.id, a.wire_of).where(a.id.in_(chunk))):
            heads.add(row.wire_of or row.id)
    return _members(conn, heads) | set(ids)


def _members(conn: Connection, heads: Iterable[str]) -> set[str]:
    a = t.articles.c
    found: set[str] = set()
    for chunk in chunks(sorted(set(heads))):
        found.update(conn.execute(select(a.id).where(or_(a.id.in_(chunk), a.wire_of.in_(chunk)))).scalars())
    return found


def _candidates(conn: Connection, article_id: str, language: str, phrases: list[str]) -> set[str]:
    """Stored articles of ``language`` whose title or text holds one of ``phrases`` (plain
    lower-case ASCII words, so no escaping is needed and both tokenisers read them alike)."""
    found: set[str] = set()
    postgres = conn.dialect.name == "postgresql"
    for chunk in chunks(phrases, _PHRASES):
        if postgres:
            query = " | ".join("(" + " <-> ".join(p.split()) + ")" for p in chunk)
            stmt = text(
                "SELECT id FROM articles WHERE tsv @@ to_tsquery('simple', :q) AND language = :lang AND id <> :me"
            )
        else:
            query = " OR ".join(f'"{p}"' for p in chunk)
            stmt = text(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH :q AND a.language = :lang AND a.id <> :me"
            )
        found.update(conn.execute(stmt, {"q": query, "lang": language, "me": article_id}).scalars())
    return found


def _rows(conn: Connection, ids: Iterable[str]) -> dict[str, Any]:
    a = t.articles.c
    rows: dict[str, Any] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(select(a.id, a.language, a.text, a.date_from, a.wire_of).where(a.id.in_(chunk))):
            rows[row.id] = row
    return rows


def refresh(
    conn: Connection, written: Iterable[str], before: Iterable[str] = (), params: WireParams = DEFAULT_PARAMS
) -> None:
    """Recompute ``wire_of`` for the clusters the written articles (ids) and the clusters noted
    by :func:`clusters_of` before a replacement or deletion belong to (see the module docstring)."""
    before = set(before)
    if not before:
        _join(conn, sorted(set(written)), params)
        return
    rows = _rows(conn, set(written) | before)
    bodies: dict[str, Body] = {}

    def body_of(article_id: str) -> Body:
        if article_id not in bodies:
            bodies[article_id] = body(rows[article_id].text)
        return bodies[article_id]

    affected = set(rows)
    for article_id in sorted(set(written) & set(rows)):
        row = rows[article_id]
        phrases = probe(body_of(article_id), params)
        if not phrases:
            continue
        found = _candidates(conn, article_id, row.language, phrases)
        rows.update(_rows(conn, found - set(rows)))
        for other in sorted(found):
            if related(body_of(article_id), body_of(other), params):
                affected.add(other)
    heads = {rows[i].wire_of or i for i in affected if i in rows}
    members = _members(conn, heads)
    rows.update(_rows(conn, members - set(rows)))
    affected |= members
    changes = []
    for language in sorted({rows[i].language for i in affected}):
        group = {i: body_of(i) for i in sorted(affected) if rows[i].language == language}
        for cluster in components(group, params):
            head = canonical((i, rows[i].date_from) for i in cluster)
            for i in cluster:
                wanted = None if i == head else head
                if rows[i].wire_of != wanted:
                    changes.append({"aid": i, "w": wanted})
    a = t.articles
    for chunk in chunks(changes):
        conn.execute(update(a).where(a.c.id == bindparam("aid")).values(wire_of=bindparam("w")), chunk)


#: a body's first probe phrase held by more stored articles than this is not checked for a twin
_TWIN_CANDIDATES = 20


def _stored_twin(conn: Connection, article_id: str, row: Any, phrase: str, written: set[str]) -> str | None:
    """The canonical article of the cluster of a stored article with exactly the written body
    ``row.text`` (same language), or None: one phrase query for the body's first probe phrase.

    The relation is a function of the two bodies, so whatever is related to the written article
    is related to its stored twin, and the twin's stored cluster is closed under the relation:
    the written article joins exactly that cluster, no other query needed. Only stored twins
    count (two written twins would each rely on the other)."""
    a = t.articles.c
    found = sorted(_candidates(conn, article_id, row.language, [phrase]) - written)
    if not found or len(found) > _TWIN_CANDIDATES:
        return None
    for chunk in chunks(found):
        query = select(a.id, a.wire_of).where(a.id.in_(chunk), a.text == row.text).order_by(a.id).limit(1)
        for twin in conn.execute(query):
            return str(twin.wire_of or twin.id)
    return None


def _join(conn: Connection, written: list[str], params: WireParams) -> None:
    """:func:`refresh` when articles were only added (nothing replaced or deleted): clusters can
    then only grow and merge, never split, so the stored clusters stay whole and the new ones
    are the stored ones joined through the written articles.

    A written article is compared with its full-text candidates one stored cluster at a time,
    stopping at the first related member (one edge joins the whole cluster; the stored clusters
    are closed under the relation, so no edge joins two of them directly). The canonical article
    of a joined cluster is the earliest of the stored canonical articles and the written ones;
    the members of a cluster whose canonical article changes are re-pointed by one update,
    without reading their texts. Bodies shorter than the rule's minimum never query the index;
    a body stored before word for word (a re-run of the same report) joins its twin's cluster
    after one phrase query (:func:`_stored_twin`)."""
    a = t.articles.c
    rows = _rows(conn, written)
    sets = DisjointSets()
    dates: dict[str, str | None] = {}
    for article_id in written:
        if article_id not in rows:
            continue
        row = rows[article_id]
        dates[article_id] = row.date_from
        mine = body(row.text)
        phrases = probe(mine, params)
        if not phrases:
            continue
        twin = _stored_twin(conn, article_id, row, phrases[0], set(rows))
        if twin is not None:
            sets.union(twin, article_id)
            continue
        found = sorted(_candidates(conn, article_id, row.language, phrases))
        heads: dict[str, list[Any]] = {}
        for chunk in chunks(found):
            for other in conn.execute(select(a.id, a.wire_of).where(a.id.in_(chunk))):
                # a written article is its own cluster until joined (its wire_of is not known yet)
                head = other.id if other.id in rows else (other.wire_of or other.id)
                heads.setdefault(head, []).append(other.id)
        for head, members in sorted(heads.items()):
            if sets.find(head) == sets.find(article_id):
                continue
            for other in sorted(members):
                text_of = conn.execute(select(a.text).where(a.id == other)).scalar_one()
                if related(mine, body(text_of), params):
                    sets.union(head, article_id)
                    break
    clusters: dict[str, list[str]] = {}
    for label in sets.joined():
        clusters.setdefault(sets.find(label), []).append(label)
    stored = sorted({label for labels in clusters.values() for label in labels} - set(dates))
    for chunk in chunks(stored):
        dates.update({r.id: r.date_from for r in conn.execute(select(a.id, a.date_from).where(a.id.in_(chunk)))})
    changes: list[dict[str, Any]] = []
    repointed: list[dict[str, Any]] = []
    for labels in clusters.values():
        head = canonical((label, dates[label]) for label in labels)
        for label in labels:
            if label == head:
                continue
            if label in rows:
                changes.append({"aid": label, "w": head})
            else:  # a stored cluster's canonical article: it and its members follow the new one
                repointed.append({"old": label, "w": head})
    table = t.articles
    for chunk in chunks(changes):
        conn.execute(update(table).where(table.c.id == bindparam("aid")).values(wire_of=bindparam("w")), chunk)
    for chunk in chunks(repointed):
        conn.execute(
            update(table)
            .where(or_(table.c.id == bindparam("old"), table.c.wire_of == bindparam("old")))
            .values(wire_of=bindparam("w")),
            chunk,
        )


def copies(conn: Connection, article_id: str) -> tuple[str | None, list[str]]:
    """The canonical article ``article_id`` is a wire copy of (or ``None``) and the stored copies
    of it (sorted ids; empty unless it is canonical)."""
    a = t.articles.c
    head = conn.execute(select(a.wire_of).where(a.id == article_id)).scalar()
    if head:
        return str(head), []
    return None, sorted(conn.execute(select(a.id).where(a.wire_of == article_id)).scalars())


def article_wire(store: Store, article_id: str) -> tuple[str | None, list[str]]:
    """:func:`copies` of one stored article, in a read transaction of ``store``."""
    with store.reading() as conn:
        return copies(conn, article_id)
