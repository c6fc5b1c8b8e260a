"""Who speaks about whom: a weighted, directed graph over the stored statements.

An edge runs from a speaker to an entity that the speaker's quotes are about (``Quote.about``,
stored in ``quote_about``; the canonical entities are read through ``quotes.entity_id`` and
``article_entities.entity_id``, so merges and splits carry over). Its ``weight`` counts those
quotes (statements), ``article_count`` the articles they appear in, and ``stances`` the
stances of the quotes (issue 17: "3 demand, 1 denial"). Edges lighter than ``min_weight`` are
left out (counted in ``Graph.hidden``), and so are those beyond ``max_nodes`` and
``max_edges``. Unnamed groups ("Analysten") are local to their article and are no nodes,
except the entity a graph is centred on. Quotes stored before revision 0005 have
no ``about`` and draw no edge (ingest them again to fill it).

The counting happens in one grouped SQL query per graph (the same on SQLite and PostgreSQL);
a graph is built for one entity (its own edges, then the edges among its neighbours), for a
set of articles (e.g. search results) or for the whole store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from onrecord.errors import NotFoundError
from onrecord.model import STANCES, EntityType
from onrecord.storage import schema as t
from onrecord.storage.store import Store

__all__ = ["Graph", "GraphEdge", "GraphNode", "about_graph", "article_graph", "entity_graph"]

#: the stance counted for quotes stored without one (before revision 0005)
UNKNOWN = "unknown"
#: the most article ids an edge carries (newest first), for links
EDGE_ARTICLES = 5


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GraphNode(_Record):
    """An entity in the graph."""

    id: str
    name: str
    type: EntityType
    quotes: int = Field(description="quotes of this entity over the graph's scope (all its quotes for an entity)")
    spoke_about: int = Field(default=0, description="its statements about others in the graph's edges")
    quoted_about: int = Field(default=0, description="statements of others about it in the graph's edges")
    center: bool = False


class GraphEdge(_Record):
    """``source`` is quoted about ``target`` in ``weight`` statements (quotes)."""

    source: str
    target: str
    kind: Literal["about"] = "about"
    weight: int = Field(description="statements (quotes) of source about target")
    article_count: int = Field(description="articles those statements appear in")
    articles: list[str] = Field(description=f"up to {EDGE_ARTICLES} of those articles, newest first")
    stances: dict[str, int] = Field(default_factory=dict, description="statements per stance (issue 17)")


class Graph(_Record):
    """Nodes (the center first, then by statements) and edges (heaviest first)."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    min_weight: int = 1
    hidden: int = Field(
        default=0, description="edges of the scope not drawn: lighter than min_weight, or beyond max nodes and edges"
    )


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    weight: int
    articles: int
    stances: dict[str, int]


def entity_graph(store: Store, entity_id: str, min_weight: int = 1, max_nodes: int = 40, max_edges: int = 150) -> Graph:
    """Who ``entity_id`` speaks about and who speaks about it, and the edges among those entities."""
    with store.reading() as conn:
        if conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first() is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        entity_id = store.follow(conn, entity_id)
        own = _edges(conn, lambda q, ae: or_(q.c.entity_id == entity_id, ae.c.entity_id == entity_id), entity_id)
        neighbours = sorted({e.source for e in own} | {e.target for e in own} - {entity_id})
        among: list[_Edge] = []
        if neighbours:
            among = _edges(
                conn, lambda q, ae: and_(q.c.entity_id.in_(neighbours), ae.c.entity_id.in_(neighbours)), entity_id
            )
        return _graph(conn, own + among, None, entity_id, min_weight, max_nodes, max_edges)


