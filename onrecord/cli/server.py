"""``onrecord serve``: the web app and JSON API over a store (uvicorn)."""

from __future__ import annotations

import secrets
from typing import Annotated

import typer
from rich.markup import escape

from onrecord.cli.common import err, fail, handle_errors
from onrecord.cli.kb import DbOption


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
) -> None:
    """Serve the web app and the JSON API (OpenAPI description at /docs)."""
    import uvicorn

    from onrecord.api.app import create_app
    from onrecord.api.settings import ServerSettings, is_loopback
    from onrecord.storage import open_store

    if token is None and not is_loopback(host):
        token = secrets.token_urlsafe(24)
        err.print(f"onrecord: listening beyond loopback; writes need this API token: [bold]{token}[/]")
    settings = ServerSettings(db=db, host=host, port=port, token=token, max_body_bytes=int(max_body_mb * 1024 * 1024))
    with handle_errors():
        store = open_store(db)  # fail early, with a clear message, if the store cannot be opened
    err.print(f"onrecord: serving {escape(store.url)} at http://{host}:{port}/ (API docs at /docs)")
    try:
        uvicorn.run(create_app(settings, store), host=host, port=port, log_level="warning")
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 6) from None
    finally:
        store.close()
