"""What looks like a statement to the tagger but is the reporter's narration (issue 13).

Pure functions over tokens, used by :mod:`onrecord.lang.de.attribution` to drop such quotes:

* **mood idioms** (``data/mood_idioms.txt``): "gang und gäbe", "und sei es nur …", "es sei
  denn" hold a Konjunktiv form that reports nobody's speech; a cue inside one is no cue, and a
  quote without a cue whose only mark of reported speech lies in one is narration.
* **phrases that report no speech** (``data/not_speech_phrases.txt``): "Geschichte schreiben",
  "zur Kasse bitten", "sich nennen" hold a reporting verb; a quote they alone mark is narration.
* **a noun phrase alone**: a quote without quote marks whose words are names, nouns and function
  words only, with an apposition inside ("Der Präsident des Parlaments, Martin Schulz") — the
  subject of the sentence taken for its content.

The sets of function words in this module (articles, prepositions, relative pronouns) are closed
grammatical classes and stay beside the rule that reads them: each rule picks its own members of
a class on purpose (the words a noun phrase may hold here differ from those of
:mod:`onrecord.lang.de.rules_phrases`), and the open word lists (nouns, verbs, names) are data
files under ``data/``.
"""

from __future__ import annotations

from functools import cache

from onrecord.extraction.outlets import current_own_outlet
from onrecord.lang.de.features import cue_class, is_evidential, is_konj1
from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.lexicon import data_lines, lexicon, word_set
from onrecord.lang.de.memo import memoised
from onrecord.lang.de.rules_phrases import PARTICLES
from onrecord.lang.de.sources import compound_of
from onrecord.lang.de.tokens import PreparedDoc, Token, is_quote_mark

#: lower-case words that a noun phrase may hold besides names and nouns
_NP_WORDS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "sowie", "von", "vom", "zu", "zur", "zum", "für", "im", "in", "am", "an", "auf", "aus", "bei",
    "mit", "nach", "über", "unter",
})


@cache
def _idioms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in data_lines("mood_idioms.txt"))


@cache
def _idioms_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for idiom in _idioms():
        by_first.setdefault(idiom[0], []).append(idiom)
    return {word: tuple(idioms) for word, idioms in by_first.items()}


def _idiom_matches(doc: PreparedDoc) -> list[tuple[int, ...]]:
    """The token indices of every mood idiom of the document (punctuation skipped), in order."""
    toks = doc.tokens
    words = [i for i in range(len(toks)) if toks[i].text[:1].isalnum()]
    by_first = _idioms_by_first_word()
    out: list[tuple[int, ...]] = []
    for k, i in enumerate(words):
        for idiom in by_first.get(toks[i].lower, ()):
            if k + len(idiom) <= len(words) and all(toks[words[k + m]].lower == w for m, w in enumerate(idiom)):
                out.append(tuple(words[k : k + len(idiom)]))
    return out


def idiom_tokens(doc: PreparedDoc, begin: int, end: int) -> set[int]:
    """Indices of the tokens in ``[begin, end)`` that belong to a mood idiom (punctuation inside an
    idiom is skipped: "koste es, was es wolle"). The idioms of the whole document are found once
    (:mod:`onrecord.lang.de.memo`); those that lie inside the stretch count."""
    out: set[int] = set()
    for match in memoised(doc, "idiom_matches", lambda: _idiom_matches(doc)):
        if begin <= match[0] and match[-1] < end:
            out.update(match)
    return out


def in_idiom(doc: PreparedDoc, span: TokenSpan) -> bool:
    """A cue span all of whose words lie in a mood idiom ("gäbe" of "gang und gäbe")."""
    b, e = doc.sentences[doc.tokens[span.begin].sent]
    inside = idiom_tokens(doc, b, e)
    return all(i in inside for i in range(span.begin, span.end) if doc.tokens[i].text[:1].isalnum())


#: words that may stand between the verb of a phrase that reports no speech and its word
#: ("schrieb die Mannschaft damit Geschichte")
_PHRASE_REACH = 5
#: what ends the clause of such a phrase
_CLAUSE_ENDS = frozenset({",", ";", ":", "–", "(", ")"})


@cache
def _not_speech_phrases() -> dict[str, frozenset[str]]:
    by_lemma: dict[str, set[str]] = {}
    for line in data_lines("not_speech_phrases.txt"):
        lemma, word = line.split("\t")
        by_lemma.setdefault(lemma, set()).add(word)
    return {lemma: frozenset(words) for lemma, words in by_lemma.items()}