def article_graph(
    store: Store,
    article_ids: Sequence[str],
    center: str | None = None,
    min_weight: int = 1,
    max_nodes: int = 40,
    max_edges: int = 150,
) -> Graph:
    """Who speaks about whom in the given articles."""
    ids = sorted(set(article_ids))
    if not ids:
        return Graph(nodes=[], edges=[], min_weight=min_weight)
    with store.reading() as conn:
        edges = _edges(conn, lambda q, ae: q.c.article_id.in_(ids), center)
        return _graph(conn, edges, ids, center, min_weight, max_nodes, max_edges)


def about_graph(store: Store, min_weight: int = 2, max_nodes: int = 40, max_edges: int = 150) -> Graph:
    """Who speaks about whom over the whole store (the heaviest edges)."""
    with store.reading() as conn:
        edges = _edges(conn, lambda q, ae: true(), None)
        return _graph(conn, edges, None, None, min_weight, max_nodes, max_edges)


# --------------------------------------------------------------------------- the query


def _edges(conn: Connection, scope: Any, center: str | None) -> list[_Edge]:
    """The edges of the quotes in ``scope`` (a function of the quotes and article-entities
    tables giving a condition), heaviest first."""
    q, qa, ae = t.quotes, t.quote_about, t.article_entities
    speaker, spoken_of = t.entities.alias("speaker"), t.entities.alias("spoken_of")
    shown = [speaker.c.type != "group", spoken_of.c.type != "group"]
    if center is not None:
        shown = [or_(shown[0], speaker.c.id == center), or_(shown[1], spoken_of.c.id == center)]
    weight = func.count(q.c.id.distinct())
    columns: list[ColumnElement[Any]] = [
        q.c.entity_id.label("source"),
        ae.c.entity_id.label("target"),
        weight.label("weight"),
        func.count(q.c.article_id.distinct()).label("articles"),
    ]
    for n, stance in enumerate((*STANCES, None)):
        matches = q.c.stance.is_(None) if stance is None else q.c.stance == stance
        columns.append(func.count(case((matches, q.c.id)).distinct()).label(f"s{n}"))
    query = (
        select(*columns)
        .select_from(
            qa.join(q, q.c.id == qa.c.quote_id)
            .join(ae, ae.c.id == qa.c.article_entity_id)
            .join(speaker, speaker.c.id == q.c.entity_id)
            .join(spoken_of, spoken_of.c.id == ae.c.entity_id)
        )
        .where(q.c.entity_id != ae.c.entity_id, scope(q, ae), *shown)
        .group_by(q.c.entity_id, ae.c.entity_id)
    )
    edges = []
    for row in conn.execute(query):
        counts = [getattr(row, f"s{n}") for n in range(len(STANCES) + 1)]
        stances = {name: c for name, c in zip((*STANCES, UNKNOWN), counts, strict=True) if c}
        edges.append(_Edge(row.source, row.target, row.weight, row.articles, dict(sorted(stances.items()))))
    return sorted(edges, key=_heaviest)


def _heaviest(edge: _Edge) -> tuple[int, int, str, str]:
    return (-edge.weight, -edge.articles, edge.source, edge.target)


def _graph(
    conn: Connection,
    edges: Iterable[_Edge],
    article_ids: Sequence[str] | None,
    center: str | None,
    min_weight: int,
    max_nodes: int,
    max_edges: int,
) -> Graph:
    """Nodes and edges from the counted edges: the nodes of the heaviest edges (the center's
    first), the edges among them of at least ``min_weight`` statements."""
    counted = sorted({(e.source, e.target): e for e in edges}.values(), key=_heaviest)
    said: dict[str, int] = defaultdict(int)
    heard: dict[str, int] = defaultdict(int)
    for edge in counted:
        said[edge.source] += edge.weight
        heard[edge.target] += edge.weight
    heavy = [e for e in counted if e.weight >= min_weight]
    keep = _strongest_nodes(heavy, center, max_nodes)
    shown = [e for e in heavy if e.source in keep and e.target in keep][:max_edges]
    keep = {center} if center else set()
    keep |= {e.source for e in shown} | {e.target for e in shown}
    names = _entities(conn, sorted(keep))
    quotes = _quote_counts(conn, sorted(names), article_ids)
    links = _edge_articles(conn, shown, article_ids)
    graph_edges = [
        GraphEdge(
            source=e.source,
            target=e.target,
            weight=e.weight,
            article_count=e.articles,
            articles=links.get((e.source, e.target), []),
            stances=e.stances,
        )  # fmt: skip
        for e in shown
    ]
    nodes = [
        GraphNode(
            id=node,
            name=names[node][0],
            type=names[node][1],
            quotes=quotes.get(node, 0),
            spoke_about=said[node],
            quoted_about=heard[node],
            center=node == center,
        )  # fmt: skip
        for node in sorted(names, key=lambda n: (n != center, -said[n] - heard[n], -quotes.get(n, 0), names[n][0], n))
    ]
    return Graph(nodes=nodes, edges=graph_edges, min_weight=min_weight, hidden=len(counted) - len(shown))


