"""Pure functions that turn an :class:`~onrecord.model.Analysis` into rows, and their ids.

Ids derive from content: an article's facts get ids from the article id and their own words and
offsets, so storing the same analysis twice yields the same rows.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from datetime import UTC, datetime

from onrecord.model import Analysis, Article, Quote, Role, Span

__all__ = [
    "about_rows",
    "article_fingerprint",
    "bound",
    "date_range",
    "dumps_spans",
    "fact_id",
    "is_former_title",
    "loads_spans",
    "now_iso",
    "quote_id",
    "role_id",
    "role_label",
    "stance_columns",
    "word_count",
]

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_FORMER = re.compile(r"\b(?:früher|ehemalig|einstig|vormalig|ex-|former|erstwhile|onetime|one-time)\w*", re.I)


def article_fingerprint(article: Article, language_hint: str | None, version: str) -> str:
    """What decides whether a stored article is unchanged: its text, metadata, language and
    the onrecord version that analysed it (a new version re-analyses on the next ingest)."""
    payload = json.dumps(
        [article.text, article.meta.model_dump(mode="json"), article.language or language_hint, version],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def fact_id(prefix: str, *parts: object) -> str:
    """A deterministic id of a fact from its parts."""
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return prefix + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def quote_id(article_id: str, quote: Quote) -> str:
    """The id of a quote: its article, kind, offsets and words."""
    return fact_id("Q", article_id, quote.kind, quote.spans, quote.text)


def stance_columns(quote: Quote) -> dict[str, object]:
    """The stance columns of a quote row (issue 17)."""
    return {"stance": quote.stance, "negated": quote.negated, "source_anonymity": quote.source_anonymity}


def about_rows(article_id: str, row_id: str, quote: Quote, article_entity: dict[str, str]) -> list[dict[str, object]]:
    """The ``quote_about`` rows of a quote: the article entities (local id → row id in
    ``article_entity``) its words mention, in order; unknown ids are skipped."""
    rows: list[dict[str, object]] = []
    for local in quote.about:
        target = article_entity.get(local)
        if target is not None and all(r["article_entity_id"] != target for r in rows):
            row = {"quote_id": row_id, "article_entity_id": target, "article_id": article_id, "position": len(rows)}
            rows.append(row)
    return rows


def role_id(article_entity_id: str, role: Role) -> str:
    """The id of a role fact."""
    return fact_id("R", article_entity_id, role.title, role.organization, role.place, role.spans)


def date_range(published: str | None) -> tuple[str | None, str | None]:
    """The first and last day an article dated ``published`` (YYYY, YYYY-MM, YYYY-MM-DD…) may fall on."""
    match = _DATE.match(published or "")
    if not match:
        return None, None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    last = calendar.monthrange(year, month)[1]
    if day is None or not 1 <= day <= last:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def bound(date: str, end: bool) -> str:
    """A filter bound YYYY[-MM[-DD]] as a full date: the first day (``end`` False) or the last."""
    start, stop = date_range(date)
    if start is None or stop is None:
        raise ValueError(f"not a date: {date!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return stop if end else start


def is_former_title(title: str | None) -> bool:
    """Whether a role title says the role is past (``früherer Minister``, ``ex-CEO``, ``former``)."""
    return bool(title and _FORMER.search(title))


def role_label(title: str | None, organization: str | None, place: str | None, former: bool) -> str:
    """A role in one line: "Minister, SPD, Berlin"; a past role says so ("Minister (former)")
    unless its title already does ("former CEO")."""
    label = ", ".join(part for part in (title, organization, place) if part)
    return f"{label} (former)" if label and former and not is_former_title(title) else label


def word_count(analysis: Analysis) -> int:
    """Words of the article body."""
    return len(analysis.text.split())


def dumps_spans(spans: list[Span]) -> str:
    """Spans as compact JSON."""
    return json.dumps([list(span) for span in spans], separators=(",", ":"))


def loads_spans(value: str | None) -> list[Span]:
    """Spans from their JSON."""
    return [(int(b), int(e)) for b, e in json.loads(value)] if value else []


def now_iso() -> str:
    """The current UTC time, ISO 8601, seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
