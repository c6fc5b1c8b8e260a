"""The entities a statement is about (issue 17; guidelines in
``onrecord/evaluation/data/STANCE-GUIDELINES.md``).

:func:`about_entities` gives the ids of the entities named inside a quote's words, in order of
first mention: from the entity mentions inside the quote spans, and from names the mention finder
missed there (:func:`_name_keys`, :func:`_compound_keys`, :func:`_missed_mentions`); common nouns
(:func:`_common_nouns`), directions inside a place and pronouns of entities no mention names
(:func:`_unnamed`) are left out. Pure functions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from onrecord.extraction.stance_doc import _Doc, _inside
from onrecord.extraction.stance_lexicon import _QUOTE_MARKS, ADJECTIVE_ENDINGS, LemmaFn, StanceLexicon, _is_head
from onrecord.model import Entity, Quote, Span

__all__ = ["ABOUT_TYPES", "about_entities"]


#: entity types that ``about`` counts (a group — "Analysten", "Muslims", "the police" — is no named entity)
ABOUT_TYPES = frozenset({"person", "organization", "location", "other"})


def _name_keys(
    entities: Sequence[Entity],
    lex: StanceLexicon,
    common: frozenset[str],
    noun: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """Words that name one entity when a mention was missed: a person's last name ("Mogherini"
    for Federica Mogherini), where case marks names a one-word name ("Kosovo"), and with
    ``noun`` the name after a common noun that the name tagger joined to it ("Standort Hilden",
    "Shooter Destiny": :func:`_described_name`); a word two entities share names neither."""
    keys: dict[str, set[str]] = {}
    joined: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type not in ABOUT_TYPES or entity.id in common:
            continue
        parts = entity.name.split()
        if entity.type == "person" and len(parts) > 1:
            keys.setdefault(parts[-1], set()).add(entity.id)
        elif len(parts) == 1 and (lex.case_marks_names or entity.type == "location" or _acronym(parts[0])):
            # German: a place (a name without an article where case does not tell; "Haditha") or
            # an acronym ("IWF"); common nouns are left out by ``common``
            keys.setdefault(parts[0], set()).add(entity.id)
        elif noun is not None and len(parts) == 2 and _described_name(parts, noun):
            joined.setdefault(parts[1], set()).add(entity.id)
    for key, ids in joined.items():
        # a weaker key: a name another entity is keyed by already ("Salzburg" of "Universität
        # Salzburg" next to the city) stays the other entity's
        if key not in keys and not any(key in e.name.split() for e in entities if e.id not in ids):
            keys[key] = ids
    return {k: next(iter(v)) for k, v in keys.items() if len(v) == 1 and len(k) > 2 and k[:1].isupper()}


def _described_name(parts: list[str], noun: Callable[[str], bool]) -> bool:
    """Whether a two-word name is a common noun (``noun``; the last part of a hyphenated
    compound: "Open-World-Shooter") followed by a name that is no common noun nor a genitive
    ("Standort Hilden", "Provinz Faryab"); a place's adjective in "-er" is no such noun."""
    head, name = parts[0].rsplit("-", 1)[-1], parts[1]
    if head == parts[0] and head.endswith("er"):
        return False  # a place's adjective ("Wiener Flughafen"), no common noun before a name
    if name.endswith("s"):
        return False  # a genitive ("Identitätskrise Klosterneuburgs"): a description of the noun
    return name[:1].isupper() and not _acronym(head) and noun(head) and not noun(name)


def _acronym(word: str) -> bool:
    """A name written in capitals ("IWF", "NATO", "ÖVP"): no common noun, whatever the language's case rules."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _common_nouns(doc: _Doc, entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of entities that are common nouns, not names, where case does not tell (German): a
    one-word person name that the text writes after an article, perhaps with lower-case
    adjectives between ("ein mutiger Mann", "eine Organisation"; a person's name takes no
    article); a one-word name of another kind written after an indefinite article ("eine
    Bank", "einer Armee": a place or an organisation may take "die", never "eine")."""
    if doc.lex.case_marks_names:
        return frozenset()
    found: set[str] = set()
    determiners = doc.lex.of("determiner")
    indefinite = determiners & doc.lex.of("indefinite")  # the indefinite article ("eine"), not "viele"
    for entity in entities:
        if " " in entity.name.strip():
            continue
        person = entity.type == "person"
        articles = determiners if person else indefinite
        for b, e in entity.mentions:
            if doc.text[e : e + 1] == "-":
                continue  # the name opening a compound ("eine EU-Mission"): the article is the compound's
            before = [w for w in doc.between(doc.sentence(b)[0], b) if w.text not in _QUOTE_MARKS]
            for w in reversed(before[-4:]):
                if w.lower in articles:
                    found.add(entity.id)
                if not w.text[:1].islower() or w.lower in determiners:
                    break
                if not person and not w.lower.endswith(ADJECTIVE_ENDINGS):
                    break  # "ein von Peking dominiertes …": only adjectives stand between article and noun
    return frozenset(found)


