"""Speaker candidates that name nobody, whatever the ranker thinks of them (run-time rules).

Needs: a PreparedDoc and the lexicon. Used by :func:`onrecord.lang.de.attribution.quote_candidates`
beside :func:`onrecord.lang.de.sources.not_a_speaker`; a filtered candidate is not scored, so the
ranker chooses among the others (usually the subject of the reporting clause).

Four classes, each found in the cross-genre development parts (issue 13, points 3 and 7):

- a preposition on its own ("Laut" of "Laut einer Entschließung …" taken for a name because it
  opens the sentence with a capital);
- a source noun without an owner ("nach eigenen Angaben", "Eigenen Angaben zufolge", "Laut
  vorliegenden Informationen"): the phrase marks the statement as someone's, it is not that
  someone — with "eigen" the source is the clause's subject;
- a place or affiliation beside a name: a name right after a lower-case locative "in" ("eine in
  New York verbreitete Erklärung") and a name inside the parenthesis after a name ("Daniel X
  (Hunter College, New York)");
- the noun phrase of a preposition that never introduces a source ("an den Ministerrat", "mit
  X", "über den Trainer"; "bei" only inside a clause: "hatte bei der Konferenz argumentiert", not
  "Bei der Polizei hieß es").

Beside them, positive rules: the noun phrase of "laut …"/"… zufolge" as a fallback source
(:func:`source_preposition_np`) and the subject right after a reporting verb that follows the
quote, over particles ("…, warnte auch Fabius": :func:`trailing_speaker`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from onrecord.extraction.stance_lexicon import ADJECTIVE_ENDINGS
from onrecord.lang.de.features import cue_class
from onrecord.lang.de.lexicon import GermanLexicon, lexicon, word_set
from onrecord.lang.de.memo import verb_cue_sentences
from onrecord.lang.de.narration import ASKED_PREPS
from onrecord.lang.de.role_lexicon import _ARTICLES
from onrecord.lang.de.rules_phrases import COMPLEMENT_LEADS, source_phrase_at
from onrecord.lang.de.sources import PASSIVE_AUX, is_abstract, is_document, junk_source, participle_like
from onrecord.lang.de.tokens import BREAK_PUNCT, PreparedDoc, Token, is_quote_mark

#: how many tokens back a parenthesis may open before a candidate inside it
_MAX_PAREN = 8


def _lone_preposition(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> bool:
    return end - begin == 1 and doc.tokens[begin].lower in lex.prepositions


def _place_beside_name(doc: PreparedDoc, begin: int, end: int, name_type: list[str]) -> bool:
    """A place name after a lower-case "in" (the name finder's LOC, not a document: "in New York
    verbreitet", not "in Zschäpes Erklärung"), or a name inside a
    parenthesis that follows a capitalised word (an affiliation or place: "(Hunter College, New
    York)", "(ÖVP)")."""
    toks = doc.tokens
    first = toks[begin]
    if not first.text[:1].isupper():
        return False
    if (
        begin > 0 and toks[begin - 1].text == "in" and toks[begin - 1].sent == first.sent
        and all(t == "LOC" for t in name_type[begin:end]) and not any(is_document(t) for t in toks[begin:end])
    ):
        return True
    j = begin - 1
    while j >= 0 and begin - j <= _MAX_PAREN and toks[j].sent == first.sent and toks[j].text not in "()":
        j -= 1
    return (
        j > 0 and toks[j].text == "(" and begin - j <= _MAX_PAREN and toks[j - 1].sent == first.sent
        and toks[j - 1].text[:1].isupper() and toks[j - 1].text.replace("-", "").isalpha()
    )


#: prepositions whose noun phrase is never the source of a statement: an addressee ("an den
#: Ministerrat"), an interlocutor ("mit"), a topic ("über"), a venue ("bei der Konferenz") —
#: not the source prepositions "laut", "von", "seitens", "nach", "aus"
_NON_SOURCE_PREPS = frozenset(
    {"an", "ans", "mit", "für", "fürs", "über", "gegen", "ohne", "um", "auf", "aufs", "unter", "zwischen",
     "wegen", "trotz",
     # decg3: a cause, a time, a place beside or an audience ("Angesichts des Preises", "vor
     # Journalisten", "gegenüber dem Sender", "seit dem Rücktritt")
     "angesichts", "aufgrund", "infolge", "dank", "während", "anlässlich", "hinsichtlich", "bezüglich",
     "vor", "vors", "seit", "neben", "hinter", "gegenüber"}
)
#: lower-case words (articles, adjectives) between such a preposition and the candidate
_MAX_PP_GAP = 3


def _words_before(doc: PreparedDoc, begin: int, start: int | None = None, first: int = 0) -> Iterator[int]:
    """The tokens before a candidate at ``begin``, nearest first (from ``start``, by default
    ``begin - 1``, down to ``first``), at most ``_MAX_PP_GAP + 1`` back and in its sentence: the
    lower-case words that may stand between it and a preposition or conjunction before it, then
    the first token that is none (the last one given)."""
    toks = doc.tokens
    j = begin - 1 if start is None else start
    while j >= first and begin - j <= _MAX_PP_GAP + 1 and toks[j].sent == toks[begin].sent:
        yield j
        if not (toks[j].text.isalpha() and toks[j].text.islower()):
            return
        j -= 1


#: "bei" names a venue inside a clause ("hatte bei der Konferenz argumentiert") but a source
#: opening one ("Bei der Polizei hieß es …") or after an abstract noun, whose holder or the one
#: it is put to it names ("laut einer Nachfrage beim Landrat", decg3)
_VENUE_PREPS = frozenset({"bei", "beim"})


def _non_source_prep(doc: PreparedDoc, i: int) -> bool:
    toks = doc.tokens
    if i + 1 < len(toks) and f"{toks[i].lower} {toks[i + 1].lower}" in word_set("adverbial_prep_phrases.txt"):
        return False  # "vor allem Mozilla": an adverb, no preposition
    if toks[i].lower in _VENUE_PREPS:
        return i > 0 and toks[i - 1].sent == toks[i].sent and toks[i - 1].text.isalpha() and not (
            is_abstract(toks[i - 1])
        )
    return toks[i].lower in _NON_SOURCE_PREPS


def _in_prepositional_phrase(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> bool:
    """Whether the candidate is the noun phrase of a preposition that never introduces a source
    ("bei der Konferenz von Paris"), or the second of two noun phrases such a preposition
    governs ("an den Ministerrat und das Europäische Parlament": :func:`_second_conjunct`)."""
    toks = doc.tokens
    if _non_source_prep(doc, begin):
        return True
    for j in _words_before(doc, begin):
        if _non_source_prep(doc, j):
            return True
        if toks[j].lower in ("und", "oder"):
            return _second_conjunct(doc, j, end, lex)
    return False


#: how many tokens the first of two coordinated noun phrases may have
_MAX_CONJUNCT = 4


def _second_conjunct(doc: PreparedDoc, conj: int, end: int, lex: GermanLexicon) -> bool:
    """Whether the noun phrase after the conjunction at ``conj`` (ending at ``end``) joins one that
    a non-source preposition governs ("an den Ministerrat und das Parlament", "mit Polizei und
    Feuerwehr"): the first conjunct is a few words without punctuation after the preposition. Not
    when a reporting verb follows the candidate: that is a clause of its own ("… mit der Regierung
    und die Opposition warnte, …")."""
    toks = doc.tokens
    if end < len(toks) and toks[end].sent == toks[conj].sent and cue_class(toks[end], lex) == "verb":
        return False
    j = conj - 1
    while j >= 0 and conj - j <= _MAX_CONJUNCT + 1 and toks[j].sent == toks[conj].sent:
        if toks[j].lower in _NON_SOURCE_PREPS:
            return j < conj - 1
        if not toks[j].text.replace("-", "").isalpha():
            return False
        j -= 1
    return False


def names_nobody(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon, name_type: list[str]) -> bool:
    """Whether the candidate ``[begin, end)`` is a preposition, a place or affiliation beside a
    name, a noun phrase of a preposition that never introduces a source or a comparison: never the
    speaker. (An unowned source noun, "nach eigenen Angaben", was tried as well and is not here: it
    lowered quotes-de dev joint F1 from .668 to .657, whose gold marks such phrases as speakers.)"""
    return (
        _lone_preposition(doc, begin, end, lex)
        or _place_beside_name(doc, begin, end, name_type)
        or _in_prepositional_phrase(doc, begin, end, lex)
        or _comparison_phrase(doc, begin)
        or _time_or_place_after_nach(doc, begin, end, lex, name_type)
        or _medium_before_subject(doc, begin, end)
        or _interjection(doc, begin, end)
    )


def _interjections() -> frozenset[str]:
    return word_set("interjections.txt")


def _interjection(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the candidate is one interjection word that opens its sentence before a comma or
    an exclamation mark ("Herrgott, warum sagt man nicht …"; ``data/interjections.txt``)."""
    toks = doc.tokens
    return (
        end - begin == 1 and toks[begin].lower in _interjections() and begin == doc.sentences[toks[begin].sent][0]
        and end < len(toks) and toks[end].text in (",", "!")
    )


#: subjects that follow the finite verb after a medium phrase ("In einer Aussendung verwies sie")
_SUBJECT_PRONOUNS = frozenset({"er", "sie", "man", "wir", "ich"})


def _medium_before_subject(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the candidate is a document without an issuer in an "in" phrase that opens the
    sentence before the finite verb and its pronoun subject ("In einer Aussendung verwies sie auf
    …", "Im Brief schreibt er, …"): the medium of the statement; its speaker is the subject."""
    toks = doc.tokens
    j = begin if toks[begin].lower in ("in", "im") else begin - 1
    while j >= 0 and begin - j <= 2 and toks[j].sent == toks[begin].sent and toks[j].lower not in ("in", "im"):
        if not (toks[j].text.isalpha() and toks[j].text.islower()):
            return False
        j -= 1
    if j < 0 or toks[j].lower not in ("in", "im") or j != doc.sentences[toks[begin].sent][0]:
        return False
    head = next((t for t in toks[j + 1 : end] if t.text[:1].isupper()), None)
    if head is None or not is_document(head) or end + 1 >= len(toks):
        return False
    verb, subject = toks[end], toks[end + 1]  # not "eine Aussendung der Partei": its issuer follows
    return verb.text.islower() and verb.lower not in COMPLEMENT_LEADS and subject.lower in _SUBJECT_PRONOUNS and (
        subject.sent == toks[begin].sent
    )


#: the articles of "nach" in the sense of time ("nach der Sitzung", "nach einem Treffen")
_TIME_ARTICLES = frozenset({"der", "dem", "den", "einer", "einem"})


def _time_or_place_after_nach(
    doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon, name_type: list[str]
) -> bool:
    """Whether the candidate is the noun phrase of "nach" in the sense of time or direction ("Nach
    der Pressekonferenz erzählte er", "Experten nach Griechenland entsenden"): "nach" introduces a
    source only with a source or document noun ("nach Angaben der Polizei", "Nach Apples
    Darstellung", "nach dem Bericht"), and an organisation's name may be an outlet's ("Nach
    Welt-Informationen"); a common noun or a place is no source."""
    toks = doc.tokens
    start = begin if toks[begin].lower == "nach" else begin - 1
    j = next((k for k in _words_before(doc, begin, start) if toks[k].lower == "nach"), None)
    if j is None:
        return False
    nouns = [t for t in toks[j + 1 : end] if t.text[:1].isupper()]
    if not nouns or any(t not in ("", "LOC") for t in name_type[begin:end]):
        return False
    place = all(t == "LOC" for t in name_type[begin:end])
    if not place and toks[j + 1].lower not in _TIME_ARTICLES:
        return False  # "nach Meldungen", "nach Recherchen": a bare plural may well be a source
    head = nouns[0]
    return not (
        head.lower.endswith(lex.source_nouns) or is_document(head, lex) or head.text.endswith("s")
        or (end < len(toks) and toks[end].lower in ("zufolge", "nach"))
    )


#: how many lower-case words (articles, adjectives) may stand between "laut" and its noun
_MAX_LAUT_GAP = 5


def source_preposition_np(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the candidate is the noun phrase of "laut …" or "… zufolge" ("Laut einer
    ebenfalls beschlossenen Entschließung", "laut einem selbsternannten Mitglied", "Einer Studie
    zufolge"): the source the preposition names, taken when the ranker is unsure of every
    candidate (as the sources that rules find)."""
    toks = doc.tokens
    if toks[begin].lower == "laut" or (end < len(toks) and toks[end].lower == "zufolge"):
        return True
    j = begin - 1
    while j >= 0 and begin - j <= _MAX_LAUT_GAP and toks[j].sent == toks[begin].sent:
        if toks[j].lower == "laut":
            return True
        if not (toks[j].text.isalpha() and toks[j].text.islower()):
            return False
        j -= 1
    return False


#: genitive articles between a document noun and its issuer ("Bericht der EU-Kommission")
_GENITIVE_LEADS = frozenset({"der", "des", "eines", "einer"})


def document_issuer(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the candidate is the genitive owner of a document noun ("aus einem Bericht der
    EU-Kommission", "eine Studie des Instituts"), or the document with its owner ("Bericht der
    EU-Kommission", whose entity is the issuer): the document's issuer, a source when the ranker
    is unsure of every candidate (as the noun phrase of "laut …")."""
    toks = doc.tokens
    if end - begin > 2 and is_document(toks[begin]) and toks[begin + 1].lower in _GENITIVE_LEADS:
        return True
    j = begin if toks[begin].lower in _GENITIVE_LEADS else begin - 1
    while j > 0 and begin - j <= 2 and toks[j].sent == toks[begin].sent and toks[j].text.islower():
        if toks[j].lower in _GENITIVE_LEADS:
            return toks[j - 1].sent == toks[begin].sent and is_document(toks[j - 1])
        j -= 1
    return False


def _cue_particles() -> frozenset[str]:
    return word_set("cue_particles.txt")


#: at most this many particles between a cue and the speaker after it
_MAX_PARTICLES = 2


def after_particles(doc: PreparedDoc, begin: int) -> int:
    """Where the candidate at ``begin`` would start without the particles before it ("warnte
    [auch] Fabius", "sagte [nun aber] X"): the token after the cue, or ``begin`` itself."""
    toks = doc.tokens
    lead = begin
    while (
        lead > 0 and begin - lead < _MAX_PARTICLES and toks[lead - 1].sent == toks[begin].sent
        and toks[lead - 1].text in _cue_particles()
    ):
        lead -= 1
    return lead


#: determiners that may open the speaker's noun phrase after the cue ("sagte der Minister")
_SPEAKER_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine", "sein", "seine", "ihr", "ihre"})


def trailing_speaker_start(doc: PreparedDoc, quote_end: int, lex: GermanLexicon) -> int | None:
    """Where the speaker of ``…, warnte auch Fabius`` starts: a quote that ends before a comma,
    a reporting verb, at most two particles and the speaker (German puts the subject right
    after the verb in this inverted attribution); ``None`` when no such attribution follows."""
    toks = doc.tokens
    k = quote_end
    if k >= len(toks) or toks[k].text != "," or toks[k - 1].sent != toks[k].sent:
        return None
    k += 1
    if k >= len(toks) or toks[k].sent != toks[quote_end].sent or cue_class(toks[k], lex) != "verb":
        return None
    lead = k + 1
    while lead < len(toks) and lead - k <= _MAX_PARTICLES and toks[lead].text in _cue_particles():
        lead += 1
    return lead if lead < len(toks) and toks[lead].sent == toks[k].sent else None


def trailing_speaker(
    doc: PreparedDoc, quote_begin: int, quote_end: int, cands: list[tuple[int, int]], lex: GermanLexicon
) -> int | None:
    """The index in ``cands`` (token spans) of the speaker named right after the quote's
    reporting verb (:func:`trailing_speaker_start`), directly or after an article ("sagte der
    Sprecher"); the attribution may follow the quote or stand inside its span (the first comma
    of the span that opens one: "…, warnte auch Berger vor …" tagged as part of the quote).
    ``None`` when there is none."""
    toks = doc.tokens
    ends = [quote_end, *(k for k in range(quote_begin + 1, quote_end) if toks[k].text == ",")]
    start = next((s for s in (trailing_speaker_start(doc, k, lex) for k in sorted(ends)) if s is not None), None)
    if start is None:
        return None
    for i, (b, _) in enumerate(cands):
        if b == start or (b == start + 1 and toks[start].lower in _SPEAKER_DETERMINERS):
            return i
    return None


#: finite auxiliaries and modals that hold second place before a reporting participle or infinitive
#: ("Im Rahmen des Protokolls hat die EU zugesagt", "Dazu will er sich äußern")
_FINITE_AUX = frozenset({
    "hat", "haben", "hatte", "hatten", "habe", "ist", "sind", "war", "waren", "sei", "wird", "werden",
    "wurde", "wurden", "will", "wollte", "wollten", "kann", "konnte", "muss", "musste", "soll", "sollte",
})
#: subject pronouns that are nominative in every use: after the finite verb they are its subject
_NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})
#: articles that open a masculine (or neuter) noun phrase only in the nominative
_NOMINATIVE_ARTICLES = frozenset({"der", "ein"})
#: determiners that can open no subject (dative, accusative, genitive)
_OBLIQUE_DETERMINERS = frozenset({"dem", "den", "des", "einem", "einen", "eines"})
#: prepositions that name the source when they open the sentence ("Laut X sagte Y", "Von der
#: Regierung hieß es", "Aus Kreisen verlautete"): the fore-field is then the quote's source
_SOURCE_LEADS = frozenset({"laut", "zufolge", "gemäß", "nach", "von", "vom", "aus", "seitens"})
#: what ends a fore-field: clause punctuation
_FIELD_EDGES = frozenset({",", ";", ":", "–", "—", "-", "(", ")", "[", "]"})


def inverted_subject(
    doc: PreparedDoc,
    speaker: tuple[int, int],
    cands: list[tuple[int, int]],
    lex: GermanLexicon,
    thing: Callable[[Token], bool] | None = None,
) -> int | None:
    """The index in ``cands`` of the subject of an inverted reporting clause whose fore-field holds
    the chosen ``speaker``: German puts one constituent before the finite verb, and when that is an
    object or an adverbial, the subject follows the verb ("Der Partei schlug er vor, …", "Um
    zehn Uhr meldete die Agentur, …", "Im Rahmen des Abkommens hat die EU zugesagt, …"). The
    candidate right after the verb (over particles and an article) is taken when the fore-field
    cannot be the subject — it is a prepositional phrase that names no source, or opens with a
    dative, accusative or genitive article, or (with ``thing``, the test for a common noun) is a
    noun phrase headed by a common noun while the word after the verb is none ("Die Äußerungen
    der Richter bezeichnete Wiefelspütz als …": a statement or an act says nothing, it is the
    object) — or the candidate is "er", "ich" or "wir", which are nominative wherever they stand.
    The verb is a reporting verb or an auxiliary before one. ``None`` when the pattern does not
    hold."""
    toks = doc.tokens
    sb, se = speaker
    sent = toks[sb].sent
    first = doc.sentences[sent][0]
    se = field_end(doc, se, lex)  # "Die große Zahl der Fans aus vielen Ländern schreibt er …"
    field = toks[first:se]
    if _field_blocked(field):
        return None
    v = se
    while v < len(toks) and toks[v].sent == sent and toks[v].text.isdigit():
        v += 1  # "Ende Januar 2006 verkündete …"
    if v >= len(toks) or toks[v].sent != sent or not toks[v].text.isalpha() or not toks[v].text.islower():
        return None
    reporting = cue_class(toks[v], lex) == "verb"
    if not reporting and toks[v].lower not in _FINITE_AUX:
        return None
    lead = v + 1
    if lead < len(toks) and toks[lead].lower == "sich":
        lead += 1  # "Gegenüber der Zeitung äußerte sich der Minister …"
    while lead < len(toks) and lead - v <= 3 and toks[lead].text in _cue_particles():
        lead += 1
    if lead >= len(toks) or toks[lead].sent != sent:
        return None
    clause_end = next((k for k in range(lead, doc.sentences[sent][1]) if toks[k].text in _FIELD_EDGES),
                      doc.sentences[sent][1])
    if not reporting and not any(cue_class(t, lex) == "verb" for t in toks[lead:clause_end]):
        return None
    opener = toks[first].lower
    oblique_field = (
        (opener in lex.prepositions and opener not in _SOURCE_LEADS) or opener in _OBLIQUE_DETERMINERS
        or opener == "als"  # "Als Beispiel nannte die NASA …": a predicate, never the subject
    )
    thing_field = thing is not None and _thing_phrase(doc, first, se, thing)
    for i, (b, e) in enumerate(cands):
        if toks[b].lower in _OBLIQUE_DETERMINERS:
            continue
        if b == lead and e == lead + 1 and toks[b].lower in _NOMINATIVE_PRONOUNS:
            return i
        after_verb = b == lead or (b == lead + 1 and toks[lead].lower in _SPEAKER_DETERMINERS)
        if oblique_field and after_verb:
            return i
        if thing_field and after_verb and thing is not None and not any(thing(t) for t in toks[b:e]):
            return i
    return None


#: source prepositions that open a source only at the head of the fore-field: inside it they
#: mark a genitive-like attribute ("Die Forderungen von X lehnte Y ab", "Die Fans aus vielen Ländern")
_OPENING_ONLY_LEADS = frozenset({"von", "vom", "aus"})


def _field_blocked(field: list[Token]) -> bool:
    """Whether a fore-field cannot be a bare subject: it holds a clause edge or a quote mark, or
    names a source with a preposition (:func:`source_lead_in`)."""
    return any(t.text in _FIELD_EDGES or is_quote_mark(t.text) for t in field) or source_lead_in(field)


def source_lead_in(field: list[Token]) -> bool:
    """Whether a fore-field names the source with a preposition ("Laut X sagte Y", "Einem
    Bericht der Zeitung zufolge", "Aus Kreisen verlautete"): any source preposition, but "von",
    "vom" and "aus" only as its first word."""
    return any(
        t.lower in _SOURCE_LEADS and (k == 0 or t.lower not in _OPENING_ONLY_LEADS) for k, t in enumerate(field)
    )


#: the most words of an attribute after a fore-field candidate ("der Fans aus einzelnen Ländern")
_MAX_ATTRIBUTE = 6
#: lower-case words an attribute of a noun phrase may hold: articles and "und"
_ATTRIBUTE_WORDS = _ARTICLES | {"und"}


def field_end(doc: PreparedDoc, end: int, lex: GermanLexicon) -> int:
    """Where the noun phrase ending a fore-field candidate at ``end`` ends, over an attribute
    of at most six words that holds only capitalised words, articles, prepositions and declined
    adjectives ("Die große Zahl [der Fans aus einzelnen Ländern] schreibt er …"), when the word
    after it is a lower-case reporting verb or auxiliary; else ``end``."""
    toks = doc.tokens
    sent = toks[end - 1].sent
    k = end
    while k < len(toks) and k - end < _MAX_ATTRIBUTE and toks[k].sent == sent:
        tok = toks[k]
        if tok.text.islower() and (cue_class(tok, lex) == "verb" or tok.lower in _FINITE_AUX):
            return k if k > end else end
        if not tok.text.isalpha():
            return end
        if tok.text.islower() and not (
            tok.lower in _ATTRIBUTE_WORDS or tok.lower in lex.prepositions or tok.lower.endswith(ADJECTIVE_ENDINGS)
        ):
            return end
        k += 1
    return end


def fronted_subject(
    doc: PreparedDoc,
    speaker: tuple[int, int],
    cands: list[tuple[int, int]],
    lex: GermanLexicon,
    someone: Callable[[int, int], bool],
) -> int | None:
    """The index in ``cands`` of the subject that opens a reporting clause when the chosen
    ``speaker`` is the object right after its verb ("Oskar Lafontaine schreibt der Linkspartei den
    Verdienst zu, …", "Scherf warnte die CDU vor …"): the fore-field is one candidate (after at
    most an article, with an attribute after it) that names a person or a body (``someone``: a
    tagged name, a role or group noun; "Die Zukunft sieht die Branche …" is no subject) and is not
    in an oblique case, and a reporting verb or an auxiliary follows it; the
    speaker stands right after that verb (over particles and an article) and is no nominative
    pronoun ("Den Vorwurf wies er zurück" is :func:`inverted_subject`'s). ``None`` otherwise."""
    toks = doc.tokens
    sb, se = speaker
    sent = toks[sb].sent
    first = doc.sentences[sent][0]
    if sb <= first or toks[sb].lower in _NOMINATIVE_PRONOUNS:
        return None
    k = sb - 1
    if toks[k].lower in _SPEAKER_DETERMINERS | _OBLIQUE_DETERMINERS:
        k -= 1  # "warnte [die] CDU"
    while k > first and toks[k].text in _cue_particles():
        k -= 1
    verb = toks[k]
    if not (verb.text.isalpha() and verb.text.islower()) or not (
        cue_class(verb, lex) == "verb" or verb.lower in _FINITE_AUX
    ):
        return None
    opener = toks[first].lower
    if opener in _OBLIQUE_DETERMINERS or opener in lex.prepositions or opener == "als":
        return None
    for i, (b, e) in enumerate(cands):
        if b not in (first, first + 1) or (b == first + 1 and opener not in _SPEAKER_DETERMINERS):
            continue
        if e > k or field_end(doc, e, lex) != k or (b, e) == speaker:
            continue
        if _field_blocked(toks[first:k]):
            return None
        if not someone(b, e) or toks[b].lower in lex.pronouns or junk_source(doc, b, e):
            return None
        return i
    return None


def _thing_phrase(doc: PreparedDoc, first: int, end: int, thing: Callable[[Token], bool]) -> bool:
    """Whether the fore-field ``[first, end)`` is a noun phrase whose head, its first capitalised
    word after at most an article and lower-case adjectives, is a common noun (``thing``). A
    phrase opened by "der" or "ein" is left alone: with a masculine noun it is the subject."""
    toks = doc.tokens
    k = first
    if toks[k].lower in _NOMINATIVE_ARTICLES:
        return False  # "Der Vorschlag …", "Ein Sprecher …": a masculine subject
    if toks[k].lower in _SPEAKER_DETERMINERS:
        k += 1
    while k < end and toks[k].text.isalpha() and toks[k].text.islower():
        k += 1
    return k < end and thing(toks[k])


#: forms of "werden" that make a reporting participle after them passive (the passive auxiliaries
#: of :func:`onrecord.lang.de.sources.passive_cue` but "worden", which follows the participle)
_PASSIVE_WERDEN = PASSIVE_AUX - {"worden"}
#: words a passive clause may hold between its "werden" and the participle ("wird [ihm unter
#: anderem] vorgeworfen", "wurde [oft] kritisiert")
_MAX_PASSIVE_GAP = 4
#: passive reporting verbs whose subject is the speaker all the same ("X wurde mit den Worten zitiert")
_SPEAKER_PASSIVES = frozenset({"zitiert"})


def passive_over_words(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the cue ``[begin, end)`` is a reporting participle whose passive "werden" stands a
    few words before it in its clause ("Dem Minister wird unter anderem vorgeworfen, …", "Der
    Flagge wurde oft vorgeworfen, …"): nobody is named as the speaker, the subject or dative is
    the one spoken about. :func:`onrecord.lang.de.sources.passive_cue` takes "werden" right beside
    the cue only."""
    toks = doc.tokens
    lex = lexicon()
    words = [t for t in toks[begin:end] if t.text.isalpha() and t.text.islower() and cue_class(t, lex) == "verb"]
    if not any(t.lower not in _SPEAKER_PASSIVES and participle_like(t.lower) for t in words):
        return False
    sent = toks[begin].sent
    j = begin - 1
    while j >= 0 and begin - j <= _MAX_PASSIVE_GAP + 1 and toks[j].sent == sent:
        if toks[j].text in BREAK_PUNCT or is_quote_mark(toks[j].text):
            return False
        if toks[j].lower in _PASSIVE_WERDEN:
            return True
        j -= 1
    return False


#: how many words a passive agent phrase ("von Bundesminister X") may hold before its participle
_MAX_AGENT_TAIL = 10
#: "von"/"vom", the prepositions of a passive agent that :func:`passive_agent` looks for. The
#: sentence rules' set (:data:`onrecord.lang.de.rules_speech_acts._AGENT_PREPS`) also has "seitens";
#: adding it here would let this rule find "wurde seitens der Regierung … bezeichnet" too (a change
#: of behaviour, left for a measured change: none on quotes-de dev)
_VON_AGENT_PREPS = frozenset({"von", "vom"})


def passive_agent(doc: PreparedDoc, sent: int, cands: list[tuple[int, int]], lex: GermanLexicon) -> int | None:
    """The index in ``cands`` of the agent of a passive reporting clause in sentence ``sent``:
    a form of "werden", within four words "von"/"vom" and the candidate (over an article or
    adjectives), then a reporting participle of the same clause ("Die Forderungen wurden von
    Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet", "Seine Werke werden von
    Musikkennern als „Meilensteine“ bezeichnet"): the agent is the one who spoke. ``None``
    without such a clause."""
    toks = doc.tokens
    b, e = doc.sentences[sent]
    for w in range(b, e):
        if toks[w].lower not in _PASSIVE_WERDEN or toks[w].quoted >= 0:
            continue
        a = next((k for k in range(w + 1, min(e, w + _MAX_PASSIVE_GAP + 1))
                  if toks[k].lower in _VON_AGENT_PREPS or toks[k].text in BREAK_PUNCT), None)
        if a is None or toks[a].lower not in _VON_AGENT_PREPS:
            continue
        agent = next((i for i, (cb, _) in enumerate(cands) if a < cb <= a + 3
                      and all(t.text.isalpha() and t.text.islower() for t in toks[a + 1 : cb])), None)
        if agent is None:
            continue
        k = cands[agent][1]
        while k < e and k - cands[agent][1] <= _MAX_AGENT_TAIL and toks[k].text not in (",", ";", ":"):
            tok = toks[k]
            if tok.quoted < 0 and tok.text.islower() and cue_class(tok, lex) == "verb" and participle_like(tok.lower):
                return agent
            k += 1
    return None


#: lemmas of verbs whose clause is a hope, not a statement ("Man kann nur hoffen, dass …")
_HOPE_LEMMAS = frozenset({"hoffen"})


#: words that make a hope nobody's in particular ("Man kann nur hoffen", "Es bleibt zu hoffen"),
#: or a first person's inside someone's quotation ("Ich hoffe, dass …", "hoffen wir, …": 10kGNAD
#: texts lose their quotation marks; nested quotes are not annotated)
_IMPERSONAL_HOPE = frozenset({"man", "zu", "kann", "können", "konnte", "bleibt", "ich", "wir"})


def _impersonal_hope(before: list[Token]) -> bool:
    """A verb of hoping among ``before`` with a generic or first-person subject or as an
    infinitive ("Man kann nur hoffen", "Es bleibt zu hoffen", "Ich hoffe"). A named subject's
    hope ("Der Verband hofft, dass …") is its statement: quotes-de annotates it so (issue 13)."""
    return any(t.lemma.lower() in _HOPE_LEMMAS for t in before) and any(t.lower in _IMPERSONAL_HOPE for t in before)


def wondering_or_hoping(doc: PreparedDoc, begin: int) -> bool:
    """Whether the clause at ``begin`` depends on a reflexive question or a hope in the words
    of its sentence before it: "… fragten sich, warum …", "stellt man sich die Frage, was …",
    "Man kann nur hoffen, dass …", "Der Minister will, dass …" — wondering, hoping and wanting
    are nobody's statement."""
    toks = doc.tokens
    before = toks[doc.sentences[toks[begin].sent][0] : begin]
    if _impersonal_hope(before) or wish_clause(doc, begin):
        return True
    reflexive = any(t.lower == "sich" for t in before)
    return reflexive and any(t.lemma.lower() == "fragen" or t.text == "Frage" for t in before)


#: lower-case words that may stand between a verb of wanting and the comma of its "dass" clause
#: ("will nicht, dass", "wollte auch, dass")
_MAX_WISH_GAP = 2


def wish_clause(doc: PreparedDoc, begin: int) -> bool:
    """Whether the clause at ``begin`` is a "dass" clause that a verb of wanting governs right
    before its comma ("Der Minister will, dass …", "Sie wollte nicht, dass …"): a wish (not when
    a reporting verb stands between: "Ich will betonen, dass …")."""
    toks = doc.tokens
    if toks[begin].lower != "dass" or begin < 2 or toks[begin - 1].text != ",":
        return False
    sent = toks[begin].sent
    for j in range(begin - 2, max(-1, begin - 3 - _MAX_WISH_GAP), -1):
        if toks[j].sent != sent:
            return False
        if toks[j].lemma.lower() in word_set("wish_verbs.txt"):
            return True
        if not (toks[j].text.isalpha() and toks[j].text.islower()) or cue_class(toks[j], lexicon()):
            return False  # "will sagen, dass …" reports what is said
    return False


#: words before "wie"/"als"/"zu" that make the phrase after it a comparison ("Ebenso wie andere
#: Länder argumentierte Indien …", "Anders als die Regierung sagte X …", "im Gegensatz zu Y")
_COMPARISON_LEADS = frozenset({"ebenso", "genauso", "ähnlich", "anders", "gleich", "gegensatz"})


def _comparison_phrase(doc: PreparedDoc, begin: int) -> bool:
    """Whether the candidate stands in a comparison that sets someone beside the subject."""
    toks = doc.tokens
    for j in _words_before(doc, begin, first=1):
        if toks[j].lower in ("wie", "als", "zu"):
            return toks[j - 1].lower in _COMPARISON_LEADS and toks[j - 1].sent == toks[begin].sent
    return False


#: tokens of a genitive chain between a role noun and the comma of its name ("Generalinspekteur
#: der Geheimdienste, Charles McCullough"; "Sprecher der Kommission für Menschenrechte und
#: Nationale Versöhnung, Elizardo Sanchez" names a body of eight words)
_MAX_CHAIN = 10
_CHAIN_STOPS = frozenset({",", ".", ";", ":", "(", ")", "–"})
#: tokens of a bracketed abbreviation that may end the chain ("… Versöhnung (CCDHRN), Elizardo …")
_MAX_BRACKET = 3
#: what may follow the name of such an apposition
_NAME_ENDS = frozenset({",", ".", ";", "(", ")"})


def _bracket_end(toks: list[Token], k: int) -> int:
    """The index after a short bracketed abbreviation opening at ``k`` ("(CCDHRN)"), or ``k``
    when none opens there."""
    if k >= len(toks) or toks[k].text != "(":
        return k
    close = next((j for j in range(k + 1, min(len(toks), k + _MAX_BRACKET + 2)) if toks[j].text == ")"), None)
    return close + 1 if close is not None and close > k + 1 else k


def apposition_name(
    doc: PreparedDoc, begin: int, end: int, mentions: list[tuple[int, int]], name_type: list[str]
) -> int | None:
    """The index in ``mentions`` of the person's name that follows a role phrase as an
    apposition ("laut Generalinspekteur der Geheimdienste, Charles McCullough, …"): the name is
    the speaker's mention, the role phrase only describes it. ``None`` when the speaker is
    itself a name or no such apposition follows."""
    toks = doc.tokens
    if any(t == "PER" for t in name_type[begin:end]):
        return None
    k = end
    while (
        k < len(toks) and k - end <= _MAX_CHAIN and toks[k].text not in _CHAIN_STOPS
        and toks[k].sent == toks[begin].sent
    ):
        k += 1
    if k - end > _MAX_CHAIN:
        return None
    k = _bracket_end(toks, k)
    if k >= len(toks) or toks[k].text != ",":
        return None
    for i, (b, e) in enumerate(mentions):
        if b == k + 1 and all(t == "PER" for t in name_type[b:e]) and e < len(toks) and toks[e].text in _NAME_ENDS:
            return i
    return None


#: forms of "eigen" that make a source phrase the subject's own ("nach eigenen Angaben")
_OWN = frozenset({"eigene", "eigenen", "eigener", "eigenem"})


def own_source_phrase(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> bool:
    """Whether the candidate is a source noun marked as the subject's own ("nach eigenen
    Angaben", "Eigenen Angaben zufolge", "nach eigener Darstellung"): the phrase stands for the
    clause's subject, who is the source (quotes-de marks the phrase itself as the speaker, so the
    mention stays and only its referent changes)."""
    toks = doc.tokens
    if end <= begin or not toks[end - 1].lower.endswith(lex.source_nouns):
        return False
    if end < len(toks) and toks[end].lower in COMPLEMENT_LEADS and toks[end].sent == toks[begin].sent:
        return False  # "Angaben der Polizei": an owner is named, the phrase is not "own"
    lead = begin - 1 if begin > 0 and toks[begin - 1].sent == toks[begin].sent else begin
    return any(t.lower in _OWN for t in toks[lead : end - 1])


#: prepositions that make a source noun after them a source phrase ("nach Angaben der Polizei")
_SOURCE_NOUN_PREPS = frozenset({"nach", "gemäß"})


def clause_source_phrase(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> bool:
    """Whether the candidate is the noun phrase of a source preposition: "laut …", "… zufolge",
    "nach Angaben …", "nach eigenen Angaben", "Nach Zschäpes Darstellung". Such a phrase
    attributes the clause it stands in; it is never the source of a sentence before it ("…
    verhandelt. Die USA haben nach eigenen Angaben keinen Hinweis …")."""
    toks = doc.tokens
    if source_preposition_np(doc, begin, end) or own_source_phrase(doc, begin, end, lex):
        return True
    if not toks[end - 1].lower.endswith(lex.source_nouns):
        return False
    lead = toks[begin].lower
    before = toks[begin - 1] if begin > 0 and toks[begin - 1].sent == toks[begin].sent else None
    return lead in _SOURCE_NOUN_PREPS or (before is not None and before.lower in _SOURCE_NOUN_PREPS)


def _after_preposition(doc: PreparedDoc, begin: int, lex: GermanLexicon) -> bool:
    """Whether the noun phrase at ``begin`` is a preposition's ("in neue Anlagen", "von seinem
    Partner"): a preposition before it, past at most three lower-case words (not the postposition
    "zufolge", whose noun phrase stands before it)."""
    toks = doc.tokens
    for j in _words_before(doc, begin):
        if toks[j].lower == "zufolge":
            return False
        if toks[j].lower in lex.prepositions:
            return True
    return False


def clause_subject(
    doc: PreparedDoc, source: tuple[int, int], cands: list[tuple[int, int]], lex: GermanLexicon
) -> int | None:
    """The index in ``cands`` of the subject that an own source phrase at ``source`` stands for,
    among the other candidates of its sentence that no preposition governs: German puts the
    subject first or, when the source phrase opens the sentence, right after the finite verb
    ("Eigenen Angaben zufolge hat der Konzern …"); so the first such candidate before the phrase,
    else the first after it (the longer of two that start together). ``None`` when there is none."""
    toks = doc.tokens
    sent = toks[source[0]].sent
    others = sorted(
        ((b, -e, i) for i, (b, e) in enumerate(cands)
         if toks[b].sent == sent and (e <= source[0] or b >= source[1]) and not _after_preposition(doc, b, lex)),
    )
    before = [i for b, _, i in others if b < source[0]]
    after = [i for b, _, i in others if b >= source[1]]
    return before[0] if before else after[0] if after else None


def opening_source(doc: PreparedDoc, quote_begin: int, cands: list[tuple[int, int]], lex: GermanLexicon) -> list[int]:
    """The indices in ``cands`` inside the one source phrase of the quote's first sentence ("Nach
    den Worten des Finanzministers sei …", "Die Zahl sei laut Polizei gestiegen"; the phrase may be
    part of the tagged quote): the statement names its own source there, so a speaker carried
    over from an earlier sentence does not hold. Empty when the sentence has no such phrase or
    more than one."""
    toks = doc.tokens
    limit = doc.sentences[toks[quote_begin].sent]
    phrases = [p for p in (source_phrase_at(doc, k, limit, lex) for k in range(*limit)) if p is not None]
    if len(phrases) != 1:
        return []
    phrase = phrases[0]
    return [i for i, (b, e) in enumerate(cands) if phrase[0] <= b and e <= phrase[1]]


def introduces_direct_quote(doc: PreparedDoc, quote_begin: int, cand_begin: int) -> bool:
    """Whether a candidate at ``cand_begin`` stands where a direct quote at ``quote_begin`` is
    introduced: in the quote's own sentence ("Sadiq Khan verurteilte die Haltung: „…“"), or in the
    sentence before when a colon ends it right before the quote ("Er schloss mit den Worten:
    „…“") or when the quote opens its sentence and the candidate opens the sentence before, a
    sentence with a reporting verb in the same paragraph ("X verurteilte die Haltung. „…“"). The
    speaker of a direct quote the ranker is unsure of (the 2-fold cross-validation
    left 13 direct quotes of quotes-de/train without a speaker, all of them attributed in the
    gold); a candidate further back is left out (derStandard has unattributed direct quotes)."""
    toks = doc.tokens
    q = toks[quote_begin].sent
    c = toks[cand_begin].sent
    if c == q:
        return True
    j = quote_begin - 1
    while j >= 0 and is_quote_mark(toks[j].text):
        j -= 1
    if c != q - 1 or j < 0:
        return False
    # or the quote opens its sentence right after a sentence whose subject (the candidate opens
    # it) reports speech ("Sadiq Khan verurteilte die Haltung der Regierung. „…“")
    return toks[j].text == ":" or (
        doc.sentences[q][0] == quote_begin and doc.sentences[c][0] == cand_begin
        and toks[cand_begin].para == toks[quote_begin].para and verb_cue_sentences(doc, lexicon())[c]
    )


#: relative pronouns that can be the subject of a reporting verb ("Ägypten, das vorschlug, …")
_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
#: relative pronouns after "nach" or before "zufolge" ("Studien, nach denen …", "…, denen zufolge …")
_SOURCE_RELATIVES = frozenset({"der", "die", "das", "dem", "denen", "welchem", "welcher", "welchen"})
#: the most words of a relative reporting clause before the quote ("das am Montag vorschlug")
_MAX_RELATIVE_CLAUSE = 10


def relative_source(doc: PreparedDoc, quote_begin: int, lex: GermanLexicon) -> tuple[int, int] | None:
    """The relative word that introduces a quote as what its antecedent said, and the end of the
    antecedent (the comma before the relative word): a relative reporting clause right before the
    quote ("Ägypten, das vorschlug, …"), a relative source phrase ("Studien, nach denen …",
    "Grundsätze, denen zufolge …") or "wonach" ("ein Bericht, wonach …"). The antecedent is a noun
    phrase that ends right before the comma (a capitalised word or a closing quote mark). ``None``
    when the quote is introduced otherwise."""
    toks = doc.tokens
    k = quote_begin - 1
    if k < 2 or toks[k].sent != toks[quote_begin].sent:
        return None
    rel: int | None = None
    if toks[k].lower == "wonach":
        rel = k
    elif toks[k].lower in _SOURCE_RELATIVES and toks[k - 1].lower == "nach":
        rel = k - 1
    elif toks[k].lower == "zufolge" and toks[k - 1].lower in _SOURCE_RELATIVES:
        rel = k - 1
    elif toks[k].text == ",":
        j = k - 1
        while (
            j > 0 and k - j <= _MAX_RELATIVE_CLAUSE and toks[j].text not in _FIELD_EDGES
            and toks[j].sent == toks[k].sent
        ):
            j -= 1
        clause = toks[j + 1 : k]
        if (
            toks[j].text == "," and clause and clause[0].lower in _SUBJECT_RELATIVES
            and any(t.text.islower() and cue_class(t, lex) == "verb" for t in clause[1:])
            and not any(t.lower in PASSIVE_AUX for t in clause)  # "…, die erwartet wurden, …"
        ):
            rel = j + 1
    if rel is None or rel < 2 or toks[rel - 1].text != ",":
        return None
    before = toks[rel - 2]
    if not (before.text[:1].isupper() or is_quote_mark(before.text)) or before.sent != toks[rel].sent:
        return None
    pron = rel + 1 if toks[rel].lower == "nach" else rel
    return pron, rel - 1


def opener_before(
    doc: PreparedDoc, quote_begin: int, speaker: tuple[int, int], cands: list[tuple[int, int]]
) -> int | None:
    """The index in ``cands`` of the mention that opens a paragraph whose second sentence a quote
    opens, when the quote's speaker ``speaker`` stands further back: German news introduces a
    new paragraph with the source of the Konjunktiv I sentences that follow ("Die Stadträtin
    eröffnete die Debatte. Man habe keine Zeit …"), so a speaker carried over past that
    opening is an earlier paragraph's. ``None`` when the sentence before the quote does not open
    its paragraph, opens with no candidate, with the speaker itself or with a word that names
    nobody (``junk_source``)."""
    toks = doc.tokens
    sent = toks[quote_begin].sent
    if sent == 0 or doc.sentences[sent][0] != quote_begin or toks[speaker[0]].sent >= sent - 1:
        return None
    start = doc.sentences[sent - 1][0]
    if start > 0 and toks[start - 1].para == toks[start].para:
        return None
    return next(
        (i for i, (b, e) in enumerate(cands)
         if b == start and (b, e) != speaker and not junk_source(doc, b, e)),
        None,
    )


#: lower-case words (articles, adjectives) between a preposition of ASKED_PREPS and the one asked
_MAX_ASKED_GAP = 2


def _inquiry_noun(tok: Token) -> bool:
    """Whether ``tok`` is a noun of a question put to someone (``data/inquiry_nouns.txt``), or a
    hyphenated compound ending in one ("STANDARD-Anfrage")."""
    return tok.text.rsplit("-", 1)[-1] in word_set("inquiry_nouns.txt")


def inquiry_target(doc: PreparedDoc, speaker: tuple[int, int], spans: list[tuple[int, int]]) -> int | None:
    """The index in ``spans`` of the one asked when the chosen speaker ``speaker`` is an inquiry
    ("Laut einer STANDARD-Nachfrage beim Bürgermeister in spe wären …"): the candidate that
    starts right after the "bei"/"beim" (and a few lower-case words) following the inquiry noun
    that ends the speaker; ``None`` otherwise."""
    toks = doc.tokens
    end = speaker[1]
    if not _inquiry_noun(toks[end - 1]) or end >= len(toks) or toks[end].lower not in ASKED_PREPS:
        return None
    sent = toks[end].sent
    asked = [
        (b, k) for k, (b, _) in enumerate(spans)
        if end < b <= end + 1 + _MAX_ASKED_GAP and toks[b].sent == sent
        and all(toks[j].text.isalpha() and toks[j].text.islower() for j in range(end + 1, b))
    ]
    return min(asked)[1] if asked else None
