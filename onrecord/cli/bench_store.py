"""The ``bench-store`` command: the knowledge base at scale (ingest throughput, query latency).

The work is done by :func:`onrecord.bench.store.run_store_bench`; this prints its report.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from onrecord.cli.common import err, handle_errors, out, write_line

if TYPE_CHECKING:
    from onrecord.bench.store import StoreBenchReport

__all__ = ["BenchFormat", "bench_store"]


class BenchFormat(StrEnum):
    """Output formats of ``bench-store``."""

    text = "text"
    json = "json"


def bench_store(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="An empty store to fill: a SQLite file or postgresql://user@host/db (default: a temporary file).",
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder with bench-de/ and news-en/ (default: ../shared/data)."),
    ] = None,
    quotes: Annotated[int, typer.Option("--quotes", min=1, help="Replicate the corpora until this many quotes.")] = (
        100_000
    ),
    queries: Annotated[int, typer.Option("--queries", min=1, help="Timed runs of each query type.")] = 200,
    output_format: Annotated[BenchFormat, typer.Option("--format", "-f", help="text (a table) or json.")] = (
        BenchFormat.text
    ),
) -> None:
    """Build a store of 100,000 quotes; measure ingest throughput and p50/p95 latency of the queries."""
    from rich.status import Status

    with handle_errors():
        from onrecord.bench.store import run_store_bench

        with Status("store benchmark", console=err) as status:
            report = run_store_bench(db, data, quotes_target=quotes, queries=queries, step=status.update)
    if output_format is BenchFormat.json:
        write_line(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    _print_report(report)


def _print_report(report: StoreBenchReport) -> None:
    analysis, ingest = report.analysis, report.ingest
    out.print(
        f"analysis: {analysis.articles} articles, {analysis.words:,} words, {analysis.quotes:,} quotes "
        f"in {analysis.seconds:.1f} s = {analysis.words_per_s:,.0f} words/s"
        + (f" ({analysis.failed} failed)" if analysis.failed else "")
    )
    out.print(
        f"ingest: {ingest.articles:,} articles, {ingest.quotes:,} quotes ({ingest.replicas} replicas) "
        f"in {ingest.seconds:.1f} s = {ingest.articles_per_s:,.1f} articles/s, {ingest.quotes_per_s:,.0f} quotes/s; "
        f"{ingest.entities:,} entities, {ingest.article_entities:,} article entities, {ingest.roles:,} roles"
    )
    out.print(
        f"statements: {ingest.statements:,}; grouping {ingest.grouping_seconds:.1f} s = "
        f"{ingest.grouping_share:.1%} of the ingest time (target under 20%)"
    )
    over = set(report.over_target())
    table = Table(title=f"onrecord bench-store · {escape(report.store)}")
    for column in ("query", "runs", "p50 ms", "p95 ms", "max ms", "mean ms", "rows", "slowest"):
        table.add_column(column, justify="left" if column in ("query", "slowest") else "right")
    for query in report.queries:
        p95 = f"{query.p95_ms:.1f}"
        table.add_row(
            query.name, str(query.count), f"{query.p50_ms:.1f}", f"[red]{p95}[/]" if query.name in over else p95,
            f"{query.max_ms:.1f}", f"{query.mean_ms:.1f}", f"{query.rows:,}", escape(query.slowest),
        )  # fmt: skip
    out.print(table)
    size = f"{report.store_bytes / 1024 / 1024:,.1f} MB" if report.store_bytes is not None else "unknown"
    out.print(f"store size: {size}; peak RSS: {report.peak_rss_mb:,.0f} MB")
    if over:
        out.print(f"[yellow]p95 above {report.target_p95_ms:.0f} ms: {escape(', '.join(sorted(over)))}[/]")
    out.print(f"[dim]{escape(', '.join(f'{k} {v}' for k, v in report.machine.items()))}[/]")
