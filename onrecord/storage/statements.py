"""Statements across articles in the store (issue 18): grouping during ingest, and questions.

**The guarantee.** The ``statements`` table, each quote's ``statement_id`` and each quote's
``source_kind`` are a function of the set of stored articles and the user's corrections — not of
the order articles arrived in, the batch size, resumptions, concurrent writers or the path into
the store — exactly as the canonical entities are (:mod:`onrecord.storage.resolution`).

**How.**

* A statement belongs to one speaker entity. The statements of an entity are
  :func:`onrecord.statements.group_statements` of *all* the quotes that point at it (occurrence
  key: the quote id; speaker key: the entity id; words and kind of the quote): a pure function
  of that set, with content tie-breaks and content-hash ids, whatever the input order.
* A write transaction collects the *affected speakers*: the entities of the quotes it deletes
  (a replaced or deleted article), of the quotes it inserts, and of the quotes whose entity
  resolution re-pointed (the old and the new entity; :class:`~onrecord.storage.resolution.Touched`
  ``.speakers``). A merge affects both entities, a split the entity and the new one. At the end
  of the transaction, after resolution, :func:`regroup` recomputes the statements of exactly
  those entities from the rows the transaction sees (one writer at a time: the write lock) and
  writes only the difference: statement rows deleted, inserted or updated, quotes re-pointed.
  An entity's statements can only change when its set of quotes changes, so after every
  transaction the table equals what grouping every entity from scratch would give.
* The common case costs what the new quotes cost, not what the speaker's history costs: an
  entity's stored quotes are read as distinct (words, kind, statement) entries counted in SQL,
  only the entries that pass the matcher's candidate rule with a new quote
  (:func:`~onrecord.statements.match.share_enough_words`) go through the matcher again with the
  new quotes, and only the statements the new quotes join are rewritten (:func:`_regroup_added`).
  The groups are connected components of a symmetric relation, so this gives the same table as
  grouping from scratch.
* Quotes taken away (a replaced or deleted article) or moved between entities (re-pointed by
  resolution, a merge or a split) touch only their statements (:func:`_take_apart`): a statement
  whose stored count exceeds its entity's quotes in it, and another entity's statement that a
  quote of this entity still names, are taken apart and their quotes grouped again like new
  ones, together with the new quotes; the entity's whole statements stay as they are (two whole
  statements were two components, so no edge joins them). Only two statements of one entity
  coming out with one id (identical words in both modes) send the entity to a grouping from
  scratch.
* Statement facts: the representative words are the longest occurrence's (ties: code-point
  order, then quote id); *first seen* is the occurrence with the earliest article date (undated
  last; ties: article id, then quote id), whose outlet and article are kept; *last seen* the
  latest date; ``occurrences``, ``articles`` and ``outlets`` (distinct folded outlet names)
  count the group. A statement that only gains occurrences has them *extended* from its stored
  row (:func:`_extended_facts`): minimum and maximum keys, sums, and the distinct counts grown
  by the new quotes' articles and outlets it does not hold yet (looked up through those
  articles, and the statement's outlets read from two indexes in one query); a longer new rendering changes the
  representative and so the id, and the stored quotes follow by one update. Only a group that
  joins two stored statements, or is new, is counted from its occurrences. So a write's cost
  does not grow with the size of the statements it joins. Quotes without a speaker entity
  belong to no statement.
* The source kind of a quote (:mod:`onrecord.statements.sources`) depends only on its own
  article's analysis (roles, entity type, anonymity), so it is computed once, on insert.
* Stores written before revision 0006 get both filled by the migration (:func:`backfill`).

Questions: :func:`list_statements`, :func:`count_statements`, :func:`get_statement`
(:mod:`onrecord.storage.statement_queries`) and :func:`source_report`, :func:`source_reports_per`
(:mod:`onrecord.storage.source_reports`), importable from here too (also as
:class:`~onrecord.storage.store.Store` methods).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update

from onrecord.resolve.keys import fold
from onrecord.statements.match import (
    Compared,
    MatchParams,
    Occurrence,
    compared_words,
    group_statements,
    mode_of,
    normalize,
    same_compared,
    share_enough_words,
    statement_id,
)
from onrecord.statements.sources import source_kind
from onrecord.storage import schema as t
from onrecord.storage.chunking import chunks
from onrecord.storage.source_reports import _groups as _groups  # (tests import these two from here)
from onrecord.storage.source_reports import _kept_groups as _kept_groups
from onrecord.storage.source_reports import source_report, source_reports_per
from onrecord.storage.statement_queries import count_statements, get_statement, list_statements
from onrecord.unionfind import DisjointSets

__all__ = [
    "backfill",
    "count_statements",
    "get_statement",
    "list_statements",
    "quote_speakers",
    "regroup",
    "source_report",
    "source_reports_per",
]

#: the statement columns :func:`regroup` computes, in table order
_FACTS = (
    "entity_id", "text", "mode", "language", "first_quote_id", "first_article_id", "first_date", "first_outlet",
    "last_date", "occurrences", "articles", "outlets",
)  # fmt: skip



# --------------------------------------------------------------------------- writing


def quote_speakers(conn: Connection, article_ids: Iterable[str]) -> set[str]:
    """The speaker entities of the stored quotes of ``article_ids`` (call before deleting them)."""
    found: set[str] = set()
    q = t.quotes.c
    for chunk in chunks(sorted(set(article_ids))):
        rows = conn.execute(select(q.entity_id).where(q.article_id.in_(chunk), q.entity_id.is_not(None)).distinct())
        found.update(rows.scalars())
    return found


def _occurrence_rows(conn: Connection, entity_ids: list[str]) -> list[Any]:
    q, a = t.quotes.c, t.articles.c
    return list(
        conn.execute(
            select(q.id, q.entity_id, q.text, q.kind, q.language, q.article_id, q.statement_id, a.date_from, a.source)
            .select_from(t.quotes.join(t.articles, a.id == q.article_id))
            .where(q.entity_id.in_(entity_ids))
        ).all()
    )


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """:func:`normalize`, remembered: the same words recur in many articles (wire copies)."""
    return normalize(text)


@lru_cache(maxsize=65536)
def _compared(text: str, kind: str) -> Compared:
    """Words and kind as the matcher compares them, remembered: :func:`same_statement
    <onrecord.statements.match.same_statement>` of two quotes of one speaker is
    ``same_compared(_compared(a), _compared(b))``, without normalising both sides again for every pair
    (half the grouping time of a bench batch went to that)."""
    return compared_words(Occurrence("", "", text, kind), _norm(text))


_PARAMS = MatchParams()


@lru_cache(maxsize=65536)
def _vocabulary(norm: str) -> frozenset[str]:
    """The distinct words of normalised words, as the matcher's candidate rule reads them."""
    return frozenset(norm.split())


