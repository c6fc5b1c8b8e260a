"""Statements across articles: group quote occurrences into statements, flag wire copies.

A *statement* is one thing one speaker said, with all the places it was quoted. Two quote
occurrences belong to the same statement when they have the **same speaker key** (a resolved
entity; the caller decides what the key is) and **the same or nearly the same words**: cut,
re-punctuated or lightly re-worded within one language. A direct quote and its paraphrase in
reported speech stay separate (they differ in mood, person and wording, and by ``mode``).

How, and why this way:

* **Normalisation** (:func:`normalize`): Unicode NFKC, case folding (``ß`` → ``ss``), umlauts
  spelled out (``ä`` → ``ae``, so ``Müller`` = ``Mueller``), other diacritics dropped,
  apostrophes inside words dropped, quote marks, dashes and all other punctuation dropped,
  whitespace collapsed. For comparing (:func:`comparable`), English contractions are spelled out
  first (``We're`` = ``we are``; without it the apostrophe-less ``were`` breaks an exact cut).
* **Mixed quotes** (:func:`verbatim_core`): the words inside double quote marks of a quote with
  narrative around them (``Er nannte das "völlig inakzeptabel"``) are its verbatim core. In one
  mode the closer of the whole words, the core and each quoted part of ``min_cut_words`` words
  or more counts (``the judge a "hater of Donald Trump" who had "railroaded" him``: the first part
  is a cut of the speaker's own words); against reported speech only the core.
* **Candidates** (:func:`candidate_pairs`): exact prefix filtering over distinct words, per
  speaker. A pair must share ``min_containment`` of the shorter side's distinct words (the first,
  cheap test); the words of an occurrence are ordered rarest first within the speaker and it is
  paired only with the speaker's occurrences holding one of its first
  ``n - ceil(min_containment * n) + 1`` words, which every qualifying pair shares. No seeds, nothing
  missed by chance (unlike MinHash/LSH, whose banding also suits Jaccard of similar-sized sets,
  not a short cut inside a long quote), and the cost follows the postings of rare words, not all
  pairs of a speaker's quotes.
* **Verification** (:func:`similarity`): `rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_
  (already a dependency of onrecord, MIT licence, C++ core, actively released): the Indel
  similarity of the two normalised strings (``fuzz.ratio``), or, for a cut of at least
  ``min_cut_words`` words, the best alignment of the shorter inside the longer
  (``fuzz.partial_ratio``) — when it covers ``min_cut_share`` of the longer against
  ``threshold``, and whatever its share against ``cut_threshold`` (100: an exact cut, a headline
  quoting a stretch of a long body quote; guideline rule "cut"). A verbatim quote (direct,
  mixed) against reported speech needs ``cross_mode_threshold`` (100: its verbatim words appear
  unchanged in the other; a paraphrase changes person and mood).
* **Two renderings in reported speech** (:func:`word_edits`) are compared by their *content words*
  (:func:`content_words`: function words of the language skipped, a crude stem, ``U.S.`` matching
  ``United States``), not by characters: guideline "Same 4" counts words (at most two added,
  dropped or swapped; a verb turned into its noun, ``to ban X from entering`` / ``a ban on X
  entering``, changes only function words), and a character ratio joined ``barring all foreign X
  from entering the United States`` with ``to ban X from entering the United States`` (many
  shared letters, three words changed), from where chains of single links joined a whole cluster
  of summaries. A cut must begin and end with the shorter's first and last words; further in than
  the start of the longer it must be exact and cover ``reported_cut_share`` of it (a reporter's
  summary of a proposal, ``a ban on diesel cars``, recurs inside other statements of the same
  speaker), at the start (the same rendering cut short) ``prefix_cut_share``. Quoted words in one
  mode are compared in content words too, after the character rules (a condensed headline that
  drops ``werden wir … sein``; a stretch of a quote with another function word, of any share, as
  an exact cut of characters). A different number of negations (``not``, ``nicht``; also one just
  before a cut) is never the same statement. Defaults chosen on the development
  pairs of ``onrecord/evaluation/data/statement-pairs.jsonl`` only (dev sweep and 5-fold
  cross-validation; heldout and heldout2 became development data when heldout3 was built).
* **Grouping** (:func:`group_statements`): occurrences with identical normalised words, speaker
  and mode are joined first without comparing; then the connected components of the verified
  pairs (single link; a pair already in one component is not compared again). The edges
  depend only on the set of occurrences, so the groups do not depend
  on the order of the input. A group's id is a hash of its content — the speaker key and the
  normalised words of its representative occurrence (the longest; ties by text, then key) — so
  any order of input gives the same ids. An id can change when a later occurrence becomes the
  representative (a longer version of the statement arrives); storage keeps the old id as an
  alias if it needs permanence.
* **Wire copies** (:func:`find_wire_copies`): articles whose bodies are near-identical (an agency
  report run by several outlets), by the pair relation of :mod:`onrecord.statements.wire`, the
  one the store applies at ingest (:mod:`onrecord.storage.wire`).

Pure functions: no storage, no NLP models. The module is wired into storage and the CLI later.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from onrecord.errors import InputError

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc](?=\w)")
#: umlauts spelled out (``Müller`` = ``Mueller``), after case folding (which already gives ``ß`` → ``ss``)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
#: double quote marks of German, English, French and Swiss typography (single marks double as
#: apostrophes and nested quotes, so they never delimit a verbatim core)
_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]')


@functools.lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The words of a quote for comparison: NFKC, case-folded, umlauts spelled out (``ä`` → ``ae``),
    other diacritics dropped, apostrophes inside words dropped, no other punctuation, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_UMLAUTS)
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    bare = _APOSTROPHE.sub("", bare)
    return _SPACE.sub(" ", _PUNCT.sub(" ", bare)).strip()


#: English contractions spelled out before comparing (``we're`` = ``we are``, ``don't`` = ``do not``):
#: normalisation drops the apostrophe, which would make ``we're`` the word ``were``. Only forms that
#: cannot be a possessive or another language's elision: ``'s`` only after pronouns.
_APOS = "['\u2019\u02bc]"
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (rf"\bcan{_APOS}t\b", "can not"),
        (rf"\bwon{_APOS}t\b", "will not"),
        (rf"(?<=[a-z])n{_APOS}t\b", " not"),
        (rf"(?<=[a-z]){_APOS}re\b", " are"),
        (rf"(?<=[a-z]){_APOS}ll\b", " will"),
        (rf"(?<=[a-z]){_APOS}ve\b", " have"),
        (rf"\bi{_APOS}m\b", "i am"),
        (rf"\b(i|you|he|she|we|they|it){_APOS}d\b", r"\1 would"),
        (rf"\b(it|that|there|here|what|who|where|he|she){_APOS}s\b", r"\1 is"),
        (rf"\blet{_APOS}s\b", "let us"),
    )
)


@functools.lru_cache(maxsize=1 << 16)
def comparable(text: str) -> str:
    """The words of a quote as the matcher compares them: :func:`normalize` after English
    contractions are spelled out (``We're`` = ``we are``). Statement ids and the candidate rule keep
    :func:`normalize` (a contraction only changes a word or two, never the candidates)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    return normalize(folded)


@functools.cache
def function_words() -> dict[str, frozenset[str]]:
    """The function words of each language (``onrecord/statements/data/function_words_<lang>.txt``),
    normalised: the words the word-level comparison skips (articles, prepositions, pronouns, forms
    of *be*/*sein*, ...; never negation, quantifiers or modals)."""
    out = {}
    for language in ("de", "en"):
        raw = resources.files("onrecord.statements").joinpath("data", f"function_words_{language}.txt")
        lines = raw.read_text(encoding="utf-8").splitlines()
        out[language] = frozenset(normalize(w) for w in lines if w.strip() and not w.startswith("#"))
    return out


@functools.cache
def negations() -> frozenset[str]:
    """Negation words (``onrecord/statements/data/negations.txt``, English and German), normalised."""
    raw = resources.files("onrecord.statements").joinpath("data", "negations.txt").read_text(encoding="utf-8")
    return frozenset(normalize(w) for w in raw.splitlines() if w.strip() and not w.startswith("#"))


def _negated(words: Sequence[str]) -> int:
    no = negations()
    return sum(1 for w in words if w in no)


#: suffixes :func:`stem` strips (one, the longest that leaves three letters): English and German
#: inflection and derivation, so that ``banning``/``ban``, ``temporarily``/``temporary``,
#: ``victimized``/``victimizing``, ``Stellen``/``Stelle`` compare equal
_SUFFIXES = tuple(
    sorted(
        "ingly edly ings ing ied ies ed es ly s e y ungen ung ern en em er n".split(),
        key=lambda suffix: (-len(suffix), suffix),
    )
)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, deterministic stem of a normalised word: one suffix of :data:`_SUFFIXES` off, a
    final ``i``/``y`` off, a doubled final consonant single (``banning`` → ``ban``)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] in "iy":
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Words:
    """The content words of a quote for the word-level comparison: stems (function words out, an
    abbreviation written in single letters, ``U.S.``, as one token ``#us``) and the first letter of
    each, so that ``#us`` can stand for ``united states`` on the other side."""

    stems: tuple[str, ...]
    initials: tuple[str, ...]
    #: whether a stem is an abbreviation (``#us``)
    abbreviated: bool = False


