"""Full-text queries: a small, safe query language rendered for SQLite FTS5 and PostgreSQL.

Users type words, ``"quoted phrases"``, ``OR`` between alternatives and ``-word`` to exclude.
Every word is a prefix (``Sanktion`` finds ``Sanktionen``), which stands in for stemming in
both languages. User text never reaches the database as syntax: terms are reduced to letters
and digits and passed as one bound parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.storage.records import Highlight

__all__ = [
    "MARK_END",
    "MARK_START",
    "Clause",
    "QuerySyntaxError",
    "parse_query",
    "split_highlights",
    "to_fts5",
    "to_tsquery",
]

#: markers the databases put around matched words in snippets (rare in news text)
MARK_START = "\u27ea"
MARK_END = "\u27eb"

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')  # an unclosed quote mark is not a phrase
_WORD = re.compile(r"[^\W_]+")
#: a regular expression (search semantics) that a query with something to search for matches:
#: a token that does not start with ``-`` and holds a letter or digit
SEARCHABLE = r"(?:^|\s)[^\s-]*[^\W_]"


class QuerySyntaxError(ValueError):
    """The query has no searchable word."""


@dataclass(frozen=True)
class Clause:
    """Alternatives (OR) of phrases; each phrase a sequence of words. ``negated``: must not match."""

    alternatives: tuple[tuple[str, ...], ...]
    negated: bool = False


def parse_query(query: str) -> list[Clause]:
    """The clauses (ANDed) of a user query; raises :class:`QuerySyntaxError` if nothing to search."""
    clauses: list[Clause] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        negated = bool(match.group(1))
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        if match.group(3) == "OR" and clauses:
            pending_or = True
            continue
        if raw.startswith("-") and match.group(3) is not None:
            negated, raw = True, raw[1:]
        words = tuple(word.lower() for word in _WORD.findall(raw))
        if not words:
            continue
        if pending_or and not negated and not clauses[-1].negated:
            last = clauses.pop()
            clauses.append(Clause(last.alternatives + (words,)))
        else:
            clauses.append(Clause((words,), negated))
        pending_or = False
    if not any(not clause.negated for clause in clauses):
        raise QuerySyntaxError(f"nothing to search for in {query!r}: give at least one word")
    return clauses


def to_fts5(clauses: list[Clause]) -> str:
    """An FTS5 MATCH expression: ``"w1" * AND ("p1 p2" * OR "w2" *) NOT "w3" *``."""
    positive = [_fts5_alternatives(c) for c in clauses if not c.negated]
    expression = " AND ".join(positive)
    for clause in clauses:
        if clause.negated:
            expression = f"({expression}) NOT {_fts5_alternatives(clause)}"
    return expression


def _fts5_alternatives(clause: Clause) -> str:
    phrases = [f'"{" ".join(words)}" *' for words in clause.alternatives]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def to_tsquery(clauses: list[Clause]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` expression with prefix matching."""
    parts = []
    for clause in clauses:
        phrases = [" <-> ".join(f"{word}:*" for word in words) for words in clause.alternatives]
        joined = phrases[0] if len(phrases) == 1 else "(" + " | ".join(f"({p})" for p in phrases) + ")"
        parts.append(f"!({joined})" if clause.negated else f"({joined})")
    return " & ".join(parts)


def split_highlights(snippet: str) -> list[Highlight]:
    """A database snippet with :data:`MARK_START`/:data:`MARK_END` markers as highlight pieces."""
    pieces: list[Highlight] = []
    for i, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", snippet)):
        if part:
            pieces.append(Highlight(text=part, match=i % 2 == 1))
    return pieces