def _dictionary_nouns(doc: _Doc, entities: Sequence[Entity], noun: Callable[[str], bool]) -> frozenset[str]:
    """Ids of one-word entities whose name ``noun`` (a language's dictionary test) takes for a
    common noun and that no mention writes right after a definite article ("an Bord", "in
    Ruhe", "die geplante Aktion": a name tagger's false names; a common noun names nobody,
    guidelines 1). An article right before a mention keeps it ("die Union", "am Ring"); persons
    (a last name may be a noun) and acronyms are left out."""
    articles = doc.lex.of("article") | doc.lex.of("fused_article")
    found: set[str] = set()
    for entity in entities:
        name = entity.name.strip()
        if entity.type == "person" or " " in name or _acronym(name) or not noun(name):
            continue
        if any(_after_article(doc, mention, articles) for mention in entity.mentions):
            continue
        found.add(entity.id)
    return frozenset(found)


def _after_article(doc: _Doc, mention: Span, articles: frozenset[str]) -> bool:
    """Whether a mention opens with a definite article or follows one, perhaps across
    capitalised words of the name ("das Burgenland", "im Deutschen Bundestag"; not "die
    geplante Aktion")."""
    b, e = mention
    words = doc.between(b, e)
    if words and words[0].lower in articles:
        return True
    for w in reversed(doc.between(doc.sentence(b)[0], b)[-3:]):
        if w.lower in articles:
            return True
        if not w.text[:1].isupper():
            return False
    return False


def _descriptions(entities: Sequence[Entity], lex: StanceLexicon) -> frozenset[str]:
    """Ids of entities whose name is a description by role, where case does not tell (German): a
    role or group noun followed by a lower-case word and more ("Kommandant der Jihadistenmiliz
    Islamischer Staat", "Sprecher des Ministeriums"); a common-noun description names nobody
    (guidelines 2), the names inside it are mentions of their own; a pronoun that refers to the
    entity still counts."""
    if lex.case_marks_names:
        return frozenset()
    found: set[str] = set()
    for entity in entities:
        words = entity.name.split()
        if len(words) > 2 and words[1][:1].islower() and _is_head(words[0].lower(), lex):
            found.add(entity.id)
    return frozenset(found)


#: endings of a German noun's plural or genitive form ("Tests", "Babys", "Menschen", "Orte"); a
#: bare "-n" is left out, since it also ends names that the lemma table takes for plurals ("Ungarn", "Grünen")
_INFLECTION_ENDINGS = ("s", "es", "e", "en", "er")


def _inflected_nouns(doc: _Doc, entities: Sequence[Entity], lemma: LemmaFn) -> frozenset[str]:
    """Ids of one-word entities whose name is an inflected form of a common noun, where case
    does not tell (German): the lemma table gives a capitalised lemma that the name extends by a
    plural or genitive ending ("in Tests" → Test, "dass Babys …" → Baby; a name is written
    uninflected). A name ending in "-s" that some mention uses as a genitive before a noun or
    after "des" ("Israels Regierung") is kept; hyphenated compounds ("EU-Kreisen") and acronyms
    are left to :func:`_compound_keys`."""
    if doc.lex.case_marks_names:
        return frozenset()
    found: set[str] = set()
    for entity in entities:
        name = entity.name.strip()
        if " " in name or "-" in name or _acronym(name):
            continue
        base = lemma(name)
        if base == name or not base[:1].isupper() or name[len(base) :] not in _INFLECTION_ENDINGS:
            continue
        if name[: len(base)] != base:
            continue
        if name.endswith("s") and any(_genitive(doc, mention) for mention in entity.mentions):
            continue
        found.add(entity.id)
    return frozenset(found)


