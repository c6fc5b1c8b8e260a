"""Clauses and word matching for the stance rules (:mod:`onrecord.extraction.stance`).

The frame of a quote (:func:`_frame`), its first sentence and main clause (:func:`_first_sentence`,
:func:`_main_clause`), the words around a cue in which a negation counts (:func:`_clause_around`),
the comparison of word-class forms of one or several words with a text's words (:func:`_lows`,
:func:`_has`, :func:`_without`) and the German future with an infinitive (:func:`_future`).
Pure functions.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache

from onrecord.data_files import data_lines
from onrecord.extraction.stance_doc import _Doc, _inside
from onrecord.extraction.stance_lexicon import (
    _CLAUSE_END,
    _DASHES,
    _QUOTE_MARKS,
    _SENT_START,
    LemmaFn,
    StanceLexicon,
    Word,
)
from onrecord.model import Quote, Span

#: words before (after) the cue in which a negation counts ("hat nicht gesagt", "sagte er nicht")
NEG_BEFORE = 4
NEG_AFTER = 3


def _frame(doc: _Doc, anchors: Iterable[Span], quote: Quote) -> list[Word]:
    """The words of the sentences holding ``anchors`` that are not quoted words."""
    found: list[Word] = []
    for b, e in sorted({doc.sentence(b) for b, _ in anchors}):
        found += [w for w in doc.between(b, e) if not _inside(w.start, quote.spans)]
    return found


#: German abbreviations of units and references written before a noun or number ("30 Mio. Euro",
#: "Art. 5", "bzw. die Stadt"): their period ends no clause, like an ordinal's (a period of a title
#: or of initials is part of its word already, see ``stance_lexicon._WORD``)
_ABBREVIATIONS = frozenset(data_lines("de", "unit_abbreviations.txt"))


def _ordinal(words: list[Word], i: int) -> bool:
    """Whether the period ``words[i]`` closes an ordinal number ("am 17. November") or an
    abbreviation of :data:`_ABBREVIATIONS` ("30 Mio. Euro") right before it, with words after it."""
    prev = words[i - 1] if i > 0 else None
    return (
        words[i].text == "."
        and prev is not None
        and prev.end == words[i].start
        and ((prev.text.isdigit() and len(prev.text) <= 2) or prev.lower in _ABBREVIATIONS)
        and i + 1 < len(words)
    )


def _ends(words: list[Word], i: int, ordinal_period: bool = False) -> bool:
    """Whether ``words[i]`` ends a clause: a clause mark, not a "." inside a number ("1.152") nor,
    with ``ordinal_period``, one closing an ordinal ("17. November")."""
    w = words[i]
    if w.text not in _CLAUSE_END:
        return False
    if w.text == "." and i + 1 < len(words) and words[i + 1].start == w.end and i > 0 and words[i - 1].end == w.start:
        return False
    return not (ordinal_period and _ordinal(words, i))


def _first_sentence(words: list[Word], ordinal_period: bool = False) -> list[Word]:
    """The words up to the first sentence end (a "." inside a number, "1.152", ends nothing; with
    ``ordinal_period`` neither does one closing an ordinal, "am 17. November")."""
    for i, w in enumerate(words):
        if i > 0 and w.text in {".", "!", "?"} and (i + 1 == len(words) or words[i + 1].start > w.end):
            if ordinal_period and _ordinal(words, i):
                continue
            return words[: i + 1]
    return words


def _lows(words: list[Word], case_marks_names: bool = True) -> list[str]:
    """The forms :func:`_has` compares: lower case, except, where case marks names (English), a
    capitalised word inside a sentence, which is a name or a noun ("in May"), not the modal "may".
    Where every noun is capitalised (German) all words are compared in lower case, so that the
    lexicon's nouns match inside a sentence ("das sei alles Blödsinn", "habe es den Anschein")."""
    if not case_marks_names or _title_case(words):
        return [w.lower for w in words]
    return [
        w.text if w.text[:1].isupper() and i > 0 and words[i - 1].text not in _SENT_START else w.lower
        for i, w in enumerate(words)
    ]


