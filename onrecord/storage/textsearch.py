"""Full-text queries: a small, safe query language rendered for SQLite FTS5 and PostgreSQL.

Users type words, ``"quoted phrases"``, ``OR`` between alternatives and ``-word`` to exclude.
Every word is a prefix (``Sanktion`` finds ``Sanktionen``), which stands in for stemming in
both languages — inside a phrase too (``"Europäische Union"`` finds ``Europäischen Union``), on
both databases. User text never reaches the database as syntax: terms are reduced to letters
and digits and passed as one bound parameter.

Bounded cost: a query longer than :data:`MAX_QUERY_CHARS` characters or with more than
:data:`MAX_QUERY_WORDS` words (all words counted: phrases, alternatives, excluded ones) is
refused with a :class:`QuerySyntaxError` before it reaches the database. Each word is one more
prefix lookup and one more term to rank for every candidate row; without a cap a
2,000-word query ran for minutes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from operator import sub

from onrecord.errors import InputError
from onrecord.storage.records import Highlight

__all__ = [
    "MARK_END",
    "MARK_START",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "Clause",
    "QuerySyntaxError",
    "parse_query",
    "make_snippet",
    "split_highlights",
    "to_fts5",
    "to_tsquery",
]

#: markers the databases put around matched words in snippets (rare in news text)
MARK_START = "\u27ea"
MARK_END = "\u27eb"

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')  # an unclosed quote mark is not a phrase
_WORD = re.compile(r"[^\W_]+")
_GROUP = re.Match.group
#: letters and digits named by code point (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic, kana,
#: CJK, Hangul): ``\w``, ``\s`` and ``\W`` mean ASCII in ECMA-262 (the dialect of the OpenAPI
#: schema's ``pattern``, what clients and schemathesis read) but Unicode in Python and in the
#: Rust regex that validates the API's parameters, so a pattern written with them admitted
#: "Ü" on the server and not in the published schema. Each of these is a word character to the
#: parser too (``tests/test_storage_text.py`` checks every code point).
SEARCHABLE_LETTERS = (
    "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0388-\u038a\u038c\u038e-\u03a1\u03a3-\u03f5"
    "\u03f7-\u03ff\u0400-\u0481\u048a-\u052f\u05d0-\u05ea\u0620-\u064a\u3041-\u3096\u30a1-\u30fa"
    "\u4e00-\u9fff\uac00-\ud7a3"
)
#: white space as the parser (Python's ``\s``) splits at, named by code point like the letters
SEARCHABLE_SPACES = r"\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: punctuation that is no word character to the parser (``-`` last: literal in every dialect)
_MARKS = r"!#$%'()*+,./:;<=>?@_{|}-"
_SPACE = f"[{SEARCHABLE_SPACES}]"
_NONSPACE = f"[^{SEARCHABLE_SPACES}]"
_SPACES_AND_QUOTE = SEARCHABLE_SPACES + '"'
_NONSPACE_NOR_QUOTE = f"[^{_SPACES_AND_QUOTE}]"
_LETTER = f"[{SEARCHABLE_LETTERS}]"


def _word_with_letter_not_or(stops: str) -> str:
    """A word token (at a token start; not starting with ``-`` or ``"``) that holds a letter and
    is not ``OR`` (an alternative's keyword once a clause precedes it), made of characters
    other than ``stops`` (white space, and the quote mark inside a phrase)."""
    letter_not_o = f"[{SEARCHABLE_LETTERS.replace('A-Z', 'A-NP-Z')}]"
    nonspace = f"[^{stops}]"
    return (
        f'{letter_not_o}|[^{SEARCHABLE_SPACES}"O-]{nonspace}*{_LETTER}'
        f"|O(?:{_SPACE}|$)|O[^{stops}R]|OR{nonspace}"
    )


#: any token the parser skips over, followed by the white space that ends it where it is a word
#: (:data:`_TOKEN` tries a quoted phrase first: ``"…"`` or ``-"…"`` with a closing quote mark)
_ANY_TOKEN = (
    f'{_SPACE}|-?"[^"]*"|[^{SEARCHABLE_SPACES}"-]{_NONSPACE}*{_SPACE}|-(?:{_NONSPACE_NOR_QUOTE}{_NONSPACE}*)?{_SPACE}'
)
#: a token surely without a word (only punctuation), after which ``OR`` is still a word
_NO_WORD = (
    f'{_SPACE}|-?"[{SEARCHABLE_SPACES}{_MARKS}]*"|[{_MARKS[:-1]}]["{_MARKS}]*{_SPACE}'
    f'|-(?:[{_MARKS}]["{_MARKS}]*)?{_SPACE}'
)
#: a regular expression (search semantics) that a query with something to search for matches,
#: exactly as :func:`parse_query` tokenizes it (tokens consumed from the start, no lookaround:
#: the Rust regex has none): a positive word or ``"phrase"`` holding a letter or digit of
#: :data:`SEARCHABLE_LETTERS`, not the ``OR`` between alternatives. A quote mark with no closing
#: one starts a word that ends at white space (then no quote mark follows: ``[^"]*$``). It means
#: the same in ECMA-262, Rust regex and Python; a query it refuses may still be searchable (a
#: letter it does not name), a query it admits always is (``tests/test_storage_text.py``).
SEARCHABLE = (
    f"^(?:{_ANY_TOKEN})*(?:{_word_with_letter_not_or(SEARCHABLE_SPACES)}"
    f'|"[^"]*{_LETTER}[^"]*"'
    f'|"{_NONSPACE_NOR_QUOTE}*{_LETTER}[^"]*$'
    f'|-?"[^"]*{_SPACE}(?:{_word_with_letter_not_or(_SPACES_AND_QUOTE)})[^"]*$)'
    f"|^(?:{_NO_WORD})*OR(?:{_SPACE}|$)"
    f'|^(?:{_NO_WORD})*-?"[{SEARCHABLE_SPACES}{_MARKS}]*{_SPACE}OR(?:{_SPACE}|$)[^"]*$'
)


#: the longest query accepted, in characters (the API and web forms accept the same)
MAX_QUERY_CHARS = 300
#: the most words a query may hold, counting every word of every phrase, alternative and exclusion
MAX_QUERY_WORDS = 12


class QuerySyntaxError(InputError, ValueError):
    """The query has no searchable word, or is too long (an input error: CLI exit 2, HTTP 400)."""


@dataclass(frozen=True)
class Clause:
    """Alternatives (OR) of phrases; each phrase a sequence of words. ``negated``: must not match."""

    alternatives: tuple[tuple[str, ...], ...]
    negated: bool = False


def parse_query(query: str) -> list[Clause]:
    """The clauses (ANDed) of a user query; raises :class:`QuerySyntaxError` if there is nothing
    to search for or the query is over the limits (see the module docstring)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"the search is too long ({len(query):,} characters; at most {MAX_QUERY_CHARS}): use fewer words"
        )
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
    counted = sum(len(phrase) for clause in clauses for phrase in clause.alternatives)
    if counted > MAX_QUERY_WORDS:
        raise QuerySyntaxError(
            f"the search has too many words ({counted}; at most {MAX_QUERY_WORDS}, counting those of "
            "phrases, alternatives and exclusions): use the most telling ones"
        )
    return clauses


def to_fts5(clauses: list[Clause]) -> str:
    """An FTS5 MATCH expression: ``"w1" * AND ("p1" * + "p2" * OR "w2" *) NOT "w3" *``.

    A phrase is written as prefixes joined by ``+`` (FTS5's ``"p1 p2" *`` would make only its
    last word a prefix, where PostgreSQL's ``p1:* <-> p2:*`` makes each one)."""
    positive = [_fts5_alternatives(c) for c in clauses if not c.negated]
    expression = " AND ".join(positive)
    for clause in clauses:
        if clause.negated:
            expression = f"({expression}) NOT {_fts5_alternatives(clause)}"
    return expression


def _fts5_alternatives(clause: Clause) -> str:
    phrases = [" + ".join(f'"{word}" *' for word in words) for words in clause.alternatives]
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


#: words around the best passage of a snippet
SNIPPET_WORDS = 24
#: how much of a text a snippet is looked for in (a longer article's snippet comes from its start)
SNIPPET_SCAN_CHARS = 100_000


def fold_word(word: str) -> str:
    """A word lower-cased and without diacritics, as SQLite's index compares words."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _hits(words: list[str], wanted: tuple[str, ...]) -> list[bool]:
    """Whether each word begins with one of the ``wanted`` folded prefixes (:func:`fold_word`).

    Each distinct word is folded once (an article repeats its words), and an ASCII word is only
    lower-cased: it has no diacritics to remove. The same answers as folding every word, several
    times faster on a long article (search makes a snippet of each hit's full text)."""
    matching = {word for word in set(words) if (word.lower() if word.isascii() else fold_word(word)).startswith(wanted)}
    return list(map(matching.__contains__, words))


def make_snippet(text: str, clauses: list[Clause], words: int = SNIPPET_WORDS) -> list[Highlight]:
    """The passage of ``text`` with the most searched words, those words marked.

    Computed here, not by the database, so that both backends show the same snippet: the
    ``words`` consecutive words with the most words that begin with a searched (not excluded)
    word, the earliest such passage; ``…`` where the text is cut."""
    wanted = tuple(sorted({fold_word(w) for c in clauses if not c.negated for p in c.alternatives for w in p}))
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return [Highlight(text=text[:200], match=False)] if text else []
    hits = _hits(list(map(_GROUP, tokens)), wanted)
    width = min(words, len(tokens))
    # searched words among the first n words; a window's count is the difference of two of them
    before = list(accumulate(hits, initial=0))
    counts = list(map(sub, before[width:], before[: len(tokens) - width + 1]))
    best = counts.index(max(counts))  # the earliest of the best passages
    end = best + width
    pieces: list[Highlight] = []
    cursor = tokens[best].start() if best else 0
    if best:
        pieces.append(Highlight(text="…", match=False))
    for token, hit in zip(tokens[best:end], hits[best:end], strict=True):
        if hit:
            if token.start() > cursor:
                pieces.append(Highlight(text=text[cursor : token.start()], match=False))
            pieces.append(Highlight(text=token.group(), match=True))
            cursor = token.end()
    stop = tokens[end - 1].end() if end < len(tokens) else len(text)
    if stop > cursor:
        pieces.append(Highlight(text=text[cursor:stop], match=False))
    if end < len(tokens):
        pieces.append(Highlight(text="…", match=False))
    return _merged(pieces)


def _merged(pieces: list[Highlight]) -> list[Highlight]:
    """Adjacent pieces of the same kind joined."""
    merged: list[Highlight] = []
    for piece in pieces:
        if merged and merged[-1].match == piece.match:
            merged[-1] = Highlight(text=merged[-1].text + piece.text, match=piece.match)
        else:
            merged.append(piece)
    return merged
