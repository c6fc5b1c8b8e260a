"""The FastAPI application: the JSON API under ``/api``, the web app at ``/``, local assets.

Errors: library errors map to status codes (input 400, not found 404, unsupported language
422, store unreachable 503); API paths answer ``{"error": {"status", "message"}}``, pages an
HTML error page; an unexpected error is a 500 of the same form, logged once with its traceback.
Request bodies above ``ServerSettings.max_body_bytes`` get 413 before they are read. Every
response carries the security headers (:class:`SecurityHeaders`); on loopback, requests naming
a foreign host are refused (:class:`HostGuard`, against DNS rebinding). Every asset is served
from the package: the app works without any network.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException  # the base: also unknown paths (404) and methods (405)
from starlette.routing import Match, Mount

from onrecord.api.routes import router as api_router
from onrecord.api.settings import ServerSettings, host_name
from onrecord.errors import (
    ConflictError,
    InputError,
    NotFoundError,
    OnrecordError,
    StoreError,
    UnsupportedLanguageError,
)
from onrecord.storage import Store, open_store
from onrecord.web.render import CSP, security_headers

__all__ = ["API_STATIC_DIR", "SETTINGS_ENV", "app_from_environment", "create_app", "error_response"]

log = logging.getLogger("onrecord.api")

DESCRIPTION = (
    "Who said what, in which capacity, about whom: quotations from German and English news. "
    'Errors are `{"error": {"status", "message"}}`. Writes need `Authorization: Bearer <token>` '
    "when the server listens beyond loopback or has a token. On loopback, requests must name "
    "`localhost`, `127.0.0.1`, `[::1]` or a host given with `onrecord serve --allowed-host` "
    "(else 421), and writes from another origin's pages are refused (403)."
)

#: the methods ``Allow`` may name
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
#: methods that change nothing: not checked for a cross-origin ``Origin``
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

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
    from onrecord.web import STATIC_DIR
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
        description=DESCRIPTION,
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
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="onrecord API",
            swagger_js_url="/api-static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/api-static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/api-static/swagger-ui/favicon-32x32.png",
        )
        return HTMLResponse(page.body, headers={"Content-Security-Policy": docs_csp(bytes(page.body).decode())})

    @app.exception_handler(OnrecordError)
    async def _library_error(request: Request, exc: OnrecordError) -> Response:
        code = _status_of(exc)
        if code >= 500:
            _log_failure(request.scope, exc)
        return error_response(request, code, " ".join(str(exc).split()))

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError) -> Response:
        return error_response(request, status.HTTP_400_BAD_REQUEST, " ".join(str(exc).split()))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
            headers["Allow"] = ", ".join(allowed_methods(app, request.scope))
        return error_response(request, exc.status_code, str(exc.detail), headers or None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = [
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors()
        ]
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    # outermost last: security headers on everything, then unexpected errors, hosts, body size
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(HostGuard, settings=settings)
    app.add_middleware(InternalErrors)
    app.add_middleware(SecurityHeaders)
    return app


def error_response(request: Request, code: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error: ``{"error": {"status", "message"}}`` under ``/api`` (and for the API's own
    files), the HTML error page elsewhere (the SecurityHeaders middleware adds the security headers)."""
    from onrecord.web import error_page

    if request.url.path.startswith(("/api/", "/openapi.json")) or request.url.path == "/api":
        body = {"error": {"status": code, "message": message}}
        return JSONResponse(body, status_code=code, headers=headers)
    response = error_page(request, code, message)
    response.headers.update(headers or {})
    return response


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """The methods some route answers at ``scope``'s path (for ``Allow``), sorted: each method is
    tried against the routing table (static mounts answer GET and HEAD)."""
    scope = {"type": "http", "path": scope["path"], "root_path": "", "headers": [], "query_string": b""}
    methods: set[str] = set()
    for route in app.router.routes:
        if isinstance(route, Mount):
            if route.matches(scope)[0] is not Match.NONE:
                methods |= {"GET", "HEAD"}
            continue
        methods |= {m for m in _METHODS if route.matches({**scope, "method": m})[0] is Match.FULL}
    return sorted(methods)


def docs_csp(html: str) -> str:
    """The page policy for Swagger UI: its one inline script allowed by hash, nothing else inline."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    ]
    return CSP.replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]))


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
    await error_response(Request(scope), 413, message)(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware, the one place that sets them: every response carries the security headers
    (nosniff, no framing, same-origin referrer, the same-origin Content-Security-Policy) unless it
    set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = tuple(security_headers().items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class InternalErrors:
    """ASGI middleware: an unexpected error answers 500 with the usual error body (JSON for the
    API, the error page for pages) and is logged once, with its traceback; nothing re-raises it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the one place that turns any error into a 500
            _log_failure(scope, exc)
            if not started:
                message = "internal error: the server could not answer this request (its log has the details)"
                await error_response(Request(scope), 500, message)(scope, receive, send)


class HostGuard:
    """ASGI middleware against DNS rebinding: where :attr:`ServerSettings.checks_host`, a request
    naming another ``Host`` gets 421, and a write (not GET/HEAD/OPTIONS) from a page of another
    origin (``Origin`` header) gets 403."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.settings.checks_host:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host")
        refusal: tuple[int, str] | None = None
        if host is not None and not self.settings.host_allowed(host_name(host)):
            refusal = (421, f"this server does not answer for host {host[:100]!r} (see onrecord serve --allowed-host)")
        elif scope["method"] not in _SAFE_METHODS and not self._same_origin(headers.get("origin"), host):
            refusal = (403, "cross-origin write refused: this server only takes writes from its own pages")
        if refusal is not None:
            await error_response(Request(scope), *refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _same_origin(self, origin: str | None, host: str | None) -> bool:
        """Whether a write's ``Origin`` (absent for non-browser clients) is this server's."""
        if origin is None:
            return True
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False  # "null" (sandboxed frames, file: pages) and the like
        if host is not None and parts.netloc.lower() == host.strip().lower():
            return True
        return parts.hostname is not None and parts.hostname in self.settings.allowed_hosts


def _log_failure(scope: Scope, exc: BaseException) -> None:
    """Log an unexpected error once, with its traceback and the request that met it."""
    path = scope.get("path", "")
    log.error("%s %s failed", scope.get("method", "?"), path[:300], exc_info=exc)
