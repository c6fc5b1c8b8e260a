"""The FastAPI application: the JSON API under ``/api``, the web app at ``/``, local assets.

Errors: library errors map to status codes (input 400, not found 404, unsupported language
422, store unreachable 503); API paths answer ``{"error": {"status", "message"}}``, pages an
HTML error page. Request bodies above ``ServerSettings.max_body_bytes`` get 413 before they are
read. Every asset is served from the package: the app works without any network.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException  # the base: also unknown paths (404) and methods (405)

from onrecord.api.routes import router as api_router
from onrecord.api.settings import ServerSettings
from onrecord.errors import (
    ConflictError,
    InputError,
    NotFoundError,
    OnrecordError,
    StoreError,
    UnsupportedLanguageError,
)
from onrecord.storage import Store, open_store

__all__ = ["API_STATIC_DIR", "SETTINGS_ENV", "app_from_environment", "create_app"]

#: the environment variable through which ``onrecord serve --workers N`` hands its settings
#: (as JSON) to each uvicorn worker process
SETTINGS_ENV = "ONRECORD_SERVE_SETTINGS"

#: Swagger UI's assets (vendored from npm) for /docs
API_STATIC_DIR = Path(__file__).parent / "static"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (NotFoundError, status.HTTP_404_NOT_FOUND),
    (ConflictError, status.HTTP_409_CONFLICT),
    (InputError, status.HTTP_400_BAD_REQUEST),
    (UnsupportedLanguageError, 422),
    (StoreError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (ValueError, status.HTTP_400_BAD_REQUEST),  # e.g. a search query without words, a bad date
)


def create_app(settings: ServerSettings | None = None, store: Store | None = None) -> FastAPI:
    """The application over ``store`` (default: opened from ``settings.db`` at start-up)."""
    from onrecord import __version__
    from onrecord.web import STATIC_DIR, error_page
    from onrecord.web import router as web_router

    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else open_store(settings.db)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="onrecord",
        version=__version__,
        description="Who said what, in which capacity, about whom: quotations from German and English news.",
        lifespan=lifespan,
        docs_url=None,  # served below with local assets: no CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.write_lock = threading.Lock()
    if store is not None:
        app.state.store = store
    app.include_router(api_router, prefix="/api")
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/api-static", StaticFiles(directory=API_STATIC_DIR), name="api-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="onrecord API",
            swagger_js_url="/api-static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/api-static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/api-static/swagger-ui/favicon-32x32.png",
        )

    def respond(request: Request, code: int, message: str, headers: dict[str, str] | None = None) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": code, "message": message}}, status_code=code, headers=headers)
        return error_page(request, code, message)

    @app.exception_handler(OnrecordError)
    async def _library_error(request: Request, exc: OnrecordError) -> Response:
        return respond(request, _status_of(exc), " ".join(str(exc).split()))

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError) -> Response:
        return respond(request, status.HTTP_400_BAD_REQUEST, " ".join(str(exc).split()))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return respond(request, 422, "; ".join(parts) or "invalid request")

    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def app_from_environment() -> FastAPI:
    """The app of one uvicorn worker process, from the settings ``onrecord serve`` put in
    :data:`SETTINGS_ENV` (used only when serving with several worker processes)."""
    import json
    import os

    return create_app(ServerSettings(**json.loads(os.environ[SETTINGS_ENV])))


def _status_of(exc: Exception) -> int:
    for kind, code in _STATUS:
        if isinstance(exc, kind):
            return code
    return status.HTTP_500_INTERNAL_SERVER_ERROR


class BodyLimit:
    """ASGI middleware: refuse request bodies above ``limit`` bytes with 413 — by the declared
    length at once, else while reading; a body within the limit is replayed to the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, receive, send, self.limit)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await _too_large(scope, receive, send, self.limit)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    message = f"request body too large (limit {limit:,} bytes)"
    response = JSONResponse({"error": {"status": 413, "message": message}}, status_code=413)
    await response(scope, receive, send)
