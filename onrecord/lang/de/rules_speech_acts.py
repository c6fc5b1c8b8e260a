"""Reported speech without a clause (issue 13; :mod:`onrecord.lang.de.rules`).

A speech act ("Die Gewerkschaft forderte eine Untersuchung.", "kündigte … an", "bezeichnete …
als"; ``data/speech_acts.txt``) makes the whole sentence a reported quote of its subject
(:func:`speech_act_attribution`, with its subject's end :func:`_subject_end`); a quoted term
after a verb of naming (:func:`predicate_term`); a zu-infinitive after a speech verb ("gab an, …
bezahlt zu haben", :func:`infinitive_attribution`) and a dass-clause after a speech noun ("der
Vorwurf, dass …", :func:`speech_noun_attribution`, :func:`speech_noun_source`). Pure functions:
token indices in, token indices or spans out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from onrecord.lang.de.labels import TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, word_endings, word_set
from onrecord.lang.de.memo import cue_classes, konj1_flags
from onrecord.lang.de.narration import idiom_tokens
from onrecord.lang.de.rules_phrases import (
    _ACCUSATIVE,
    _DEMONSTRATIVES,
    _NP_FUNCTION,
    _RELATIVE,
    _TAIL_MAX,
    COMPLEMENT_LEADS,
    PARTICLES,
    _capitalised,
    _sentence_start,
    noun_phrase_end,
    predicate_word,
)
from onrecord.lang.de.sources import participle_like
from onrecord.lang.de.tokens import CLAUSE_PUNCT, PreparedDoc, Token, is_quote_mark

__all__ = [
    "dass_attribution",
    "demonstrative_subject",
    "infinitive_attribution",
    "konjunktiv_attribution",
    "passive_speech_act",
    "predicate_term",
    "speech_act_attribution",
    "speech_noun_attribution",
    "speech_noun_source",
    "cut_relative_source_clauses",
    "relative_source_clause_end",
    "wonach_attribution",
]


_ADVERBIAL_MAX = 6  # tokens of an adverbial before the finite verb ("Am Montag forderte X …")


def _speech_act_lemma(doc: PreparedDoc, v: int, end: int, last: Token, lex: GermanLexicon) -> str | None:
    """The speech-act lemma of the finite verb at ``v`` ("forderte" → "fordern", "kündigte … an"
    → "ankündigen", "hat … gefordert" → "fordern"), checked against its needed and excluded
    words after it, else None."""
    toks = doc.tokens
    verb = toks[v]
    if not verb.text.islower() or not verb.text.isalpha():
        return None
    last = _main_clause_last(doc, v, end, last)
    if verb.lower in word_set("perfect_auxiliaries.txt"):  # "X hat … gefordert": the participle at the end
        lemma = last.lemma.lower() if last.i > v else ""
        if last.i - 1 > v:
            lemma = _with_particle(toks[last.i - 1], lemma, lex)  # "hat … bekannt gegeben"
    elif last.lower in PARTICLES and last.i > v:
        lemma = last.lower + verb.lemma.lower()
    else:
        lemma = verb.lemma.lower()
    # the needed words in the main clause, none excluded in the sentence ("Zwölf Todesopfer forderte ein Taifun")
    needs = _act_needs(lemma, lex, toks[v + 1 : max(last.i + 1, v + 1)], toks[_sentence_start(doc, v) : end])
    return lemma if needs is not None else None


def _with_particle(before: Token, lemma: str, lex: GermanLexicon) -> str:
    """``lemma`` with the separated particle ``before`` its participle when the lexicon has that
    speech act ("bekannt" + "geben" → "bekanntgeben"), else ``lemma``."""
    if before.lower in PARTICLES and before.lower + lemma in lex.speech_acts:
        return before.lower + lemma
    return lemma


def _act_needs(
    lemma: str, lex: GermanLexicon, needed_in: Sequence[Token], excluded_in: Sequence[Token]
) -> frozenset[str] | None:
    """The needed words of the speech act ``lemma`` (``data/speech_acts.txt``; empty: it needs
    none) when ``needed_in`` holds one of them and ``excluded_in`` none of its excluding words;
    None when the lexicon has no such act or the words do not fit."""
    entry = lex.speech_acts.get(lemma)
    if entry is None:
        return None
    needs, nots = entry
    if (needs and not needs & {t.lower for t in needed_in}) or nots & {t.text for t in excluded_in}:
        return None
    return needs


def _main_clause_last(doc: PreparedDoc, v: int, end: int, last: Token) -> Token:
    """The last word of the main clause of the verb at ``v`` when a relative clause after its object
    closes the sentence ("hat eine Initiative angekündigt, die …"; "gehen von einer Autobombe aus,
    die …"): the word before the comma that opens it; else ``last``, the sentence's last word."""
    toks = doc.tokens
    for k in range(v + 2, end - 1):
        if toks[k].text in CLAUSE_PUNCT:
            relative = toks[k].text == "," and toks[k + 1].lower in _RELATIVE and toks[k - 1].text.isalpha()
            # the relative clause runs to the end ("am Montag, dem 27. März, die …" is a date's apposition)
            if relative and not any(t.text == "," for t in toks[k + 1 : end]):
                return toks[k - 1]
            return last
    return last


def _subject_end(doc: PreparedDoc, i: int, end: int, lex: GermanLexicon) -> int | None:
    """End of a subject noun phrase or personal pronoun starting at token ``i`` ("Der Minister",
    "Er"; not an adverb like "Unterdessen", not "es"/"man"/"Dies")."""
    toks = doc.tokens
    low = toks[i].lower
    if demonstrative_subject(doc, i, end) or low in ("es", "man") or low in lex.prepositions:
        return None  # "Dies …", "Im Herbst …" (an adverbial, no subject)
    if low in lex.pronouns:
        return i + 1
    # a sentence-initial article is capitalised: "Der zwölfjährige Bub" (the phrase after it)
    np = noun_phrase_end(doc, i + 1 if low in _NP_FUNCTION and i + 1 < end else i, end)
    if np is None or any(t.lower in lex.time_words for t in toks[i : np[1]]):
        return None
    # a noun or name (its lemma capitalised), not a capitalised adverb or article alone
    if not any(t.lemma[:1].isupper() for t in toks[i : np[1]]):
        return None
    return _past_apposition(doc, _past_parenthesis(doc, np[1], end), end)


def _article_before_noun(doc: PreparedDoc, i: int, end: int) -> bool:
    """"Das"/"Dies" at ``i`` is an article, not a pronoun: a noun follows ("Das Militär hat …
    angekündigt"), not the verb ("Das berichtete X")."""
    toks = doc.tokens
    if i + 1 >= end or not _capitalised(toks[i + 1]):
        return False
    # "Das Auswärtige Amt": a capitalised adjective of a name (its lemma lower-case) before the noun
    return toks[i + 1].lemma[:1].isupper() or (
        i + 2 < end and _capitalised(toks[i + 2]) and toks[i + 2].lemma[:1].isupper()
    )


_APPOSITION_MAX = 4  # words of a name in commas after a subject ("Der Präsident, Anna Roth,")


def _past_apposition(doc: PreparedDoc, i: int, end: int) -> int:
    """The token after a name in commas that opens at ``i`` (", Martin Schulz,"), else ``i``."""
    toks = doc.tokens
    if i >= end or toks[i].text != ",":
        return i
    k = i + 1
    while k < end and k - i <= _APPOSITION_MAX and _capitalised(toks[k]) and toks[k].lemma[:1].isupper():
        k += 1
    return k + 1 if i + 1 < k < end and toks[k].text == "," else i


_PARENTHESIS_MAX = 5  # tokens inside a bracket after a subject ("Der Bundesgerichtshof (BGH)")


def _past_parenthesis(doc: PreparedDoc, i: int, end: int) -> int:
    """The token after a short bracket that opens at ``i`` ("(BGH)", "(CDU)"), else ``i``."""
    toks = doc.tokens
    if i < end and toks[i].text == "(":
        for k in range(i + 1, min(end, i + _PARENTHESIS_MAX + 1)):
            if toks[k].text == ")":
                return k + 1
    return i


def speech_act_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int, int] | None:
    """(source begin, source end, verb) when the sentence ``[begin, end)`` is a speech act
    without a clause: a subject, a speech-act verb of ``data/speech_acts.txt`` and its object
    ("Die Gewerkschaft forderte eine Untersuchung.", "Am Montag kündigte der Minister Reformen
    an.", "Sie bezeichnete den Plan als Fehler."). The sentence has no quote marks; "forderte
    … Todesopfer" and the like are excluded by the lexicon."""
    toks = doc.tokens
    if end - begin < 4 or demonstrative_subject(doc, begin, end):
        return None  # "Dies gab X bekannt": the sentence before is the statement
    if _quoted_speech(doc, begin, end) or toks[end - 1].text == "?":
        return None  # a question asks, it reports no one's act ("Wie oft sieht ihr die Zahl 3 im Bild?")
    words = [t for t in toks[begin:end] if t.text.isalpha()]
    if not words:
        return None
    last = words[-1]
    first = begin + 1 if toks[begin].lower in _FOCUS else begin  # "Auch das Außenministerium …"
    s_end = _speech_act_subject_end(doc, first, end, lex)
    if s_end is not None and s_end < end and _speech_act_lemma(doc, s_end, end, last, lex) is not None:
        src_end = s_end - (toks[s_end - 1].text == ",")  # the apposition's closing comma is no part
        if toks[src_end - 1].lower in _SUBJECT_ADVERBS:
            src_end -= 1
        return first, src_end, s_end
    # an adverbial first, then the verb and its subject
    for v in range(begin + 1, min(begin + _ADVERBIAL_MAX, end - 2)):
        if toks[v].text in CLAUSE_PUNCT:
            return None
        if _speech_act_lemma(doc, v, end, last, lex) is None:
            continue
        if toks[begin].lower in _FOCUS and _subject_end(doc, begin + 1, end, lex) == v:
            return begin + 1, v, v  # "Auch sie forderten den Rücktritt der Regierung."
        if toks[v + 1].lower in _ACCUSATIVE:
            return None  # "US-Experten vor Ort schlossen einen Anschlag aus": the object, no subject
        subj = _subject_end(doc, v + 1, end, lex)
        return (v + 1, subj, v) if subj is not None else None
    return None


