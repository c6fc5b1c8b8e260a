"""Batch runs on a real local Dask cluster (worker processes): same results as ``analyze``,
restart after a kill, bad records and partitions, Parquet and gzip inputs, loading the output."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.batch import iter_output, read_output, run_batch
from onrecord.batch.partitions import find_partitions
from onrecord.errors import InputError
from onrecord.ingest import iter_articles
from onrecord.model import Analysis, Article
from onrecord.pipeline import analyze_many
from onrecord.storage import open_store
from onrecord.storage.loader import load_analyses

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"
RECORDS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def _records(start: int, count: int) -> list[dict[str, str]]:
    """Distinct articles: the test corpus under new ids, each with its own last line."""
    out = []
    for n in range(start, start + count):
        record = RECORDS[n % len(RECORDS)]
        out.append(dict(record, id=f"{record['id']}-{n}", text=record["text"] + f"\nAusgabe {n}.\n"))
    return out


def _write_jsonl(path: Path, records: list[dict[str, str]], gz: bool = False) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_jsonl(folder / "p1.jsonl", _records(0, 4))
    _write_jsonl(folder / "p2.jsonl.gz", _records(4, 4), gz=True)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(_records(8, 4)), folder / "p3.parquet")
    return folder


def _as_dicts(analyses: list[Analysis]) -> dict[str, dict[str, object]]:
    return {a.id: a.to_dict() for a in analyses}


def test_batch_matches_analyze_with_one_and_two_workers(inputs: Path, tmp_path: Path) -> None:
    articles = [a for p in find_partitions(str(inputs)) for a in _articles(p.url)]
    expected = _as_dicts([a for a in analyze_many(articles) if isinstance(a, Analysis)])
    assert len(expected) == 12

    one = run_batch(str(inputs), str(tmp_path / "one"), workers=1)
    two = run_batch(str(inputs), str(tmp_path / "two"), workers=2, formats=("parquet", "jsonl"))
    assert (one.articles, one.failures, one.workers) == (12, 0, 1)
    assert (two.articles, two.workers, two.partitions) == (12, 2, 3)
    assert two.quotes == sum(len(a["quotes"]) for a in expected.values())  # type: ignore[arg-type]
    assert _as_dicts(list(iter_output(str(tmp_path / "one")))) == expected
    assert _as_dicts(list(iter_output(str(tmp_path / "two")))) == expected
    jsonl_parts = sorted((tmp_path / "two").glob("part-*.jsonl"))
    assert len(jsonl_parts) == 3


def _articles(url: str) -> list[Article]:
    from onrecord.batch.partitions import Partition, read_partition

    return [a for a in read_partition(Partition(url=url, digest="x")) if isinstance(a, Article)]


def test_a_rerun_skips_finished_partitions_and_redoes_unfinished_ones(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(str(inputs), str(out), workers=1)
    assert (first.partitions, first.skipped) == (3, 0)
    markers = sorted((out / "_done").glob("*.json"))
    markers[0].unlink()  # as if the run had died before finishing this partition
    (out / ".tmp-leftover").write_bytes(b"partial")  # a half-written file of a killed worker
    second = run_batch(str(inputs), str(out), workers=1)
    assert (second.skipped, second.articles) == (2, 4)
    assert len({a.id for a in iter_output(str(out))}) == 12


def test_bad_records_and_partitions_are_reported_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = _records(0, 2)
    lines = [json.dumps(good[0]), "{not json", json.dumps({"id": "x", "text": 7}), json.dumps(good[1])]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken.parquet").write_bytes(b"this is not parquet")
    report = run_batch(str(folder), str(tmp_path / "out"), workers=1)
    assert (report.articles, report.failures, report.failed_partitions) == (2, 2, 1)
    assert any("mixed.jsonl:2" in e for e in report.errors) and any("mixed.jsonl:3" in e for e in report.errors)
    mixed = next((tmp_path / "out").glob("errors-mixed-*.jsonl"))
    errors = [json.loads(line) for line in mixed.read_text().splitlines()]
    assert len(errors) == 2
    assert any("broken.parquet" in e for e in report.errors)
    with pytest.raises(InputError):
        run_batch(str(tmp_path / "nothing-here"), str(tmp_path / "out2"), workers=1)


def test_killed_batch_resumes_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for part in range(8):
        _write_jsonl(folder / f"p{part}.jsonl", _records(part * 6, 6))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "onrecord", "batch", str(folder), "--out", str(out), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    while len(list((out / "_done").glob("*.json"))) < 2 if (out / "_done").exists() else True:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the driver and its worker processes
    process.wait()
    finished = len(list((out / "_done").glob("*.json")))
    assert 2 <= finished < 8
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"({finished} already done, 0 failed)" in rerun.stderr
    ids = [a.id for a in iter_output(str(out))]
    assert len(ids) == len(set(ids)) == 48


def test_loading_batch_output_into_the_store_is_idempotent(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(str(inputs), str(out), workers=1)
    with open_store(tmp_path / "kb.db") as store:
        first = load_analyses(store, iter_output(str(out)))
        assert (first.added, first.unchanged) == (12, 0)
        again = load_analyses(store, iter_output(str(out)))
        assert (again.added, again.unchanged) == (0, 12)
        assert store.stats().quotes == first.quotes
    articles = [a for a in iter_articles([inputs / "p1.jsonl"]) if isinstance(a, Article)]
    assert {a.id for a in articles} <= {a.id for a in iter_output(str(out))}


# --------------------------------------------------------------------------- issue 15.7, 14.4, 14.5


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """An in-process cluster (one worker thread) used as an external scheduler: fast, and the
    extractors stay loaded between tests."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _outputs(out: Path, prefix: str = "part-") -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(prefix))


