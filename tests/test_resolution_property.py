"""Property: the store is a function of the SET of its articles. The same articles ingested in
shuffled orders, in several batch sizes, interrupted and resumed, by concurrent processes into
one database, and via ``ingest --from-batch`` all give the same full export: every table (but
arrival stamps), the analyses, the quote table with each quote's entity, and the FollowTheMoney
entities. Real analyses of the original test texts (tests/data/kb-articles.jsonl, the bundled
samples) plus short made-up articles that exercise every resolution rule. SQLite always,
PostgreSQL where ``ONRECORD_TEST_POSTGRES`` names a server."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_resolution_order import ARTICLES, _analysis

from onrecord.errors import OnrecordError
from onrecord.ingest import iter_articles
from onrecord.model import Analysis
from onrecord.storage import ingest, open_store
from onrecord.storage import schema as t
from onrecord.storage.export import export_analyses, export_ftm, export_quotes_csv
from onrecord.storage.loader import load_analyses

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "kb-articles.jsonl"
SAMPLES = sorted((ROOT / "onrecord" / "samples").glob("*.txt"))
#: columns that record when or in which order a row arrived, not what it says
_ARRIVAL = {"seq", "ingested_at", "created_at"}

Item = tuple[Analysis, str | None]


# --------------------------------------------------------------------------- the articles


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The reference store (one sequential `ingest` of the real texts, then the made-up
    articles), the (analysis, fingerprint) pairs it holds, and a `batch` output of the JSONL."""
    pytest.importorskip("spacy")
    from onrecord.batch import read_output
    from onrecord.batch.partitions import find_partitions
    from onrecord.batch.worker import process_partition

    folder = tmp_path_factory.mktemp("property")
    reference = str(folder / "reference.db")
    with open_store(reference) as store:
        report = ingest(store, iter_articles([CORPUS, *SAMPLES]))
        assert (report.added, report.failed) == (6, 0)
        store.put_many([(_analysis(*article), None) for article in ARTICLES])
        with store.reading() as conn:
            stored = conn.execute(select(t.articles.c.analysis, t.articles.c.fingerprint)).all()
    items: list[Item] = [(Analysis.model_validate(json.loads(r.analysis)), r.fingerprint) for r in stored]
    items.sort(key=lambda item: item[0].id)
    source = folder / "in"
    source.mkdir()
    shutil.copy(CORPUS, source / "kb.jsonl")
    out = folder / "batch-out"
    (partition,) = find_partitions(str(source))
    assert process_partition(partition, str(out), formats=("jsonl",)).failed is None
    assert len([item for item in read_output(str(out)) if not isinstance(item, OnrecordError)]) == 4
    return {"reference": reference, "items": items, "batch_out": str(out), "expected": _dump(reference)}


def _dump(db: str) -> dict[str, Any]:
    """Everything the store holds and answers, arrival stamps left out."""
    tables: dict[str, Any] = {}
    with open_store(db) as store:
        with store.reading() as conn:
            for table in t.metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                columns = [c for c in table.columns if c.name not in _ARRIVAL and c.autoincrement is not True]
                rows = conn.execute(select(*columns)).all()
                tables[table.name] = sorted(repr(tuple(row)) for row in rows)
        exports: dict[str, str] = {}
        for name, writer in (("analyses", export_analyses), ("quotes", export_quotes_csv), ("ftm", export_ftm)):
            stream = io.StringIO()
            try:
                writer(store, stream)
            except OnrecordError:  # the FollowTheMoney extra is not installed
                continue
            exports[name] = stream.getvalue()
    return {"tables": tables, "exports": exports}


def _put(db: str, items: list[Item], batch: int) -> None:
    with open_store(db) as store:
        for start in range(0, len(items), batch):
            store.put_many(items[start : start + batch])


