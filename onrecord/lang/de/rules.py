"""Rule quotes: indirect speech the tagger left out, in sentences where it tagged no quote.

Three constructions mark a sentence as someone's statement whatever its verb mood, so the
token tagger, which leans on Konjunktiv and on reporting verbs before a clause, misses some
of them:

* a **source phrase**: "Laut Polizei wurden zwei Menschen verletzt", "Heute wurden nach
  israelischen Armeeangaben 40 Ziele angegriffen", "Der Behörde zufolge …". "laut" and
  "zufolge" open one with any noun phrase; "nach" and "gemäß" only with a source noun
  (``data/source_nouns.txt``: Angaben, Einschätzung, Aussage, …), since "nach" alone is
  mostly time or place. In ``quotes-de/train``, 217 of 226 "nach" + source noun phrases are
  annotated as the cue of a quote, and the quote is the rest of the sentence (around the
  phrase when it stands inside the sentence).
* a **trailing attribution**: "Am schlimmsten hat es den Distrikt getroffen, sagte
  Provinzgouverneur Thirayuth Iamtrakul." / "…, so der UN-Mitarbeiter." — a sentence whose
  last comma is followed by a reporting verb (or "so") and a short noun phrase or pronoun
  only; in ``quotes-de/train`` the clause before the comma is a quote in 31 of 33 such
  sentences without quote marks.
* a **pronoun attribution**: "Der Italiener Trapattoni wird neuer Trainer. Dies gab die
  Vereinsführung bekannt." — the pronoun stands for the sentence before, which is the
  statement (the corpus annotates it up to and including the pronoun; the quote here is the
  sentence alone). In ``quotes-de/train`` 34 of 39
  such sentence pairs within a paragraph are annotated so, and the tagger found none of them.

* **reported speech** (issue 13): a speech act without a clause ("Die Gewerkschaft forderte
  eine Untersuchung.", "kündigte … an", "bezeichnete … als"; ``data/speech_acts.txt``) makes
  the whole sentence a reported quote of its subject; a zu-infinitive after a speech verb ("gab
  an, … bezahlt zu haben", "bestand darauf, …") and a dass-clause after a speech noun ("der
  Vorwurf, dass …"; ``data/speech_nouns.txt``, without Möglichkeit or Voraussetzung) are
  indirect quotes. In ``quotes-de/train`` only about half the sentences of the speech-act
  pattern are annotated (the annotation skips many "X forderte Y"), the infinitives 56 of 67.

Each function is pure: token indices in, token spans out. The source's noun phrase becomes a
speaker span, as if the tagger had tagged it; the ranker still chooses among all candidates,
knowing which one a rule found (it is trained on the rule quotes too).
"""

from __future__ import annotations

from collections import defaultdict

from onrecord.lang.de.features import cue_class, is_konj1
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, lexicon
from onrecord.lang.de.memo import cue_classes
from onrecord.lang.de.narration import answer_label, answer_turn_end, idiom_tokens, is_interview, turn_label
from onrecord.lang.de.tokens import PreparedDoc, Token, is_quote_mark

#: articles, possessives and prepositions that may stand inside a source's noun phrase
_NP_FUNCTION = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "eigener", "eigenen", "von", "vom", "und",
})
#: what may join a genitive or "von" complement to the head ("Angaben der Polizei")
_COMPLEMENT = frozenset({"der", "des", "eines", "einer", "von", "vom"})
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
#: words that may open a trailing attribution's noun phrase besides names and pronouns ("sagte
#: dazu der Sprecher"), and prepositions and adverbs that may follow its first name or noun
#: ("der Sprecher im Ministerium", "sagte Henderson weiter"; not "sprach von einer Gefahr")
_TAIL_ADVERBS = frozenset({
    "auch", "weiter", "dazu", "zudem", "außerdem", "ebenfalls", "abschließend", "jedoch", "aber",
    "nun", "heute", "gestern", "später", "damals", "bereits",
})
_TAIL_LEAD = _NP_FUNCTION - {"von", "vom", "und"} | _TAIL_ADVERBS
_TAIL_INNER = _NP_FUNCTION | _TAIL_ADVERBS | frozenset({"am", "im", "in", "für", "bei", "beim", "zu", "aus"})
_TAIL_MAX = 8  # tokens of noun phrase after the reporting verb
_MIN_QUOTE = 3  # tokens
_DEMONSTRATIVES = frozenset({"dies", "das", "dieses"})
#: separable verb particles (closed class) that end a main clause: "teilte … mit"
PARTICLES = frozenset({
    "ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "her", "heraus", "hervor", "hin",
    "hinzu", "los", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen", "bekannt",
})


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isalpha() and tok.text[:1].isupper() and not is_quote_mark(tok.text)


def _modifier(tok: Token) -> bool:
    """An article, possessive or inflected adjective inside a noun phrase ("der", "israelischen")."""
    return tok.lower in _NP_FUNCTION or (tok.text.isalpha() and tok.text.islower() and tok.lower.endswith(_ADJ_ENDINGS))


def noun_phrase_end(doc: PreparedDoc, i: int, limit: int) -> tuple[int, int] | None:
    """(index of the first noun, end) of a noun phrase starting at token ``i``, with one
    genitive or "von" complement ("einem Bericht des Angestellten", "Angaben der Polizei"),
    or None when no capitalised word follows within three modifiers."""
    toks = doc.tokens
    j = i
    while j < limit and j - i < 3 and not _capitalised(toks[j]) and _modifier(toks[j]):
        j += 1
    if j >= limit or not _capitalised(toks[j]):
        return None
    head = j
    while j < limit and _capitalised(toks[j]):
        j += 1
    end = j
    if j < limit and toks[j].lower in _COMPLEMENT:
        k = j + 1
        while k < limit and k - j <= 3 and not _capitalised(toks[k]) and _modifier(toks[k]):
            k += 1
        if k < limit and _capitalised(toks[k]):
            while k < limit and _capitalised(toks[k]):
                k += 1
            end = k
    return head, end


def _noun_phrase_begin(doc: PreparedDoc, i: int, limit: int) -> int | None:
    """Start of the noun phrase that ends before token ``i`` ("Der Behörde" zufolge), reaching
    back over names, nouns and modifiers only, or None without a capitalised word."""
    toks = doc.tokens
    j = i
    while j > limit and i - j < 8 and (_capitalised(toks[j - 1]) or _modifier(toks[j - 1])):
        j -= 1
    return j if any(_capitalised(t) for t in toks[j:i]) else None


