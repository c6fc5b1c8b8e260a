"""Hardening of the web app and API, each test covering a kind of failure: every entity has a
graph, every response carries the security headers, an unexpected error is a logged 500 of the
usual form, requests naming a foreign host are refused (DNS rebinding), 405 names its methods."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.api.app import create_app
from onrecord.api.settings import ServerSettings
from onrecord.ingest import iter_articles
from onrecord.model import Article
from onrecord.storage import Store, ingest, open_store
from onrecord.storage.queries import list_entities

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "kb-articles.jsonl"
LOCAL = "http://127.0.0.1:8000"
#: a group ("Analysten der Landesbank") speaks twice, once about a person
GROUP_ARTICLE = Article(
    id="group-de-1",
    language="de",
    text=(
        "Die Aktie der Nordbank fiel am Montag um zwölf Prozent. „Die Zahlen sind schwächer als erwartet“, "
        "sagten Analysten der Landesbank. Analysten sagten, Lehmann stehe unter Druck. "
        "Finanzvorstand Markus Lehmann erklärte, man werde die Kosten senken."
    ),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("hardening") / "kb.db")
    report = ingest(store, [*iter_articles([CORPUS]), GROUP_ARTICLE])
    assert report.failed == 0
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(), store=store), base_url=LOCAL) as client:
        yield client


# --------------------------------------------------------------------------- every entity has a graph


def test_every_entity_has_a_profile_page_and_graph(client: TestClient, store: Store) -> None:
    entities = list_entities(store, limit=1000)
    assert "group" in {e.type for e in entities}, "the store should hold a group entity"
    for entity in entities:
        for url in (f"/api/entities/{entity.id}", f"/api/entities/{entity.id}/graph",
                    f"/entities/{entity.id}", f"/graph?entity={entity.id}"):  # fmt: skip
            assert client.get(url).status_code == 200, f"{url} ({entity.type} {entity.name})"


def test_a_group_graph_is_centred_on_the_group(client: TestClient, store: Store) -> None:
    group = next(e for e in list_entities(store, type_="group") if "Analysten" in e.name)
    graph = client.get(f"/api/entities/{group.id}/graph").json()
    center = graph["nodes"][0]
    assert center["id"] == group.id and center["center"] and center["type"] == "group"
    assert center["quotes"] == group.quotes
    lehmann = next(n for n in graph["nodes"] if n["name"] == "Markus Lehmann")
    assert {"source": group.id, "target": lehmann["id"], "kind": "about"}.items() <= graph["edges"][0].items()
    assert "Around Analysten der Landesbank" in client.get(f"/graph?entity={group.id}").text


# --------------------------------------------------------------------------- security headers everywhere


def _every_route_url(client: TestClient, store: Store) -> list[str]:
    """One URL for every route and mount of the app (the API's, the pages', the app's own),
    path parameters filled with real ids."""
    from starlette.routing import Mount

    from onrecord.api.routes import router as api_router
    from onrecord.web import router as web_router

    entity = list_entities(store, limit=1)[0].id
    values = {"entity_id": entity, "article_id": "kb-de-1", "statement_id": "st-0000000000000000"}
    paths = [f"/api{r.path}" for r in api_router.routes] + [r.path for r in web_router.routes]  # type: ignore[attr-defined]
    urls: list[str] = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            directory = Path(route.app.directory)  # type: ignore[attr-defined]
            first = sorted(p for p in directory.rglob("*") if p.is_file())[0]
            urls.append(f"{route.path}/{first.relative_to(directory).as_posix()}")
        elif hasattr(route, "path"):
            paths.append(route.path)
    urls += [path.replace(":path", "").format(**values) for path in paths]
    return sorted(set(urls))


def test_every_response_carries_the_security_headers(client: TestClient, store: Store) -> None:
    urls = _every_route_url(client, store)
    assert {"/docs", "/openapi.json", "/api/stats", "/analyse", "/entities/lookup"} <= set(urls)
    assert any(url.startswith("/static/") for url in urls) and any(url.startswith("/api-static/") for url in urls)
    seen: set[int] = set()
    requests = [("GET", url) for url in urls] + [
        ("GET", "/nope"), ("GET", "/api/nope"), ("PUT", "/api/stats"), ("OPTIONS", "/articles"),
        ("GET", "/api/quotes?limit=0"), ("GET", "/api/articles/nope"), ("GET", "/static/nope.css"),
        ("POST", "/api/analyze"), ("GET", "/entities/lookup?name=Selenskyj"),
    ]  # fmt: skip
    for method, url in requests:
        response = client.request(method, url, follow_redirects=False)
        seen.add(response.status_code)
        headers = response.headers
        where = f"{method} {url} ({response.status_code})"
        assert headers.get("x-content-type-options") == "nosniff", where
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), where
        assert headers.get("x-frame-options") == "DENY" and headers.get("referrer-policy") == "same-origin", where
    assert {200, 303, 404, 405, 422} <= seen


def test_docs_page_allows_only_its_own_inline_script(client: TestClient) -> None:
    page = client.get("/docs")
    policy = page.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "script-src 'self' 'sha256-" in policy


# --------------------------------------------------------------------------- no bare 500


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("secret internal detail")


@pytest.mark.parametrize("module", ["onrecord.api.routes", "onrecord.web.routes"])
def test_an_unexpected_error_is_a_logged_500_of_the_usual_form(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, module: str
) -> None:
    monkeypatch.setattr(f"{module}.list_articles", _boom)
    url = "/api/articles" if module.startswith("onrecord.api") else "/articles"
    with caplog.at_level(logging.ERROR):
        response = client.get(url)
    assert response.status_code == 500
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "secret internal detail" not in response.text
    if url.startswith("/api"):
        body = response.json()
        assert body["error"]["status"] == 500 and "internal error" in body["error"]["message"]
    else:
        assert response.headers["content-type"].startswith("text/html") and "Something went wrong" in response.text
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 1 and failures[0].exc_info is not None
    assert f"GET {url}" in failures[0].getMessage() and "secret internal detail" in caplog.text


# --------------------------------------------------------------------------- DNS rebinding


def test_loopback_refuses_foreign_hosts_and_cross_origin_writes(tmp_path: Path) -> None:
    article = {"id": "r1", "text": "„Wir bleiben“, sagte die Bürgermeisterin Anna Roth am Montag.", "lang": "de"}
    with TestClient(create_app(ServerSettings(db=str(tmp_path / "r.db"))), base_url=LOCAL) as client:
        evil = {"Host": "evil.example"}
        refused = client.post("/api/ingest", json={"articles": [article]}, headers=evil)
        assert refused.status_code == 421 and refused.json()["error"]["status"] == 421
        assert "--allowed-host" in refused.json()["error"]["message"]
        assert refused.headers["x-content-type-options"] == "nosniff"
        assert client.get("/api/stats", headers=evil).status_code == 421
        page = client.get("/", headers={"Host": "evil.example:8000"})
        assert page.status_code == 421 and page.headers["content-type"].startswith("text/html")
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host

        cross = client.post("/api/ingest", json={"articles": [article]}, headers={"Origin": "http://evil.example"})
        assert cross.status_code == 403 and "cross-origin" in cross.json()["error"]["message"]
        assert client.delete("/api/articles/r1", headers={"Origin": "null"}).status_code == 403
        assert client.get("/api/stats").json()["articles"] == 0  # nothing was written
        assert client.get("/api/stats", headers={"Origin": "http://evil.example"}).status_code == 200  # reads
        own = client.post("/api/ingest", json={"articles": [article]}, headers={"Origin": LOCAL})
        assert own.status_code == 200 and own.json()["added"] == 1
        assert client.post("/api/ingest", json={"articles": [article]}).status_code == 200  # no Origin: curl


def test_allowed_hosts_are_configurable() -> None:
    settings = ServerSettings(allowed_hosts=("KB.example.org:8443",))
    with TestClient(create_app(settings), base_url="http://kb.example.org") as client:
        assert client.get("/openapi.json").status_code == 200
        assert client.get("/openapi.json", headers={"Host": "other.example.org"}).status_code == 421
    assert ServerSettings(host="0.0.0.0").host_allowed("anything.example")  # beyond loopback: the token guards
    assert not ServerSettings(host="0.0.0.0", allowed_hosts=("kb.example.org",)).host_allowed("x.example")
    assert ServerSettings(allowed_hosts=("*",)).host_allowed("anything.example")


def _serve(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    """Run ``onrecord serve ARGS`` with uvicorn stubbed out: its output and the app it would serve."""
    import uvicorn
    from typer.testing import CliRunner

    from onrecord.cli import app as cli

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 0, result.output
    return result.output, served[0]


def test_serve_passes_the_allowed_hosts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["--db", str(tmp_path / "s.db"), "--allowed-host", "kb.example.org", "--allowed-host", "b.example"]
    _, app = _serve(args, monkeypatch)
    assert app.state.settings.allowed_hosts == ("b.example", "kb.example.org")


def test_serve_prints_the_generated_token_unwrapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")  # a narrow, non-terminal log
    output, app = _serve(["--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"], monkeypatch)
    token = app.state.settings.token
    line = next(line for line in output.splitlines() if "API token" in line)
    assert line.endswith(token), "the token is on the line that announces it"


# --------------------------------------------------------------------------- 405 names the allowed methods


def test_405_and_options_name_the_allowed_methods(client: TestClient) -> None:
    cases = {
        "/api/articles/kb-de-1": {"GET", "DELETE"},
        "/api/ingest": {"POST"},
        "/api/stats": {"GET"},
        "/analyse": {"GET", "POST"},
        "/static/app.css": {"GET", "HEAD"},
    }
    for url, methods in cases.items():
        for method in ("OPTIONS", "PUT", "PATCH"):
            response = client.request(method, url)
            assert response.status_code == 405, f"{method} {url}"
            assert {m.strip() for m in response.headers["allow"].split(",")} == methods, f"{method} {url}"


# --------------------------------------------------------------------------- article ids of every form


def test_every_stored_article_id_is_reachable_and_matches_the_schema(tmp_path: Path) -> None:
    """Ids are file names, JSONL ids or hashes: "/", ":", ".", spaces all occur, and each one
    reaches its article (percent-encoded or not), and matches the pattern the schema publishes."""
    import re
    from urllib.parse import quote

    ids = ["reuters/2024-03-12/eu-gipfel.txt", "urn:x-news:4711", "Leitartikel 3.1 (Entwurf)", "a//b/", "ü?#%"]
    text = "„Wir bleiben“, sagte die Bürgermeisterin Anna Roth am Montag."
    with TestClient(create_app(ServerSettings(db=str(tmp_path / "ids.db"))), base_url=LOCAL) as client:
        body = {"articles": [{"id": id_, "text": text, "lang": "de"} for id_ in ids]}
        assert client.post("/api/ingest", json=body).json()["added"] == len(ids)
        parameter = client.get("/openapi.json").json()["paths"]["/api/articles/{article_id}"]["get"]["parameters"][0]
        pattern = re.compile(parameter["schema"]["pattern"])
        for id_ in ids:
            assert pattern.search(id_), id_
            response = client.get("/api/articles/" + quote(id_, safe=""))
            assert response.status_code == 200 and response.json()["id"] == id_, (id_, response.text[:200])
            if "/" in id_ and not id_.endswith("/"):
                assert client.get("/api/articles/" + quote(id_, safe="/")).json()["id"] == id_
        assert not pattern.search("bad\x00id") and not pattern.search("")
        assert client.delete("/api/articles/" + quote(ids[0], safe="")).status_code == 204
        assert client.get("/api/articles/" + quote(ids[0], safe="")).status_code == 404
        assert client.get("/api/stats").json()["articles"] == len(ids) - 1


# --------------------------------------------------------------------------- NUL characters


NUL_TEXT = "„Wir bleiben\x00 hier“, sagte die Bürgermeisterin Anna Roth am Montag."


def test_ingest_refuses_nul_on_every_backend(db_url: str) -> None:
    """Same request, same answer on SQLite and PostgreSQL: 422 naming the field, nothing stored."""
    good = {"id": "gut-1", "text": NUL_TEXT.replace("\x00", ""), "lang": "de"}
    with TestClient(create_app(ServerSettings(db=db_url)), base_url=LOCAL) as client:
        for bad in ({"id": "nul-1", "text": NUL_TEXT}, {"id": "nul-2", "text": "Text.", "title": "Titel\x00"}):
            response = client.post("/api/ingest", json={"articles": [good, {**bad, "lang": "de"}]})
            assert response.status_code == 422, response.text
            message = response.json()["error"]["message"]
            field = "text" if "\x00" in bad["text"] else "title"
            assert f"articles.1.{field}" in message and "NUL character (\\u0000)" in message, message
            assert client.get("/api/stats").json()["articles"] == 0  # the whole request was refused
        assert client.post("/api/ingest", json={"articles": [good]}).json()["added"] == 1


def test_the_web_form_refuses_nul(client: TestClient) -> None:
    pasted = client.post("/analyse", data={"text": NUL_TEXT, "lang": "de"})
    assert pasted.status_code == 422 and "NUL character" in pasted.text
    late = ("Ein langer Vorspann. " * 500 + NUL_TEXT).encode("utf-8")  # past the binary sniffing
    uploaded = client.post("/analyse", data={"lang": "de"}, files={"file": ("bericht.txt", late, "text/plain")})
    assert uploaded.status_code == 422 and "NUL character" in uploaded.text


def test_a_txt_file_with_nul_past_its_first_bytes_is_reported(tmp_path: Path) -> None:
    from onrecord.errors import InputError

    (tmp_path / "spaet.txt").write_bytes(("Ein langer Vorspann. " * 500 + NUL_TEXT).encode("utf-8"))
    (item,) = list(iter_articles([tmp_path / "spaet.txt"]))
    assert isinstance(item, InputError) and "NUL character" in str(item) and "spaet.txt" in str(item)