#: a run of at least this many words, most of them capitalised, is a headline in title case
TITLE_WORDS = 4


def _title_case(words: list[Word], small: frozenset[str] = frozenset()) -> bool:
    """Words written in title case ("Trump 'The Dealmaker' Could Address Clean Energy"): every
    word of four or more letters is capitalised, so case marks no name there; the function words
    of ``small``, which titles leave in lower case ("Trusted with America's …"), are not counted."""
    long = [w for w in words if len(w.text) >= 4 and w.text[:1].isalpha() and w.text not in small]
    return len(long) >= TITLE_WORDS and all(w.text[:1].isupper() for w in long)


def _has(forms: frozenset[str], lows: list[str]) -> bool:
    """Whether a form (one word, or several consecutive words) of ``forms`` is among ``lows`` (:func:`_lows`)."""
    if not forms:
        return False
    if not forms.isdisjoint(lows):
        return True
    return _has_multi(_multi_word(forms), lows)


@lru_cache(maxsize=256)
def _multi_word(forms: frozenset[str]) -> tuple[tuple[str, list[str]], ...]:
    """The forms of several words ("going to"), found once per word class: each padded with
    spaces (for a substring test) and split into its words."""
    return tuple((f" {f} ", f.split()) for f in sorted(forms) if " " in f)


def _has_multi(multi: tuple[tuple[str, list[str]], ...], lows: list[str]) -> bool:
    if not multi:
        return False
    joined = f" {' '.join(lows)} "
    return any(padded in joined for padded, _ in multi)


def _without(forms: frozenset[str], lows: list[str]) -> list[str]:
    """``lows`` with every run of words that is a form of ``forms`` blanked out: idioms that hold a
    marker word but mark nothing ("as soon as possible", "could not" of inability, "don't have to")."""
    multi = _multi_word(forms)
    if not multi:
        return lows
    present = set(lows)
    out = list(lows)
    for _, parts in multi:
        if parts[0] not in present:
            continue
        for i in range(len(out) - len(parts) + 1):
            if out[i : i + len(parts)] == parts:
                out[i : i + len(parts)] = [""] * len(parts)
    return out


def _is_infinitive(word: str, lemma: LemmaFn | None = None) -> bool:
    """A German infinitive ending a clause ("liefern", "sein", "handeln", "geben"). With the
    language's ``lemma`` a form that is not its own lemma is a participle ("verliehen" →
    verleihen, "getroffen" → treffen: a passive, "wird … verliehen", no future); without one a
    "ge…en" form is taken for a participle."""
    if not (word.islower() and (word.endswith(("en", "ern", "eln")) or word == "sein")):
        return False
    if lemma is None:
        return not word.startswith("ge")
    return lemma(word) == word


def _future(
    words: list[Word],
    plain: frozenset[str],
    with_infinitive: frozenset[str],
    ordinal_period: bool = False,
    lemma: LemmaFn | None = None,
    case_marks_names: bool = True,
    coordinators: frozenset[str] = frozenset(),
    noun_markers: frozenset[str] = frozenset(),
) -> bool:
    """Whether a future marker stands in ``words``: a form of ``plain`` ("will", "droht"), or one
    of ``with_infinitive`` ("wird", "werde") with an infinitive ending its clause ("wird … liefern")
    or before it at the clause end ("…, dass die Gebühr steigen werde"). A dash standing alone ends
    the clause ("werde … belassen – und …"); an infinitive before a coordinator (``coordinators``)
    closes the first of two coordinated clauses ("werde … nicht begleichen können und benötige …").
    A plain form right after a word of ``noun_markers`` is a noun ("the will of the people")."""
    lows = _lows(words, case_marks_names)
    if noun_markers:
        lows = [low for k, low in enumerate(lows) if not (k > 0 and low in plain and lows[k - 1] in noun_markers)]
    if _has(plain, lows):  # "will", "going to"
        return True
    if not with_infinitive:
        return False
    for i, w in enumerate(words):
        if w.lower not in with_infinitive:
            continue
        clause = _clause_from(words, i + 1, ordinal_period)
        if clause and _is_infinitive(clause[-1].text, lemma) and not _zu_infinitive(clause):
            return True
        if not clause and i > 0 and _is_infinitive(words[i - 1].text, lemma):  # verb-final: "liefern werde"
            return True
        if any(
            v.lower in coordinators
            and k >= 2
            and _is_infinitive(clause[k - 1].text, lemma)
            and not _zu_infinitive(clause[:k])
            for k, v in enumerate(clause)
        ):
            return True
    return False


