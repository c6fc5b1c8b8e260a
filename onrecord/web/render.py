"""Rendering pages: the Jinja2 environment (autoescape always on), security headers, error pages.

Every page response carries a Content-Security-Policy that allows only this origin: no inline
script or style, no external request. Article text is untrusted and only ever reaches a page
through autoescaped template expressions (never ``|safe``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

__all__ = ["CSP", "STATIC_DIR", "TEMPLATE_DIR", "error_page", "page", "safe_url", "security_headers"]

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATE_DIR = WEB_DIR / "templates"

#: only this origin: scripts, styles, images, fetches; no plugins, no framing, no foreign forms
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

_REASONS = {
    400: "Bad request",
    401: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Cannot process this",
    500: "Something went wrong",
    503: "The store is unavailable",
}


def security_headers() -> dict[str, str]:
    """Headers every page carries."""
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        # same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the
        # page's own form posts, which the host guard must refuse as a foreign origin
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def safe_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL (safe in ``href``), else None (``javascript:`` and the like)."""
    if not value:
        return None
    stripped = value.strip()
    return stripped if stripped.lower().startswith(("http://", "https://")) else None


def _path(value: object) -> str:
    """A path segment, percent-encoded (slashes too)."""
    return quote(str(value), safe="")


def _query(values: dict[str, object]) -> str:
    """A query string from the non-empty values."""
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _kind(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _json(value: object) -> str:
    """Compact JSON for a data attribute (autoescape escapes it for the attribute)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(path=_path, percent=_percent, kind=_kind, tojson_attr=_json, safe_url=safe_url)
    env.globals.update(query=_query)
    return env


templates = Jinja2Templates(env=_environment())


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """A rendered template (the app's SecurityHeaders middleware adds the security headers)."""
    context = {"nav": "", **context}
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> Response:
    """An HTML error page with ``status_code`` and the (escaped) message."""
    reason = _REASONS.get(status_code, "Error")
    return page(request, "error.html", {"status": status_code, "reason": reason, "message": message}, status_code)
