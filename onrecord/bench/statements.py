"""Statement grouping and the statement/source queries in ``bench-store`` (issue 18).

:func:`timed_grouping` measures the time :meth:`Store.put_many` spends regrouping statements
(:func:`onrecord.storage.statements.regroup`) while it is active; :func:`statement_calls` are the
queries ``onrecord statements`` and ``onrecord sources`` make, for one round of the query mix.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from onrecord.storage import statements as grouping
from onrecord.storage.records import QuoteFilter
from onrecord.storage.store import Store

__all__ = ["STATEMENT_QUERIES", "TARGET_P95_MS", "statement_calls", "timed_grouping"]

#: the query types this module adds to the mix
STATEMENT_QUERIES = ("statements", "statements-count", "statement-detail", "sources")
#: the p95 latency target of these queries (issue 18)
TARGET_P95_MS = 150.0
_BY = ("entity", "type", "kind", "outlet", "month")


@contextmanager
def timed_grouping() -> Iterator[list[float]]:
    """Yields a one-element list that accumulates the seconds spent regrouping statements."""
    spent = [0.0]
    original = grouping.regroup

    def timed(conn: Any, speakers: Any) -> None:
        started = time.perf_counter()
        try:
            original(conn, speakers)
        finally:
            spent[0] += time.perf_counter() - started

    grouping.regroup = timed  # type: ignore[assignment]
    try:
        yield spent
    finally:
        grouping.regroup = original  # type: ignore[assignment]


def statement_calls(store: Store, flt: QuoteFilter, index: int) -> list[tuple[str, str, Callable[[], int]]]:
    """The statement queries of round ``index`` with the quote filter ``flt`` of that round."""
    sort = "occurrences" if index % 2 == 0 else "first-seen"
    by = _BY[index % len(_BY)]
    described = " ".join(f"--{k}={v!r}" for k, v in flt.model_dump(exclude_none=True).items())
    return [
        ("statements", f"{described} --sort {sort}", partial(_list, store, flt, sort)),
        ("statements-count", described, partial(store.count_statements, flt)),
        ("statement-detail", f"page {index % 5}", partial(_detail, store, index)),
        ("sources", f"--by {by} {described}", partial(_sources, store, by, flt)),
    ]


def _list(store: Store, flt: QuoteFilter, sort: str) -> int:
    return len(store.statements(flt, sort=sort, limit=50))  # type: ignore[arg-type]


def _detail(store: Store, index: int) -> int:
    """What the statement page asks: one of the most repeated statements with its occurrences."""
    found = store.statements(limit=1, offset=index % 5)
    return len(store.statement(found[0].id).occurrence_list) if found else 0


def _sources(store: Store, by: str, flt: QuoteFilter) -> int:
    return len(store.sources(by, flt, limit=50).rows)  # type: ignore[arg-type]
