"""The JSON API over a real store: analyse, ingest, queries, corrections, errors, limits, tokens."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.api.app import create_app
from onrecord.api.settings import ServerSettings, is_loopback
from onrecord.ingest import iter_articles
from onrecord.model import Analysis, Article
from onrecord.storage import ingest, open_store

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"
SAMPLE_DE = Path(__file__).parents[1] / "onrecord" / "samples" / "sample-de.txt"
TOKEN = "s3cret-token"
LOCAL = "http://127.0.0.1:8000"  # the host a browser names on loopback (TestClient says "testserver")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "kb.db")
    with open_store(path) as store:
        report = ingest(store, iter_articles([CORPUS, SAMPLE_DE]))
        assert report.added == 5
    return path


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db=db)), base_url=LOCAL) as client:
        yield client


@pytest.fixture
def public(tmp_path: Path) -> Iterator[TestClient]:
    """A server configured as listening beyond loopback, with a token, over a fresh store."""
    settings = ServerSettings(db=str(tmp_path / "public.db"), host="0.0.0.0", token=TOKEN)
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        yield client


def _error(response: object) -> str:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code  # type: ignore[attr-defined]
    return str(body["error"]["message"])


# --------------------------------------------------------------------------- analyse


def test_analyze_text_returns_the_contract(client: TestClient) -> None:
    text = "„Wir geben nicht auf“, sagte die Ministerin Petra Albers am Montag in Berlin."
    response = client.post("/api/analyze", json={"text": text, "lang": "de"})
    assert response.status_code == 200
    analysis = Analysis.model_validate(response.json())
    assert response.json()["schema"] == "onrecord.analysis/1"
    assert analysis.quotes[0].text == "„Wir geben nicht auf“"
    names = {e.id: e.name for e in analysis.entities}
    assert names[analysis.quotes[0].entity or ""] == "Petra Albers"


def test_analyze_html_page(client: TestClient) -> None:
    html = (
        "<html><head><title>Streit im Rat</title></head><body><article><h1>Streit im Rat</h1>"
        "<p>„Das ist ein schwarzer Tag für die Stadt“, sagte Bürgermeister Jens Hoffmann am Dienstag. "
        "Die Fraktionen hätten monatelang verhandelt, erklärte er nach der Sitzung im Rathaus.</p>"
        "</article></body></html>"
    )
    response = client.post("/api/analyze", json={"text": html, "format": "html"})
    assert response.status_code == 200, response.text
    analysis = Analysis.model_validate(response.json())
    assert analysis.language == "de" and any("schwarzer Tag" in q.text for q in analysis.quotes)


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({}, 422, "text"),
        ({"text": "   "}, 422, "text"),
        ({"text": "<p>x</p>", "format": "pdf"}, 422, "format"),
        ({"text": "Bonjour", "lang": "fr"}, 422, "lang"),
        ({"text": 42}, 422, "text"),
        ({"text": "Hallo", "extra": 1}, 422, "extra"),
    ],
)
def test_analyze_refuses_bad_bodies(client: TestClient, body: dict[str, object], code: int, message: str) -> None:
    response = client.post("/api/analyze", json=body)
    assert response.status_code == code
    assert message in _error(response)


def test_unsupported_language_is_422(client: TestClient) -> None:
    text = "Le conseil municipal a reporté mardi le vote sur la hausse des tarifs des bus de la ville."
    response = client.post("/api/analyze", json={"text": text})
    assert response.status_code == 422 and "unsupported language" in _error(response)


def test_request_size_is_limited(db: str) -> None:
    with TestClient(create_app(ServerSettings(db=db, max_body_bytes=1000)), base_url=LOCAL) as small:
        response = small.post("/api/analyze", json={"text": "Wort " * 500})
        assert response.status_code == 413 and "too large" in _error(response)
        chunks = (b'{"text": "' + b"a" * 600, b"a" * 600 + b'"}')
        streamed = small.post("/api/analyze", content=iter(chunks), headers={"content-type": "application/json"})
        assert streamed.status_code == 413


# --------------------------------------------------------------------------- queries


def test_quotes_filter_and_page(client: TestClient) -> None:
    page = client.get("/api/quotes", params={"speaker": "Vogel", "limit": 2}).json()
    assert page["total"] >= 5 and len(page["items"]) == 2 and page["limit"] == 2
    assert {q["entity_name"] for q in page["items"]} == {"Katrin Vogel"}
    second = client.get("/api/quotes", params={"speaker": "Vogel", "limit": 2, "offset": 2}).json()
    assert {q["id"] for q in second["items"]}.isdisjoint({q["id"] for q in page["items"]})
    dated = client.get("/api/quotes", params={"since": "2024-07", "lang": "en"}).json()
    assert {q["article_id"] for q in dated["items"]} == {"kb-en-2"}


@pytest.mark.parametrize(
    "params",
    [{"since": "gestern"}, {"kind": "rumour"}, {"limit": 0}, {"limit": 100000}, {"lang": "fr"}, {"offset": -1}],
)
def test_quote_parameters_are_validated(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/quotes", params=params)
    assert response.status_code == 422 and _error(response)


def test_injection_attempts_are_just_text(client: TestClient) -> None:
    for value in ("'; DROP TABLE quotes; --", "%' OR 1=1 --", '" OR ""="', "_%_"):
        response = client.get("/api/quotes", params={"speaker": value})
        assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/stats").json()["quotes"] > 0
    response = client.get("/api/search", params={"q": 'Sanktionen" OR quotes_fts MATCH "*'})
    assert response.status_code == 200


def test_entity_profile_graph_and_not_found(client: TestClient) -> None:
    found = client.get("/api/entities", params={"name": "Selenskyj"}).json()
    assert found["total"] >= 1
    entity_id = found["items"][0]["id"]
    profile = client.get(f"/api/entities/{entity_id}").json()
    assert profile["name"] == "Wolodymyr Selenskyj" and profile["articles"] == 2
    graph = client.get(f"/api/entities/{entity_id}/graph").json()
    assert graph["nodes"][0]["id"] == entity_id and graph["nodes"][0]["center"]
    assert {e["kind"] for e in graph["edges"]} == {"about"}  # no "quoted together" clique
    assert all(e["source"] == entity_id for e in graph["edges"]) and graph["edges"][0]["weight"] == 2
    # a minimum weight leaves the lighter edges out and counts them (issue 18: filtered graph)
    heavy = client.get(f"/api/entities/{entity_id}/graph", params={"min": 2}).json()
    assert heavy["min_weight"] == 2 and all(e["weight"] >= 2 for e in heavy["edges"])
    assert len(heavy["edges"]) + heavy["hidden"] == len(graph["edges"]) + graph["hidden"]
    assert heavy["hidden"] > graph["hidden"] == 0
    assert client.get(f"/api/entities/{entity_id}/graph", params={"min": 0}).status_code == 422
    missing = client.get("/api/entities/Enope")
    assert missing.status_code == 404 and "no entity" in _error(missing)


def test_articles_and_search(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 5 and page["items"][0]["id"] == "kb-en-2"
    analysis = client.get("/api/articles/sample-de").json()
    assert analysis["schema"] == "onrecord.analysis/1" and analysis["meta"]["source"] == "Mitteldeutsche Rundschau"
    assert client.get("/api/articles/nope").status_code == 404
    results = client.get("/api/search", params={"q": "Sanktionen", "scope": "articles"}).json()
    assert results["articles"] and not results["quotes"]
    assert any(piece["match"] for piece in results["articles"][0]["snippet"])
    empty = client.get("/api/search", params={"q": "--"})
    assert empty.status_code == 422 and "q" in _error(empty)


def test_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/api-static/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    assert client.get("/api-static/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/quotes", "/api/search", "/api/entities/{entity_id}"} <= set(spec["paths"])


# --------------------------------------------------------------------------- writes and tokens


def test_loopback_server_accepts_writes_without_token(tmp_path: Path) -> None:
    line = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    with TestClient(create_app(ServerSettings(db=str(tmp_path / "w.db"))), base_url=LOCAL) as client:
        response = client.post("/api/ingest", json={"articles": [line]})
        assert response.status_code == 200 and response.json()["added"] == 1
        again = client.post("/api/ingest", json={"articles": [line]})
        assert again.json()["unchanged"] == 1
        assert client.delete("/api/articles/kb-de-1").status_code == 204
        assert client.delete("/api/articles/kb-de-1").status_code == 404


def test_writes_beyond_loopback_need_the_token(public: TestClient) -> None:
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert public.post("/api/ingest", json={"articles": lines}).status_code == 401
    wrong = public.post("/api/ingest", json={"articles": lines}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "token" in _error(wrong)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert public.post("/api/ingest", json={"articles": lines}, headers=auth).json()["added"] == 4
    assert public.get("/api/quotes").status_code == 200  # reading needs no token

    hamburg = public.get("/api/entities", params={"name": "Universität Hamburg"}).json()["items"][0]["id"]
    vogel = public.get("/api/entities", params={"name": "Katrin Vogel"}).json()["items"][0]["id"]
    assert public.post(f"/api/entities/{hamburg}/merge", json={"into": vogel}).status_code == 401
    merged = public.post(f"/api/entities/{hamburg}/merge", json={"into": vogel}, headers=auth)
    assert merged.status_code == 200 and merged.json()["id"] == vogel
    split = public.post(f"/api/entities/{vogel}/split", json={"names": ["Universität Hamburg"]}, headers=auth)
    assert split.status_code == 201 and split.json()["id"] != vogel
    assert public.delete("/api/articles/kb-de-1").status_code == 401
    assert public.delete("/api/articles/kb-de-1", headers=auth).status_code == 204


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert not ServerSettings().writes_need_token
    assert ServerSettings(host="0.0.0.0").writes_need_token
    assert ServerSettings(token="t").writes_need_token


def test_ingest_request_is_validated(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"articles": []}).status_code == 422
    assert client.post("/api/ingest", json={"articles": [{"id": "x"}]}).status_code == 422
    one = Article(id="a", text="t")
    assert client.post("/api/ingest", json={"articles": [one.model_dump()]}).status_code == 422
