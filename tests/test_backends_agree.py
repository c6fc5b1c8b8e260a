"""SQLite and PostgreSQL give the same answers: the same input stores the same articles, and
the same search finds the same quotes and articles, in the same order where the order is
defined on both (see README, "Search").

Articles are written for these tests and analysed by the small regular-expression extractor
of ``fake_extractor`` (every „…“ is a quote), so the store depends on nothing but this file.
"""

from __future__ import annotations

import json
from pathlib import Path

from fake_extractor import fake_loader

from onrecord.ingest import iter_articles
from onrecord.storage import QuoteFilter, Store, ingest, open_store
from onrecord.storage.queries import count_articles, count_quotes, list_quotes
from onrecord.storage.records import Highlight
from onrecord.storage.search import search


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- NUL in the input


def test_a_nul_in_one_record_is_refused_and_the_others_are_stored(db_url: str, tmp_path: Path) -> None:
    records: list[dict[str, object]] = [
        {"id": f"n{number:03d}", "text": f"„Wir prüfen Antrag {number}“, sagte die Sprecherin.", "lang": "de"}
        for number in range(1, 41)
    ]
    records[6]["text"] = "„Das ist\u0000 kaputt“, sagte er."
    records[20]["title"] = "Titel\u0000"
    path = _write_jsonl(tmp_path / "mit-nul.jsonl", records)
    with open_store(db_url) as store:
        report = ingest(store, iter_articles([path]), batch_size=8, extractor_for=fake_loader)
        assert (report.added, report.failed) == (38, 2)
        assert any(f"{path}:7" in failure and "NUL" in failure for failure in report.failures)
        assert any(f"{path}:21" in failure and '"title"' in failure for failure in report.failures)
        assert count_articles(store) == 38
        again = ingest(store, iter_articles([path]), batch_size=8, extractor_for=fake_loader)
        assert (again.added, again.unchanged, again.failed) == (0, 38, 2)


# --------------------------------------------------------------------------- search


#: articles written for this test: inflected forms, phrases across inflection, diacritics, ties
_ARTICLES = [
    ("s01", "2024-01-05", "„Die Europäische Union verhandelt weiter mit der Türkei“, sagte der Sprecher."),
    ("s02", "2024-01-06", "„Die Europäischen Union fehlt eine Linie“, sagte die Abgeordnete."),
    ("s03", "2024-01-07", "„Die Europäische Union und die Regierung sind sich einig“, sagte sie."),
    ("s04", "2024-01-08", "„Die Regierung bleibt bei ihrer Linie“, sagte der Minister. „Regierungen kommen.“"),
    ("s05", "2024-01-08", "„Die Regierung schweigt“, sagte er. „Wir warten auf Sanktionen gegen die Türkei.“"),
    ("s06", "2024-01-09", "„Sanktionen wirken nicht“, sagte die Botschafterin. „Ein Embargo wirkt.“"),
    ("s07", "2024-01-09", "„Die Regierung schweigt“, sagte sie."),
    ("s08", "2024-01-10", "„Die Regierung schweigt“, sagte er."),
    ("s09", "2024-01-11", "„Unions­politik ist Sache der Europäischen Union“, sagte der Präsident."),
    ("s10", "2024-01-12", "„Der Gipfel der Europäischen Union scheitert an der Türkei“, hieß es."),
    ("s11", "2024-01-13", "„Die Regierung schweigt“, sagte man."),
]

#: queries whose hits must be the same on both backends
_QUERIES = [
    '"Europäische Union" -Türkei',
    '"Europäische Union"',
    "Regierung",
    "Regierung schweigt",
    "Sanktionen OR Embargo",
    "Sanktion -Türkei",
    '"Die Regierung"',
    "Linie",
    "Türkei",
    "sagte",
]


def _search_store(url: str, tmp_path: Path) -> Store:
    records = [{"id": id_, "text": text, "lang": "de", "published": day} for id_, day, text in _ARTICLES]
    path = _write_jsonl(tmp_path / "suche.jsonl", records)
    store = open_store(url)
    report = ingest(store, iter_articles([path]), extractor_for=fake_loader)
    assert report.added == len(_ARTICLES)
    return store


