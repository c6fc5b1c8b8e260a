"""What the frame around a cue adds to a statement's stance (:mod:`onrecord.extraction.stance`,
eleventh round).

Small pure tests, each a statement of the guidelines
(``onrecord/evaluation/data/STANCE-GUIDELINES.md``), found by classing the errors of a part
scored fresh (stance ``heldout6``):

- :func:`cue_modality`: a future auxiliary governing the cue verb itself ("will be reminding
  voters that …", "is going to tell them that …") makes the act a prediction (rule A: the frame
  decides; 1.2 prediction: the source speaks about what will happen);
- :func:`imperative_opening`: an imperative opening a direct quote after an interjection ("Oh,
  let him decide", "Look, don't worry") is a demand (1.2 demand);
- :func:`contact_relatives` (twelfth round, stance ``heldout7``): an English relative clause without
  a pronoun ("the job I'm ever going to have", "the pickle a candidate might be in") keeps its modal
  to itself (1.1: the main clause decides);
- :func:`attributive_hedges`: a German hedge that modifies an attributive adjective ("direkten
  und möglicherweise ungefilterten Zugriff") hedges that attribute, not the main claim
  (1.2 hedged: the source marks *the content* as possible);
- :func:`claimed_own` (thirteenth round): German "will … haben" ("Der Zeuge will den Täter gesehen
  haben"): the source claims it of itself, the writer marks it as unverified (1.2 claim);
- :func:`accusation_source` (thirteenth round): a source cue whose source is an accusation
  ("laut Anklage", "den Vorwürfen zufolge", "according to the indictment"): a claim (1.2 claim,
  section 6: blame and accusation).
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.extraction.stance_clauses import _has
from onrecord.extraction.stance_lexicon import (
    _CLAUSE_END,
    _QUOTE_MARKS,
    ADJECTIVE_ENDINGS,
    LemmaFn,
    StanceLexicon,
    Word,
)
from onrecord.model import Stance

__all__ = [
    "accusation_source",
    "attributive_hedges",
    "claimed_own",
    "contact_relatives",
    "cue_modality",
    "imperative_opening",
]

#: how many words before a cue verb may hold a future auxiliary that governs it ("will be reminding")
MODAL_BEFORE = 3


def cue_modality(cue_words: Sequence[Word], frame: Sequence[Word], lex: StanceLexicon) -> Stance | None:
    """A future auxiliary right before the cue verb in its clause (at most :data:`MODAL_BEFORE`
    words, no clause mark between) governs it: "will be reminding voters that …", "is going to
    tell them that …" → prediction. Not under a negation ("will not say")."""
    if not cue_words:
        return None
    first = cue_words[0].start
    before: list[Word] = []
    for w in reversed([w for w in frame if w.start < first][-MODAL_BEFORE:]):
        if w.text in _CLAUSE_END or w.text in _QUOTE_MARKS:
            break
        before.append(w)
    lows = [w.lower for w in reversed(before)]
    if any(low in lex.of("negation") for low in lows):
        return None
    return "prediction" if _has(lex.of("future"), lows) else None