#: finite forms of "werden" of a passive main clause ("Als Grund wurde … genannt")
_PASSIVE_FINITE = frozenset({"wird", "wurde", "werden", "wurden"})
#: finite forms of "sein" of a passive in the perfect ("war … befürchtet worden")
_PASSIVE_PERFECT = frozenset({"ist", "war", "sind", "waren"})
#: prepositions of a passive's agent ("vom Wetterdienst als hoch eingestuft", "seitens der Behörde");
#: :mod:`onrecord.lang.de.speaker_rules` looks for the speaker after "von"/"vom" only (``_VON_AGENT_PREPS``)
_AGENT_PREPS = frozenset({"von", "vom", "seitens"})


def demonstrative_subject(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The sentence ``[begin, end)`` opens with the pronoun "Das"/"Dies" (not an article)."""
    return doc.tokens[begin].lower in _DEMONSTRATIVES and not _article_before_noun(doc, begin, end)


def passive_speech_act(
    doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon, pronoun: bool = False
) -> tuple[int, int, int] | None:
    """(participle, agent begin, agent end) when the sentence ``[begin, end)`` is a speech act of
    ``data/speech_acts.txt`` in the passive: "Als Grund wurden hohe Kosten genannt.", "Der Plan
    wurde von der Opposition als Fehler kritisiert.", "Von Gewerkschaftsseite war ein Abbau
    befürchtet worden." The participle closes the sentence; a finite "werden" (or "sein" with
    "worden") stands before it in the same clause. The agent is the noun phrase after "von" in the
    main clause, and the sentence needs one (in 2-fold CV on quotes-de/train, passives without an
    agent were mostly the reporter's account: "Mit dem Eintreffen der Maschine wird gerechnet"),
    unless "von" is the needed word of the act ("Von einer hohen Gefahr wird gesprochen"; no
    source span then: ``begin == end``). With ``pronoun``, only a sentence that opens with
    "Das"/"Dies" ("Das wurde vom Presseamt bekannt gegeben.": the statement is the sentence
    before), else only one that does not."""
    toks = doc.tokens
    if end - begin < 4 or _quoted_speech(doc, begin, end) or toks[end - 1].text == "?":
        return None
    if demonstrative_subject(doc, begin, end) != pronoun:
        return None  # "Das wurde vom Presseamt bekannt gegeben": the sentence before is the statement
    words = [t for t in toks[begin:end] if t.text.isalpha()]
    if len(words) < 3:
        return None
    perfect = words[-1].lower == "worden"
    part = words[-2] if perfect else words[-1]
    if not (part.text.islower() and participle_like(part.lower)) or part.i + 2 < end - 1:
        return None  # the participle closes the sentence (before its full stop)
    finite = _PASSIVE_PERFECT if perfect else _PASSIVE_FINITE
    aux = next((k for k in range(part.i - 1, begin, -1) if toks[k].text in CLAUSE_PUNCT or toks[k].lower in finite),
               None)
    if aux is None or toks[aux].text in CLAUSE_PUNCT:
        return None
    lemma = _with_particle(toks[part.i - 1], part.lemma.lower(), lex)  # "bekannt gegeben"
    needs = _act_needs(lemma, lex, toks[begin:end], toks[begin:end])
    if needs is None:
        return None
    if "von" in needs:
        return part.i, part.i, part.i
    # the agent in the main clause (not in a relative clause before it: "…, die von X verliehen wird, …")
    start = max([begin, *(k + 1 for k in range(begin, aux) if toks[k].text in CLAUSE_PUNCT)])
    agent = next((k for k in range(start, part.i) if toks[k].lower in _AGENT_PREPS and not _noun_complement(doc, k)),
                 None)
    np = noun_phrase_end(doc, agent + 1, part.i) if agent is not None else None
    if agent is None or np is None:
        return None  # without an agent, mostly the reporter's account ("Mit dem Eintreffen wird gerechnet")
    return part.i, agent + 1, np[1]


def _noun_complement(doc: PreparedDoc, k: int) -> bool:
    """The "von" at ``k`` joins a bare noun to the noun before it ("der Ausbruch von Cholera"), not
    an agent to its passive ("von den Veranstaltern", "Von Gewerkschaftsseite" opening the sentence)."""
    toks = doc.tokens
    if toks[k].lower != "von" or k == 0 or k + 1 >= len(toks) or toks[k - 1].sent != toks[k].sent:
        return False  # "vom" has its article: "die Gefahr von Waldbränden vom Wetterdienst"
    return _capitalised(toks[k - 1]) and toks[k - 1].lemma[:1].isupper() and _capitalised(toks[k + 1])


#: speech acts that judge their object by a predicate ("nannte den Bericht eine „Zeitungsente“",
#: "bezeichnete die Pläne als „Wortbruch“"): a quoted predicate is the speaker's own words
_PREDICATING = frozenset({"nennen", "bezeichnen", "werten", "halten", "beschreiben", "einstufen"})


def predicate_term(doc: PreparedDoc, verb: int, end: int, lex: GermanLexicon) -> TokenSpan | None:
    """The quoted words after a judging speech act ("Er nannte die Absage einen
    „Vertrauensbruch“."), as a direct quote (quotes-de marks them so), else None."""
    toks = doc.tokens
    words = [t for t in toks[verb:end] if t.text.isalpha()]
    if not words or _speech_act_lemma(doc, verb, end, words[-1], lex) not in _PREDICATING:
        return None
    inside = [i for i in range(verb + 1, end) if toks[i].quoted >= 0]
    if not inside:
        return None
    first = toks[inside[0]].quoted
    span = [i for i in inside if toks[i].quoted == first]
    return trim(doc, TokenSpan("DQ", span[0], span[-1] + 1))


#: focus particles that may stand before a subject in the first position ("Auch sie forderten …")
_FOCUS = frozenset({"auch", "selbst", "sogar", "nur", "ebenso"})
#: tokens of a quoted stretch that is a name or a term, not a statement ("„Neue Rechte“", "„inakzeptabel“")
_QUOTED_TERM_MAX = 6
#: tokens of an apposition or relative clause in commas after a subject ("Elon Musk, der Gründer
#: der Firma, kündigte …"); the speech-act verb must follow its closing comma
_INSERT_MAX = 14


def _quoted_speech(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The sentence ``[begin, end)`` holds quoted words that may be speech: a quoted stretch longer
    than a name or term, one that opens the sentence, or an unpaired quote mark."""
    toks = doc.tokens
    sizes: dict[int, int] = defaultdict(int)
    for t in toks[begin:end]:
        if t.quoted >= 0:
            sizes[t.quoted] += 1
        elif is_quote_mark(t.text):
            return True
    return toks[begin].quoted >= 0 or any(n > _QUOTED_TERM_MAX for n in sizes.values())


def _speech_act_subject_end(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> int | None:
    """End of the subject of a speech act that opens the sentence: a noun phrase or pronoun,
    coordinated ones ("SPD und PDS", "Merkel sowie Stoiber") and an apposition or relative
    clause in commas ("Lars Roth, Manager des Vereins, bezeichnete …") included."""
    toks = doc.tokens
    s_end = _subject_end(doc, begin, end, lex)
    s_end = _past_listed(doc, s_end, end, lex)
    while s_end is not None and s_end + 1 < end and toks[s_end].lower in ("und", "sowie"):
        more = _subject_end(doc, s_end + 1, end, lex)
        if more is None:
            break
        s_end = more
    if s_end is not None and toks[begin].lower not in lex.pronouns:
        s_end = _past_attribute(doc, s_end, end, lex)
    if s_end is not None and s_end < end and toks[s_end].text == ",":
        stop = min(end, s_end + _INSERT_MAX + 1)
        close = next((k for k in range(s_end + 1, stop) if toks[k].text in CLAUSE_PUNCT), None)
        if close is not None and toks[close].text == "," and close > s_end + 1 and close + 1 < end:
            return close + 1
    return s_end


#: prepositions of a place or origin attribute after a subject ("Die Behörden vor Ort", "Der Senator
#: aus Ohio", "Die Mission der Vereinten Nationen im Sudan"): before the finite verb of a
#: sentence it opens, such a phrase belongs to the subject
_ATTRIBUTE_PREPS = frozenset({"aus", "in", "im", "vor", "von", "vom", "bei", "beim", "für"})
#: adverbs that may stand between a subject and its verb ("Die Grünen dagegen sehen …")
_SUBJECT_ADVERBS = frozenset({"dagegen", "hingegen", "jedoch", "aber", "allerdings", "wiederum", "indes"})


def _past_attribute(doc: PreparedDoc, i: int, end: int, lex: GermanLexicon) -> int:
    """The token after up to two prepositional attributes of a subject ending at ``i`` ("… im
    Sudan (UNMIS)", "vor Ort"), and after an adverb like "dagegen" (which is then the subject's
    last token: the verb follows it), else ``i``. An attribute needs a capitalised word after its
    preposition."""
    toks = doc.tokens
    for _ in range(2):
        if i + 1 >= end or toks[i].lower not in _ATTRIBUTE_PREPS or not toks[i].text.islower():
            break
        np = noun_phrase_end(doc, i + 1, end)
        if np is None or any(t.lower in lex.time_words for t in toks[i + 1 : np[1]]):
            break
        i = _past_parenthesis(doc, np[1], end)
    if i < end and toks[i].lower in _SUBJECT_ADVERBS:
        return i + 1
    return i


def _past_listed(doc: PreparedDoc, i: int | None, end: int, lex: GermanLexicon) -> int | None:
    """The end of a list of subjects that opens at a comma at ``i`` and closes with "und"/"sowie"
    ("Transparency International, Campact und LobbyControl"), else ``i``."""
    toks = doc.tokens
    k = i
    while k is not None and k + 1 < end and toks[k].text == ",":
        nxt = _subject_end(doc, k + 1, end, lex)
        if nxt is None or nxt - k > _APPOSITION_MAX + 1:
            return i
        if nxt < end and toks[nxt].lower in ("und", "sowie"):
            return nxt  # the caller joins the last one
        k = nxt
    return i


#: verbs that take a zu-infinitive as what was said besides the cue lexicon's ("bestand darauf, …")
_INFINITIVE_VERBS = frozenset({"bestehen", "versprechen", "bestreiten", "leugnen", "beteuern", "drohen", "ablehnen"})
#: words that open a clause after the comma that is no infinitive complement of the verb
#: (a relative clause ends in its finite verb, not in a zu-infinitive, so articles may open it)
_NOT_COMPLEMENT = frozenset({"dass", "daß", "ob", "weil", "da", "wie", "wenn", "als", "um", "denen", "deren",
                             "dessen", "welche", "welcher", "was", "wo"})
_DASS = frozenset({"dass", "daß"})
_INFINITIVE_GAP = 8  # tokens between the speech verb and the comma ("warf dem Minister vor, …")


def _zu_infinitive_end(words: list[Token]) -> bool:
    """The clause ends in a zu-infinitive: "… zu sorgen", "… bezahlt zu haben", "… einzuleiten"."""
    if len(words) >= 2 and words[-2].lower == "zu":
        return True
    last = words[-1].lower if words else ""
    return any(last.startswith(p + "zu") and len(last) > len(p) + 4 and last.endswith("en") for p in PARTICLES)


def infinitive_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """(speech verb, first token of the complement) when the sentence ``[begin, end)`` reports
    what someone said in a zu-infinitive: "Der Händler gab an, die Ware bezahlt zu haben.",
    "Sie bestand darauf, den Vertrag einzuhalten.", "Ihm wird vorgeworfen, … verschwiegen zu
    haben." The complement runs from after the comma to the end of the sentence."""
    toks = doc.tokens
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[begin:end]):
        return None
    idiom = idiom_tokens(doc, begin, end)  # "gang und gäbe ist, …" has no speech verb
    cues = cue_classes(doc, lex)
    for v in range(begin, end - 3):
        tok = toks[v]
        if not (tok.text.islower() and tok.text.isalpha()) or v in idiom:
            continue
        if cues[v] != "verb" and tok.lemma.lower() not in _INFINITIVE_VERBS:
            continue
        stop = min(v + 1 + _INFINITIVE_GAP, end)
        comma = next((k for k in range(v + 1, stop) if toks[k].text in CLAUSE_PUNCT), None)
        if comma is None or toks[comma].text != "," or comma + 2 >= end:
            return None
        if toks[comma + 1].lower in _NOT_COMPLEMENT or any(t.text in (",", ";", ":") for t in toks[v + 1 : comma]):
            return None
        words = [t for t in toks[comma + 1 : end] if t.text.isalpha()]
        another_cue = any(cues[k] == "verb" and toks[k].text.islower() for k in range(comma + 1, end))
        if not _zu_infinitive_end(words) or another_cue:
            return None
        return v, comma + 1
    return None


def dass_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """(speech verb, the "dass" that opens its complement) when the sentence ``[begin, end)``
    reports what someone said or thinks in a dass-clause after a reporting verb of the cue
    lexicon: "Die Behörde geht davon aus, dass …", "Der Verband hofft, dass …". The clause runs
    from "dass" to the end of the sentence. A consecutive "so …, dass" is no complement, a
    passive without an agent ("Es wird erwartet, dass …", "Es ist damit zu rechnen, dass …")
    mostly the reporter's account, "dadurch, dass" a means, and a verb in a relative clause
    ("X, der wusste, dass …") no statement of the sentence."""
    toks = doc.tokens
    consecutive, correlates = word_set("dass_consecutive.txt"), word_set("dass_not_correlates.txt")
    for v, comma, cue in _reporting_candidates(doc, begin, end, lex):
        if comma is not None and _made_known(doc, begin, v, comma):
            return v, comma + 1  # "Im April wurde bekannt, dass …": no one is named, a statement all the same
        if not cue:
            continue
        if comma is None or toks[comma].text != "," or comma + 3 >= end:
            return None
        if toks[comma + 1].lower not in _DASS or any(t.lower in consecutive for t in toks[begin:comma]):
            return None
        if _no_source_clause(toks[begin:comma], lex):
            return None  # "Ich hoffe, dass …", "Die Untersuchungen haben gezeigt, dass …"
        zu_infinitive = v > begin and toks[v - 1].lower == "zu"  # "ist damit zu rechnen"
        agentless = _agentless_passive(toks[begin:comma]) or zu_infinitive
        if agentless or toks[comma - 1].lower in correlates or _in_relative_clause(doc, begin, v):
            return None  # "Es wird erwartet / ist damit zu rechnen, dass …", "X, der wusste, dass …"
        return v, comma + 1
    return None


def _reporting_candidates(
    doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon
) -> Iterator[tuple[int, int | None, bool]]:
    """(word, its clause mark, whether it is a reporting verb) for each lower-case word of the
    sentence ``[begin, end)`` (but its last three tokens) outside a mood idiom: the candidate
    verbs of a reported clause after a comma (:func:`dass_attribution`,
    :func:`konjunktiv_attribution`). The clause mark is :func:`_clause_comma`'s; a reporting verb
    is one of the cue lexicon or a separable one whose particle closes its clause
    (:func:`_separable_cue`). Nothing when the sentence holds quoted speech of its own (a quoted
    name or term may stand: "Das „Centre“ geht davon aus")."""
    toks = doc.tokens
    if not _quoted_terms_only(doc, begin, end):
        return
    idiom = idiom_tokens(doc, begin, end)
    cues = cue_classes(doc, lex)
    for v in range(begin, end - 3):
        tok = toks[v]
        if not (tok.text.islower() and tok.text.isalpha()) or v in idiom:
            continue
        comma = _clause_comma(doc, v, end)
        yield v, comma, cues[v] == "verb" or _separable_cue(doc, v, comma, lex)


def _agentless_passive(clause: Sequence[Token]) -> bool:
    """The words of a main clause before its comma hold a finite passive "werden" and no agent
    preposition ("Es wird erwartet, dass …"): mostly the reporter's account."""
    words = {t.lower for t in clause}
    return bool(words & _PASSIVE_FINITE and not words & _AGENT_PREPS)


def _no_source_clause(words: list[Token], lex: GermanLexicon) -> bool:
    """Whether the words of a main clause before ", dass" make its dass-clause no statement of a
    named source: a first-person or generic subject ("ich", "wir", "man", "wer";
    ``data/dass_no_source_subjects.txt``), or a verb of showing ("gezeigt";
    ``data/dass_not_speech_verbs.txt``) without a study or other source noun that shows it ("Die
    Bilder zeigen, dass …" but "Die Untersuchung zeigt, dass …")."""
    lows = {t.lower for t in words}
    if lows & word_set("dass_no_source_subjects.txt"):
        return True
    if not lows & word_set("dass_not_speech_verbs.txt"):
        return False
    nouns = lex.source_nouns + word_endings("dass_showing_sources.txt")
    return not any(_capitalised(t) and t.lower.endswith(nouns) for t in words)


#: how many words of a reported clause may stand before its Konjunktiv verb ("er sei", "die Anlagen … stünden")
_KONJ_REACH = 8


def konjunktiv_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """(speech verb, first token of its complement) when the sentence ``[begin, end)`` reports a
    statement in Konjunktiv I without "dass" after a reporting verb of the cue lexicon ("Der
    Angeklagte hatte vor Gericht erklärt, er sei unschuldig.", "führt der Bericht aus, rund ein
    Drittel … weise …"): the clause after the comma opens with no conjunction or relative
    pronoun and has a Konjunktiv I verb among its first words. It runs to the end of the
    sentence. Agentless passives, relative clauses and quoted speech are left out as in
    :func:`dass_attribution`."""
    toks = doc.tokens
    konj = konj1_flags(doc)
    for v, comma, cue in _reporting_candidates(doc, begin, end, lex):
        if not cue:
            continue
        if comma is None or toks[comma].text != "," or comma + 3 >= end:
            return None
        first = toks[comma + 1]
        if first.lower in _NOT_COMPLEMENT | _DASS or (first.lower in _RELATIVE and first.text.islower()):
            return None  # "…, weil …", "…, die …": no reported clause
        if _agentless_passive(toks[begin:comma]) or _in_relative_clause(doc, begin, v):
            return None
        words = [t for t in toks[comma + 1 : end] if t.text.isalpha()][:_KONJ_REACH]
        if not any(konj[t.i] for t in words) or any(t.text in (",", ";", ":") for t in toks[v + 1 : comma]):
            return None
        return v, comma + 1
    return None


def _separable_cue(doc: PreparedDoc, v: int, comma: int | None, lex: GermanLexicon) -> bool:
    """Whether the word at ``v`` is a separable reporting verb whose particle closes its clause
    right before ``comma`` ("gab die Behörde bekannt, dass …": "bekanntgeben" in the cue lexicon)."""
    toks = doc.tokens
    particle = toks[comma - 1].lower if comma is not None and comma - 1 > v else ""
    return particle in PARTICLES and lex.cues.get(particle + toks[v].lemma.lower()) == "verb"


#: words between "bekannt" and the comma of "wurde bekannt, dass" / "war bekannt geworden, dass"
_KNOWN_TAIL = frozenset({"geworden", "worden", "war", "ist", "sei", "wurde"})


def _made_known(doc: PreparedDoc, begin: int, v: int, comma: int) -> bool:
    """"bekannt" at ``v`` after a form of "werden" in its clause or before "geworden", then ", dass"
    ("Im April wurde dann bekannt, dass …", "Zuvor war schon bekannt geworden, dass …"): news
    made public, annotated as indirect quotes in all nine such sentences of ``quotes-de/train``
    (first half). "Es ist bekannt, dass …" states general knowledge and is left out."""
    toks = doc.tokens
    if toks[v].lower != "bekannt" or toks[comma].text != "," or comma + 1 >= len(toks):
        return False
    last = [t for t in toks[comma:] if t.sent == toks[v].sent and t.text.isalpha()]
    if last and last[-1].lower in PARTICLES and toks[last[-1].i - 1].text == ",":
        return False  # "Sie tauchen, nachdem bekannt geworden war, dass …, auf.": inside another clause
    if toks[comma + 1].lower not in _DASS or any(t.lower not in _KNOWN_TAIL for t in toks[v + 1 : comma]):
        return False
    if any(t.lower == "geworden" for t in toks[v + 1 : comma]):
        return True  # "war bekannt geworden, dass"
    start = max([begin, *(k + 1 for k in range(begin, v) if toks[k].text in CLAUSE_PUNCT)])
    return any(t.lower in _PASSIVE_FINITE for t in toks[start:v])  # not "Es ist bekannt, dass" (general knowledge)


def _clause_comma(doc: PreparedDoc, v: int, end: int) -> int | None:
    """The first clause mark within ``_INFINITIVE_GAP`` tokens after the verb at ``v``, past a
    name in commas after it ("gab der Leiter der Dienststelle, Anna Roth, bekannt, dass …")."""
    toks = doc.tokens
    k, stop = v + 1, v + 1 + _INFINITIVE_GAP
    while k < min(stop, end):
        if toks[k].text in CLAUSE_PUNCT:
            after = _past_apposition(doc, k, end)
            if after == k:
                return k
            stop += after - k
            k = after
            continue
        k += 1
    return None


def _quoted_terms_only(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The quoted words of the sentence ``[begin, end)``, if any, are names or terms (at most
    ``_QUOTED_TERM_MAX`` tokens each: "„BBC News“ berichtet, dass …"), and no quote mark is unpaired."""
    sizes: dict[int, int] = defaultdict(int)
    for t in doc.tokens[begin:end]:
        if t.quoted >= 0:
            sizes[t.quoted] += 1
        elif is_quote_mark(t.text):
            return False
    return all(n <= _QUOTED_TERM_MAX for n in sizes.values())


#: relative words of a source phrase after a noun ("Studien, nach denen …", "Grundsätze, denen zufolge …")
_SOURCE_RELATIVE_WORDS = frozenset({"denen", "dem", "der", "welchem", "welcher"})


def _relative_source_end(doc: PreparedDoc, k: int) -> int | None:
    """The token after a relative source phrase that opens at ``k`` after a comma: "wonach", "nach
    denen" / "nach welchem", "denen zufolge"; else None."""
    toks = doc.tokens
    if toks[k].lower == "wonach":
        return k + 1
    if toks[k].lower == "nach" and k + 1 < len(toks) and toks[k + 1].lower in _SOURCE_RELATIVE_WORDS:
        return k + 2
    if toks[k].lower in _SOURCE_RELATIVE_WORDS and k + 1 < len(toks) and toks[k + 1].lower == "zufolge":
        return k + 2
    return None


def wonach_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """(first word of the relative source phrase, first token of its clause) when the sentence
    ``[begin, end)`` holds a clause ", wonach …" (", nach denen …", ", denen zufolge …") after a
    noun or a quoted name ("eine Schätzung, wonach …", "verwies auf Studien, nach denen …"): what
    the noun reports. The clause runs to the end of the sentence; its speaker is the antecedent
    (:func:`onrecord.lang.de.speaker_rules.relative_source`). In ``quotes-de/train`` (first half)
    all twelve such clauses are annotated as indirect quotes."""
    toks = doc.tokens
    for k in range(begin + 2, end - 3):
        if toks[k - 1].text != "," or toks[k].quoted >= 0:
            continue
        q_b = _relative_source_end(doc, k)
        if q_b is None:
            continue
        before = toks[k - 2]
        if not (_capitalised(before) or is_quote_mark(before.text)):
            return None
        nouns = lex.source_nouns + word_endings("relative_source_nouns.txt")
        inner_punct = any(t.text in CLAUSE_PUNCT for t in toks[q_b:end])
        if toks[k].lower != "wonach":
            if inner_punct:
                return None  # "…, nach welchem …, haben sich …": the clause ends before the sentence does
            if not before.lower.endswith(nouns):
                return None  # "die Stadt, nach der er sich sehnte": no source
        elif inner_punct and not before.lower.endswith(nouns):
            return None  # "die Verordnung, wonach Kunden zahlen, wirkt sich aus": a rule, the sentence runs on
        if not _quoted_terms_only(doc, q_b, end):
            return None
        return k, q_b
    return None


#: words after a comma that open a clause nested in a relative source clause ("…, wonach der Mann,
#: der …, geflohen sei"): relative pronouns and subordinating conjunctions
_NESTED_OPENERS = _RELATIVE | frozenset({"dass", "daß", "weil", "wenn", "ob", "als", "da", "obwohl", "nachdem", "wo"})


def relative_source_clause_end(doc: PreparedDoc, q_b: int, end: int, lex: GermanLexicon) -> int:
    """Where the clause of a relative source phrase that starts at ``q_b`` ends, within the
    sentence up to ``end``: at the comma after which the main clause goes on with its finite verb
    ("Berichte, wonach der Minister zurücktrete, | wies das Ministerium zurück"), else ``end``.
    A comma before a relative pronoun or subordinator opens a nested clause, and the next comma
    closes it ("wonach der Mann, der gefasst wurde, | geflohen sei" runs on)."""
    toks = doc.tokens
    nested = 0
    for k in range(q_b + 1, end - 1):
        if toks[k].text != "," or toks[k].quoted >= 0:
            continue
        nxt = toks[k + 1]
        if nxt.lower in _NESTED_OPENERS:
            nested += 1
        elif nested:
            nested -= 1
        elif predicate_word(doc, k + 1, lex) and nxt.lower not in ("und", "oder", "sowie"):
            return k
    return end


#: the fewest tokens a cut relative source clause keeps ("der Minister tritt zurück")
_MIN_RELATIVE_CLAUSE = 3


def _after_relative_source(doc: PreparedDoc, b: int) -> bool:
    """Whether token ``b`` opens the clause of a relative source phrase after a comma ("…, wonach |",
    "…, nach denen |", "…, denen zufolge |")."""
    toks = doc.tokens
    return any(
        k >= 1 and toks[k - 1].text == "," and _relative_source_end(doc, k) == b for k in (b - 1, b - 2)
    )


def cut_relative_source_clauses(doc: PreparedDoc, spans: list[TokenSpan], lex: GermanLexicon) -> list[TokenSpan]:
    """Tagged indirect quotes that open a relative source clause end with it
    (:func:`relative_source_clause_end`): "Eine Studie, wonach | jedes dritte Kind betroffen ist |,
    sorgt für Aufregung" — the main clause after it is the reporter's."""
    out: list[TokenSpan] = []
    for sp in spans:
        if sp.cls in ("IQ", "FQ") and _after_relative_source(doc, sp.begin):
            end = relative_source_clause_end(doc, sp.begin, sp.end, lex)
            cut = trim(doc, TokenSpan(sp.cls, sp.begin, end)) if end < sp.end else sp
            if cut is not None and cut.end - cut.begin >= _MIN_RELATIVE_CLAUSE:
                sp = cut
        out.append(sp)
    return out


def _in_relative_clause(doc: PreparedDoc, begin: int, v: int) -> bool:
    """Whether the verb at ``v`` stands in a relative clause: a comma and a relative pronoun
    before it in the sentence ("Der Minister, der wusste, dass …")."""
    toks = doc.tokens
    return any(toks[k].text == "," and toks[k + 1].lower in _RELATIVE for k in range(begin, v - 1))


def speech_noun_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """(speech noun, first token of the dass-clause) when the sentence ``[begin, end)`` holds a
    speech noun of ``data/speech_nouns.txt`` followed by ", dass" ("Die Gewerkschaft erhob den
    Vorwurf, dass …", "Die Forderung der Eltern, dass …"). Nouns of possibility or condition
    ("Möglichkeit, dass", "Voraussetzung, dass") are not in the lexicon."""
    toks = doc.tokens
    for k in range(begin, end - 3):
        if toks[k].quoted >= 0 or toks[k].text not in lex.speech_nouns:
            continue
        # the noun with an optional genitive owner, then ", dass"
        j = k + 1
        owner = noun_phrase_end(doc, j + 1, end) if toks[j].lower in COMPLEMENT_LEADS else None
        if owner is not None:
            j = owner[1]
        if j + 2 < end and toks[j].text == "," and toks[j + 1].lower in ("dass", "daß"):
            return k, j + 1
    return None


def speech_noun_source(doc: PreparedDoc, noun: int, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """Who made the statement of a speech noun: its genitive owner ("die Forderung der Eltern")
    or the subject of the sentence when the noun is its object ("Die Eltern erhoben den
    Vorwurf"), else None."""
    toks = doc.tokens
    if noun + 1 < end and toks[noun + 1].lower in COMPLEMENT_LEADS:
        np = noun_phrase_end(doc, noun + 2, end)
        if np is not None:  # "der Eltern" (with its article), "von den Eltern" (without "von")
            return noun + 2 if toks[noun + 1].lower in ("von", "vom") else noun + 1, np[1]
    s_end = _subject_end(doc, begin, end, lex)
    if s_end is not None and s_end <= noun - 1 and not (begin <= noun < s_end):
        return begin, s_end
    return None


def _speech_subject(doc: PreparedDoc, begin: int, end: int, verb: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """The subject of the speech verb at ``verb``: the noun phrase or pronoun that the sentence
    opens with right before its finite verb ("Der Händler gab an", "Der Händler hat angegeben"),
    or the one right after the finite verb when an adverbial opens the sentence ("Am Montag hat
    der Händler angegeben"), else None ("Ihm wird vorgeworfen")."""
    toks = doc.tokens
    perfect = word_set("perfect_auxiliaries.txt")
    finite = next(
        (i for i in range(begin + 1, verb + 1) if toks[i].text.islower() and toks[i].text.isalpha()
         and (i == verb or toks[i].lower in perfect)),
        None,
    )
    if finite is None:
        return None
    s_end = _subject_end(doc, begin, end, lex)
    if s_end is not None and s_end == finite:
        return begin, s_end
    after = _subject_end(doc, finite + 1, end, lex) if finite + 1 < end else None
    if after is not None and after <= verb + (finite == verb) * _TAIL_MAX:
        return finite + 1, after
    return None
