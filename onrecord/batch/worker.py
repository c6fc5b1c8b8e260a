"""What a worker does with one partition: read, analyse with the same pipeline as
``onrecord analyze``, write the results atomically, mark the partition done; and how the
output is read back (:func:`read_output`).

The task checks the partition's marker itself: a partition whose marker matches (same content
hash, formats, language and onrecord version) is not computed again, even when the scheduler
reruns the task because the worker that held its result was lost. It never raises for a bad
partition: an unreadable file (corrupt compression, not Parquet) or a failed analysis is
returned as :attr:`PartitionResult.failed`, naming the file, and written to its errors file, so
no Dask traceback reaches the user.

Each analysis carries the fingerprint ``onrecord ingest`` computes for its article
(:func:`onrecord.storage.facts.article_fingerprint`), so ``ingest --from-batch`` and ``ingest``
recognise each other's articles as unchanged.

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
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import fsspec
from distributed import WorkerPlugin
from fsspec.core import url_to_fs

from onrecord.batch.partitions import Partition, done_marker, key_of, list_markers, read_marker, read_partition
from onrecord.errors import InputError
from onrecord.model import Analysis, Article
from onrecord.storage.facts import article_fingerprint, word_count

__all__ = [
    "ANALYSIS_COLUMNS",
    "OutputPart",
    "PartitionResult",
    "PreloadExtractors",
    "is_done",
    "iter_output",
    "output_parts",
    "process_partition",
    "read_output",
    "remove_file",
    "remove_output",
]

#: columns of the Parquet output; ``analysis`` holds the full contract object as JSON,
#: ``fingerprint`` what ``onrecord ingest`` would store for the article
ANALYSIS_COLUMNS = (
    "id", "language", "title", "published", "source", "url", "quotes", "entities", "words", "analysis", "fingerprint",
)  # fmt: skip
#: the output files of one partition besides its marker: prefix and suffix around the key
_OUTPUT_FILES = (("part-", ".parquet"), ("part-", ".jsonl"), ("fingerprints-", ".jsonl"), ("errors-", ".jsonl"))


@dataclass
class PartitionResult:
    """What became of one partition; also its completion marker."""

    digest: str
    source: str
    key: str = ""
    lang: str | None = None
    version: str = ""
    articles: int = 0
    quotes: int = 0
    words: int = 0
    failures: int = 0
    seconds: float = 0.0
    formats: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: why the whole partition failed (it names the file); nothing of it is written but the errors file
    failed: str | None = None
    #: the partition was complete already (its marker matched): nothing was computed
    reused: bool = False
    worker_pid: int = 0
    #: the worker process's peak resident memory so far (MB)
    worker_peak_rss_mb: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for the completion marker)."""
        return asdict(self)

    @classmethod
    def from_marker(cls, marker: dict[str, Any]) -> PartitionResult:
        """The result a completion marker records (unknown fields ignored)."""
        known = {f.name for f in fields(cls)}
        return cls(**{name: value for name, value in marker.items() if name in known})


def is_done(
    marker: dict[str, Any] | None, partition: Partition, formats: tuple[str, ...], lang: str | None, version: str
) -> bool:
    """Whether ``marker`` says ``partition`` is complete as asked: the same source and content,
    at least these formats, the same language setting and onrecord version."""
    return (
        marker is not None
        and marker.get("source") == partition.url
        and marker.get("digest") == partition.digest
        and set(formats) <= set(marker.get("formats", ()))
        and marker.get("lang") == lang
        and marker.get("version") == version
        and not marker.get("failed")
    )


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
    """Analyse one partition into ``part-<key>.<format>``, ``errors-<key>.jsonl`` and its marker
    (see :mod:`onrecord.batch.partitions`); a partition already complete is not computed again."""
    from onrecord import __version__

    base = out.rstrip("/")
    marker = read_marker(base, partition.key)
    if is_done(marker, partition, formats, lang, __version__):
        assert marker is not None
        result = PartitionResult.from_marker(marker)
        result.reused = True
        return result
    if marker is not None:  # an earlier version of this source: no longer complete
        remove_file(done_marker(base, partition.key))
    started = time.perf_counter()
    result = PartitionResult(
        digest=partition.digest, source=partition.url, key=partition.key, lang=lang, version=__version__,
        formats=sorted(formats),
    )  # fmt: skip
    try:
        analyses, prints, errors = _analyse(partition, lang, batch_size, __version__)
    except _PartitionFailed as exc:
        result.failed = str(exc)
        result.errors = [result.failed]
        remove_output(base, partition.key)
        _write_jsonl(_output_url(base, "errors-", partition.key, ".jsonl"), [exc.record])
        return _finish(result, started)
    result.articles = len(analyses)
    result.quotes = sum(len(a.quotes) for a in analyses)
    result.words = sum(word_count(a) for a in analyses)
    result.failures = len(errors)
    result.errors = [e["error"] for e in errors[:max_errors_listed]]
    written = set()
    if "parquet" in formats:
        written.add(
            _atomic_write(_output_url(base, "part-", partition.key, ".parquet"), _parquet_bytes(analyses, prints))
        )
    if "jsonl" in formats:
        lines = [a.to_dict() for a in analyses]
        written.add(_write_jsonl(_output_url(base, "part-", partition.key, ".jsonl"), lines))
        pairs = [{"id": a.id, "fingerprint": f} for a, f in zip(analyses, prints, strict=True)]
        written.add(_write_jsonl(_output_url(base, "fingerprints-", partition.key, ".jsonl"), pairs))
    if errors:
        written.add(_write_jsonl(_output_url(base, "errors-", partition.key, ".jsonl"), errors))
    remove_output(base, partition.key, keep=written)  # what an earlier version wrote and this one did not
    _finish(result, started)
    _atomic_write(done_marker(base, partition.key), json.dumps(result.as_dict(), ensure_ascii=False).encode())
    return result


