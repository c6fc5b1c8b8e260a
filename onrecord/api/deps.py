"""Dependencies injected into routes (FastAPI ``Depends``): the store, the settings, write access."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status

from onrecord.api.settings import ServerSettings
from onrecord.storage import Store

__all__ = ["SettingsDep", "StoreDep", "WriterDep", "get_settings", "get_store", "require_writer"]


def get_settings(request: Request) -> ServerSettings:
    """The server's settings."""
    settings: ServerSettings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    """The store the server was started with."""
    store: Store = request.app.state.store
    return store


def require_writer(
    request: Request,
    authorization: Annotated[
        str | None, Header(description="Bearer <token>: required for writes beyond loopback")
    ] = None,
) -> Iterator[None]:
    """Let a writing request through (one at a time) if it carries the token when one is needed."""
    settings = get_settings(request)
    if settings.writes_need_token:
        expected = settings.token
        scheme, _, given = (authorization or "").partition(" ")
        if expected is None or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), expected):
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                detail="this request changes the store: send the API token as 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
    lock: threading.Lock = request.app.state.write_lock
    with lock:
        yield


SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
WriterDep = Annotated[None, Depends(require_writer)]