def _facts(members: list[Any], text: str) -> dict[str, Any]:
    """The statement row of a group of occurrence rows with representative words ``text``."""
    rep = min(members, key=lambda r: (-len(_norm(r.text)), _norm(r.text), r.id))
    first = min(members, key=lambda r: (r.date_from is None, r.date_from or "", r.article_id, r.id))
    dates = [r.date_from for r in members if r.date_from]
    return {
        "entity_id": rep.entity_id,
        "text": text,
        "mode": mode_of(rep.kind),
        "language": rep.language,
        "first_quote_id": first.id,
        "first_article_id": first.article_id,
        "first_date": first.date_from,
        "first_outlet": first.source,
        "last_date": max(dates) if dates else None,
        "occurrences": len(members),
        "articles": len({r.article_id for r in members}),
        "outlets": len({fold(r.source) for r in members if r.source and fold(r.source)}),
    }


def regroup(conn: Connection, speakers: Iterable[str]) -> None:
    """Recompute the statements of the entities ``speakers`` from their stored quotes and write
    the difference (see the module docstring): incrementally, touching only the statements that
    gain or lose quotes."""
    ids = sorted({s for s in speakers if s})
    full: list[str] = []
    for chunk in chunks(ids, 200):
        full += _regroup_added(conn, chunk)
    for chunk in chunks(full, 200):
        _regroup_chunk(conn, chunk)


