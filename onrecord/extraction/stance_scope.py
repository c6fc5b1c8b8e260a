"""Which words a stance word governs (:mod:`onrecord.extraction.stance`, tenth round).

Small pure tests over the words of a statement, each a statement of the guidelines
(``onrecord/evaluation/data/STANCE-GUIDELINES.md``):

- :func:`not_knowing_question`: a phrase of not knowing before a question word ("no idea
  whether", "es sei unklar, ob") makes the words an open question (1.2 question: *unklar sein, ob*);
- :func:`refused_question`: a refused verb of saying before a question word ("declined to say
  whether", "weigerte sich zu sagen, ob"): a question, negated (section 2);
- :func:`verb_second_question`: a German reported question keeps the verb right after its
  w-word ("Warum müsse die Schule umziehen"; an indirect question puts it last);
- :func:`mental_frame`: a mental verb opening the words with a complement clause frames them
  whatever its subject ("that the minister believes the tax was …", "Nach langer Prüfung glaubt die
  Kommission, dass …"; the guidelines name the first person, the gold labels the third person the same way);
- :func:`clause_object`: a mental verb followed by an object or a preposition has no clause to
  frame ("I wish them luck", "I haven't thought about …");
- :func:`future_modal`: a deontic modal under a future auxiliary that addresses no agent who is to
  act ("will have to be replaced", "werde … überwacht werden müssen", "will have to live with it")
  predicts a necessity; with an agent who is to act ("we're going to have to close …") it stays a
  demand (1.2 demand, rule B).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from onrecord.extraction.stance_clauses import _lone_dash
from onrecord.extraction.stance_lexicon import _CLAUSE_END, _QUOTE_MARKS, LemmaFn, StanceLexicon, Word
from onrecord.model import Stance

#: how many words after a mental verb may come before its complementizer ("believes strongly that")
COMPLEMENT_WITHIN = 5
#: among how many opening words of the main clause a mental verb frames the words ("that Carter believes …")
MENTAL_OPENING = 4
#: how many words after a phrase of not knowing may come before the question word ("not at all sure whether")
QUESTION_WITHIN = 3


def _bare(words: Sequence[Word]) -> list[Word]:
    return [w for w in words if w.text not in _QUOTE_MARKS]


@lru_cache(maxsize=64)
def _split_forms(forms: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The forms of a word class split into their words, once per class."""
    return tuple(tuple(f.split()) for f in sorted(forms))


def _phrase_ends(lows: list[str], forms: frozenset[str]) -> list[int]:
    """The indices right after each occurrence of a form (one or several words) of ``forms``."""
    ends: list[int] = []
    present = set(lows)
    for parts in _split_forms(forms):
        if parts[0] not in present:
            continue
        n = len(parts)
        ends += [i + n for i in range(len(lows) - n + 1) if tuple(lows[i : i + n]) == parts]
    return sorted(ends)


def _question_follows(words: list[Word], at: int, lex: StanceLexicon, within: int) -> bool:
    """Whether a question word ("ob", "whether", "if", a w-word) opens a clause within ``within``
    words from ``at`` (a comma may stand before it; no other clause end)."""
    questions = lex.of("question") | lex.of("interrogative")
    for w in words[at : at + within + 1]:
        if w.lower in questions:
            return True
        if w.text in _CLAUSE_END and w.text != ",":
            return False
    return False


def not_knowing_question(looked: Sequence[Word], lex: StanceLexicon) -> bool:
    """A phrase of not knowing right before a question word in the first sentence: "he had no idea
    whether …", "es sei unklar, ob …" (not "not sure that …")."""
    words = _bare(looked)
    lows = [w.lower for w in words]
    return any(_question_follows(words, end, lex, QUESTION_WITHIN) for end in _phrase_ends(lows, lex.of("not_knowing")))


