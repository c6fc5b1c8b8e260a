"""The ``onrecord`` command line: parse arguments, call the library, print.

Commands live in :mod:`.analysis` (analyse, evaluate, train, benchmark) and :mod:`.kb` (the
knowledge base); they are registered here, in one explicit place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import typer

from onrecord.cli import analysis, batch, bench_store, kb, server, statements
from onrecord.cli.common import out

__all__ = ["COMMANDS", "app", "build_app", "main"]

#: the commands, in the order ``onrecord --help`` lists them: name -> function
COMMANDS: dict[str, Callable[..., Any]] = {
    "analyze": analysis.analyze,
    "eval": analysis.evaluate,
    "train": analysis.train,
    "bench": analysis.bench,
    "ingest": kb.ingest,
    "quotes": kb.quotes,
    "statements": statements.statements,
    "sources": statements.sources,
    "entity": kb.entity,
    "entities": kb.entities,
    "search": kb.search,
    "export": kb.export,
    "merge": kb.merge,
    "split": kb.split,
    "stats": kb.stats,
    "serve": server.serve,
    "bench-api": server.bench_api,
    "batch": batch.batch,
    "bench-batch": batch.bench_batch,
    "bench-store": bench_store.bench_store,
}


def build_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The Typer application with the given commands (default: all of them)."""
    application = typer.Typer(
        name="onrecord",
        help="Extract quotations — who said what — from German and English news, offline.",
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
    application.callback()(_root)
    for name in names:
        application.command(name)(COMMANDS[name])
    return application


def main() -> None:
    """Entry point of the ``onrecord`` console script.

    When the first argument names a command, the application is built with that command only:
    Typer turns every registered command into a Click command (evaluating all its annotations)
    before dispatching, a tenth of a second of start-up for commands that are not run. What the
    user sees is the same: the command's options, help and errors come from the command alone.
    """
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    build_app([first] if first in COMMANDS else COMMANDS)(prog_name="onrecord")


def _version(value: bool) -> None:
    if value:
        from onrecord import __version__

        out.print(f"onrecord {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract quotations — who said what — from German and English news, offline."""


app = build_app()