def not_speech_phrase_verb(doc: PreparedDoc, i: int, particles: bool = True) -> bool:
    """Whether token ``i`` is the verb of a phrase that reports no speech
    (``data/not_speech_phrases.txt``): "schrieb Geschichte", "wird zur Kasse gebeten", "nennt
    sich" — its word stands in the same clause, at most a few words before or after it. A word
    that is a separable particle ("sehen vor": a plan that provides for something) counts only
    where it closes the clause of the verb ("Der Entwurf sieht … vor, dass", not "sieht vor
    allem …"), and the verb with the particle joined to it is the phrase too ("der vorsieht,
    dass", "wie vorgesehen"). ``particles=False`` leaves the particle phrases out."""
    toks = doc.tokens
    lemma = toks[i].lemma.lower()
    if particles and _fused_particle_phrase(lemma):
        return True
    words = _not_speech_phrases().get(lemma)
    if not words:
        return False
    particle = _closing_particle(doc, i) if particles else None
    if particle is not None and particle in words:
        return True
    for step in (1, -1):
        j = i + step
        while 0 <= j < len(toks) and abs(j - i) <= _PHRASE_REACH and toks[j].sent == toks[i].sent:
            if toks[j].text in _CLAUSE_ENDS:
                break
            if toks[j].lower in words and toks[j].lower not in PARTICLES:
                return True
            j += step
    return False


#: what ends the clause that a separable particle closes (brackets stand inside it)
_PARTICLE_CLAUSE_ENDS = frozenset({",", ";", ":", "–", ".", "!", "?"})


def _fused_particle_phrase(lemma: str) -> bool:
    """Whether a verb's lemma is a phrase's verb with its particle joined in front ("vorsehen" of
    the entry "sehen vor")."""
    phrases = _not_speech_phrases()
    return any(
        lemma.startswith(particle) and particle in phrases.get(lemma[len(particle):], frozenset())
        for particle in PARTICLES
    )


def _closing_particle(doc: PreparedDoc, i: int) -> str | None:
    """The separable particle (lower case) that closes the main clause of the verb at token ``i``
    ("sieht der Entwurf … vor" + "," / "." / ":"; a bracket inside the clause does not end it:
    "sieht eine Vereinbarung mit der Behörde (NHTSA) vor"), or None."""
    toks = doc.tokens
    j = i + 1
    while j < len(toks) and toks[j].sent == toks[i].sent and toks[j].text not in _PARTICLE_CLAUSE_ENDS:
        j += 1
    last = toks[j - 1]
    return last.lower if j - 1 > i and last.lower in PARTICLES and last.text.islower() else None


def not_speech_phrase_only(doc: PreparedDoc, parts: list[TokenSpan], cue: TokenSpan | None) -> bool:
    """Whether a quote is marked as speech by a phrase that reports none: its cue is the verb of
    one ("Damit schrieb die Mannschaft Geschichte: …"; a particle phrase only with a law, plan or
    agreement in its clause: "Das EU-Recht sieht vor, dass …"), or it has no cue and
    follows an indicative clause of one ("Der Entwurf sieht vor, | dass …"), or it has no cue, no
    Konjunktiv and holds one ("Wer falsch parkt, wird zur Kasse gebeten.")."""
    if cue is not None:
        # a particle phrase as the cue ("sieht vor") only with a law, plan or agreement in its clause:
        # without that condition it cost quotes-de dev a matched quote (quote F1 0.7694, not 0.7705)
        particles = _provision_in_clause(doc, cue.begin)
        return any(not_speech_phrase_verb(doc, i, particles=particles) for i in range(cue.begin, cue.end))
    if _phrase_clause_before(doc, parts[0].begin):
        return True  # "Der Entwurf sieht vor, | dass …": the clause is what the plan provides
    span = [i for p in parts for i in range(p.begin, p.end)]
    if any(_marked(doc.tokens[i]) for i in span):
        return False
    return any(not_speech_phrase_verb(doc, i) for i in span)


def _provision_in_clause(doc: PreparedDoc, i: int) -> bool:
    """Whether the clause of token ``i`` (between clause marks, brackets inside it) names a law,
    plan or agreement (``data/provision_nouns.txt``, also as a compound's end: "EU-Recht")."""
    toks = doc.tokens
    nouns = word_set("provision_nouns.txt")
    b = i
    while b > 0 and toks[b - 1].sent == toks[i].sent and toks[b - 1].text not in _PARTICLE_CLAUSE_ENDS:
        b -= 1
    e = i
    while e < len(toks) and toks[e].sent == toks[i].sent and toks[e].text not in _PARTICLE_CLAUSE_ENDS:
        e += 1
    return any(t.text[:1].isupper() and compound_of(t.text, nouns) is not None for t in toks[b:e])


