"""Shared pieces of the command line: consoles, formats, error mapping, output helpers.

Library code raises typed errors (:mod:`onrecord.errors`); :func:`handle_errors` alone turns
them into one-line messages on standard error and non-zero exit codes — never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from onrecord.errors import OnrecordError

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

#: exit code of an unexpected failure (a bug), as in sysexits' EX_SOFTWARE
EXIT_INTERNAL = 70


class Format(StrEnum):
    """Output formats."""

    text = "text"
    json = "json"
    jsonl = "jsonl"


LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", help="Language of the input: de or en (default: detect).")
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="text (a table; default on a terminal), json or jsonl (default otherwise)."),
]


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"onrecord: error: {escape(one_line(message))}", soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Map library errors to one line on stderr and an exit code; never show a traceback."""
    try:
        yield
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except OnrecordError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, and let the final flush go nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None
    except Exception as exc:
        raise fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_INTERNAL) from None


def one_line(message: object) -> str:
    return " ".join(str(message).split())


def write_line(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def as_dict(obj: object) -> Any:
    """A report object as plain data (``as_dict``/``model_dump``/dataclass/dict/other)."""
    for method in ("as_dict", "to_dict", "model_dump"):
        if callable(getattr(obj, method, None)):
            return getattr(obj, method)()
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(obj)  # type: ignore[call-overload]
    return obj if isinstance(obj, dict | list | int | float | str) or obj is None else str(obj)


def dumps(value: Any, pretty: bool = False) -> str:
    """JSON text of ``value`` (non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, indent=2 if pretty else None, default=str)
