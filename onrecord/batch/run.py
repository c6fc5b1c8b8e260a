"""The driver of a batch run on Dask: find partitions, skip finished ones, map the rest over
workers, sum up.

Without a scheduler address a :class:`distributed.LocalCluster` with worker *processes* (one
thread each: the extractors are CPU-bound Python) is started and stopped; with one, the given
cluster is used. Every worker loads the extractors once (:class:`PreloadExtractors`). A failed
partition (e.g. an unreadable file) is reported in the summary and the others go on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from onrecord.batch.partitions import Partition, find_partitions, read_marker
from onrecord.batch.worker import PartitionResult, PreloadExtractors, process_partition
from onrecord.errors import InputError

__all__ = ["BatchReport", "run_batch"]


@dataclass
class BatchReport:
    """The summary of a batch run."""

    partitions: int = 0
    skipped: int = 0
    failed_partitions: int = 0
    articles: int = 0
    quotes: int = 0
    words: int = 0
    failures: int = 0
    seconds: float = 0.0
    #: worker time spent on partitions (without cluster start-up and model loading)
    busy_seconds: float = 0.0
    workers: int = 0
    #: peak resident memory of each worker process that ran a partition (MB)
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def words_per_s(self) -> float:
        """Words analysed per second of wall time (cluster start-up included)."""
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain data, with words/s."""
        return asdict(self) | {"words_per_s": round(self.words_per_s, 1)}


def run_batch(
    source: str,
    out: str,
    scheduler: str | None = None,
    workers: int | None = None,
    lang: str | None = None,
    formats: tuple[str, ...] = ("parquet",),
    on_partition: Callable[[PartitionResult], None] | None = None,
) -> BatchReport:
    """Analyse every partition of ``source`` into ``out`` (see :mod:`onrecord.batch`)."""
    from distributed import Client, LocalCluster, as_completed

    if not formats or not set(formats) <= {"parquet", "jsonl"}:
        raise InputError(f"output formats must be parquet and/or jsonl, not {', '.join(formats) or 'none'}")
    started = time.perf_counter()
    report = BatchReport()
    partitions = find_partitions(source)
    report.partitions = len(partitions)
    todo: list[Partition] = []
    for partition in partitions:
        marker = read_marker(out, partition.digest)
        if marker is not None and set(formats) <= set(marker.get("formats", ["parquet"])):
            report.skipped += 1
        else:
            todo.append(partition)
    if todo:
        cluster = None
        if scheduler is None:
            count = workers or min(len(todo), os.cpu_count() or 1)
            cluster = LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
            )
        try:
            with Client(scheduler or cluster) as client:
                client.register_plugin(PreloadExtractors(("de", "en") if lang is None else (lang,)))
                report.workers = len(client.scheduler_info()["workers"])
                futures = client.map(process_partition, todo, out=out, lang=lang, formats=formats, pure=False)
                for future in as_completed(futures):
                    try:
                        result: PartitionResult = future.result()
                    except Exception as exc:  # an unreadable partition fails alone
                        report.failed_partitions += 1
                        report.errors.append(" ".join(f"{type(exc).__name__}: {exc}".split()))
                        continue
                    _add(report, result)
                    if on_partition is not None:
                        on_partition(result)
        finally:
            if cluster is not None:
                cluster.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _add(report: BatchReport, result: PartitionResult) -> None:
    report.articles += result.articles
    report.quotes += result.quotes
    report.words += result.words
    report.busy_seconds = round(report.busy_seconds + result.seconds, 3)
    report.failures += result.failures
    report.errors.extend(result.errors)
    previous = report.worker_peak_rss_mb.get(result.worker_pid, 0.0)
    report.worker_peak_rss_mb[result.worker_pid] = max(previous, result.worker_peak_rss_mb)
