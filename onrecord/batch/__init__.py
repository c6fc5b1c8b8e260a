"""Batch runs on a Dask cluster: the same analysis as ``onrecord analyze``, over partitioned
JSONL, JSONL.gz or Parquet inputs (local paths or fsspec URLs), written as partitioned Parquet
and/or JSONL, one output per input file, restartable (a partition is redone when its content
changed). See :mod:`.partitions` for the layout and :func:`read_output` for loading it."""

from __future__ import annotations

from onrecord.batch.run import BatchReport, run_batch
from onrecord.batch.worker import iter_output, read_output

__all__ = ["BatchReport", "iter_output", "read_output", "run_batch"]
