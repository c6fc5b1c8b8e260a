"""Stance, negation, source anonymity and the entities a statement is about (issue 17).

Needs: the body text, the quotes and entities of one article, a language's
:class:`StanceLexicon` (data files under ``onrecord/lang/<lang>/data/``) and its lemma
function. Adds: ``stance``, ``negated``, ``source_anonymity`` and ``about`` on every quote.

The rules follow the annotation guidelines (``onrecord/evaluation/data/STANCE-GUIDELINES.md``):

- **frame first**: a direct quote whose first sentence ends with "?" is a question; a cue
  whose lemma (with a separable particle: "wies … zurück", "called for") names a stance
  decides (bestreiten → denial, behaupten → claim, glauben → belief, fordern → demand,
  fragen → question, erwarten → prediction; "asked them to leave", "warnte davor, … zu" →
  demand); a writer's marker in the frame ("angeblich", "allegedly") → claim;
- **content**, under a neutral cue (sagen, say, laut …), first match wins: question ("ob",
  "whether") > denial ("haltlos", "not true") > demand (deontic "muss", "should") > claim
  ("angeblich") > belief ("Ich glaube …") > hedged (modals of possibility, adverbs of
  probability, Konjunktiv II or "would" in direct speech) > prediction ("wird … liefern",
  "will", the backshifted "würde"/"would" of reported speech) > asserted. A quote of several
  sentences is judged by its first one.

``negated`` is set when a negation or a refusal stands in the cue's clause next to the cue,
outside the quoted words ("sagte nicht", "did not say", "declined to confirm"); "nicht
ausschließen" / "not rule out" is hedged and not negated. The anonymity comes from the
speaker mention (or its entity) and its sentence; ``about`` from entity mentions inside the
quote spans. Every function here is pure: same input, same output.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import get_args

from onrecord.model import Entity, Quote, SourceAnonymity, Span, Stance

__all__ = [
    "StanceLexicon",
    "Word",
    "about_entities",
    "annotate",
    "anonymity",
    "load_lexicon",
    "sentence_starts",
    "stance_of",
    "words_in",
]

LemmaFn = Callable[[str], str]

#: a word (with inner hyphens/apostrophes), English "n't" split off, a clitic written apart from
#: its word ("I 'll", tokenised text), or one punctuation mark
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|['’](?:ll|re|ve)\b|[^\w\s]")
_CLITICS = ("n't", "n’t", "'ll", "’ll")
#: a sentence ends at ., ! or ? (and closing quote marks) before white space, or at a line break
_SENT_END = re.compile(r"[.!?…][\"“”»«’')]*\s+|\n+")
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?"})
_QUOTE_MARKS = frozenset("\"“”„»«‘’‚‹›'")
_SENT_START = _QUOTE_MARKS | {".", "!", "?", ":", "(", "–", "-"}
#: words before (after) the cue in which a negation counts ("hat nicht gesagt", "sagte er nicht")
NEG_BEFORE = 4
NEG_AFTER = 3
#: the first words of the content that may hold a first-person belief frame ("Ich glaube, …")
BELIEF_OPENING = 3

#: the word classes of ``stance_words.txt``
WORD_CLASSES = (
    "hedge", "konj2", "future", "future_infinitive", "backshift", "claim", "denial", "demand",
    "negation", "refusal", "idiom", "question", "infinitive_first", "infinitive_last", "first_person", "determiner",
    "neutral_direct", "coordinator", "claim_frame", "belief", "reportative", "perfect_auxiliary", "subordinator",
    "subject", "fear", "document", "issuer", "own",
    "conditional", "named_group", "indefinite", "definite", "pronoun", "third_person", "non_name",
    "relative", "preposition", "not_hedge", "not_demand", "auxiliary", "generic", "interrogative",
    "do_support", "source_preposition", "imperative", "demonstrative",
    "confidence", "copula", "not_future", "institution", "article", "abstract", "complementizer", "fused_article",
)  # fmt: skip
#: how many opening words of the content may hold a subject and a stance verb ("he finally believes")
SUBJECT_OPENING = 4


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the text with its character offsets (and its lower-case form)."""

    text: str
    start: int
    end: int
    lower: str


@dataclass(frozen=True)
class StanceLexicon:
    """A language's word lists for stance and anonymity (lower case).

    ``words`` maps each class of :data:`WORD_CLASSES` to its forms; a form of several words
    ("stimmt nicht", "not rule out") matches consecutive words.
    """

    cues: dict[str, tuple[Stance, Stance | None]]  # cue lemma → stance, stance with an infinitive
    particle_cues: dict[tuple[str, str], tuple[Stance, Stance | None]]  # (verb lemma, particle) → …
    words: dict[str, frozenset[str]]
    anonymous: tuple[re.Pattern[str], ...]  # explicit withholding ("on condition of anonymity")
    unnamed_heads: frozenset[str]  # nouns naming a role or a group without a name
    unnamed_suffixes: tuple[str, ...] = ()  # compound heads ("Ministeriumssprecher")
    case_marks_names: bool = False  # only names are upper case inside a sentence (English, not German)
    #: the future of reported speech is backshifted only under a past cue ("said he would", not
    #: "says the system would allow": a conditional there; English, not German)
    backshift_needs_past: bool = False
    #: "17. November", "2. Liga": a period right after a number of one or two digits marks an
    #: ordinal, not the end of a sentence or clause (German, not English: "… in 1999. The")
    ordinal_period: bool = False

    def of(self, cls: str) -> frozenset[str]:
        return self.words.get(cls, frozenset())

    @cached_property
    def anonymous_any(self) -> re.Pattern[str]:
        """All anonymity patterns as one (one pass over a text)."""
        return re.compile("|".join(f"(?:{p.pattern})" for p in self.anonymous), re.IGNORECASE)

    @cached_property
    def future_forms_reported(self) -> frozenset[str]:
        """Future markers of reported speech that need no infinitive, backshifted ones included."""
        return self.of("future") | self.of("backshift")

    @cached_property
    def auxiliaries(self) -> frozenset[str]:
        """Modal, future and negation words: after a subject they stand between it and any stance verb."""
        names = ("future", "future_infinitive", "backshift", "konj2", "hedge", "demand", "reportative", "negation")
        return frozenset().union(*(self.of(n) for n in names))

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every verb lemma that names a stance (with or without a particle)."""
        return frozenset(self.cues) | frozenset(v for v, _ in self.particle_cues)


def words_in(text: str, begin: int, end: int) -> list[Word]:
    """The words of ``text[begin:end]`` with offsets into ``text``."""
    found: list[Word] = []
    for m in _WORD.finditer(text, begin, end):
        word, start, end_ = m.group(), m.start(), m.end()
        low = word.lower()
        if len(low) > 3 and low.endswith(_CLITICS):  # "didn't" → "did" "n't", "we'll" → "we" "'ll"
            found.append(Word(word[:-3], start, end_ - 3, low[:-3]))
            found.append(Word(word[-3:], end_ - 3, end_, low[-3:].replace("’", "'")))
        else:
            found.append(Word(word, start, end_, low.replace("’", "'") if low[:1] == "’" else low))
    return found


def sentence_starts(text: str) -> list[int]:
    """Offsets at which sentences begin (0 first)."""
    return [0, *(m.end() for m in _SENT_END.finditer(text))]


def _inside(pos: int, spans: Iterable[Span]) -> bool:
    return any(b <= pos < e for b, e in spans)


class _Doc:
    """One text with what its quotes look up, computed lazily and once: the words of each
    sentence, the anonymity-pattern matches of a sentence, and whether a mention names its entity."""

    def __init__(self, text: str, entities: Sequence[Entity], lex: StanceLexicon) -> None:
        self.text = text
        self.lex = lex
        self.sents = sentence_starts(text)
        self._words: dict[int, list[Word]] = {}
        self._anonymous: dict[int, list[int]] = {}
        self._names: dict[Span, bool] = {}
        self.mentions = sorted((b, e, entity.id) for entity in entities for b, e in entity.mentions)
        self.mention_starts = [b for b, _, _ in self.mentions]

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the text writes in lower case (common nouns, not names, where case marks names)."""
        if not self.lex.case_marks_names:
            return frozenset()
        return frozenset(m.group() for m in _WORD.finditer(self.text) if m.group()[:1].islower())

    @cached_property
    def initial_only(self) -> frozenset[str]:
        """Lower-case forms of capitalised words that the text writes only at a sentence start
        ("Recent reports have …"): their capital marks the position, not a name (where case marks names)."""
        if not self.lex.case_marks_names:
            return frozenset()
        text = self.text
        initial: set[str] = set()
        for start in self.sents:
            m = _WORD.search(text, start, min(len(text), start + 40))
            if m is not None and m.group()[:1].isupper():
                initial.add(m.group())
        starts = set(self.sents)
        inside: set[str] = set()
        for m in _WORD.finditer(text):
            word = m.group()
            if word in initial and m.start() not in starts:
                before = text[max(0, m.start() - 2) : m.start()].strip()
                if before and before[-1] not in _SENT_START:
                    inside.add(word)
        return frozenset(w.lower() for w in initial - inside)

    @cached_property
    def not_names(self) -> frozenset[str]:
        """:attr:`lower_words` and :attr:`initial_only`: capitalised words that need not be names."""
        return self.lower_words | self.initial_only

    def _sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sents, pos) - 1, 0)

    def _bounds(self, i: int) -> Span:
        return self.sents[i], self.sents[i + 1] if i + 1 < len(self.sents) else len(self.text)

    def _sentence_words(self, i: int) -> list[Word]:
        found = self._words.get(i)
        if found is None:
            found = self._words[i] = words_in(self.text, *self._bounds(i))
        return found

    def between(self, begin: int, end: int) -> list[Word]:
        """The words that start in ``[begin, end)``."""
        if end <= begin:
            return []
        first, last = self._sentence_index(begin), self._sentence_index(end - 1)
        return [w for i in range(first, last + 1) for w in self._sentence_words(i) if begin <= w.start < end]

    def sentence(self, pos: int) -> Span:
        return self._bounds(self._sentence_index(pos))

    def anonymous_in(self, pos: int) -> list[int]:
        """Starts of anonymity-pattern matches in the sentence at ``pos``."""
        i = self._sentence_index(pos)
        found = self._anonymous.get(i)
        if found is None:
            b, e = self._bounds(i)
            pattern = self.lex.anonymous_any
            found = self._anonymous[i] = (
                [m.start() for m in pattern.finditer(self.text, b, e) if not self._names_document(m.end(), e)]
                if self.lex.anonymous
                else []
            )
        return found

    def _names_document(self, pos: int, end: int) -> bool:
        """Whether a document noun follows ``pos`` (after articles): "heißt es im Brief", "hieß es in
        dem Schreiben" cite a document, no concealed source (guidelines 3: a document is named or
        unnamed by its issuer)."""
        for w in self.between(pos, end)[:3]:
            if w.lower in self.lex.of("determiner"):
                continue
            capital = self.lex.case_marks_names or w.text[:1].isupper()  # German nouns are capitalised
            return capital and _is_document(w.lower, self.lex)
        return False

    def names(self, span: Span) -> bool:
        found = self._names.get(span)
        if found is None:
            found = self._names[span] = _names_entity(self.between(*span), self.lex)
        return found


