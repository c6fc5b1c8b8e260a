"""The knowledge-base scale benchmark, run small on the bundled samples (a bench corpus made of them)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.bench.store import QUERY_TYPES, StoreBenchReport, replicas, run_store_bench
from onrecord.cli import app
from onrecord.errors import StoreError
from onrecord.storage import open_store

SAMPLES = Path(__file__).parents[1] / "onrecord" / "samples"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bench data folder in the shared layout: ``bench-de/10kgnad-test.csv`` and ``news-en/*.txt``."""
    root = tmp_path_factory.mktemp("bench-data")
    (root / "bench-de").mkdir()
    with (root / "bench-de" / "10kgnad-test.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", quotechar="'")
        writer.writerow(["Inland", (SAMPLES / "sample-de.txt").read_text(encoding="utf-8")])
    (root / "news-en").mkdir()
    (root / "news-en" / "sample-en.txt").write_text((SAMPLES / "sample-en.txt").read_text(encoding="utf-8"))
    return root


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("bench-store") / "bench.db")


@pytest.fixture(scope="module")
def report(data: Path, db: str) -> StoreBenchReport:
    steps: list[str] = []
    result = run_store_bench(db, data, quotes_target=300, queries=5, step=steps.append)
    assert any(step.startswith("storing") for step in steps) and any(step.startswith("querying") for step in steps)
    return result


def test_the_store_holds_the_target_number_of_quotes(report: StoreBenchReport, db: str) -> None:
    assert report.dialect == "sqlite"
    assert report.analysis.articles == 2 and report.analysis.failed == 0
    assert report.analysis.quotes > 0 and report.analysis.words_per_s > 0
    ingest = report.ingest
    assert 300 <= ingest.quotes < 300 + report.analysis.quotes
    assert ingest.articles_per_s > 0 and ingest.quotes_per_s > 0 and ingest.replicas > 1
    with open_store(db) as store:
        stats = store.stats()
    assert stats.quotes == ingest.quotes >= 300
    assert stats.articles == ingest.articles


def test_every_query_type_is_timed(report: StoreBenchReport) -> None:
    by_name = {query.name: query for query in report.queries}
    assert list(by_name) == list(QUERY_TYPES)
    for name, query in by_name.items():
        assert query.count == (35 if name == "quotes-count" else 5), name
        assert 0 < query.p50_ms <= query.p95_ms <= query.max_ms < 60_000, name
        assert query.slowest, name
    # the queries are drawn from the store's content, so they find something
    for name in ("quotes-by-speaker", "quotes-kind-language", "quotes-date-range", "quotes-outlet", "search"):
        assert by_name[name].rows > 0, name
    assert report.store_bytes and report.store_bytes > 100_000
    assert report.peak_rss_mb > 10
    as_json = json.loads(json.dumps(report.as_dict()))
    assert {q["name"] for q in as_json["queries"]} == set(QUERY_TYPES)
    assert isinstance(as_json["over_target"], list)


def test_replicas_get_new_ids_dates_and_outlets(report: StoreBenchReport, db: str) -> None:
    from onrecord.storage.queries import get_analysis, list_articles

    with open_store(db) as store:
        articles = list_articles(store, limit=1000)
        original = get_analysis(store, articles[0].id)
    assert len({a.id for a in articles}) == len(articles) == report.ingest.articles
    assert all("~r" in a.id for a in articles)
    assert len({a.source for a in articles}) > 1
    years = {a.published[:4] for a in articles if a.published}
    assert years <= {str(year) for year in range(2019, 2027)} and len(years) > 1
    copies = list(replicas([original], 3 * len(original.quotes)))
    assert [copy.id for copy, _ in copies] == [f"{original.id}~r{n}" for n in range(3)]
    assert len({fingerprint for _, fingerprint in copies}) == 3


def test_a_filled_store_is_refused(report: StoreBenchReport, data: Path, db: str) -> None:
    with pytest.raises(StoreError, match="not empty"):
        run_store_bench(db, data, quotes_target=10, queries=1)


def test_the_command_prints_json_and_a_table(data: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["bench-store", "--data", str(data), "--quotes", "40", "--queries", "2"]
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "a.db"), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["ingest"]["quotes"] >= 40 and len(payload["queries"]) == len(QUERY_TYPES)
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "b.db")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "quotes-by-speaker" in result.stdout and "peak RSS" in result.stdout
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 6 and "not empty" in result.output
