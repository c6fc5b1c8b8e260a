"""`onrecord statements`, `onrecord sources` and their API endpoints (issue 18): the same
answers as the library, as a table, JSON, JSONL and CSV. Articles: tests/statement_articles.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from statement_articles import articles
from typer.testing import CliRunner

from onrecord.api.app import create_app
from onrecord.api.settings import ServerSettings
from onrecord.cli import app
from onrecord.storage import QuoteFilter, open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("statements") / "kb.db")
    with open_store(path) as store:
        store.put_many([(a, None) for a in articles()])
    return path


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db=db)), base_url="http://127.0.0.1:8000") as client:
        yield client


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# --------------------------------------------------------------------------- CLI


def test_statements_command_in_every_format(db: str) -> None:
    with open_store(db) as store:
        expected = store.statements(QuoteFilter(outlet="Seeblatt"))
    rows = json.loads(_run("statements", "--outlet", "Seeblatt", "--format", "json", "--db", db))
    assert [row["id"] for row in rows] == [s.id for s in expected] and rows[0]["occurrences"] == 4
    table = list(csv.DictReader(io.StringIO(_run("statements", "--format", "csv", "--db", db))))
    assert len(table) == 9 and table[0]["occurrences"] == "4" and table[0]["first_outlet"] == "Lindauer Bote"
    lines = _run("statements", "--sort", "first-seen", "-f", "jsonl", "--db", db).splitlines()
    newest = [json.loads(line) for line in lines]
    assert newest[0]["first_seen"] == "2024-04-03"
    assert "Brücke" in _run("statements", "--speaker", "Hollweg", "--lang", "de", "--db", db)


def test_sources_command(db: str) -> None:
    report = json.loads(_run("sources", "--by", "outlet", "--format", "json", "--db", db))
    assert report["quotes"] == 13 and report["anonymous"] == 1
    assert {row["key"]: row["quotes"] for row in report["rows"]}["Lindauer Bote"] == 6
    answer = _run("sources", "--by", "kind", "-f", "csv", "--since", "2024-04", "--db", db)
    kinds = list(csv.DictReader(io.StringIO(answer)))
    assert {row["key"] for row in kinds} == {"government", "expert", "anonymous", "citizen"}
    text = _run("sources", "--by", "entity", "--db", db)
    assert "Anna Hollweg" in text


def test_bad_options_are_input_errors(db: str) -> None:
    result = runner.invoke(app, ["statements", "--anonymous", "--anonymity", "named", "--db", db])
    assert result.exit_code == 2 and "disagree" in result.output
    result = runner.invoke(app, ["sources", "--by", "colour", "--db", db])
    assert result.exit_code == 2
    result = runner.invoke(app, ["statements", "--since", "März", "--db", db])
    assert result.exit_code == 2


# --------------------------------------------------------------------------- API


def test_statements_endpoints(client: TestClient) -> None:
    page = client.get("/api/statements", params={"outlet": "seeblatt"}).json()
    assert page["total"] == 1 and page["items"][0]["matched"] == 2
    statement_id = page["items"][0]["id"]
    detail = client.get(f"/api/statements/{statement_id}").json()
    assert [o["article_id"] for o in detail["occurrence_list"]] == ["w1", "w2", "w3", "w4"]
    assert detail["occurrence_list"][0]["spans"] == [[21, 105]]
    missing = client.get("/api/statements/st-0000000000000000")
    assert missing.status_code == 404
    response = client.get("/api/statements", params={"format": "csv", "sort": "first-seen", "limit": 3})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3 and rows[0]["first_seen"] == "2024-04-03"
    assert client.get("/api/statements", params={"sort": "random"}).status_code == 422


def test_sources_endpoint(client: TestClient) -> None:
    report = client.get("/api/sources", params={"by": "type"}).json()
    assert {row["key"]: row["unnamed"] for row in report["rows"]} == {"person": 0, "group": 3}
    response = client.get("/api/sources", params={"by": "month", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {row["key"]: row["quotes"] for row in rows} == {"2024-03": "6", "2024-04": "6", "": "1"}
    schema = client.get("/openapi.json").json()
    assert {"/api/statements", "/api/statements/{statement_id}", "/api/sources"} <= set(schema["paths"])
    assert "text/csv" in schema["paths"]["/api/sources"]["get"]["responses"]["200"]["content"]


def test_cli_and_api_agree(db: str, client: TestClient) -> None:
    cli = json.loads(_run("sources", "--by", "entity", "-f", "json", "--db", db))
    api = client.get("/api/sources", params={"by": "entity"}).json()
    assert cli == api


def test_missing_store_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["statements", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 6