class _PartitionFailed(Exception):
    """The whole partition failed; ``record`` is its line in the errors file."""

    def __init__(self, message: str, record: dict[str, str]) -> None:
        super().__init__(message)
        self.record = record


def _analyse(
    partition: Partition, lang: str | None, batch_size: int, version: str
) -> tuple[list[Analysis], list[str], list[dict[str, str]]]:
    """The analyses of a partition, the fingerprint of each, and the records that failed."""
    from onrecord.pipeline import analyze_many

    try:
        items = list(read_partition(partition))  # read it all first: a file corrupt at its end fails whole
    except Exception as exc:
        raise _failure(partition, "cannot be read", exc) from exc
    analyses: list[Analysis] = []
    prints: list[str] = []
    errors: list[dict[str, str]] = []
    try:
        for item, outcome in zip(items, analyze_many(items, lang, batch_size=batch_size), strict=True):
            if isinstance(outcome, Analysis) and isinstance(item, Article):
                analyses.append(outcome)
                prints.append(article_fingerprint(item, lang, version))
            elif not isinstance(outcome, Analysis):
                errors.append(
                    {"source": partition.url, "error": " ".join(str(outcome).split()), "type": type(outcome).__name__}
                )
    except Exception as exc:
        raise _failure(partition, "analysis failed", exc) from exc
    return analyses, prints, errors


def _failure(partition: Partition, what: str, exc: Exception) -> _PartitionFailed:
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())
    message = f"{partition.url}: {what} ({reason})"
    return _PartitionFailed(message, {"source": partition.url, "error": message, "type": "partition"})


def _finish(result: PartitionResult, started: float) -> PartitionResult:
    result.seconds = round(time.perf_counter() - started, 3)
    result.worker_pid = os.getpid()
    result.worker_peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _parquet_bytes(analyses: list[Analysis], prints: list[str]) -> bytes:
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
        "fingerprint": prints,
    }
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(rows, schema=schema), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _output_url(base: str, prefix: str, key: str, suffix: str) -> str:
    return f"{base}/{prefix}{key}{suffix}"


def _write_jsonl(url: str, records: list[dict[str, Any]]) -> str:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return _atomic_write(url, lines.encode("utf-8"))


def _atomic_write(url: str, data: bytes) -> str:
    """Write under a temporary name, then rename: readers never see a partial file."""
    fs, path = url_to_fs(url)
    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    temporary = f"{parent}/.tmp-{uuid.uuid4().hex}"
    with fs.open(temporary, "wb") as stream:
        stream.write(data)
    fs.mv(temporary, path)
    return url


def remove_file(url: str) -> None:
    """Remove one file (local path or fsspec URL); one already gone is fine."""
    fs, path = url_to_fs(url)
    try:
        fs.rm_file(path)
    except FileNotFoundError:
        pass


def remove_output(out: str, key: str, keep: set[str] | frozenset[str] = frozenset()) -> None:
    """Remove the output files of partition ``key`` (not its marker), except those in ``keep``."""
    base = out.rstrip("/")
    for prefix, suffix in _OUTPUT_FILES:
        url = _output_url(base, prefix, key, suffix)
        if url not in keep:
            remove_file(url)


# --------------------------------------------------------------------------- reading the output


@dataclass(frozen=True)
class OutputPart:
    """The analyses of one finished partition: the file to read and the source it came from."""

    key: str
    source: str
    url: str

    @property
    def is_parquet(self) -> bool:
        """Whether the part is Parquet (else JSONL with a fingerprints file beside it)."""
        return self.url.endswith(".parquet")


