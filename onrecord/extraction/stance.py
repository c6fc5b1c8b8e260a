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

The parts live beside this module: the words and lexicon in :mod:`.stance_lexicon`, the lookups
of one text in :mod:`.stance_doc`, clauses and word matching in :mod:`.stance_clauses`, the
anonymity in :mod:`.anonymity` and ``about`` in :mod:`.about`; their public names are importable
from here too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from onrecord.extraction.about import ABOUT_TYPES as ABOUT_TYPES
from onrecord.extraction.about import (
    _acronym_aliases,
    _common_nouns,
    _compound_keys,
    _descriptions,
    _dictionary_nouns,
    _inflected_nouns,
    _name_keys,
    _unnamed,
    about_entities,
)
from onrecord.extraction.anonymity import ISSUER_WORDS as ISSUER_WORDS
from onrecord.extraction.anonymity import _third_person_subject, anonymity
from onrecord.extraction.stance_clauses import NEG_AFTER as NEG_AFTER
from onrecord.extraction.stance_clauses import NEG_BEFORE as NEG_BEFORE
from onrecord.extraction.stance_clauses import TITLE_WORDS as TITLE_WORDS
from onrecord.extraction.stance_clauses import (
    _clause_around,
    _ends,
    _first_sentence,
    _frame,
    _future,
    _has,
    _lows,
    _main_clause,
    _own_clause,
    _title_case,
    _without,
)
from onrecord.extraction.stance_doc import _Doc, _inside
from onrecord.extraction.stance_frame import (
    accusation_source,
    attributive_hedges,
    claimed_own,
    contact_relatives,
    cue_modality,
    imperative_opening,
)
from onrecord.extraction.stance_lexicon import (
    _CLAUSE_END,
    _QUOTE_MARKS,
    LemmaFn,
    StanceLexicon,
    Word,
    load_lexicon,
    sentence_starts,
    words_in,
)
from onrecord.extraction.stance_lexicon import WORD_CLASSES as WORD_CLASSES
from onrecord.extraction.stance_scope import (
    clause_object,
    complement_verb,
    counterfactual_perfect,
    future_modal,
    mental_frame,
    not_knowing_question,
    passive_prediction,
    perfect_modal,
    possible_effect,
    refused_question,
    verb_second_question,
)
from onrecord.model import Entity, Quote, Stance

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


#: how many opening words of the content may hold a subject and a stance verb ("he finally believes")
SUBJECT_OPENING = 4


def _with_infinitive(content: list[Word], after_cue: list[Word], lex: StanceLexicon, direct: bool = False) -> bool:
    """Whether the cue governs an infinitive ("asked them to leave", "warnte davor, … zu tun"); words
    opening with a complementizer ("that", "dass") are a finite clause, none. The words of a direct
    quote are the source's own sentence, never the cue's infinitive, unless they open with its "to"
    ("told the council: “I think the answer to …”" is no "told X to …")."""
    words = [w for w in content if w.text not in _QUOTE_MARKS and w.text not in _CLAUSE_END]
    if words and words[0].lower in lex.of("complementizer"):
        return False  # a finite clause ("told him that Anna's decision to leave …"): its "to" is its own
    if direct and not (words and words[0].lower in lex.of("infinitive_first")):
        words = []
    opening = {w.lower for w in words[:3]} | {w.lower for w in after_cue[:3]}
    if words and words[0].lower not in lex.of("interrogative"):
        opening |= {w.lower for w in words[3:INFINITIVE_OPENING]}  # "asks the regional government to …"
    if lex.of("infinitive_first") & opening:  # "to leave"
        return not (words and words[0].lower in lex.of("question"))
    return bool(lex.of("infinitive_last") & {w.lower for w in words[-3:]})  # "… zu tun"


#: how many opening words of the words may hold the "to" of an infinitive after an object ("asked X to …")
INFINITIVE_OPENING = 6