def _phrase_clause_before(doc: PreparedDoc, begin: int) -> bool:
    """Whether a clause after a comma ("…, dass …") follows, in its sentence, a clause whose verb
    is that of a phrase reporting no speech ("EU-Recht sieht vor, | dass …"), in the indicative
    (not "…, das Gesetz sehe vor, | dass …", itself someone's reported words)."""
    toks = doc.tokens
    if begin < 2 or toks[begin - 1].text != "," or toks[begin - 2].sent != toks[begin].sent:
        return False
    j = begin - 2
    while j >= 0 and toks[j].sent == toks[begin].sent and toks[j].text not in _CLAUSE_ENDS:
        j -= 1
    clause = range(j + 1, begin - 1)
    if any(_marked(toks[k]) for k in clause):
        return False  # "…, das Gesetz sehe vor, | dass …": reported speech of someone else
    return any(not_speech_phrase_verb(doc, k) for k in clause)


#: the prepositions that name the one an inquiry is put to ("Nachfrage beim Bürgermeister"; shared
#: with :func:`onrecord.lang.de.speaker_rules.inquiry_target`)
ASKED_PREPS = frozenset({"bei", "beim"})
#: how many tokens after a source phrase's speaker span its owner may stand ("Laut Informationen" + "des STANDARD")
_OWNER_REACH = 3


def _own_outlet(tok: Token) -> bool:
    """Whether ``tok`` is the article's own outlet's name as it writes it, alone ("STANDARD",
    "STANDARD-" of "STANDARD- Nachfrage") or opening a compound of its finding
    (``data/own_outlet_tails.txt``: "STANDARD-Recherchen", not "STANDARD-Korrespondent"). The
    outlet is the one the article's metadata names (:func:`~onrecord.extraction.outlets.current_own_outlet`:
    "KURIER" in an article of kurier.at), else the one of ``data/own_outlets.txt``."""
    name, _, tail = tok.text.partition("-")
    own = current_own_outlet()
    named = name in word_set("own_outlets.txt") if own is None else own.names_word(name)
    return named and (not tail or tail in word_set("own_outlet_tails.txt"))


