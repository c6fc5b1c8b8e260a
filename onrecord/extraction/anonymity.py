"""Source anonymity of a statement (issue 17; guidelines in
``onrecord/evaluation/data/STANCE-GUIDELINES.md``).

:func:`anonymity` gives ``anonymous`` when the speaker's sentence says the name is withheld or
names a concealed source, ``unnamed`` for a role or group without a name, a document without a
named issuer or no speaker at all, else ``named``. Needs the speaker mention (or its entity) and
its sentence, looked up through :class:`~onrecord.extraction.stance_doc._Doc`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from onrecord.extraction.stance_doc import _Doc, _inside
from onrecord.extraction.stance_lexicon import (
    _CLAUSE_END,
    _SENT_START,
    ADJECTIVE_ENDINGS,
    StanceLexicon,
    Word,
    _inflected,
    _is_document,
    _is_head,
    words_in,
)
from onrecord.model import Entity, Quote, SourceAnonymity, Span

__all__ = ["ISSUER_WORDS", "anonymity"]


def _unnamed_mention(words: list[Word], lex: StanceLexicon, lower_words: frozenset[str] = frozenset()) -> bool:
    """A role or group noun heads the mention and no name follows it ("ein Sprecher des
    Ministeriums", "Analysten", "a senior official"; not "Sprecher Peter Müller"), the mention
    is indefinite ("ein Mann", "a New York judge", "viele"), or it is a lower-case noun phrase
    ("state regulators", "one poster"). An institution of :data:`named_group` is named ("die Polizei")."""
    if any(w.lower in lex.of("named_group") for w in words):
        return False
    if words and words[0].lower in lex.of("indefinite"):
        return True
    for i, w in enumerate(words):
        if _is_document(w.lower, lex):
            return not _named_issuer(words, i, lex, lower_words)
        if _is_head(w.lower, lex):
            nxt = words[i + 1] if i + 1 < len(words) else None
            return not (nxt is not None and nxt.text[:1].isupper() and not _is_head(nxt.lower, lex))
    return _common_phrase(words, lex, lower_words)


def _common_phrase(words: list[Word], lex: StanceLexicon, lower_words: frozenset[str]) -> bool:
    """A noun phrase of lower-case words (English: "human rights groups", "one poster"; a single
    word upper-cased at the sentence start counts when the text writes it lower case elsewhere:
    "Regulators"). Off where case does not mark names (German nouns are upper case)."""
    if not lex.case_marks_names or (words and words[0].lower in lex.of("definite")):
        return False  # "the government", "the poll": a short definite phrase refers to a named one
    content = [w for w in words if w.lower not in lex.of("determiner") and w.text not in _SENT_START]
    if not content or any(w.lower in lex.of("subject") or w.lower in lex.of("pronoun") for w in content):
        return False
    first, rest = content[0], content[1:]
    if any(not w.text[:1].islower() for w in rest):
        return False
    return first.text[:1].islower() or (not rest and first.lower in lower_words)


def _refers_back(article: Word, noun: Word, lex: StanceLexicon) -> bool:
    """Whether a definite article before a document noun refers back to a named one: English "the"
    ("the poll"); a German article only before a publication, a document noun that is also an
    institution ("Die Zeitung berichtete …" after "Laut USA Today …"; "die Studie" may be one
    without an issuer)."""
    if article.lower in lex.of("definite"):
        return True
    return article.lower in lex.of("article") and any(
        form in lex.of("institution") for form in _inflected(noun.lower, lex)
    )


def _name_prefix(word: Word, lex: StanceLexicon) -> bool:
    """Whether a hyphenated compound opens with a name ("EU-Dokument", "UN-Bericht"; guidelines
    4: a name written hyphenated inside a compound counts), not with a role or document noun."""
    head, sep, _ = word.text.partition("-")
    return bool(sep) and head[:1].isupper() and not (_is_head(head.lower(), lex) or _is_document(head.lower(), lex))


def _named_issuer(words: list[Word], at: int, lex: StanceLexicon, lower_words: frozenset[str]) -> bool:
    """Whether the document noun ``words[at]`` has a named issuer (guidelines 3: *eine Studie der
    Universität X*, *a Homeland Security memo* → named; *Medienberichten*, *Angaben einer
    Gewerkschaft*, *Angaben von Kritikern*, *recent reports* → unnamed): a name before it
    (English) or after it, unless the issuer is indefinite or a role or group noun."""
    before, after = words[:at], words[at + 1 :]
    if _name_prefix(words[at], lex):
        return True  # "nach einem EU-Dokument": the issuer is named inside the compound
    if any(w.lower in lex.of("own") or w.lower in lex.of("third_person") for w in before):
        return True  # "nach eigenen Angaben", "by its own count": the subject's, who is named elsewhere
    if after and (
        after[0].lower in lex.of("indefinite")
        or not (
            after[0].lower in lex.of("determiner") or after[0].lower in lex.of("issuer") or after[0].text[:1].isupper()
        )
    ):
        after = []  # no issuer phrase follows ("Berichten wurde …")
    if not after and len(before) == 1 and _refers_back(before[0], words[at], lex):
        return True  # "the poll", "die Zeitung": a short definite phrase refers back to a named one (guidelines 3)
    words = [*before, words[at], *after]
    for i, w in enumerate(words):
        if i == at or w.lower in lex.of("determiner") or w.text in _SENT_START or not w.text[:1].isupper():
            continue
        if i < at and (not lex.case_marks_names or (i == 0 and w.lower in lower_words)):
            continue  # German adjectives before the noun name nobody; an English sentence start is no name
        if w.lower in lex.of("named_group") or not (_is_head(w.lower, lex) or _is_document(w.lower, lex)):
            return True
    return False


def anonymity(doc: _Doc, quote: Quote, entity: Entity | None, lex: StanceLexicon) -> SourceAnonymity:
    """``anonymous`` when the speaker's sentence says the name is withheld or names a
    concealed source ("aus Regierungskreisen", "sources"), ``unnamed`` for a role or group
    without a name (or no speaker at all), else ``named``. An indefinite speaker mention is
    unnamed even when the article names the person later (guidelines 6)."""
    speaker_spans = quote.speaker.spans if quote.speaker is not None else []
    anchors = speaker_spans or (quote.cue.spans if quote.cue is not None else [])
    # a person named by name is no concealed source, whatever the sentence says of others or of the
    # person ("Jan Roth, a lobbyist close to the party", "…, sagte Roth unter Berufung auf Insider");
    # only an explicit withholding ("who asked that her last name not be used") makes one anonymous
    withheld_only = _named_person(doc, speaker_spans, entity, lex)
    for b, _ in anchors:
        # an anonymity pattern that starts in the speaker's sentence, outside the quoted words
        if any(not _inside(pos, quote.spans) for pos in doc.anonymous_in(b, withheld_only)):
            return "anonymous"
    if quote.speaker is None or _impersonal_after(doc, quote, lex):
        return "unnamed"
    speaker_words = [w for b, e in speaker_spans for w in doc.between(b, e)]
    if len(speaker_words) == 1 and speaker_words[0].lower in lex.of("generic"):
        return "unnamed"  # generic "you", "man": anyone, no name (guidelines 3)
    if _third_person_subject(speaker_words, lex):
        # a pronoun speaker ("They said …") refers back: to sources named withheld in the sentence before
        start = doc.sentence(speaker_spans[0][0])[0]
        if start > 0 and any(not _inside(pos, quote.spans) for pos in doc.anonymous_in(start - 1)):
            return "anonymous"
    # an abstract noun as the speaker ("lautete die Frage", "die Angst aller Beobachter") is a source
    # like a document, unless the extraction resolved it to its owner ("seiner Ansicht nach" → the
    # person; an entity named by the abstract noun itself is no owner)
    abstract = lex.of("abstract")
    if entity is not None and not any(w.lower in abstract for w in words_in(entity.name, 0, len(entity.name))):
        abstract = frozenset()
    document = _document_source(doc, speaker_spans, speaker_words, lex, quote.spans, abstract)
    if document is not None:
        return document
    if speaker_words and speaker_words[0].lower in lex.of("indefinite"):
        return "unnamed"
    begin = speaker_spans[0][0]
    if _introduced_indefinite(doc, speaker_words, begin, lex) and (
        entity is None or _introduced_indefinite(doc, words_in(entity.name, 0, len(entity.name)), begin, lex)
    ):
        return "unnamed"  # "a partner at the firm … the partner told them": introduced without a name
    if _definite_institution(speaker_words, lex):
        return "named"  # "the administration", "die Staatsanwaltschaft": a unique definite description
    if _definite_person(speaker_words, lex):
        return "named"  # "the Vermont senator": a short definite phrase refers to a person the article names
    if _indefinite_before(doc, speaker_spans[0][0], lex):
        return "unnamed"  # "nach Angaben einer Gewerkschaft": the mention is indefinite (guidelines 6)
    if entity is not None:
        entity_words = words_in(entity.name, 0, len(entity.name))
        if _introduced_indefinite(doc, entity_words, begin, lex):
            return "unnamed"  # "he" for "the partner" whom the article introduced as "a partner"
        if _unnamed_mention(entity_words, lex, doc.lower_words):
            return "unnamed"
        return "named"
    return "unnamed" if _unnamed_mention(speaker_words, lex, doc.lower_words) else "named"


def _named_person(doc: _Doc, speaker_spans: Sequence[Span], entity: Entity | None, lex: StanceLexicon) -> bool:
    """Whether the speaker mention names a person by name (guidelines 3: named): its entity is a
    person and a word of the mention written upper case is a word of the entity's name ("Jan Roth, a
    lobbyist close to the party" → "Roth"); a mention that is itself a concealed source ("a source close
    to Roth") is none."""
    if entity is None or entity.type != "person" or not speaker_spans:
        return False
    mention = " ".join(doc.text[b:e] for b, e in speaker_spans)
    if any(p.search(mention) for p in lex.concealed):
        return False
    name = {w.lower for w in words_in(entity.name, 0, len(entity.name)) if w.text[:1].isupper()}
    pronouns = lex.of("pronoun") | lex.of("subject")
    return any(
        w.text[:1].isupper() and w.lower in name and w.lower not in pronouns
        for b, e in speaker_spans
        for w in doc.between(b, e)
    )


#: how many words after a document noun that ends the speaker mention may hold its issuer
ISSUER_WORDS = 8


def _document_source(
    doc: _Doc,
    speaker_spans: Sequence[Span],
    speaker_words: list[Word],
    lex: StanceLexicon,
    quote_spans: Sequence[Span] = (),
    abstract: frozenset[str] = frozenset(),
) -> SourceAnonymity | None:
    """The anonymity of a document as the source (guidelines 3): named when its issuer has a
    name, else unnamed; the issuer phrase may run on after the speaker mention ("Laut
    Informationen | des Parteichefs Max Muster"). ``None`` when no document noun (nor a noun of
    ``abstract``: "Frage", "Angst") heads the mention."""
    at = next((i for i, w in enumerate(speaker_words) if _is_document(w.lower, lex) or w.lower in abstract), None)
    if at is None:
        return None
    words = speaker_words
    if at == len(words) - 1:
        end = speaker_spans[-1][1]
        more: list[Word] = []
        for w in doc.between(end, doc.sentence(end)[1])[:ISSUER_WORDS]:
            if w.text in _CLAUSE_END or _inside(w.start, quote_spans) or _ends_issuer(w, lex):
                break
            more.append(w)
        words = [*words, *more]
        if len(words) == 1 and _definite_before(doc, speaker_spans[0][0], lex):
            return "named"  # "heißt es im Brief", "laut dem Papier": a short definite phrase refers back (guidelines 3)
    return "named" if _named_issuer(words, at, lex, doc.not_names) else "unnamed"


def _definite_before(doc: _Doc, begin: int, lex: StanceLexicon) -> bool:
    """Whether a definite article (or a preposition fused with one: "im", "vom") stands right before ``begin``."""
    before = doc.between(doc.sentence(begin)[0], begin)[-1:]
    forms = lex.of("definite") | lex.of("article") | lex.of("fused_article")
    return bool(before) and before[0].lower in forms and begin - before[0].end <= 1


def _ends_issuer(w: Word, lex: StanceLexicon) -> bool:
    """Whether ``w`` cannot continue a German issuer phrase after a document noun ("Berichten der
    bulgarischen Presse | ist er …"): a lower-case word that is no article, no issuer preposition
    and no attributive adjective (its verb, "ist"). Where case marks names (English) nothing ends it."""
    if lex.case_marks_names or not w.text.islower():
        return False
    if w.lower in lex.of("determiner") or w.lower in lex.of("issuer"):
        return False
    return not w.lower.endswith(ADJECTIVE_ENDINGS)


def _indefinite_before(doc: _Doc, begin: int, lex: StanceLexicon) -> bool:
    """Whether an indefinite article stands right before the speaker mention ("einer
    Bauerngewerkschaft", "an aide"), in German perhaps with attributive adjectives between
    ("eines thailändischen Jungen")."""
    before = doc.between(doc.sentence(begin)[0], begin)
    end = begin
    if not lex.case_marks_names:
        for _ in range(2):
            if not before or not (before[-1].text.islower() and before[-1].lower.endswith(ADJECTIVE_ENDINGS)):
                break
            if before[-1].lower in lex.of("determiner") or end - before[-1].end > 1:
                break
            end = before[-1].start
            before = before[:-1]
    last = before[-1:]
    return bool(last) and last[0].lower in lex.of("indefinite") and end - last[0].end <= 1


def _definite_institution(words: list[Word], lex: StanceLexicon) -> bool:
    """A definite article, then an institution noun ending the mention ("the administration", "die
    zuständige Behörde", "the Clinton campaign"; guidelines 3: a unique definite description names
    the organisation it refers to), with no role, group or document noun between ("der Sprecher
    des Ministeriums" is a role: unnamed)."""
    articles = lex.of("definite") | lex.of("article")
    if len(words) < 2 or words[0].lower not in articles or words[-1].lower not in lex.of("institution"):
        return False
    return not any(_is_head(w.lower, lex) or _is_document(w.lower, lex) for w in words[1:-1])


def _definite_person(words: list[Word], lex: StanceLexicon) -> bool:
    """A short definite phrase ending in a singular role noun, with nothing after it ("the senator",
    "the Vermont senator", "the former coach"; guidelines 3: follow a short definite NP to what it
    refers to, a person the article names). English only, where the plural is marked ("the
    senators" stays a group); not "the spokesman of the ministry" (a role of an organisation)."""
    if not lex.case_marks_names or len(words) < 2 or len(words) > 4 or words[0].lower not in lex.of("definite"):
        return False
    last = _without_possessive(words[-1])
    if not _is_head(last.lower, lex) or last.lower.endswith("s") or _is_document(last.lower, lex):
        return False
    # no role, document or owner between ("the governor's inner circle" is a group of the governor's)
    between = words[1:-1]
    return not any(
        _is_head(w.lower, lex) or _is_document(w.lower, lex) or w.lower.endswith(("'s", "’s")) for w in between
    )


def _without_possessive(word: Word) -> Word:
    """The word without an English possessive ending ("senator's" → "senator": "The Florida
    senator's answer was that …")."""
    for ending in ("'s", "’s"):
        if word.lower.endswith(ending):
            cut = len(word.text) - len(ending)
            return Word(word.text[:cut], word.start, word.start + cut, word.lower[:cut])
    return word


#: how many words may stand between the indefinite article and the noun of an introduction ("a senior partner")
INTRODUCTION_WITHIN = 2


def _introduced_indefinite(doc: _Doc, words: list[Word], before: int, lex: StanceLexicon) -> bool:
    """Whether a short definite phrase ("the partner", "der Mitarbeiter") takes up a person or thing
    the text introduced before ``before`` with an indefinite article and no name ("a partner at Mr.
    Roe's former firm told him …"; guidelines 3: follow a short definite NP to what it refers to;
    it has no name). Not when a name follows the introduction in apposition ("a partner, Ann Roe,"),
    nor (English) when a name stands before it in its sentence ("Roe provided a written statement …
    the statement said": the named one's)."""
    articles = lex.of("definite") | lex.of("article")
    if not 2 <= len(words) <= 4 or words[0].lower not in articles:
        return False
    head = _without_possessive(words[-1])
    if lex.case_marks_names and not head.text[:1].islower():
        return False  # an English name ("the Clinton campaign" ends in a noun, "the Post" is one)
    if _is_document(head.lower, lex):
        return False  # "Roe provided a statement … the statement said": a document has its issuer
    indefinite = lex.of("indefinite") & lex.of("determiner")  # the indefinite article, not "many"
    pattern = _introduction_pattern(tuple(sorted(indefinite)), head.lower)
    for match in pattern.finditer(doc.text, 0, before):
        if not _attributes_only(match.group(0).split()[1:-1], lex):
            continue  # "ein Sprecher der Polizei … die Polizei": the head is another noun phrase's
        if not lex.case_marks_names:
            return True
        rest = doc.text[match.end() : match.end() + 3]
        if rest[:1] == "," and rest[1:].strip()[:1].isupper():
            continue  # "a partner, Ann Roe,": named in apposition
        opening = doc.between(doc.sentence(match.start())[0], match.start())
        if not any(w.text[:1].isupper() for w in opening[1:]):
            return True  # not "Roe provided a written statement": what a named one holds may be named through it
    return False


def _attributes_only(between: list[str], lex: StanceLexicon) -> bool:
    """Whether the words between an indefinite article and the head are attributes of one noun
    phrase ("a senior partner", "ein früherer Mitarbeiter"): no article, determiner or preposition,
    and (German) no noun, which is upper case ("ein Sprecher der Polizei")."""
    closed = lex.of("article") | lex.of("definite") | lex.of("determiner") | lex.of("preposition")
    return not any(
        word.lower() in closed or (not lex.case_marks_names and word[:1].isupper()) for word in between
    )


@lru_cache(maxsize=256)
def _introduction_pattern(articles: tuple[str, ...], head: str) -> re.Pattern[str]:
    """An indefinite article, at most :data:`INTRODUCTION_WITHIN` words, then ``head`` (inflected:
    "eines Mitarbeiters")."""
    alternatives = "|".join(re.escape(a) for a in articles)
    return re.compile(
        rf"\b(?:{alternatives})\s+(?:[\w-]+\s+){{0,{INTRODUCTION_WITHIN}}}{re.escape(head)}(?:s|n|en|e)?\b",
        re.IGNORECASE,
    )


def _third_person_subject(words: list[Word], lex: StanceLexicon) -> bool:
    """A speaker mention that is one third-person subject pronoun ("they", "er")."""
    return len(words) == 1 and words[0].lower in lex.of("subject") and words[0].lower not in lex.of("first_person")


def _impersonal_after(doc: _Doc, quote: Quote, lex: StanceLexicon) -> bool:
    """Whether the words are closed by an impersonal frame that names no source ("…, hieß es.",
    "…, heißt es weiter."; not "heißt es in der Partei", "hieß es aus dem Ministerium", "heißt es
    darin"): a
    statement with no source in the text is unnamed (guidelines 3), whoever the extraction took
    for its speaker."""
    if not quote.spans or not lex.of("impersonal"):
        return False
    end = quote.spans[-1][1]
    after = doc.between(end, doc.sentence(end)[1])
    words = [w for w in after if w.text not in _CLAUSE_END and w.text not in _SENT_START]
    lows = [w.lower for w in words]
    if len(lows) < 2 or " ".join(lows[:2]) not in lex.of("impersonal"):
        return False
    sources = lex.of("issuer") | lex.of("source_preposition") | lex.of("preposition") | lex.of("fused_article")
    sources |= lex.of("genitive_preposition") | lex.of("referring_adverb")  # "seitens", "darin", "weiter"
    return not any(low in sources for low in lows[2:])
