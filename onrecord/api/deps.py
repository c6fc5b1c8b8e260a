"""Dependencies injected into routes (FastAPI ``Depends``): the store, the settings, write access."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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


#: the API token, published in the OpenAPI description as the writes' security scheme
bearer = HTTPBearer(
    scheme_name="token",
    description="`Authorization: Bearer <token>`: required for writes when the server listens beyond "
    "loopback or was given a token (`onrecord serve` prints it)",
    auto_error=False,  # a missing or malformed header is judged below: writes on loopback are open
)


def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Iterator[None]:
    """Let a writing request through (one at a time) if it carries the token when one is needed."""
    settings = get_settings(request)
    if settings.writes_need_token:
        expected = settings.token
        given = credentials.credentials.strip() if credentials is not None else ""
        if expected is None or not hmac.compare_digest(given.encode(), expected.encode()):
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
