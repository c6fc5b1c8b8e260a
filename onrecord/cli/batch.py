"""``onrecord batch``: analyse partitioned inputs on a Dask cluster."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from onrecord.cli.common import LangOption, dumps, err, handle_errors, write_line


class OutputFormat(StrEnum):
    """What ``batch`` writes per partition."""

    parquet = "parquet"
    jsonl = "jsonl"
    both = "both"


def batch(
    source: Annotated[
        str, typer.Argument(metavar="INPUT", help="A folder, file or glob of .jsonl[.gz]/.parquet (path or URL).")
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder (path or fsspec URL).")],
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Local worker processes (default: one per core).")] = None,
    lang: LangOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="parquet, jsonl or both.")
    ] = OutputFormat.parquet,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """Analyse partitioned inputs on Dask; finished partitions are skipped when run again."""
    from onrecord.batch import run_batch
    from onrecord.pipeline import ensure_supported

    if scheduler and workers:
        err.print("onrecord: --workers is ignored with --scheduler (the cluster has its own)")
    formats = ("parquet", "jsonl") if output_format is OutputFormat.both else (output_format.value,)
    with handle_errors():
        language = ensure_supported(lang) if lang else None
        report = run_batch(
            source, out, scheduler=scheduler, workers=workers, lang=language, formats=formats,
            on_partition=lambda r: err.print(f"[dim]{escape(r.source)}: {r.articles} articles, {r.failures} failed[/]"),
        )  # fmt: skip
    for error in report.errors:
        err.print(f"onrecord: error: {escape(error)}", soft_wrap=True)
    if json_summary:
        write_line(dumps(report.as_dict()))
    err.print(
        f"onrecord: {report.partitions} partitions ({report.skipped} already done, {report.failed_partitions} failed), "
        f"{report.articles} articles, {report.quotes} quotes, {report.failures} failed records; "
        f"{report.words:,} words in {report.seconds:.1f} s = {report.words_per_s:,.0f} words/s "
        f"on {report.workers} workers → {escape(report.out)}",
        soft_wrap=True,
    )
    if report.failures or report.failed_partitions:
        raise typer.Exit(2)


def bench_batch(
    data: Annotated[
        str | None, typer.Option("--data", help="Folder with bench-de/ and news-en/ (default: ../shared/data).")
    ] = None,
    workers: Annotated[
        list[int] | None, typer.Option("--workers", help="Worker counts to measure (repeatable).")
    ] = None,
    partitions: Annotated[int, typer.Option(min=1, help="Input partitions.")] = 8,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only the first N articles.")] = None,
) -> None:
    """Measure `batch` scaling: words/s with 1 and 2 local workers, memory, 1M-article projection."""
    from pathlib import Path

    from rich.status import Status

    from onrecord.bench.batch import run_scaling_bench

    with handle_errors(), Status("batch benchmark", console=err) as status:
        report = run_scaling_bench(
            Path(data) if data else None, tuple(workers or [1, 2]), partitions, limit,
            step=lambda message: status.update(f"measuring {message}"),
        )  # fmt: skip
    write_line(dumps(report.as_dict(), pretty=True))