def _regroup_added(conn: Connection, entity_ids: list[str]) -> list[str]:
    """Group the quotes the entities gained (``statement_id`` NULL), and the quotes of their
    touched statements (:func:`_take_apart`), into their whole stored statements, comparing them
    only with stored quotes that share enough of their words; returns the entities (nothing
    written for them) that only a grouping from scratch gets right (two statements with one id).

    Why this equals grouping every quote from scratch: the statements are the connected
    components of a symmetric relation on occurrences (:func:`group_statements`), so adding
    occurrences adds only edges that touch them, and the new components are the stored ones
    joined through the new occurrences. Identical words (and kind) of one speaker always fall
    into one statement, so the stored quotes are compared as their distinct (words, kind)
    entries; the matcher joins no pair that fails
    :func:`~onrecord.statements.match.share_enough_words`, so an entry that fails it with every
    new quote cannot gain an edge.
    """
    q, s = t.quotes.c, t.statements
    entries: dict[str, list[Any]] = defaultdict(list)
    for entry in conn.execute(
        select(q.entity_id, q.statement_id, q.text, q.kind, func.count().label("n"), func.min(q.id).label("key"))
        .where(q.entity_id.in_(entity_ids), q.statement_id.is_not(None))
        .group_by(q.entity_id, q.statement_id, q.text, q.kind)
    ):
        entries[entry.entity_id].append(entry)
    old: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in conn.execute(select(s).where(s.c.entity_id.in_(entity_ids))):
        old[row.entity_id][row.id] = row
    added: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(_occurrence_select().where(q.entity_id.in_(entity_ids), q.statement_id.is_(None))):
        added[row.entity_id].append(row)
    lost = _take_apart(conn, entity_ids, entries, old, added)
    full: list[str] = []
    plans: dict[str, tuple[Callable[[str], str], dict[str, list[Any]]]] = {}
    for entity_id in entity_ids:
        plan = _plan_added(entity_id, entries[entity_id], old[entity_id], added[entity_id])
        if plan is None:
            full.append(entity_id)
        elif plan[1]:
            plans[entity_id] = plan
    # the stored statements each component joins: a component joining one stored statement
    # (the common case) extends its stored facts; only a component that joins two or more
    # (a new quote bridging them) reads their stored occurrences
    joins: dict[str, dict[str, list[str]]] = {}
    merged: list[str] = []
    for entity_id, (find, components) in plans.items():
        joins[entity_id] = defaultdict(list)
        for sid in sorted(old[entity_id]):
            if find(sid) in components:
                joins[entity_id][find(sid)].append(sid)
        merged += [sid for sids in joins[entity_id].values() if len(sids) > 1 for sid in sids]
    members: dict[str, list[Any]] = defaultdict(list)
    for chunk in chunks(sorted(merged)):
        for row in conn.execute(_occurrence_select().where(q.statement_id.in_(chunk))):
            members[row.statement_id].append(row)
    extended: dict[str, list[Any]] = {}
    for entity_id, (_, components) in plans.items():
        for root, sids in joins[entity_id].items():
            if len(sids) == 1:
                extended[sids[0]] = components[root]
    seen = _seen(conn, extended)
    before: dict[str, Any] = {}
    wanted: dict[str, dict[str, Any]] = {}
    moved: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for entity_id, (_, components) in plans.items():
        facts = _component_facts(
            entity_id, components, old[entity_id], joins[entity_id], members, entries[entity_id], seen
        )
        if facts is None:
            full.append(entity_id)
            continue
        before.update({sid: old[entity_id][sid] for sids in joins[entity_id].values() for sid in sids})
        wanted.update(facts[0])
        moved.update(facts[1])
        renamed.update(facts[2])
    for entity_id, rows in lost.items():
        if entity_id not in full:  # a statement that lost occurrences is rewritten or goes
            before.update(rows)
    _write(conn, before, wanted, moved, renamed)
    return sorted(full)


