"""German text preparation: tokens with offsets, sentences, paragraphs, lemmas, quote marks.

Needs: the body text. Adds: a :class:`PreparedDoc` whose tokens carry character offsets into
that text, a sentence and paragraph index, a lemma (simplemma, cached) and the quoted stretch
they sit in. Uses spaCy's rule-based German tokenizer, re-implemented without spaCy
(:mod:`onrecord.lang.de.tokenizer`: same tokens, no spaCy import), and a punctuation sentence
splitter; no statistical model is needed at this stage.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from onrecord.extraction.quotemarks import ALL_MARKS, QuotedStretch, find_quoted
from onrecord.lang.de.lexicon import lexicon, word_set
from onrecord.lang.de.tokenizer import german_tokenizer

_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSING = frozenset("“”\"«»‘’)")
#: marks that end a clause inside a sentence: comma, semicolon, colon, brackets and dashes
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "–", "—"})
#: the clause marks and the marks that end a sentence (".", "!", "?"): where a phrase breaks off
BREAK_PUNCT = CLAUSE_PUNCT | {".", "!", "?"}
_ABBREV_NEXT_LOWER = re.compile(r"^[a-zäöüß]")


@dataclass
class Token:
    """One token of a German document."""

    i: int
    text: str
    start: int
    end: int
    sent: int = 0
    para: int = 0
    lemma: str = ""
    quoted: int = -1  # index of the quoted stretch containing it, or -1
    #: the text in lower case (set once: a token's text does not change)
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass
class PreparedDoc:
    """Tokens, sentence boundaries (token index ranges), paragraphs, quoted stretches."""

    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[QuotedStretch] = field(default_factory=list)
    #: per-document results computed once and reused by the later stages (:mod:`onrecord.lang.de.memo`)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Dictionary lemma from simplemma's full German dictionary (training; 1.5 s to load),
    cached because news vocabulary repeats. The extractor uses its compact lemma table."""
    import simplemma

    return str(simplemma.lemmatize(word, lang="de"))


#: a subheading glued to the next paragraph has at most this many tokens
MAX_HEADING_TOKENS = 8
#: a dateline ("Berlin/Brüssel – ") has at most this many tokens before its dash
MAX_DATELINE_TOKENS = 6
_DASHES = frozenset({"–", "—", "-"})
_DATELINE_INNER = frozenset({"/", "(", ")"})


def _word(tok: Token) -> bool:
    return tok.text[-1:].isalnum()


def heading_break(tokens: list[Token], start: int, i: int) -> bool:
    """Whether a sentence starts after token ``i`` because the words ``[start, i]`` are a
    subheading glued to the paragraph below ("Ringen ums Geld Bei den Gesprächen …", as in news
    stored without line breaks): a short run of words without a comma, opening with a capital,
    followed by a word that opens sentences (``data/sentence_openers.txt``: "Der", "Bei",
    "Zugleich"; not the start of a name like "Die Presse", and not after a reporting verb:
    "sagte Wir …" is speech whose marks were lost)."""
    lex = lexicon()
    if i + 1 >= len(tokens) or not 0 < i + 1 - start <= MAX_HEADING_TOKENS:
        return False
    nxt, last = tokens[i + 1], tokens[i]
    if nxt.text not in lex.sentence_openers or not _word(last):
        return False
    if i + 2 < len(tokens) and f"{nxt.text} {tokens[i + 2].text}" in lex.article_names:
        return False
    seg = tokens[start : i + 1]
    if not seg[0].text[:1].isupper() or any(t.text in (",", ";", "(", ")") or is_quote_mark(t.text) for t in seg):
        return False
    return not (last.text.islower() and lex.cues.get(last.lemma.lower()) == "verb") or _headline_infinitive(seg)


def _headline_infinitive(seg: list[Token]) -> bool:
    """Whether a run of words that ends in a reporting verb is a headline ("Nachbarstaaten
    informieren"): the verb is its own lemma (a headline's infinitive) and all words before it
    are capitalised nouns or names, none a pronoun or an article ("Sie sagen Wir …", "Die Bauern
    sagen Wir …" are speech whose marks were lost)."""
    lex = lexicon()
    last = seg[-1]
    return (
        len(seg) >= 2 and last.text == last.lemma.lower()
        and all(t.text[:1].isupper() and t.lower not in lex.pronouns and t.text not in lex.sentence_openers
                for t in seg[:-1])
    )


