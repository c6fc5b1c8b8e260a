"""JSON Lines articles: one JSON object per line, read as a stream.

Each line is ``{"id", "text", "title"?, "published"?, "source"?, "url"?, "lang"?}``. ``text`` is
kept unchanged (offsets point into it). A record without ``id`` gets a content hash. A malformed
line yields an :class:`InputError` naming ``file:line``; the other lines are still read.

A string holding the NUL character (JSON ``\\u0000``) is rejected with such an error rather than
silently changed: PostgreSQL cannot store NUL in text, and SQLite would keep what PostgreSQL
cannot, so a record with it is refused on both backends alike (raw NUL bytes in the file are
already refused as binary data). Other control characters are stored as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.errors import InputError
from onrecord.ingest.decode import decode_legacy, looks_binary
from onrecord.model import Article, Meta, content_id

_META_FIELDS = ("title", "published", "source", "url", "place")


def read_jsonl_lines(lines: Iterable[bytes], origin: str, max_record_bytes: int) -> Iterator[Article | InputError]:
    """Articles (or per-line errors) from the raw lines of a JSONL stream named ``origin``."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        seen_any = True
        where = f"{origin}:{number}"
        if len(raw) > max_record_bytes:
            yield InputError(f"record too large ({len(raw):,} bytes > {max_record_bytes:,})", where)
        elif looks_binary(raw[:4096]):
            yield InputError("binary data, not a JSON line", where)
        else:
            yield _parse_record(decode_legacy(raw), where)
    if not seen_any:
        yield InputError("empty", origin)


def _parse_record(line: str, where: str) -> Article | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # some of json's messages end in "at" ("Unterminated string starting at"): say it once
        return InputError(f"malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})", where)
    if not isinstance(record, dict):
        return InputError("a JSON object is expected", where)
    try:
        return article_from_record(record, where)
    except InputError as exc:
        return exc


def article_from_record(record: dict[str, Any], where: str) -> Article:
    """Build an :class:`Article` from one JSON record, checking the field types."""
    if "text" not in record or record["text"] is None:
        raise InputError('field "text" (a string) is missing', where)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f'field "text" must be a string, not {_json_type(text)}', where)
    refuse_nul('field "text"', text, where)
    if not text.strip():
        raise InputError('field "text" is empty', where)
    given_id = record.get("id")
    if given_id is not None and not isinstance(given_id, str | int):
        raise InputError('field "id" must be a string', where)
    if isinstance(given_id, str):
        refuse_nul('field "id"', given_id, where)
    meta = Meta(**{name: _optional_str(record, name, where) for name in _META_FIELDS})
    return Article(
        id=str(given_id) if given_id is not None else content_id(text),
        text=text,
        language=_optional_str(record, "lang", where),
        meta=meta,
        origin=where,
    )


def _optional_str(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        refuse_nul(f'field "{name}"', value, where)
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f'field "{name}" must be a string', where)


def nul_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored when it holds the NUL character (None when it does not):
    the one message of every input path (JSONL, the HTTP API, the web form)."""
    position = value.find("\x00")
    if position < 0:
        return None
    return (
        f"holds a NUL character (\\u0000) at character {position:,}; "
        "remove it (the knowledge base cannot store NUL in text)"
    )


def refuse_nul(label: str, value: str, where: str | None = None) -> None:
    """Refuse a string with NUL, which no backend stores (see the module docstring): an
    :class:`InputError` "<label> holds a NUL character …" from ``where``."""
    problem = nul_problem(value)
    if problem is not None:
        raise InputError(f"{label} {problem}", where)


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__