def _genitive(doc: _Doc, mention: Span) -> bool:
    """Whether the mention reads as a genitive: before a noun or an inflected adjective
    ("Israels Regierung", "Europas größte Fluglinie"), after a noun ("die Hauptstadt
    Österreichs"), after a word of class ``genitive_preposition`` ("des", "innerhalb
    Europas"), or in a list next to another capitalised word in "-s" ("Bürger Syriens,
    Afghanistans und Ungarns")."""
    b, e = mention
    start, end = doc.sentence(b)
    before = doc.between(start, b)[-2:]
    after = doc.between(e, end)[:2]
    genitive = doc.lex.of("genitive_preposition")
    if before and (before[-1].lower in genitive or (before[-1].text[:1].isupper() and before[-1].start > start)):
        return True
    if after and (after[0].text[:1].isupper() or after[0].lower.endswith(ADJECTIVE_ENDINGS)):
        return True
    pairs = [before[::-1], after]
    return any(
        len(p) == 2
        and (p[0].text == "," or p[0].lower in doc.lex.of("coordinator"))
        and p[1].text[:1].isupper()
        and p[1].text.endswith("s")
        for p in pairs
    )


def _named_somewhere(doc: _Doc, entity: Entity) -> bool:
    """Whether a mention of ``entity`` names it (guidelines 2: a pronoun counts only when its
    referent is named in the article): no pronoun, a mention :meth:`_Doc.names` accepts and,
    where case marks names, whose last word after articles and possessives is capitalised
    ("Hillary Clinton", "the Supreme Court"; not "Her mother", "an Australian woman")."""
    lex = doc.lex
    skip = lex.of("determiner") | lex.of("third_person")
    for b, e in entity.mentions:
        words = doc.between(b, e)
        if not words or (len(words) == 1 and words[0].lower in lex.of("third_person")) or not doc.names((b, e)):
            continue
        content = [w for w in words if w.lower not in skip and w.text[:1].isalpha()]
        if lex.case_marks_names and (not content or not content[-1].text[:1].isupper()):
            continue
        return True
    return False


