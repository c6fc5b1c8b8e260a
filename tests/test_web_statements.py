"""The statement pages and the sources dashboard (issue 18.3) over a store of hand-built
articles (tests/statement_articles.py: one statement run by several outlets, cut, re-punctuated
and re-worded, plus unnamed and anonymous sources)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape

import pytest
from fastapi.testclient import TestClient
from statement_articles import Said, articles, make_analysis

from onrecord.api.app import create_app
from onrecord.api.settings import ServerSettings
from onrecord.storage import QuoteFilter, Store, open_store
from onrecord.storage.queries import find_entities


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("stmtweb") / "web.db")
    assert store.put_many([(analysis, None) for analysis in articles()]) == ["added"] * 8
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    app = create_app(ServerSettings(), store=store)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client


def _ok(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:500])
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    return response.text


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _chart(html: str, name: str) -> dict[str, object]:
    match = re.search(rf'<canvas id="chart-{name}" data-chart="([^"]*)"', html)
    assert match is not None, name
    return json.loads(unescape(match.group(1)))  # type: ignore[no-any-return]


def _bridge(store: Store) -> str:
    return store.statements(limit=1)[0].id  # the mayor's, run four times


def test_statement_page_shows_every_occurrence_with_its_differences(client: TestClient, store: Store) -> None:
    html = _ok(client, f"/statements/{_bridge(store)}")
    cards = re.findall(r'<li class="occurrence[^"]*"[^>]*>(.*?)</li>', html, flags=re.S)
    assert len(cards) == 4
    # oldest first; the cut copy shows the words it cut, the re-worded one the word it lacks
    assert [re.search(r"<strong>(.*?)</strong>", card).group(1) for card in cards] == [  # type: ignore[union-attr]
        "Lindauer Bote", "Seeblatt", "Kurier am See", "Seeblatt",
    ]  # fmt: skip
    cut = re.findall(r'<del class="cut">(.*?)</del>', cards[1])
    assert cut == [" und sie kostet keinen einzigen Cent mehr als geplant"]
    assert re.findall(r'<del class="cut">(.*?)</del>', cards[0]) == ["einzigen "]
    assert re.findall(r'<ins class="added">(.*?)</ins>', cards[2]) == ["– "]  # re-punctuated: only the dash
    assert 'class="occurrence reference"' in html and "<del" not in cards[3] and "<ins" not in cards[3]
    facts = _text(re.search(r'<dl class="facts">(.*?)</dl>', html, flags=re.S).group(1))  # type: ignore[union-attr]
    assert "Occurrences 4 Articles 4 Outlets 3 First seen 2024-03-04 , Lindauer Bote" in facts


def test_statement_timeline_is_by_outlet_in_the_order_they_ran_it(client: TestClient, store: Store) -> None:
    html = _ok(client, f"/statements/{_bridge(store)}")
    chart = _chart(html, "timeline")
    assert chart["labels"] == ["Lindauer Bote", "Seeblatt", "Kurier am See"]
    assert [(p["x"], p["y"]) for p in chart["points"]] == [  # type: ignore[index, union-attr]
        ("2024-03-04", 0), ("2024-03-05", 1), ("2024-03-05", 2),
    ]  # fmt: skip
    timeline = _text(re.search(r'<ol class="timeline">(.*?)</ol>', html, flags=re.S).group(1))  # type: ignore[union-attr]
    assert timeline == "Lindauer Bote 2024-03-04 Seeblatt 2024-03-05 undated Kurier am See 2024-03-05"
    assert "1 occurrence without a date" in html
    assert '<script src="/static/vendor/chartjs/chart.umd.min.js" defer></script>' in html


def test_a_quote_leads_to_its_statement(client: TestClient, store: Store) -> None:
    html = _ok(client, "/articles/w2")
    link = re.search(r'<a class="statement-link" href="([^"]+)">in other articles</a>', html)
    assert link is not None
    response = client.get(unescape(link.group(1)), follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/statements/{_bridge(store)}"
    missing = client.get("/statements/lookup?quote=nope&article=w2&entity=nope")
    assert missing.status_code == 404 and "belongs to no statement" in missing.text
    assert client.get("/statements/st-0000000000000000").status_code == 404


def test_the_lookup_reads_the_quotes_statement_not_every_candidate(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = re.search(r'<a class="statement-link" href="([^"]+)">in other articles</a>', _ok(client, "/articles/w2"))
    assert link is not None
    bridge = _bridge(store)

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the lookup loaded statements one by one")

    monkeypatch.setattr(Store, "statement", refuse)
    monkeypatch.setattr(Store, "statements", refuse)
    response = client.get(unescape(link.group(1)), follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/statements/{bridge}"


def test_statements_list_sorted_and_scoped(client: TestClient, store: Store) -> None:
    html = _ok(client, "/statements")
    first = re.search(r'<li class="item statement".*?</li>', html, flags=re.S).group(0)  # type: ignore[union-attr]
    assert "Anna Hollweg" in first and "4 occurrences · 3 outlets" in _text(first)
    berner = find_entities(store, "Jonas Berner")[0].id
    html = _ok(client, f"/statements?entity={berner}")
    assert "1 statement" in html and "Der Haushalt ist solide" in html and "Brücke" not in html
    assert f'<input type="hidden" name="entity" value="{berner}">' in html
    newest = _ok(client, "/statements?sort=first-seen&lang=de")
    assert newest.index("Über den Radweg") < newest.index("Die neue Brücke")  # 2024-04-01, 2024-03-04


def test_sources_dashboard_counts_kinds_outlets_months_and_speakers(client: TestClient) -> None:
    html = _ok(client, "/sources")
    summary = _text(re.search(r'<section class="summary".*?</section>', html, flags=re.S).group(0))  # type: ignore[union-attr]
    # 13 quotes: 3 unnamed (two "Analysten", "Residents"), 1 anonymous official
    assert summary.startswith("13 quotes · 23% unnamed sources (3) · 8% anonymous (1)")
    outlets = _chart(html, "outlets")
    assert outlets["labels"] == ["All outlets", "Lindauer Bote", "Kurier am See", "Lake Times", "Seeblatt"]
    for dataset in outlets["datasets"]:  # type: ignore[union-attr]
        assert len(dataset["data"]) == 5
    totals = [sum(d["data"][i] for d in outlets["datasets"]) for i in range(5)]  # type: ignore[index, union-attr]
    assert all(abs(total - 100) < 0.5 for total in totals)  # shares per outlet add up
    months = _chart(html, "months")
    assert months["labels"] == ["2024-03", "2024-04"]
    assert [d["data"] for d in months["datasets"]] == [[5, 3], [1, 2], [0, 1]]  # type: ignore[union-attr]
    speakers = _chart(html, "speakers")
    assert speakers["labels"][:2] == ["Anna Hollweg", "Jonas Berner"]  # type: ignore[index]
    assert speakers["datasets"][0]["data"][:2] == [7, 2]  # six German quotes and one English  # type: ignore[index]


def test_sources_for_a_search_and_for_an_article(client: TestClient) -> None:
    html = _ok(client, "/sources?q=Brücke")
    assert _text(re.search(r'<section class="summary".*?</section>', html, flags=re.S).group(0)).startswith(  # type: ignore[union-attr]
        "5 quotes"  # the statement's four occurrences and its paraphrase
    )
    assert _chart(html, "speakers")["labels"] == ["Anna Hollweg"]
    assert _chart(html, "speakers")["datasets"][0]["data"] == [5]  # type: ignore[index]
    html = _ok(client, "/sources?article=w7")
    assert "2 quotes · 50% unnamed sources (1)" in _text(html)
    assert "Nothing" not in _ok(client, "/sources?q=zzzznichtda") and "No quote matches." in _ok(
        client, "/sources?q=zzzznichtda"
    )


def test_pages_link_to_statements_and_sources(client: TestClient, store: Store) -> None:
    hollweg = find_entities(store, "Anna Hollweg")[0].id
    assert f'href="/statements?entity={hollweg}"' in _ok(client, f"/entities/{hollweg}")
    assert 'href="/sources?article=w1"' in _ok(client, "/articles/w1")
    nav = _ok(client, "/sources")
    assert '<a href="/sources" aria-current="page">Sources</a>' in nav and '<a href="/statements" >' in nav


def test_hostile_statement_text_stays_text(client: TestClient, store: Store) -> None:
    hostile = make_analysis("x-1", "de", "2024-05-01", "<img src=x onerror=alert(1)>", [
        Said("Mallory Böse", "person", "Wir sagen <script>alert(1)</script> laut"),
    ])  # fmt: skip
    store.put(hostile)
    st = store.statements(QuoteFilter(article_id="x-1"), limit=1)[0]
    for url in (f"/statements/{st.id}", "/statements?article=x-1", "/sources?article=x-1"):
        html = _ok(client, url)
        assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _ok(client, f"/statements/{st.id}")
