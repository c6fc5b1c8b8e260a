"""What a worker does with one partition: read, analyse with the same pipeline as
``onrecord analyze``, write the results atomically, mark the partition done.

The extractors are loaded once per worker process (:func:`onrecord.lang.get_extractor` caches
them; :class:`PreloadExtractors` loads them when a Dask worker starts).
"""

from __future__ import annotations

import json
import os
import resource
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import fsspec
from distributed import WorkerPlugin
from fsspec.core import url_to_fs

from onrecord.batch.partitions import Partition, done_marker, read_partition
from onrecord.model import Analysis
from onrecord.storage.facts import word_count

__all__ = [
    "ANALYSIS_COLUMNS",
    "PartitionResult",
    "PreloadExtractors",
    "iter_output",
    "process_partition",
    "read_output_part",
]

#: columns of the Parquet output; ``analysis`` holds the full contract object as JSON
ANALYSIS_COLUMNS = ("id", "language", "title", "published", "source", "url", "quotes", "entities", "words", "analysis")


@dataclass
class PartitionResult:
    """Counts of one processed partition."""

    digest: str
    source: str
    articles: int = 0
    quotes: int = 0
    words: int = 0
    failures: int = 0
    seconds: float = 0.0
    formats: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    worker_pid: int = 0
    #: the worker process's peak resident memory so far (MB)
    worker_peak_rss_mb: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for the completion marker)."""
        return asdict(self)


class PreloadExtractors(WorkerPlugin):  # type: ignore[misc]
    """A Dask worker plugin: load the extractors when the worker starts, not per article."""

    name = "onrecord-preload"

    def __init__(self, languages: tuple[str, ...] = ("de", "en")) -> None:
        self.languages = languages

    def setup(self, worker: object) -> None:  # noqa: D102
        from onrecord.lang import get_extractor

        for language in self.languages:
            get_extractor(language)


def process_partition(
    partition: Partition,
    out: str,
    lang: str | None = None,
    formats: tuple[str, ...] = ("parquet",),
    batch_size: int = 32,
    max_errors_listed: int = 20,
) -> PartitionResult:
    """Analyse one partition and write ``part-<hash>.<format>``, ``errors-<hash>.jsonl`` and the marker."""
    from onrecord.pipeline import analyze_many

    started = time.perf_counter()
    result = PartitionResult(digest=partition.digest, source=partition.url, formats=sorted(formats))
    analyses: list[Analysis] = []
    errors: list[dict[str, str]] = []
    for outcome in analyze_many(read_partition(partition), lang, batch_size=batch_size):
        if isinstance(outcome, Analysis):
            analyses.append(outcome)
        else:
            errors.append({"error": " ".join(str(outcome).split()), "type": type(outcome).__name__})
    result.articles = len(analyses)
    result.quotes = sum(len(a.quotes) for a in analyses)
    result.words = sum(word_count(a) for a in analyses)
    result.failures = len(errors)
    result.errors = [e["error"] for e in errors[:max_errors_listed]]
    base = out.rstrip("/")
    if "parquet" in formats:
        _atomic_write(f"{base}/part-{partition.digest}.parquet", _parquet_bytes(analyses))
    if "jsonl" in formats:
        lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in analyses)
        _atomic_write(f"{base}/part-{partition.digest}.jsonl", lines.encode("utf-8"))
    if errors:
        lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
        _atomic_write(f"{base}/errors-{partition.digest}.jsonl", lines.encode("utf-8"))
    result.seconds = round(time.perf_counter() - started, 3)
    result.worker_pid = os.getpid()
    result.worker_peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    _atomic_write(done_marker(out, partition.digest), json.dumps(result.as_dict(), ensure_ascii=False).encode())
    return result


def _parquet_bytes(analyses: list[Analysis]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(name, pa.int32() if name in ("quotes", "entities", "words") else pa.string()) for name in ANALYSIS_COLUMNS]
    )
    rows = {
        "id": [a.id for a in analyses],
        "language": [a.language for a in analyses],
        "title": [a.meta.title for a in analyses],
        "published": [a.meta.published for a in analyses],
        "source": [a.meta.source for a in analyses],
        "url": [a.meta.url for a in analyses],
        "quotes": [len(a.quotes) for a in analyses],
        "entities": [len(a.entities) for a in analyses],
        "words": [word_count(a) for a in analyses],
        "analysis": [json.dumps(a.to_dict(), ensure_ascii=False) for a in analyses],
    }
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(rows, schema=schema), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _atomic_write(url: str, data: bytes) -> None:
    """Write under a temporary name, then rename: readers never see a partial file."""
    fs, path = url_to_fs(url)
    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    temporary = f"{parent}/.tmp-{uuid.uuid4().hex}"
    with fs.open(temporary, "wb") as stream:
        stream.write(data)
    fs.mv(temporary, path)


def analyses_of(out: str) -> list[str]:
    """The analysis part files of an output folder, sorted."""
    fs, path = url_to_fs(out)
    parts = [p for p in fs.ls(path, detail=False) if p.rsplit("/", 1)[-1].startswith("part-")]
    return [fs.unstrip_protocol(p) for p in sorted(parts)]


def iter_output(out: str) -> Iterator[Analysis]:
    """Every analysis of a batch output, part by part (Parquet preferred over JSONL of the same
    partition); memory holds one part at a time."""
    parts = analyses_of(out)
    parquet_digests = {_digest_of(p) for p in parts if p.endswith(".parquet")}
    for part in parts:
        if part.endswith(".jsonl") and _digest_of(part) in parquet_digests:
            continue
        yield from read_output_part(part)


def _digest_of(part: str) -> str:
    return part.rsplit("part-", 1)[1].split(".")[0]


def read_output_part(url: str) -> list[Analysis]:
    """The analyses of one output part file."""
    if url.endswith(".parquet"):
        import pyarrow.parquet as pq

        with fsspec.open(url, "rb") as stream:
            column = pq.read_table(stream, columns=["analysis"]).column("analysis").to_pylist()
        return [Analysis.model_validate(json.loads(value)) for value in column]
    with fsspec.open(url, "r", encoding="utf-8") as stream:
        return [Analysis.model_validate(json.loads(line)) for line in stream if line.strip()]