def _unnamed(doc: _Doc, entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of the entities that no mention names (an unnamed source that a pronoun refers to)."""
    return frozenset(e.id for e in entities if not _named_somewhere(doc, e))


def _part_of_a_place(doc: _Doc, mention: Span) -> bool:
    """A direction word (class ``non_name``) followed by the place it divides: "im Osten des
    Landes", "im Süden Italiens" (not "der Westen" alone, the political West)."""
    b, e = mention
    if doc.text[b:e].lower() not in doc.lex.of("non_name"):
        return False
    after = doc.between(e, doc.sentence(b)[1])[:1]
    return bool(after) and (after[0].lower in doc.lex.of("determiner") or after[0].text[:1].isupper())


def _named_source(doc: _Doc, mention: Span) -> bool:
    """Whether the mention names the source of the words around it, inside them: after a word
    of class ``source_opening`` ("laut Justizsprecher X", "according to Senator X"; determiners
    and role nouns between) or before one of class ``source_closing`` ("X zufolge"). A source
    is no topic (guidelines: the speaker mention is not counted)."""
    b, e = mention
    start, end = doc.sentence(b)
    before = doc.between(start, b)[-5:]
    skip = doc.lex.of("determiner")
    while before and (before[-1].lower in skip or _is_head(before[-1].lower, doc.lex)):
        before.pop()
    opening = doc.lex.of("source_opening")
    if before and (before[-1].lower in opening or " ".join(w.lower for w in before[-2:]) in opening):
        return True
    after = doc.between(e, end)[:1]
    return bool(after) and after[0].lower in doc.lex.of("source_closing")


#: how many characters after a mention its affiliation's closing parenthesis may stand ("(SPÖ, Wien)")
AFFILIATION_AFTER = 40


def _speaker_affiliation(text: str, mention: Span, speaker: Sequence[Span]) -> bool:
    """Whether the mention stands in parentheses right after a speaker mention ("Vizekanzler X
    (ÖVP) kritisiert …", "Sen. Ann Kole (D-Ohio) said …"): the speaker's party or place, part of
    the speaker's description, no topic of the words (guidelines: the speaker mention is not
    counted)."""
    b, e = mention
    for _, se in speaker:
        if se > b:
            continue
        opening = text.rfind("(", se, b)
        if opening < 0 or text[se:opening].strip() or ")" in text[opening:b]:
            continue
        close, reopen = text.find(")", e, e + AFFILIATION_AFTER), text.find("(", e, e + AFFILIATION_AFTER)
        if close >= 0 and (reopen < 0 or close < reopen):
            return True
    return False


def _cue_subject(doc: _Doc, quote: Quote, mention: Span) -> bool:
    """Whether the mention is the inverted subject of the quote's own cue where a quote span holds
    the cue (a span drawn over its whole sentence): right after the cue behind one or two role
    nouns ("… forderte Staatschef X den Premier …"; a bare name there may be the object: "hält
    X für …"). That is the source of the words, whoever
    the speaker was taken to be. (The subject before the cue is left: a statement may open with
    its source, "Turkish President X said …", and the guidelines then count it.)"""
    if quote.cue is None:
        return False
    b, e = mention
    for cb, ce in quote.cue.spans:
        if not _inside(cb, quote.spans) or doc.sentence(b) != doc.sentence(cb):
            continue
        between = doc.between(ce, b) if b >= ce else None
        if between and len(between) <= 2 and all(_is_head(w.lower, doc.lex) for w in between):
            return True
    return False


def _place_of_a_person(doc: _Doc, mention: Span, person_ends: frozenset[int]) -> bool:
    """Whether the place names where a person holds a role, as part of the person's description:
    right after a person's name (a mention ending at one of ``person_ends``, :meth:`_Doc.person_ends`)
    and a word of class ``person_place`` ("Senator Ann Kole of Ohio"). The place describes the
    person there; it is no topic. (Before a role noun, "the Ohio senator", the gold counts it one
    time and not the other: left.)"""
    b, _ = mention
    before = doc.between(doc.sentence(b)[0], b)[-1:]
    if not before or before[0].lower not in doc.lex.of("person_place"):
        return False
    return len(doc.text[: before[0].start].rstrip()) in person_ends


_NEXT_WORD = re.compile(r"[-\s]?(\w+)")


def _currency_name(doc: _Doc, mention: Span) -> bool:
    """Whether the mention names the country of a currency, right before a word of class
    ``currency``, hyphenated or not ("US-Dollar", "U.S. dollars"): an amount, no topic."""
    m = _NEXT_WORD.match(doc.text, mention[1])
    return m is not None and m.group(1).lower() in doc.lex.of("currency")


def _acronym_aliases(doc: _Doc, entities: Sequence[Entity]) -> dict[str, str]:
    """Pairs of entities (both ways) that are one: a name followed by an acronym in parentheses
    that starts with the name's first letter ("Central Intelligence Agency (CIA)",
    "Bundesnachrichtendienst (BND)"); no person ("Gaby Schaunig (SPÖ)" names her party)."""
    ends: dict[int, str] = {}
    for entity in entities:
        if entity.type != "person":
            for _, e in entity.mentions:
                ends.setdefault(e, entity.id)
    first = {e.id: e.name.strip()[:1].lower() for e in entities}
    pairs: dict[str, str] = {}
    for entity in entities:
        if entity.type == "person" or not _acronym(entity.name.strip()):
            continue
        for b, e in entity.mentions:
            if doc.text[b - 1 : b] != "(" or doc.text[e : e + 1] != ")":
                continue
            other = ends.get(len(doc.text[max(0, b - 4) : b - 1].rstrip()) + max(0, b - 4))
            if other is not None and other != entity.id and first[other] == first[entity.id]:
                pairs.setdefault(entity.id, other)
                pairs.setdefault(other, entity.id)
    return pairs


def _compound_keys(entities: Sequence[Entity], keys: dict[str, str], common: frozenset[str]) -> dict[str, str]:
    """Names that may open a hyphenated compound ("EU-Staaten", "Faymann-Politik", "SPÖ-Chef"):
    the name keys and every one-word name of an entity ``about`` counts (guidelines 4: a name
    written hyphenated inside a compound counts)."""
    found: dict[str, set[str]] = {k: {v} for k, v in keys.items()}
    for entity in entities:
        if entity.type in ABOUT_TYPES and entity.id not in common and " " not in entity.name.strip():
            found.setdefault(entity.name.strip(), set()).add(entity.id)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k[:1].isupper()}


