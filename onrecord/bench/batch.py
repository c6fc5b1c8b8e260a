"""Scaling benchmark of ``onrecord batch``: words/s with 1, 2, … local workers over the bench
corpora, peak memory per worker, and a projection for a million articles.

The corpora (10kGNAD test portion and news-en) are written as ``partitions`` JSONL files of
similar size; each worker count runs on a fresh output folder with its own local cluster, so
start-up (cluster, model loading) is included, as it would be in a real run.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onrecord.batch.run import BatchReport, run_batch

__all__ = ["ScalingReport", "ScalingRun", "run_scaling_bench"]


@dataclass
class ScalingRun:
    """One run with a given number of workers."""

    workers: int
    articles: int
    words: int
    seconds: float
    words_per_s: float
    speedup: float
    #: words per second of busy worker time (one worker, start-up excluded)
    words_per_busy_s: float
    peak_rss_mb_per_worker: list[float]


@dataclass
class ScalingReport:
    """All runs and the projection they support."""

    partitions: int
    articles: int
    words: int
    runs: list[ScalingRun] = field(default_factory=list)
    projection: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain data."""
        return asdict(self)


def write_partitions(data_dir: Path | None, folder: Path, partitions: int, limit: int | None = None) -> tuple[int, int]:
    """The bench corpora as ``partitions`` JSONL files in ``folder``; (articles, words)."""
    from onrecord.bench.analysis import bench_paths
    from onrecord.evaluation.gold import gnad_texts

    csv_path, news_dir = bench_paths(data_dir)
    records = [{"id": f"gnad-{i}", "text": text, "lang": "de"} for i, text in enumerate(gnad_texts(csv_path))]
    records += [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "lang": "en"}
        for path in sorted(news_dir.glob("*.txt"))
    ]
    if limit is not None:
        records = records[:limit]
    folder.mkdir(parents=True, exist_ok=True)
    streams = [(folder / f"part-{n:03d}.jsonl").open("w", encoding="utf-8") for n in range(partitions)]
    try:
        for index, record in enumerate(records):
            streams[index % partitions].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for stream in streams:
            stream.close()
    return len(records), sum(len(str(r["text"]).split()) for r in records)


def run_scaling_bench(
    data_dir: Path | None = None,
    workers: tuple[int, ...] = (1, 2),
    partitions: int = 8,
    limit: int | None = None,
    step: Callable[[str], None] = lambda _message: None,
) -> ScalingReport:
    """Measure ``run_batch`` with each worker count (see the module)."""
    with tempfile.TemporaryDirectory(prefix="onrecord-batch-bench-") as tmp:
        inputs = Path(tmp) / "in"
        articles, words = write_partitions(data_dir, inputs, partitions, limit)
        report = ScalingReport(partitions=partitions, articles=articles, words=words)
        base: float | None = None
        for count in workers:
            step(f"{count} worker{'s' if count > 1 else ''}")
            result: BatchReport = run_batch(str(inputs), str(Path(tmp) / f"out-{count}"), workers=count)
            base = base or result.words_per_s
            report.runs.append(
                ScalingRun(
                    workers=count,
                    articles=result.articles,
                    words=result.words,
                    seconds=result.seconds,
                    words_per_s=round(result.words_per_s, 1),
                    speedup=round(result.words_per_s / base, 2) if base else 0.0,
                    words_per_busy_s=round(result.words / result.busy_seconds, 1) if result.busy_seconds else 0.0,
                    peak_rss_mb_per_worker=sorted(result.worker_peak_rss_mb.values()),
                )
            )
    report.projection = _projection(report)
    return report


def _projection(report: ScalingReport) -> dict[str, Any]:
    """Hours for 1,000,000 articles of this corpus's average length on N workers, from the
    busy-time rate of one worker in the largest run (start-up is negligible in a long run)."""
    if not report.runs or not report.articles:
        return {}
    largest = max(report.runs, key=lambda run: run.workers)
    per_worker = largest.words_per_busy_s
    words_per_article = report.words / report.articles
    total_words = 1_000_000 * words_per_article
    return {
        "words_per_article": round(words_per_article, 1),
        "words_per_s_per_worker": round(per_worker, 1),
        "hours_for_1m_articles": {str(n): round(total_words / (per_worker * n) / 3600, 2) for n in (1, 2, 8, 32, 128)},
        "assumes": "linear scaling at the measured per-worker rate; partitions of similar size; "
        "enough partitions to keep every worker busy",
    }