def _take_apart(
    conn: Connection,
    entity_ids: list[str],
    entries: dict[str, list[Any]],
    old: dict[str, dict[str, Any]],
    added: dict[str, list[Any]],
) -> dict[str, dict[str, Any]]:
    """Treat the quotes of the *touched* statements as new: a statement of an entity that lost
    occurrences (its stored count exceeds the entity's quotes in it: a replaced or deleted
    article, a quote re-pointed to another entity) and a statement of another entity that quotes
    of this one still name (re-pointed here by resolution, a merge or split). Their quotes are
    appended to ``added``, their rows and entries taken out of ``old`` and ``entries`` (in
    place); returns the taken rows by entity (to rewrite or delete).

    Why this equals grouping from scratch: the quotes of a statement that stayed whole are still
    connected among themselves, and the only edges a surviving quote can have to another
    statement's quotes are to quotes that were not in a whole statement before (two whole
    statements were two components: no edge joins them). So the whole statements are kept and
    the taken-apart quotes are grouped with the new ones exactly as new quotes are."""
    q = t.quotes.c
    touched: dict[str, set[str]] = {}
    for entity_id in entity_ids:
        counts: dict[str, int] = defaultdict(int)
        for entry in entries[entity_id]:
            counts[entry.statement_id] += entry.n
        stored = old[entity_id]
        broken = {sid for sid in counts if sid not in stored}
        broken |= {sid for sid, row in stored.items() if row.occurrences != counts.get(sid, 0)}
        if broken:
            touched[entity_id] = broken
    for chunk in chunks(sorted({sid for sids in touched.values() for sid in sids})):
        for row in conn.execute(_occurrence_select().where(q.statement_id.in_(chunk), q.entity_id.in_(entity_ids))):
            if row.statement_id in touched.get(row.entity_id, ()):
                added[row.entity_id].append(row)
    lost: dict[str, dict[str, Any]] = {}
    for entity_id, sids in touched.items():
        lost[entity_id] = {sid: old[entity_id].pop(sid) for sid in sorted(sids) if sid in old[entity_id]}
        entries[entity_id] = [entry for entry in entries[entity_id] if entry.statement_id not in sids]
    return lost