@functools.lru_cache(maxsize=1 << 16)
def content_words(text: str) -> Words:
    """:class:`Words` of a quote (its :func:`comparable` words). The language's function words are
    those of the list with more hits (both lists on a tie)."""
    tokens = comparable(text).split()
    merged: list[str] = []
    for token in tokens:  # runs of single letters: an abbreviation (u s -> #us)
        if len(token) == 1 and token.isalpha() and merged and merged[-1].startswith("#"):
            merged[-1] += token
        elif len(token) == 1 and token.isalpha():
            merged.append("#" + token)
        else:
            merged.append(token)
    merged = [t if not t.startswith("#") or len(t) > 2 else t[1:] for t in merged]
    lists = function_words()
    hits = {language: sum(t in words for t in merged) for language, words in lists.items()}
    if hits["en"] == hits["de"]:
        skip = lists["en"] | lists["de"]
    else:
        skip = lists[max(hits, key=lambda language: (hits[language], language))]
    kept = [t for t in merged if t not in skip]
    return Words(
        tuple(t if t[0] == "#" else stem(t) for t in kept),
        tuple(t[1] if t[0] == "#" else t[0] for t in kept),
        any(t[0] == "#" for t in kept),
    )


def _expand(words: Words, other: Words) -> tuple[str, ...]:
    """The stems of ``words`` with each abbreviation (``#us``) replaced by the words of ``other``
    whose initials spell it (``united states``), where ``other`` has such a run."""
    if not words.abbreviated:
        return words.stems
    out: list[str] = []
    for token in words.stems:
        letters = token[1:] if token.startswith("#") else ""
        run = len(letters)
        for i in range(len(other.initials) - run + 1) if letters else ():
            if "".join(other.initials[i : i + run]) == letters and not any(
                t.startswith("#") for t in other.stems[i : i + run]
            ):
                out.extend(other.stems[i : i + run])
                break
        else:
            out.append(token)
    return tuple(out)


