"""Splitting id lists for ``IN (…)`` queries, shared by the storage modules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

#: ids per ``IN (…)`` list: well under SQLite's and PostgreSQL's parameter limits
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of at most ``size``, in order."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
