"""The driver of a batch run on Dask: find partitions, skip finished ones, submit one task per
remaining partition, sum up.

Paths are made absolute here, in the driver (:func:`~onrecord.batch.partitions.absolute_url`):
workers of an external cluster run in their own working directory, so a relative ``--out``
would otherwise land there (and a rerun, looking in the driver's, would redo everything).

Without a scheduler address a :class:`distributed.LocalCluster` with worker *processes* (one
thread each: the extractors are CPU-bound Python) is started and stopped; with one, the given
cluster is used. Every worker loads the extractors once (:class:`PreloadExtractors`). A failed
partition (e.g. an unreadable file) is reported in the summary, naming its file, and the others
go on; distributed's own log messages (worker tracebacks, restarts) are kept off the terminal.

Each future is released as soon as its result is in, so the scheduler forgets finished tasks:
when a worker is lost, only the partitions it had not finished are computed again (and a task
that runs again anyway finds its partition's marker and returns at once).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from onrecord.batch.partitions import Partition, absolute_url, done_marker, find_partitions, key_of, list_markers
from onrecord.batch.worker import (
    PartitionResult,
    PreloadExtractors,
    is_done,
    process_partition,
    remove_file,
    remove_output,
)
from onrecord.errors import InputError

__all__ = ["BatchReport", "run_batch"]


@dataclass
class BatchReport:
    """The summary of a batch run."""

    #: where the output went (made absolute)
    out: str = ""
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
    from distributed import Client, LocalCluster
    from distributed.utils import silence_logging_cmgr

    from onrecord import __version__

    if not formats or not set(formats) <= {"parquet", "jsonl"}:
        raise InputError(f"output formats must be parquet and/or jsonl, not {', '.join(formats) or 'none'}")
    started = time.perf_counter()
    report = BatchReport()
    out = report.out = absolute_url(out)
    partitions = find_partitions(source)
    report.partitions = len(partitions)
    markers = list_markers(out)
    _drop_stale(out, markers, partitions)
    todo: list[Partition] = []
    for partition in partitions:
        if is_done(markers.get(partition.key), partition, formats, lang, __version__):
            report.skipped += 1
        else:
            todo.append(partition)
    if todo:
        cluster = None
        with silence_logging_cmgr(logging.CRITICAL):
            if scheduler is None:
                count = workers or min(len(todo), os.cpu_count() or 1)
                cluster = LocalCluster(
                    n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1",
                    silence_logs=logging.CRITICAL,
                )  # fmt: skip
            try:
                with Client(scheduler or cluster) as client:
                    client.register_plugin(PreloadExtractors(("de", "en") if lang is None else (lang,)))
                    report.workers = len(client.scheduler_info()["workers"])
                    _run(client, todo, out, lang, formats, report, on_partition)
            finally:
                if cluster is not None:
                    cluster.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _run(
    client: Any,
    todo: list[Partition],
    out: str,
    lang: str | None,
    formats: tuple[str, ...],
    report: BatchReport,
    on_partition: Callable[[PartitionResult], None] | None,
) -> None:
    """One task per partition; each result is taken and its future released as it completes."""
    from distributed import as_completed

    futures = client.map(process_partition, todo, out=out, lang=lang, formats=formats, pure=False)
    source_of = {future.key: partition.url for future, partition in zip(futures, todo, strict=True)}
    pending = as_completed(futures)
    del futures  # as_completed holds the pending ones; a finished one is released below
    for future in pending:
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # e.g. the worker died on this partition too often (KilledWorker)
            report.failed_partitions += 1
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            report.errors.append(f"{source_of[future.key]}: not analysed ({reason})")
            continue
        finally:
            future.release()
        if result.failed:
            report.failed_partitions += 1
            report.errors.append(result.failed)
            continue
        _add(report, result)
        if on_partition is not None:
            on_partition(result)


def _drop_stale(out: str, markers: dict[str, dict[str, Any]], partitions: list[Partition]) -> None:
    """Remove the output of a current source kept under another key (by content, as onrecord
    did before keying output by source), so each source has one output and one marker."""
    sources = {partition.url for partition in partitions}
    for key, marker in list(markers.items()):
        source = marker.get("source")
        if source in sources and key != key_of(str(source)):
            remove_file(done_marker(out, key))
            remove_output(out, key)
            del markers[key]


def _add(report: BatchReport, result: PartitionResult) -> None:
    report.articles += result.articles
    report.quotes += result.quotes
    report.words += result.words
    report.busy_seconds = round(report.busy_seconds + result.seconds, 3)
    report.failures += result.failures
    report.errors.extend(result.errors)
    previous = report.worker_peak_rss_mb.get(result.worker_pid, 0.0)
    report.worker_peak_rss_mb[result.worker_pid] = max(previous, result.worker_peak_rss_mb)