def word_edits(
    a: Words,
    b: Words,
    params: MatchParams,
    inner_share: float | None = None,
    prefix_share: float | None = None,
    min_words: int = 1,
) -> bool:
    """Whether two renderings have nearly the same content words (guideline "Same 4").

    Either all of them, within ``word_edits`` words added, dropped or swapped (one per
    ``words_per_edit`` words of the shorter), or the shorter (``min_cut_words`` content words or
    more) as a *cut* of the longer: a stretch that begins and ends with the shorter's first and last
    words. A cut at the start of the longer (the same rendering, cut short) may differ by as many
    edits and needs ``prefix_share`` (default ``prefix_cut_share``) of the longer's content words; a
    cut further in must be exact and cover ``inner_share`` (default ``reported_cut_share``: a
    summary such as ``a ban on X`` recurs inside other statements of the speaker, ``… criticised
    him for proposing a ban on X``). Never the same when the compared words hold a different number
    of negations (``not``, ``nicht``), nor when the shorter has fewer than ``min_words`` content
    words. Function words are skipped, words compared by :func:`stem`, an abbreviation matches the
    words it abbreviates.
    """
    inner = params.reported_cut_share if inner_share is None else inner_share
    prefix = params.prefix_cut_share if prefix_share is None else prefix_share
    x, y = _expand(a, b), _expand(b, a)
    short, long_ = (x, y) if (len(x), x) <= (len(y), y) else (y, x)
    if not short or len(short) < min_words:
        return False
    allowed = min(params.word_edits, len(short) // params.words_per_edit)
    negated = _negated(short)
    if _negated(long_) == negated and Levenshtein.distance(short, long_, score_cutoff=allowed) <= allowed:
        return True
    if len(short) < params.min_cut_words or len(short) + allowed < min(prefix, inner) * len(long_):
        return False
    first, last = short[0], short[-1]
    for i, token in enumerate(long_):
        if token != first:
            continue
        edits = allowed if i == 0 else 0
        need = prefix if i == 0 else inner
        for j in range(i + len(short) - 1 - edits, min(len(long_), i + len(short) + edits)):
            window = long_[i : j + 1]
            if (
                j < i
                or long_[j] != last
                or len(window) < need * len(long_)
                or _negated(long_[max(i - 1, 0) : j + 1]) != negated
            ):
                continue  # (a negation just before the stretch negates it: "not [one of us]")
            if Levenshtein.distance(short, window, score_cutoff=edits) <= edits:
                return True
    return False


def verbatim_parts(text: str) -> tuple[str, ...]:
    """The comparable words of each stretch inside double quote marks of a *mixed* quote (empty
    when :func:`verbatim_core` is ``None``): ``the judge a "hater of Donald Trump" who had
    "railroaded" him`` has two, and the first can be a cut of the speaker's own words."""
    if verbatim_core(text) is None:
        return ()
    parts = _QUOTE_MARKS.split(text)[1::2]
    return tuple(c for c in (comparable(p) for p in parts) if c)


def verbatim_core(text: str) -> str | None:
    """The normalised words inside double quote marks of a *mixed* quote (narrative words around
    a verbatim part, e.g. ``Er nannte das "völlig inakzeptabel"``), or ``None`` when the text has
    no balanced quote marks or nothing outside them (then all of it is the quote)."""
    parts = _QUOTE_MARKS.split(text)
    if len(parts) < 3 or len(parts) % 2 == 0:  # no marks, or an odd number of them
        return None
    inside = " ".join(normalize(p) for p in parts[1::2]).strip()
    outside = " ".join(normalize(p) for p in parts[0::2]).strip()
    return inside if inside and outside else None


def mode_of(kind: str | None) -> str:
    """``direct`` for verbatim quotes (direct, mixed), ``reported`` for everything else."""
    return "direct" if kind in ("direct", "mixed") else "reported"


@dataclass(frozen=True)
class Occurrence:
    """One quote in one article, as the matcher sees it.

    ``key`` identifies the occurrence uniquely (e.g. ``"<article id>#<quote id>"``); ``speaker``
    is the speaker key (resolved entity id or name; empty: never grouped with anything);
    ``kind`` is the quote kind of the output contract (``direct``, ``indirect``, ...).
    """

    key: str
    speaker: str
    text: str
    kind: str | None = None


@dataclass(frozen=True)
class MatchParams:
    """Thresholds of the matcher (defaults chosen by cross-validation on the dev pairs only).

    ``threshold``: similarity (0..100) two renderings in one mode need: the whole words
    (``fuzz.ratio``), or a cut of at least ``min_cut_words`` words covering ``min_cut_share`` of
    the longer (``fuzz.partial_ratio``). ``cut_threshold``: the partial ratio a cut of *any*
    share needs (a headline cut of a long body quote; 100 = exactly the same characters).
    ``cross_mode_threshold``: the same for a verbatim quote against reported speech (only its
    verbatim words count; a paraphrase keeps many words but changes person and mood).
    ``min_containment``: a pair must share at least this share of the shorter side's distinct
    words (checked first, cheaply); :func:`candidate_pairs` finds every such pair exactly.
    Two renderings in reported speech (:func:`word_edits`, content words): ``word_edits``: at most
    this many words added, dropped or swapped, one per ``words_per_edit`` words of the shorter.
    ``reported_cut_share``: a cut further in than the start of the longer must be exact and cover
    this share of the longer's content words (a reporter's summary such as ``a ban on Muslims
    entering the country`` recurs inside other statements of the speaker: ``… unlikely to get along
    with X, who criticised him for proposing a ban on Muslims entering the country``).
    ``prefix_cut_share``: the share a cut at the start of the longer needs (the same rendering, cut
    short; it may differ by ``word_edits`` words).
    """

    threshold: float = 85.0
    min_cut_words: int = 3
    min_cut_share: float = 0.3
    cut_threshold: float = 100.0
    cross_mode_threshold: float = 100.0
    min_containment: float = 0.5
    reported_cut_share: float = 0.4
    word_edits: int = 2
    words_per_edit: int = 3
    prefix_cut_share: float = 0.25


@dataclass(frozen=True)
class Statement:
    """A group of occurrences: content-hash id, speaker key, representative words, members."""

    id: str
    speaker: str
    text: str
    keys: tuple[str, ...] = field(default_factory=tuple)


def share_enough_words(a: frozenset[str], b: frozenset[str], params: MatchParams = MatchParams()) -> bool:
    """The matcher's first, cheap condition on two sets of distinct normalised words: the shorter
    shares at least ``min_containment`` of its words with the other. No pair fails it and still
    matches, so it is the exact candidate rule (:func:`candidate_pairs`, incremental grouping)."""
    shared = len(a & b)
    return bool(shared) and shared >= params.min_containment * min(len(a), len(b))


def similarity(a: str, b: str, params: MatchParams = MatchParams(), cut_threshold: float | None = None) -> float:
    """Similarity 0..100 of two *normalised* quotes: the whole words, or a cut inside the longer.

    A cut (the shorter has ``min_cut_words`` words or more) scores its best alignment inside the
    longer when it covers ``min_cut_share`` of it, or, whatever its share, when that alignment
    reaches ``cut_threshold`` (default ``params.cut_threshold``).
    """
    if not a or not b:
        return 0.0
    score = float(fuzz.ratio(a, b))
    short, long_ = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    if len(short.split()) >= params.min_cut_words:
        partial = float(fuzz.partial_ratio(short, long_))
        bar = params.cut_threshold if cut_threshold is None else cut_threshold
        if len(short) >= params.min_cut_share * len(long_) or partial >= bar:
            score = max(score, partial)
    return score


def _similar(a: str, b: str, params: MatchParams, bar: float, cut_bar: float) -> bool:
    """Whether :func:`similarity` (with ``cut_threshold=cut_bar``) reaches ``bar``, computed
    lazily: the whole-word ratio only when the lengths allow it, an exact cut as a substring test.
    The compared stretches must hold the same number of negations (``not`` / ``nicht``)."""
    if not a or not b:
        return False
    short, long_ = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    # Indel ratio = 2 * common / (len a + len b) <= 2 * short / (short + long)
    if (
        200 * len(short) >= bar * (len(short) + len(long_))
        and fuzz.ratio(a, b, score_cutoff=bar) >= bar
        and _negated(a.split()) == _negated(b.split())
    ):
        return True
    if len(short.split()) < params.min_cut_words:
        return False
    need = bar if len(short) >= params.min_cut_share * len(long_) else max(bar, cut_bar)
    if need > 100:  # switched off
        return False
    if need == 100:  # an exact cut: the same words, negations included
        return short in long_
    aligned = fuzz.partial_ratio_alignment(short, long_, score_cutoff=need)
    if aligned is None or aligned.score < need:
        return False
    before = long_[: aligned.dest_start].split()[-1:]  # a negation just before the stretch negates it
    return _negated(short.split()) == _negated(before + long_[aligned.dest_start : aligned.dest_end].split())


@dataclass(frozen=True)
class Compared:
    """An occurrence as compared: all its words, and the verbatim core of a mixed quote."""

    full: str
    core: str | None
    parts: tuple[str, ...]
    direct: bool
    vocabulary: frozenset[str]
    words: Words = Words((), ())
    #: content words of a mixed quote's verbatim core and of each of its verbatim parts
    verbatim_words: tuple[Words, ...] = ()


def compared_words(occ: Occurrence, norm: str | None = None) -> Compared:
    """An occurrence as the matcher compares it (``norm``: its :func:`normalize` d words, if
    the caller already has them); callers that compare one occurrence many times keep it."""
    direct = mode_of(occ.kind) == "direct"
    full = normalize(occ.text) if norm is None else norm
    core = verbatim_core(occ.text)
    parts = verbatim_parts(occ.text) if core is not None else ()
    return Compared(
        comparable(occ.text),
        " ".join(parts) if core is not None else None,
        parts if len(parts) > 1 else (),
        direct,
        frozenset(full.split()),
        content_words(occ.text),
        _verbatim_words(occ.text, core is not None),
    )


def _verbatim_words(text: str, mixed: bool) -> tuple[Words, ...]:
    """Content words of the verbatim core and of each quoted stretch of a mixed quote, or of each
    stretch of a quote in several quoted pieces (``"…" – "…"``: each can be a cut of the other side)."""
    pieces = _QUOTE_MARKS.split(text)
    if len(pieces) % 2 == 0:  # unbalanced marks
        return ()
    parts = [p for p in pieces[1::2] if p.strip()]
    if mixed:
        return (content_words(" ".join(parts)), *(content_words(p) for p in parts if len(parts) > 1))
    return tuple(content_words(p) for p in parts) if len(parts) > 1 else ()


def same_compared(a: Compared, b: Compared, params: MatchParams) -> bool:
    """:func:`same_statement` on occurrences already prepared by :func:`compared_words`."""
    if not share_enough_words(a.vocabulary, b.vocabulary, params):
        return False
    if a.direct == b.direct:
        # one mode: the whole words, a mixed quote's verbatim core or one of its verbatim parts
        # (cut length rules apply to a part as to any cut), whichever is closer
        long_enough = params.min_cut_words
        sides_a = [a.full] + ([a.core] if a.core else []) + [p for p in a.parts if len(p.split()) >= long_enough]
        sides_b = [b.full] + ([b.core] if b.core else []) + [p for p in b.parts if len(p.split()) >= long_enough]
        if not a.direct:
            # two renderings in reported speech: nearly the same content words (guideline "Same 4")
            return word_edits(a.words, b.words, params)
        bar = params.threshold
        if any(_similar(x, y, params, bar, params.cut_threshold) for x in sides_a for y in sides_b):
            return True
        # quoted words in content words: a condensed headline (function words dropped) or a cut
        # anywhere (quoted words are the speaker's own; as for an exact cut of characters)
        words_a, words_b = (a.words, *a.verbatim_words), (b.words, *b.verbatim_words)
        return any(word_edits(x, y, params, 0.0, 0.0, params.min_cut_words) for x in words_a for y in words_b)
    # verbatim against reported: only the verbatim words count, and they must (nearly) reappear
    verbatim, reported = (a, b) if a.direct else (b, a)
    bar = params.cross_mode_threshold
    return _similar(verbatim.core or verbatim.full, reported.full, params, bar, bar)


def same_statement(a: Occurrence, b: Occurrence, params: MatchParams = MatchParams()) -> bool:
    """Whether two occurrences are the same statement (symmetric)."""
    if not a.speaker or a.speaker != b.speaker:
        return False
    return same_compared(compared_words(a), compared_words(b), params)


def candidate_pairs(occurrences: Sequence[Occurrence], params: MatchParams = MatchParams()) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of occurrences with the same speaker worth comparing.

    Exact prefix filtering over distinct words, per speaker: the words of an occurrence are
    ordered rarest first (how many of the speaker's occurrences contain them, then the word), and
    each occurrence is paired with every occurrence of the speaker that contains one of its first
    ``n - ceil(min_containment * n) + 1`` words (``n`` distinct words). Whenever the shorter side
    of a pair has at least ``min_containment`` of its words in the other, one of those first
    words is shared, so the pair is found: nothing is missed by chance, no seed, and the cost is
    the postings of rare words, not all pairs of a speaker's quotes.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, occ in enumerate(occurrences):
        if occ.speaker:
            blocks[occ.speaker].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        words = {i: sorted(set(normalize(occurrences[i].text).split())) for i in members}
        index: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for word in words[i]:
                index[word].append(i)
        for i in members:
            own = sorted(words[i], key=lambda w: (len(index[w]), w))
            prefix = len(own) - math.ceil(params.min_containment * len(own)) + 1
            for word in own[:prefix]:
                for j in index[word]:
                    if j != i:
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def _representative(members: list[Occurrence], norms: dict[str, str]) -> Occurrence:
    return min(members, key=lambda o: (-len(norms[o.key]), norms[o.key], o.key))


def statement_id(speaker: str, normalized_text: str) -> str:
    """The content hash that names a statement."""
    digest = hashlib.sha256(f"{speaker}\x1f{normalized_text}".encode()).hexdigest()
    return f"st-{digest[:16]}"


def group_statements(occurrences: Iterable[Occurrence], params: MatchParams = MatchParams()) -> list[Statement]:
    """Group occurrences into statements; the result does not depend on the input order.

    Statements are sorted by id, their keys sorted. Raises :class:`InputError` on a duplicate key.
    """
    occs = sorted(occurrences, key=lambda o: o.key)
    for left, right in zip(occs, occs[1:], strict=False):
        if left.key == right.key:
            raise InputError(f"occurrence key {left.key!r} given twice", "statements")
    by_text: dict[str, str] = {}  # the same words recur (wire copies): normalised once
    norms = {o.key: by_text.get(o.text) or by_text.setdefault(o.text, normalize(o.text)) for o in occs}
    parent = list(range(len(occs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # identical words of one speaker in one mode are one statement without comparing them
    first_of: dict[tuple[str, str, str], int] = {}
    unique: list[int] = []
    for i, occ in enumerate(occs):
        same_key = (occ.speaker, mode_of(occ.kind), norms[occ.key])
        if occ.speaker and same_key in first_of:
            parent[i] = first_of[same_key]
        else:
            first_of[same_key] = i
            unique.append(i)
    distinct = [occs[i] for i in unique]
    compared: dict[int, Compared] = {}
    for u, v in sorted(candidate_pairs(distinct, params)):
        i, j = unique[u], unique[v]
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        for k in (i, j):
            if k not in compared:
                compared[k] = compared_words(occs[k], norms[occs[k].key])
        if same_compared(compared[i], compared[j], params):
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for i, occ in enumerate(occs):
        groups[find(i)].append(occ)
    statements = []
    for members in groups.values():
        rep = _representative(members, norms)
        sid = statement_id(rep.speaker, norms[rep.key]) if rep.speaker else statement_id("", rep.key)
        statements.append(Statement(sid, rep.speaker, rep.text, tuple(sorted(o.key for o in members))))
    return sorted(statements, key=lambda s: (s.id, s.keys))


@dataclass(frozen=True)
class WireCopy:
    """Two articles with near-identical bodies: ids in sorted order and the containment 0..1."""

    first: str
    second: str
    containment: float


def find_wire_copies(
    articles: Iterable[tuple[str, str]],
    threshold: float = 0.8,
    min_words: int = 40,
) -> list[WireCopy]:
    """Pairs of articles ``(id, text)`` whose bodies are near-identical, sorted by ids: the
    relation the store applies (:func:`onrecord.statements.wire.related`, with ``threshold`` as its
    containment and ``min_words``), over all pairs that share a shingle. The result does not
    depend on the input order."""
    from onrecord.statements.wire import WireParams, body, containment, related

    params = WireParams(containment=threshold, min_words=min_words)
    bodies = {}
    for art_id, text in sorted(articles):
        if art_id in bodies:
            raise InputError(f"article id {art_id!r} given twice", "wire copies")
        bodies[art_id] = body(text)
    index: dict[str, list[str]] = defaultdict(list)
    for art_id, b in bodies.items():
        for s in b.shingles:
            index[s].append(art_id)
    pairs = {pair for ids in index.values() for pair in combinations(ids, 2)}
    return [
        WireCopy(a, b, round(containment(bodies[a], bodies[b]), 4))
        for a, b in sorted(pairs)
        if related(bodies[a], bodies[b], params)
    ]
