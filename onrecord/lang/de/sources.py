"""What a speaker mention is not: addressees, documents, abstract nouns (pure functions over tokens).

News names people and outlets around a reporting verb that are not its speaker:

* the **addressee**, in the dative or after "zum"/"gegenüber": "sagte die Psychotherapeutin
  zum STANDARD", "erklärte der Zeitung", "sagte er dem Spiegel". German marks it by case: "dem"
  and "einem" are never a subject, nor is "der" before a feminine noun ("der Zeitung"); a
  phrase before "zufolge" is a source, not an addressee ("der Agentur PAP zufolge");
* a **document** ("heißt es in einer Aussendung der Arbeiterkammer", "laut Studie"), whose
  speaker is its issuer when one is named;
* an **abstract noun** ("X ist der Meinung, dass", "seiner Ansicht nach") or the expletive
  "es" ("hieß es"), which stand where a speaker stands but are none.

The lexicons are ``data/outlets.txt``, ``data/documents.txt`` and ``data/abstract_nouns.txt``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from onrecord.extraction.outlets import current_own_outlet
from onrecord.lang.de.features import cue_class
from onrecord.lang.de.lexicon import GermanLexicon, lexicon, word_endings, word_set
from onrecord.lang.de.rules_phrases import predicate_word
from onrecord.lang.de.tokens import BREAK_PUNCT, PreparedDoc, Token, is_quote_mark

#: words that open an addressee phrase whatever follows ("zum STANDARD", "gegenüber der APA")
_ADDRESSEE_PREPS = frozenset({"zum", "zur", "gegenüber"})
#: articles that mark a dative noun phrase in any gender (never a subject)
_DATIVE = frozenset({"dem", "einem"})
#: articles that mark a dative (or genitive) before a feminine or plural noun
_DATIVE_FEM = frozenset({"der", "einer", "den"})
#: role nouns that belong to an outlet, so "der Chefredakteur der Zeitung" is a genitive
_MEDIA_ROLES = ("redakteur", "redakteurin", "herausgeber", "herausgeberin", "journalist", "journalistin",
                "korrespondent", "korrespondentin", "reporter", "reporterin", "sprecher", "sprecherin",
                "chef", "chefin", "leiter", "leiterin", "direktor", "direktorin", "mitarbeiter", "mitarbeiterin",
                "intendant", "intendantin", "gründer", "gründerin", "eigentümer", "eigentümerin")
_MAX_BACK = 8  # tokens between a reporting verb and its addressee


def compound_of(word: str, words: frozenset[str] | dict[str, str]) -> str | None:
    """The listed word a word is or ends in ("Presseaussendung" → "Aussendung", "BWB-Bericht"
    → "Bericht"), else None. A suffix needs a prefix of three letters or more."""
    if isinstance(words, frozenset):
        return _compound_in_set(word, words)  # cached: the lexicons' sets live as long as the process
    return _compound_of(word, words)


@lru_cache(maxsize=8_192)
def _compound_in_set(word: str, words: frozenset[str]) -> str | None:
    return _compound_of(word, words)


def _compound_of(word: str, words: frozenset[str] | dict[str, str]) -> str | None:
    if word in words:
        return word
    if "-" in word:
        last = word.rsplit("-", 1)[1]
        return last if last in words else None
    for k in range(3, len(word) - 3):
        part = word[k].upper() + word[k + 1 :]
        if part in words:
            return part
    return None


#: a web address used as a name ("t-online.de", "faz.net", "spiegel.de")
_WEB_ADDRESS = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*\.[a-z]{2,4}")


def lowercase_name(tok: Token, lex: GermanLexicon | None = None) -> bool:
    """A name written in lower case: with a capital inside ("el-Baradei", "eBay", "ai-Bericht"),
    a web address ("t-online.de", "faz.net") or an outlet's name the lexicon lists ("taz")."""
    text = tok.text
    if not text[:1].islower():
        return False
    lex = lex or lexicon()
    if text.isalpha() and text.islower():  # a plain lower-case word, the common case, decided in C
        return lex.outlets.get(text) == "name"
    if any(c.isupper() for c in text[1:]) and text.replace("-", "").isalpha():
        return True
    return _WEB_ADDRESS.fullmatch(text) is not None or lex.outlets.get(text) == "name"


