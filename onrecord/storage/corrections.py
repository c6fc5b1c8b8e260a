"""User corrections of entity resolution, without re-analysis: merge two entities, split one.

A merge points every fact of one entity at the other and records ``merged_into``, so later
ingests that resolve to the merged entity follow it. A split moves the article entities with a
given name (or in given articles) to an entity of their own and records an override per
article, so re-analysing those articles keeps the correction; the moved article entities no
longer take part in resolution, and the names they leave are resolved anew. Each correction is
logged in the ``corrections`` table. Both run as one retried write transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from onrecord.errors import ConflictError, InputError, NotFoundError
from onrecord.resolve.cluster import Name
from onrecord.resolve.keys import fold, translit_key
from onrecord.storage import resolution
from onrecord.storage import schema as t
from onrecord.storage import statements as grouping
from onrecord.storage.facts import fact_id, now_iso
from onrecord.storage.store import Store, insert_ignore, merge_rows

__all__ = ["merge_entities", "split_entity"]


def merge_entities(store: Store, source_id: str, target_id: str) -> str:
    """Merge entity ``source_id`` into ``target_id``; returns the surviving id."""

    def work(conn: Connection) -> str:
        source = _live(conn, store, source_id)
        target = _live(conn, store, target_id)
        if source == target:
            raise ConflictError(f"{source_id!r} and {target_id!r} are already one entity ({target})")
        merge_rows(conn, source, target, rule="merge")
        conn.execute(
            insert(t.corrections).values(action="merge", entity_id=target, other_id=source, created_at=now_iso())
        )
        return target

    return store.transaction(work)


def split_entity(
    store: Store,
    entity_id: str,
    names: Sequence[str] = (),
    article_ids: Sequence[str] = (),
    new_name: str | None = None,
) -> str:
    """Move the article entities of ``entity_id`` named one of ``names`` (or in ``article_ids``)
    to a new entity; returns its id. At least one name or article must select something, and
    not everything (that would be a rename)."""
    folded = sorted({fold(name) for name in names})

    def work(conn: Connection) -> str:
        return _split(conn, store, entity_id, names, article_ids, new_name, folded)

    return store.transaction(work)


def _split(
    conn: Connection,
    store: Store,
    entity_id: str,
    names: Sequence[str],
    article_ids: Sequence[str],
    new_name: str | None,
    folded: list[str],
) -> str:
    entity_id = _live(conn, store, entity_id)
    if not names and not article_ids:
        raise InputError("a split needs the names or the articles to move to a new entity")
    ae = t.article_entities
    rows = conn.execute(
        select(ae.c.id, ae.c.article_id, ae.c.name, ae.c.name_fold, ae.c.type, ae.c.name_id).where(
            ae.c.entity_id == entity_id
        )
    ).all()
    moving = [r for r in rows if r.name_fold in folded or r.article_id in set(article_ids)]
    if not moving:
        raise NotFoundError(
            f"entity {entity_id!r} has no mention named {', '.join(names) or '-'} in the given articles"
        )
    if len(moving) == len(rows):
        raise ConflictError("the split would move every mention of the entity; nothing would remain")
    name = new_name or max((r.name for r in moving), key=lambda n: (len(n), n))
    new_id = fact_id("E", "split", entity_id, sorted(r.id for r in moving))
    conn.execute(
        insert(t.entities).values(
            id=new_id,
            name=name,
            name_fold=fold(name),
            translit=translit_key(name),
            type=moving[0].type,
            rule="split",
        )
    )
    moved_ids = [r.id for r in moving]
    conn.execute(
        insert_ignore(conn.dialect.name, t.entity_names),
        [{"name_fold": fold_name, "entity_id": new_id} for fold_name in sorted({r.name_fold for r in moving})],
    )
    conn.execute(update(ae).where(ae.c.id.in_(moved_ids)).values(entity_id=new_id, rule="split", name_id=None))
    for table in (t.quotes, t.roles):
        conn.execute(update(table).where(table.c.article_entity_id.in_(moved_ids)).values(entity_id=new_id))
    now = now_iso()
    for key in sorted({(r.article_id, r.name_fold) for r in moving}):
        conn.execute(t.overrides.delete().where(t.overrides.c.article_id == key[0], t.overrides.c.name_fold == key[1]))
        conn.execute(
            insert(t.overrides).values(
                article_id=key[0], name_fold=key[1], entity_id=new_id, created_at=now, note="split"
            )
        )
    detail = json.dumps({"article_entities": moved_ids}, ensure_ascii=False)
    conn.execute(
        insert(t.corrections).values(
            action="split", entity_id=entity_id, other_id=new_id, detail=detail, created_at=now
        )
    )
    _resolve_left(conn, moving, entity_id, new_id)
    return new_id


def _resolve_left(conn: Connection, moving: Sequence[Any], entity_id: str, new_id: str) -> None:
    """Resolve anew the names the moved (now pinned) article entities no longer count for;
    the statements of every entity whose quotes moved are grouped anew."""
    touched = resolution.Touched(speakers={entity_id, new_id})
    rn = t.resolution_names.c
    name_ids = sorted({r.name_id for r in moving if r.name_id is not None})
    for row in conn.execute(select(rn.id, rn.name, rn.type, rn.german).where(rn.id.in_(name_ids))):
        touched.names[row.id] = Name(row.name, row.type, bool(row.german))
    touched.dropped.update((r.name_fold, entity_id) for r in moving)
    resolution.refresh(conn, touched)
    resolution.gc(conn, touched)
    grouping.regroup(conn, touched.speakers)


def _live(conn: object, store: Store, entity_id: str) -> str:
    """``entity_id`` if it exists, following merges; else :class:`NotFoundError`."""
    row = conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first()  # type: ignore[attr-defined]
    if row is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return store.follow(conn, entity_id)  # type: ignore[arg-type]