def source_phrase_at(doc: PreparedDoc, i: int, limit: tuple[int, int], lex: GermanLexicon) -> tuple[int, int] | None:
    """Token range of the source phrase whose preposition is token ``i`` (within the sentence
    ``limit``), or None when token ``i`` opens none."""
    tok = doc.tokens[i]
    low = tok.lower
    if tok.quoted >= 0 or lex.cues.get(low) != "prep":
        return None
    begin, end = limit
    if low == "zufolge":
        start = _noun_phrase_begin(doc, i, begin)
        return (start, i + 1) if start is not None else None
    np = noun_phrase_end(doc, i + 1, end)
    if np is None:
        return None
    head, np_end = np
    if low != "laut" and not doc.tokens[head].lower.endswith(lex.source_nouns):
        return None
    return i, np_end


def trailing_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> int | None:
    """The index of the comma (the cue follows it) when the sentence ``[begin, end)`` ends in
    ", sagte X." or ", so X.": a comma followed by a reporting verb (or "so") and a noun phrase
    or pronoun of at most eight words, and no quote mark stands before the comma. The comma is
    the last one of the sentence, or (round 8) an earlier one whose source runs on with where,
    to whom or in what capacity it spoke (", sagte Perez vor 130 Journalisten.", ", erklärt
    Hubert Siller, Leiter des Instituts."; :func:`source_circumstances`); before such a comma
    stands a clause, not a noun phrase alone or a relative clause after the subject. Round 8: no
    sentence that a subordinate clause opens ("Als der Zug hielt, erklärte der Schaffner …")."""
    toks = doc.tokens
    commas = [k for k in range(begin + _MIN_QUOTE, end - 2) if toks[k].text == "," and toks[k].quoted < 0]
    if not commas:
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[begin : commas[-1]]):
        return None
    for k in reversed(commas):
        if k == commas[0] and _opens_with_subordinate_clause(doc, begin, end):
            return None  # "Als die Polizei kam, erklärte der Mann im Verhör …": the clause is no statement
        if k == commas[-1] and _short_source_after(doc, k, end, lex):
            return k  # (a verbless statement too: "Ein genialer Blick auf den Krieg, lobte die Zeitung.")
        if not _has_predicate(doc, begin, k, lex):
            continue  # "Der größten Stadt des Landes, Graz, droht ein massiver …": a noun phrase, no clause
        if _closes_relative_clause(doc, begin, k, lex):
            continue  # "Statistiken, auf die verwiesen wird, bekräftigen …": the sentence's own verb
        if (_reporting_word(toks[k + 1], lex) and toks[k + 1].lower != "so"
                and toks[k + 1].lemma.lower() not in _NOT_TRAILING_SPEECH
                and not is_konj1(toks[k + 1]) and source_circumstances(doc, k + 1, end, lex)):
            return k
    return None


_RELATIVE = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches"})


def _closes_relative_clause(doc: PreparedDoc, begin: int, k: int, lex: GermanLexicon) -> bool:
    """The comma ``k`` closes a relative clause that an earlier comma opened after the subject
    alone ("Auch die Zahlen, auf die … verwiesen wird, bestätigen …"): what stands before that
    comma is a noun phrase, so the verb after ``k`` is the sentence's own, not an attribution's
    ("Erstaunlich ist das Muster, das auf … hinweist, sagt X" keeps its clause)."""
    toks = doc.tokens
    prev = next((j for j in range(k - 1, begin - 1, -1) if toks[j].text == ","), None)
    if prev is None or prev + 3 >= k or _has_predicate(doc, begin, prev, lex):
        return False
    j = prev + 2 if toks[prev + 1].lower in lex.prepositions else prev + 1
    pronoun, after = toks[j], toks[j + 1]
    # a relative pronoun, not an article before its noun ("über die wirtschaftliche Lage")
    return pronoun.lower in _RELATIVE and not (_capitalised(after) or (after.text.islower() and _modifier(after)))


#: cue verbs that report knowledge or a finding, not speech, when they follow a clause ("Wie
#: schwierig es ist, weiß auch die Unternehmerin X.", "…, zeigt die Statistik")
_NOT_TRAILING_SPEECH = frozenset({
    "wissen", "zeigen", "gehen", "lassen", "stellen", "geben", "heißen", "nennen", "halten", "sehen",
    "ausgehen", "rechnen", "drohen",
})


