"""HTML pages: trafilatura extracts the article's title, date and body (offline)."""

from __future__ import annotations

from onrecord.errors import InputError
from onrecord.ingest.txt import ParsedText, normalise_newlines
from onrecord.model import Meta


def parse_html(html: str, origin: str) -> ParsedText:
    """Extract the main text and metadata of a page; :class:`InputError` when there is none."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, fast=False
    )
    if document is None:
        fields: dict[str, object] = {}
    else:
        fields = document if isinstance(document, dict) else document.as_dict()
    body = normalise_newlines(str(fields.get("text") or "")).strip()
    if not body:
        raise InputError("no article text found in the HTML page", origin)
    meta = Meta(
        title=_text(fields, "title"),
        published=_text(fields, "date"),
        source=_text(fields, "sitename"),
        url=_text(fields, "url"),
    )
    return ParsedText(meta, body)


def _text(fields: dict[str, object], name: str) -> str | None:
    value = fields.get(name)
    return str(value) if value else None