def _frame(doc: _Doc, anchors: Iterable[Span], quote: Quote) -> list[Word]:
    """The words of the sentences holding ``anchors`` that are not quoted words."""
    found: list[Word] = []
    for b, e in sorted({doc.sentence(b) for b, _ in anchors}):
        found += [w for w in doc.between(b, e) if not _inside(w.start, quote.spans)]
    return found


def _ordinal(words: list[Word], i: int) -> bool:
    """Whether the period ``words[i]`` closes an ordinal number ("am 17. November")."""
    prev = words[i - 1] if i > 0 else None
    return (
        words[i].text == "."
        and prev is not None
        and prev.end == words[i].start
        and prev.text.isdigit()
        and len(prev.text) <= 2
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


def _title_case(words: list[Word]) -> bool:
    """Words written in title case ("Trump 'The Dealmaker' Could Address Clean Energy"): every
    word of four or more letters is capitalised, so case marks no name there."""
    long = [w for w in words if len(w.text) >= 4 and w.text[:1].isalpha()]
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
) -> bool:
    """Whether a future marker stands in ``words``: a form of ``plain`` ("will", "droht"), or one
    of ``with_infinitive`` ("wird", "werde") with an infinitive ending its clause ("wird … liefern")
    or before it at the clause end ("…, dass die Gebühr steigen werde")."""
    if _has(plain, _lows(words, case_marks_names)):  # "will", "going to"
        return True
    if not with_infinitive:
        return False
    for i, w in enumerate(words):
        if w.lower not in with_infinitive:
            continue
        clause: list[Word] = []
        for j in range(i + 1, len(words)):
            v = words[j]
            if _ends(words, j, ordinal_period):
                break
            if v.text not in _QUOTE_MARKS and v.text not in _CLAUSE_END:
                clause.append(v)
        if clause and _is_infinitive(clause[-1].text, lemma):
            return True
        if not clause and i > 0 and _is_infinitive(words[i - 1].text, lemma):  # verb-final: "liefern werde"
            return True
    return False


def _with_infinitive(content: list[Word], after_cue: list[Word], lex: StanceLexicon) -> bool:
    """Whether the cue governs an infinitive ("asked them to leave", "warnte davor, … zu tun")."""
    words = [w for w in content if w.text not in _QUOTE_MARKS and w.text not in _CLAUSE_END]
    opening = {w.lower for w in words[:3]} | {w.lower for w in after_cue[:3]}
    if words and words[0].lower not in lex.of("interrogative"):
        opening |= {w.lower for w in words[3:INFINITIVE_OPENING]}  # "asks the regional government to …"
    if lex.of("infinitive_first") & opening:  # "to leave"
        return not (words and words[0].lower in lex.of("question"))
    return bool(lex.of("infinitive_last") & {w.lower for w in words[-3:]})  # "… zu tun"


#: how many opening words of the words may hold the "to" of an infinitive after an object ("asked X to …")
INFINITIVE_OPENING = 6


def _own_clause(words: list[Word], lex: StanceLexicon) -> list[Word]:
    """``words`` up to a clause end or a coordinating conjunction ("called X outrageous and called for …")."""
    for i, w in enumerate(words):
        if w.text in _CLAUSE_END or w.lower in lex.of("coordinator"):
            return words[:i]
    return words


def _cue_stance(
    cue_words: list[Word],
    after_cue: list[Word],
    content: list[Word],
    lex: StanceLexicon,
    lemma: LemmaFn,
    closing: Sequence[Word] = (),
) -> Stance | None:
    # a particle follows the verb in its clause ("wies … zurück"), is part of the cue, opens the
    # words ("called for a ban") or closes the clause right before them (``closing``: "geht
    # nach einem Treffen mit X, Y, davon aus, dass …": commas of an apposition between)
    particles = [w.lower for w in _own_clause(after_cue[:12], lex)] + [w.lower for w in cue_words]
    particles += [w.lower for w in content[:1]] + [w.lower for w in closing]
    for w in cue_words:
        lem = lemma(w.text).lower()
        entry = next((e for p in particles if (e := lex.particle_cues.get((lem, p))) is not None), None)
        entry = entry or lex.cues.get(lem) or lex.cues.get(w.lower)
        if entry is None:
            continue
        stance, with_inf = entry
        if with_inf is not None and _with_infinitive(content, after_cue, lex):
            return with_inf
        return stance
    return None