def own_outlet_source(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the speaker ``[begin, end)`` is the outlet reporting itself: its own name in the
    span ("wie der STANDARD erfuhr", "STANDARD-Recherchen zufolge") or, for a source phrase
    opened by a preposition ("Laut Informationen"), in the genitive just after it ("des
    STANDARD"). Not when the phrase goes on with the one asked ("Nachfrage beim Bürgermeister"),
    nor an outlet after a speaker ("sagte sie dem STANDARD": an addressee outside the span)."""
    toks = doc.tokens
    if any(_own_outlet(t) for t in toks[begin:end]):
        return end >= len(toks) or toks[end].lower not in ASKED_PREPS
    if toks[begin].lower not in lexicon().prepositions:
        return False
    j = end
    while j < len(toks) and j - end < _OWNER_REACH and toks[j].sent == toks[begin].sent:
        if _own_outlet(toks[j]):
            return True
        if toks[j].lower not in ("des", "der", "eines", "einer") and not is_quote_mark(toks[j].text):
            return False  # (a quote mark opens a name: "Laut Informationen der „Presse“")
        j += 1
    return False


def _marked(tok: Token) -> bool:
    return is_konj1(tok) or tok.lower in lexicon().konj2


def idiom_mood_only(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether the quote's only marks of reported speech (Konjunktiv, quote marks, reportative
    "soll") lie in mood idioms, and it holds one ("In der Stadt wurde Hilfe, und sei es nur ein
    Anruf, erhofft.")."""
    toks = doc.tokens
    inside: set[int] = set()
    for p in parts:
        inside |= idiom_tokens(doc, p.begin, p.end)
    if not inside:
        return False
    span = [toks[i] for p in parts for i in range(p.begin, p.end)]
    rest = [t for t in span if t.i not in inside]
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in span) or is_evidential(rest):
        return False
    return not any(_marked(t) for t in rest)


def noun_phrase_only(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether a quote without quote marks is a noun phrase with an apposition and nothing else
    ("Der Präsident des Parlaments, Martin Schulz"): no lower-case word but articles, prepositions
    and conjunctions, and a comma inside."""
    toks = [t for p in parts for t in doc.tokens[p.begin : p.end]]
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks) or not any(t.text == "," for t in toks):
        return False
    words = [t for t in toks if t.text[:1].isalpha()]
    return bool(words) and all(t.text[:1].isupper() or t.lower in _NP_WORDS for t in words)


def stub_only(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether a quote without quote marks is a stub of one or two words that names nothing ("hatte",
    "Es sei", "haben sich"): what is left of a clause whose content the tagger gave to a
    neighbouring quote or to none."""
    toks = [t for p in parts for t in doc.tokens[p.begin : p.end]]
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks):
        return False
    words = [t for t in toks if t.text[:1].isalnum()]
    pronouns = lexicon().pronouns
    return len(words) <= 2 and not any(
        t.text[:1].isupper() and t.lower not in pronouns and t.lower not in _NP_WORDS or t.text[:1].isdigit()
        for t in words
    )


_RELATIVES = frozenset({
    "der", "die", "das", "dem", "den", "deren", "dessen", "denen",
    "welche", "welcher", "welches", "welchem", "welchen",
})
_REL_PREPS = frozenset({
    "in", "an", "auf", "bei", "mit", "von", "zu", "für", "über", "unter", "aus", "nach", "vor", "durch",
    "gegen", "ohne", "um", "seit", "hinter", "neben", "zwischen", "wegen", "trotz",
})


def relative_clause_only(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether a quote is one relative clause after a comma and nothing more ("…, die zwischen
    fünf und sieben Prozent verloren", "…, in denen der Rat tagt"): it describes a noun of the
    sentence and says nobody's words. A zu-infinitive that runs on after it ("Frauen, die …
    angehören, zu vergewaltigen") is not one."""
    if len(parts) != 1:
        return False
    toks = doc.tokens
    b, e = parts[0].begin, parts[0].end
    k = b + 1 if toks[b].lower in _REL_PREPS and e - b > 2 else b
    if b == 0 or toks[b - 1].text != "," or toks[k].lower not in _RELATIVES:
        return False
    if any(t.quoted >= 0 or is_quote_mark(t.text) or t.text in (",", ";", ":") for t in toks[k + 1 : e]):
        return False  # a clause that runs on past the relative clause
    last = next((t for t in reversed(toks[b:e]) if t.text[:1].isalpha()), None)
    return last is not None and last.text.islower() and not (e - 2 >= b and toks[e - 2].lower == "zu")


#: words before ", dass" that make it a clause of result or degree ("so viele …, dass", "führt dazu, dass")
_CONSECUTIVE = frozenset({"so", "derart", "dermaßen", "dazu", "solche", "solchen", "solcher", "solches"})
_CONSECUTIVE_GAP = 6  # tokens between "so" and the comma ("so viele Pläne vorgelegt, dass")


def consecutive_clause(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether a quote is a dass-clause of result or degree ("Es gibt so viele Kandidaten, dass es
    schwer ist, …", "Das führt dazu, dass …"): "so", "derart" or "dazu" stands shortly before the
    comma that opens it, in the same sentence."""
    toks = doc.tokens
    b = parts[0].begin
    if toks[b].lower not in ("dass", "daß") or b < 2 or toks[b - 1].text != ",":
        return False
    sent_begin = doc.sentences[toks[b].sent][0]
    before = toks[max(sent_begin, b - 1 - _CONSECUTIVE_GAP) : b - 1]
    if any(t.text in (",", ";", ":") for t in before):
        before = before[max(i for i, t in enumerate(before) if t.text in (",", ";", ":")) + 1 :]
    return any(t.lower in _CONSECUTIVE for t in before)


#: a quoted stretch of at most this many words inside a sentence of narration is a title or a term
TITLE_WORDS = 6


def title_in_marks(doc: PreparedDoc, parts: list[TokenSpan]) -> bool:
    """Whether a direct quote is a sentence that mentions a short title or term in quote marks
    ("Mehrere Festnahmen am neuen „Tag der Heimat“", a film, a book, a scare quote): at most
    :data:`TITLE_WORDS` words inside the marks, and fewer than half of its words. The caller
    applies it to quotes without a cue."""
    words = [t for p in parts for t in doc.tokens[p.begin : p.end] if t.text[:1].isalnum()]
    quoted = [t for t in words if t.quoted >= 0]
    return len(quoted) <= TITLE_WORDS and 2 * len(quoted) < len(words)


def attribution_only(doc: PreparedDoc, part: TokenSpan, speaker_begin: int) -> bool:
    """Whether a quote is its own attribution: it opens after a comma with a reporting verb and
    the speaker right after it (", berichtet Heimleiterin Anna Roth von einem Vorfall"), so the
    statement is what stands before it."""
    toks = doc.tokens
    first = toks[part.begin]
    if part.begin == 0 or toks[part.begin - 1].text != ",":
        return False  # "Berichtet wurde …", a sentence of its own
    if not (first.text.islower() and first.text.isalpha()) or cue_class(first, lexicon()) != "verb":
        return False
    if not part.begin < speaker_begin <= part.begin + 3:
        return False
    # ", schreibt das Magazin, die Lage sei ernst": a parenthesis, the statement follows it
    return not any(t.text == "," for t in toks[speaker_begin : part.end])


def _interviewer_labels() -> frozenset[str]:
    return word_set("interview_labels.txt")


def turn_label(doc: PreparedDoc, s_idx: int) -> str | None:
    """The label a sentence opens with in a printed interview ("Frage:", "STANDARD:", "Antwort:",
    "Kurz:"): one or two capitalised words and a colon at the start of the sentence, else None. A
    connective before a colon inside an answer ("Also: Wenn …", ``data/not_speaker_words.txt``)
    labels no turn."""
    toks = doc.tokens
    b, e = doc.sentences[s_idx]
    if b + 1 < e and toks[b + 1].text == ":" and toks[b].lower in word_set("not_speaker_words.txt"):
        return None
    for n in (1, 2):
        if b + n < e and toks[b + n].text == ":" and all(t.text[:1].isupper() for t in toks[b : b + n]):
            return " ".join(t.text for t in toks[b : b + n])
    return None


def in_question_turn(doc: PreparedDoc, begin: int) -> bool:
    """Whether token ``begin`` stands in an interviewer's turn: the nearest interview label at or
    before its sentence (within its paragraph) is the interviewer's (``data/interview_labels.txt``),
    not an answer's."""
    toks = doc.tokens
    s_idx = toks[begin].sent
    para = toks[begin].para
    for k in range(s_idx, -1, -1):
        if toks[doc.sentences[k][0]].para != para and "\n" in doc.text:
            return False
        label = turn_label(doc, k)
        if label is not None:
            return label in _interviewer_labels()
    return False


def is_interview(doc: PreparedDoc) -> bool:
    """Whether the document is a printed interview: some sentence opens with an interviewer's
    label ("STANDARD: …", "Frage: …")."""
    labels = _interviewer_labels()
    return any(turn_label(doc, k) in labels for k in range(len(doc.sentences)))


def answer_label(doc: PreparedDoc, begin: int) -> tuple[int, int] | None:
    """The tokens of the interviewee's label ("Saakaschwili:", "Anna Roth:") whose answer turn
    token ``begin`` stands in, in a printed interview (:func:`is_interview`); None outside an
    answer turn, in an interviewer's turn, or after an unnamed label ("Antwort:")."""
    toks = doc.tokens
    s_idx = toks[begin].sent
    para = toks[begin].para
    for k in range(s_idx, -1, -1):
        b = doc.sentences[k][0]
        if toks[b].para != para and "\n" in doc.text:
            return None
        label = turn_label(doc, k)
        if label is None:
            continue
        if label in _interviewer_labels() or label in _UNNAMED_ANSWERS or not is_interview(doc):
            return None
        n = len(label.split())
        return (b, b + n) if b + n <= begin and _named_elsewhere(doc, b, b + n) else None
    return None


def _named_elsewhere(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether a label names someone: its last word stands elsewhere in the text not followed by
    a colon ("Michail Saakaschwili … Saakaschwili:") or labels two turns or more (10kGNAD drops
    the headline that names the interviewee), which "Zum Vergleich:" or "Fazit:" do not."""
    toks = doc.tokens
    if toks[begin].lower in lexicon().prepositions:
        return False
    word = toks[end - 1].text
    labels = sum(
        1 for k, (b, _) in enumerate(doc.sentences)
        if (lab := turn_label(doc, k)) is not None and lab.split()[-1] == word
    )
    return labels >= 2 or any(
        t.text == word and (t.i + 1 >= len(toks) or toks[t.i + 1].text != ":")
        for t in toks if not begin <= t.i < end
    )


#: labels of an answer that name nobody
_UNNAMED_ANSWERS = frozenset({"Antwort", "A"})


def answer_turn_end(doc: PreparedDoc, s_idx: int) -> int:
    """The token after the answer turn that starts in sentence ``s_idx``: the start of the next
    sentence with a turn label, of the next paragraph, or the document's end."""
    toks = doc.tokens
    para = toks[doc.sentences[s_idx][0]].para
    for k in range(s_idx + 1, len(doc.sentences)):
        b = doc.sentences[k][0]
        if turn_label(doc, k) is not None or (toks[b].para != para and "\n" in doc.text):
            return b
    return len(toks)
