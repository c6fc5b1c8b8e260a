"""Rule quotes, noun phrases and attributions around a sentence (:mod:`onrecord.lang.de.rules`).

The source's noun phrase (:func:`noun_phrase_end`), a **source phrase** ("Laut Polizei …",
"nach Angaben der Armee", :func:`source_phrase_at`), a **trailing attribution** ("…, sagte
Provinzgouverneur X." / "…, so der UN-Mitarbeiter.", :func:`trailing_attribution`,
:func:`trailing_source`), a **pronoun attribution** ("Dies gab die Vereinsführung bekannt.",
:func:`pronoun_attribution`), an **opinion attribution** ("Das ist die Ansicht von …",
:func:`opinion_attribution`) and ", wie X betont." (:func:`wie_attribution`). Pure functions:
token indices in, token indices or spans out.

The sets of function words in this module (articles, possessives, prepositions, conjunctions,
particles, forms of "sein") are closed grammatical classes and stay beside the rule that reads
them: each rule picks its own members of a class on purpose (which articles may open a source's
noun phrase, which conjunctions open a subordinate clause), and the open word lists (nouns,
verbs, names) are data files under ``data/``.
"""

from __future__ import annotations

from functools import cache

from onrecord.extraction.stance_lexicon import ADJECTIVE_ENDINGS
from onrecord.lang.de.features import cue_class, is_konj1
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, word_endings, word_set
from onrecord.lang.de.tokens import CLAUSE_PUNCT, PreparedDoc, Token, is_quote_mark

__all__ = [
    "COMPLEMENT_LEADS",
    "PARTICLES",
    "lone_demonstrative",
    "noun_phrase_end",
    "opinion_attribution",
    "pronoun_attribution",
    "source_circumstances",
    "source_end",
    "source_name_tails",
    "source_phrase_at",
    "trailing_attribution",
    "trailing_source",
    "wie_attribution",
]


#: articles, possessives and prepositions that may stand inside a source's noun phrase
_NP_FUNCTION = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "eigener", "eigenen", "von", "vom", "und",
})
#: what may join a genitive or "von" complement to the head ("Angaben der Polizei")
COMPLEMENT_LEADS = frozenset({"der", "des", "eines", "einer", "von", "vom"})
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


def _tail_adverb(tok: Token) -> bool:
    """An adverb that may open a trailing attribution's noun phrase ("sagte dazu der Sprecher") or
    follow its first name or noun ("sagte Henderson weiter"): ``data/tail_adverbs.txt``."""
    return tok.lower in word_set("tail_adverbs.txt")


