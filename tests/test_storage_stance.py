"""Stance, negation, anonymity and ``about`` in the knowledge base (issue 17): stored on ingest,
filtered, counted, exported — on SQLite, and on PostgreSQL when ``ONRECORD_TEST_POSTGRES`` is set.

The analyses are built by hand (original sentences, offsets computed here), so these tests
check storage alone, independent of what the extractors find.
"""

# ruff: noqa: E501  (hand-built analyses read best one quote per line)
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.model import Analysis, Entity, Mention, Meta, Quote, Span
from onrecord.storage import QuoteFilter, Store, open_store
from onrecord.storage.corrections import merge_entities
from onrecord.storage.export import export_analyses, export_quotes_csv
from onrecord.storage.queries import count_quotes, find_entities, list_quotes

TEXT = (
    "Die Ministerin Eva Brandt bestritt, dass Nordwerk Waffen an Karsten Ohl geliefert habe. "
    "Ein Beamter, der nicht genannt werden wollte, sagte nicht, ob Ohl gezahlt habe. "
    "Analysten erwarten, dass Nordwerk im Mai liefern wird."
)


def _span(part: str, nth: int = 0) -> Span:
    begin = -1
    for _ in range(nth + 1):
        begin = TEXT.index(part, begin + 1)
    return begin, begin + len(part)


