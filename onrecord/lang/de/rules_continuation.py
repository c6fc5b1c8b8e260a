"""Rule quotes that continue a statement or follow a colon (:mod:`onrecord.lang.de.rules`).

A sentence in the mood of reported speech after a statement (:func:`continuation_quote`,
:func:`speech_mood`), first-person direct speech without quote marks continuing a statement
(:func:`direct_continuation`, :func:`direct_like`), labelled interview answers
(:func:`interview_answer`) and a statement after a colon that a speech verb or noun introduces
(:func:`colon_attribution`, :func:`colon_remainder`). Pure functions: token indices in, token
indices or spans out.
"""

from __future__ import annotations

from functools import lru_cache

from onrecord.extraction.stance_lexicon import ADJECTIVE_ENDINGS
from onrecord.lang.de.features import cue_class, is_konj1
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, data_lines, lexicon, word_set
from onrecord.lang.de.narration import answer_label, answer_turn_end, idiom_tokens, turn_label
from onrecord.lang.de.role_lexicon import _ARTICLES
from onrecord.lang.de.rules_phrases import (
    _CLAUSE_OPENERS,
    _MIN_QUOTE,
    PARTICLES,
    _capitalised,
    _modifier,
    _reporting_word,
    _sentence_start,
    _speech_verb,
    trailing_attribution,
)
from onrecord.lang.de.rules_speech_acts import _subject_end
from onrecord.lang.de.tokens import BREAK_PUNCT, CLAUSE_PUNCT, PreparedDoc, Token, is_quote_mark

__all__ = [
    "CONTINUATION_GAP",
    "FIRST_PERSON",
    "colon_attribution",
    "colon_remainder",
    "continuation_mood",
    "continuation_quote",
    "cue_starts_in",
    "direct_continuation",
    "direct_like",
    "first_person",
    "interview_answer",
    "introduces_source",
    "particle_verb",
    "reported_konj2",
    "verb_first_tail",
    "speech_follows",
    "speech_mood",
]


#: sentences after a statement within which a sentence may continue it (here and in
#: :func:`onrecord.lang.de.attribution.continues_statement`)
CONTINUATION_GAP = 2


