"""Ingest throughput of two checkouts of onrecord, interleaved in one run (issue 14 point 8).

``onrecord bench-store`` times :meth:`Store.put_many` while it fills a fresh store with replicas
of the analysed bench corpora (:func:`onrecord.bench.store.replicas`). This module times exactly
that storage step for two versions of the code on *the same analyses*, so the analysis (minutes)
runs once, not per version and repeat:

* the analyses come from a JSONL file (one :class:`~onrecord.model.Analysis` per line, e.g. the
  bench corpora analysed by the current code); fields an older model does not know (added later,
  additive) are dropped before that version validates them;
* each run is a fresh subprocess with ``PYTHONPATH`` set to one checkout, storing replicas into a
  fresh SQLite file in batches of 200 articles (as ``bench-store``) until ``--quotes`` quotes;
  it reports the seconds in ``put_many`` per batch and, where the version groups statements
  (issue 18), the seconds spent in :func:`onrecord.storage.statements.regroup`;
* runs alternate between the versions (A, B, A, B, …), so both see the same machine load;
  with ``ONRECORD_BENCH_PROGRESS=FILE`` each batch's timing is also appended to FILE as it ends,
  with ``ONRECORD_BENCH_KEEP_DB=PATH`` (a new file; one run) the filled store is kept there, e.g.
  for ``python -m onrecord.bench.statement_queries``;
  the summary gives medians and spread per version and the load average before and after.

Usage (a baseline checkout in a detached worktree, the current one as the other)::

    nice python -m onrecord.bench.ingest --analyses A.jsonl --quotes 20000 --repeats 3 \\
        base=/tmp/ingest-base head=.

The worker half (``--worker``) imports only what both versions have: ``open_store``,
``Store.put_many``, ``Analysis`` and ``fact_id``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

__all__ = ["main", "replicate", "strip_unknown"]

#: as ``onrecord bench-store``: articles per ``put_many`` call, outlets, date spread
BATCH_ARTICLES = 200
#: outlets the replicas cycle through (``meta.source``)
OUTLETS = ("Der Standard", "Süddeutsche Zeitung", "Tagesspiegel", "Wikinews", "The Guardian", "Reuters")
_FIRST_DAY = date(2019, 1, 1)
_DAYS = (date(2026, 12, 31) - _FIRST_DAY).days + 1
#: a step coprime to the number of days, so consecutive replicas land far apart and all days are used
_DAY_STEP = 7919
#: the store-size slices the result reports shares for (the trend as the store grows)
SLICE_QUOTES = 10_000


def strip_unknown(record: dict[str, Any], models: dict[str, Any]) -> dict[str, Any]:
    """``record`` (an analysis as JSON) without the keys the given model classes do not know.

    ``models`` maps ``analysis``, ``quote``, ``entity`` and ``role`` to pydantic classes (an older
    checkout's); keys are matched by field name or alias.
    """

    def known(model: Any) -> set[str]:
        return {name for name, info in model.model_fields.items()} | {
            info.alias for info in model.model_fields.values() if info.alias
        }

    def keep(item: dict[str, Any], model: Any) -> dict[str, Any]:
        names = known(model)
        return {key: value for key, value in item.items() if key in names}

    out = keep(record, models["analysis"])
    out["quotes"] = [keep(quote, models["quote"]) for quote in record.get("quotes", [])]
    out["entities"] = [
        keep(entity, models["entity"]) | {"roles": [keep(role, models["role"]) for role in entity.get("roles", [])]}
        for entity in record.get("entities", [])
    ]
    return out


def replicate(analyses: Sequence[Any], prints: Sequence[str], quotes_target: int) -> Iterator[tuple[Any, str]]:
    """Copies of ``analyses`` under ids ``<id>~r<n>`` with spread dates and cycling outlets, until
    ``quotes_target`` quotes (what :func:`onrecord.bench.store.replicas` stores). Copy ``k``
    (counting from 0 over all rounds) of round ``n`` gets the id ``<id>~r<n>``, the date
    ``2019-01-01 + (k * 7919 mod 2922)`` days and the outlet ``OUTLETS[k mod 6]``; its other
    metadata, text and facts are the original's. Stdlib only: it runs inside older checkouts."""
    quotes = copies = round_ = 0
    while quotes < quotes_target:
        for analysis, fingerprint in zip(analyses, prints, strict=True):
            if quotes >= quotes_target:
                return
            day = _FIRST_DAY + timedelta(days=copies * _DAY_STEP % _DAYS)
            meta = analysis.meta.model_copy(
                update={"published": day.isoformat(), "source": OUTLETS[copies % len(OUTLETS)]}
            )
            yield (
                analysis.model_copy(update={"id": f"{analysis.id}~r{round_}", "meta": meta}),
                f"{fingerprint}~r{round_}",
            )
            quotes += len(analysis.quotes)
            copies += 1
        round_ += 1


def _worker(analyses_path: Path, quotes_target: int) -> dict[str, Any]:
    """Store replicas into a fresh SQLite file with the onrecord on ``sys.path``; timings."""
    from onrecord import model
    from onrecord.storage.facts import fact_id
    from onrecord.storage.store import open_store

    models = {"analysis": model.Analysis, "quote": model.Quote, "entity": model.Entity, "role": model.Role}
    with analyses_path.open(encoding="utf-8") as lines:
        analyses = [
            model.Analysis.model_validate(strip_unknown(json.loads(line), models)) for line in lines if line.strip()
        ]
    prints = [fact_id("A", analysis.to_dict()) for analysis in analyses]
    # wall and CPU seconds inside statement grouping and the wire-copy hook (where the version has them)
    spent = {"grouping": [0.0, 0.0], "wire": [0.0, 0.0]}
    stmts: Any = None
    try:
        from onrecord.storage import statements as stmts
    except ImportError:  # a version before statements (issue 18)
        pass
    wire: Any = None
    try:
        from onrecord.storage import wire
    except ImportError:  # a version before wire copies in the store
        pass
    hooks = [(stmts, "regroup", "grouping"), (wire, "refresh", "wire")]
    for module, function, label in hooks:
        if module is not None and hasattr(module, function):
            _time_calls(module, function, spent[label])
    batches: list[dict[str, Any]] = []
    progress = os.environ.get("ONRECORD_BENCH_PROGRESS")
    keep = os.environ.get("ONRECORD_BENCH_KEEP_DB")  # a path: keep the filled store there
    if keep and Path(keep).exists():
        raise SystemExit(f"{keep}: exists; ONRECORD_BENCH_KEEP_DB must name a new file")
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-ingest-") as tmp:
        with open_store(keep or str(Path(tmp) / "bench.db")) as store:
            batch: list[tuple[Any, str | None]] = []
            stored = 0

            def flush() -> None:
                nonlocal stored
                before = {label: list(values) for label, values in spent.items()}
                started, started_cpu = time.perf_counter(), time.process_time()
                store.put_many(batch)
                seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
                quotes = sum(len(analysis.quotes) for analysis, _ in batch)
                stored += quotes
                batches.append(
                    {
                        "quotes": quotes,
                        "seconds": seconds,
                        "cpu": cpu,
                        **{label: spent[label][0] - before[label][0] for label in spent},
                        **{f"{label}_cpu": spent[label][1] - before[label][1] for label in spent},
                        "after": stored,
                    }
                )
                if progress:  # a long run can be followed (and read when cut short)
                    with open(progress, "a", encoding="utf-8") as out:
                        out.write(json.dumps(batches[-1]) + "\n")
                batch.clear()

            for copy, fingerprint in replicate(analyses, prints, quotes_target):
                batch.append((copy, fingerprint))
                if len(batch) >= BATCH_ARTICLES:
                    flush()
            if batch:
                flush()
    quotes = sum(b["quotes"] for b in batches)
    seconds = sum(b["seconds"] for b in batches)
    cpu = sum(b["cpu"] for b in batches)
    half = batches[len(batches) // 2 :]
    has = {
        "grouping": stmts is not None and hasattr(stmts, "regroup"),
        "wire": wire is not None and hasattr(wire, "refresh"),
    }

    def share(part: str, rows: list[dict[str, Any]], clock: str = "seconds") -> float | None:
        if not has[part]:
            return None
        suffix = "_cpu" if clock == "cpu" else ""
        return round(sum(b[part + suffix] for b in rows) / sum(b[clock] for b in rows), 4)

    return {
        "onrecord": str(Path(model.__file__).parent),
        "quotes": quotes,
        "batches": len(batches),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "quotes_per_s": round(quotes / seconds, 1),
        "quotes_per_cpu_s": round(quotes / cpu, 1),
        "grouping_seconds": round(spent["grouping"][0], 3) if has["grouping"] else None,
        "grouping_share": share("grouping", batches),
        "grouping_share_cpu": share("grouping", batches, "cpu"),
        "wire_share": share("wire", batches),
        "wire_share_cpu": share("wire", batches, "cpu"),
        "second_half_quotes_per_s": round(sum(b["quotes"] for b in half) / sum(b["seconds"] for b in half), 1),
        "second_half_grouping_share": share("grouping", half),
        "slices": [
            {
                "up_to": (index + 1) * SLICE_QUOTES,
                "quotes_per_cpu_s": round(sum(b["quotes"] for b in rows) / sum(b["cpu"] for b in rows), 1),
                "grouping_share_cpu": share("grouping", rows, "cpu"),
                "wire_share_cpu": share("wire", rows, "cpu"),
            }
            for index, rows in enumerate(_slices(batches))
        ],
        "per_batch": [{k: round(v, 3) if isinstance(v, float) else v for k, v in b.items()} for b in batches],
    }


def _time_calls(module: Any, function: str, total: list[float]) -> None:
    """Replace ``module.function`` by a wrapper adding its wall and CPU seconds to ``total``."""
    original = getattr(module, function)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - started
            total[1] += time.process_time() - started_cpu

    setattr(module, function, timed)


def _slices(batches: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The batches by the :data:`SLICE_QUOTES` slice of the store size they ended in."""
    slices: list[list[dict[str, Any]]] = []
    for batch in batches:
        index = (batch["after"] - 1) // SLICE_QUOTES
        while len(slices) <= index:
            slices.append([])
        slices[index].append(batch)
    return [rows for rows in slices if rows]


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _run(root: Path, analyses: Path, quotes: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root.resolve())}
    # run by path through runpy: the file's own folder must not come first on sys.path
    code = f"import runpy, sys; sys.argv = ['ingest', '--worker', {str(analyses)!r}, '{quotes}']; " + (
        f"runpy.run_path({str(Path(__file__).resolve())!r}, run_name='__main__')"
    )
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=root)
    if done.returncode != 0:
        raise SystemExit(f"worker for {root} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    """Interleaved ingest runs of the named checkouts; prints one JSON line per run and a summary."""
    parser = argparse.ArgumentParser(prog="python -m onrecord.bench.ingest", description=__doc__.split("\n")[0])
    parser.add_argument("--analyses", type=Path, required=True, help="JSONL of analyses to replicate")
    parser.add_argument("--quotes", type=int, default=20_000, help="quotes to store per run")
    parser.add_argument("--repeats", type=int, default=3, help="runs per version")
    parser.add_argument("--out", type=Path, help="also write all results here as JSON")
    parser.add_argument("versions", nargs="+", help="NAME=PATH of each checkout's root")
    args = parser.parse_args(argv)
    versions = [(name, Path(path)) for name, path in (item.split("=", 1) for item in args.versions)]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in versions}
    loads = {"before": _load()}
    print(f"load before: {loads['before']}", flush=True)
    for repeat in range(args.repeats):
        for name, root in versions:
            result = _run(root, args.analyses, args.quotes) | {"load_after": _load(), "repeat": repeat}
            results[name].append(result)
            brief = {k: v for k, v in result.items() if k not in ("per_batch", "slices")}
            print(json.dumps({"version": name, **brief}), flush=True)
    loads["after"] = _load()
    summary: dict[str, Any] = {"load": loads, "quotes": args.quotes}
    for name, runs in results.items():
        rates = sorted(run["quotes_per_s"] for run in runs)

        def median(key: str, these: list[dict[str, Any]] = runs) -> float | None:
            values = [run[key] for run in these if run.get(key) is not None]
            return statistics.median(values) if values else None

        summary[name] = {
            "quotes_per_s": rates,
            "median_quotes_per_s": statistics.median(rates),
            "median_quotes_per_cpu_s": median("quotes_per_cpu_s"),
            "median_second_half_quotes_per_s": median("second_half_quotes_per_s"),
            "median_grouping_share": median("grouping_share"),
            "median_grouping_share_cpu": median("grouping_share_cpu"),
            "median_second_half_grouping_share": median("second_half_grouping_share"),
            "median_wire_share_cpu": median("wire_share_cpu"),
        }
    if len(versions) == 2:
        first, second = (name for name, _ in versions)
        summary[f"{second}/{first}"] = round(
            summary[second]["median_quotes_per_s"] / summary[first]["median_quotes_per_s"], 3
        )
    print(json.dumps(summary), flush=True)
    if args.out:
        args.out.write_text(json.dumps({"summary": summary, "runs": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        print(json.dumps(_worker(Path(sys.argv[2]), int(sys.argv[3]))))
        sys.exit(0)
    sys.exit(main())
