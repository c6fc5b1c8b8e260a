"""Who speaks about whom (issue 18.3, issue 17.5): the graph's edges run from a speaker to the
entities their quotes are about, weighted by statements, with the stance mix on the edge —
on SQLite, and on PostgreSQL when ``ONRECORD_TEST_POSTGRES`` is set.

The analyses are built by hand from sentences written for these tests (offsets computed here),
so the tests check the storage query alone, independent of what the extractors find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from onrecord.model import Analysis, Entity, EntityType, Mention, Meta, Quote
from onrecord.storage import Store, open_store
from onrecord.storage.corrections import merge_entities
from onrecord.storage.graph import Graph, about_graph, article_graph, entity_graph
from onrecord.storage.queries import find_entities


@dataclass(frozen=True)
class Said:
    """One sentence: ``speaker cue, words.`` with the names the words are about."""

    speaker: str
    cue: str
    words: str
    about: tuple[str, ...] = ()
    stance: str = "asserted"


TYPES: dict[str, EntityType] = {
    "Lena Fuchs": "person", "Timo Brack": "person", "Hafenwerk": "organization", "Experten": "group",
    "Jana Ruh": "person", "Ole Pfeil": "person", "Kiel": "location", "J. Ruh": "person",
}  # fmt: skip


def _article(article_id: str, published: str, sentences: Sequence[Said]) -> Analysis:
    """An analysis of the sentences, with one entity per name (mentions found in the text)."""
    text, quotes = "", []
    for n, said in enumerate(sentences):
        start = len(text) + (1 if text else 0)
        text += (" " if text else "") + f"{said.speaker} {said.cue}, {said.words}."
        cue_at = start + len(said.speaker) + 1
        words_at = cue_at + len(said.cue) + 2
        quotes.append((n, said, start, cue_at, words_at))
    names = sorted({s.speaker for s in sentences} | {name for s in sentences for name in s.about})
    local = {name: f"e{i}" for i, name in enumerate(names)}
    entities = [
        Entity(id=local[name], name=name, type=TYPES[name], mentions=[m.span() for m in re.finditer(name, text)])
        for name in names
    ]
    built = [
        Quote(
            id=f"q{n}",
            kind="indirect",
            text=said.words,
            spans=[(words_at, words_at + len(said.words))],
            cue=Mention(text=said.cue, spans=[(cue_at, cue_at + len(said.cue))]),
            speaker=Mention(text=said.speaker, spans=[(start, start + len(said.speaker))]),
            entity=local[said.speaker],
            confidence=0.9,
            stance=said.stance,
            source_anonymity="named",  # type: ignore[arg-type]
            about=[local[name] for name in said.about],
        )  # fmt: skip
        for n, said, start, cue_at, words_at in quotes
    ]
    meta = Meta(published=published, source="Testblatt")
    return Analysis(id=article_id, language="de", meta=meta, text=text, quotes=built, entities=entities)


ARTICLES = [
    _article("g-1", "2026-10-01", [
        Said("Lena Fuchs", "sagte", "dass Hafenwerk die Frist einhalten müsse", ("Hafenwerk",)),
        Said("Timo Brack", "forderte", "dass Lena Fuchs zurücktrete", ("Lena Fuchs",), "demand"),
    ]),
    _article("g-2", "2026-10-03", [
        Said("Lena Fuchs", "bestritt", "dass Hafenwerk Geld erhalten habe", ("Hafenwerk",), "denial"),
        Said("Timo Brack", "sagte", "er habe dazu keine Meinung"),
    ]),
    _article("g-3", "2026-10-05", [
        Said("Lena Fuchs", "forderte", "dass Hafenwerk die Löhne zahle", ("Hafenwerk",), "demand"),
        Said("Experten", "meinten", "dass Hafenwerk wachse", ("Hafenwerk",), "belief"),
    ]),
    _article("g-4", "2026-10-07", [
        Said("Jana Ruh", "sagte", "dass Ole Pfeil in Kiel bleibe", ("Ole Pfeil", "Kiel")),
        Said("Ole Pfeil", "sagte", "dass Kiel schön sei", ("Kiel",)),
    ]),
]  # fmt: skip


@pytest.fixture
def store(db_url: str) -> Store:
    store = open_store(db_url)
    assert store.put_many([(analysis, None) for analysis in ARTICLES]) == ["added"] * len(ARTICLES)
    yield store  # type: ignore[misc]
    store.close()


def _id(store: Store, name: str) -> str:
    return find_entities(store, name)[0].id


def _edges(graph: Graph) -> dict[tuple[str, str], tuple[int, int, dict[str, int]]]:
    names = {node.id: node.name for node in graph.nodes}
    return {(names[e.source], names[e.target]): (e.weight, e.article_count, e.stances) for e in graph.edges}


def test_edges_count_statements_across_articles_with_their_stances(store: Store) -> None:
    graph = article_graph(store, ["g-1", "g-2", "g-3"])
    assert _edges(graph) == {
        ("Lena Fuchs", "Hafenwerk"): (3, 3, {"asserted": 1, "demand": 1, "denial": 1}),
        ("Timo Brack", "Lena Fuchs"): (1, 1, {"demand": 1}),
    }
    # no "quoted together" clique: Brack and Fuchs share two articles, Brack spoke about her once
    assert {e.kind for e in graph.edges} == {"about"}
    fuchs_hafenwerk = graph.edges[0]
    assert fuchs_hafenwerk.articles == ["g-3", "g-2", "g-1"]  # newest first
    # the group "Experten" is local to its article: no node, no edge
    assert "Experten" not in {node.name for node in graph.nodes}
    nodes = {node.name: (node.quotes, node.spoke_about, node.quoted_about) for node in graph.nodes}
    # Brack has two quotes in these articles, one of them about Fuchs
    assert nodes == {"Lena Fuchs": (3, 3, 1), "Hafenwerk": (0, 0, 3), "Timo Brack": (2, 1, 0)}
    assert [node.name for node in graph.nodes][0] == "Lena Fuchs"  # most statements first


def test_minimum_weight_leaves_out_lighter_edges_and_counts_them(store: Store) -> None:
    graph = article_graph(store, ["g-1", "g-2", "g-3"], min_weight=2)
    assert _edges(graph) == {("Lena Fuchs", "Hafenwerk"): (3, 3, {"asserted": 1, "demand": 1, "denial": 1})}
    assert graph.min_weight == 2 and graph.hidden == 1  # Brack → Fuchs
    assert article_graph(store, ["g-1", "g-2", "g-3"], min_weight=4).edges == []


def test_the_store_graph_keeps_the_heaviest_edges(store: Store) -> None:
    assert set(_edges(about_graph(store))) == {("Lena Fuchs", "Hafenwerk")}  # at least two statements
    assert set(_edges(about_graph(store, min_weight=1))) == {
        ("Lena Fuchs", "Hafenwerk"), ("Timo Brack", "Lena Fuchs"), ("Jana Ruh", "Ole Pfeil"),
        ("Jana Ruh", "Kiel"), ("Ole Pfeil", "Kiel"),
    }  # fmt: skip
    small = about_graph(store, min_weight=1, max_nodes=2)
    assert set(_edges(small)) == {("Lena Fuchs", "Hafenwerk")}


def test_entity_graph_has_its_edges_and_those_among_its_neighbours(store: Store) -> None:
    ruh = _id(store, "Jana Ruh")
    graph = entity_graph(store, ruh)
    assert graph.nodes[0].id == ruh and graph.nodes[0].center
    # Ruh spoke about Pfeil and Kiel; Pfeil about Kiel (among the neighbours); Fuchs is elsewhere
    assert set(_edges(graph)) == {("Jana Ruh", "Ole Pfeil"), ("Jana Ruh", "Kiel"), ("Ole Pfeil", "Kiel")}
    fuchs = entity_graph(store, _id(store, "Lena Fuchs"))
    assert set(_edges(fuchs)) == {("Lena Fuchs", "Hafenwerk"), ("Timo Brack", "Lena Fuchs")}  # out and in


def test_a_merge_adds_up_the_edges_of_both_entities(store: Store) -> None:
    assert store.put(_article("g-5", "2026-10-09", [Said("J. Ruh", "sagte", "dass Kiel wachse", ("Kiel",))])) == "added"
    ruh, alias = _id(store, "Jana Ruh"), _id(store, "J. Ruh")
    assert ruh != alias
    merge_entities(store, alias, ruh)
    graph = entity_graph(store, alias)  # the merged id leads to the surviving entity
    assert graph.nodes[0].id == ruh
    assert _edges(graph)[("Jana Ruh", "Kiel")] == (2, 2, {"asserted": 2})


def _named(graph: Graph) -> list[object]:
    """The graph with names for ids (entity ids may depend on which article came first)."""
    names = {node.id: node.name for node in graph.nodes}
    nodes = [(n.name, n.type, n.quotes, n.spoke_about, n.quoted_about) for n in graph.nodes]
    edges = [(names[e.source], names[e.target], e.weight, e.article_count, e.articles, e.stances) for e in graph.edges]
    return [nodes, edges, graph.hidden]


def test_the_graph_does_not_depend_on_the_order_of_ingest(store: Store) -> None:
    forward = _named(about_graph(store, min_weight=1))
    for analysis in ARTICLES:
        store.delete_article(analysis.id)
    assert about_graph(store, min_weight=1).edges == []
    for analysis in reversed(ARTICLES):
        store.put(analysis)
    assert _named(about_graph(store, min_weight=1)) == forward


def test_unknown_entity_is_not_found(store: Store) -> None:
    from onrecord.errors import NotFoundError

    with pytest.raises(NotFoundError):
        entity_graph(store, "Enope")
    assert article_graph(store, []).nodes == []