def _clause_from(words: list[Word], start: int, ordinal_period: bool = False) -> list[Word]:
    """The words of the clause from ``start`` on, without quote marks: up to a clause mark or a dash
    between clauses; a pair of dashes around an insertion is skipped ("werde die Schulden – etwa ein
    Fünftel – nicht begleichen können")."""
    clause: list[Word] = []
    j = start
    while j < len(words):
        if _ends(words, j, ordinal_period):
            break
        if _lone_dash(words, j):
            marks = (k for k in range(j + 1, len(words)) if _ends(words, k, ordinal_period) or _lone_dash(words, k))
            k = next(marks, None)
            if k is None or not _lone_dash(words, k):
                break
            j = k + 1  # the insertion between two dashes
            continue
        if words[j].text not in _QUOTE_MARKS and words[j].text not in _CLAUSE_END:
            clause.append(words[j])
        j += 1
    return clause


def _lone_dash(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a dash between clauses: an en or em dash, or a hyphen with a space
    before it (not the hyphen of a shortened compound, "Wasser- oder Lebensmittelmangel")."""
    w = words[i]
    if w.text not in _DASHES:
        return False
    spaced_before = i > 0 and words[i - 1].end < w.start
    return w.text != "-" or (spaced_before and (i + 1 == len(words) or words[i + 1].start > w.end))


def _zu_infinitive(clause: list[Word]) -> bool:
    """Whether the infinitives closing a clause after "werde"/"wird" are a zu-infinitive ("werde es
    einfacher, Inhalte zu finden und anzusehen": "werden" is the copula of "einfacher", no future)."""
    lows = [w.lower for w in clause]
    if "zu" not in lows:
        return False
    at = len(lows) - 1 - lows[::-1].index("zu")
    rest = lows[at + 1 :]
    return bool(rest) and all(low in ("und", "oder") or low.endswith(("en", "ern", "eln")) for low in rest)


def _own_clause(words: list[Word], lex: StanceLexicon) -> list[Word]:
    """``words`` up to a clause end or a coordinating conjunction ("called X outrageous and called for …")."""
    for i, w in enumerate(words):
        if w.text in _CLAUSE_END or w.lower in lex.of("coordinator"):
            return words[:i]
    return words


def _clause_around(
    frame: list[Word],
    first: Word,
    last: Word,
    stop: frozenset[str] = frozenset(),
    reach: tuple[int, int] = (NEG_BEFORE, NEG_AFTER),
) -> list[Word]:
    """The frame words of the cue's clause within ``reach`` words before and after it
    (:data:`NEG_BEFORE`/:data:`NEG_AFTER` unless given); a word of ``stop`` (a coordinating
    conjunction: "chastised X but did not recommend …") ends the clause as a clause mark does."""
    starts = [w.start for w in frame]
    at = bisect.bisect_left(starts, first.start)
    end = bisect.bisect_right(starts, last.start)
    before: list[Word] = []
    for w in reversed(frame[max(0, at - reach[0]) : at]):
        if w.text in _CLAUSE_END or w.lower in stop:
            break
        before.append(w)
    after: list[Word] = []
    for w in frame[end : end + reach[1]]:
        if w.text in _CLAUSE_END or w.lower in stop:
            break
        after.append(w)
    return before[::-1] + after


def _main_clause(words: list[Word], lex: StanceLexicon) -> list[Word]:
    """The words of ``words`` outside subordinate clauses: a clause opened by a subordinator
    ("because", "which", "weil", "dass" after the first word) or, after a comma, by a relative
    pronoun ("…, der …") runs to the next comma or the end (guidelines 1.1: the main clause decides).
    Words in parentheses are an aside of the writer or the source, outside the main clause."""
    subordinators, relatives, prepositions = lex.of("subordinator"), lex.of("relative"), lex.of("preposition")
    main: list[Word] = []
    inside = complement = False
    depth = 0  # inside parentheses: an aside, not the main clause ("eine neue (und wohl teure) Erweiterung")
    for i, w in enumerate(words):
        if w.text in ("(", ")"):
            depth = max(0, depth + (1 if w.text == "(" else -1))
            continue
        if depth:
            continue
        if _ends(words, i, lex.ordinal_period) and not (complement and w.text == ","):
            inside = complement = False
            main.append(w)
            continue
        if w.text in _QUOTE_MARKS or w.text in _CLAUSE_END:
            continue  # a "." inside a number ("ab 3.500 Euro"), a comma inside a complement clause
        opens = w.lower in subordinators and bool(main)
        opens = opens or (not main and _condition_opens(words, i, lex))  # "Sollten sie …, so …"
        after_comma = bool(main) and main[-1].text == "," and _relative_at(words, i, relatives, prepositions)
        if opens or after_comma:
            inside = True
            # a complement clause after a main clause (a subject and a verb at least: "…, dass A,
            # langfristig aber B", "decided that on Election Day, I will …"; not the noun of "concern
            # that …") runs on over its commas to the end of the sentence
            complement = complement or (opens and w.lower in lex.of("complementizer") and _clause_words(main) >= 2)
        if not inside:
            main.append(w)
    return main


def _clause_words(words: list[Word]) -> int:
    """How many words (not punctuation) ``words`` holds since its last clause mark (a comma
    closing ``words``, "Diese beachte nicht, | dass …", not counted as one)."""
    count = 0
    while words and words[-1].text == ",":
        words = words[:-1]
    for w in reversed(words):
        if w.text in _CLAUSE_END:
            break
        count += w.text not in _QUOTE_MARKS
    return count


def _condition_opens(words: list[Word], i: int, lex: StanceLexicon) -> bool:
    """Whether ``words[i]``, the first word of the words, opens a condition: a conjunction ("wenn",
    "if"), or a modal that is one only when verb-first before a main clause after a comma ("Sollte es
    regnen, …"; not the modal of a span that starts inside its sentence: "[Wer …,] sollte … greifen")."""
    w = words[i]
    if w.lower not in lex.of("conditional"):
        return False
    if w.lower not in lex.auxiliaries:
        return True
    return any(v.text == "," for v in words[i + 1 :])


def _relative_at(words: list[Word], i: int, relatives: frozenset[str], prepositions: frozenset[str]) -> bool:
    """Whether a relative clause opens at ``words[i]`` (right after a comma): a relative pronoun
    ("…, das im Irak", not the article of "…, der Zwischenfall") or a preposition with one
    ("…, in dem die Machthaber …"). Articles that are no relative pronoun ("eine", "this") open nothing."""
    w = words[i]
    if w.lower in prepositions and w.text.islower() and i + 1 < len(words):
        i, w = i + 1, words[i + 1]
    nxt = words[i + 1] if i + 1 < len(words) else None
    return w.lower in relatives and w.text.islower() and nxt is not None and not nxt.text[:1].isupper()