def outlet_gender(tok: Token, lex: GermanLexicon | None = None) -> str | None:
    """"m", "f", "n" or "pl" for an outlet noun (or its compound: "Tageszeitung"), "name" for an
    outlet's name ("STANDARD", "APA", or the name of the article's own outlet from its metadata:
    "KURIER" in an article of kurier.at, :func:`~onrecord.extraction.outlets.current_own_outlet`),
    else None."""
    outlets = (lex or lexicon()).outlets
    if tok.text in outlets:
        return outlets[tok.text]
    own = current_own_outlet()
    if own is not None and own.names_word(tok.text):
        return "name"
    if not tok.text[:1].isupper() or not tok.text.replace("-", "").isalpha():
        return None
    found = compound_of(tok.text, _outlet_nouns())
    return outlets[found] if found is not None else None


@cache
def _outlet_nouns() -> frozenset[str]:
    """The generic outlet nouns ("Zeitung", "Sender"), which compounds may end in."""
    return frozenset(w for w, g in lexicon().outlets.items() if g != "name")


def is_document(tok: Token, lex: GermanLexicon | None = None) -> bool:
    """A document noun or its compound ("Aussendung", "Presseaussendung", "BWB-Bericht")."""
    return tok.text[:1].isupper() and compound_of(tok.text, (lex or lexicon()).documents) is not None


def is_abstract(tok: Token, lex: GermanLexicon | None = None) -> bool:
    """An abstract noun that is never a speaker ("Meinung", "Expertenmeinung", "Frage")."""
    return tok.text[:1].isupper() and compound_of(tok.text, (lex or lexicon()).abstract_nouns) is not None


#: words that open a noun phrase before its first capitalised word (see :func:`_phrase_lead`)
_PHRASE_LEADS = _ADDRESSEE_PREPS | _DATIVE | _DATIVE_FEM | {"die", "das", "des", "ein", "eine", "eines"}


def _phrase_lead(doc: PreparedDoc, begin: int) -> int:
    """The article, contraction or preposition that opens the noun phrase whose first
    capitalised word is token ``begin`` (over up to three lower-case adjectives), else ``begin``."""
    toks = doc.tokens
    j = begin - 1
    while j >= 0 and begin - j <= 4 and toks[j].sent == toks[begin].sent:
        if toks[j].lower in _PHRASE_LEADS:
            return j
        if not (toks[j].text.replace("-", "").isalpha() and toks[j].text.islower()):  # "englisch-sprachigen"
            break
        j -= 1
    return begin


def _phrase_end(doc: PreparedDoc, head: int) -> int:
    """End of the capitalised run from ``head`` ("Nachrichtenagentur MTI")."""
    toks = doc.tokens
    j = head + 1
    while j < len(toks) and toks[j].sent == toks[head].sent and toks[j].text[:1].isupper() and not is_quote_mark(
        toks[j].text
    ):
        j += 1
    return j


def _verb_before(doc: PreparedDoc, lead: int, lex: GermanLexicon) -> bool:
    """A reporting verb stands before token ``lead`` in its clause, with at most a subject and
    adverbs between ("sagte er dem Spiegel", "sagte die Ärztin am Montag zum STANDARD")."""
    toks = doc.tokens
    j = lead - 1
    while j >= 0 and lead - j <= _MAX_BACK and toks[j].sent == toks[lead].sent and toks[j].text not in BREAK_PUNCT:
        if toks[j].quoted >= 0 or is_quote_mark(toks[j].text):
            return False
        if toks[j].text.islower() and cue_class(toks[j], lex) == "verb":
            return True
        j -= 1
    return False


def addressee_at(doc: PreparedDoc, head: int, lex: GermanLexicon | None = None) -> bool:
    """Whether the noun phrase whose first capitalised word is token ``head`` is the addressee
    of a reporting verb: after "zum"/"zur"/"gegenüber", or in the dative ("dem", "einem"; "der"
    before a feminine or plural outlet noun) after a reporting verb, and not before "zufolge"
    (a source: "der Agentur PAP zufolge")."""
    lex = lex or lexicon()
    toks = doc.tokens
    lead = _phrase_lead(doc, head)
    if lead == head:
        return False
    low = toks[lead].lower
    end = _phrase_end(doc, head)
    if end < len(toks) and toks[end].lower in ("zufolge", "nach"):
        return False
    if low in _ADDRESSEE_PREPS:
        return True
    if lead > 0 and toks[lead - 1].lower in lex.prepositions:
        return False  # "in dem Schreiben", "laut einem Bericht": a prepositional phrase
    if low in _DATIVE:
        return _verb_before(doc, lead, lex) or _opens_inversion(doc, lead, end, lex)
    if low in _DATIVE_FEM and outlet_gender(toks[head], lex) in ("f", "pl"):
        if lead > 0 and toks[lead - 1].text[:1].isupper() and toks[lead - 1].lower.endswith(_MEDIA_ROLES):
            return False  # "der Chefredakteur der Zeitung": a genitive
        return _verb_before(doc, lead, lex) or _opens_inversion(doc, lead, end, lex)
    return False


