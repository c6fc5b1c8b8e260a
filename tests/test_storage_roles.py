"""Past roles in the knowledge base (issue 13): ``Role.former`` stored on ingest (migration
0009), shown by the entity profile, the API, the entity page, quote role labels and the
FollowTheMoney export — on SQLite, and on PostgreSQL when ``ONRECORD_TEST_POSTGRES`` is set.

The analyses are built by hand (original sentences, offsets computed here), so these tests
check storage alone, independent of what the extractors find. German titles carry no
"früherer" (the roles guidelines, B): only the ``former`` flag says the role is past.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.model import Analysis, Entity, Mention, Meta, Quote, Role, Span
from onrecord.storage import Store, open_store
from onrecord.storage.queries import entity_profile, find_entities, list_quotes

TEXT = (
    "Der frühere Landrat Kurt Wendel warnte, die Brücke über die Salm sei marode. "
    "Landrat Jana Holm sagte, die Sanierung beginne im Herbst."
)
LATER = "Landrat Kurt Wendel eröffnete am Freitag die neue Brücke über die Salm."


def _span(text: str, part: str) -> Span:
    begin = text.index(part)
    return begin, begin + len(part)


def _analysis() -> Analysis:
    wendel = Entity(
        id="e1", name="Kurt Wendel", type="person", mentions=[_span(TEXT, "Kurt Wendel")],
        roles=[Role(title="Landrat", spans=[_span(TEXT, "Der frühere Landrat")], former=True)],
    )  # fmt: skip
    holm = Entity(
        id="e2", name="Jana Holm", type="person", mentions=[_span(TEXT, "Jana Holm")],
        roles=[Role(title="Landrat", spans=[_span(TEXT, "Landrat Jana")])],
    )  # fmt: skip
    quotes = [
        Quote(
            id="q1", kind="indirect", text="die Brücke über die Salm sei marode",
            spans=[_span(TEXT, "die Brücke über die Salm sei marode")],
            cue=Mention(text="warnte", spans=[_span(TEXT, "warnte")]),
            speaker=Mention(text="Kurt Wendel", spans=[_span(TEXT, "Kurt Wendel")]), entity="e1", confidence=0.9,
        ),
        Quote(
            id="q2", kind="indirect", text="die Sanierung beginne im Herbst",
            spans=[_span(TEXT, "die Sanierung beginne im Herbst")],
            cue=Mention(text="sagte", spans=[_span(TEXT, "sagte")]),
            speaker=Mention(text="Jana Holm", spans=[_span(TEXT, "Jana Holm")]), entity="e2", confidence=0.9,
        ),
    ]  # fmt: skip
    return Analysis(
        id="roles-1", language="de", meta=Meta(published="2026-10-01", source="Testblatt"), text=TEXT,
        quotes=quotes, entities=[wendel, holm],
    )  # fmt: skip


def _later() -> Analysis:
    """A later article where the same man holds the same title, not as a past one."""
    wendel = Entity(
        id="e1", name="Kurt Wendel", type="person", mentions=[_span(LATER, "Kurt Wendel")],
        roles=[Role(title="Landrat", spans=[_span(LATER, "Landrat")])],
    )  # fmt: skip
    return Analysis(
        id="roles-2", language="de", meta=Meta(published="2026-11-20", source="Testblatt"), text=LATER,
        entities=[wendel],
    )  # fmt: skip


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = open_store(db_url)
    assert store.put(_analysis()) == "added"
    yield store
    store.close()


def _entity(store: Store, name: str) -> str:
    return find_entities(store, name)[0].id


def _roles(store: Store, name: str) -> list[tuple[str | None, bool, str | None]]:
    return [(r.title, r.former, r.first_seen) for r in entity_profile(store, _entity(store, name)).roles]


def test_a_past_role_is_stored_and_shown_as_past(store: Store) -> None:
    # the title alone ("Landrat") cannot tell the two apart
    assert _roles(store, "Kurt Wendel") == [("Landrat", True, "2026-10-01")]
    assert _roles(store, "Jana Holm") == [("Landrat", False, "2026-10-01")]


def test_the_same_title_held_before_and_now_is_two_roles(store: Store) -> None:
    assert store.put(_later()) == "added"
    assert _roles(store, "Kurt Wendel") == [("Landrat", True, "2026-10-01"), ("Landrat", False, "2026-11-20")]


def test_quote_role_labels_say_a_role_is_past(store: Store) -> None:
    labels = {q.speaker: q.roles for q in list_quotes(store)}
    assert labels == {"Kurt Wendel": ["Landrat (former)"], "Jana Holm": ["Landrat"]}


def test_a_store_from_before_0009_is_filled_from_title_words(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from onrecord.storage import engine as engines

    engine = engines.connect(db_url)
    config = engines._alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, fingerprint, language, text, words, analysis, extractor,"
                " extractor_version, ingested_at, date_from, date_to)"
                " VALUES ('a1', 'f', 'de', 'Text', 1, '{}', 'x', '1', 'now', '2026-01-05', '2026-01-05')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO entities (id, name, name_fold, type, rule)"
                " VALUES ('E1', 'Ute Kalb', 'ute kalb', 'person', 'name')"
            )
        )
        for n, title in enumerate(("ehemalige Bürgermeisterin", "Ex-Chefin", "Sprecherin", None)):
            conn.execute(
                text(
                    "INSERT INTO roles (id, article_id, article_entity_id, entity_id, title, organization, spans)"
                    f" VALUES ('R{n}', 'a1', 'a1/e1', 'E1', :title, 'Stadtwerke', '[]')"
                ),
                {"title": title},
            )
    engine.dispose()
    with open_store(db_url) as store:
        assert engines.current_revision(store.engine) == engines.head_revision()
        roles = {r.title: r.former for r in entity_profile(store, "E1").roles}
        assert roles == {"ehemalige Bürgermeisterin": True, "Ex-Chefin": True, "Sprecherin": False, None: False}
        assert store.put(_analysis()) == "added"  # and new roles are written with the column
        assert _roles(store, "Kurt Wendel") == [("Landrat", True, "2026-10-01")]


def test_api_and_entity_page_show_a_past_role(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings

    with open_store(str(tmp_path / "kb.db")) as store:
        store.put(_analysis())
        wendel, holm = _entity(store, "Kurt Wendel"), _entity(store, "Jana Holm")
        with TestClient(create_app(ServerSettings(), store=store), base_url="http://127.0.0.1") as client:
            roles = client.get(f"/api/entities/{wendel}").json()["roles"]
            assert [(r["title"], r["former"]) for r in roles] == [("Landrat", True)]
            assert [r["former"] for r in client.get(f"/api/entities/{holm}").json()["roles"]] == [False]
            assert "· former" in client.get(f"/entities/{wendel}").text
            assert "· former" not in client.get(f"/entities/{holm}").text


def test_ftm_export_ends_a_past_occupancy(store: Store) -> None:
    pytest.importorskip("followthemoney", reason="the ftm extra is not installed (needs libicu-dev to build)")
    from followthemoney import model

    from onrecord.storage.export import export_ftm

    store.put(_later())
    stream = io.StringIO()
    export_ftm(store, stream)
    proxies = [model.get_proxy(json.loads(line)) for line in stream.getvalue().splitlines()]
    holders = {p.id: p.first("name") for p in proxies if p.schema.name == "Person"}
    occupancies = sorted(
        (holders[p.first("holder")], p.first("status") or "") for p in proxies if p.schema.name == "Occupancy"
    )
    assert occupancies == [("Jana Holm", ""), ("Kurt Wendel", ""), ("Kurt Wendel", "ended")]