def imperative_opening(looked: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether a direct quote opens with an imperative (a form of ``imperative``: "let", "don't"),
    also after an interjection and its comma ("Oh, let him make that decision", "Look, don't …")."""
    words = [w for w in looked if w.text not in _QUOTE_MARKS]
    if len(words) >= 3 and words[0].lower in lex.of("interjection") and words[1].text == ",":
        words = words[2:]
    lows = [w.lower for w in words[:3]]
    return any(lows[: len(form.split())] == form.split() for form in lex.of("imperative"))


def attributive_hedges(main: Sequence[Word], lex: StanceLexicon) -> list[Word]:
    """``main`` without the German hedges that modify an attributive adjective inside a noun
    phrase: after an article or a coordinator, a hedge, then a lower-case word with an adjective
    ending, then an upper-case noun ("einen möglicherweise gefährlichen Stoff", "direkten und
    möglicherweise ungefilterten Zugriff"; not "Es könnte neue Probleme geben"). Where case does
    not mark nouns alone (English) ``main`` stays."""
    if lex.case_marks_names:
        return list(main)
    hedges, opens = lex.of("hedge"), lex.of("determiner") | lex.of("coordinator")
    kept: list[Word] = []
    for i, w in enumerate(main):
        if w.lower in hedges and 0 < i and main[i - 1].lower in opens and i + 2 < len(main):
            adj, noun = main[i + 1], main[i + 2]
            if adj.text.islower() and adj.lower.endswith(ADJECTIVE_ENDINGS) and noun.text[:1].isupper():
                continue
        kept.append(w)
    return kept


def claimed_own(main: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether a form of ``claim_modal`` (German "will", "wollen") governs a perfect infinitive
    ending its clause: a participle and a perfect auxiliary ("will den Täter gesehen haben", "wollen
    davon nichts gewusst haben"); an intention ("will bis Mai liefern", "will gewählt werden") is
    none. Guidelines 1.2 claim."""
    modals, auxiliaries = lex.of("claim_modal"), lex.of("perfect_auxiliary")
    for i, w in enumerate(main):
        if w.lower not in modals:
            continue
        clause: list[Word] = []
        for v in main[i + 1 :]:
            if v.text in _CLAUSE_END:
                break
            clause.append(v)
        if len(clause) >= 3 and clause[-1].lower in auxiliaries:
            participle = clause[-2].lower
            if participle.startswith("ge") and participle.endswith(("t", "en")) or participle == "worden":
                return True
    return False


#: how many words after a source preposition (before "zufolge") may hold its accusation noun ("laut einer Klage")
ACCUSATION_WORDS = 3


def accusation_source(
    cue_words: Sequence[Word], after: Sequence[Word], before: Sequence[Word], lex: StanceLexicon
) -> bool:
    """Whether a source cue ("laut", "zufolge", "according to") names an accusation as the source:
    a noun of ``accusation`` among the :data:`ACCUSATION_WORDS` words after the cue (``after``,
    quoted words included: "laut den Anschuldigungen", "according to the indictment") or, for a
    postposition ("den Vorwürfen zufolge"), before it (``before``). Guidelines 1.2 claim and
    section 6: an accusation is a claim."""
    lows = [w.lower for w in cue_words]
    joined = f" {' '.join(lows)} "
    opening = any(f" {form} " in joined for form in lex.of("source_opening"))
    if not opening and not any(low in lex.of("source_preposition") for low in lows):
        return False
    accusation = lex.of("accusation")

    def near(words: Sequence[Word]) -> list[str]:
        found: list[str] = []
        for w in words:
            if w.text in _CLAUSE_END or len(found) == ACCUSATION_WORDS:
                break
            if w.text not in _QUOTE_MARKS:
                found.append(w.lower)
        return found

    postposition = bool(lows) and lows[-1] in lex.of("postposition")
    return any(low in accusation for low in (near(list(before)[::-1]) if postposition else near(after)))


#: how many words a contact relative clause's noun phrase may hold after its determiner ("the most important job")
CONTACT_NP = 4
#: how many words after its subject a contact relative clause may hold its modal ("I'm ever going to")
CONTACT_MODAL = 4


def _subject_form(word: Word) -> str:
    """The subject pronoun of a contracted form ("I’m" → "i", "we're" → "we")."""
    return word.lower.replace("’", "'").split("'", 1)[0]


def _plain_noun(word: Word, lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A lower-case word that may be the noun or adjective of a noun phrase: no function word, no
    auxiliary or copula, no verb of saying or thinking ("the report says we might" is no relative
    clause), no past participle."""
    low = word.lower
    if not (word.text.isalpha() and word.text.islower()) or low.endswith("ed"):
        return False
    closed = ("determiner", "preposition", "copula", "subordinator", "coordinator", "negation", "subject",
              "pronoun", "complementizer", "infinitive_marker", "generic")  # fmt: skip
    if any(low in lex.of(cls) for cls in closed) or low in lex.auxiliaries or low in lex.of("np_opener"):
        return False
    return lemma(low) not in lex.cue_lemmas


def _contact_opens(main: Sequence[Word], i: int, lex: StanceLexicon, lemma: LemmaFn, object_only: bool = False) -> bool:
    """Whether an English contact relative clause (no relative pronoun) opens at ``main[i]``: a
    subject (a pronoun, an indefinite pronoun, an indefinite article) right after a noun phrase
    opened by a determiner ("the most important job | I'm ever going to have", "the political pickle
    | a candidate might be in")."""
    w = main[i]
    opener = _subject_form(w) in lex.of("subject") | lex.of("generic") | lex.of("indefinite_pronoun")
    opener = opener or w.lower in lex.of("indefinite") & lex.of("determiner")  # "a candidate"
    if not opener or i < 2:
        return False
    for back in range(i - 1, max(-1, i - 2 - CONTACT_NP), -1):
        v = main[back]
        if v.lower in lex.of("np_opener") and back < i - 1:
            if _fronted_adverbial(main, back, lex):
                return False  # "In the end I'll call them": the subject of the main clause follows
            # with ``object_only``: the noun phrase is the object of a preposition ("points to the pickle …")
            return not object_only or (back > 0 and main[back - 1].lower in lex.of("preposition"))
        if not _plain_noun(v, lex, lemma):
            return False
    return False


def _fronted_adverbial(main: Sequence[Word], at: int, lex: StanceLexicon) -> bool:
    """Whether the noun phrase opening at ``main[at]`` is the object of a preposition that opens a
    clause or a quote ("In the end | I'll call", "he said, “At the moment | we will wait"): an
    adverbial before its clause's subject, not a noun phrase that a contact relative clause could
    follow."""
    if at < 1 or main[at - 1].lower not in lex.of("preposition"):
        return False
    # first, after a clause or quote mark, or capitalised: it opens a sentence (words of two spans joined)
    opens = at == 1 or main[at - 2].text in _QUOTE_MARKS or main[at - 2].text in _CLAUSE_END
    return opens or main[at - 1].text[:1].isupper()


def _modal_within(words: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether a modal or future word stands in ``words`` before a clause end ("might", "will", "going to")."""
    lows = []
    for w in words:
        if w.text in _CLAUSE_END:
            break
        lows.append(_clitic(w.lower))
    return _has(lex.modals, lows)


def _clitic(low: str) -> str:
    """The auxiliary a contracted word holds, as the lexicon writes it: "you'll" → "'ll" (a
    future), "I’m" → "'m"; a word without an apostrophe stays."""
    plain = low.replace("’", "'")
    return "'" + plain.split("'", 1)[1] if "'" in plain else low


def _contact_end(main: Sequence[Word], i: int, lex: StanceLexicon) -> int:
    """The index where a contact relative clause opened at ``main[i]`` ends: a clause mark or a
    finite copula after its modal (the main verb)."""
    end = i + 1
    while end < len(main) and main[end].text not in _CLAUSE_END:
        if main[end].lower in lex.of("finite_copula") and end > i + 2:
            break
        end += 1
    return end


def _modal_after_subject(main: Sequence[Word], i: int, lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """Whether the modal of a contact relative clause opened at ``main[i]`` follows its subject
    directly: after the noun of an indefinite article ("a candidate might") and adverbs of the class
    ``contact_adverb`` ("you will ever", "I'm ever going to"). A verb between ("the company I work
    for will close") makes the modal the main clause's."""
    j = i + 1
    if main[i].lower in lex.of("indefinite") & lex.of("determiner"):  # "a candidate | might"
        while j < min(len(main), i + 3) and _plain_noun(main[j], lex, lemma):
            if _modal_within(main[j : j + 1], lex):
                break
            j += 1
    while j < len(main) and main[j].lower in lex.of("contact_adverb"):
        j += 1
    # the modal itself, or a modal of two words that opens here ("going to"), not "met might"
    return _modal_within(main[j : j + 1], lex) or (
        _modal_within(main[j : j + 2], lex) and not _modal_within(main[j + 1 : j + 2], lex)
    )


def contact_relatives(main: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> list[Word]:
    """``main`` without English contact relative clauses that hold a modal: a modal there belongs to
    the noun phrase ("the most important job I'm ever going to have is …", "points to the pickle a
    candidate might be in"), not to the claim (guidelines 1.1: the main clause decides). The
    clause runs to a clause mark or to a copula after its modal (the main verb). German (where
    case does not mark names) keeps ``main``: its relative clauses have pronouns and commas. A
    clause that ends at such a copula is one; one that ends at a clause mark only when its modal
    follows its subject directly and it is followed by more of the sentence or its noun phrase is a
    preposition's object ("the report says we might lose" is a complement clause, "the company I
    work for will close, and …" holds the main clause's modal)."""
    if not lex.case_marks_names:
        return list(main)
    kept: list[Word] = []
    i = 0
    while i < len(main):
        if _modal_within(main[i + 1 : i + 2 + CONTACT_MODAL], lex) and _contact_opens(main, i, lex, lemma):
            end = _contact_end(main, i, lex)
            copula = end < len(main) and main[end].lower in lex.of("finite_copula")
            after = end < len(main) - 1 or _contact_opens(main, i, lex, lemma, object_only=True)
            if copula or (after and _modal_after_subject(main, i, lex, lemma)):
                i = end
                continue
        kept.append(main[i])
        i += 1
    return kept
