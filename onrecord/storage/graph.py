"""Who is quoted about whom, and who is quoted together: a graph over stored articles.

An **about** edge runs from a speaker to an entity one of the speaker's quotes is about
(``Quote.about``, stored in ``quote_about``; for quotes stored before that existed: an entity
mentioned inside the words), with the stances of those quotes counted on the edge. A
**together** edge joins two speakers quoted in the same article. Weights count articles. The
graph is built for one entity (the articles it is quoted or mentioned in) or for any set of
articles (e.g. search results).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import or_, select, union

from onrecord.errors import NotFoundError
from onrecord.model import EntityType, Span
from onrecord.storage import schema as t
from onrecord.storage.facts import loads_spans
from onrecord.storage.store import Store

__all__ = ["Graph", "GraphEdge", "GraphNode", "article_graph", "entity_graph"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GraphNode(_Record):
    """An entity in the graph."""

    id: str
    name: str
    type: EntityType
    quotes: int
    center: bool = False


class GraphEdge(_Record):
    """``about``: source quoted about target; ``together``: both quoted in the same articles."""

    source: str
    target: str
    kind: Literal["about", "together"]
    weight: int
    articles: list[str]
    stances: dict[str, int] = Field(default_factory=dict, description="about: quotes per stance (issue 17)")


class Graph(_Record):
    """Nodes and edges, strongest first."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


def entity_graph(store: Store, entity_id: str, max_articles: int = 300, max_nodes: int = 40) -> Graph:
    """The graph around one entity, over the newest articles it is quoted or mentioned in."""
    with store.reading() as conn:
        if conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first() is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        entity_id = store.follow(conn, entity_id)
        ids = union(
            select(t.quotes.c.article_id).where(t.quotes.c.entity_id == entity_id),
            select(t.article_entities.c.article_id).where(t.article_entities.c.entity_id == entity_id),
        ).subquery()
        articles = (
            conn.execute(
                select(t.articles.c.id)
                .where(t.articles.c.id.in_(select(ids.c.article_id)))
                .order_by(t.articles.c.date_from.desc().nulls_last(), t.articles.c.id)
                .limit(max_articles)
            )
            .scalars()
            .all()
        )
    return article_graph(store, list(articles), center=entity_id, max_nodes=max_nodes)


def article_graph(store: Store, article_ids: Sequence[str], center: str | None = None, max_nodes: int = 40) -> Graph:
    """The graph of the given articles; with ``center``, only edges touching its neighbourhood."""
    about: dict[tuple[str, str], set[str]] = defaultdict(set)
    stances: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    together: dict[tuple[str, str], set[str]] = defaultdict(set)
    quote_counts: Counter[str] = Counter()
    with store.reading() as conn:
        quotes = conn.execute(
            select(t.quotes.c.id, t.quotes.c.article_id, t.quotes.c.entity_id, t.quotes.c.spans, t.quotes.c.stance)
            .where(t.quotes.c.article_id.in_(list(article_ids)), t.quotes.c.entity_id.is_not(None))
            .order_by(t.quotes.c.article_id, t.quotes.c.position)
        ).all()
        qa, ae = t.quote_about, t.article_entities
        about_rows = conn.execute(
            select(qa.c.quote_id, ae.c.entity_id)
            .select_from(qa.join(ae, ae.c.id == qa.c.article_entity_id))
            .where(qa.c.article_id.in_(list(article_ids)))
            .order_by(qa.c.quote_id, qa.c.position)
        ).all()
        mentions = conn.execute(
            select(t.article_entities.c.article_id, t.article_entities.c.entity_id, t.article_entities.c.mentions)
            .where(t.article_entities.c.article_id.in_(list(article_ids)))
            .where(t.article_entities.c.type != "group")
        ).all()
        # groups ("Analysten") are left out as nodes, except the entity the graph is centred on
        shown = t.entities.c.type != "group"
        if center is not None:
            shown = or_(shown, t.entities.c.id == center)
        entities = {
            row.id: row
            for row in conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.type).where(shown))
        }
    mentioned: dict[str, list[tuple[str, list[Span]]]] = defaultdict(list)
    for row in mentions:
        mentioned[row.article_id].append((row.entity_id, loads_spans(row.mentions)))
    quote_about: dict[str, list[str]] = defaultdict(list)
    for qrow in about_rows:
        quote_about[qrow.quote_id].append(qrow.entity_id)
    speakers: dict[str, set[str]] = defaultdict(set)
    for quote in quotes:
        if quote.entity_id not in entities:
            continue
        quote_counts[quote.entity_id] += 1
        speakers[quote.article_id].add(quote.entity_id)
        if quote.stance is not None:  # stored with its ``about``
            targets = list(dict.fromkeys(quote_about.get(quote.id, [])))
        else:  # stored before revision 0005: entities mentioned inside the words
            spans = loads_spans(quote.spans)
            targets = [other for other, other_spans in mentioned[quote.article_id] if _inside(other_spans, spans)]
        for other in targets:
            if other != quote.entity_id and other in entities:
                about[(quote.entity_id, other)].add(quote.article_id)
                stances[(quote.entity_id, other)][quote.stance or "unknown"] += 1
    for article, people in speakers.items():
        for a, b in combinations(sorted(people), 2):
            together[(a, b)].add(article)

    edges = [
        GraphEdge(
            source=s, target=o, kind="about", weight=len(arts), articles=sorted(arts)[:5],
            stances=dict(sorted(stances[(s, o)].items())),
        )  # fmt: skip
        for (s, o), arts in about.items()
    ] + [
        GraphEdge(source=a, target=b, kind="together", weight=len(arts), articles=sorted(arts)[:5])
        for (a, b), arts in together.items()
    ]
    edges.sort(key=lambda e: (-e.weight, e.kind, e.source, e.target))
    keep = _strongest_nodes(edges, center, max_nodes)
    edges = [e for e in edges if e.source in keep and e.target in keep]
    nodes = [
        GraphNode(
            id=node,
            name=entities[node].name,
            type=entities[node].type,
            quotes=quote_counts[node],
            center=node == center,
        )
        for node in sorted(keep & entities.keys(), key=lambda n: (n != center, -quote_counts[n], entities[n].name))
    ]
    return Graph(nodes=nodes, edges=edges)


def _inside(mention_spans: list[Span], quote_spans: list[Span]) -> bool:
    """Whether any mention lies within any quote span."""
    return any(qb <= mb and me <= qe for mb, me in mention_spans for qb, qe in quote_spans)


def _strongest_nodes(edges: list[GraphEdge], center: str | None, max_nodes: int) -> set[str]:
    """The center and the nodes of the strongest edges (touching the center first)."""
    keep: set[str] = {center} if center else set()
    ordered = sorted(edges, key=lambda e: (center not in (e.source, e.target), -e.weight)) if center else edges
    for edge in ordered:
        for node in (edge.source, edge.target):
            if len(keep) >= max_nodes:
                return keep
            keep.add(node)
    return keep
