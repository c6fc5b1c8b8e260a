"""``onrecord serve``: the web app and JSON API over a store (uvicorn)."""

from __future__ import annotations

import secrets
from typing import Annotated

import typer
from rich.markup import escape

from onrecord.cli.common import err, fail, handle_errors
from onrecord.cli.kb import DbOption

#: seconds an idle keep-alive connection stays open: longer than uvicorn's 5 s, so a busy
#: client's reused connection is not closed under it (seen as read errors under load)
KEEP_ALIVE_S = 75


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="ONRECORD_TOKEN",
            help="API token for writing requests (required beyond loopback; generated when not given).",
        ),
    ] = None,
    max_body_mb: Annotated[float, typer.Option(min=0.01, help="Largest request body accepted.")] = 2.0,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            metavar="HOST",
            help="A host name requests may name besides localhost/127.0.0.1/[::1] (repeatable; '*': any). "
            "On loopback other hosts are refused (DNS rebinding).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes (analysis is CPU-bound: one per core).")] = 1,
) -> None:
    """Serve the web app and the JSON API (OpenAPI description at /docs)."""
    import uvicorn

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings, is_loopback
    from onrecord.storage import open_store

    if token is None and not is_loopback(host):
        token = secrets.token_urlsafe(24)
        # soft_wrap: the token stays on the line it is announced on, whatever the log's width
        err.print(f"onrecord: listening beyond loopback; writes need this API token: [bold]{token}[/]", soft_wrap=True)
    settings = ServerSettings(
        db=db, host=host, port=port, token=token, max_body_bytes=int(max_body_mb * 1024 * 1024),
        allowed_hosts=tuple(allowed_host or ()),
    )  # fmt: skip
    with handle_errors():
        store = open_store(db)  # fail early, with a clear message, if the store cannot be opened
    err.print(f"onrecord: serving {escape(store.url)} at http://{host}:{port}/ (API docs at /docs)", soft_wrap=True)
    try:
        if workers > 1:
            import dataclasses
            import json
            import os

            from onrecord.api.app import SETTINGS_ENV

            store.close()
            os.environ[SETTINGS_ENV] = json.dumps(dataclasses.asdict(settings))
            uvicorn.run(
                "onrecord.api.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", timeout_keep_alive=KEEP_ALIVE_S,
            )  # fmt: skip
        else:
            uvicorn.run(
                create_app(settings, store), host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_S
            )
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 6) from None
    finally:
        store.close()


def bench_api(
    db: DbOption = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Concurrent clients.")] = 50,
    queries: Annotated[int, typer.Option(min=1, help="Quote-query requests.")] = 2000,
    analyses: Annotated[int, typer.Option(min=1, help="Analyse requests (a ~600-word article).")] = 200,
    server_workers: Annotated[int, typer.Option(min=1, help="Server processes.")] = 1,
) -> None:
    """Load benchmark of the HTTP API on loopback: throughput, p50/p95 latency, errors."""
    from rich.status import Status

    from onrecord.bench.api import run_load_bench
    from onrecord.cli.common import dumps, write_line
    from onrecord.storage import DEFAULT_DB

    with handle_errors(), Status("API load benchmark", console=err) as status:
        report = run_load_bench(
            db or DEFAULT_DB, concurrency, queries, analyses, server_workers,
            step=lambda message: status.update(f"measuring {message}"),
        )  # fmt: skip
    write_line(dumps(report.as_dict(), pretty=True))