def _opens_inversion(doc: PreparedDoc, lead: int, end: int, lex: GermanLexicon) -> bool:
    """A dative phrase that opens its sentence right before a reporting verb ("Der
    englischsprachigen Zeitung sagte der Aktivist …", "Dem Spiegel sagte sie"): the subject
    follows the verb, so the phrase is its addressee."""
    toks = doc.tokens
    if lead > 0 and toks[lead - 1].sent == toks[lead].sent:
        return False
    return end < len(toks) and toks[end].sent == toks[lead].sent and toks[end].text.islower() and (
        cue_class(toks[end], lex) == "verb"
    )


def addressee_inside(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon | None = None) -> int | None:
    """Where an addressee starts inside the mention ``[begin, end)`` after its first word ("die
    Psychotherapeutin zum STANDARD" → the index of "zum"), else None."""
    lex = lex or lexicon()
    toks = doc.tokens
    for k in range(begin + 1, end):
        if toks[k].text[:1].isupper() and not is_quote_mark(toks[k].text) and addressee_at(doc, k, lex):
            lead = _phrase_lead(doc, k)
            if lead > begin:
                return lead
    return None


#: words after an abstract noun that introduce its holder ("die Ansicht des Ministers"), or the
#: one an inquiry is put to ("einer Nachfrage beim Landrat", decg3)
_HOLDER_LEADS = frozenset({"von", "vom", "des", "der", "bei", "beim"})


#: articles before such a noun ("die Ansicht …", "einer Nachfrage …")
_ABSTRACT_ARTICLES = frozenset({"die", "der", "seine", "ihre", "eine", "einer"})


def trim_speaker(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon | None = None) -> tuple[int, int]:
    """A tagged speaker mention without what is not the speaker: a leading expletive "es" and
    its preposition ("es in der Aussendung" → "der Aussendung"), a trailing addressee ("die
    Psychotherapeutin zum STANDARD" → "die Psychotherapeutin") and a leading opinion noun ("die
    Ansicht von Expertin Karin Huber" → "Expertin Karin Huber", "die Meinung des Ministers" →
    "des Ministers")."""
    lex = lex or lexicon()
    toks = doc.tokens
    if end - begin > 1 and toks[begin].lower == "es":
        begin += 1
        if end - begin > 1 and toks[begin].lower in lex.prepositions:
            begin += 1
    cut = addressee_inside(doc, begin, end, lex)
    if cut is not None:
        end = cut
    # "die Ansicht von Expertin Karin Huber": the opinion's owner is the speaker
    lead = begin + 1 if end - begin > 3 and toks[begin].lower in _ABSTRACT_ARTICLES else begin
    if end - lead > 2 and is_abstract(toks[lead], lex) and toks[lead + 1].lower in _HOLDER_LEADS:
        begin = lead + 2 if toks[lead + 1].lower in ("von", "vom", "bei", "beim") else lead + 1
    return begin, end


def speaker_mention_span(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon | None = None) -> tuple[int, int]:
    """The words of a chosen speaker mention that a quote's output shows: without the clause
    before a "zufolge" source (:func:`source_phrase_part`), without the source preposition that
    opens it (:func:`after_source_preposition`) and without a date and what follows it
    (:func:`time_phrase_inside`). The ranker chose among the tagger's spans as they were (its
    features were learned on them); only the shown mention is cut."""
    lex = lex or lexicon()
    begin, end = source_phrase_part(doc, begin, end, lex)
    after = after_source_preposition(doc, begin, end, lex)
    if after > begin:
        begin, end = after, with_genitive_owner(doc, after, end)
    return begin, time_phrase_inside(doc, begin, end, lex)