def _cue_stance(
    cue_words: list[Word],
    after_cue: list[Word],
    content: list[Word],
    lex: StanceLexicon,
    lemma: LemmaFn,
    closing: Sequence[Word] = (),
    direct: bool = False,
) -> Stance | None:
    # a particle follows the verb in its clause ("wies … zurück"), is part of the cue, opens the
    # words ("called for a ban") or closes the clause right before them (``closing``: "geht
    # nach einem Treffen mit X, Y, davon aus, dass …": commas of an apposition between)
    particles = [w.lower for w in _own_clause(after_cue[:12], lex)] + [w.lower for w in cue_words]
    particles += [w.lower for w in content[:1]] + [w.lower for w in closing]
    for w in cue_words:
        lem = lemma(w.text).lower()
        entry = lex.particle_cue(lem, particles)
        entry = entry or lex.cues.get(lem) or lex.cues.get(w.lower)
        if entry is None:
            continue
        stance, with_inf = entry
        if with_inf is not None and _with_infinitive(content, after_cue, lex, direct):
            return with_inf
        return stance
    return None


def _negated(cue_words: list[Word], frame: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    if not cue_words:
        return False
    # "sagte nicht" may be the cue; the clause ends at a coordinator ("…, but did not recommend")
    near = _clause_around(frame, cue_words[0], cue_words[-1], lex.of("coordinator")) + cue_words
    if any(lemma(w.text).lower() in lex.of("idiom") for w in cue_words):
        return False  # "nicht ausschließen", "not rule out": a hedge, not a negation
    return any(w.lower in lex.of("negation") or lemma(w.text).lower() in lex.of("refusal") for w in near)


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
    if len(clause) >= 3 and clause[-3].lower in lex.of("infinitive_marker"):
        tail = []  # "soll … zu hören sein": a modal passive, no perfect infinitive
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


def _subject_cue(opening: list[Word], lex: StanceLexicon, lemma: LemmaFn, title: bool = False) -> Stance | None:
    """A subject pronoun and a stance verb right after it (or after one adverb) frame the words:
    "Ich glaube, …", "We urge …", "he finally believes …" (guidelines 1.2, belief); not after an
    auxiliary ("we will appeal"). In words written in title case (``title``: "I Still Believe
    Trump Can't Be Trusted") a capital marks no noun, so it does not end the search."""
    at = next((i for i, w in enumerate(opening) if w.lower in lex.of("subject")), None)
    if at is None:
        return None
    auxiliaries = lex.auxiliaries
    # a do-support and its negation stand between ("I don't think …", "we do not believe …")
    after = [w for w in opening[at + 1 : at + 5] if w.lower not in lex.of("do_support")]
    for j, w in enumerate(after[:2]):
        lem = lemma(w.text).lower()
        # a separable particle right after the verb ("Wir schließen daraus, …", "Ich gehe davon aus");
        # not the hedge idiom, which needs its negation ("schließen … nicht aus")
        particle = lex.particle_cue(lem, (p.lower for p in after[j + 1 : j + 3]))
        entry = particle if particle is not None and particle[0] != "hedged" else lex.cues.get(lem)
        if entry is not None and entry[0] == "belief" and clause_object(after[j + 1 :], lex):
            return None  # "I wish them luck", "I haven't thought about it": no clause to frame
        if entry is not None and entry[0] != "asserted":
            return entry[0]
        if w.lower in auxiliaries or not (title or w.text[:1].islower()):
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
    poll: bool = False,
) -> Stance:
    """The stance a content has under a neutral frame (guidelines, rule B). A first-person
    stance verb opening the words ("I hope …", "Ich glaube …") is their frame and wins over the
    content (guidelines 1.2 belief, rule A)."""
    opening = _opening(looked, lex)
    subject = _subject_cue(opening, lex, lemma, lex.case_marks_names and _title_case(looked, lex.of("title_small")))
    if subject is not None and looked and any(w.lower in lex.of("first_person") for w in opening):
        return subject
    governing = complement_verb(looked, lex, lemma)
    if governing is not None:
        return governing  # "dass die Betriebe Aufträge erwarten": the content's own verb (rule C)
    lows = _lows(looked, lex.case_marks_names)
    if _has(lex.of("denial"), lows):
        return "denial"
    main = contact_relatives(_main_clause(looked, lex), lex, lemma)
    if subject is None and mental_frame(main, looked, lex, lemma):
        return "belief"  # "the minister believes the tax was …", "glaubt die Kommission, dass …"
    if subject == "belief":
        return "belief"  # "she does not believe they should be …": a pronoun subject frames as a noun one does
    main_lows = _lows(main, lex.case_marks_names)
    direct = quote.kind == "direct"
    reportative = None if direct else _reportative(main, lex, sourced)
    demand_lows = _without(lex.of("not_demand"), main_lows)  # "you don't have to": no obligation
    deontic = _has(lex.of("demand"), demand_lows) or (direct and _has(lex.of("reportative"), main_lows))
    # a deontic modal under a future auxiliary predicts a necessity ("we're going to have to …")
    deontic = deontic and not future_modal(main, lex, lemma)
    # a deontic modal with a perfect infinitive ("should have seen", "müsse gewusst haben") looks back
    deontic = deontic and not perfect_modal(main, lex, lemma)
    # a polite request ("wir würden uns freuen, wenn Sie …", "we would appreciate it if …")
    deontic = deontic or _has(lex.of("request"), lows)
    # an imperative opening the speaker's own words ("Let everybody …", "Oh, let him …"; guidelines 1.2 demand)
    deontic = deontic or (direct and imperative_opening(looked, lex))
    if subject == "demand" or deontic:
        return "demand"
    if reportative == "claim" or _has(lex.of("claim"), lows) or (not direct and claimed_own(main, lex)):
        return "claim"
    if subject is not None:
        return subject
    if _trailing_belief(looked, lex, lemma):
        return "belief"  # "Die Brücke könnte im Mai öffnen, glaube ich": the speaker's frame after the words
    if _has(lex.of("belief"), [w.lower for w in looked]) or _predicative(looked, lex.of("confidence"), lex):
        return "belief"  # "nach Auffassung", "in our view", "wir sind zuversichtlich"
    bare = [w for w in looked if w.text not in _QUOTE_MARKS]
    conditional = bool(bare) and bare[0].lower in lex.of("conditional")
    # a condition anywhere in the sentence with a conditional "would"/"würde" or a future in its main
    # clause ("he would consider it an insult if they did not vote", "she will turn them gay if she is
    # elected": a main claim under an open condition; guidelines 1.2 hedged, which wins over prediction)
    if not conditional and any(w.lower in lex.of("conditional") for w in bare[1:]):
        conditional = _has(lex.of("konj2"), main_lows) or _future_in(main, lex.of("future"), lex, lemma)
    # "as soon as possible", "could not" (inability); a hedge of an attribute ("möglicherweise ungefilterten Zugriff")
    hedge_lows = _without(lex.of("not_hedge"), _lows(attributive_hedges(main, lex), lex.case_marks_names))
    # Konjunktiv II / "would" is the source's own conditional in direct speech or after a first-person
    # subject ("Ich würde es nicht … nennen" in a span without quote marks); a politeness formula
    # ("I would like to", "ich würde gerne") is none (guidelines 1.2 hedged)
    own_konj2 = (direct and _has(lex.of("konj2"), hedge_lows)) or _first_person_konj2(hedge_lows, lex)
    # "would have" and a participle is counterfactual, never the future of reported speech ("said the
    # deal would have cost billions"; guidelines 1.2 hedged: a conditional "would" outside reported future)
    own_konj2 = own_konj2 or counterfactual_perfect(main, lex, lemma)
    # a poll's share ("46 percent would choose …", "38 Prozent würden …") gives the poll's hypothetical,
    # not the source's hedge nor a prediction (guidelines section 6: polls → asserted)
    own_konj2 = own_konj2 and not poll
    # the speaker's uncertain understanding, also in a subordinate clause ("wenn ich es richtig verstanden habe")
    aside = _has(lex.of("hedge_aside"), [w.lower for w in looked])
    if conditional or _has(lex.of("hedge"), hedge_lows) or own_konj2 or aside or possible_effect(main, lex):
        return "hedged"
    if reportative == "prediction" or passive_prediction(main, lex, lemma):
        return "prediction"  # a plan ("sollen … geladen werden"), an expectation without agent ("wird erwartet")
    if _has(lex.of("not_future"), main_lows):
        return "asserted"  # a habitual past ("would sometimes dismiss"), no future
    plain = lex.of("future") if direct or present_cue or poll else lex.future_forms_reported
    if _future_in(main, plain, lex, lemma):
        return "prediction"
    return "asserted"