def speech_mood(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Tokens ``[begin, end)`` are someone's speech by their mood: a verb in Konjunktiv I outside a
    mood idiom or quote marks ("Vorgängermodelle seien fast genauso gut.")."""
    idiom = idiom_tokens(doc, begin, end)
    first = _sentence_start(doc, begin)
    # a verb in Konjunktiv I that opens its sentence is concessive or optative ("Sei das nun …")
    return any(
        is_konj1(t) and t.quoted < 0 and t.i not in idiom and t.i != first
        and (not t.lower.endswith("te") or t.lower in word_set("konj1_te.txt"))
        for t in doc.tokens[begin:end]
    )


def _finite_second(doc: PreparedDoc, tok: Token, end: int) -> bool:
    """``tok`` is a lower-case finite verb outside quote marks with words after it before
    ``end``: the verb of a main clause, which stands second. At the end of its clause it is a
    subordinate clause's ("…, die aufgestockt werden sollen."), and the main clause is the
    writer's."""
    return (tok.text.islower() and tok.quoted < 0 and tok.i + 1 < end
            and doc.tokens[tok.i + 1].text not in BREAK_PUNCT)




def verb_first_tail(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The sentence ``[begin, end)`` ends in a clause, after its last comma, that opens with an
    inflected verb (a lower-case word whose lemma, an infinitive, is another word) and then its
    subject ("Dort würden sich Geschäfte rechnen, besagt eine Studie."): it names the source of
    its words itself, by a verb the cue lexicon may lack, and continues no statement before it."""
    toks = doc.tokens
    commas = [k for k in range(begin, end - 2) if toks[k].text == "," and toks[k].quoted < 0]
    if not commas:
        return False
    verb, article = toks[commas[-1] + 1], toks[commas[-1] + 2]
    return (verb.text.isalpha() and verb.text.islower() and verb.lemma.endswith("n")
            and verb.lemma != verb.lower and article.lower in _ARTICLES)  # its subject opens with an article


def reported_konj2(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Tokens ``[begin, end)`` pass on someone's words in Konjunktiv II, which German news uses
    for reported speech where Konjunktiv I looks like the indicative ("Techniker hätten den
    Hebel umgestellt."): a form of ``data/konj2_continuation.txt`` in a main clause, in a sentence
    without a conditional conjunction ("Falls …, wäre es die erste Art": an unreal condition is
    the writer's; ``data/conditional_conjunctions.txt``) and without an indicative main clause
    beside it ("Der Markt könnte einen Anbieter brauchen – und X hat Ansätze zu bieten", "Das wird
    akzeptiert, wäre aber steuerbar": the writer weighs a possibility against facts;
    ``data/indicative_finite.txt``) or a source of its own after it (:func:`verb_first_tail`)."""
    toks = doc.tokens[begin:end]
    if any(t.lower in word_set("conditional_conjunctions.txt") for t in toks):
        return False
    indicative = word_set("indicative_finite.txt")
    if any(t.lower in indicative and _finite_second(doc, t, end) for t in toks) or verb_first_tail(doc, begin, end):
        return False
    forms = word_set("konj2_continuation.txt")
    return any(t.lower in forms and _finite_second(doc, t, end) for t in toks)


def continuation_mood(doc: PreparedDoc, begin: int, end: int, gap: int) -> bool:
    """Tokens ``[begin, end)``, ``gap`` sentences after a statement, are marked as passed-on
    speech: by Konjunktiv I (:func:`speech_mood`), or right after the statement (``gap`` 1) by a
    Konjunktiv II (:func:`reported_konj2`), which further on, or with no statement before it, is
    as often the writer's own weighing of possibilities. A reportive "soll"/"sollen" is not
    enough even right after a statement: in news it is as often the writer's account of plans and
    rumours ("Die letzte Ausgabe soll am 20. März erscheinen", "In der Praxis sollen die
    Obergrenzen auf Stundenwerte runtergebrochen werden"; derStandard cross-genre set)."""
    return speech_mood(doc, begin, end) or (gap == 1 and reported_konj2(doc, begin, end))


def _speech_cue_verb(tok: Token, lex: GermanLexicon) -> bool:
    """A lower-case verb of the cue lexicon that is a speech verb on its own, not only with a
    clause ("sieht es so", "geht davon aus": ``data/not_speech_verbs.txt``)."""
    not_speech = word_set("not_speech_verbs.txt")
    return cue_class(tok, lex) == "verb" and tok.text.islower() and tok.lemma.lower() not in not_speech


def _statement_gap(doc: PreparedDoc, s_idx: int, said: set[int]) -> int | None:
    """How many sentences back the nearest of the two sentences before ``s_idx`` (in the same or
    the previous paragraph) that holds a quote stands; ``None`` when neither does."""
    toks = doc.tokens
    para = toks[doc.sentences[s_idx][0]].para
    return next((k for k in range(1, CONTINUATION_GAP + 1)
                 if s_idx - k >= 0 and s_idx - k in said and para - toks[doc.sentences[s_idx - k][0]].para <= 1), None)


def introduces_source(doc: PreparedDoc, s_idx: int, cue_starts: set[int], lex: GermanLexicon) -> bool:
    """The sentence ``s_idx`` shows a source speaking without passing on its words ("Die
    Regierung warnt vor weiteren Überschwemmungen.", "Der Bericht schildert die Fehlerkette."):
    it holds a cue the tagger tagged or a speech verb of the cue lexicon, outside quote marks."""
    if s_idx < 0:
        return False
    b, e = doc.sentences[s_idx]
    return any(t.quoted < 0 and (t.i in cue_starts or _speech_cue_verb(t, lex)) for t in doc.tokens[b:e])


def continuation_quote(doc: PreparedDoc, s_idx: int, said: set[int], lex: GermanLexicon) -> TokenSpan | None:
    """The sentence ``s_idx`` (after its colon, if it has one) as a free indirect quote when it
    continues a statement without a cue of its own: one of the two sentences before it (in the
    same or the previous paragraph) holds a quote, it has no quote marks and no reporting verb,
    its mood marks it as speech (:func:`continuation_mood`), and the next sentence does not end
    in an attribution of its own (then the words are that source's, named after them). The speaker is the statement's
    (:func:`onrecord.lang.de.attribution.continues_statement`)."""
    toks = doc.tokens
    b, e = doc.sentences[s_idx]
    if e - b < _MIN_QUOTE or any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[b:e]):
        return None
    gap = _statement_gap(doc, s_idx, said)
    if gap is None:
        return None
    # a narrating clause before a colon is the writer's ("… vermisst man jede Grundlage: Das stimmt nicht")
    colon = next((k for k in range(b + 1, e - _MIN_QUOTE) if toks[k].text == ":"), None)
    if colon is not None:
        b = colon + 1
    if not continuation_mood(doc, b, e, gap) or any(
        _speech_cue_verb(t, lex) and not is_konj1(t) for t in toks[b:e]
    ):
        return None  # with a reporting verb of its own ("Andere betonten, es gebe …"), no continuation
    if s_idx + 1 < len(doc.sentences) and trailing_attribution(doc, *doc.sentences[s_idx + 1], lex) is not None:
        return None  # "Wir haben zu viel Tourismus. Das will niemand zugeben, sagt X.": X's, named after it
    return trim(doc, TokenSpan("FQ", b, e))


#: first-person pronouns: in a text printed without quote marks, a sentence with one right after
#: a statement in direct speech goes on with it
#: (pronouns only: a possessive is often generic, "in unserem Sonnensystem")
FIRST_PERSON = frozenset({"ich", "mir", "mich", "wir", "uns"})


def first_person(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Tokens ``[begin, end)`` hold a first-person pronoun outside quote marks."""
    return any(t.lower in FIRST_PERSON and t.quoted < 0 for t in doc.tokens[begin:end])


def direct_like(doc: PreparedDoc, span: TokenSpan) -> bool:
    """A quote span in direct speech: a direct quote, one in the first person, or a main clause in
    the indicative before a trailing attribution ("Das sind gemischte Gefühle, sagte er im ZDF.":
    reported speech would say "seien")."""
    if span.cls == "DQ" or first_person(doc, span.begin, span.end):
        return True
    toks = doc.tokens
    if span.cls != "IQ" or span.end + 1 >= len(toks) or toks[span.begin].lower in _CLAUSE_OPENERS:
        return False
    after = toks[span.end] if toks[span.end].text == "," else toks[span.end - 1]
    if after.text != "," or after.i + 1 >= len(toks) or not _reporting_word(toks[after.i + 1], lexicon()):
        return False
    return toks[after.i + 1].lower != "so" and not any(
        is_konj1(t) or t.lower in word_set("konj2_reported.txt") for t in toks[span.begin : after.i]
    )


def speech_follows(doc: PreparedDoc, s_idx: int) -> bool:
    """The sentence after ``s_idx`` (same paragraph) is reported speech by its mood: a sentence in
    the first person between two statements ("Allerdings sei ein langer Atem nötig.") is the
    speaker's too."""
    if s_idx + 1 >= len(doc.sentences):
        return False
    b, e = doc.sentences[s_idx + 1]
    return doc.tokens[b].para == doc.tokens[doc.sentences[s_idx][0]].para and speech_mood(doc, b, e)


def _cue_in(doc: PreparedDoc, spans: list[TokenSpan], first: int, last: int) -> bool:
    """A cue span starts in the sentences ``[first, last)``."""
    lo, hi = doc.sentences[first][0], doc.sentences[last - 1][1]
    return any(sp.cls == "CUE" and lo <= sp.begin < hi for sp in spans)


def direct_continuation(doc: PreparedDoc, s_idx: int, spans: list[TokenSpan], lex: GermanLexicon) -> TokenSpan | None:
    """The sentence ``s_idx`` as a quote continuing the direct speech of the sentence right before
    it (same paragraph) in a text printed without quote marks ("…, sagte Merkel. Mit Zäunen werden
    wir das Problem nicht lösen."): it is in the first person and has no quote marks and no
    reporting verb of its own, the quote that ends the sentence before is direct speech
    (:func:`direct_like`: a direct quote or one in the first person), and the next sentence does
    not end in an attribution of its own."""
    toks = doc.tokens
    if s_idx == 0:
        return None
    b, e = doc.sentences[s_idx]
    pb = doc.sentences[s_idx - 1][0]
    if e - b < _MIN_QUOTE or toks[pb].para != toks[b].para or toks[b].text.endswith(":"):
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[b:e]) or not first_person(doc, b, e):
        return None
    before = [sp for sp in spans if sp.cls in QUOTE_CLASSES and pb <= sp.end - 1 < b]
    if not before:
        return None
    last = max(before, key=lambda sp: sp.end)
    # the statement before is attributed: a direct quote, or a cue in its sentence (not a chain of
    # first-person sentences in an analysis piece whose writer says "wir"); between two statements,
    # a cue in one of the two sentences before
    if not ((last.cls == "DQ" or (direct_like(doc, last) and _cue_in(doc, spans, s_idx - 1, s_idx)))
            or (speech_follows(doc, s_idx) and _cue_in(doc, spans, max(0, s_idx - 2), s_idx))):
        return None
    if any(_speech_cue_verb(t, lex) for t in toks[b:e]):
        return None
    if s_idx + 1 < len(doc.sentences) and trailing_attribution(doc, *doc.sentences[s_idx + 1], lex) is not None:
        return None
    return trim(doc, TokenSpan("FQ", b, e))


def cue_starts_in(local: list[TokenSpan], b: int, e: int) -> frozenset[int]:
    """Tokens of the tagger's cues in the sentence ``[b, e)``."""
    return frozenset(i for sp in local if sp.cls == "CUE" for i in range(max(b, sp.begin), min(e, sp.end)))


def interview_answer(doc: PreparedDoc, s_idx: int, quoted: set[int]) -> tuple[tuple[int, int], int] | None:
    """(label tokens, end of the turn) when sentence ``s_idx`` opens an interviewee's answer
    ("Saakaschwili: Das Land muss …") in a printed interview and the tagger tagged no quote in
    the turn: the whole answer, up to the next label, is one direct statement of the label's
    name (the answers of an interview are the interviewee's own words; 10kGNAD prints them
    without quote marks)."""
    label = turn_label(doc, s_idx)
    if label is None:
        return None
    b, e = doc.sentences[s_idx]
    n = len(label.split())
    if b + n + 1 >= e:
        return None
    found = answer_label(doc, b + n + 1)
    if found is None:
        return None
    end = answer_turn_end(doc, s_idx)
    if any(doc.tokens[i].sent in quoted for i in range(b, end)):
        return None
    return found, end


def colon_attribution(
    doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon, tagged_cues: frozenset[int] | None = None
) -> tuple[int, int] | None:
    """(cue, first token of the quote) when the sentence ``[begin, end)`` introduces speech with
    a colon and no quote marks ("Der Bub erzählt: Wir spielen viel Fußball.", "…, so der
    Sprecher: Das ist falsch."), as in texts whose quote marks were stripped. The clause before
    the colon holds a reporting cue (the one nearest the colon); the words after it open with a
    capital letter and make a clause of at least three words."""
    toks = doc.tokens
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[begin:end]):
        return None
    colon = next((k for k in range(begin + 1, end - _MIN_QUOTE) if toks[k].text == ":"), None)
    if colon is None or not _capitalised(toks[colon + 1]) or toks[colon + 1].text.isupper():
        return None
    words = [t for t in toks[colon + 1 : end] if t.text.isalpha()]
    clause_words = [t for t in words if t.text.islower() and t.lower not in ("und", "oder", "sowie")]
    if len(words) < _MIN_QUOTE or len(clause_words) < 2:
        return None  # a list ("Methan, Ammoniak oder Stickstoff.") is no statement
    idiom = idiom_tokens(doc, begin, colon)
    not_speech, colon_speech = word_set("not_speech_verbs.txt"), word_set("colon_speech_verbs.txt")
    cue = next((k for k in range(colon - 1, max(begin, colon - _COLON_CUE_GAP) - 1, -1)
                if toks[k].text.islower() and toks[k].lemma.lower() not in not_speech and k not in idiom
                and (cue_class(toks[k], lex) in ("verb", "conj") or toks[k].lemma.lower() in colon_speech)), None)
    if cue is None:
        cue = _colon_speech_word(doc, begin, colon, idiom, tagged_cues or frozenset(), lex)
    if cue is None and first_person(doc, colon + 1, end):
        cue = _subject_verb(doc, begin, colon, lex)
    return (cue, colon + 1) if cue is not None else None