def _missed_mentions(
    doc: _Doc, quote: Quote, keys: dict[str, str], compounds: Mapping[str, str] | None = None
) -> list[tuple[int, str]]:
    """Words inside the quote that are a name key (or its possessive: "Merkels", "Obama's"), or a
    hyphenated compound opened by a name of ``compounds`` ("EU-Außengrenzen"), and lie in no
    entity mention nor the speaker mention ("SPÖ-Chef Max Muster sagte"): (start, entity id)."""
    found: list[tuple[int, str]] = []
    speaker = list(quote.speaker.spans) if quote.speaker is not None else []
    for qb, qe in quote.spans:
        at = bisect.bisect_left(doc.mention_starts, qb)
        covered = [(b, e) for b, e, _ in doc.mentions[at : bisect.bisect_left(doc.mention_starts, qe)]] + speaker
        for w in doc.between(qb, qe):
            if not w.text[:1].isupper() or _inside(w.start, covered):
                continue
            eid = keys.get(w.text) or (keys.get(w.text[:-1]) if w.text.endswith("s") else None)
            eid = eid or (keys.get(w.text[:-2]) if w.text.endswith(("'s", "’s")) else None)
            if eid is None and compounds and "-" in w.text.strip("-"):
                if w.text.split("-")[-1].lower() not in doc.lex.of("currency"):  # not "US-Dollar"
                    eid = compounds.get(w.text.split("-")[0])
            if eid is not None:
                found.append((w.start, eid))
    return found


def about_entities(
    doc: _Doc,
    quote: Quote,
    types: Mapping[str, str] | None = None,
    keys: dict[str, str] | None = None,
    common: frozenset[str] = frozenset(),
    compounds: Mapping[str, str] | None = None,
    speaker_entity: Entity | None = None,
    unnamed: frozenset[str] = frozenset(),
    described: frozenset[str] = frozenset(),
    aliases: Mapping[str, str] | None = None,
) -> list[str]:
    """Ids of the entities named inside the quote's words, in order of first mention. The
    speaker counts only when the words name it, never for being the speaker: a mention that
    overlaps the speaker mention and a third-person pronoun resolved to the speaker (the
    reported "I": "she said she would …") are skipped; so are groups (``types``), common
    nouns (``common``, :func:`_common_nouns`) and directions inside a place ("im Osten des
    Landes"). ``keys`` (:func:`_name_keys`) adds names the mention finder missed inside the words.
    A mention of ``speaker_entity`` (the speaker's entity) that overlaps the speaker mention is
    the speaker's too: another entity found inside it is skipped. A pronoun of an entity in
    ``unnamed`` (:func:`_unnamed`: no mention names it) is skipped too; so are the mentions of an
    entity in ``described`` (:func:`_descriptions`, named by a description), pronouns excepted,
    a source named inside the words (:func:`_named_source`) and the country of a currency
    (:func:`_currency_name`); of two entities that ``aliases`` (:func:`_acronym_aliases`) pairs,
    the one named first stands for both."""
    own = list(quote.speaker.spans) if quote.speaker is not None else []
    speaker = list(own)
    if own and speaker_entity is not None:
        # the speaker's own name mention inside the words ("Der EU-Kommissar für Energie Günther
        # Oettinger nannte …" spanning the sentence): another entity found inside it is no topic
        speaker += [(b, e) for b, e in speaker_entity.mentions if any(b < se and sb < e for sb, se in own)]
    person_ends = frozenset() if types is None else doc.person_ends(types)
    inside: list[tuple[int, str]] = []
    for qb, qe in quote.spans:
        at = bisect.bisect_left(doc.mention_starts, qb)
        for b, e, eid in doc.mentions[at : bisect.bisect_left(doc.mention_starts, qe)]:
            if e > qe or any(b < se and sb < e for sb, se in speaker) or not doc.names((b, e)):
                continue
            if (types is not None and types.get(eid) not in ABOUT_TYPES) or eid in common:
                continue
            if (types is None or types.get(eid) in ("person", "organization")) and _cue_subject(doc, quote, (b, e)):
                continue
            if _part_of_a_place(doc, (b, e)) or _named_source(doc, (b, e)) or _currency_name(doc, (b, e)):
                continue
            if _speaker_affiliation(doc.text, (b, e), speaker):
                continue
            if types is not None and types.get(eid) == "location" and _place_of_a_person(doc, (b, e), person_ends):
                continue
            pronoun = doc.text[b:e].lower() in doc.lex.of("third_person")
            if pronoun and (eid == quote.entity or eid in unnamed):
                continue
            if not pronoun and eid in described:
                continue  # "ein Kommandant der Miliz X": a description, not a name (its pronouns count)
            inside.append((b, eid))
    if keys or compounds:
        inside += _missed_mentions(doc, quote, keys or {}, compounds)
    found = list(dict.fromkeys(eid for _, eid in sorted(inside)))
    if aliases:
        # "Central Intelligence Agency (CIA)": one entity, listed where the words first name it
        found = [eid for i, eid in enumerate(found) if aliases.get(eid) not in found[:i]]
    return found
