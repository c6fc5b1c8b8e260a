"""Time each statement and source question of issue 18 on its own, against a filled store.

``python -m onrecord.bench.statement_queries DB RUNS [ANSWERS.json]`` runs, ``RUNS`` times after
one untimed warm-up round: ``statements`` (sorted by occurrences and first seen in turn) and its
count, without a filter and with the round's filter (``-f``: the quote filters of
``bench-store`` in turn), one statement page, and ``sources`` for every grouping (entity, type,
kind, outlet, month), without and with the filter. It prints one JSON line: p95 and p50 of the
wall time and p95 of this process's CPU time per type (ms) and the load average before and after;
``ANSWERS.json`` keeps the answers of the first 12 rounds, to compare code versions or backends
byte for byte. Unlike ``bench-store`` it builds nothing: point it at a store ``bench-store``
filled (``--db``).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from onrecord.bench.store import _filters, _pools, percentile
from onrecord.storage.records import QuoteFilter
from onrecord.storage.store import Store, open_store

__all__ = ["BY", "calls", "main", "measure"]

#: the groupings of ``onrecord sources``
BY = ("entity", "type", "kind", "outlet", "month")
#: rounds whose answers are kept
KEPT_ROUNDS = 12


def calls(store: Store, flt: QuoteFilter, index: int) -> list[tuple[str, Callable[[], Any]]]:
    """The questions of round ``index`` with the quote filter ``flt``, each returning its answer."""
    sort = "occurrences" if index % 2 == 0 else "first-seen"
    found: list[tuple[str, Callable[[], Any]]] = [
        ("statements", lambda: [r.model_dump() for r in store.statements(None, sort=sort, limit=50)]),  # type: ignore[arg-type]
        ("statements-f", lambda: [r.model_dump() for r in store.statements(flt, sort=sort, limit=50)]),  # type: ignore[arg-type]
        ("count", lambda: store.count_statements()),
        ("count-f", lambda: store.count_statements(flt)),
        ("detail", lambda: _detail(store, index)),
    ]
    for by in BY:
        found.append((f"sources-{by}", lambda by=by: store.sources(by, None, limit=50).model_dump()))  # type: ignore[misc]
        found.append((f"sources-{by}-f", lambda by=by: store.sources(by, flt, limit=50).model_dump()))  # type: ignore[misc]
    return found


def _detail(store: Store, index: int) -> Any:
    """What the statement page asks: one of the most repeated statements with its occurrences."""
    top = store.statements(limit=1, offset=index % 5)
    return store.statement(top[0].id).model_dump() if top else None


def measure(store: Store, runs: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the statistics, the answers of the first rounds) of ``runs`` rounds against ``store``."""
    pools = _pools(store)
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    answers: dict[str, Any] = {}
    load = os.getloadavg()[0]
    for index in range(-1, runs):  # round -1 warms the caches up and is not recorded
        position = max(index, 0)
        filters = list(_filters(pools, random.Random(position), position).values())
        for name, call in calls(store, filters[position % len(filters)], position):
            started, used = time.perf_counter(), time.process_time()
            answer = call()
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - used
            if index >= 0:
                wall.setdefault(name, []).append(seconds * 1000)
                cpu.setdefault(name, []).append(cpu_seconds * 1000)
                if index < KEPT_ROUNDS:
                    answers[f"{name}#{index}"] = answer
    stats = {
        "store": store.url,
        "runs": runs,
        "load": [round(load, 2), round(os.getloadavg()[0], 2)],
        "p95": {name: round(percentile(sorted(v), 95), 1) for name, v in wall.items()},
        "p50": {name: round(percentile(sorted(v), 50), 1) for name, v in wall.items()},
        "cpu_p95": {name: round(percentile(sorted(v), 95), 1) for name, v in cpu.items()},
    }
    return stats, answers


def main(argv: list[str]) -> int:
    """``DB RUNS [ANSWERS.json]``: see the module."""
    if len(argv) not in (2, 3) or not argv[1].isdigit():
        print("usage: python -m onrecord.bench.statement_queries DB RUNS [ANSWERS.json]", file=sys.stderr)
        return 2
    with open_store(argv[0]) as store:
        stats, answers = measure(store, int(argv[1]))
    print(json.dumps(stats))
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as out:
            json.dump(answers, out, sort_keys=True, ensure_ascii=False, indent=0, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