def _strongest_nodes(edges: list[_Edge], center: str | None, max_nodes: int) -> set[str]:
    """The center and the nodes of the heaviest edges (those touching the center first)."""
    keep: set[str] = {center} if center else set()
    ordered = sorted(edges, key=lambda e: (center not in (e.source, e.target), *_heaviest(e))) if center else edges
    for edge in ordered:
        for node in (edge.source, edge.target):
            if node not in keep and len(keep) >= max_nodes:
                return keep
            keep.add(node)
    return keep


def _entities(conn: Connection, ids: list[str]) -> dict[str, tuple[str, EntityType]]:
    """Name and type of each entity id."""
    if not ids:
        return {}
    rows = conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.type).where(t.entities.c.id.in_(ids)))
    return {row.id: (row.name, row.type) for row in rows}


def _quote_counts(conn: Connection, ids: list[str], article_ids: Sequence[str] | None) -> dict[str, int]:
    """Quotes of each entity (in the given articles, if any)."""
    if not ids:
        return {}
    q = t.quotes.c
    query = select(q.entity_id, func.count()).where(q.entity_id.in_(ids)).group_by(q.entity_id)
    if article_ids is not None:
        query = query.where(q.article_id.in_(list(article_ids)))
    return {entity: int(n) for entity, n in conn.execute(query)}


def _edge_articles(
    conn: Connection, edges: list[_Edge], article_ids: Sequence[str] | None
) -> dict[tuple[str, str], list[str]]:
    """Up to :data:`EDGE_ARTICLES` articles of each edge, newest first."""
    if not edges:
        return {}
    q, qa, ae = t.quotes, t.quote_about, t.article_entities
    sources = sorted({e.source for e in edges})
    targets = sorted({e.target for e in edges})
    wanted = {(e.source, e.target) for e in edges}
    query = (
        select(q.c.entity_id.label("source"), ae.c.entity_id.label("target"), q.c.article_id, q.c.date_from)
        .distinct()
        .select_from(qa.join(q, q.c.id == qa.c.quote_id).join(ae, ae.c.id == qa.c.article_entity_id))
        .where(q.c.entity_id.in_(sources), ae.c.entity_id.in_(targets))
    )
    if article_ids is not None:
        query = query.where(q.c.article_id.in_(list(article_ids)))
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in conn.execute(query):
        if (row.source, row.target) in wanted:
            found[(row.source, row.target)].append((row.date_from or "", row.article_id))
    out: dict[tuple[str, str], list[str]] = {}
    for key, pairs in found.items():
        newest = sorted(set(pairs), key=lambda p: (p[0] == "", _descending(p[0]), p[1]))
        out[key] = list(dict.fromkeys(article for _, article in newest))[:EDGE_ARTICLES]
    return out


def _descending(text: str) -> tuple[int, ...]:
    """A sort key that orders strings from the largest to the smallest."""
    return tuple(-ord(char) for char in text) + (0,)
