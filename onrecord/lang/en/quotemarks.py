"""Quote-mark pairing over raw text (language-independent apart from the mark inventory).

Needs: the body text only. Adds: :class:`QuoteSpan` objects, each the stretch of one
top-level quotation *including* its marks, split into one part per paragraph.

Handles curly double marks (“…”), straight double marks ("…", direction guessed from the
neighbouring characters), curly single marks (‘…’) when they are not apostrophes, a quote
continued over paragraphs (the next paragraph reopens with a mark and the previous one has
no closing mark), a missing closing mark (closed at the paragraph end), a doubled opening
mark (the earlier quote is closed before it), stray or doubled closing marks (ignored) and a
closing mark typed as the opening one at the start of a paragraph (”Fear. …”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.lang.en.lexicon import word_set
from onrecord.model import Span

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
#: the double quotation marks of English text (single marks double as apostrophes); the German
#: and language-independent set is :data:`onrecord.extraction.quotemarks.DOUBLE_MARKS`, which
#: also holds "‟"
DOUBLE_MARKS = frozenset(OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT)


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: its parts (one per paragraph), marks included."""

    parts: tuple[Span, ...]
    closed: bool = True

    @property
    def begin(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def inner(self, text: str) -> str:
        """The quoted words without the outer marks."""
        return text[self.begin + 1 : self.end - 1] if self.end - self.begin >= 2 else ""


#: the most words a quoted title of a work or a programme has here ("The Late Show with Stephen Colbert")
TITLE_MAX_WORDS = 8
_TITLE_WORD = re.compile(r"[^\W_][\w'’.&-]*")


def title_like(inner: str) -> bool:
    """Whether quoted words are the title of a work or a name in title case, not speech
    (''Monday Night Baseball,'', “The Daily Show”, “Game of Thrones”): two to eight words, the
    first and every word but small function words capitalised (or a number), and no ``?`` or
    ``!``. A one-word quotation (“No,”) is left to the short-quotation rules."""
    if "?" in inner or "!" in inner:
        return False
    words = _TITLE_WORD.findall(inner)
    if not 2 <= len(words) <= TITLE_MAX_WORDS or not words[0][0].isupper():
        return False
    small = word_set("title_small_words.txt")
    capital = [w for w in words if w[0].isupper() or w[0].isdigit()]
    return len(capital) >= 2 and all(w in capital or w.lower() in small for w in words)


def _straight_role(text: str, i: int, length: int = 1) -> str:
    """Whether a straight ``"`` at ``i`` opens (``o``), closes (``c``) or is unclear (``?``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace() and after not in ".,;:!?)]}":
        return "o"  # (a mark before a comma closes: '" … people ", Water said')
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’"):
        return "c"
    return "?"


def _is_apostrophe(text: str, i: int) -> bool:
    """A ``’`` inside a word (don’t, Clinton’s) is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens_paragraph(text: str, i: int) -> bool:
    """A closing mark typed where a paragraph starts, before a word (”Fear. I am …”): it opens."""
    line_start = text.rfind("\n", 0, i) + 1
    after = text[i + 1] if i + 1 < len(text) else " "
    return not text[line_start:i].strip() and (after.isalnum() or after in "‘'")


def _marks(text: str) -> list[tuple[int, int, str, str]]:
    """Candidate marks in order: (position, length, ``o``/``c``/``?``, family ``d``/``s``).

    Two apostrophes ``''`` (and two backticks) count as one straight double mark.
    """
    out: list[tuple[int, int, str, str]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "'`" and i + 1 < n and text[i + 1] == ch:
            role = "o" if ch == "`" else _straight_role(text, i, 2)
            out.append((i, 2, role, "d"))
            i += 2
            continue
        if ch in OPEN_DOUBLE:
            out.append((i, 1, "o", "d"))
        elif ch in CLOSE_DOUBLE:
            out.append((i, 1, "o" if _opens_paragraph(text, i) else "c", "d"))
        elif ch == STRAIGHT:
            out.append((i, 1, _straight_role(text, i), "d"))
        elif ch == OPEN_SINGLE:
            out.append((i, 1, "o", "s"))
        elif ch == CLOSE_SINGLE and not _is_apostrophe(text, i):
            after = text[i + 1] if i + 1 < n else " "
            if not after.isalnum():
                out.append((i, 1, "c", "s"))
        i += 1
    return out


def for_parser(text: str) -> str:
    """``text`` with every two-character mark (``''``, two backticks) replaced by two curly marks
    of its direction (``““`` opens, ``””`` closes), so the text keeps its length and every offset.

    Some outlets (the New York Times archive among them) write ''…'' for quotation marks.
    spaCy's English model reads ``''`` as a closing mark only, so an opening ``''`` glues the
    quotation to the sentence before it and the parse of the attribution goes astray;
    a curly mark is tagged and parsed as it is meant. The original text stays the doc's text
    for every offset and quotation (see :func:`onrecord.lang.en.spans.doc_text`)."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for i, length, role, _family in _marks(text):
        if length == 2:
            chars[i : i + 2] = ["“", "“"] if role == "o" else ["”", "”"]
    return "".join(chars)


def _paragraph_end(text: str, start: int) -> int:
    """End of the paragraph containing ``start`` (a newline or the text end)."""
    nl = text.find("\n", start)
    return len(text) if nl < 0 else nl


def _trim(text: str, begin: int, end: int) -> Span:
    while end > begin and text[end - 1].isspace():
        end -= 1
    while begin < end and text[begin].isspace():
        begin += 1
    return begin, end


def _pair_family(text: str, marks: list[tuple[int, int, str]]) -> list[QuoteSpan]:
    """Pair the marks of one family left to right."""
    quotes: list[QuoteSpan] = []
    parts: list[Span] = []
    open_at: int | None = None
    for pos, length, role in marks:
        if open_at is not None:
            para_end = _paragraph_end(text, open_at)
            if pos > para_end:
                # the quote ran to the paragraph end unclosed
                parts.append(_trim(text, open_at, para_end))
                next_para = para_end
                while next_para < len(text) and text[next_para].isspace():
                    next_para += 1
                if next_para == pos and role in "o?":
                    open_at = pos  # continued in the next paragraph
                    continue
                quotes.append(QuoteSpan(tuple(parts), closed=False))
                parts, open_at = [], None
            elif role in "c?":
                parts.append((open_at, pos + length))
                quotes.append(QuoteSpan(tuple(parts)))
                parts, open_at = [], None
                continue
            else:  # a second opening mark: the first one was never closed
                parts.append(_trim(text, open_at, pos))
                quotes.append(QuoteSpan(tuple(parts), closed=False))
                parts, open_at = [], None
        if open_at is None and role in "o?":
            open_at = pos
    if open_at is not None:
        parts.append(_trim(text, open_at, _paragraph_end(text, open_at)))
        quotes.append(QuoteSpan(tuple(parts), closed=False))
    return [q for q in quotes if q.end - q.begin > 2]


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations of ``text``, in text order.

    Double marks are paired first; single marks count only outside double-quoted stretches
    (British style or headlines).
    """
    marks = _marks(text)
    doubles = _pair_family(text, [(p, n, r) for p, n, r, f in marks if f == "d"])
    covered = [(q.begin, q.end) for q in doubles]

    def outside(pos: int) -> bool:
        return not any(b <= pos < e for b, e in covered)

    singles = _pair_family(text, [(p, n, r) for p, n, r, f in marks if f == "s" and outside(p)])
    singles = [q for q in singles if all(outside(b) and outside(e - 1) for b, e in q.parts)]
    return sorted(doubles + singles, key=lambda q: q.begin)
