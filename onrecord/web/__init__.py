"""The web app: server-rendered pages for analysts (analyse, articles, entities, search, graph,
statements, sources).

``router`` holds the pages, ``STATIC_DIR`` the local assets (CSS, JS, vendored libraries; the
app never loads anything from the network) and ``error_page`` renders HTML errors.
"""

from __future__ import annotations

from onrecord.web.render import STATIC_DIR, error_page
from onrecord.web.routes import router

__all__ = ["STATIC_DIR", "error_page", "router"]