def dateline_break(tokens: list[Token], start: int, i: int) -> bool:
    """Whether token ``i`` is the dash that ends a dateline at the start of a sentence
    ("Berlin/Brüssel – In Deutschland …"): capitalised places (with "/" or brackets) before it,
    a capitalised word after it."""
    if tokens[i].text not in _DASHES or i + 1 >= len(tokens) or not 0 < i - start <= MAX_DATELINE_TOKENS:
        return False
    seg = tokens[start:i]
    if not all(t.text in _DATELINE_INNER or (t.text[:1].isupper() and t.text.replace("-", "").isalpha()) for t in seg):
        return False
    return seg[0].text[:1].isupper() and tokens[i + 1].text[:1].isupper()


def origin_abbreviations() -> frozenset[str]:
    """Abbreviated adjectives of origin ("dt.", "österr."): data/origin_abbreviations.txt."""
    return word_set("origin_abbreviations.txt")


def origin_abbreviation_stop(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is the full stop of an abbreviated adjective of origin before a
    capitalised word ("X, dt. Maler", "Y, ital. Kupferstecher"): no end of a sentence."""
    return 0 < i < len(tokens) - 1 and tokens[i].text == "." and tokens[i - 1].text in origin_abbreviations() and (
        tokens[i - 1].end == tokens[i].start and tokens[i + 1].text[:1].isupper()
    )


def _sentence_breaks(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    sents: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        boundary = False
        if i + 1 < n:
            gap = text[tok.end : tokens[i + 1].start]
            if "\n" in gap or heading_break(tokens, start, i) or dateline_break(tokens, start, i):
                boundary = True
            elif tok.text in _SENT_END or (tok.text in _CLOSING and i > 0 and tokens[i - 1].text in _SENT_END):
                nxt = tokens[i + 1].text
                if nxt in _CLOSING:
                    boundary = False  # the closing mark belongs to this sentence
                elif not _ABBREV_NEXT_LOWER.match(nxt) and not origin_abbreviation_stop(tokens, i):
                    boundary = True
        if boundary:
            sents.append((start, i + 1))
            start = i + 1
    if start < n:
        sents.append((start, n))
    return sents


def _paragraphs(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    paras: list[tuple[int, int]] = []
    start = 0
    for i in range(len(tokens) - 1):
        if "\n" in text[tokens[i].end : tokens[i + 1].start]:
            paras.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        paras.append((start, len(tokens)))
    return paras


def prepare(text: str, lemmatize: Callable[[str], str] | None = None) -> PreparedDoc:
    """Tokenise, split and annotate a German body text.

    ``lemmatize`` maps a word to its lemma: the extractor passes its compact lemma table;
    the default (training) uses simplemma's full dictionary."""
    lemma_of = lemmatize or lemma
    tokens = [
        Token(i=0, text=word, start=start, end=start + len(word))
        for start, word in german_tokenizer()(text)
        if not word.isspace()
    ]
    for i, tok in enumerate(tokens):
        tok.i = i
        tok.lemma = lemma_of(tok.text) if tok.text[:1].isalpha() else tok.text
    sentences = _sentence_breaks(tokens, text)
    for s_idx, (b, e) in enumerate(sentences):
        for tok in tokens[b:e]:
            tok.sent = s_idx
    paragraphs = _paragraphs(tokens, text)
    for p_idx, (b, e) in enumerate(paragraphs):
        for tok in tokens[b:e]:
            tok.para = p_idx
    stretches = find_quoted(text)
    starts = [t.start for t in tokens]
    for q_idx, st in enumerate(stretches):
        lo = bisect.bisect_left(starts, st.begin)
        hi = bisect.bisect_left(starts, st.end)
        for tok in tokens[lo:hi]:
            tok.quoted = q_idx
    return PreparedDoc(text=text, tokens=tokens, sentences=sentences, paragraphs=paragraphs, quoted=stretches)


def is_quote_mark(word: str) -> bool:
    return len(word) == 1 and word in ALL_MARKS