def _subject_verb(doc: PreparedDoc, begin: int, colon: int, lex: GermanLexicon) -> int | None:
    """The finite verb right after the subject that opens the clause ``[begin, colon)``
    ("Kanzler Faymann zeigte sich pragmatisch: Alles, was …, haben wir zu erfüllen."): a colon
    after a named speaker's clause introduces words in the first person as theirs."""
    s_end = _subject_end(doc, begin, colon, lex)
    if s_end is None or s_end >= colon:
        return None
    if not any(_capitalised(t) or t.lower in lex.pronouns for t in doc.tokens[begin:s_end]):
        return None
    verb = doc.tokens[s_end]
    return s_end if verb.text.isalpha() and verb.text.islower() and verb.lower not in lex.prepositions else None


def colon_remainder(doc: PreparedDoc, begin: int, end: int, spans: list[TokenSpan]) -> TokenSpan | None:
    """The words after the colon of the sentence ``[begin, end)`` as direct speech when a tagged
    quote ends at the colon and they are in the first person, untagged and without quote marks
    ("Er würde solche Eingriffe befürworten: Das ist der richtige Weg, wir brauchen …")."""
    toks = doc.tokens
    colon = next((k for k in range(begin + 1, end - _MIN_QUOTE) if toks[k].text == ":" and toks[k].quoted < 0), None)
    if colon is None or not _capitalised(toks[colon + 1]):
        return None
    quotes = [sp for sp in spans if sp.cls in QUOTE_CLASSES and sp.begin < end and begin < sp.end]
    if not any(sp.begin < colon and colon - 1 <= sp.end - 1 <= colon for sp in quotes):
        return None
    if any(sp.end > colon + 1 for sp in quotes):
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[colon + 1 : end]):
        return None
    return trim(doc, TokenSpan("DQ", colon + 1, end)) if first_person(doc, colon + 1, end) else None