@cache
def _tail_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case words that may open a trailing attribution's noun phrase besides names and
    pronouns ("sagte dazu der Sprecher"), and those that may follow its first name or noun:
    prepositions and adverbs too ("der Sprecher im Ministerium", "sagte Henderson weiter"; not
    "sprach von einer Gefahr")."""
    adverbs = word_set("tail_adverbs.txt")
    lead = _NP_FUNCTION - {"von", "vom", "und"} | adverbs
    inner = _NP_FUNCTION | adverbs | frozenset({"am", "im", "in", "für", "bei", "beim", "zu", "aus"})
    return lead, inner


def _not_trailing_speech() -> frozenset[str]:
    """Cue verbs that report knowledge or a finding, not speech, when they follow a clause ("Wie
    schwierig es ist, weiß auch die Unternehmerin X.", "…, zeigt die Statistik"):
    ``data/not_trailing_speech_verbs.txt``."""
    return word_set("not_trailing_speech_verbs.txt")


def _wie_verb(tok: Token, lex: GermanLexicon) -> bool:
    """The verb of a ", wie X betont" clause: a verb of the cue lexicon or a speech verb of
    ``data/trailing_speech_verbs.txt`` ("titelte"), by its lemma, and none that reports knowledge
    (:func:`_not_trailing_speech`)."""
    lemma = tok.lemma.lower()
    speech = cue_class(tok, lex) == "verb" or lemma in word_set("trailing_speech_verbs.txt")
    return speech and lemma not in _not_trailing_speech()


def _modifier(tok: Token) -> bool:
    """An article, possessive or inflected adjective inside a noun phrase ("der", "israelischen")."""
    return tok.lower in _NP_FUNCTION or (
        tok.text.isalpha() and tok.text.islower() and tok.lower.endswith(ADJECTIVE_ENDINGS)
    )


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
    if j < limit and toks[j].lower in COMPLEMENT_LEADS:
        k = j + 1
        while k < limit and k - j <= 3 and not _capitalised(toks[k]) and _modifier(toks[k]):
            k += 1
        if k < limit and _capitalised(toks[k]):
            while k < limit and _capitalised(toks[k]):
                k += 1
            end = k
    return head, end


def source_end(doc: PreparedDoc, i: int, limit: int, lex: GermanLexicon, max_gap: int) -> int | None:
    """End of the source that starts at token ``i`` after a reporting verb or "wie": a personal
    pronoun other than "es"/"man" ("wie er betonte"), or a noun phrase (:func:`noun_phrase_end`,
    before ``limit``) whose first noun stands at most ``max_gap`` tokens after ``i``; else None."""
    low = doc.tokens[i].lower
    if low in lex.pronouns and low not in ("es", "man"):
        return i + 1
    np = noun_phrase_end(doc, i, limit)
    return np[1] if np is not None and np[0] <= i + max_gap else None


def _name_tail_end(doc: PreparedDoc, i: int, limit: int) -> int | None:
    """End of the "für" complement of an institution's name starting at token ``i`` ("für
    Menschenrechte", "für Arbeit und Soziales", "für wirtschaftliche Zusammenarbeit"): "für",
    perhaps an adjective, capitalised words, perhaps "und" and more of them; None when token
    ``i`` opens none."""
    toks = doc.tokens
    if i >= limit or toks[i].lower != "für":
        return None
    j = i + 1
    for _ in range(2):
        if j < limit and _modifier(toks[j]) and toks[j].lower not in _NP_FUNCTION:
            j += 1
        if j >= limit or not _capitalised(toks[j]) or toks[j].quoted >= 0:
            return None
        while j < limit and _capitalised(toks[j]) and toks[j].quoted < 0:
            j += 1
        if not (j + 1 < limit and toks[j].lower == "und" and _capitalised(toks[j + 1])):
            break
        j += 1
    return j


def source_name_tails(doc: PreparedDoc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Tagged quotes that open with the rest of their source's name ("nach Angaben der
    Beobachtungsstelle | für Menschenrechte ein Kommandant … getötet"): the "für" complement
    goes to the source span, the quote starts after it (``quotes-de/train`` never ends a
    source before such a complement, and 28 of its sources hold one)."""
    toks = doc.tokens
    ends = {sp.end: sp for sp in spans if sp.cls == "SPK"}
    moved: dict[TokenSpan, TokenSpan] = {}
    for sp in spans:
        source = ends.get(sp.begin)
        if sp.cls not in ("IQ", "FQ") or source is None or toks[source.end - 1].sent != toks[sp.begin].sent:
            continue
        end = _name_tail_end(doc, sp.begin, sp.end)
        if end is None or sp.end - end < _MIN_QUOTE:
            continue
        kept = trim(doc, TokenSpan(sp.cls, end, sp.end))
        if kept is not None:
            moved[sp] = kept
            moved[source] = TokenSpan("SPK", source.begin, end)
    return [moved.get(sp, sp) for sp in spans]


def _noun_phrase_begin(doc: PreparedDoc, i: int, limit: int) -> int | None:
    """Start of the noun phrase that ends before token ``i`` ("Der Behörde" zufolge), reaching
    back over names, nouns and modifiers only, or None without a capitalised word."""
    toks = doc.tokens
    j = i
    while j > limit and i - j < 8 and (_capitalised(toks[j - 1]) or _modifier(toks[j - 1])):
        j -= 1
    return j if any(_capitalised(t) for t in toks[j:i]) else None


def noun_phrase_before(doc: PreparedDoc, i: int, limit: int) -> int | None:
    """Start of the noun phrase that ends before token ``i`` (:func:`_noun_phrase_begin`: "Eine
    Studie" before ", wonach"), or None without a capitalised word."""
    return _noun_phrase_begin(doc, i, limit)


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
    if low == "nach" and not_initial_norm(doc.tokens[head].lower, i == begin):
        return None  # "die Meldepflicht nach dem Medientransparenzgesetz": a norm, no source
    if low != "laut" and not (
        doc.tokens[head].lower.endswith(lex.source_nouns) or _genitive_owner_before(doc, head, np_end, lex)
    ):
        return None
    return i, np_end


def not_initial_norm(head: str, opens_sentence: bool) -> bool:
    """Whether a noun after "nach" (lower case) names a legal norm (an ending of
    ``data/nach_initial_source_nouns.txt``: "…gesetz") in a phrase that does not open the
    sentence: a source only in "Nach dem Grundgesetz ist …"."""
    return not opens_sentence and head.endswith(word_endings("nach_initial_source_nouns.txt"))


def _genitive_owner_before(doc: PreparedDoc, head: int, end: int, lex: GermanLexicon) -> bool:
    """A source noun right after a genitive name that owns it ("Nach Zschäpes Darstellung",
    "nach Merkels Worten"): the first capitalised word ends in "s" and the next one is the
    source noun."""
    toks = doc.tokens
    return (
        head + 1 < end and toks[head].text.endswith("s") and _capitalised(toks[head + 1])
        and toks[head + 1].lower in lex.source_nouns
    )


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
                and toks[k + 1].lemma.lower() not in _not_trailing_speech()
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


def predicate_word(doc: PreparedDoc, k: int, lex: GermanLexicon) -> bool:
    """Whether token ``k`` is a verb by the test of :func:`_has_predicate` ("erwägt", "wird"; not
    "der", "nordkoreanischen", "von")."""
    return _has_predicate(doc, k, k + 1, lex)


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
    while start < end and _tail_adverb(toks[start]):
        start += 1
    return (start, np_end) if np_end is not None else (verb + 1, verb + 1)


def _reporting_word(tok: Token, lex: GermanLexicon) -> bool:
    """A reporting verb of the cue lexicon (or of ``data/trailing_speech_verbs.txt``: "titelte") or "so"."""
    return tok.quoted < 0 and tok.text.islower() and (
        tok.lower == "so" or cue_class(tok, lex) == "verb" or _speech_verb(tok, word_set("trailing_speech_verbs.txt"))
    )




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
    lead, inner = _tail_words()
    if first is None or not all(t.lower in lead for t in body[:first]):
        return False
    return all(_capitalised(t) or t.lower in inner or t.lower in lex.pronouns for t in body[first:])


#: words after "Als" that make it a conjunction ("Als der Zug hielt"), not a preposition ("Als Trainer …")
_ALS_CLAUSE = frozenset({"der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "man", "ihr"})


def _opens_with_subordinate_clause(doc: PreparedDoc, begin: int, end: int) -> bool:
    """The sentence opens with a subordinating conjunction (``data/subordinators.txt``: "Nachdem
    …", "Als der Zug hielt, …"; not the adverb "Da" or a preposition like "Seit Jahren", "Als
    Trainer"): its main clause follows the comma."""
    toks = doc.tokens
    first = toks[begin].lower
    if first in word_set("subordinators.txt"):
        return True
    return first == "als" and begin + 1 < end and toks[begin + 1].lower in _ALS_CLAUSE


#: words that open a clause of its own, not a circumstance of the source
_CLAUSE_OPENERS = frozenset({"dass", "daß", "ob", "weil", "wenn", "obwohl", "damit", "sodass", "denn"})
_CIRCUMSTANCE_MAX = 30  # tokens of a source with its circumstances after the reporting verb


def _source_np_end(doc: PreparedDoc, i: int, end: int, lex: GermanLexicon) -> int | None:
    """End of the source right after a trailing reporting verb: a personal pronoun, or a noun
    phrase of names, nouns and their modifiers ("Spaniens auflagenstärkste Zeitung", "das
    Branchenmedium atmedia.at"), after optional adverbs ("damals das Pew Research Center")."""
    toks = doc.tokens
    j = i
    while j < end and _tail_adverb(toks[j]):
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
    if not (opener.lower in lex.prepositions or opener.text in (",", "(", "–") or _tail_adverb(opener)):
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
            and toks[begin + 3].text in word_set("opinion_nouns.txt")
            and toks[begin + 4].lower in ("von", "vom", "des", "der")):
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


def lone_demonstrative(doc: PreparedDoc, span: TokenSpan) -> bool:
    """A tagged quote that is only the pronoun "Das"/"Dies" of "Das berichtete Y." or "Das ist die
    Ansicht von Y." (the statement is the sentence before it)."""
    return span.cls in QUOTE_CLASSES and span.end - span.begin == 1 and doc.tokens[span.begin].lower in _DEMONSTRATIVES


def opinion_attribution(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int, int, int] | None:
    """(source begin, source end, opinion noun, quote begin) when the sentence ``[begin, end)``
    says "X ist der Meinung, dass …" / "X vertritt die Ansicht, dass …" ("Daher ist der Minister
    der Auffassung, dass …"): the dass-clause is X's statement. The opinion noun is no speaker."""
    toks = doc.tokens
    opinions, holds = word_set("opinion_nouns.txt"), word_set("opinion_verbs.txt")
    for k in range(begin + 1, end - 3):
        if not (toks[k].lower in ("der", "die") and toks[k + 1].text in opinions and toks[k + 2].text == ","
                and toks[k + 3].lower in ("dass", "daß")):
            continue
        verb = next((v for v in range(k - 1, max(begin, k - 4) - 1, -1)
                     if toks[v].lower in _COPULAS or toks[v].lower in holds), None)
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
    if not _wie_verb(v, lex):
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[begin:stop]):
        return None
    if _opens_with_subordinate_clause(doc, begin, end) or not _has_predicate(doc, begin, k, lex):
        return None
    if any(t.lower in ("so", "genauso", "ebenso", "anders") for t in toks[max(begin, k - 3) : k]):
        return None  # "nicht so schnell, wie es der Vorstand versprochen hat": a comparison
    src_end = source_end(doc, k + 2, verb, lex, 2)
    return None if src_end is None else (k, verb, src_end)


#: adverbs between a leading "Wie" and its source ("Wie schon die WHO sagte, …")
_WIE_ADVERBS = frozenset({"schon", "bereits", "auch", "nun", "jetzt", "zuvor", "gestern", "heute"})


def leading_wie_attribution(
    doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon
) -> tuple[int, int, int, int] | None:
    """(reporting verb, source begin, source end, quote begin) when the sentence ``[begin, end)``
    opens with a comparative attribution whose verb closes it before a comma ("Wie die Behörde
    am Montag mitteilte, wird die Brücke saniert.", "Wie der Verband bekanntgegeben hat, …"):
    "Wie", a noun phrase or personal pronoun that names the source (not "Wie berichtet, …",
    "Wie erwartet, …"), at most twenty words, a reporting verb of the cue lexicon (not one of
    knowledge or finding: "Wie die Statistik zeigt, …"), perhaps its auxiliary, a comma, and
    the main clause, which is the statement. In quotes-de/train all 36 sentences so opened by a
    reporting verb are annotated as indirect quotes of the main clause. A main clause with quoted
    words inside ("…, sperrte die Behörde den Zugang zu „Tube“.") is a mixed quote (round 2: 2-fold
    CV joint .5793 -> .5795, dev unchanged); one that opens with a quote mark is left alone."""
    toks = doc.tokens
    if toks[begin].lower != "wie" or toks[begin].quoted >= 0 or end - begin < 6:
        return None
    comma = next((k for k in range(begin + 2, min(end, begin + _WIE_MAX + 4)) if toks[k].text in CLAUSE_PUNCT), None)
    if comma is None or toks[comma].text != "," or comma + _MIN_QUOTE >= end:
        return None  # the first clause mark must be the comma that ends the attribution
    verb = comma - 1
    if toks[verb].lower in _WIE_AUX and verb - 1 > begin + 1:
        verb -= 1
    v = toks[verb]
    if not v.text.islower() or v.quoted >= 0:
        return None
    if not _wie_verb(v, lex):
        return None
    if toks[comma + 1].quoted >= 0 or is_quote_mark(toks[comma + 1].text):
        return None  # a direct quote after the comma: the tagger's
    src = begin + 1
    while src < verb and toks[src].lower in _WIE_ADVERBS:
        src += 1
    if toks[src].lower in ("es", "man"):
        return verb, src, src, comma + 1  # "Wie es hieß, …": no source named
    src_end = source_end(doc, src, verb, lex, 3)
    return None if src_end is None else (verb, src, src_end, comma + 1)


#: words that open an object, never a subject, after the verb
_ACCUSATIVE = frozenset({"einen", "den", "ihn", "seinen", "ihren", "unseren", "keinen", "diesen"})


def _sentence_start(doc: PreparedDoc, i: int) -> int:
    return doc.sentences[doc.tokens[i].sent][0]


def _speech_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """``tok`` is a form of one of ``verbs`` (infinitives) by its lemma, or by a guessed weak
    lemma where the lemma table does not know the form (:func:`_weak_verb_lemmas`)."""
    return tok.lemma.lower() in verbs or not _weak_verb_lemmas(tok.lower).isdisjoint(verbs)


def _weak_verb_lemmas(word: str) -> set[str]:
    """Infinitives a weak verb form may belong to when the lemma table does not know it
    ("titelte" → "titeln", "twitterte" → "twittern", "postete" → "posten")."""
    out: set[str] = set()
    for ending in ("eten", "ete", "ten", "te", "et", "t"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out |= {stem + "en", stem + "n"}
    return out