def _has_predicate(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> bool:
    """Tokens ``[begin, end)`` hold a lower-case word that is no article, adjective or preposition
    (a verb, so a clause; not "Der drittgrößten Volkswirtschaft der Erde, Japan"): a word with
    an adjective's ending counts when its lemma is an infinitive, another word ("gebe" →
    "geben") or the word itself not before a noun ("Wir bleiben bei …")."""
    toks = doc.tokens
    return any(
        t.text.isalpha() and t.text.islower() and t.lower not in _NP_FUNCTION and t.lower not in lex.prepositions
        and (not _modifier(t) or (t.lemma.lower().endswith(("en", "ern", "eln"))
                                  and (t.lemma.lower() != t.lower or not _capitalised(toks[t.i + 1]))))
        for t in toks[begin:end]
    )


def trailing_source(doc: PreparedDoc, verb: int, end: int, lex: GermanLexicon) -> tuple[int, int]:
    """The source of a trailing attribution whose reporting verb is ``verb``: the noun phrase or
    pronoun after it without its circumstances ("Perez", not "Perez vor 130 Journalisten"); in a
    short attribution it ends with its last name, noun or pronoun ("die Anwältin", not "…
    weiter")."""
    toks = doc.tokens
    if _short_source_after(doc, verb - 1, end, lex):
        last = max(i for i in range(verb + 1, end) if _capitalised(toks[i]) or toks[i].lower in lex.pronouns)
        return verb + 1, last + 1
    np_end = _source_np_end(doc, verb + 1, end, lex)
    start = verb + 1
    while start < end and toks[start].lower in _TAIL_ADVERBS:
        start += 1
    return (start, np_end) if np_end is not None else (verb + 1, verb + 1)


def _reporting_word(tok: Token, lex: GermanLexicon) -> bool:
    """A reporting verb of the cue lexicon (or of :data:`_TRAILING_SPEECH`: "titelte") or "so"."""
    return tok.quoted < 0 and tok.text.islower() and (
        tok.lower == "so" or cue_class(tok, lex) == "verb" or tok.lemma.lower() in _TRAILING_SPEECH
        or bool(_weak_verb_lemmas(tok.lower) & _TRAILING_SPEECH)
    )


#: speech verbs of a trailing attribution besides the cue lexicon's ("…, titelte die Zeitung.")
_TRAILING_SPEECH = frozenset({"erzählen", "titeln", "schildern", "kommentieren", "twittern", "posten"})


def _short_source_after(doc: PreparedDoc, k: int, end: int, lex: GermanLexicon) -> bool:
    """The comma ``k`` is followed by a reporting verb (or "so") and a noun phrase or pronoun of
    at most eight words up to the end of the sentence ("…, sagte die Anwältin weiter.")."""
    toks = doc.tokens
    if not _reporting_word(toks[k + 1], lex):
        return False
    body = [t for t in toks[k + 2 : end] if t.text not in (".", "!", "?")]
    if not body or len(body) > _TAIL_MAX:
        return False
    first = next((n for n, t in enumerate(body) if _capitalised(t) or t.lower in lex.pronouns), None)
    if first is None or not all(t.lower in _TAIL_LEAD for t in body[:first]):
        return False
    return all(_capitalised(t) or t.lower in _TAIL_INNER or t.lower in lex.pronouns for t in body[first:])


#: conjunctions that open a subordinate clause: a sentence that opens with one has its main clause
#: after the comma ("Als die Polizei kam, erklärte der Mann …")
_SUBORDINATORS = frozenset({
    "nachdem", "wenn", "weil", "obwohl", "bevor", "seitdem", "sobald", "falls", "indem", "sofern", "solange",
    "ehe", "sooft", "obgleich",
})
#: words after "Als" that make it a conjunction ("Als der Zug hielt"), not a preposition ("Als Trainer …")
_ALS_CLAUSE = frozenset({"der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "man", "ihr"})


def _opens_with_subordinate_clause(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The sentence opens with a subordinating conjunction ("Nachdem …", "Als der Zug hielt, …";
    not the adverb "Da" or a preposition like "Seit Jahren", "Als Trainer")."""
    toks = doc.tokens
    first = toks[begin].lower
    return first in _SUBORDINATORS or (first == "als" and begin + 1 < end and toks[begin + 1].lower in _ALS_CLAUSE)
#: words that open a clause of its own, not a circumstance of the source
_CLAUSE_OPENERS = frozenset({"dass", "daß", "ob", "weil", "wenn", "obwohl", "damit", "sodass", "denn"})
_CIRCUMSTANCE_MAX = 30  # tokens of a source with its circumstances after the reporting verb


def _source_np_end(doc: PreparedDoc, i: int, end: int, lex: GermanLexicon) -> int | None:
    """End of the source right after a trailing reporting verb: a personal pronoun, or a noun
    phrase of names, nouns and their modifiers ("Spaniens auflagenstärkste Zeitung", "das
    Branchenmedium atmedia.at"), after optional adverbs ("damals das Pew Research Center")."""
    toks = doc.tokens
    j = i
    while j < end and toks[j].lower in _TAIL_ADVERBS:
        j += 1
    if j >= end:
        return None
    if toks[j].lower in lex.pronouns and toks[j].lower not in ("es", "man"):
        return j + 1
    if toks[j].lower in _NOT_SUBJECT or not (_capitalised(toks[j]) or toks[j].lower in _NP_FUNCTION):
        return None  # "sprach von einer Gefahr", "werfe einen Schatten": the verb's object, no source
    k = j
    while k < end and (_capitalised(toks[k]) or _modifier(toks[k]) or _web_name(toks[k])):
        k += 1
    if not any(_capitalised(t) for t in toks[j:k]) or not _capitalised(toks[k - 1]) and not _web_name(toks[k - 1]):
        return None
    return k


#: words that open an object or a prepositional phrase, never the subject after the verb
_NOT_SUBJECT = frozenset({"von", "vom", "und", "dem", "einem", "einen", "den", "diesen", "keinen"})


def _web_name(tok: Token) -> bool:
    """A web address as a name ("atmedia.at", "derStandard.at")."""
    return "." in tok.text[1:-1] and tok.text.replace(".", "").replace("-", "").isalnum()


def source_circumstances(doc: PreparedDoc, verb: int, end: int, lex: GermanLexicon) -> bool:
    """Tokens ``[verb + 1, end)`` after a reporting verb are a source and the circumstances of
    its statement: the source (see :func:`_source_np_end`), then where, to whom or as what it
    spoke, opening with a preposition ("vor 130 Journalisten", "zur APA", "gegenüber
    TheIntercept", "vom Institut für Virologie"), an apposition in commas or brackets (",
    Leiter des Instituts", "(DZIF)") or an adverb; with no clause of its own (no conjunction
    like "dass", no object like "den Plan" or "nichts"), and a separable particle at the end
    only when it makes a reporting verb (", teilte X mit")."""
    toks = doc.tokens
    i = verb + 1
    stop = end
    while stop > i and toks[stop - 1].text in (".", "!", "?"):
        stop -= 1
    if stop - i > _CIRCUMSTANCE_MAX:
        return False
    np_end = _source_np_end(doc, i, stop, lex)
    if np_end is None:
        return False
    rest = toks[np_end:stop]
    if not rest:
        return True
    opener = rest[0]
    if not (opener.lower in lex.prepositions or opener.text in (",", "(", "–") or opener.lower in _TAIL_ADVERBS):
        return False
    if any(t.lower in _CLAUSE_OPENERS or t.lower in _ACCUSATIVE or t.lower == "nichts" for t in rest):
        return False
    last = rest[-1]
    if last.lower in PARTICLES and last.text.islower() and last.lower + toks[verb].lemma.lower() not in lex.cues:
        return False  # "…, geht X auf Y zurück": no reporting verb with its particle
    # no second predicate: "und" joins nouns ("und vom Deutschen Zentrum"), not a verb ("und ging")
    for a, b in zip(rest, rest[1:], strict=False):
        joins_verb = b.text.islower() and not (_modifier(b) or b.lower in lex.prepositions)
        if a.lower in ("und", "oder", "aber") and joins_verb:
            return False
    return True


def pronoun_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> int | None:
    """The reporting verb's index when the sentence ``[begin, end)`` opens with "Dies"/"Das"
    and a reporting verb ("Dies gab die Vereinsführung bekannt.", "Das berichten arabische
    Medien.") or is an opinion ("Das ist die Ansicht von Y.", whose cue is the noun): the pronoun
    stands for the sentence before it, which is the statement."""
    toks = doc.tokens
    if end - begin < 3 or toks[begin].lower not in _DEMONSTRATIVES or toks[begin].quoted >= 0:
        return None
    verb = toks[begin + 1]
    if (verb.lower in _COPULAS and end - begin > 4 and toks[begin + 2].lower in ("die", "eine")
            and toks[begin + 3].text in _OPINIONS and toks[begin + 4].lower in ("von", "vom", "des", "der")):
        return begin + 3  # "Das ist die Ansicht von Finanzexperte Karl Huber."
    if cue_class(verb, lex) != "verb" or not verb.text.islower():
        return None
    # a separated particle must make a reporting verb with it: "gab … bekannt", "teilte … mit",
    # not "geht auf eine Tradition zurück"
    words = [t for t in toks[begin + 2 : end] if t.text.isalpha()]
    if words and words[-1].lower in PARTICLES and words[-1].lower + verb.lemma.lower() not in lex.cues:
        return None
    return begin + 1


#: forms of "sein" that join a speaker and an opinion noun ("X ist der Meinung, dass …")
_COPULAS = frozenset({"ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bin", "bleibt", "blieb"})
#: verbs that hold an opinion as their object ("X vertritt die Ansicht, dass …")
_HOLD_VERBS = frozenset({"vertritt", "vertrat", "vertreten", "teilt", "teilte", "teilen"})
#: opinion nouns whose holder is a speaker ("der Meinung", "die Ansicht von X")
_OPINIONS = frozenset({"Meinung", "Ansicht", "Auffassung", "Überzeugung", "Einschätzung", "Position", "Sicht"})


def lone_demonstrative(doc: PreparedDoc, span: TokenSpan) -> bool:
    """A tagged quote that is only the pronoun "Das"/"Dies" of "Das berichtete Y." or "Das ist die
    Ansicht von Y." (the statement is the sentence before it)."""
    return span.cls in QUOTE_CLASSES and span.end - span.begin == 1 and doc.tokens[span.begin].lower in _DEMONSTRATIVES


def opinion_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int, int, int] | None:
    """(source begin, source end, opinion noun, quote begin) when the sentence ``[begin, end)``
    says "X ist der Meinung, dass …" / "X vertritt die Ansicht, dass …" ("Daher ist der Minister
    der Auffassung, dass …"): the dass-clause is X's statement. The opinion noun is no speaker."""
    toks = doc.tokens
    for k in range(begin + 1, end - 3):
        if not (toks[k].lower in ("der", "die") and toks[k + 1].text in _OPINIONS and toks[k + 2].text == ","
                and toks[k + 3].lower in ("dass", "daß")):
            continue
        verb = next((v for v in range(k - 1, max(begin, k - 4) - 1, -1)
                     if toks[v].lower in _COPULAS or toks[v].lower in _HOLD_VERBS), None)
        if verb is None or (toks[k].lower == "der") != (toks[verb].lower in _COPULAS):
            return None
        if verb > begin:  # the holder before the verb: "Der Minister ist …", "Er ist …"
            if verb == begin + 1 and toks[begin].lower in lex.pronouns:
                return begin, verb, k + 1, k + 3
            np = noun_phrase_end(doc, begin, verb)
            if np is not None and np[1] == verb and any(t.lemma[:1].isupper() for t in toks[begin:verb]):  # not "Daher"
                return begin, verb, k + 1, k + 3
        np = noun_phrase_end(doc, verb + 1, k)  # after it: "Daher ist der Minister der Meinung"
        if np is not None and np[1] == k:
            return verb + 1, k, k + 1, k + 3
        if verb + 2 == k and toks[verb + 1].lower in lex.pronouns:
            return verb + 1, verb + 2, k + 1, k + 3
        return None
    return None


def _around(doc: PreparedDoc, begin: int, end: int, lo: int, hi: int) -> list[TokenSpan]:
    """The sentence ``[begin, end)`` without tokens ``[lo, hi)``, as indirect quote parts."""
    parts = []
    for part in (TokenSpan("IQ", begin, lo), TokenSpan("IQ", hi, end)):
        kept = trim(doc, part)
        if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
            parts.append(kept)
    return parts


def rule_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Indirect quotes (with their cues and sources) for sentences without any tagged quote.

    A source phrase found by the lexicon, or a source preposition the tagger tagged as a cue
    together with the speaker tagged beside it, makes the rest of the sentence a quote; else a
    trailing attribution makes the clause before it one; else a "Dies <reporting verb>"
    sentence makes the sentence before it one. Cue and speaker spans are added where the
    tagger tagged none."""
    lex = lexicon()
    toks = doc.tokens
    quoted = {
        toks[i].sent for sp in spans if sp.cls in QUOTE_CLASSES and not lone_demonstrative(doc, sp)
        for i in range(sp.begin, sp.end)
    }
    cue_starts = {sp.begin for sp in spans if sp.cls == "CUE"}
    # the tagger's cues and speakers by sentence (each under every sentence it touches), so that
    # a long article is not scanned once per sentence
    by_sent: dict[int, list[TokenSpan]] = defaultdict(list)
    for sp in spans:
        if sp.cls in ("CUE", "SPK"):
            for s in range(toks[sp.begin].sent, toks[sp.end - 1].sent + 1):
                by_sent[s].append(sp)
    out: list[TokenSpan] = []
    answered: set[int] = set()  # sentences of an interview answer made one quote below
    interview = is_interview(doc)

    for s_idx, (b, e) in enumerate(doc.sentences):
        if s_idx in quoted and s_idx not in answered:
            out.extend(_cueless_trailing_source(doc, b, e, spans, by_sent.get(s_idx, []), cue_starts, lex))
            rest = colon_remainder(doc, b, e, spans)
            if rest is not None:
                out.append(rest)
        if s_idx in quoted or s_idx in answered:
            continue
        local = by_sent.get(s_idx, [])
        answer = interview_answer(doc, s_idx, quoted) if interview else None
        if answer is not None:
            (lab_b, lab_e), end = answer
            kept = trim(doc, TokenSpan("DQ", lab_e + 1, end))
            if kept is not None:
                answered |= {toks[i].sent for i in range(b, end)}
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, lab_e, lab_b, lab_e))
                continue
        phrase = next((p for i in range(b, e) if (p := source_phrase_at(doc, i, (b, e), lex)) is not None), None)
        # the tagger's own source cue (the lower-cased word, not cue_class(): the lemma of a
        # sentence-initial "Laut" is the noun) with the speaker it tagged beside it
        cue = next(
            (c for c in local if c.cls == "CUE" and b <= c.begin < e and lex.cues.get(toks[c.begin].lower) == "prep"),
            None,
        )
        if cue is not None:
            near = [sp for sp in local if sp.cls == "SPK" and b <= sp.begin < e
                    and (cue.end <= sp.begin <= cue.end + 1 or cue.begin - 1 <= sp.end <= cue.begin)]
            lo = min([cue.begin] + [sp.begin for sp in near])
            hi = max([cue.end] + [sp.end for sp in near])
            if phrase is not None and phrase[0] < hi and lo < phrase[1]:
                lo, hi = min(lo, phrase[0]), max(hi, phrase[1])
            phrase = (lo, hi)
        if phrase is not None:
            lo, hi = phrase
            parts = _around(doc, b, e, lo, hi)
            if parts:
                out.extend(parts)
                prep = next((i for i in range(lo, hi) if lex.cues.get(toks[i].lower) == "prep"), lo)
                source = (lo, prep) if prep + 1 == hi else (prep + 1, hi)
                out.extend(_cue_and_source(local, cue_starts, prep, *source))
            continue
        opinion = opinion_attribution(doc, b, e, lex)
        if opinion is not None:
            src_b, src_e, noun, q_b = opinion
            kept = trim(doc, TokenSpan("IQ", q_b, e))
            if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, noun, src_b, src_e))
                continue
        colon = colon_attribution(doc, b, e, lex, cue_starts_in(local, b, e))
        if colon is not None:
            cue_at, q_b = colon
            kept = trim(doc, TokenSpan("DQ", q_b, e))  # direct speech whose marks were stripped
            if kept is not None:
                out.append(kept)
                src = _speech_subject(doc, b, e, cue_at, lex)
                s_end = _subject_end(doc, b, cue_at, lex)
                if src is None and s_end is not None and toks[s_end].text.islower():
                    src = (b, s_end)  # "Der Bub kommt aus Luhansk und erzählt: …"
                if toks[cue_at].lower == "so":  # ", so Grundnig: …"
                    np = noun_phrase_end(doc, cue_at + 1, q_b - 1)
                    src = (cue_at + 1, np[1]) if np is not None else None
                out.extend(_cue_and_source(local, cue_starts, cue_at, *(src or (cue_at, cue_at))))
                continue
        comma = trailing_attribution(doc, b, e, lex)
        if comma is not None:
            verb = comma + 1
            kept = trim(doc, TokenSpan("IQ", b, comma)) if comma - b >= _MIN_QUOTE else None
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, verb, *trailing_source(doc, verb, e, lex)))
            continue
        wie = wie_attribution(doc, b, e, lex)
        if wie is not None:
            comma, verb, src_e = wie
            kept = trim(doc, TokenSpan("IQ", b, comma))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, verb, comma + 2, src_e))
                continue
        infinitive = infinitive_attribution(doc, b, e, lex)
        if infinitive is not None:
            verb, q_b = infinitive
            kept = trim(doc, TokenSpan("IQ", q_b, e))
            if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
                out.append(kept)
                src = _speech_subject(doc, b, e, verb, lex)
                out.extend(_cue_and_source(local, cue_starts, verb, *(src or (verb, verb))))
                continue
        noun_clause = speech_noun_attribution(doc, b, e, lex)
        if noun_clause is not None:
            noun, q_b = noun_clause
            kept = trim(doc, TokenSpan("IQ", q_b, e))
            if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
                out.append(kept)
                src = speech_noun_source(doc, noun, b, e, lex)
                out.extend(_cue_and_source(local, cue_starts, noun, *(src or (noun, noun))))
                continue
        act = speech_act_attribution(doc, b, e, lex)
        if act is not None:
            term = predicate_term(doc, act[2], e, lex)
            kept = term if term is not None else trim(doc, TokenSpan("RQ", b, e))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, act[2], act[0], act[1]))
            continue
        verb_at = pronoun_attribution(doc, b, e, lex)
        if verb_at is None:
            said = quoted | {toks[sp.begin].sent for sp in out if sp.cls in QUOTE_CLASSES}
            tagged_cue = any(sp.cls == "CUE" and b <= sp.begin < e for sp in local)
            cont = continuation_quote(doc, s_idx, said, lex) if not tagged_cue else None
            if cont is None and not tagged_cue:
                cont = direct_continuation(doc, s_idx, [*spans, *out], lex)
            if cont is not None:
                out.append(cont)
            continue
        if verb_at is not None and s_idx > 0 and s_idx - 1 not in quoted:
            pb = doc.sentences[s_idx - 1][0]
            # same paragraph: a headline or dateline line above is nobody's statement
            if b - pb >= _MIN_QUOTE and toks[pb].para == toks[b].para and not any(t.quoted >= 0 for t in toks[pb:b]):
                # the statement is the sentence before (the corpus also marks the pronoun "Dies";
                # a reader wants the sentence alone, and the pronoun is a few characters)
                kept = trim(doc, TokenSpan("IQ", pb, b))
                if kept is None:
                    continue
                out.append(kept)
                np = noun_phrase_end(doc, verb_at + 1, e)
                source_end = np[1] if np is not None else verb_at + 1  # no noun phrase: no source span
                out.extend(_cue_and_source(local, cue_starts, verb_at, verb_at + 1, source_end))
        elif verb_at is not None and s_idx > 0 and toks[doc.sentences[s_idx - 1][0]].para == toks[b].para:
            # the tagger found the statement before ("Die Mieten würden steigen. Das ist die Ansicht
            # von X."): the source of this sentence is its speaker, as a rule source (it may have
            # tagged "die Ansicht von X" as one, which names no one the ranker trusts)
            np = noun_phrase_end(doc, verb_at + 1, e)
            if np is not None:
                begin = np[0] if toks[verb_at + 1].lower in ("von", "vom") else verb_at + 1
                out.append(TokenSpan("SPK", begin, np[1]))
                if verb_at not in cue_starts:
                    out.append(TokenSpan("CUE", verb_at, verb_at + 1))
    return out


#: auxiliaries after the participle that closes a "wie" attribution (", wie X bestätigt hat.")
_WIE_AUX = frozenset({"hat", "hatte", "haben", "hatten", "ist", "war", "wurde", "worden"})
_WIE_MAX = 20  # tokens between "wie" and the reporting verb


def wie_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int, int] | None:
    """(comma, reporting verb, end of the source) when the sentence ``[begin, end)`` ends in a
    comparative attribution whose verb closes it (", wie Alan Stern, Direktor des Missionsrats,
    betont.", ", wie der Konzern am Freitag bestätigte."): "wie", a noun phrase that names the
    source (not "wie berichtet", "wie erwartet": no source), at most twenty words, and a reporting
    verb of the cue lexicon (not one of knowledge or finding: "wie die Statistik zeigt") at the
    end, perhaps with its auxiliary; before the comma stands a clause without quote marks."""
    toks = doc.tokens
    stop = end
    while stop > begin and toks[stop - 1].text in (".", "!", "?"):
        stop -= 1
    commas = [k for k in range(begin + _MIN_QUOTE, stop - 3)
              if toks[k].text == "," and toks[k + 1].lower == "wie" and toks[k].quoted < 0]
    if not commas:
        return None
    k = commas[-1]
    verb = stop - 1
    if toks[verb].lower in _WIE_AUX and verb - 1 > k + 2:
        verb -= 1
    v = toks[verb]
    if verb - (k + 2) > _WIE_MAX or not v.text.islower() or v.quoted >= 0:
        return None
    lemma = v.lemma.lower()
    if not (cue_class(v, lex) == "verb" or lemma in _TRAILING_SPEECH) or lemma in _NOT_TRAILING_SPEECH:
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[begin:stop]):
        return None
    if _opens_with_subordinate_clause(doc, begin, end) or not _has_predicate(doc, begin, k, lex):
        return None
    if any(t.lower in ("so", "genauso", "ebenso", "anders") for t in toks[max(begin, k - 3) : k]):
        return None  # "nicht so schnell, wie es der Vorstand versprochen hat": a comparison
    np = noun_phrase_end(doc, k + 2, verb)
    if toks[k + 2].lower in lex.pronouns and toks[k + 2].lower not in ("es", "man"):
        return k, verb, k + 3
    if np is None or np[0] > k + 4:
        return None
    return k, verb, np[1]


def _cueless_trailing_source(
    doc: PreparedDoc, b: int, e: int, spans: list[TokenSpan], local: list[TokenSpan], cue_starts: set[int],
    lex: GermanLexicon,
) -> list[TokenSpan]:
    """The cue and source of a trailing attribution (", sagt Andreas Braun, ehemals Direktor …")
    in a sentence where the tagger tagged a quote before it but no cue: without them the quote
    fails the evidence bar of :func:`onrecord.lang.de.attribution.attested`."""
    toks = doc.tokens
    if any(sp.cls == "CUE" and b <= sp.begin < e for sp in local):
        return []
    comma = trailing_attribution(doc, b, e, lex)
    if comma is None or not any(
        sp.cls in QUOTE_CLASSES and b <= sp.begin < comma and comma - 1 <= sp.end - 1 <= comma + 1 for sp in spans
    ):
        return []
    if toks[comma + 1].lower == "so":
        return []  # the tagger reads ", so X" itself
    return _cue_and_source(local, cue_starts, comma + 1, *trailing_source(doc, comma + 1, e, lex))


_CONTINUATION_GAP = 2  # sentences between a statement and the sentence that continues it


def speech_mood(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Tokens ``[begin, end)`` are someone's speech by their mood: a verb in Konjunktiv I outside a
    mood idiom or quote marks ("Vorgängermodelle seien fast genauso gut.")."""
    idiom = idiom_tokens(doc, begin, end)
    first = _sentence_start(doc, begin)
    # a verb in Konjunktiv I that opens its sentence is concessive or optative ("Sei das nun …")
    return any(
        is_konj1(t) and t.quoted < 0 and t.i not in idiom and t.i != first
        and (not t.lower.endswith("te") or t.lower in _KONJ1_TE)
        for t in doc.tokens[begin:end]
    )


#: Konjunktiv I forms in "-te" (of verbs whose stem ends in t): any other "-te" form may be a
#: preterite the lemma table took for one ("raste" → "rasten", not "rasen")
_KONJ1_TE = frozenset({
    "gelte", "halte", "erhalte", "enthalte", "verhalte", "behalte", "bitte", "arbeite", "leiste", "warte",
    "erwarte", "achte", "beachte", "betrachte", "fürchte", "richte", "berichte", "vertrete", "trete",
    "biete", "bedeute", "leite", "rate", "berate", "gestalte", "teste", "bereite", "deute", "starte",
    "beobachte", "verbreite", "vermute", "bewerte",
})


def _after_statement(doc: PreparedDoc, s_idx: int, said: set[int]) -> bool:
    """One of the two sentences before ``s_idx`` (in the same or the previous paragraph) holds a quote."""
    toks = doc.tokens
    para = toks[doc.sentences[s_idx][0]].para
    return any(s_idx - k in said and para - toks[doc.sentences[s_idx - k][0]].para <= 1
               for k in range(1, _CONTINUATION_GAP + 1) if s_idx - k >= 0)


def continuation_quote(doc: PreparedDoc, s_idx: int, said: set[int], lex: GermanLexicon) -> TokenSpan | None:
    """The sentence ``s_idx`` (after its colon, if it has one) as a free indirect quote when it
    continues a statement without a cue of its own: one of the two sentences before it (in the
    same or the previous paragraph) holds a quote, it has no quote marks and no reporting verb,
    its mood marks it as speech (:func:`speech_mood`), and the next sentence does not end in an attribution of its own
    (then the words are that source's, named after them). The speaker is the statement's
    (:func:`onrecord.lang.de.attribution.continues_statement`)."""
    toks = doc.tokens
    b, e = doc.sentences[s_idx]
    if e - b < _MIN_QUOTE or any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[b:e]):
        return None
    if not _after_statement(doc, s_idx, said):
        return None
    # a narrating clause before a colon is the writer's ("… vermisst man jede Grundlage: Das stimmt nicht")
    colon = next((k for k in range(b + 1, e - _MIN_QUOTE) if toks[k].text == ":"), None)
    if colon is not None:
        b = colon + 1
    if not speech_mood(doc, b, e) or any(
        cue_class(t, lex) == "verb" and t.text.islower() and t.lemma.lower() not in _NOT_SPEECH and not is_konj1(t)
        for t in toks[b:e]
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
        is_konj1(t) or t.lower in _KONJ2 for t in toks[span.begin : after.i]
    )


#: Konjunktiv II forms that mark reported speech as well ("hätten", "würde", "wäre")
_KONJ2 = frozenset({
    "hätte", "hätten", "hättest", "würde", "würden", "wäre", "wären", "könnte", "könnten", "müsste",
    "müssten", "sollte", "sollten", "dürfte", "dürften",
})


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
    if any(cue_class(t, lex) == "verb" and t.text.islower() and t.lemma.lower() not in _NOT_SPEECH for t in toks[b:e]):
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


def _cue_and_source(
    local: list[TokenSpan], cue_starts: set[int], cue: int, begin: int, end: int
) -> list[TokenSpan]:
    """The one-word cue span, unless the tagger tagged a cue there, and the source's noun phrase
    ``[begin, end)`` as a speaker span, unless it is empty or the tagger tagged a speaker on it."""
    out = [] if cue in cue_starts else [TokenSpan("CUE", cue, cue + 1)]
    if end > begin and not any(sp.cls == "SPK" and sp.begin < end and begin < sp.end for sp in local):
        out.append(TokenSpan("SPK", begin, end))
    return out




#: auxiliaries of the perfect: "X hat … gefordert" (the speech act is the participle at the end)
_PERFECT_AUX = frozenset({"hat", "hatte", "haben", "hatten", "habe", "hätte"})
_ADVERBIAL_MAX = 6  # tokens of an adverbial before the finite verb ("Am Montag forderte X …")


def _speech_act_lemma(doc: PreparedDoc, v: int, end: int, last: Token, lex: GermanLexicon) -> str | None:
    """The speech-act lemma of the finite verb at ``v`` ("forderte" → "fordern", "kündigte … an"
    → "ankündigen", "hat … gefordert" → "fordern"), checked against its needed and excluded
    words after it, else None."""
    toks = doc.tokens
    verb = toks[v]
    if not verb.text.islower() or not verb.text.isalpha():
        return None
    if verb.lower in _PERFECT_AUX:
        lemma = last.lemma.lower() if last.i > v else ""
        before = toks[last.i - 1] if last.i - 1 > v else None
        if before is not None and before.lower in PARTICLES and before.lower + lemma in lex.speech_acts:
            lemma = before.lower + lemma  # "hat … bekannt gegeben"
    elif last.lower in PARTICLES and last.i > v:
        lemma = last.lower + verb.lemma.lower()
    else:
        lemma = verb.lemma.lower()
    entry = lex.speech_acts.get(lemma)
    if entry is None:
        return None
    needs, nots = entry
    after = {t.lower for t in toks[v + 1 : end]}
    sentence = {t.text for t in toks[_sentence_start(doc, v) : end]}  # "Zwölf Todesopfer forderte ein Taifun"
    if (needs and not needs & after) or nots & sentence:
        return None
    return lemma


def _subject_end(doc: PreparedDoc, i: int, end: int, lex: GermanLexicon) -> int | None:
    """End of a subject noun phrase or personal pronoun starting at token ``i`` ("Der Minister",
    "Er"; not an adverb like "Unterdessen", not "es"/"man"/"Dies")."""
    toks = doc.tokens
    low = toks[i].lower
    pronoun = low in _DEMONSTRATIVES and not _article_before_noun(doc, i, end)
    if pronoun or low in ("es", "man") or low in lex.prepositions:
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
    return i + 1 < end and _capitalised(doc.tokens[i + 1]) and doc.tokens[i + 1].lemma[:1].isupper()


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
    if end - begin < 4 or (toks[begin].lower in _DEMONSTRATIVES and not _article_before_noun(doc, begin, end)):
        return None  # "Dies gab X bekannt": the sentence before is the statement
    if _quoted_speech(doc, begin, end):
        return None
    words = [t for t in toks[begin:end] if t.text.isalpha()]
    if not words:
        return None
    last = words[-1]
    s_end = _speech_act_subject_end(doc, begin, end, lex)
    if s_end is not None and s_end < end and _speech_act_lemma(doc, s_end, end, last, lex) is not None:
        return begin, s_end - (toks[s_end - 1].text == ","), s_end  # the apposition's closing comma is no part
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
    while s_end is not None and s_end + 1 < end and toks[s_end].lower in ("und", "sowie"):
        more = _subject_end(doc, s_end + 1, end, lex)
        if more is None:
            break
        s_end = more
    if s_end is not None and s_end < end and toks[s_end].text == ",":
        stop = min(end, s_end + _INSERT_MAX + 1)
        close = next((k for k in range(s_end + 1, stop) if toks[k].text in CLAUSE_PUNCT), None)
        if close is not None and toks[close].text == "," and close > s_end + 1 and close + 1 < end:
            return close + 1
    return s_end


CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "–", "—"})
#: words that open an object, never a subject, after the verb
_ACCUSATIVE = frozenset({"einen", "den", "ihn", "seinen", "ihren", "unseren", "keinen", "diesen"})


#: verbs that take a zu-infinitive as what was said besides the cue lexicon's ("bestand darauf, …")
_INFINITIVE_VERBS = frozenset({"bestehen", "versprechen", "bestreiten", "leugnen", "beteuern", "drohen", "ablehnen"})
#: words that open a clause after the comma that is no infinitive complement of the verb
#: (a relative clause ends in its finite verb, not in a zu-infinitive, so articles may open it)
_NOT_COMPLEMENT = frozenset({"dass", "daß", "ob", "weil", "da", "wie", "wenn", "als", "um", "denen", "deren",
                             "dessen", "welche", "welcher", "was", "wo"})
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
        owner = noun_phrase_end(doc, j + 1, end) if toks[j].lower in _COMPLEMENT else None
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
    if noun + 1 < end and toks[noun + 1].lower in _COMPLEMENT:
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
    finite = next(
        (i for i in range(begin + 1, verb + 1) if toks[i].text.islower() and toks[i].text.isalpha()
         and (i == verb or toks[i].lower in _PERFECT_AUX)),
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


def _sentence_start(doc: PreparedDoc, i: int) -> int:
    return doc.sentences[doc.tokens[i].sent][0]


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
    cue = next((k for k in range(colon - 1, max(begin, colon - _COLON_CUE_GAP) - 1, -1)
                if toks[k].text.islower() and toks[k].lemma.lower() not in _NOT_SPEECH and k not in idiom
                and (cue_class(toks[k], lex) in ("verb", "conj") or toks[k].lemma.lower() in _COLON_SPEECH)), None)
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


def _weak_verb_lemmas(word: str) -> set[str]:
    """Infinitives a weak verb form may belong to when the lemma table does not know it
    ("titelte" → "titeln", "twitterte" → "twittern", "postete" → "posten")."""
    out: set[str] = set()
    for ending in ("eten", "ete", "ten", "te", "et", "t"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out |= {stem + "en", stem + "n"}
    return out


def _attributive(doc: PreparedDoc, k: int, begin: int) -> bool:
    """Token ``k`` is a participle or adjective before its noun ("lange versprochenen Features"):
    an inflected lower-case word between a modifier (or comma) and a capitalised word."""
    toks = doc.tokens
    if k + 1 >= len(toks) or k <= begin or not toks[k].text.islower():
        return False
    before = toks[k - 1]
    return (toks[k].lower.endswith(_ADJ_ENDINGS) and _capitalised(toks[k + 1])
            and (before.text == "," or (before.text.islower() and _modifier(before))))


def _speech_noun(tok: Token, lex: GermanLexicon) -> bool:
    """A noun that names a statement, alone or as the head of a compound ("Appell",
    "Eröffnungsrede", "Stellungnahme")."""
    if not _capitalised(tok) or tok.quoted >= 0:
        return False
    low = tok.lower
    return any(low.endswith(n.lower()) for n in (*lex.speech_nouns, *_COLON_NOUNS)) or lex.cues.get(tok.text) == "noun"


def _colon_speech_word(
    doc: PreparedDoc, begin: int, colon: int, idiom: set[int], tagged_cues: frozenset[int], lex: GermanLexicon
) -> int | None:
    """The speech word of a clause before a colon further from it than the nearest cue search
    reaches, or one the cue lexicon lacks (round 8): a cue the tagger tagged ("Mikl-Leitner
    formulierte schon klar: …"), a speech verb of :data:`_COLON_SPEECH` by a guessed lemma
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
        if tok.text.islower() and tok.text.isalpha() and (
            tok.lemma.lower() in _COLON_SPEECH or _weak_verb_lemmas(tok.lower) & _COLON_SPEECH
        ):
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


#: speech verbs that introduce a statement after a colon besides the cue lexicon's (which the
#: tagger's features use, so it is left as trained)
_COLON_SPEECH = frozenset({
    "erzählen", "titeln", "schildern", "resümieren", "bilanzieren", "kommentieren",
    # round 8: speech verbs of social media and of advocacy ("twitterte:", "plädiert für …:")
    "twittern", "posten", "formulieren", "plädieren",
})
#: heads of compound nouns that name a statement before a colon ("Eröffnungsrede", "Grußbotschaft")
_COLON_NOUNS = ("Rede", "Appell", "Botschaft", "Statement", "Worten", "Fazit", "Resümee", "Devise", "Parole")
#: tokens between a colon and a speech word further back than the nearest cue search
_COLON_CLAUSE_MAX = 12
#: tokens between a cue and its colon ("räumt aber gleich ein:", "titelte in einer Aussendung:")
_COLON_CUE_GAP = 5
#: verbs of the cue lexicon that are no speech verbs on their own (they cue speech only with a
#: clause: "sieht es so", "geht davon aus"), so a colon after them introduces no statement
_NOT_SPEECH = frozenset({
    "sehen", "halten", "denken", "finden", "wissen", "zeigen", "ausgehen", "gehen", "heißen", "lassen",
    "stellen", "geben", "rechnen", "erwarten", "schätzen", "hoffen", "glauben", "nennen", "wie",
})


def split_at_source_phrases(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """Tagged quotes that run over a second source phrase after a comma or semicolon ("Die Tat sei
    gegen den Rektor gerichtet; nach Behördenangaben stecke keine Terrortat dahinter.") split
    there: the words after the phrase are that source's statement. Returns the spans with such
    quotes split, and the cue and source spans of the new quotes (as rule spans)."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    extra: list[TokenSpan] = []
    for sp in spans:
        cut = None
        if sp.cls in ("IQ", "FQ"):
            for i in range(sp.begin + _MIN_QUOTE, sp.end - _MIN_QUOTE):
                if toks[i - 1].text not in (",", ";") or toks[i].quoted >= 0:
                    continue
                b, e = doc.sentences[toks[i].sent]
                phrase = source_phrase_at(doc, i, (b, e), lex)
                if phrase is not None and phrase[0] == i and phrase[1] + _MIN_QUOTE <= sp.end:
                    cut = phrase
                    break
        if cut is None:
            out.append(sp)
            continue
        first = trim(doc, TokenSpan(sp.cls, sp.begin, cut[0]))
        second = trim(doc, TokenSpan("IQ", cut[1], sp.end))
        out.extend(p for p in (first, second) if p is not None)
        extra.append(TokenSpan("CUE", cut[0], cut[0] + 1))
        extra.append(TokenSpan("SPK", cut[0] + 1, cut[1]))
    return out, extra


def split_at_trailing_attributions(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """Tagged indirect quotes that swallowed the trailing attribution of their sentence ("… dort
    gibt es Strukturen, sagt sie zum STANDARD.") end before it, and the attribution's cue and
    source become rule spans (unless the tagger tagged a cue in the sentence, which
    :func:`onrecord.lang.de.attribution.cut_attribution` cuts out with its speaker). What the quote
    held after the sentence stays a part of its own. Returns the spans and the new cue and source
    spans."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    extra: list[TokenSpan] = []
    cue_sents = {toks[sp.begin].sent for sp in spans if sp.cls == "CUE"}
    for sp in spans:
        cut = None
        if sp.cls in ("IQ", "FQ"):
            for s_idx in range(toks[sp.begin].sent, toks[sp.end - 1].sent + 1):
                b, e = doc.sentences[s_idx]
                if s_idx in cue_sents or e > sp.end + 1:
                    continue
                comma = trailing_attribution(doc, b, e, lex)
                if comma is not None and sp.begin + _MIN_QUOTE <= comma and toks[comma + 1].lower != "so":
                    cut = (comma, e)
                    break
        if cut is None:
            out.append(sp)
            continue
        comma, e = cut
        first = trim(doc, TokenSpan(sp.cls, sp.begin, comma))
        rest = trim(doc, TokenSpan(sp.cls, e, sp.end)) if e < sp.end else None
        out.extend(p for p in (first, rest) if p is not None)
        extra.append(TokenSpan("CUE", comma + 1, comma + 2))
        src = trailing_source(doc, comma + 1, e, lex)
        if src[1] > src[0]:
            extra.append(TokenSpan("SPK", *src))
    return out, extra