def _quote_entities(dump: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    """(article id, speaker as written) -> the entity ids of those quotes, from the quote export."""
    found: dict[tuple[str, str], set[str]] = {}
    for row in csv.DictReader(io.StringIO(dump["exports"]["quotes"])):
        found.setdefault((row["article_id"], row["speaker"]), set()).add(row["entity_id"])
    return found


# --------------------------------------------------------------------------- SQLite, one process


def test_the_reference_store_links_across_languages_and_articles(corpus: dict[str, Any]) -> None:
    quotes = _quote_entities(corpus["expected"])
    (zelensky,) = quotes["kb-de-1", "Selenskyj"]
    assert quotes["kb-en-1", "Zelensky"] == {zelensky} and zelensky
    (vogel,) = quotes["kb-de-1", "Katrin Vogel"]
    assert quotes["kb-en-1", "Vogel"] == quotes["kb-de-2", "Vogel"] == {vogel} != {zelensky}
    assert quotes["a1", "Scholz"] == quotes["kb-de-2", "Bundeskanzler Olaf Scholz"]  # made-up meets real


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_orders_batch_sizes_and_a_resume_give_the_reference_store(
    corpus: dict[str, Any], tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = corpus["expected"]
    monkeypatch.setattr("onrecord.storage.export._BATCH", 2)  # the quote table read in many pages
    rng = random.Random(seed)
    items = corpus["items"][:]
    rng.shuffle(items)
    db = str(tmp_path / "shuffled.db")
    cut = rng.randrange(1, len(items))
    _put(db, items[:cut], batch=rng.choice([1, 2, 5]))  # interrupted ...
    rng.shuffle(items)
    _put(db, items, batch=rng.choice([1, 3, 100]))  # ... and resumed in another order
    assert _dump(db) == expected


def test_from_batch_gives_the_reference_store_and_recognises_ingested_articles(
    corpus: dict[str, Any], tmp_path: Path
) -> None:
    from onrecord.batch import read_output

    db = str(tmp_path / "from-batch.db")
    others = [item for item in corpus["items"] if not item[0].id.startswith("kb-")]
    _put(db, others[::2], batch=3)
    with open_store(db) as store:
        assert load_analyses(store, read_output(corpus["batch_out"])).added == 4
    _put(db, others[1::2], batch=3)
    assert _dump(db) == corpus["expected"]
    with open_store(corpus["reference"]) as store:  # articles stored by `ingest` are unchanged
        report = load_analyses(store, read_output(corpus["batch_out"]))
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 4)
    assert _dump(corpus["reference"]) == corpus["expected"]


# --------------------------------------------------------------------------- concurrent processes

_WRITER = """
import json, sys, time
from pathlib import Path
from onrecord.model import Analysis
from onrecord.storage import open_store
db, data, go, batch = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
items = [(Analysis.model_validate(a), f) for a, f in json.loads(Path(data).read_text(encoding="utf-8"))]
while not go.exists():
    time.sleep(0.01)
with open_store(db) as store:
    for start in range(0, len(items), batch):
        store.put_many(items[start : start + batch])
"""


def _concurrent(db: str, items: list[Item], folder: Path, writers: int = 3) -> None:
    """``writers`` processes at once into ``db`` (not created before), each a share of the
    articles plus two that every writer stores, in its own order and batch size."""
    rng = random.Random(writers)
    shuffled = items[:]
    rng.shuffle(shuffled)
    go = folder / "go"
    processes = []
    for n in range(writers):
        share = shuffled[n::writers] + shuffled[:2]
        rng.shuffle(share)
        data = folder / f"writer-{n}.json"
        data.write_text(json.dumps([[a.to_dict(), f] for a, f in share], ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, "-c", _WRITER, db, str(data), str(go), str(1 + n % 2)]
        processes.append(subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT))
    time.sleep(1.0)  # let every process import onrecord, then start them together
    go.touch()
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr


def test_concurrent_writers_into_one_sqlite_file_give_the_reference_store(
    corpus: dict[str, Any], tmp_path: Path
) -> None:
    db = str(tmp_path / "concurrent.db")
    _concurrent(db, corpus["items"], tmp_path)
    assert _dump(db) == corpus["expected"]


# --------------------------------------------------------------------------- PostgreSQL


def test_postgresql_in_any_order_concurrently_and_from_batch_equals_sqlite(
    corpus: dict[str, Any], postgres_url: str, tmp_path: Path
) -> None:
    from onrecord.batch import read_output

    expected = corpus["expected"]
    _concurrent(postgres_url, corpus["items"], tmp_path)
    assert _dump(postgres_url) == expected
    items = corpus["items"][:]
    random.Random(7).shuffle(items)
    with open_store(postgres_url) as store:  # empty it, then shuffled batches and the batch output
        for item in items:
            store.delete_article(item[0].id)
        assert store.stats().articles == 0
    _put(postgres_url, [i for i in items if not i[0].id.startswith("kb-")], batch=4)
    with open_store(postgres_url) as store:
        assert load_analyses(store, read_output(corpus["batch_out"])).added == 4
    assert _dump(postgres_url) == expected