def refused_question(content: Sequence[Word], negated: bool, lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """Words that are a refused verb of saying and a question ("[declined] to say whether …",
    "[weigerte sich] zu sagen, ob …"): guidelines 2, *nicht sagen wollen, ob* → question, negated."""
    words = _bare(content)
    if not negated or len(words) < 3 or words[0].lower not in lex.of("infinitive_marker"):
        return False
    if lemma(words[1].text).lower() not in lex.of("refused_speech"):
        return False
    return _question_follows(words, 2, lex, 1)


def verb_second_question(content: Sequence[Word], lex: StanceLexicon) -> bool:
    """A reported German question in the order of a direct one: a w-word and the finite verb right
    after it ("Warum müsse …", "Wer habe …"); an indirect question or a relative clause puts the
    verb at its end ("warum die Schule umziehen müsse")."""
    words = _bare(content)
    if len(words) < 3 or words[0].lower not in lex.of("interrogative") or words[0].lower in lex.of("question"):
        return False
    return words[1].lower in lex.of("finite_auxiliary")


def clause_object(after_verb: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether the word after a mental verb is an object or a preposition, not the start of a clause
    ("I wish them luck", "I haven't thought about it", "Ich glaube an …")."""
    nxt = next((w for w in after_verb if w.text not in _QUOTE_MARKS), None)
    return nxt is not None and nxt.lower in lex.of("clause_object")


def _complement_follows(words: list[Word], at: int, lex: StanceLexicon) -> bool:
    """Whether a complement clause opens after the verb at ``at``: a complementizer within
    :data:`COMPLEMENT_WITHIN` words ("believes that", "glaubt die Kommission, dass"), or, where the
    language drops it, a subject right after the verb ("believes the tax was …")."""
    after = words[at + 1 : at + 1 + COMPLEMENT_WITHIN + 1]
    if after and after[0].lower in lex.of("zero_complement"):
        return True
    for i, w in enumerate(after):
        if w.lower in lex.of("complementizer"):
            return True
        comma_before = w.text == "," and i + 1 < len(after) and after[i + 1].lower in lex.of("complementizer")
        if w.text in _CLAUSE_END and not comma_before:
            return False
    return False


def _openings(main: list[Word], lex: StanceLexicon) -> set[int]:
    """The starts of the first :data:`MENTAL_OPENING` words of ``main``, and, when it opens with an
    introductory phrase or clause ("After reviewing the emails, the secretary believes …"), of the
    first ones after the comma that closes it."""

    def first(words: list[Word]) -> set[int]:
        return {w.start for w in [v for v in words if v.text not in _CLAUSE_END][:MENTAL_OPENING]}

    found = first(main)
    if main and (main[0].lower in lex.of("subordinator") or main[0].lower in lex.of("introductory")):
        comma = next((i for i, w in enumerate(main) if w.text == ","), None)
        if comma is not None:
            found |= first(main[comma + 1 :])
    return found


def mental_frame(main: Sequence[Word], looked: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A belief verb (lower case: no noun) opening the main clause ``main`` of the words ``looked``
    (among its first :data:`MENTAL_OPENING` words, also after an introductory phrase) with a
    complement clause of its own ("that the minister believes the tax was a mistake"; "Nach langer
    Prüfung glaubt die Kommission, dass …"): the words are framed as an opinion (guidelines 1.2
    belief)."""
    opening = _openings(_bare(main), lex)
    words = _bare(looked)
    for i, w in enumerate(words):
        if i == 0 or w.start not in opening or not w.text[:1].islower():
            continue
        lem = lemma(w.text).lower()
        entry = lex.cues.get(lem)
        if entry is None or entry[0] != "belief" or lem in lex.of("fear") or w.lower in lex.of("fear"):
            continue
        if _complement_follows(words, i, lex):
            return True
    return False


def future_modal(main: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A deontic modal governed by a future auxiliary that addresses no agent who is to act: a
    prediction of a necessity, not a demand (guidelines 1.2 demand: deontic modals "addressed at an
    agent who is to act"; rule B: demand wins over prediction). That is a passive ("will have to be
    replaced", "werde … überwacht werden müssen"), a necessity to put up with something (``endurance``:
    "will have to live with the noise", "werden damit leben müssen") or a constraint from outside
    (``future_forced``: "will be forced to"). "We're going to have to close the pool" addresses the
    speaker's side, who is to act: a demand."""
    words = _bare(main)
    lows = [w.lower for w in words]
    if _phrase_ends(lows, lex.of("future_forced")):
        return True
    for end in _phrase_ends(lows, lex.of("future_demand")):
        if _agentless(words[end : end + 1 + NECESSITY_WITHIN], lex, lemma):
            return True
    demand = lex.of("demand")
    for i, low in enumerate(lows):
        if low not in lex.of("future_infinitive") and low not in lex.of("backshift"):
            continue  # "werde", "wird", the reported "würden" ("würden damit leben müssen")
        clause = _clause_after(words, i)
        if clause and clause[-1].lower in demand and clause[-1].lower in lex.of("modal_infinitive"):
            if _passive_infinitive(clause[:-1], lex) or _endures(clause, lex, lemma):
                return True
    return False


#: how many words after "will have to" may stand before its verb ("will just have to simply accept")
NECESSITY_WITHIN = 2


def _agentless(after: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """Whether the verb after an English future necessity ("will have to …") is a passive ("be"
    and a participle) or a verb of putting up with something (``endurance``)."""
    for i, w in enumerate(after):
        if w.lower in lex.of("passive_auxiliary") and i + 1 < len(after) and _participle(after[i + 1], lex, lemma):
            return True
        if _endures(after[i:], lex, lemma):
            return True
    return False


def _passive_infinitive(clause: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether a German clause closes with a passive infinitive before its modal ("überwacht werden
    müssen": a form of ``passive_auxiliary`` right before the modal)."""
    return bool(clause) and clause[-1].lower in lex.of("passive_auxiliary")


def _endures(words: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """Whether ``words`` open with (English, the verb after "have to") or hold (German, verb-final
    clause) a verb or phrase of putting up with something (``endurance``: "live with", "come to
    terms", "abwarten", "damit leben"); forms and lemmas both count."""
    lows = [w.lower for w in words]
    lemmas = [lemma(w.text).lower() for w in words]
    for parts in _split_forms(lex.of("endurance")):
        n = len(parts)
        starts = range(len(words) - n + 1) if not lex.case_marks_names else range(min(1, len(words) - n + 1))
        if any(tuple(lows[i : i + n]) == parts or tuple(lemmas[i : i + n]) == parts for i in starts):
            return True
    return False


#: how many words may stand between a conditional "would" and its "have" ("would not have", "would never have")
COUNTERFACTUAL_WITHIN = 2


def counterfactual_perfect(main: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """An English "would have" with a past participle, the first "would" of the main clause ("would have been better",
    "would not have run"): counterfactual, a conditional (guidelines 1.2 hedged), not the backshifted
    "will" of reported speech. ``counterfactual_have`` is empty in German, where a Konjunktiv II
    perfect stands in for the Konjunktiv I of indirect speech (1.2: no hedge)."""
    words = _bare(main)
    konj2, have = lex.of("konj2"), lex.of("counterfactual_have")
    if not have:
        return False
    # the first "would" of the main clause decides ("would divert … money they would have contributed":
    # the second is in a relative clause)
    i = next((k for k, w in enumerate(words) if w.lower in konj2), None)
    if i is None:
        return False
    for j in range(i + 1, min(i + 2 + COUNTERFACTUAL_WITHIN, len(words) - 1)):
        if words[j].text in _CLAUSE_END:
            return False
        if words[j].lower in have:
            return _participle(words[j + 1], lex, lemma)
    return False


def _clause_after(words: list[Word], i: int) -> list[Word]:
    """The words after word ``i`` up to the first clause mark or a dash standing alone ("werde Arbeit
    automatisiert werden müssen – gleichzeitig …")."""
    return words[i + 1 : _clause_end(words, i + 1)]


def _clause_end(words: list[Word], start: int) -> int:
    """The index of the first clause mark or dash between clauses from ``start`` on (else the end)."""
    for j in range(start, len(words)):
        if words[j].text in _CLAUSE_END or _lone_dash(words, j):
            return j
    return len(words)


#: how many words after a deontic modal its perfect auxiliary may stand ("should not have", "must surely have")
PERFECT_WITHIN = 3


def _participle(word: Word, lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A past participle: a lower-case word of class ``participle`` ("been", "done") or with an ending
    of class ``participle_ending`` ("repaired", "known") where the language lists endings (English:
    its lemmas also strip "-s" and "-ing"); else a form that is not its own lemma ("gewusst" →
    wissen; the German lemma table)."""
    if not word.text.islower():
        return False
    endings = tuple(lex.of("participle_ending"))
    if word.lower in lex.of("participle") or (endings and word.lower.endswith(endings)):
        return True
    return not endings and lemma(word.text).lower() != word.lower


def perfect_modal(main: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A deontic modal (``perfect_modal``) with a perfect infinitive in its clause: a past that can no
    longer be acted on, a reproach or an inference, no action still to take (guidelines 1.2 demand:
    "addressed at an agent who is to act", not an epistemic "must"): "we should have seen it",
    "they must have known"; German verb-final "die Behörde müsse davon gewusst haben", and the
    Konjunktiv II perfect with its modal last ("hätte … sanieren müssen": ``counterfactual_auxiliary``)."""
    words = _bare(main)
    perfect = lex.of("perfect_auxiliary")
    for i, w in enumerate(words):
        if w.lower not in lex.of("perfect_modal"):
            continue
        before = words[:i]
        start = max((j + 1 for j, v in enumerate(before) if v.text in _CLAUSE_END), default=0)
        if any(v.lower in lex.of("counterfactual_auxiliary") for v in before[start:]):
            return True  # "hätte die Schulen früher sanieren müssen"
        clause = _clause_after(words, i)
        for k, v in enumerate(clause):
            if v.lower not in perfect:
                continue
            if k < PERFECT_WITHIN and k + 1 < len(clause) and _participle(clause[k + 1], lex, lemma):
                return True  # "should have seen"
            marker = k >= 2 and clause[k - 2].lower in lex.of("infinitive_marker")  # "zu erreichen sein"
            if k == len(clause) - 1 and k > 0 and not marker and _participle(clause[k - 1], lex, lemma):
                return True  # "gewusst haben" closing the clause
    return False


#: how many words after a passive auxiliary its participle may stand in a verb-second clause ("is widely expected")
PASSIVE_WITHIN = 2


def passive_prediction(main: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A passive of a prediction cue as the verb of the main clause ``main``: a participle whose
    lemma is a prediction cue (erwarten, rechnen, expect, forecast) with a passive auxiliary
    (``passive_auxiliary``) of its clause: right after it ("is expected", "werde … erwartet" where
    it closes the clause) or right before it, verb-final ("gerechnet werde"). The words state an
    expectation without its agent (guidelines 1.2 prediction): "Für das Quartal werde mit einem
    Verlust gerechnet", "a deficit is expected for the spring"."""
    words = _bare(main)

    def predicts(word: Word) -> bool:
        entry = lex.cues.get(lemma(word.text).lower())
        return entry is not None and entry[0] == "prediction" and _participle(word, lex, lemma)

    for i, w in enumerate(words):
        if w.lower not in lex.of("passive_auxiliary"):
            continue
        clause = _clause_after(words, i)
        near = clause[:PASSIVE_WITHIN] + clause[-1:] + ([words[i - 1]] if i > 0 else [])
        if any(predicts(v) for v in near):
            return True
    return False


def complement_verb(looked: Sequence[Word], lex: StanceLexicon, lemma: LemmaFn) -> Stance | None:
    """The stance of the verb that closes a complement clause opening the words, where such a
    clause puts its verb last (``verb_final_complement``: "dass dortige Betriebe Aufträge aus
    Russland erwarten und …" → prediction, "dass die Firma die Vorwürfe zurückweise" → denial):
    the content's own verb governs what it reports (guidelines rule C). The clause ends at a
    comma, a coordinator (not one after a cut compound) or the sentence end; a zu-infinitive
    closing it is no finite verb, and fear lemmas are left to the future test of the caller."""
    if not lex.verb_final_complement:
        return None
    words = _bare(looked)
    if len(words) < 3 or words[0].lower not in lex.of("complementizer"):
        return None
    clause: list[Word] = []
    for w in words[1:]:
        # a coordinator after a cut compound ("Luft- und Raumfahrttechnik") joins two nouns
        cut = bool(clause) and clause[-1].text.endswith("-")
        if w.text in _CLAUSE_END or (w.lower in lex.of("coordinator") and not cut):
            break
        clause.append(w)
    if len(clause) < 2:
        return None
    verb = clause[-1]
    if not verb.text[:1].islower() or clause[-2].lower in lex.of("infinitive_marker"):
        return None
    lem = lemma(verb.text).lower()
    entry = lex.particle_cue(lem, (p.lower for p in clause[-4:-1]))
    entry = entry or lex.cues.get(lem)
    if entry is None or entry[0] == "asserted" or lem in lex.of("fear"):
        return None
    return entry[0]


#: how many words after a possibility modal may hold the effect verb it governs ("can also affect";
#: German verb-final: "kann zu schweren Engpässen führen")
EFFECT_WITHIN = 6


def possible_effect(main: Sequence[Word], lex: StanceLexicon) -> bool:
    """A possibility modal (``possibility_modal``: "can", "kann") governing a verb of causing an
    effect (``effect_verb``) within :data:`EFFECT_WITHIN` words of its clause, not negated and not
    after a subject pronoun ("we can push them" is an ability): the modal is epistemic, the source
    marks the effect as possible ("Those changes can also affect …"; guidelines 1.2 hedged)."""
    words = _bare(main)
    for i, w in enumerate(words):
        if w.lower not in lex.of("possibility_modal"):
            continue
        if i > 0 and words[i - 1].lower in lex.of("subject"):
            continue
        after: list[Word] = []
        for v in words[i + 1 : i + 1 + EFFECT_WITHIN]:
            if v.text in _CLAUSE_END:
                break
            after.append(v)
        if after and after[0].lower in lex.of("negation"):
            continue
        if any(v.text[:1].islower() and v.lower in lex.of("effect_verb") for v in after):
            return True
    return False