def output_parts(out: str) -> tuple[list[OutputPart], list[str]]:
    """The parts to load from a batch output, one per source, sorted by source (the order
    ``onrecord ingest`` reads the same files in); and a message for each stale marker ignored
    (a source with several markers, left by onrecord versions that keyed output by content)."""
    base = out.rstrip("/")
    fs, path = url_to_fs(base)
    if not fs.isdir(path):
        raise InputError("no such batch output folder", out)
    by_source: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, marker in list_markers(base).items():
        if not marker.get("failed"):
            by_source.setdefault(str(marker.get("source", key)), []).append((key, marker))
    parts: list[OutputPart] = []
    stale: list[str] = []
    for source, entries in sorted(by_source.items()):
        entries.sort(key=lambda entry: (entry[0] != key_of(source), entry[0]))  # the current key first
        key, marker = entries[0]
        stale.extend(f"{base}/_done/{other}.json: stale output of {source} ignored" for other, _ in entries[1:])
        fmt = "parquet" if "parquet" in marker.get("formats", ["parquet"]) else "jsonl"
        parts.append(OutputPart(key=key, source=source, url=_output_url(base, "part-", key, f".{fmt}")))
    return parts, stale


def read_output(out: str) -> Iterator[tuple[Analysis, str | None] | InputError]:
    """Every analysis of a batch output with its fingerprint (None from older outputs), in
    source order, each article once: an id that occurs again (in the same or a later source)
    is loaded from its last occurrence, as ``onrecord ingest`` of the same files would keep
    it, and each earlier one is reported as an :class:`InputError`. Memory holds the ids and
    one part at a time."""
    parts, stale = output_parts(out)
    for message in stale:
        yield InputError(message)
    last: dict[str, tuple[int, int]] = {}
    for number, part in enumerate(parts):
        for row, article_id in enumerate(_ids(part)):
            last[article_id] = (number, row)
    for number, part in enumerate(parts):
        for row, (analysis, fingerprint) in enumerate(_read_part(part)):
            keep = last.get(analysis.id)
            if keep == (number, row):
                yield analysis, fingerprint
            else:
                where = parts[keep[0]].source if keep is not None else "?"
                yield InputError(
                    f"duplicate article id {analysis.id!r}; the later one in {where} is loaded", part.source
                )


def iter_output(out: str) -> Iterator[Analysis]:
    """The analyses :func:`read_output` loads (without fingerprints and messages)."""
    for item in read_output(out):
        if not isinstance(item, InputError):
            yield item[0]


def _ids(part: OutputPart) -> list[str]:
    if part.is_parquet:
        import pyarrow.parquet as pq

        with fsspec.open(part.url, "rb") as stream:
            return [str(value) for value in pq.read_table(stream, columns=["id"]).column("id").to_pylist()]
    prints = _jsonl_fingerprints(part)
    if prints is not None:
        return [article_id for article_id, _ in prints]
    with fsspec.open(part.url, "r", encoding="utf-8") as stream:
        return [str(json.loads(line)["id"]) for line in stream if line.strip()]


def _read_part(part: OutputPart) -> Iterator[tuple[Analysis, str | None]]:
    """The analyses of one part and their fingerprints, in file order."""
    if part.is_parquet:
        import pyarrow.parquet as pq

        with fsspec.open(part.url, "rb") as stream:
            table = pq.ParquetFile(stream)
            columns = ["analysis", "fingerprint"] if "fingerprint" in table.schema_arrow.names else ["analysis"]
            for batch in table.iter_batches(batch_size=256, columns=columns):
                values = batch.to_pydict()
                prints = values.get("fingerprint", [None] * batch.num_rows)
                for value, fingerprint in zip(values["analysis"], prints, strict=True):
                    yield Analysis.model_validate(json.loads(value)), fingerprint
        return
    by_position = _jsonl_fingerprints(part)
    with fsspec.open(part.url, "r", encoding="utf-8") as stream:
        rows = (line for line in stream if line.strip())
        for row, line in enumerate(rows):
            analysis = Analysis.model_validate(json.loads(line))
            known = by_position[row] if by_position is not None and row < len(by_position) else None
            yield analysis, (known[1] if known is not None and known[0] == analysis.id else None)


def _jsonl_fingerprints(part: OutputPart) -> list[tuple[str, str]] | None:
    """The (id, fingerprint) pairs beside a JSONL part, in its order; None when there are none."""
    base = part.url.rsplit("/", 1)[0]
    fs, path = url_to_fs(_output_url(base, "fingerprints-", part.key, ".jsonl"))
    try:
        with fs.open(path, "r", encoding="utf-8") as stream:
            records = [json.loads(line) for line in stream if line.strip()]
    except FileNotFoundError:
        return None
    return [(str(record["id"]), str(record["fingerprint"])) for record in records]