def _answers(store: Store) -> dict[str, object]:
    """What each query answers: hits with their order and snippets, and the about-filter listing."""
    found: dict[str, object] = {}
    for query in _QUERIES:
        results = search(store, query, limit=50)
        found[query] = {
            "quotes": sorted(hit.id for hit in results.quotes),
            "articles": sorted(hit.id for hit in results.articles),
            "snippets": sorted((hit.id, _marked(hit.snippet)) for hit in results.quotes + results.articles),
            "listed": [quote.id for quote in list_quotes(store, QuoteFilter(about=query), limit=50)],
            "count": count_quotes(store, QuoteFilter(about=query)),
        }
    return found


def _marked(snippet: list[Highlight]) -> str:
    return "".join(f"[{piece.text}]" if piece.match else piece.text for piece in snippet)


def test_search_semantics(tmp_path: Path) -> None:
    """The semantics both backends follow, checked on SQLite (and on PostgreSQL below)."""
    with _search_store(str(tmp_path / "kb.db"), tmp_path) as store:
        _check_semantics(store)


def test_postgresql_follows_the_same_search_semantics(postgres_url: str, tmp_path: Path) -> None:
    with _search_store(postgres_url, tmp_path) as store:
        _check_semantics(store)


def _articles_found(store: Store, query: str) -> list[str]:
    return [hit.id for hit in search(store, query, scope="articles", limit=50).articles]


def _check_semantics(store: Store) -> None:
    # every word of a phrase is a prefix: "Europäische Union" finds "Europäischen Union"
    assert sorted(_articles_found(store, '"Europäische Union"')) == ["s01", "s02", "s03", "s09", "s10"]
    assert sorted(_articles_found(store, '"Europäische Union" -Türkei')) == ["s02", "s03", "s09"]
    # prefixes find inflected forms; OR and -word
    assert sorted(_articles_found(store, "Sanktion")) == ["s05", "s06"]
    assert sorted(_articles_found(store, "Sanktionen OR Embargo -Türkei")) == ["s06"]
    # equal scores are ordered by id: three articles of the same length with the same quote
    ties = [hit.id for hit in search(store, "schweigt -Sanktionen", scope="articles").articles]
    assert ties == ["s07", "s08", "s11"]
    quotes = [hit.id for hit in search(store, "schweigt -Sanktionen", scope="quotes").quotes]
    assert len(quotes) == 4 and quotes == sorted(quotes)  # s05 has the same quote (and another)
    # the snippet marks the words that begin with a searched word
    (hit,) = search(store, "Embargo", scope="quotes").quotes
    assert [(piece.text, piece.match) for piece in hit.snippet] == [
        ("Ein ", False),
        ("Embargo", True),
        (" wirkt.", False),
    ]


def test_both_backends_answer_the_same(postgres_url: str, tmp_path: Path) -> None:
    with _search_store(str(tmp_path / "kb.db"), tmp_path) as lite:
        expected = _answers(lite)
    with _search_store(postgres_url, tmp_path) as pg:
        found = _answers(pg)
    for query in _QUERIES:
        assert found[query] == expected[query], query


# --------------------------------------------------------------------------- bounded queries


def test_an_overlong_search_is_refused_everywhere(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings
    from onrecord.cli import app

    db = str(tmp_path / "kb.db")
    _search_store(db, tmp_path).close()
    words = " ".join(f"Regierung{n}" for n in range(13))
    for args in (["search", words], ["quotes", "--about", words]):
        result = CliRunner().invoke(app, [*args, "--db", db])
        assert result.exit_code == 2 and "too many words" in result.output, args
    with TestClient(create_app(ServerSettings(db=db)), base_url="http://127.0.0.1:8000") as client:
        for path in ("/api/search", "/api/quotes"):
            response = client.get(path, params={"q" if path.endswith("search") else "about": words})
            assert response.status_code == 400, path
            assert "too many words" in response.json()["error"]["message"]