def _attributive(doc: PreparedDoc, k: int, begin: int) -> bool:
    """Token ``k`` is a participle or adjective before its noun ("lange versprochenen Features"):
    an inflected lower-case word between a modifier (or comma) and a capitalised word."""
    toks = doc.tokens
    if k + 1 >= len(toks) or k <= begin or not toks[k].text.islower():
        return False
    before = toks[k - 1]
    return (toks[k].lower.endswith(ADJECTIVE_ENDINGS) and _capitalised(toks[k + 1])
            and (before.text == "," or (before.text.islower() and _modifier(before))))


def _speech_noun(tok: Token, lex: GermanLexicon) -> bool:
    """A noun that names a statement, alone or as the head of a compound ("Appell",
    "Eröffnungsrede", "Stellungnahme")."""
    if not _capitalised(tok) or tok.quoted >= 0:
        return False
    return tok.lower.endswith(_speech_noun_heads(lex.speech_nouns)) or lex.cues.get(tok.text) == "noun"


@lru_cache(maxsize=4)
def _speech_noun_heads(speech_nouns: frozenset[str]) -> tuple[str, ...]:
    """The lower-cased speech nouns and the statement nouns of ``data/colon_statement_nouns.txt``
    (heads of compounds: "Eröffnungsrede"), as endings for ``str.endswith`` (built once per
    lexicon, not once per token)."""
    return tuple(n.lower() for n in (*speech_nouns, *data_lines("colon_statement_nouns.txt")))


