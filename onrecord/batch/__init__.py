"""Batch runs on a Dask cluster: the same analysis as ``onrecord analyze``, over partitioned
JSONL, JSONL.gz or Parquet inputs (local paths or fsspec URLs), written as partitioned Parquet
and/or JSONL, restartable by partition content hash. See :mod:`.partitions` for the layout."""

from __future__ import annotations

from onrecord.batch.run import BatchReport, run_batch
from onrecord.batch.worker import iter_output

__all__ = ["BatchReport", "iter_output", "run_batch"]
