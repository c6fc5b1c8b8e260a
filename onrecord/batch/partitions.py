"""Partitioned inputs and outputs of a batch run, local or behind any fsspec URL.

An input partition is one file: ``.jsonl``, ``.jsonl.gz`` (any compression fsspec infers) or
``.parquet`` with the JSONL fields as columns. Its output is keyed by its *source* (the
absolute URL of the file): :attr:`Partition.key` is the file's stem and a hash of that URL. The
hash of its bytes (:attr:`Partition.digest`) is kept in the completion marker, so a resumed run
skips exactly the partitions whose current content it already processed, and a partition whose
content changed replaces its earlier output (one output and one marker per source, never two
versions of it).

Output layout under ``OUT``::

    part-<key>.parquet          analyses of one input partition (and/or part-<key>.jsonl)
    fingerprints-<key>.jsonl    with JSONL output: id and fingerprint of each analysis
    errors-<key>.jsonl          the records of that partition that failed (file:line, reason),
                                or why the whole partition could not be read
    _done/<key>.json            written last: the partition is complete (source, content hash,
                                formats, language, onrecord version, counts)

Files are written under a temporary name and renamed, and the marker comes last (and is removed
first when a partition is redone), so an interrupted run never leaves output that looks
complete. Readers (:func:`onrecord.batch.worker.read_output`) load only what a marker lists.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import fsspec
from fsspec.core import url_to_fs

from onrecord.errors import InputError
from onrecord.ingest.jsonl import article_from_record, read_jsonl_lines
from onrecord.model import Article

__all__ = [
    "INPUT_SUFFIXES",
    "Partition",
    "absolute_url",
    "done_marker",
    "find_partitions",
    "key_of",
    "list_markers",
    "read_marker",
    "read_partition",
]

INPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst", ".parquet")
DONE_DIR = "_done"
_HASH_CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Partition:
    """One input file (its absolute URL) and the hash of its content."""

    url: str
    digest: str

    @property
    def is_parquet(self) -> bool:
        """Whether the file is Parquet (else JSON lines, maybe compressed)."""
        return self.url.endswith(".parquet")

    @property
    def key(self) -> str:
        """The name of this source's output files (see the module)."""
        return key_of(self.url)


def key_of(source: str) -> str:
    """The output key of a source URL: its file stem (readable) and a hash of the whole URL."""
    name = source.rstrip("/").rsplit("/", 1)[-1]
    for suffix in INPUT_SUFFIXES:
        name = name.removesuffix(suffix)
    stem = _UNSAFE.sub("_", name).strip("._")[:48] or "partition"
    return f"{stem}-{hashlib.sha256(source.encode('utf-8')).hexdigest()[:12]}"


def absolute_url(location: str) -> str:
    """``location`` as the driver sees it, valid on every worker: a local path made absolute
    (workers run in other working directories); a URL (``s3://…``, ``a::b://…``) unchanged."""
    if "://" in location or "::" in location:
        return location
    return os.path.abspath(os.path.expanduser(location))


def find_partitions(source: str) -> list[Partition]:
    """The input partitions of ``source`` (a file, a folder or a glob; local path or URL), sorted."""
    fs, path = url_to_fs(absolute_url(source))
    if fs.isdir(path):
        found = [p for p in fs.find(path) if p.endswith(INPUT_SUFFIXES) and not _hidden(p, path)]
    elif any(char in path for char in "*?["):
        found = [p for p in fs.glob(path) if p.endswith(INPUT_SUFFIXES)]
    elif fs.exists(path):
        if not path.endswith(INPUT_SUFFIXES):
            raise InputError(f"unsupported input; use {', '.join(INPUT_SUFFIXES)}", source)
        found = [path]
    else:
        raise InputError("no such file or directory", source)
    if not found:
        raise InputError(f"no {', '.join(INPUT_SUFFIXES)} files", source)
    return [Partition(url=fs.unstrip_protocol(p), digest=_digest(fs, p)) for p in sorted(found)]


def _hidden(path: str, root: str) -> bool:
    relative = path[len(root) :].strip("/")
    return any(part.startswith((".", "_")) for part in relative.split("/"))


def _digest(fs: Any, path: str) -> str:
    digest = hashlib.sha256()
    with fs.open(path, "rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()[:24]


def read_partition(partition: Partition, max_record_bytes: int = 20 * 1024 * 1024) -> Iterator[Article | InputError]:
    """The articles of a partition; a malformed record yields an :class:`InputError` (file:line).

    A file that cannot be read at all (corrupt compression, not Parquet) raises where it fails.
    """
    if partition.is_parquet:
        yield from _read_parquet(partition.url)
        return
    with fsspec.open(partition.url, "rb", compression="infer") as stream:
        yield from read_jsonl_lines(stream, partition.url, max_record_bytes)


def _read_parquet(url: str) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq

    with fsspec.open(url, "rb") as stream:
        table = pq.ParquetFile(stream)
        row = 0
        for batch in table.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                row += 1
                try:
                    yield article_from_record({k: v for k, v in record.items() if v is not None}, f"{url}:row {row}")
                except InputError as exc:
                    yield exc


def done_marker(out: str, key: str) -> str:
    """Where the completion marker of the partition with output ``key`` lives."""
    return f"{out.rstrip('/')}/{DONE_DIR}/{key}.json"


def read_marker(out: str, key: str) -> dict[str, Any] | None:
    """The completion record of a partition, or None when it is not complete."""
    fs, path = url_to_fs(done_marker(out, key))
    try:
        with fs.open(path, "r") as stream:
            value: dict[str, Any] = json.load(stream)
    except FileNotFoundError:
        return None
    return value


def list_markers(out: str) -> dict[str, dict[str, Any]]:
    """Every completion marker under ``out``: output key -> marker (empty without a ``_done``)."""
    fs, path = url_to_fs(f"{out.rstrip('/')}/{DONE_DIR}")
    if not fs.isdir(path):
        return {}
    markers: dict[str, dict[str, Any]] = {}
    for name in sorted(fs.ls(path, detail=False)):
        base = name.rsplit("/", 1)[-1]
        if base.endswith(".json") and not base.startswith("."):
            with fs.open(name, "r") as stream:
                markers[base.removesuffix(".json")] = json.load(stream)
    return markers
