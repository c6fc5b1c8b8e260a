"""Partitioned inputs and outputs of a batch run, local or behind any fsspec URL.

An input partition is one file: ``.jsonl``, ``.jsonl.gz`` (any compression fsspec infers) or
``.parquet`` with the JSONL fields as columns. Its identity is the hash of its bytes, so a
resumed run skips exactly the partitions whose content it already processed.

Output layout under ``OUT``::

    part-<hash>.parquet   analyses of one input partition (and/or part-<hash>.jsonl)
    errors-<hash>.jsonl   the records of that partition that failed, with file:line and reason
    _done/<hash>.json     written last: the partition is complete (counts, source file)

Files are written under a temporary name and renamed, and the marker comes last, so an
interrupted run never leaves output that looks complete.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import fsspec
from fsspec.core import url_to_fs

from onrecord.errors import InputError
from onrecord.ingest.jsonl import article_from_record, read_jsonl_lines
from onrecord.model import Article

__all__ = ["INPUT_SUFFIXES", "Partition", "done_marker", "find_partitions", "read_partition"]

INPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst", ".parquet")
DONE_DIR = "_done"
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """One input file and the hash of its content."""

    url: str
    digest: str

    @property
    def is_parquet(self) -> bool:
        """Whether the file is Parquet (else JSON lines, maybe compressed)."""
        return self.url.endswith(".parquet")


def find_partitions(source: str, max_record_bytes: int = 20 * 1024 * 1024) -> list[Partition]:
    """The input partitions of ``source`` (a file, a folder or a glob; local path or URL), sorted."""
    fs, path = url_to_fs(source)
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
    """The articles of a partition; a malformed record yields an :class:`InputError` (file:line)."""
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


def done_marker(out: str, digest: str) -> str:
    """Where the completion marker of a partition lives."""
    return f"{out.rstrip('/')}/{DONE_DIR}/{digest}.json"


def read_marker(out: str, digest: str) -> dict[str, Any] | None:
    """The completion record of a partition, or None when it is not complete."""
    fs, path = url_to_fs(done_marker(out, digest))
    if not fs.exists(path):
        return None
    with fs.open(path, "r") as stream:
        value: dict[str, Any] = json.load(stream)
    return value
