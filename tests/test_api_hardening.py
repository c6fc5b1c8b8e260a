"""Hardening of the web app and API, each test covering a kind of failure: every entity has a
graph, every response carries the security headers, an unexpected error is a logged 500 of the
usual form, requests naming a foreign host are refused (DNS rebinding), 405 names its methods."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

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