def _clause_around(frame: list[Word], first: Word, last: Word, stop: frozenset[str] = frozenset()) -> list[Word]:
    """The frame words of the cue's clause within :data:`NEG_BEFORE`/:data:`NEG_AFTER` words; a
    word of ``stop`` (a coordinating conjunction: "chastised X but did not recommend …") ends the
    clause as a clause mark does."""
    starts = [w.start for w in frame]
    at = bisect.bisect_left(starts, first.start)
    end = bisect.bisect_right(starts, last.start)
    before: list[Word] = []
    for w in reversed(frame[max(0, at - NEG_BEFORE) : at]):
        if w.text in _CLAUSE_END or w.lower in stop:
            break
        before.append(w)
    after: list[Word] = []
    for w in frame[end : end + NEG_AFTER]:
        if w.text in _CLAUSE_END or w.lower in stop:
            break
        after.append(w)
    return before[::-1] + after


def _negated(cue_words: list[Word], frame: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    if not cue_words:
        return False
    # "sagte nicht" may be the cue; the clause ends at a coordinator ("…, but did not recommend")
    near = _clause_around(frame, cue_words[0], cue_words[-1], lex.of("coordinator")) + cue_words
    if any(lemma(w.text).lower() in lex.of("idiom") for w in cue_words):
        return False  # "nicht ausschließen", "not rule out": a hedge, not a negation
    return any(w.lower in lex.of("negation") or lemma(w.text).lower() in lex.of("refusal") for w in near)


def _main_clause(words: list[Word], lex: StanceLexicon) -> list[Word]:
    """The words of ``words`` outside subordinate clauses: a clause opened by a subordinator
    ("because", "which", "weil", "dass" after the first word) or, after a comma, by a relative
    pronoun ("…, der …") runs to the next comma or the end (guidelines 1.1: the main clause decides)."""
    subordinators, relatives, prepositions = lex.of("subordinator"), lex.of("relative"), lex.of("preposition")
    main: list[Word] = []
    inside = complement = False
    for i, w in enumerate(words):
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


def _reportative(main: list[Word], lex: StanceLexicon, sourced: bool = False) -> Stance | None:
    """German reportative or planning "soll": "soll … genutzt haben" (a perfect infinitive) is a
    claim the writer passes on, "sollen … geladen werden" a plan (prediction). Under a source
    preposition ("Nach Angaben von X sollen …", "laut X soll …": ``sourced``) it is reportative
    whatever the tense: a claim (guidelines section 6)."""
    at = next((i for i, w in enumerate(main) if w.lower in lex.of("reportative")), None)
    if at is None:
        return None
    clause: list[Word] = []
    for j in range(at + 1, len(main)):
        if _ends(main, j, lex.ordinal_period):
            break
        if main[j].text not in _CLAUSE_END:  # a number's "." ("1.152 Leichen")
            clause.append(main[j])
    tail = [w.lower for w in clause[-2:]]
    last = [w.lower for w in main if w.text not in _CLAUSE_END][-1:]
    if sourced and tail[-1:] != ["werden"] and last != ["werden"]:
        return "claim"  # not a passive plan ("sollen laut X … unterstützt werden": prediction)
    if len(tail) == 2 and tail[1] in lex.of("perfect_auxiliary") and (tail[0].startswith("ge") or tail[0] == "worden"):
        return "claim"
    if len(tail) == 2 and tail[1] in lex.of("perfect_auxiliary") and tail[0].endswith(("t", "en")):
        return "claim"  # "verkauft haben", "gestorben sein"
    return "prediction"


def _opening(looked: list[Word], lex: StanceLexicon) -> list[Word]:
    """The first :data:`SUBJECT_OPENING` words of ``looked``, a do-support and its negation not
    counted ("I don't think …")."""
    found: list[Word] = []
    counted = 0
    for w in looked:
        if counted == SUBJECT_OPENING:
            break
        found.append(w)
        counted += w.lower not in lex.of("do_support")
    return found


def _subject_cue(opening: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> Stance | None:
    """A subject pronoun and a stance verb right after it (or after one adverb) frame the words:
    "Ich glaube, …", "We urge …", "he finally believes …" (guidelines 1.2, belief); not after an
    auxiliary ("we will appeal")."""
    at = next((i for i, w in enumerate(opening) if w.lower in lex.of("subject")), None)
    if at is None:
        return None
    auxiliaries = lex.auxiliaries
    # a do-support and its negation stand between ("I don't think …", "we do not believe …")
    after = [w for w in opening[at + 1 : at + 5] if w.lower not in lex.of("do_support")]
    for w in after[:2]:
        entry = lex.cues.get(lemma(w.text).lower())
        if entry is not None and entry[0] != "asserted":
            return entry[0]
        if w.lower in auxiliaries or not w.text[:1].islower():
            return None
    return None


def _present_cue(cue_words: list[Word]) -> bool:
    """Whether an English cue verb is a third-person present form ("says", "tells", "argues";
    not "has said", "was told")."""
    if not cue_words:
        return False
    low = cue_words[-1].lower
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _content_stance(
    quote: Quote,
    looked: list[Word],
    lex: StanceLexicon,
    lemma: LemmaFn,
    present_cue: bool = False,
    sourced: bool = False,
) -> Stance:
    """The stance a content has under a neutral frame (guidelines, rule B). A first-person
    stance verb opening the words ("I hope …", "Ich glaube …") is their frame and wins over the
    content (guidelines 1.2 belief, rule A)."""
    opening = _opening(looked, lex)
    subject = _subject_cue(opening, lex, lemma)
    if subject is not None and looked and any(w.lower in lex.of("first_person") for w in opening):
        return subject
    lows = _lows(looked, lex.case_marks_names)
    if _has(lex.of("denial"), lows):
        return "denial"
    main = _main_clause(looked, lex)
    main_lows = _lows(main, lex.case_marks_names)
    direct = quote.kind == "direct"
    reportative = None if direct else _reportative(main, lex, sourced)
    demand_lows = _without(lex.of("not_demand"), main_lows)  # "you don't have to": no obligation
    deontic = _has(lex.of("demand"), demand_lows) or (direct and _has(lex.of("reportative"), main_lows))
    bare_first = next((w for w in looked if w.text not in _QUOTE_MARKS), None)
    # an imperative opening the speaker's own words ("Let everybody …", "Let's go"; guidelines 1.2 demand)
    deontic = deontic or (direct and bare_first is not None and bare_first.lower in lex.of("imperative"))
    if subject == "demand" or deontic:
        return "demand"
    if reportative == "claim" or _has(lex.of("claim"), lows):
        return "claim"
    if subject is not None:
        return subject
    if _has(lex.of("belief"), [w.lower for w in looked]) or _predicative(looked, lex.of("confidence"), lex):
        return "belief"  # "nach Auffassung", "in our view", "wir sind zuversichtlich"
    bare = [w for w in looked if w.text not in _QUOTE_MARKS]
    conditional = bool(bare) and bare[0].lower in lex.of("conditional")
    # a condition anywhere in the sentence with a conditional "would"/"würde" or a future in its main
    # clause ("he would consider it an insult if they did not vote", "she will turn them gay if she is
    # elected": a main claim under an open condition; guidelines 1.2 hedged, which wins over prediction)
    if not conditional and any(w.lower in lex.of("conditional") for w in bare[1:]):
        conditional = _has(lex.of("konj2"), main_lows) or _future(
            main, lex.of("future"), lex.of("future_infinitive"), lex.ordinal_period, lemma, lex.case_marks_names
        )
    hedge_lows = _without(lex.of("not_hedge"), main_lows)  # "as soon as possible", "could not" (inability)
    # Konjunktiv II / "would" is the source's own conditional in direct speech or after a first-person
    # subject ("Ich würde es nicht … nennen" in a span without quote marks); a politeness formula
    # ("I would like to", "ich würde gerne") is none (guidelines 1.2 hedged)
    own_konj2 = (direct and _has(lex.of("konj2"), hedge_lows)) or _first_person_konj2(hedge_lows, lex)
    if conditional or _has(lex.of("hedge"), hedge_lows) or own_konj2:
        return "hedged"
    if reportative == "prediction":
        return "prediction"
    if _has(lex.of("not_future"), main_lows):
        return "asserted"  # a habitual past ("would sometimes dismiss"), no future
    plain = lex.of("future") if direct or present_cue else lex.future_forms_reported
    if _future(main, plain, lex.of("future_infinitive"), lex.ordinal_period, lemma, lex.case_marks_names):
        return "prediction"
    return "asserted"


def _first_person_konj2(lows: list[str], lex: StanceLexicon) -> bool:
    """A Konjunktiv II / "would" right before or after a first-person subject ("ich würde",
    "hätten wir", "I would"): the speaker's own words, a conditional, even without quote marks."""
    konj2, first = lex.of("konj2"), lex.of("first_person")
    return any(
        low in konj2 and ((i > 0 and lows[i - 1] in first) or (i + 1 < len(lows) and lows[i + 1] in first))
        for i, low in enumerate(lows)
    )


#: how many words before a confidence word may hold its copula ("we are very confident")
COPULA_BEFORE = 2


def _predicative(words: list[Word], forms: frozenset[str], lex: StanceLexicon) -> bool:
    """Whether a word of ``forms`` stands predicatively in ``words``: a copula ("sind", "are",
    "sich") at most :data:`COPULA_BEFORE` words before it with no article between ("Wir sind
    zuversichtlich, dass …", "we are very confident"), not an attribute ("was an optimistic plan")."""
    copulas, determiners = lex.of("copula"), lex.of("determiner")
    for i, w in enumerate(words):
        if w.lower not in forms:
            continue
        for v in reversed(words[max(0, i - COPULA_BEFORE) : i]):
            if v.lower in determiners:
                break
            if v.lower in copulas:
                return True
    return False


def _cue_in(words: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> list[Word]:
    """The first word of ``words`` that is a stance verb (lower case: not a noun nor a name), as a cue."""
    for w in words:
        if w.text[:1].islower() and lemma(w.text).lower() in lex.cue_lemmas:
            return [w]
    return []


def _particle_verb(frame: list[Word], cue_words: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> list[Word]:
    """The verb of a separable particle that is the whole cue ("ging sie davon aus": the cue is
    "davon aus", its verb "ging" stands earlier in the clause): the nearest frame word before the
    cue, in its sentence (an apposition between: "ging Celebi, die Anwältin, davon aus"), whose
    lemma and the particle are a stance cue ("gehen aus")."""
    particles = {w.lower for w in cue_words}
    starts = [w.start for w in frame]
    at = bisect.bisect_left(starts, cue_words[0].start)
    for i in range(at - 1, max(at - 11, -1), -1):
        w = frame[i]
        if w.text in _CLAUSE_END and w.text != ",":  # an apposition's commas stay inside the clause
            break
        lem = lemma(w.text).lower()
        if any((lem, p) in lex.particle_cues for p in particles):
            return [w]
    return []


def _fear_of_future(cue_words: list[Word], looked: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A cue of fear or worry ("befürchten", "worried") whose words speak of the future or of a
    possibility to come ("… verschlechtern könnte", "… could threaten"): a prediction, not a
    belief (guidelines 1.2 prediction, section 6)."""
    fear = lex.of("fear")
    if not any(w.lower in fear or lemma(w.text).lower() in fear for w in cue_words):
        return False
    future = _future(
        looked, lex.future_forms_reported, lex.of("future_infinitive"), lex.ordinal_period, lemma, lex.case_marks_names
    )
    return future or _has(lex.of("hedge"), _lows(looked, lex.case_marks_names))


def _refused_stance(cue_words: list[Word], content: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> Stance | None:
    """The stance of the refused act: "declined to threaten Moscow" keeps the class of
    "threaten" (guidelines 2: the stance keeps the class of the negated predicate)."""
    if not any(lemma(w.text).lower() in lex.of("refusal") for w in cue_words):
        return None
    words = [w for w in content if w.text not in _QUOTE_MARKS]
    if len(words) < 2 or words[0].lower not in lex.of("infinitive_first"):
        return None
    entry = lex.cues.get(lemma(words[1].text).lower())
    return entry[0] if entry is not None and entry[0] != "asserted" else None


def _right_before(frame: list[Word], quote: Quote) -> list[Word]:
    """The frame word right before the quote's first words (commas, colons and quote marks
    skipped), if any."""
    begin = quote.spans[0][0]
    before = [w for w in frame if w.end <= begin and w.text not in _QUOTE_MARKS and w.text not in {",", ":"}]
    return before[-1:] if before and begin - before[-1].end <= 4 else []


def _governing(frame: list[Word], quote: Quote, lex: StanceLexicon, lemma: LemmaFn) -> list[Word]:
    """A stance verb right before the words governs them (guidelines rule C: "…, der ja
    angekündigt hat, …", "gefragt wurde, was …", "Basya also believes the …"): the frame word right
    before the words, or, when that is an auxiliary closing a German verb-final clause, the
    participle before it."""
    last = _right_before(frame, quote)
    if not last:
        return []
    found = _cue_in(last, lex, lemma)
    if found or last[0].lower not in lex.of("auxiliary"):
        return found
    at = next(i for i, w in enumerate(frame) if w.start == last[0].start)
    return _cue_in(frame[at - 1 : at], lex, lemma) if at > 0 else []


#: at most this many words after the last comma of the words make a trailing frame ("…, wird vermutet.")
TRAILING_FRAME = 4


def _trailing_frame(content: list[Word]) -> list[Word]:
    """A short clause closing the words after their last comma ("Der Prozess könne dauern, wird
    vermutet."): the frame inside the span, in the writer's voice."""
    words = [w for w in content if w.text not in _QUOTE_MARKS and w.text not in {".", "!", "?"}]
    commas = [i for i, w in enumerate(words) if w.text == ","]
    if not commas:
        return []
    tail = words[commas[-1] + 1 :]
    return tail if 0 < len(tail) <= TRAILING_FRAME else []


def _looked(quote: Quote, content: list[Word], doc: _Doc) -> list[Word]:
    """The words that decide under a neutral frame: the first sentence of the words; of a direct
    quote in several parts, of the first part when it is a clause of its own ("„…“, sagte er, „…“")."""
    if quote.kind == "direct" and len(quote.spans) > 1:
        first = [w for w in doc.between(*quote.spans[0]) if w.text not in _QUOTE_MARKS]
        if len(first) >= 4:
            return _first_sentence(first, doc.lex.ordinal_period)
    return _first_sentence(content, doc.lex.ordinal_period)


def _open_question(doc: _Doc, quote: Quote, content: list[Word], lex: StanceLexicon) -> bool:
    """Words that are an indirect question ("when …", "wo …") ending a sentence that asks ("How do
    you know when it's worth paying more?"): the source asks (guidelines 1.2 question)."""
    first = next((w for w in content if w.text not in _QUOTE_MARKS), None)
    if first is None or first.lower not in lex.of("interrogative"):
        return False
    end = quote.spans[-1][1]
    return doc.text[end : end + 3].lstrip()[:1] == "?"


def stance_of(doc: _Doc, quote: Quote, lex: StanceLexicon, lemma: LemmaFn) -> tuple[Stance, bool]:
    """The stance of one quote and whether its attribution is negated."""
    cue_spans = quote.cue.spans if quote.cue is not None else []
    frame = _frame(doc, list(cue_spans) or quote.spans[:1], quote)
    content = [w for b, e in quote.spans for w in doc.between(b, e)]
    cue_words = [w for b, e in cue_spans for w in doc.between(b, e)]
    if not cue_words:  # no cue found: a stance verb of the frame, or of a reported sentence, is one
        inner = content if quote.kind in ("reported", "mixed") else []
        cue_words = (
            _governing(frame, quote, lex, lemma)
            or _cue_in(frame, lex, lemma)
            or _cue_in(inner, lex, lemma)
            or _cue_in(_trailing_frame(content) if quote.kind != "direct" else [], lex, lemma)
        )
        if cue_words and cue_words[0] in inner:
            frame = [w for w in content if w.start > cue_words[0].start]
    elif not any(lemma(w.text).lower() in lex.cue_lemmas for w in cue_words):
        # an auxiliary or a neutral verb as the cue: a stance participle in its clause ("hat … angekündigt")
        later = [w for w in frame if w.start > cue_words[-1].start]
        # the stance participle right before the words is theirs ("hat … aufgerufen und
        # angekündigt, man werde …"), else the first one in the auxiliary's clause
        nearest = _governing(frame, quote, lex, lemma)
        cue_words = nearest or _cue_in(_own_clause(later[:6], lex), lex, lemma) or cue_words
        if not any(lemma(w.text).lower() in lex.cue_lemmas for w in cue_words):
            cue_words = _particle_verb(frame, cue_words, lex, lemma) + cue_words
    after_cue = [w for w in frame if cue_words and w.start > cue_words[-1].start]
    if cue_words and _inside(cue_words[-1].start, quote.spans) and not after_cue:
        # the span holds the whole sentence ("Der Betriebsrat schließt Streiks nicht aus."): the
        # cue's particle and negation follow it inside the words (guidelines section 6)
        after_cue = [w for w in content if w.start > cue_words[-1].start]
    around = sorted({*frame, *after_cue}, key=lambda w: w.start)
    negated = _negated(cue_words, around, lex, lemma)
    looked = _looked(quote, content, doc)  # the main clause of the first sentence decides (guidelines 1.1)
    if quote.kind == "direct" and any(w.text == "?" for w in looked):
        return "question", negated
    if quote.kind != "direct" and _open_question(doc, quote, content, lex):
        return "question", negated
    neutral_direct = _plain_speech(quote, cue_words, after_cue, lex, lemma)
    closing = _right_before(after_cue, quote)
    stance = None if neutral_direct else _cue_stance(cue_words, after_cue, content, lex, lemma, closing)
    if stance == "belief" and _fear_of_future(cue_words, looked, lex, lemma):
        stance = "prediction"
    stance = stance or _refused_stance(cue_words, content, lex, lemma)
    if stance is not None and stance != "asserted":
        return stance, negated
    frame_lows = _lows(frame, lex.case_marks_names)
    if _has(lex.of("claim"), frame_lows) or _has(lex.of("claim_frame"), frame_lows):
        return "claim", negated
    if _has(lex.of("belief"), [w.lower for w in frame]):  # "ist der Meinung", "nach Ansicht"
        return "belief", negated
    if cue_words and _has(lex.of("confidence"), [w.lower for w in _clause_around(frame, cue_words[0], cue_words[-1])]):
        return "belief", negated  # "zeigte sich zuversichtlich", "was confident": in the cue's clause only
    # clause type: "ob …", "whether …" open the words, or end the frame before them
    first = next((w for w in content if w.text not in _QUOTE_MARKS), None)
    before = [w for w in frame if w.end <= quote.spans[0][0] and w.text not in _QUOTE_MARKS]
    questions = lex.of("question")
    if (first is not None and first.lower in questions) or (before and before[-1].lower in questions):
        return "question", negated
    if negated and first is not None and first.lower in lex.of("interrogative"):
        return "question", negated  # "wollte nicht sagen, wie …", "refused to explain how …" (guidelines 2)
    present = lex.backshift_needs_past and _present_cue(cue_words)
    sourced = any(w.lower in lex.of("source_preposition") for w in cue_words)
    stance = _content_stance(quote, looked, lex, lemma, present, sourced)
    return stance, negated or _opening_negated(_opening(looked, lex), lex, lemma)


def _plain_speech(
    quote: Quote, cue_words: list[Word], after_cue: list[Word], lex: StanceLexicon, lemma: LemmaFn
) -> bool:
    """Whether a cue of ``neutral_direct`` ("meinen") is a plain speech verb (guidelines 1.2 belief):
    after a direct quote, or after the words it follows as a parenthesis ("…, sei nicht vorhersehbar
    gewesen, meinte er"); with a ``dass``-clause of its own after it, it is an opinion (belief)."""
    if not any(lemma(w.text).lower() in lex.of("neutral_direct") for w in cue_words):
        return False
    if quote.kind == "direct":
        return True
    follows = bool(quote.spans) and cue_words[0].start >= quote.spans[0][1]
    return follows and not any(w.lower in lex.of("subordinator") for w in _own_clause(after_cue[:6], lex))


def _opening_negated(opening: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """Whether a first-person stance frame opening the words is negated ("I don't think …",
    "Ich glaube nicht, …"; guidelines 2: the stance keeps the class, negated)."""
    if _subject_cue(opening, lex, lemma) is None or not any(w.lower in lex.of("first_person") for w in opening):
        return False
    verb = next((i for i, w in enumerate(opening) if lemma(w.text).lower() in lex.cue_lemmas), None)
    if verb is None:
        return False
    # between the subject and the verb ("I don't think") or right after it ("Ich glaube nicht")
    return any(w.lower in lex.of("negation") for w in opening[: verb + 2])


def _unnamed_mention(words: list[Word], lex: StanceLexicon, lower_words: frozenset[str] = frozenset()) -> bool:
    """A role or group noun heads the mention and no name follows it ("ein Sprecher des
    Ministeriums", "Analysten", "a senior official"; not "Sprecher Peter Müller"), the mention
    is indefinite ("ein Mann", "a New York judge", "viele"), or it is a lower-case noun phrase
    ("state regulators", "one poster"). An institution of :data:`named_group` is named ("die Polizei")."""
    if any(w.lower in lex.of("named_group") for w in words):
        return False
    if words and words[0].lower in lex.of("indefinite"):
        return True
    for i, w in enumerate(words):
        if _is_document(w.lower, lex):
            return not _named_issuer(words, i, lex, lower_words)
        if _is_head(w.lower, lex):
            nxt = words[i + 1] if i + 1 < len(words) else None
            return not (nxt is not None and nxt.text[:1].isupper() and not _is_head(nxt.lower, lex))
    return _common_phrase(words, lex, lower_words)


def _common_phrase(words: list[Word], lex: StanceLexicon, lower_words: frozenset[str]) -> bool:
    """A noun phrase of lower-case words (English: "human rights groups", "one poster"; a single
    word upper-cased at the sentence start counts when the text writes it lower case elsewhere:
    "Regulators"). Off where case does not mark names (German nouns are upper case)."""
    if not lex.case_marks_names or (words and words[0].lower in lex.of("definite")):
        return False  # "the government", "the poll": a short definite phrase refers to a named one
    content = [w for w in words if w.lower not in lex.of("determiner") and w.text not in _SENT_START]
    if not content or any(w.lower in lex.of("subject") or w.lower in lex.of("pronoun") for w in content):
        return False
    first, rest = content[0], content[1:]
    if any(not w.text[:1].islower() for w in rest):
        return False
    return first.text[:1].islower() or (not rest and first.lower in lower_words)


def _inflected(low: str, lex: StanceLexicon) -> tuple[str, ...]:
    """``low`` and its forms without a case or plural ending (German "kritikern" → kritiker,
    "bürgermeisters" → bürgermeister; English only the plural "reports" → report)."""
    forms = [low]
    for ending in ("s",) if lex.case_marks_names else ("n", "s", "en", "es"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            forms.append(low[: -len(ending)])
    return tuple(forms)


def _is_head(low: str, lex: StanceLexicon) -> bool:
    """A role or group noun, inflected or not ("Kritikern", "Bürgermeisters")."""
    return any(
        form in lex.unnamed_heads or (len(form) > 6 and form.endswith(lex.unnamed_suffixes))
        for form in _inflected(low, lex)
    )


def _is_document(low: str, lex: StanceLexicon) -> bool:
    """A noun of a document or a source of information ("Angaben", "Bericht", "Umfragen", "polls",
    "estimates"), inflected or not, also as the head of a hyphenated compound ("EU-Dokument")."""
    return any(form in lex.of("document") for form in _inflected(low.rsplit("-", 1)[-1], lex))


def _name_prefix(word: Word, lex: StanceLexicon) -> bool:
    """Whether a hyphenated compound opens with a name ("EU-Dokument", "UN-Bericht"; guidelines
    4: a name written hyphenated inside a compound counts), not with a role or document noun."""
    head, sep, _ = word.text.partition("-")
    return bool(sep) and head[:1].isupper() and not (_is_head(head.lower(), lex) or _is_document(head.lower(), lex))


def _named_issuer(words: list[Word], at: int, lex: StanceLexicon, lower_words: frozenset[str]) -> bool:
    """Whether the document noun ``words[at]`` has a named issuer (guidelines 3: *eine Studie der
    Universität X*, *a Homeland Security memo* → named; *Medienberichten*, *Angaben einer
    Gewerkschaft*, *Angaben von Kritikern*, *recent reports* → unnamed): a name before it
    (English) or after it, unless the issuer is indefinite or a role or group noun."""
    before, after = words[:at], words[at + 1 :]
    if _name_prefix(words[at], lex):
        return True  # "nach einem EU-Dokument": the issuer is named inside the compound
    if any(w.lower in lex.of("own") or w.lower in lex.of("third_person") for w in before):
        return True  # "nach eigenen Angaben", "by its own count": the subject's, who is named elsewhere
    if after and (
        after[0].lower in lex.of("indefinite")
        or not (
            after[0].lower in lex.of("determiner") or after[0].lower in lex.of("issuer") or after[0].text[:1].isupper()
        )
    ):
        after = []  # no issuer phrase follows ("Berichten wurde …")
    if not after and len(before) == 1 and before[0].lower in lex.of("definite"):
        return True  # "the poll": a short definite phrase refers back to a named one (guidelines 3)
    words = [*before, words[at], *after]
    for i, w in enumerate(words):
        if i == at or w.lower in lex.of("determiner") or w.text in _SENT_START or not w.text[:1].isupper():
            continue
        if i < at and (not lex.case_marks_names or (i == 0 and w.lower in lower_words)):
            continue  # German adjectives before the noun name nobody; an English sentence start is no name
        if w.lower in lex.of("named_group") or not (_is_head(w.lower, lex) or _is_document(w.lower, lex)):
            return True
    return False


def anonymity(doc: _Doc, quote: Quote, entity: Entity | None, lex: StanceLexicon) -> SourceAnonymity:
    """``anonymous`` when the speaker's sentence says the name is withheld or names a
    concealed source ("aus Regierungskreisen", "sources"), ``unnamed`` for a role or group
    without a name (or no speaker at all), else ``named``. An indefinite speaker mention is
    unnamed even when the article names the person later (guidelines 6)."""
    speaker_spans = quote.speaker.spans if quote.speaker is not None else []
    anchors = speaker_spans or (quote.cue.spans if quote.cue is not None else [])
    for b, _ in anchors:
        # an anonymity pattern that starts in the speaker's sentence, outside the quoted words
        if any(not _inside(pos, quote.spans) for pos in doc.anonymous_in(b)):
            return "anonymous"
    if quote.speaker is None:
        return "unnamed"
    speaker_words = [w for b, e in speaker_spans for w in doc.between(b, e)]
    if len(speaker_words) == 1 and speaker_words[0].lower in lex.of("generic"):
        return "unnamed"  # generic "you", "man": anyone, no name (guidelines 3)
    if _third_person_subject(speaker_words, lex):
        # a pronoun speaker ("They said …") refers back: to sources named withheld in the sentence before
        start = doc.sentence(speaker_spans[0][0])[0]
        if start > 0 and any(not _inside(pos, quote.spans) for pos in doc.anonymous_in(start - 1)):
            return "anonymous"
    # an abstract noun as the speaker ("lautete die Frage", "die Angst aller Beobachter") is a source
    # like a document, unless the extraction resolved it to its owner ("seiner Ansicht nach" → the
    # person; an entity named by the abstract noun itself is no owner)
    abstract = lex.of("abstract")
    if entity is not None and not any(w.lower in abstract for w in words_in(entity.name, 0, len(entity.name))):
        abstract = frozenset()
    document = _document_source(doc, speaker_spans, speaker_words, lex, quote.spans, abstract)
    if document is not None:
        return document
    if speaker_words and speaker_words[0].lower in lex.of("indefinite"):
        return "unnamed"
    if _definite_institution(speaker_words, lex):
        return "named"  # "the administration", "die Staatsanwaltschaft": a unique definite description
    if _indefinite_before(doc, speaker_spans[0][0], lex):
        return "unnamed"  # "nach Angaben einer Gewerkschaft": the mention is indefinite (guidelines 6)
    if entity is not None:
        if _unnamed_mention(words_in(entity.name, 0, len(entity.name)), lex, doc.lower_words):
            return "unnamed"
        return "named"
    return "unnamed" if _unnamed_mention(speaker_words, lex, doc.lower_words) else "named"


#: how many words after a document noun that ends the speaker mention may hold its issuer
ISSUER_WORDS = 8


def _document_source(
    doc: _Doc,
    speaker_spans: Sequence[Span],
    speaker_words: list[Word],
    lex: StanceLexicon,
    quote_spans: Sequence[Span] = (),
    abstract: frozenset[str] = frozenset(),
) -> SourceAnonymity | None:
    """The anonymity of a document as the source (guidelines 3): named when its issuer has a
    name, else unnamed; the issuer phrase may run on after the speaker mention ("Laut
    Informationen | des Parteichefs Max Muster"). ``None`` when no document noun (nor a noun of
    ``abstract``: "Frage", "Angst") heads the mention."""
    at = next((i for i, w in enumerate(speaker_words) if _is_document(w.lower, lex) or w.lower in abstract), None)
    if at is None:
        return None
    words = speaker_words
    if at == len(words) - 1:
        end = speaker_spans[-1][1]
        more: list[Word] = []
        for w in doc.between(end, doc.sentence(end)[1])[:ISSUER_WORDS]:
            if w.text in _CLAUSE_END or _inside(w.start, quote_spans) or _ends_issuer(w, lex):
                break
            more.append(w)
        words = [*words, *more]
        if len(words) == 1 and _definite_before(doc, speaker_spans[0][0], lex):
            return "named"  # "heißt es im Brief", "laut dem Papier": a short definite phrase refers back (guidelines 3)
    return "named" if _named_issuer(words, at, lex, doc.not_names) else "unnamed"


def _definite_before(doc: _Doc, begin: int, lex: StanceLexicon) -> bool:
    """Whether a definite article (or a preposition fused with one: "im", "vom") stands right before ``begin``."""
    before = doc.between(doc.sentence(begin)[0], begin)[-1:]
    forms = lex.of("definite") | lex.of("article") | lex.of("fused_article")
    return bool(before) and before[0].lower in forms and begin - before[0].end <= 1


def _ends_issuer(w: Word, lex: StanceLexicon) -> bool:
    """Whether ``w`` cannot continue a German issuer phrase after a document noun ("Berichten der
    bulgarischen Presse | ist er …"): a lower-case word that is no article, no issuer preposition
    and no attributive adjective (its verb, "ist"). Where case marks names (English) nothing ends it."""
    if lex.case_marks_names or not w.text.islower():
        return False
    if w.lower in lex.of("determiner") or w.lower in lex.of("issuer"):
        return False
    return not w.lower.endswith(_ADJECTIVE_ENDINGS)


def _indefinite_before(doc: _Doc, begin: int, lex: StanceLexicon) -> bool:
    """Whether an indefinite article stands right before the speaker mention ("einer
    Bauerngewerkschaft", "an aide"), in German perhaps with attributive adjectives between
    ("eines thailändischen Jungen")."""
    before = doc.between(doc.sentence(begin)[0], begin)
    end = begin
    if not lex.case_marks_names:
        for _ in range(2):
            if not before or not (before[-1].text.islower() and before[-1].lower.endswith(_ADJECTIVE_ENDINGS)):
                break
            if before[-1].lower in lex.of("determiner") or end - before[-1].end > 1:
                break
            end = before[-1].start
            before = before[:-1]
    last = before[-1:]
    return bool(last) and last[0].lower in lex.of("indefinite") and end - last[0].end <= 1


def _definite_institution(words: list[Word], lex: StanceLexicon) -> bool:
    """A definite article, then an institution noun ending the mention ("the administration", "die
    zuständige Behörde", "the Clinton campaign"; guidelines 3: a unique definite description names
    the organisation it refers to), with no role, group or document noun between ("der Sprecher
    des Ministeriums" is a role: unnamed)."""
    articles = lex.of("definite") | lex.of("article")
    if len(words) < 2 or words[0].lower not in articles or words[-1].lower not in lex.of("institution"):
        return False
    return not any(_is_head(w.lower, lex) or _is_document(w.lower, lex) for w in words[1:-1])


def _third_person_subject(words: list[Word], lex: StanceLexicon) -> bool:
    """A speaker mention that is one third-person subject pronoun ("they", "er")."""
    return len(words) == 1 and words[0].lower in lex.of("subject") and words[0].lower not in lex.of("first_person")


def _names_entity(mention: list[Word], lex: StanceLexicon) -> bool:
    """Whether a mention counts for ``about``: a name or a third-person pronoun, not "ich",
    "you", a lower-case word that is no pronoun ("n't"), nor a description by role ("der
    Minister", "ein Mitarbeiter von …") or a lower-case noun phrase ("the company")."""
    words = [w for w in mention if w.lower not in lex.of("determiner")]
    if not words or any(w.lower in lex.of("first_person") for w in words):
        return False
    if all(_is_head(w.lower, lex) for w in words):
        return False
    if len(words) == 1:
        return words[0].text[:1].isupper() or words[0].lower in lex.of("third_person")
    if _is_head(words[0].lower, lex) and not words[1].text[:1].isupper():
        return False  # "Mitarbeiter von Hundstorfers Ministerium": a role, the name inside is its own mention
    return any(w.text[:1].isupper() for w in words)


#: entity types that ``about`` counts (a group — "Analysten", "Muslims", "the police" — is no named entity)
ABOUT_TYPES = frozenset({"person", "organization", "location", "other"})


def _name_keys(entities: Sequence[Entity], lex: StanceLexicon, common: frozenset[str]) -> dict[str, str]:
    """Words that name one entity when a mention was missed: a person's last name ("Mogherini"
    for Federica Mogherini) and, where case marks names, a one-word name ("Kosovo"); a word two
    entities share names neither."""
    keys: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type not in ABOUT_TYPES or entity.id in common:
            continue
        parts = entity.name.split()
        if entity.type == "person" and len(parts) > 1:
            keys.setdefault(parts[-1], set()).add(entity.id)
        elif len(parts) == 1 and (lex.case_marks_names or entity.type == "location" or _acronym(parts[0])):
            # German: a place (a name without an article where case does not tell; "Haditha") or
            # an acronym ("IWF"); common nouns are left out by ``common``
            keys.setdefault(parts[0], set()).add(entity.id)
    return {k: next(iter(v)) for k, v in keys.items() if len(v) == 1 and len(k) > 2 and k[:1].isupper()}


def _acronym(word: str) -> bool:
    """A name written in capitals ("IWF", "NATO", "ÖVP"): no common noun, whatever the language's case rules."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


#: endings of German attributive adjectives ("eine große Bank")
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _common_nouns(doc: _Doc, entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of entities that are common nouns, not names, where case does not tell (German): a
    one-word person name that the text writes after an article, perhaps with lower-case
    adjectives between ("ein mutiger Mann", "eine Organisation"; a person's name takes no
    article); a one-word name of another kind written after an indefinite article ("eine
    Bank", "einer Armee": a place or an organisation may take "die", never "eine")."""
    if doc.lex.case_marks_names:
        return frozenset()
    found: set[str] = set()
    determiners = doc.lex.of("determiner")
    indefinite = determiners & doc.lex.of("indefinite")  # the indefinite article ("eine"), not "viele"
    for entity in entities:
        if " " in entity.name.strip():
            continue
        person = entity.type == "person"
        articles = determiners if person else indefinite
        for b, e in entity.mentions:
            if doc.text[e : e + 1] == "-":
                continue  # the name opening a compound ("eine EU-Mission"): the article is the compound's
            before = [w for w in doc.between(doc.sentence(b)[0], b) if w.text not in _QUOTE_MARKS]
            for w in reversed(before[-4:]):
                if w.lower in articles:
                    found.add(entity.id)
                if not w.text[:1].islower() or w.lower in determiners:
                    break
                if not person and not w.lower.endswith(_ADJECTIVE_ENDINGS):
                    break  # "ein von Peking dominiertes …": only adjectives stand between article and noun
    return frozenset(found)


def _named_somewhere(doc: _Doc, entity: Entity) -> bool:
    """Whether a mention of ``entity`` names it (guidelines 2: a pronoun counts only when its
    referent is named in the article): no pronoun, a mention :meth:`_Doc.names` accepts and,
    where case marks names, whose last word after articles and possessives is capitalised
    ("Hillary Clinton", "the Supreme Court"; not "Her mother", "an Australian woman")."""
    lex = doc.lex
    skip = lex.of("determiner") | lex.of("third_person")
    for b, e in entity.mentions:
        words = doc.between(b, e)
        if not words or (len(words) == 1 and words[0].lower in lex.of("third_person")) or not doc.names((b, e)):
            continue
        content = [w for w in words if w.lower not in skip and w.text[:1].isalpha()]
        if lex.case_marks_names and (not content or not content[-1].text[:1].isupper()):
            continue
        return True
    return False


def _unnamed(doc: _Doc, entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of the entities that no mention names (an unnamed source that a pronoun refers to)."""
    return frozenset(e.id for e in entities if not _named_somewhere(doc, e))


def _part_of_a_place(doc: _Doc, mention: Span) -> bool:
    """A direction word (class ``non_name``) followed by the place it divides: "im Osten des
    Landes", "im Süden Italiens" (not "der Westen" alone, the political West)."""
    b, e = mention
    if doc.text[b:e].lower() not in doc.lex.of("non_name"):
        return False
    after = doc.between(e, doc.sentence(b)[1])[:1]
    return bool(after) and (after[0].lower in doc.lex.of("determiner") or after[0].text[:1].isupper())


def _compound_keys(entities: Sequence[Entity], keys: dict[str, str], common: frozenset[str]) -> dict[str, str]:
    """Names that may open a hyphenated compound ("EU-Staaten", "Faymann-Politik", "SPÖ-Chef"):
    the name keys and every one-word name of an entity ``about`` counts (guidelines 4: a name
    written hyphenated inside a compound counts)."""
    found: dict[str, set[str]] = {k: {v} for k, v in keys.items()}
    for entity in entities:
        if entity.type in ABOUT_TYPES and entity.id not in common and " " not in entity.name.strip():
            found.setdefault(entity.name.strip(), set()).add(entity.id)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k[:1].isupper()}


def _missed_mentions(
    doc: _Doc, quote: Quote, keys: dict[str, str], compounds: Mapping[str, str] | None = None
) -> list[tuple[int, str]]:
    """Words inside the quote that are a name key (or its possessive: "Merkels", "Obama's"), or a
    hyphenated compound opened by a name of ``compounds`` ("EU-Außengrenzen"), and lie in no
    entity mention nor the speaker mention ("SPÖ-Chef Max Muster sagte"): (start, entity id)."""
    found: list[tuple[int, str]] = []
    speaker = list(quote.speaker.spans) if quote.speaker is not None else []
    for qb, qe in quote.spans:
        at = bisect.bisect_left(doc.mention_starts, qb)
        covered = [(b, e) for b, e, _ in doc.mentions[at : bisect.bisect_left(doc.mention_starts, qe)]] + speaker
        for w in doc.between(qb, qe):
            if not w.text[:1].isupper() or any(b <= w.start < e for b, e in covered):
                continue
            eid = keys.get(w.text) or (keys.get(w.text[:-1]) if w.text.endswith("s") else None)
            eid = eid or (keys.get(w.text[:-2]) if w.text.endswith(("'s", "’s")) else None)
            if eid is None and compounds and "-" in w.text.strip("-"):
                eid = compounds.get(w.text.split("-")[0])
            if eid is not None:
                found.append((w.start, eid))
    return found


def about_entities(
    doc: _Doc,
    quote: Quote,
    types: Mapping[str, str] | None = None,
    keys: dict[str, str] | None = None,
    common: frozenset[str] = frozenset(),
    compounds: Mapping[str, str] | None = None,
    speaker_entity: Entity | None = None,
    unnamed: frozenset[str] = frozenset(),
) -> list[str]:
    """Ids of the entities named inside the quote's words, in order of first mention. The
    speaker counts only when the words name it, never for being the speaker: a mention that
    overlaps the speaker mention and a third-person pronoun resolved to the speaker (the
    reported "I": "she said she would …") are skipped; so are groups (``types``), common
    nouns (``common``, :func:`_common_nouns`) and directions inside a place ("im Osten des
    Landes"). ``keys`` (:func:`_name_keys`) adds names the mention finder missed inside the words.
    A mention of ``speaker_entity`` (the speaker's entity) that overlaps the speaker mention is
    the speaker's too: another entity found inside it is skipped. A pronoun of an entity in
    ``unnamed`` (:func:`_unnamed`: no mention names it) is skipped too."""
    own = list(quote.speaker.spans) if quote.speaker is not None else []
    speaker = list(own)
    if own and speaker_entity is not None:
        # the speaker's own name mention inside the words ("Der EU-Kommissar für Energie Günther
        # Oettinger nannte …" spanning the sentence): another entity found inside it is no topic
        speaker += [(b, e) for b, e in speaker_entity.mentions if any(b < se and sb < e for sb, se in own)]
    inside: list[tuple[int, str]] = []
    for qb, qe in quote.spans:
        at = bisect.bisect_left(doc.mention_starts, qb)
        for b, e, eid in doc.mentions[at : bisect.bisect_left(doc.mention_starts, qe)]:
            if e > qe or any(b < se and sb < e for sb, se in speaker) or not doc.names((b, e)):
                continue
            if (types is not None and types.get(eid) not in ABOUT_TYPES) or eid in common:
                continue
            if _part_of_a_place(doc, (b, e)):
                continue
            pronoun = doc.text[b:e].lower() in doc.lex.of("third_person")
            if pronoun and (eid == quote.entity or eid in unnamed):
                continue
            inside.append((b, eid))
    if keys or compounds:
        inside += _missed_mentions(doc, quote, keys or {}, compounds)
    return list(dict.fromkeys(eid for _, eid in sorted(inside)))


def annotate(
    text: str, quotes: list[Quote], entities: Sequence[Entity], lex: StanceLexicon, lemma: LemmaFn
) -> list[Quote]:
    """The quotes with ``stance``, ``negated``, ``source_anonymity`` and ``about`` set."""
    if not quotes:
        return quotes
    doc = _Doc(text, entities, lex)
    by_id = {e.id: e for e in entities}
    types = {e.id: e.type for e in entities}
    common = _common_nouns(doc, entities)
    keys = _name_keys(entities, lex, common)
    compounds = _compound_keys(entities, keys, common)
    unnamed = _unnamed(doc, entities)
    out: list[Quote] = []
    previous = sorted((q.spans[0][0], i) for i, q in enumerate(quotes) if q.spans)
    for index, quote in enumerate(quotes):
        stance, negated = stance_of(doc, quote, lex, lemma)
        entity = by_id.get(quote.entity) if quote.entity else None
        source = anonymity(doc, quote, entity, lex)
        if entity is None and quote.speaker is not None and source == "named" and quote.spans:
            # an unresolved pronoun speaker ("…, they say", "Diese glaubten") refers back to the
            # source of the statement before it (guidelines 3: follow a pronoun)
            words = [w for b, e in quote.speaker.spans for w in doc.between(b, e)]
            if _third_person_subject(words, lex) or (len(words) == 1 and words[0].lower in lex.of("demonstrative")):
                at = bisect.bisect_left(previous, (quote.spans[0][0], -1))
                before = [i for _, i in previous[:at] if i != index]
                if before:
                    prior = quotes[before[-1]]
                    prior_entity = by_id.get(prior.entity) if prior.entity else None
                    source = anonymity(doc, prior, prior_entity, lex)
        update = {
            "stance": stance,
            "negated": negated,
            "source_anonymity": source,
            "about": about_entities(doc, quote, types, keys, common, compounds, entity, unnamed),
        }
        out.append(quote.model_copy(update=update))
    return out


def _as_stance(value: str) -> Stance:
    if value not in get_args(Stance):
        raise ValueError(f"not a stance: {value!r}")
    return value  # type: ignore[return-value]


def load_lexicon(
    lines: Callable[[str], list[str]], extra_heads: Iterable[str] = (), case_marks_names: bool = False
) -> StanceLexicon:
    """A :class:`StanceLexicon` from a language's data files (``lines(name)`` gives a file's
    non-empty, non-comment lines):

    - ``stance_cues.txt``: ``LEMMA[ PARTICLE]<TAB>STANCE[|STANCE WITH AN INFINITIVE]``;
    - ``stance_words.txt``: ``FORM<TAB>CLASS`` (classes: :data:`WORD_CLASSES`);
    - ``anonymous.txt``: one regular expression a line (case-insensitive);
    - ``unnamed.txt``: role and group nouns, ``-suffix`` for compound heads.

    ``extra_heads`` adds the language's own role and group nouns; ``case_marks_names`` says that
    inside a sentence only names are upper case (English)."""
    cues: dict[str, tuple[Stance, Stance | None]] = {}
    particles: dict[tuple[str, str], tuple[Stance, Stance | None]] = {}
    for line in lines("stance_cues.txt"):
        head, cls = line.split("\t")
        plain, _, inf = cls.strip().partition("|")
        entry = (_as_stance(plain), _as_stance(inf) if inf else None)
        parts = head.strip().lower().split()
        if len(parts) == 2:
            particles[(parts[0], parts[1])] = entry
        else:
            cues[parts[0]] = entry
    classes: dict[str, set[str]] = {}
    for line in lines("stance_words.txt"):
        form, cls = line.split("\t")
        if cls.strip() not in WORD_CLASSES:
            raise ValueError(f"stance_words.txt: unknown class {cls.strip()!r}")
        classes.setdefault(cls.strip(), set()).add(" ".join(form.lower().split()))
    heads = [w.strip() for w in lines("unnamed.txt")]
    plain_heads = [h for h in heads if not h.startswith("-")] + sorted(extra_heads)
    return StanceLexicon(
        cues=cues,
        particle_cues=particles,
        words={k: frozenset(v) for k, v in sorted(classes.items())},
        anonymous=tuple(re.compile(p, re.IGNORECASE) for p in lines("anonymous.txt")),
        unnamed_heads=frozenset(h.lower() for h in plain_heads),
        unnamed_suffixes=tuple(sorted(h[1:].lower() for h in heads if h.startswith("-"))),
        case_marks_names=case_marks_names,
    )