def after_source_preposition(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> int:
    """The first word of a speaker mention past a source preposition that opens it ("Laut Polizei"
    → "Polizei", "Nach Angaben der Stadt" → "Angaben der Stadt"): the preposition is the cue
    (``prep`` in ``data/cues.txt``), not the speaker, as quotes-de annotates it. A mention of that
    one word stays as it is."""
    if end - begin > 1 and lex.cues.get(doc.tokens[begin].lower) == "prep":
        return begin + 1
    return begin


#: what ends the clause before a source phrase inside a tagged speaker span
_SOURCE_CLAUSE_ENDS = frozenset({",", ";", ":", "–", "-"})


#: genitive articles that open the owner of a source noun ("Angaben der Polizei")
_GENITIVE_ARTICLES = frozenset({"des", "der"})


def with_genitive_owner(doc: PreparedDoc, begin: int, end: int) -> int:
    """The end of a one-word source noun of ``data/source_phrase_nouns.txt`` after "laut"/"nach"
    run over its owner in the genitive ("Angaben" + "der Polizei", "Informationen" + "der
    „Presse“"): the article, up to three lower-case adjectives and the capitalised run after
    them, with the quote marks around it, in the same sentence; else ``end``."""
    toks = doc.tokens
    if end - begin != 1 or end >= len(toks) or toks[end].lower not in _GENITIVE_ARTICLES:
        return end
    if not toks[begin].lower.endswith(word_endings("source_phrase_nouns.txt")):
        return end
    j = end + 1
    while j < len(toks) and j - end <= 3 and toks[j].text.isalpha() and toks[j].text.islower():
        j += 1  # "der zuständigen Behörde"
    opened = j < len(toks) and is_quote_mark(toks[j].text)
    j += opened
    if j >= len(toks) or toks[j].sent != toks[begin].sent or not toks[j].text[:1].isupper():
        return end
    k = _phrase_end(doc, j)
    if opened and k < len(toks) and is_quote_mark(toks[k].text):
        k += 1
    return k


def source_phrase_part(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> tuple[int, int]:
    """The noun phrase of "… zufolge" inside a tagged speaker span that ran over the clause
    before it: "Der Mutterkonzern … erwägt einem Medienbericht" + zufolge → "einem
    Medienbericht", "Der Wahlkampf wird der CICIG" + zufolge → "der CICIG"; a span that runs on
    past "zufolge" ends before it. The phrase reaches back to a verb or a clause mark; a span
    whose rest holds no capitalised word is kept whole."""
    toks = doc.tokens
    inner = next((k for k in range(begin + 1, end) if toks[k].lower == "zufolge"), None)
    if inner is not None:
        end = inner
    elif end >= len(toks) or toks[end].lower != "zufolge":
        return begin, end
    j = end
    while j > begin and toks[j - 1].text not in _SOURCE_CLAUSE_ENDS and not predicate_word(doc, j - 1, lex):
        j -= 1
    if j == begin or not any(t.text[:1].isupper() and not is_quote_mark(t.text) for t in toks[j:end]):
        return begin, end
    return j, end


def _time_word(word: str, lex: GermanLexicon) -> bool:
    """A time word, or a compound that opens with a long one ("donnerstagabend", not "mainzer")."""
    return word in lex.time_words or any(len(w) >= 6 and word.startswith(w) for w in lex.time_words)


#: prepositions that open a date after a speaker's noun ("ein Sprecher am Freitag")
_DATE_PREPS = frozenset({"am", "vom", "seit"})


def time_phrase_inside(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon) -> int:
    """The end of a speaker span before a date phrase that the tagger took into it, and what
    follows that phrase ("ein Polizeivertreter am Freitag bei einer Pressekonferenz" → "ein
    Polizeivertreter"): a preposition of ``_DATE_PREPS`` before a time word
    (``data/time_words.txt``, a long one also as the start of a compound: "Donnerstagabend"), after a
    capitalised word of the span."""
    toks = doc.tokens
    for k in range(begin + 1, end - 1):
        word = toks[k + 1].lower
        if toks[k].lower in _DATE_PREPS and _time_word(word, lex) and any(
            t.text[:1].isupper() and not is_quote_mark(t.text) for t in toks[begin:k]
        ):
            return k
    return end


#: lower-case words that stand for a speaker as a relative or demonstrative pronoun ("…, die sagte")
_RELATIVE_SPEAKERS = frozenset({"der", "die", "das", "welche", "welcher", "dieser", "diese", "jener", "jene"})


def not_a_speaker(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon | None = None) -> bool:
    """Whether a candidate mention can be nobody's: the expletive "es", a question word or
    conjunction alone (``data/not_speaker_words.txt``), an addressee, or an
    abstract noun without an owner ("der Meinung"; not "seiner Meinung", not "die Ansicht des
    Ministers")."""
    lex = lex or lexicon()
    toks = doc.tokens
    if end - begin == 1 and (toks[begin].lower == "es" or toks[begin].lower in word_set("not_speaker_words.txt")):
        return True  # the expletive, a question word or a conjunction ("Wie hoch …, soll …")
    head = next(
        (
            i for i in range(begin, end)
            if toks[i].text[:1].isupper() and not is_quote_mark(toks[i].text)
            and not (i + 1 < end and toks[i].lower in _PHRASE_LEADS)  # "Der" opening a sentence
        ),
        None,
    )
    if head is None:
        # one lower-case word: a pronoun, a relative "die" or a source adverb ("demnach") may
        # stand for someone, a verb form ("wird" of "…, wird vermutet") never does (several
        # words are a noun phrase cut short: "den damals geltenden")
        low = toks[begin].lower
        return end - begin == 1 and not (
            low in lex.pronouns or low in _RELATIVE_SPEAKERS or low in lex.source_adverbs
            or lowercase_name(toks[begin], lex)  # "laut el-Baradei", "Wie t-online.de berichtet"
        )
    if addressee_at(doc, head, lex):
        return True
    if is_abstract(toks[head], lex) and end - begin <= 2:
        lead = _phrase_lead(doc, head)
        prev = toks[lead - 1].lower if lead == head and head > 0 else toks[lead].lower
        owned = prev.startswith(("sein", "ihr", "mein", "unser", "dein", "eur"))
        after = toks[end].lower if end < len(toks) else ""
        return not owned and after not in ("des", "der", "von", "vom", "eines", "einer", "nach")
    return False


def junk_source(doc: PreparedDoc, begin: int, end: int, lex: GermanLexicon | None = None) -> bool:
    """Whether a speaker mention names nobody explicitly: an adverb ("Demnach"), a time phrase
    ("Mitte Mai in New York", "Donnerstag"), an abstract noun or a verb form — a word that may
    stand where a source stands but cannot be carried over to the sentences that follow. A
    personal pronoun, a name or a noun phrase is explicit."""
    lex = lex or lexicon()
    toks = doc.tokens[begin:end]
    if not toks:
        return True
    if len(toks) == 1 and toks[0].lower in lex.pronouns and toks[0].lower not in ("es", "man"):
        return False
    if toks[0].lower in lex.time_words:
        return True
    # (a name in lower case is one too: "Die taz", "laut el-Baradei")
    nouns = [t for t in toks if (t.lemma[:1].isupper() and not is_quote_mark(t.text)) or lowercase_name(t, lex)]
    if not nouns or all(t.lower in lex.time_words for t in nouns):
        return True
    after = doc.tokens[end].lower if end < len(doc.tokens) else ""
    # "Nach den Worten des Ministers": the owner after the noun names the source
    owned = after in ("des", "der", "von", "vom", "eines", "einer")
    return len(nouns) == 1 and is_abstract(nouns[0], lex) and not owned


#: forms of "werden" that make a reporting verb passive ("wird vorgeworfen", "wurde mitgeteilt")
PASSIVE_AUX = frozenset({"wird", "wurde", "werden", "wurden", "worden", "würde", "würden"})
#: prepositions that introduce the agent or source of a passive cue ("von der Polizei mitgeteilt")
_SOURCE_PREPS = frozenset({"von", "vom", "seitens", "laut"})


def passive_cue(doc: PreparedDoc, begin: int, end: int) -> bool:
    """Whether the cue ``[begin, end)`` is a passive reporting verb ("Ihm wird vorgeworfen",
    "Es wird angenommen", "wurden gebeten"): a participle ("ge…", "…t") with a form of "werden"
    in the cue or right beside it in its clause. "hieß es" is not passive: it often has its
    source in a document beside it ("heißt es in einer Erklärung des Ministers")."""
    toks = doc.tokens
    sent = toks[begin].sent
    lo, hi = max(0, begin - 1), min(len(toks), end + 1)
    near = [t for t in toks[lo:hi] if t.sent == sent and t.text not in BREAK_PUNCT]
    if not any(t.lower in PASSIVE_AUX for t in near):
        return False
    return any(
        t.text.islower() and t.text.isalpha() and t.lower not in PASSIVE_AUX and participle_like(t.lower)
        for t in toks[begin:end]
    )


def participle_like(lower: str) -> bool:
    """Whether a lower-case verb form looks like a past participle: "…t" ("gesagt", "kritisiert")
    or "ge…en" within its first letters ("vorgeworfen", "angegeben")."""
    return lower.endswith("t") or ("ge" in lower[:6] and lower.endswith("en"))


def prepositional_source(doc: PreparedDoc, begin: int) -> bool:
    """Whether the mention starting at ``begin`` stands after an agent or source preposition or
    opens with one ("von der Polizei", "Laut Polizei"), which names the source of a passive cue."""
    toks = doc.tokens
    j = begin
    while j >= 0 and begin - j <= 4 and toks[j].sent == toks[begin].sent and toks[j].text not in BREAK_PUNCT:
        if toks[j].lower in _SOURCE_PREPS:
            return True
        j -= 1
    return False