def _quote(n: int, words: str, cue: str, speaker: str, entity: str, **fields: object) -> Quote:
    return Quote(
        id=f"q{n}", kind="indirect", text=words, spans=[_span(words)], cue=Mention(text=cue, spans=[_span(cue)]),
        speaker=Mention(text=speaker, spans=[_span(speaker)]), entity=entity, confidence=0.9, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def _analysis(article_id: str = "stance-1") -> Analysis:
    entities = [
        Entity(id="e1", name="Eva Brandt", type="person", mentions=[_span("Die Ministerin Eva Brandt")]),
        Entity(id="e2", name="Nordwerk", type="organization", mentions=[_span("Nordwerk"), _span("Nordwerk", 1)]),
        Entity(id="e3", name="Karsten Ohl", type="person", mentions=[_span("Karsten Ohl"), _span("Ohl", 1)]),
        Entity(id="e4", name="Beamter", type="person", mentions=[_span("Ein Beamter")]),
        Entity(id="e5", name="Analysten", type="group", mentions=[_span("Analysten")]),
    ]
    quotes = [
        _quote(1, "dass Nordwerk Waffen an Karsten Ohl geliefert habe", "bestritt", "Die Ministerin Eva Brandt", "e1",
               stance="denial", source_anonymity="named", about=["e2", "e3"]),
        _quote(2, "ob Ohl gezahlt habe", "sagte nicht", "Ein Beamter", "e4",
               stance="question", negated=True, source_anonymity="anonymous", about=["e3"]),
        _quote(3, "dass Nordwerk im Mai liefern wird", "erwarten", "Analysten", "e5",
               stance="prediction", source_anonymity="unnamed", about=["e2"]),
    ]  # fmt: skip
    return Analysis(
        id=article_id, language="de", meta=Meta(published="2026-11-02", source="Testblatt"), text=TEXT,
        quotes=quotes, entities=entities,
    )  # fmt: skip


@pytest.fixture
def store(db_url: str) -> Store:
    store = open_store(db_url)
    assert store.put(_analysis()) == "added"
    yield store  # type: ignore[misc]
    store.close()


def _entity(store: Store, name: str) -> str:
    return find_entities(store, name)[0].id


def test_stance_fields_round_trip(store: Store) -> None:
    quotes = list_quotes(store, QuoteFilter(article_id="stance-1"))
    assert [(q.stance, q.negated, q.source_anonymity) for q in quotes] == [
        ("denial", False, "named"),
        ("question", True, "anonymous"),
        ("prediction", False, "unnamed"),
    ]
    assert [[ref.name for ref in q.about] for q in quotes] == [
        ["Nordwerk", "Karsten Ohl"],
        ["Karsten Ohl"],
        ["Nordwerk"],
    ]
    assert quotes[0].about[0].id == _entity(store, "Nordwerk")


@pytest.mark.parametrize(
    ("flt", "texts"),
    [
        (QuoteFilter(stance="denial"), ["dass Nordwerk Waffen an Karsten Ohl geliefert habe"]),
        (QuoteFilter(anonymity="anonymous"), ["ob Ohl gezahlt habe"]),
        (QuoteFilter(negated=True), ["ob Ohl gezahlt habe"]),
        (QuoteFilter(negated=False, stance="prediction"), ["dass Nordwerk im Mai liefern wird"]),
        (QuoteFilter(stance="hedged"), []),
    ],
)
def test_filters_by_stance_anonymity_and_negation(store: Store, flt: QuoteFilter, texts: list[str]) -> None:
    assert [q.text for q in list_quotes(store, flt)] == texts
    assert count_quotes(store, flt) == len(texts)


def test_filter_by_the_entity_a_quote_is_about_follows_merges(store: Store) -> None:
    ohl, nordwerk = _entity(store, "Karsten Ohl"), _entity(store, "Nordwerk")
    about_ohl = list_quotes(store, QuoteFilter(about_entity=ohl))
    assert [q.stance for q in about_ohl] == ["denial", "question"]
    assert count_quotes(store, QuoteFilter(about_entity=nordwerk, stance="prediction")) == 1
    merge_entities(store, ohl, nordwerk)  # a (wrong, but possible) correction: Ohl joins Nordwerk
    assert count_quotes(store, QuoteFilter(about_entity=nordwerk)) == 3
    assert count_quotes(store, QuoteFilter(about_entity=ohl)) == 0
    first = list_quotes(store, QuoteFilter(stance="denial"))[0]
    assert [ref.id for ref in first.about] == [nordwerk]  # one entity now, listed once


def test_stats_count_stances_and_sources(store: Store) -> None:
    stats = store.stats()
    assert stats.stances == {"denial": 1, "prediction": 1, "question": 1}
    assert stats.anonymity == {"anonymous": 1, "named": 1, "unnamed": 1}
    assert stats.negated == 1


def test_replacing_an_article_replaces_its_about_rows(store: Store) -> None:
    changed = _analysis()
    changed.quotes[0] = changed.quotes[0].model_copy(update={"about": ["e3"], "stance": "asserted"})
    assert store.put(changed) == "replaced"
    quotes = list_quotes(store, QuoteFilter(article_id="stance-1"))
    assert [[ref.name for ref in q.about] for q in quotes][0] == ["Karsten Ohl"]
    assert count_quotes(store, QuoteFilter(about_entity=_entity(store, "Nordwerk"))) == 1
    store.delete_article("stance-1")
    assert store.stats().stances == {}


def test_exports_carry_the_fields(store: Store) -> None:
    stream = io.StringIO()
    export_quotes_csv(store, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [(r["stance"], r["source_anonymity"]) for r in rows] == [
        ("denial", "named"), ("question", "anonymous"), ("prediction", "unnamed"),
    ]  # fmt: skip
    assert rows[0]["about"] == f"{_entity(store, 'Nordwerk')} {_entity(store, 'Karsten Ohl')}"
    assert rows[1]["negated"] in {"True", "1", "true"}
    stream = io.StringIO()
    export_analyses(store, stream)
    assert Analysis.model_validate(json.loads(stream.getvalue())) == _analysis()


def test_followthemoney_statements_and_about_links(store: Store) -> None:
    pytest.importorskip("followthemoney", reason="the ftm extra is not installed")
    from onrecord.storage.export import iter_ftm

    proxies = list(iter_ftm(store))
    docs = [p for p in proxies if p.schema.name == "Documentation"]
    # the group "Analysten" is not exported (FtM has no schema for it), so neither is its quote
    assert sorted(p.first("status") or "" for p in docs) == ["denial", "question, negated"]
    links = sorted((p.first("status"), p.first("object")) for p in proxies if p.schema.name == "UnknownLink")
    ohl, nordwerk = f"onrecord-{_entity(store, 'Karsten Ohl')}", f"onrecord-{_entity(store, 'Nordwerk')}"
    assert links == sorted([("denial", nordwerk), ("denial", ohl), ("question", ohl)])


def test_a_store_from_before_0005_is_migrated_with_unknown_stances(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from onrecord.storage import engine as engines

    engine = engines.connect(db_url)
    config = engines._alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, fingerprint, language, text, words, analysis, extractor,"
                " extractor_version, ingested_at) VALUES ('a1', 'f', 'de', 'Text', 1, '{}', 'x', '1', 'now')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO quotes (id, article_id, local_id, position, kind, language, text, spans, confidence)"
                " VALUES ('Q1', 'a1', 'q1', 0, 'direct', 'de', '„Wort“', '[[0,6]]', 0.9)"
            )
        )
    engine.dispose()
    with open_store(db_url) as store:
        assert store.stats().stances == {"unknown": 1}
        (quote,) = list_quotes(store)
        assert (quote.stance, quote.negated, quote.about) == (None, None, [])
        assert store.put(_analysis()) == "added"
        assert count_quotes(store, QuoteFilter(stance="denial")) == 1


def test_cli_filters_and_stats(tmp_path: Path) -> None:
    from onrecord.cli import app

    db = str(tmp_path / "kb.db")
    with open_store(db) as store:
        store.put(_analysis())
        ohl = _entity(store, "Karsten Ohl")

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": "200"})
        return result.exit_code, result.output

    code, output = run("quotes", "--anonymous", "--format", "json")
    assert code == 0 and [q["text"] for q in json.loads(output)] == ["ob Ohl gezahlt habe"]
    code, output = run("quotes", "--stance", "denial", "--about-entity", ohl, "--format", "jsonl")
    assert code == 0 and [json.loads(line)["stance"] for line in output.splitlines()] == ["denial"]
    code, output = run("quotes", "--negated", "--format", "csv")
    assert code == 0 and [r["stance"] for r in csv.DictReader(io.StringIO(output))] == ["question"]
    code, output = run("quotes", "--stance", "sure")
    assert code == 2 and "stance" in output
    code, output = run("stats")
    assert code == 0 and "denial 1" in output and "anonymous 1" in output and "negated statements: 1" in output


# --------------------------------------------------------------------------- API and web pages


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings

    store = open_store(str(tmp_path / "kb.db"))
    store.put(_analysis())
    with TestClient(create_app(ServerSettings(), store=store), base_url="http://127.0.0.1") as client:
        yield client
    store.close()


def test_api_quote_filters(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/quotes", params={"stance": "question", "negated": "true"}).json()
    assert [(q["text"], q["source_anonymity"]) for q in page["items"]] == [("ob Ohl gezahlt habe", "anonymous")]
    ohl = page["items"][0]["about"][0]["id"]
    page = client.get("/api/quotes", params={"about_entity": ohl}).json()
    assert page["total"] == 2 and [q["stance"] for q in page["items"]] == ["denial", "question"]
    assert client.get("/api/quotes", params={"stance": "sure"}).status_code == 422
    assert client.get("/api/stats").json()["stances"] == {"denial": 1, "prediction": 1, "question": 1}


def test_article_view_marks_each_statement_and_search_filters_by_stance(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/articles/stance-1").text
    assert html.count('class="stance st-') == 3 and "question, negated" in html and "anonymous source" in html
    html = client.get("/search", params={"stance": "denial"}).text
    assert "1 statement" in html and "Karsten Ohl geliefert habe" in html and "gezahlt" not in html
    html = client.get("/search", params={"anonymity": "unnamed"}).text
    assert "im Mai liefern" in html and "geliefert habe" not in html


def test_graph_about_edges_come_from_about_with_their_stance(store: Store) -> None:
    from onrecord.storage.graph import article_graph

    brandt, ohl, nordwerk = (_entity(store, n) for n in ("Eva Brandt", "Karsten Ohl", "Nordwerk"))
    beamter = _entity(store, "Beamter")
    about = {(e.source, e.target): e.stances for e in article_graph(store, ["stance-1"]).edges if e.kind == "about"}
    # the group "Analysten" is no node, so its quote about Nordwerk makes no edge
    assert about == {
        (brandt, nordwerk): {"denial": 1}, (brandt, ohl): {"denial": 1}, (beamter, ohl): {"question": 1},
    }  # fmt: skip
    changed = _analysis()
    changed.quotes[0] = changed.quotes[0].model_copy(update={"about": ["e3"]})
    store.put(changed)  # the edges follow ``about``, not the mention spans
    about = {(e.source, e.target) for e in article_graph(store, ["stance-1"]).edges if e.kind == "about"}
    assert about == {(brandt, ohl), (beamter, ohl)}
