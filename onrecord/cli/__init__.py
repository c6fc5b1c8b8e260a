"""The ``onrecord`` command line: parse arguments, call the library, print.

Commands live in :mod:`.analysis` (analyse, evaluate, train, benchmark) and :mod:`.kb` (the
knowledge base); they are registered here, in one explicit place.
"""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli import analysis, batch, bench_store, kb, server, statements
from onrecord.cli.common import out

__all__ = ["app", "main"]

app = typer.Typer(
    name="onrecord",
    help="Extract quotations — who said what — from German and English news, offline.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

app.command()(analysis.analyze)
app.command("eval")(analysis.evaluate)
app.command()(analysis.train)
app.command()(analysis.bench)
app.command()(kb.ingest)
app.command()(kb.quotes)
app.command()(statements.statements)
app.command()(statements.sources)
app.command()(kb.entity)
app.command()(kb.entities)
app.command()(kb.search)
app.command()(kb.export)
app.command()(kb.merge)
app.command()(kb.split)
app.command()(kb.stats)
app.command()(server.serve)
app.command("bench-api")(server.bench_api)
app.command()(batch.batch)
app.command("bench-batch")(batch.bench_batch)
app.command("bench-store")(bench_store.bench_store)


def main() -> None:
    """Entry point of the ``onrecord`` console script."""
    app(prog_name="onrecord")


def _version(value: bool) -> None:
    if value:
        from onrecord import __version__

        out.print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract quotations — who said what — from German and English news, offline."""