def _seen(conn: Connection, extended: dict[str, list[Any]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Which (statement, article) and (statement, folded outlet) pairs of the new quotes
    ``extended`` (statement id -> the new occurrence rows joining it) the stored occurrences of
    the statement already hold: the distinct counts grow only by the others.

    Articles are looked up through the new quotes' articles (a few quotes each, an index);
    outlets in one query per 500 statements, reading only the statement index and the outlet
    of each occurrence's article (no Python row per occurrence)."""
    q, a = t.quotes.c, t.articles.c
    articles: set[tuple[str, str]] = set()
    wanted_articles = sorted({row.article_id for rows in extended.values() for row in rows})
    for chunk in chunks(wanted_articles):
        for row in conn.execute(
            select(q.statement_id, q.article_id).where(q.article_id.in_(chunk), q.statement_id.is_not(None)).distinct()
        ):
            if row.statement_id in extended:
                articles.add((row.statement_id, row.article_id))
    outlets: set[tuple[str, str]] = set()
    new_outlets = {sid: {_fold(row.source) for row in rows} - {""} for sid, rows in extended.items()}
    wanted_outlets = sorted({outlet for folds in new_outlets.values() for outlet in folds})
    for chunk in chunks(sorted(sid for sid, folds in new_outlets.items() if folds)):
        query = (
            select(q.statement_id, a.source_fold)
            .select_from(t.quotes.join(t.articles, a.id == q.article_id))
            .where(q.statement_id.in_(chunk), a.source_fold.in_(wanted_outlets))
            .distinct()
        )
        for row in conn.execute(query):
            if row.source_fold in new_outlets[row.statement_id]:
                outlets.add((row.statement_id, row.source_fold))
    return articles, outlets


@lru_cache(maxsize=4096)
def _fold_cached(source: str) -> str:
    return fold(source)


def _fold(source: str | None) -> str:
    """The folded outlet name the statement facts count (``""``: none)."""
    return _fold_cached(source) if source else ""


def _occurrence_select() -> Any:
    q, a = t.quotes.c, t.articles.c
    return select(
        q.id, q.entity_id, q.text, q.kind, q.language, q.article_id, q.statement_id, a.date_from, a.source
    ).select_from(t.quotes.join(t.articles, a.id == q.article_id))


def _plan_added(
    entity_id: str, entries: list[Any], old: dict[str, Any], added: list[Any]
) -> tuple[Callable[[str], str], dict[str, list[Any]]] | None:
    """How the new quotes ``added`` of one entity join its stored statements ``old`` (with the
    distinct stored ``entries``): a function from a stored statement id or new quote id to its
    component, and the new quotes by component; None when the entity lost or received grouped
    quotes (or has words that normalise to nothing)."""
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[entry.statement_id] += entry.n
    # every grouped quote in one of the entity's statements, and each statement still whole
    if any(sid not in old for sid in counts) or any(row.occurrences != counts.get(sid, 0) for sid, row in old.items()):
        return None
    sets = DisjointSets()
    find, union = sets.find, sets.union
    if not added:
        return find, {}
    norms = [_norm(row.text) for row in added]
    if not all(norms):
        return None
    # the matcher's exact candidate rule: a stored entry that shares too few words with every
    # new quote can match none of them
    vocabularies = [_vocabulary(norm) for norm in norms]
    candidates = [
        entry
        for entry in entries
        if any(share_enough_words(_vocabulary(_norm(entry.text)), words) for words in vocabularies)
    ]

    # edges among the new quotes: the matcher's relation on them alone (identical words in one
    # mode are one statement; other pairs pass the candidate rule, then the matcher), on the
    # remembered normalised words rather than through group_statements, which normalises again
    distinct: dict[tuple[str, str], str] = {}
    for row, norm in zip(added, norms, strict=True):
        same = distinct.setdefault((norm, mode_of(row.kind)), row.id)
        union(same, row.id)
    heads = set(distinct.values())
    firsts = [(row.id, _compared(row.text, row.kind)) for row in added if row.id in heads]
    for n, (one, words) in enumerate(firsts):
        for two, other in firsts[n + 1 :]:
            if find(one) != find(two) and same_compared(words, other, _PARAMS):
                union(one, two)
    # edges from a new quote to a stored entry (never between stored entries: those are known)
    for row, norm in zip(added, norms, strict=True):
        new = _compared(row.text, row.kind)
        for entry in candidates:
            if find(entry.statement_id) == find(row.id):
                continue
            entry_norm = _norm(entry.text)
            same_words = entry_norm == norm and mode_of(entry.kind) == mode_of(row.kind)
            if same_words or same_compared(new, _compared(entry.text, entry.kind), _PARAMS):
                union(entry.statement_id, row.id)
    components: dict[str, list[Any]] = defaultdict(list)
    for row in added:
        components[find(row.id)].append(row)
    return find, components


def _component_facts(
    entity_id: str,
    components: dict[str, list[Any]],
    old: dict[str, Any],
    joins: dict[str, list[str]],
    members: dict[str, list[Any]],
    entries: list[Any],
    seen: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> tuple[dict[str, dict[str, Any]], dict[str, str], dict[str, str]] | None:
    """The statement rows of the components (new occurrence rows each, joining the stored
    statements ``joins`` names by component), the new quotes to point at them, and the stored
    statements renamed (old id -> new id, when a longer new rendering changes the representative
    and so the content-hash id); None when two statements of the entity would share an id (only
    the full grouping decides)."""
    wanted: dict[str, dict[str, Any]] = {}
    moved: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for root, rows in components.items():
        sids = joins.get(root, [])
        if len(sids) == 1:
            facts = _extended_facts(old[sids[0]], rows, entries, seen)
            if facts is None:
                return None
        else:
            everyone = rows + [row for sid in sids for row in members[sid]]
            rep = min(everyone, key=_rep_key)
            facts = _facts(everyone, rep.text)
        sid = statement_id(entity_id, _norm(facts["text"]))
        if sid in wanted or (sid in old and sid not in sids):
            return None
        wanted[sid] = facts
        if len(sids) == 1:
            moved.update({row.id: sid for row in rows})
            if sids[0] != sid:
                renamed[sids[0]] = sid
        else:
            moved.update({row.id: sid for row in everyone if row.statement_id != sid})
    return wanted, moved, renamed


def _rep_key(row: Any) -> tuple[int, str, str]:
    """The representative occurrence is the least by this key: longest normalised words first."""
    return (-len(_norm(row.text)), _norm(row.text), row.id)


def _first_key(date: str | None, article_id: str, quote_id: str) -> tuple[bool, str, str, str]:
    """*First seen* is the least by this key: earliest date, undated last, then article, quote."""
    return (date is None, date or "", article_id, quote_id)


def _extended_facts(
    stored: Any, rows: list[Any], entries: list[Any], seen: tuple[set[tuple[str, str]], set[tuple[str, str]]]
) -> dict[str, Any] | None:
    """The facts of the stored statement row ``stored`` with the new occurrence rows ``rows``
    joined, from the stored facts alone — the same values :func:`_facts` gives over all the
    occurrences, at a cost that does not grow with the statement. ``entries`` (the entity's
    distinct stored words, with their least quote id) name the stored representative's quote:
    the least id among the occurrences with its exact words. None when they do not hold it."""
    sid = stored.id
    best = min(rows, key=_rep_key)
    stored_norm = _norm(stored.text)
    if (-len(_norm(best.text)), _norm(best.text)) == (-len(stored_norm), stored_norm):
        keys = [entry.key for entry in entries if entry.statement_id == sid and entry.text == stored.text]
        if not keys:
            return None
        new_rep = _rep_key(best) < (-len(stored_norm), stored_norm, min(keys))
    else:
        new_rep = _rep_key(best) < (-len(stored_norm), stored_norm, "")
    first = min(rows, key=lambda r: _first_key(r.date_from, r.article_id, r.id))
    stored_first = _first_key(stored.first_date, stored.first_article_id, stored.first_quote_id)
    new_first = _first_key(first.date_from, first.article_id, first.id) < stored_first
    dates = [r.date_from for r in rows if r.date_from] + ([stored.last_date] if stored.last_date else [])
    known_articles, known_outlets = seen
    return {
        "entity_id": stored.entity_id,
        "text": best.text if new_rep else stored.text,
        "mode": mode_of(best.kind) if new_rep else stored.mode,
        "language": best.language if new_rep else stored.language,
        "first_quote_id": first.id if new_first else stored.first_quote_id,
        "first_article_id": first.article_id if new_first else stored.first_article_id,
        "first_date": first.date_from if new_first else stored.first_date,
        "first_outlet": first.source if new_first else stored.first_outlet,
        "last_date": max(dates) if dates else None,
        "occurrences": stored.occurrences + len(rows),
        "articles": stored.articles + len({r.article_id for r in rows if (sid, r.article_id) not in known_articles}),
        "outlets": stored.outlets
        + len({_fold(r.source) for r in rows} - {""} - {o for s, o in known_outlets if s == sid}),
    }


def _regroup_chunk(conn: Connection, entity_ids: list[str]) -> None:
    s = t.statements
    rows = _occurrence_rows(conn, entity_ids)
    by_id = {row.id: row for row in rows}
    groups = group_statements(Occurrence(r.id, r.entity_id, r.text, r.kind) for r in rows)
    wanted: dict[str, dict[str, Any]] = {}
    assign: dict[str, str] = {}
    for group in groups:
        members = [by_id[key] for key in group.keys]
        wanted[group.id] = _facts(members, group.text)
        for key in group.keys:
            assign[key] = group.id
    old = {row.id: row for row in conn.execute(select(s).where(s.c.entity_id.in_(entity_ids)))}
    _write(conn, old, wanted, {qid: sid for qid, sid in assign.items() if by_id[qid].statement_id != sid})


def _write(
    conn: Connection,
    old: dict[str, Any],
    wanted: dict[str, dict[str, Any]],
    moved: dict[str, str],
    renamed: dict[str, str] | None = None,
) -> None:
    """Write the difference between the statement rows ``old`` and ``wanted`` (id -> facts),
    point the quotes of the statements ``renamed`` (old id -> new id) at the new id and the
    quotes ``moved`` (quote id -> statement id) at their statements."""
    s = t.statements
    gone = sorted(set(old) - set(wanted))
    for chunk in chunks(gone):
        conn.execute(delete(s).where(s.c.id.in_(chunk)))
    new = [{"id": sid, **facts} for sid, facts in sorted(wanted.items()) if sid not in old]
    changed = [
        {"sid": sid, **{f"b_{c}": facts[c] for c in _FACTS}}
        for sid, facts in sorted(wanted.items())
        if sid in old and tuple(getattr(old[sid], c) for c in _FACTS) != tuple(facts[c] for c in _FACTS)
    ]
    if new:
        conn.execute(s.insert(), new)
    if changed:
        conn.execute(
            update(s).where(s.c.id == bindparam("sid")).values({c: bindparam(f"b_{c}") for c in _FACTS}), changed
        )
    if renamed:
        conn.execute(
            update(t.quotes).where(t.quotes.c.statement_id == bindparam("was")).values(statement_id=bindparam("st")),
            [{"was": was, "st": sid} for was, sid in sorted(renamed.items())],
        )
    if moved:
        conn.execute(
            update(t.quotes).where(t.quotes.c.id == bindparam("qid")).values(statement_id=bindparam("st")),
            [{"qid": qid, "st": sid} for qid, sid in sorted(moved.items())],
        )


def backfill(conn: Connection) -> None:
    """Fill ``source_kind`` and the statements of a store written before revision 0006."""
    q, ae, r = t.quotes.c, t.article_entities.c, t.roles.c
    roles: dict[str, tuple[list[str | None], list[str | None]]] = defaultdict(lambda: ([], []))
    for role in conn.execute(select(r.article_entity_id, r.title, r.organization).order_by(r.article_entity_id, r.id)):
        roles[role.article_entity_id][0].append(role.title)
        roles[role.article_entity_id][1].append(role.organization)
    kinds = {ent.id: (ent.type, ent.name) for ent in conn.execute(select(ae.id, ae.type, ae.name))}
    updates = []
    for quote in conn.execute(select(q.id, q.article_entity_id, q.source_anonymity, q.language)):
        titles, orgs = roles.get(quote.article_entity_id or "", ([], []))
        etype, name = kinds.get(quote.article_entity_id or "", (None, None))
        kind = source_kind(titles, orgs, etype, name, quote.source_anonymity, quote.language)
        updates.append({"qid": quote.id, "b_kind": kind})
    for chunk in chunks(updates, 5000):
        conn.execute(update(t.quotes).where(q.id == bindparam("qid")).values(source_kind=bindparam("b_kind")), chunk)
    regroup(conn, conn.execute(select(q.entity_id).where(q.entity_id.is_not(None)).distinct()).scalars().all())