def _future_in(words: list[Word], plain: frozenset[str], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """:func:`_future` with the language's classes: "wird"/"werde" with an infinitive, a coordinated
    infinitive ("werde … begleichen können und …"), a noun "will" left out ("the will of the people")."""
    return _future(
        words,
        plain,
        lex.of("future_infinitive"),
        lex.ordinal_period,
        lemma,
        lex.case_marks_names,
        lex.of("coordinator"),
        lex.of("modal_noun_marker"),
    )


def _proposed_action(cue_words: list[Word], looked: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A hedged cue that also proposes (``proposing``: "suggest", "imply", "nahelegen") over words whose
    main clause holds a deontic modal ("suggested that the city should sell the depot", "implied
    that the coach must go"): the source proposes an action, a demand (guidelines 1.2 demand: a
    demand with a hedge stays demand); a look back ("should have seen") proposes none."""
    if not any(lemma(w.text).lower() in lex.of("proposing") for w in cue_words):
        return False
    main = _main_clause(looked, lex)
    lows = _without(lex.of("not_demand"), _lows(main, lex.case_marks_names))
    return _has(lex.of("demand"), lows) and not perfect_modal(main, lex, lemma)


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


def _marked_cue_in(words: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> list[Word]:
    """The first word of ``words`` that is a stance verb of a marked class (not ``asserted``; lower
    case: not a noun nor a name), as a cue."""
    for w in words:
        entry = lex.cues.get(lemma(w.text).lower()) if w.text[:1].islower() else None
        if entry is not None and entry[0] != "asserted":
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
        if lex.particle_cue(lem, particles) is not None:
            return [w]
    return []


def _fear_of_future(cue_words: list[Word], looked: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A cue of fear or worry ("befürchten", "worried") whose words speak of the future or of a
    possibility to come ("… verschlechtern könnte", "… could threaten"): a prediction, not a
    belief (guidelines 1.2 prediction, section 6)."""
    fear = lex.of("fear")
    if not any(w.lower in fear or lemma(w.text).lower() in fear for w in cue_words):
        return False
    future = _future_in(looked, lex.future_forms_reported, lex, lemma)
    return future or _has(lex.of("hedge"), _lows(looked, lex.case_marks_names))


def _feared_event(text: str, cue_words: list[Word], content: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A fear verb of ``fear_object`` ("befürchten") whose words after it are its object, not a
    clause: no comma, colon, quote mark, complementizer or reflexive right after the verb and no
    complementizer before the clause ends ("Italien befürchtet einen Kollaps seines Systems"; not
    "befürchtet, dass …", "befürchtet, die Lage werde …"). What one fears is an event to come:
    a prediction (guidelines 1.2 prediction)."""
    if not cue_words or not any(lemma(w.text).lower() in lex.of("fear_object") for w in cue_words):
        return False
    following = [w for w in content if w.start > cue_words[-1].start]
    if not following or following[0].text in _CLAUSE_END or following[0].text in _QUOTE_MARKS:
        return False
    gap = text[cue_words[-1].end : following[0].start]
    if gap.strip() or following[0].lower in lex.of("reflexive"):
        return False  # a comma or quote mark before the words ("befürchtet, die Lage …"), "fürchtet sich"
    for w in following:
        if w.text in _CLAUSE_END:
            break
        if w.lower in lex.of("complementizer"):
            return False
    return True


def _refused_stance(
    cue_words: list[Word], content: list[Word], lex: StanceLexicon, lemma: LemmaFn, after_cue: Sequence[Word] = ()
) -> Stance | None:
    """The stance of the refused act: "declined to threaten Moscow" keeps the class of
    "threaten" (guidelines 2: the stance keeps the class of the negated predicate); the act may
    stand between the cue and the words ("Refuses to Disavow [the endorsement]")."""
    if not any(lemma(w.text).lower() in lex.of("refusal") for w in cue_words):
        return None
    words = [w for w in content if w.text not in _QUOTE_MARKS]
    begin = words[0].start if words else 0
    between = [w for w in after_cue if w.end <= begin and w.text not in _QUOTE_MARKS]
    if (between or words) and cue_words[-1].lower in lex.of("infinitive_first"):
        words = (between or words)[:1]  # the cue ends in "to": the verb follows it
    elif len(between) >= 2 and between[0].lower in lex.of("infinitive_first"):
        words = between[1:2]
    elif len(words) >= 2 and words[0].lower in lex.of("infinitive_first"):
        words = words[1:2]
    else:
        return None
    entry = lex.cues.get(lemma(words[0].text).lower())
    return entry[0] if entry is not None and entry[0] != "asserted" else None


def _refused_act(
    cue_words: list[Word], after_cue: list[Word], content: list[Word], lex: StanceLexicon, lemma: LemmaFn
) -> bool:
    """Whether a rejection verb governs an infinitive of no stance class that is no verb of saying:
    "have refused to cooperate" rejects what was put to the source (guidelines 6: denial, not
    negated); "refused to comment" stays a negated statement (guidelines 2)."""
    if not any(lemma(w.text).lower() in lex.of("rejection") for w in cue_words):
        return False
    words = [w for w in content if w.text not in _QUOTE_MARKS]
    if len(words) < 2 or words[0].lower not in lex.of("infinitive_first"):
        return False
    verb = lemma(words[1].text).lower()
    return verb not in lex.cues and verb not in lex.of("refused_speech")


def _closing_participle(
    cue_words: list[Word], quote: Quote, content: list[Word], lex: StanceLexicon, lemma: LemmaFn
) -> list[Word]:
    """An auxiliary cue inside a span of the whole sentence takes the stance participle closing its
    clause ("Die Regierung hat in einer Note … die Strafverfolgung gefordert."): German puts it
    last, after the words it governs; else the cue stays."""
    if not cue_words or cue_words[-1].lower not in lex.of("auxiliary") or not _inside(cue_words[-1].start, quote.spans):
        return cue_words
    after = [w for w in content if w.start > cue_words[-1].start and w.text not in _QUOTE_MARKS]
    end = next((i for i, w in enumerate(after) if w.text in _CLAUSE_END), len(after))
    found = _cue_in(after[end - 1 : end], lex, lemma) if end else []
    return found or cue_words


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
    if _speaker_turn(doc.text, quote):
        quote = quote.model_copy(update={"kind": "direct"})  # the speaker's own words (an interview turn)
    cue_spans = quote.cue.spans if quote.cue is not None else []
    frame = _frame(doc, list(cue_spans) or quote.spans[:1], quote)
    content = [w for b, e in quote.spans for w in doc.between(b, e)]
    cue_words = [w for b, e in cue_spans for w in doc.between(b, e)]
    if cue_words and quote.kind == "reported" and not _cue_with_words(doc, quote, cue_words):
        # a reported sentence whose cue stands in another sentence: its own stance verb is its cue
        # ("Die Anwältin bestritt eine solche Mitgliedschaft." after "…, erklärte sie"; guidelines 6)
        own = _marked_cue_in(_first_sentence(content, lex.ordinal_period), lex, lemma)
        if own:
            cue_words, cue_spans = own, [(own[0].start, own[0].end)]
            frame = [w for w in content if w.start > own[0].start]
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
        own = _own_clause(later[:6], lex)
        # not from a subordinate clause after the cue ("said … when asked about …")
        own = own[: next((i for i, w in enumerate(own) if w.lower in lex.of("subordinator")), len(own))]
        cue_words = nearest or _cue_in(own, lex, lemma) or _closing_participle(cue_words, quote, content, lex, lemma)
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
    if refused_question(content, negated, lex, lemma):
        return "question", negated  # "declined to say whether …" (guidelines 2)
    if quote.kind != "direct" and verb_second_question(content, lex):
        return "question", negated  # "Warum müsse die Schule umziehen" (a reported direct question)
    neutral_direct = _plain_speech(quote, cue_words, after_cue, lex, lemma)
    closing = _right_before(after_cue, quote)
    direct = quote.kind == "direct"
    stance = None if neutral_direct else _cue_stance(cue_words, after_cue, content, lex, lemma, closing, direct)
    asked = sorted({*_near_cue(frame, cue_words), *content[:2]}, key=lambda w: w.start)
    if stance == "demand" and _has(lex.of("question_frame"), _lows(asked, lex.case_marks_names)):
        stance = "question"  # "demanded to know whether …": what is demanded is an answer (guidelines 1.2 question)
    if stance == "hedged" and _proposed_action(cue_words, looked, lex, lemma):
        stance = "demand"  # "suggested that the city should sell …": what is suggested is an action to take
    if stance == "belief" and (
        _fear_of_future(cue_words, looked, lex, lemma) or _feared_event(doc.text, cue_words, content, lex, lemma)
    ):
        stance = "prediction"
    stance = stance or _refused_stance(cue_words, content, lex, lemma, after_cue)
    if stance is None and _refused_act(cue_words, after_cue, content, lex, lemma):
        return "denial", False
    if stance is not None and stance != "asserted":
        return stance, negated
    if cue_modality(cue_words, frame, lex) == "prediction":
        return "prediction", negated  # "will be reminding voters that …": a speech act to come
    frame_lows = _lows(frame, lex.case_marks_names)
    near_lows = _lows(_near_cue(frame, cue_words), lex.case_marks_names)
    if _has(lex.of("question_frame"), near_lows):
        return "question", negated  # "wollte wissen, wie …", "wanted to know why …" (guidelines 1.2 question)
    if _has(lex.of("denial_frame"), near_lows):
        return "denial", negated  # "sprach sich gegen … aus", "spoke out against" (guidelines 6)
    if _has(lex.of("claim"), frame_lows) or _has(lex.of("claim_frame"), frame_lows):
        return "claim", negated
    if _cue_with_words(doc, quote, cue_words) and accusation_source(cue_words, *_cue_neighbours(doc, cue_words), lex):
        # "laut Anklage", "den Vorwürfen zufolge", "according to the indictment" (guidelines 6)
        return "claim", negated
    if _has(lex.of("belief"), [w.lower for w in _cue_clause(frame, cue_words, lex)]):
        return "belief", negated  # "ist der Meinung", "nach Ansicht", in the cue's clause
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
    if not_knowing_question(looked, lex):
        return "question", negated  # "he had no idea whether …", "es sei unklar, ob …"
    stance = _content_stance(quote, looked, lex, lemma, present, sourced, _poll_source(doc, quote, lex))
    return stance, negated or _opening_negated(_opening(looked, lex), lex, lemma)


def _poll_source(doc: _Doc, quote: Quote, lex: StanceLexicon) -> bool:
    """Whether the speaker mention is a poll's share of respondents ("a full 79 percent of Democrats",
    "38 Prozent der Befragten", "a majority of voters"): a word of ``poll_share`` in it."""
    if quote.speaker is None:
        return False
    shares = lex.of("poll_share")
    return any(w.lower in shares for b, e in quote.speaker.spans for w in doc.between(b, e))


#: at most this many words after the last comma make a trailing first-person frame ("…, I think")
TRAILING_BELIEF = 3


def _trailing_belief(looked: list[Word], lex: StanceLexicon, lemma: LemmaFn) -> bool:
    """A first-person belief verb closing the sentence after a comma ("The bridge might reopen in May,
    I think", "…, glaube ich"): it frames the words as a belief as it does opening them (guidelines
    1.2 belief: a first-person mental verb is the content's frame; rule B: belief > hedged)."""
    words = [w for w in looked if w.text not in _QUOTE_MARKS and w.text not in {".", "!"}]
    commas = [i for i, w in enumerate(words) if w.text == ","]
    if not commas:
        return False
    tail = words[commas[-1] + 1 :]
    if not 2 <= len(tail) <= TRAILING_BELIEF or not any(w.lower in lex.of("first_person") for w in tail):
        return False
    entries = [lex.cues.get(lemma(w.text).lower()) for w in tail]
    return any(entry is not None and entry[0] == "belief" for entry in entries)


def _speaker_turn(text: str, quote: Quote) -> bool:
    """Whether free indirect words are a turn of an interview or transcript: they follow their
    speaker's name and a colon ("Hofer: Das würden sich alle wünschen."), so they are the speaker's
    own words, direct speech (guidelines 1.2 hedged: Konjunktiv II / "would" in direct speech)."""
    if quote.kind != "free_indirect" or quote.speaker is None or not quote.speaker.spans or not quote.spans:
        return False
    end, begin = quote.speaker.spans[-1][1], quote.spans[0][0]
    return end <= begin and text[end:begin].strip() == ":"


def _cue_clause(frame: list[Word], cue_words: list[Word], lex: StanceLexicon) -> list[Word]:
    """The frame words of the cue's whole clause, the cue included ("ist der festen Meinung", "nach
    Ansicht der Kommission"), up to a clause mark or a coordinator: an opinion word in another clause
    of the sentence ("…, sagt er, und er klingt überzeugt") is the writer's, no frame of the words;
    without a cue, the whole frame."""
    if not cue_words:
        return frame
    around = _clause_around(frame, cue_words[0], cue_words[-1], lex.of("coordinator"), (len(frame), len(frame)))
    return sorted({*around, *cue_words}, key=lambda w: w.start)


#: how many frame words before (after) the cue a cue phrase of several words may reach ("wanted to | know")
NEAR_BEFORE, NEAR_AFTER = 2, 3


def _near_cue(frame: list[Word], cue_words: list[Word]) -> list[Word]:
    """The frame words from :data:`NEAR_BEFORE` words before the cue to :data:`NEAR_AFTER` after
    it, the cue included: where a cue phrase of several words ("wollte wissen", "sprach sich gegen")
    must stand to be the cue's (not a phrase elsewhere in the sentence)."""
    if not cue_words:
        return []
    starts = [w.start for w in frame]
    at = bisect.bisect_left(starts, cue_words[0].start)
    end = bisect.bisect_right(starts, cue_words[-1].start)
    near = frame[max(0, at - NEAR_BEFORE) : end + NEAR_AFTER]
    return sorted({*near, *cue_words}, key=lambda w: w.start)


def _cue_with_words(doc: _Doc, quote: Quote, cue_words: list[Word]) -> bool:
    """Whether the cue stands in the sentence where the words begin (not in a sentence before them)."""
    return bool(cue_words and quote.spans) and doc.sentence(cue_words[0].start) == doc.sentence(quote.spans[0][0])


def _cue_neighbours(doc: _Doc, cue_words: list[Word]) -> tuple[list[Word], list[Word]]:
    """The words of the cue's sentence after its last word and before its first one (nearest
    first is the caller's business), quoted words included."""
    begin, end = doc.sentence(cue_words[0].start)
    return doc.between(cue_words[-1].end, end), doc.between(begin, cue_words[0].start)


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


def annotate(
    text: str,
    quotes: list[Quote],
    entities: Sequence[Entity],
    lex: StanceLexicon,
    lemma: LemmaFn,
    noun: Callable[[str], bool] | None = None,
) -> list[Quote]:
    """The quotes with ``stance``, ``negated``, ``source_anonymity`` and ``about`` set; ``noun``
    tells a one-word name that is a common noun (:func:`_dictionary_nouns`)."""
    if not quotes:
        return quotes
    doc = _Doc(text, entities, lex, [span for q in quotes if q.kind == "direct" for span in q.spans])
    by_id = {e.id: e for e in entities}
    types = {e.id: e.type for e in entities}
    common = _common_nouns(doc, entities) | _inflected_nouns(doc, entities, lemma)
    if noun is not None:
        common |= _dictionary_nouns(doc, entities, noun)
    described = _descriptions(entities, lex)
    keys = _name_keys(entities, lex, common | described, noun)
    compounds = _compound_keys(entities, keys, common | described)
    unnamed = _unnamed(doc, entities)
    aliases = _acronym_aliases(doc, entities)
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
            "about": about_entities(
                doc, quote, types, keys, common, compounds, entity, unnamed, described, aliases
            ),
        }
        out.append(quote.model_copy(update=update))
    return out
