"""Ingest as separate processes, as users run it: killed with SIGKILL and run again, and two
ingests into one store at once — on SQLite and PostgreSQL. Nothing duplicated, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from onrecord.ingest import iter_articles
from onrecord.model import Analysis, Article
from onrecord.pipeline import analyze_many
from onrecord.storage import open_store
from onrecord.storage import schema as t
from onrecord.storage.facts import quote_id

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"


def _corpus(path: Path, copies: int, start: int = 0) -> Path:
    """``copies`` rounds of the test corpus under new ids (each a slightly different article)."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as stream:
        for n in range(start, start + copies):
            for record in records:
                copy = dict(record, id=f"{record['id']}-{n}", text=record["text"] + f"\nStand: Ausgabe {n}.\n")
                stream.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return path


def _expected_quote_ids(*paths: Path) -> set[str]:
    articles = [item for item in iter_articles(paths) if isinstance(item, Article)]
    return {
        quote_id(result.id, quote)
        for result in analyze_many(articles)
        if isinstance(result, Analysis)
        for quote in result.quotes
    }


def _stored(db: str) -> tuple[list[str], list[str]]:
    with open_store(db) as store, store.reading() as conn:
        articles = conn.execute(select(t.articles.c.id)).scalars().all()
        quotes = conn.execute(select(t.quotes.c.id)).scalars().all()
    return list(articles), list(quotes)


def _ingest(db: str, path: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "onrecord", "ingest", str(path), "--db", db, *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _article_count(db: str) -> int:
    try:
        return len(_stored(db)[0])
    except Exception:  # the first process may still be creating the schema
        return 0


def test_killed_ingest_resumes_without_duplicates(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", copies=40)  # 160 articles
    process = _ingest(db_url, corpus, "--batch-size", "2")
    deadline = time.monotonic() + 120
    while _article_count(db_url) < 10:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "ingest did not store anything in time"
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    interrupted, _ = _stored(db_url)
    assert 10 <= len(interrupted) < 160

    rerun = subprocess.run(
        [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db_url],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert f"{160 - len(interrupted)} added" in rerun.stderr and f"{len(interrupted)} unchanged" in rerun.stderr
    articles, quotes = _stored(db_url)
    assert len(articles) == len(set(articles)) == 160
    assert len(quotes) == len(set(quotes))
    assert set(quotes) == _expected_quote_ids(corpus)
    if not db_url.startswith("postgresql"):
        import sqlite3

        with sqlite3.connect(db_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            fts = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'verzögerung'").fetchone()
            assert fts == (40,)


def test_two_ingests_into_one_store_at_once(db_url: str, tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first.jsonl", copies=12)
    second = _corpus(tmp_path / "second.jsonl", copies=12, start=6)  # 6 rounds overlap
    processes = [_ingest(db_url, first, "--batch-size", "4"), _ingest(db_url, second, "--batch-size", "4")]
    outcomes = [process.communicate(timeout=300) for process in processes]
    for process, (_, stderr) in zip(processes, outcomes, strict=True):
        assert process.returncode == 0, stderr.decode()
    articles, quotes = _stored(db_url)
    assert len(articles) == len(set(articles)) == 4 * 18
    assert len(quotes) == len(set(quotes))
    assert set(quotes) == _expected_quote_ids(first, second)


@pytest.mark.parametrize("copies", [1])
def test_ingest_command_reports_and_is_idempotent(tmp_path: Path, copies: int) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", copies=copies)
    db = str(tmp_path / "kb.db")
    command = [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db]
    first = subprocess.run(command, capture_output=True, text=True, check=False)
    assert first.returncode == 0 and "4 added, 0 replaced, 0 unchanged, 0 failed" in first.stderr
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 0 and "0 added, 0 replaced, 4 unchanged, 0 failed" in again.stderr