def _colon_speech_word(
    doc: PreparedDoc, begin: int, colon: int, idiom: set[int], tagged_cues: frozenset[int], lex: GermanLexicon
) -> int | None:
    """The speech word of a clause before a colon further from it than the nearest cue search
    reaches, or one the cue lexicon lacks (round 8): a cue the tagger tagged ("Mikl-Leitner
    formulierte schon klar: …"), a speech verb of ``data/colon_speech_verbs.txt`` by a guessed lemma
    ("Das Magazin twitterte: …", "plädiert X für neue Ansätze: …"; not any verb of the cue
    lexicon: "Das Wetter meinte es gut mit allen: …", unless its particle closes the clause: "schlägt
    X vor: …") or a speech noun ("nutzte er
    für einen Appell: …", "mit einer bissigen Eröffnungsrede ein: …"), within
    :data:`_COLON_CLAUSE_MAX` tokens before the colon in its clause (no comma between), not a
    one-word label like "Hinweis:"."""
    toks = doc.tokens
    if colon - begin < 2:
        return None  # a label ("Hinweis: …") introduces no one's statement
    for k in range(colon - 1, max(begin, colon - _COLON_CLAUSE_MAX) - 1, -1):
        tok = toks[k]
        if tok.text in CLAUSE_PUNCT or (len(tok.text) > 1 and tok.text.endswith(".")):
            # the speech word stands in the colon's own clause ("Wer die Aussagen …, erkennt:"), not
            # behind a sentence end the splitter missed ("schlugen Japan mit 1:0. Doch …:")
            return None
        if k in idiom or _attributive(doc, k, begin):
            continue
        if k in tagged_cues and tok.text.islower():
            return k
        if tok.text.islower() and tok.text.isalpha() and _speech_verb(tok, word_set("colon_speech_verbs.txt")):
            return k
        if _speech_noun(tok, lex):
            return k
        if tok.text.islower() and particle_verb(doc, k, colon, lex):
            return k
    return None


def particle_verb(doc: PreparedDoc, k: int, colon: int, lex: GermanLexicon) -> bool:
    """Token ``k`` is a verb whose separable particle stands right before the colon and makes a
    reporting verb with it ("Mahrer schlägt eine größere Lösung vor: …")."""
    particle = doc.tokens[colon - 1]
    return (colon - 1 > k and particle.lower in PARTICLES and particle.text.islower()
            and lex.cues.get(particle.lower + doc.tokens[k].lemma.lower()) == "verb")


#: tokens between a colon and a speech word further back than the nearest cue search
_COLON_CLAUSE_MAX = 12
#: tokens between a cue and its colon ("räumt aber gleich ein:", "titelte in einer Aussendung:")
_COLON_CUE_GAP = 5