def test_relative_out_goes_to_the_drivers_folder_not_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import LocalCluster

    source = tmp_path / "in"
    source.mkdir()
    _write_jsonl(source / "p1.jsonl", _records(0, 2))
    worker_dir, driver_dir = tmp_path / "worker", tmp_path / "driver"
    worker_dir.mkdir()
    driver_dir.mkdir()
    monkeypatch.chdir(worker_dir)  # worker processes start (and stay) here
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        monkeypatch.chdir(driver_dir)
        first = run_batch(str(source), "out", scheduler=cluster.scheduler_address, lang="de")
        again = run_batch(str(source), "out", scheduler=cluster.scheduler_address, lang="de")
    assert not (worker_dir / "out").exists()
    assert len(_outputs(driver_dir / "out")) == 1
    assert (first.articles, again.skipped, again.articles) == (2, 1, 0)
    assert first.out == str(driver_dir / "out")


def test_an_unreadable_partition_is_named_and_no_dask_traceback_is_shown(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_jsonl(folder / "good.jsonl", _records(0, 1))
    (folder / "corrupt.jsonl.gz").write_bytes(gzip.compress(b'{"id": "a", "text": "Ein Satz."}\n')[:-12])
    (folder / "broken.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "onrecord", "batch", str(folder), "--out", str(out), "--workers", "1"]
    done = subprocess.run([*command, "--lang", "de"], capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Compute Failed" not in done.stderr, done.stderr
    for name in ("corrupt.jsonl.gz", "broken.parquet"):
        assert f"{name}: cannot be read" in done.stderr
    assert "(0 already done, 2 failed), 1 articles" in done.stderr
    errors = {p.name.split("-")[1]: json.loads(p.read_text()) for p in out.glob("errors-*.jsonl")}
    assert sorted(errors) == ["broken", "corrupt"]
    assert errors["corrupt"]["source"].endswith("/corrupt.jsonl.gz")
    assert "broken.parquet: cannot be read" in errors["broken"]["error"]
    assert len(list((out / "_done").glob("*.json"))) == 1  # a failed partition is not marked done


def test_a_partition_already_done_is_not_computed_again_by_its_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What happens when the scheduler reruns a finished task because its worker was lost."""
    from onrecord.batch import worker

    _write_jsonl(tmp_path / "p.jsonl", _records(0, 2))
    (partition,) = find_partitions(str(tmp_path / "p.jsonl"))
    out = str(tmp_path / "out")
    first = worker.process_partition(partition, out, lang="de")
    part = next((tmp_path / "out").glob("part-*.parquet"))
    written = part.stat().st_mtime_ns

    def must_not_read(_: object) -> None:
        raise AssertionError("the partition was read again")

    monkeypatch.setattr(worker, "read_partition", must_not_read)
    again = worker.process_partition(partition, out, lang="de")
    assert again.reused and not first.reused
    assert (again.articles, again.quotes, again.words) == (first.articles, first.quotes, first.words) == (
        2, first.quotes, first.words,
    )  # fmt: skip
    assert part.stat().st_mtime_ns == written
    other = worker.process_partition(partition, out, lang="en")  # another language is another result
    assert other.failed is not None and "the partition was read again" in other.failed


def test_ingest_and_from_batch_recognise_each_others_articles(tmp_path: Path, scheduler: str) -> None:
    from onrecord.storage import ingest

    source = tmp_path / "in"
    source.mkdir()
    _write_jsonl(source / "p1.jsonl", _records(0, 3))
    out = tmp_path / "out"
    run_batch(str(source), str(out), scheduler=scheduler)
    articles = [a for a in iter_articles([source]) if isinstance(a, Article)]
    with open_store(tmp_path / "ingested.db") as store:
        assert ingest(store, articles).added == 3
        loaded = load_analyses(store, read_output(str(out)))
        assert (loaded.added, loaded.replaced, loaded.unchanged) == (0, 0, 3)

    def no_analysis(language: str) -> object:
        raise AssertionError(f"{language} article analysed again")

    with open_store(tmp_path / "loaded.db") as store:
        assert load_analyses(store, read_output(str(out))).added == 3
        again = ingest(store, articles, extractor_for=no_analysis)  # type: ignore[arg-type]
        assert (again.added, again.replaced, again.unchanged, again.failed) == (0, 0, 3, 0)


def test_a_changed_partition_replaces_its_output(tmp_path: Path, scheduler: str) -> None:
    source = tmp_path / "in"
    source.mkdir()
    _write_jsonl(source / "p1.jsonl", _records(0, 3))
    _write_jsonl(source / "p2.jsonl", _records(3, 2))
    out = tmp_path / "out"
    run_batch(str(source), str(out), scheduler=scheduler, formats=("parquet", "jsonl"))
    edited = _records(0, 3)
    edited[1]["text"] += "Nachtrag der Redaktion.\n"
    _write_jsonl(source / "p1.jsonl", edited)
    second = run_batch(str(source), str(out), scheduler=scheduler)
    assert (second.partitions, second.skipped, second.articles) == (2, 1, 3)
    p1 = [name for name in _outputs(out, "") if name.startswith(("part-p1-", "fingerprints-p1-", "errors-p1-"))]
    assert len(p1) == 1 and p1[0].endswith(".parquet")  # the old parquet replaced, its JSONL removed
    assert len(list((out / "_done").glob("*.json"))) == 2
    items = list(read_output(str(out)))
    assert not [item for item in items if isinstance(item, InputError)]
    texts = {analysis.id: analysis.text for analysis, _ in items}  # type: ignore[misc]
    assert len(items) == len(texts) == 5
    assert texts[edited[1]["id"]] == edited[1]["text"]
    with open_store(tmp_path / "kb.db") as store:
        report = load_analyses(store, read_output(str(out)))
        assert (report.added, report.failed, store.stats().articles) == (5, 0, 5)


def test_from_batch_reads_sources_in_order_and_each_article_once(tmp_path: Path, scheduler: str) -> None:
    """Sources in path order, whatever their output files are called (y/a.jsonl sorts after
    x/b.jsonl, its output part before); an id seen again is loaded from its last occurrence."""
    source = tmp_path / "in"
    (source / "x").mkdir(parents=True)
    (source / "y").mkdir()
    first = _records(0, 2)
    repeated = dict(first[0], text=first[0]["text"] + "Eine spätere Fassung.\n")
    _write_jsonl(source / "x" / "b.jsonl", first)
    _write_jsonl(source / "y" / "a.jsonl", [*_records(2, 2), repeated])
    out = tmp_path / "out"
    run_batch(str(source), str(out), scheduler=scheduler)
    assert _outputs(out)[0].startswith("part-a-")
    items = list(read_output(str(out)))
    errors = [str(item) for item in items if isinstance(item, InputError)]
    loaded = [item[0] for item in items if not isinstance(item, InputError)]
    ingest_order = [a.id for a in iter_articles([source]) if isinstance(a, Article)]
    assert [a.id for a in loaded] == [*ingest_order[1:4], ingest_order[0]]
    assert loaded[-1].text == repeated["text"]
    assert len(errors) == 1 and "x/b.jsonl" in errors[0] and "duplicate article id" in errors[0]
