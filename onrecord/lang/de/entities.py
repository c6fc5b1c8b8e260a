"""German entities of an article: names, pronoun and role-noun resolution, types and roles.

Needs: a PreparedDoc, the speaker-like mentions, the chosen speakers and the NER tag of each
token. Adds: entities with their fullest name, all mentions, a type and the roles found in
appositions, relative clauses and role nouns, plus a map from each speaker candidate to its
entity.

Mentions are read in text order (a longer mention before the shorter ones inside it):

1. a pronoun speaker resolves to the last person ("er") or the last person, organisation or
   group ("sie");
2. a mention inside a role already read ("Anna Berger, *Professorin* an der …") belongs to
   the role's holder when it is a speaker;
3. a plural group noun ("Analysten", "Regierungskreise") is an unnamed group; the same noun
   again is the same group;
4. a role phrase without a name ("ein Sprecher des Auswärtigen Amts", "die Ministerin") is
   the last person holding a role with that title, else (for a speaker) an unnamed person
   named by the phrase;
5. a name (the NER tagger's PER/ORG tokens, else the capitalised run) joins the name
   clusters of :class:`NameResolver` (surnames, surname-first names, genitives); it is an
   entity when the NER tagger, the gazetteer or a role vouches for it, or when it speaks:
   capitalised common nouns ("Erhöhung der Ticketpreise") are not entities.

A reporting noun, document or abstract noun ("Angaben der Polizei", "einer Aussendung der
Arbeiterkammer", "Zschäpes Erklärung", "seiner Meinung nach") stands for its owner or issuer,
and without one it is no entity (never a person "Aussendung"). A leading preposition ("Laut
Knoll") is no part of a name; seasons and months are no entities ("Herbst", "Mai Wien" →
Wien), directions are places ("Westen"), "<Land>s Unterstützung" is the country.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from onrecord.extraction.names import NameCluster, NameResolver
from onrecord.lang.de.lexicon import data_lines, lexicon
from onrecord.lang.de.memo import memoised
from onrecord.lang.de.role_rules2 import described_body_names, possessive_organisation
from onrecord.lang.de.roles import (
    KindAt,
    RoleMatch,
    affiliations_after,
    apposition_after,
    coordinated_after,
    coordinated_before,
    is_feminine_role,
    is_role,
    names_role_after,
    nominative,
    one_coordinated_title,
    parse_role,
    role_before,
    role_before_comma,
    role_before_role,
    role_phrase,
    role_places,
)
from onrecord.lang.de.sources import is_abstract, is_document, outlet_gender
from onrecord.lang.de.speakers import ENGLISH_JOINERS, NAME_PARTICLES, Candidate
from onrecord.lang.de.tokens import PreparedDoc, Token
from onrecord.model import Entity, EntityKind, EntityType, Role
from onrecord.resolve.gazetteer import default_gazetteer
from onrecord.resolve.keys import fold, surnames_first

_TYPE_MAP: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "location"}
_ORG_SUFFIXES = ("organisation", "dienst",
                 "ministerium", "amt", "partei", "regierung", "bank", "verband", "institut", "universität",
                 "gericht", "konzern", "agentur", "kommission", "rat", "behörde", "polizei", "armee", "union",
                 "betriebe", "werke", "gewerkschaft", "stiftung", "gesellschaft", "fraktion", "zeitung",
                 "sender", "kasse", "kammer", "senat", "ag", "gmbh", "bundestag", "landtag", "verein")
#: a hyphenated given name ("Jae-myung", "Jae-in"), which a name run may contain
_GIVEN_HYPHENATED = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
#: the heads of compound times of day ("Mittwochabend", "Montagmorgen")
_TIME_HEADS = ("abend", "morgen", "nachmittag", "vormittag", "mittag")
_INDEFINITE = frozenset({"ein", "eine", "einer", "eines", "einem", "einen"})
_ARTICLES = _INDEFINITE | {"der", "die", "das", "des", "dem", "den"}
#: articles/contractions whose case is unambiguous, so an organisation after them can be
#: given in the nominative ("des Auswärtigen Amts" → "Auswärtiges Amt")
_OBLIQUE = frozenset({"des", "eines", "dem", "einem", "im", "am", "beim", "vom", "zum", "zur"})
_PREPOSITIONS = frozenset({"an", "bei", "von", "mit", "nach", "aus", "zu", "in", "auf", "unter", "vor", "seit"})
_POSSESSIVES = {
    **{f"sein{e}": "er" for e in ("", "e", "er", "em", "en", "es")},
    **{f"ihr{e}": "sie" for e in ("", "e", "er", "em", "en", "es")},
}
_PARTICLE_LEADS = frozenset({"von", "van", "de"})  # "der"/"den" only inside "von der Leyen"
#: capitalised words ending in -s before a noun that are no genitive name ("Dieses Bericht")
_NOT_GENITIVE_NAMES = frozenset({"dieses", "jenes", "welches", "eines", "des", "alles", "ihres", "seines",
                                 "unseres", "eures", "meines", "deines", "keines", "manches", "jedes", "anderes"})


@dataclass
class Gazetteer:
    """Entity-type evidence per word and known given names (from GermEval 2014, CC BY 4.0)."""

    types: dict[str, str] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(types=data["types"], first_names=frozenset(data["first_names"]))

    def type_of(self, word: str) -> str:
        """The gazetteer type of a word or of its genitive stem ("Chinas" → LOC), else ""."""
        found = self.types.get(word)
        if found is None and word.endswith("s"):
            found = self.types.get(word[:-1])
        return found or ""


@cache
def _gazetteer(path: Path) -> Gazetteer:
    return Gazetteer.load(path)


@dataclass
class _Building:
    cluster: NameCluster | None
    name: str
    type: EntityType
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[RoleMatch] = field(default_factory=list)
    kind: EntityKind | None = None


@dataclass
class _State:
    """What resolution has read so far in one document."""

    building: list[_Building] = field(default_factory=list)
    by_cluster: dict[int, _Building] = field(default_factory=dict)
    of_mention: dict[Candidate, _Building] = field(default_factory=dict)
    last_seen: dict[int, int] = field(default_factory=dict)
    last_person: _Building | None = None
    last_collective: _Building | None = None  # organisation or group
    names: list[tuple[int, int, _Building]] = field(default_factory=list)  # token ranges of names
    roles: list[tuple[int, int, _Building]] = field(default_factory=list)  # token ranges of roles
    groups: dict[str, _Building] = field(default_factory=dict)

    def new(self, cluster: NameCluster | None, name: str, etype: EntityType) -> _Building:
        b = _Building(cluster, name, etype)
        self.building.append(b)
        if cluster is not None:
            self.by_cluster[id(cluster)] = b
        return b

    def seen(self, ent: _Building, span: tuple[int, int], cand: Candidate | None, mention: bool = True) -> None:
        """Record a mention of ``ent`` (and, for a candidate, that it resolves to ``ent``)."""
        if mention:
            ent.mentions.append(span)
        if cand is not None:
            self.of_mention[cand] = ent
        self.last_seen[id(ent)] = span[0]
        if ent.type == "person":
            self.last_person = ent
        elif ent.type in ("organization", "group"):
            self.last_collective = ent


def _no_kind(_: int) -> str:
    return ""


def kind_at(types: list[str], doc: PreparedDoc, gaz: Gazetteer) -> KindAt:
    """The NER tag of a token, else its gazetteer type (for roles' places and organisations)."""

    def at(i: int) -> str:
        return types[i] or gaz.type_of(doc.tokens[i].text)

    return at


def _particle_ok(particle: str, before: str) -> bool:
    """"der"/"den" continue a name only after "von" ("Ursula von der Leyen")."""
    return particle not in ("der", "den") or before in _PARTICLE_LEADS


def _name_word(tok: Token) -> bool:
    """A capitalised word that can continue a name (not a role noun)."""
    return tok.text[:1].isupper() and tok.text.replace("-", "").isalpha() and not is_role(tok)


@cache
def _noun_suffixes() -> tuple[str, ...]:
    """Endings of common nouns that end no name (``data/noun_suffixes.txt``)."""
    return tuple(data_lines("noun_suffixes.txt"))


def common_noun(tok: Token) -> bool:
    """A capitalised word that is a common noun, never a part of a name: an inflected noun (its
    lemma is another capitalised form: "Reisenden" → "Reisende"), a noun with a common-noun
    ending ("Empörung"), a time word or a compound of one ("Mittwochabend"), or a listed noun of
    the lexicons (reporting noun, document, abstract noun). The head of an
    organisation's name ("Kommission", "Zeitung") is none of these."""
    text = tok.text
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or text.isupper():
        return False
    low = text.lower()
    if low.endswith(_ORG_SUFFIXES):
        return False
    if len(text) >= 7 and tok.lemma != text and tok.lemma[:1].isupper() and tok.lemma.lower() != low.rstrip("s"):
        return True  # "Reisenden" → "Reisende", "Ansprüchen" → "Anspruch" (not a genitive "Merkels")
    last = low.rsplit("-", 1)[-1]
    if any(last.endswith(x) and len(last) - len(x) >= 3 for x in _noun_suffixes()) or low in lexicon().time_words:
        return True
    if any(last.endswith(t) and len(last) - len(t) >= 3 for t in _TIME_HEADS):
        return True  # "Mittwochabend", "Jahresende"
    lex = lexicon()
    return lex.cues.get(tok.lemma) == "noun" or text in lex.documents or text in lex.abstract_nouns


def _person_like(tok: Token, tag: str, gaz: Gazetteer) -> bool:
    """A word that can end a person's name: typed PER, a known given name, or a capitalised
    word that is no inflected adjective ("Schweriner", "Europäische") and no common noun."""
    if tag == "PER" or tok.text in gaz.first_names:
        return True
    low = tok.lower
    return (not common_noun(tok) and tok.lemma[:1].isupper()
            and not low.endswith(("er", "e", "en", "es", "isch", "ische", "ischen")))


def trim_name(doc: PreparedDoc, b: int, e: int, types: list[str], gaz: Gazetteer) -> tuple[int, int]:
    """The name inside a capitalised run [b, e) cut where it runs on into the clause:

    * before a given name after a place, an organisation word, a hyphenated compound or a common
      noun ("in der Steiermark Franz Voves" → "Franz Voves");
    * at a common noun after a person's name ("Stadträtin Anna Beispiel Empörung" → "Anna
      Beispiel");
    * after a genitive before a noun ("Anna Beispiels Vorschlag" → "Anna Beispiels", whose
      stem the name resolver matches; "Ruritanias Unterstützung" → "Ruritanias");
    * before a surname written first ("Oppositionsführer Lee Jae-myung" → "Lee Jae-myung").
    """
    toks = doc.tokens
    while e - b >= 3 and toks[b + 1].text in gaz.first_names and toks[b].text not in gaz.first_names and (
        "-" in toks[b].text or common_noun(toks[b]) or gaz.types.get(toks[b].text) in ("LOC", "ORG")
        or _known_place(toks[b].text) or _person_noun(toks[b].text)
    ):
        b += 1  # "in der Steiermark Franz Voves": the person starts at the given name
    for i in range(b + 1, e):
        if not common_noun(toks[i]) or {types[i - 1], types[i]} & {"ORG", "LOC", "OTH"}:
            continue  # a noun the tagger reads as part of an organisation's name is one
        prev = toks[i - 1]
        named = any(types[k] == "PER" or toks[k].text in gaz.first_names for k in range(b, i))
        if named or _person_like(prev, types[i - 1], gaz) or _genitive(prev, gaz):
            return b, i
    for i in range(b, e - 1):
        if _genitive(toks[i], gaz) and toks[i + 1].text not in gaz.first_names and (
            types[i + 1] != "PER" or _place_genitive(toks[i], gaz)
        ):
            return b, i + 1  # "Ruritanias Teamkapitän": the place's, not a person
    for i in range(b + 1, e - 1):
        if surname_first_name(doc, i, e) and toks[i - 1].text not in gaz.first_names and types[i - 1] != "PER":
            return i, e
    if _two_surnames(doc, b, e, gaz):
        return b, b + 1  # "sagten Merkel Macron und Biden": a list without its comma, no one person
    return b, e


#: endings of German nouns for persons glued before a name by the tagger ("Favoritin Hillary
#: Clinton", "Bewerber Jeb Bush", "Engländer Andy Sullivan")
_PERSON_NOUN_ENDINGS = ("in", "er", "ler", "ner", "aner", "ist", "istin", "ent", "entin", "ant", "antin", "or")


def _person_noun(word: str) -> bool:
    """A capitalised German noun for a person, by its ending, of three or more letters before it."""
    return word.isalpha() and any(word.endswith(x) and len(word) - len(x) >= 3 for x in _PERSON_NOUN_ENDINGS)


def _two_surnames(doc: PreparedDoc, b: int, e: int, gaz: Gazetteer) -> bool:
    """Two capitalised words of which neither is a given name, both named before as surnames,
    inside a list of names ("Angela Merkel … Emmanuel Macron … Merkel Macron und Biden"): two
    people, not one."""
    toks = doc.tokens
    if e - b != 2 or e + 1 >= len(toks) or toks[e].lower not in ("und", "sowie", ","):
        return False
    first, second = toks[b], toks[b + 1]
    if first.text in gaz.first_names or second.text in gaz.first_names or fold(first.text) in surnames_first():
        return False
    seen = {toks[j].text for j in range(1, b) if toks[j - 1].text[:1].isupper() and toks[j - 1].text.isalpha()}
    if first.text not in seen or second.text not in seen:
        return False  # both must be surnames of people the text named before ("Angela Merkel" … "Merkel Macron")
    nxt = toks[e + 1]
    if not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() and not t.text.isupper()
               for t in (first, second, nxt)) or not _name_word(nxt) or common_noun(nxt):
        return False  # "Hubert Siller, Leiter des …": an apposition, no list
    if toks[e].text == ",":
        after = e + 2 + (e + 2 < len(toks) and _name_word(toks[e + 2]))
        return after < len(toks) and toks[after].lower in ("und", "sowie", ",")
    return True


def surname_first_name(doc: PreparedDoc, i: int, end: int) -> bool:
    """Whether tokens [i, end) are an East-Asian name, surname first: a listed surname and one
    or two given-name syllables ("Lee Jae-myung", "Moon Jae In", "Xi Jinping")."""
    toks = doc.tokens
    return (fold(toks[i].text) in surnames_first() and 1 <= end - i - 1 <= 2
            and all(_syllables(t.text) for t in toks[i + 1 : end]))


def _genitive(tok: Token, gaz: Gazetteer) -> bool:
    """A genitive of a place ("Ruritanias") or of a name ("Beispiels"): ends in -s, is no given
    name ("Klaus", "Andreas"), no common noun and no word that merely ends in s."""
    text = tok.text
    if not text.endswith("s") or len(text) < 4 or text in gaz.first_names or text.isupper():
        return False
    if tok.lower in _NOT_GENITIVE_NAMES or common_noun(tok):
        return False
    return _place_genitive(tok, gaz) or gaz.types.get(text[:-1]) == "PER"


def _place_genitive(tok: Token, gaz: Gazetteer) -> bool:
    """The genitive of a known place ("Kanadas", "Wiens"; not "Paris", "Massachusetts")."""
    text = tok.text
    if not text.endswith("s") or text in gaz.types or _known_place(text, exact=True):
        return False
    return gaz.types.get(text[:-1]) == "LOC" or _known_place(text[:-1])


def _syllables(word: str) -> bool:
    """The given-name part of an East-Asian name: short syllables, hyphenated ("Jae-myung",
    "Jinping", "Jae", "In")."""
    parts = word.split("-")
    return word[:1].isupper() and all(p.isalpha() and 1 < len(p) <= 7 for p in parts)


def _known_place(name: str, exact: bool = False) -> bool:
    """A place or country of the resolution gazetteer ("Ruritania" is none, "Kanada" is one);
    ``exact``: as written, not as the genitive of one ("Paris" is, "Kanadas" is not)."""
    entry = default_gazetteer().lookup(name)
    if entry is None or entry.type != "location":
        return False
    return not exact or fold(name) in {fold(n) for n in entry.names}


#: kinship nouns the tagger takes into a name ("Bruder Witali"): no part of it, and no role
_KINSHIP = frozenset({"Bruder", "Schwester", "Sohn", "Tochter", "Vater", "Mutter", "Ehemann", "Ehefrau", "Gattin",
                      "Gatte", "Witwe", "Witwer", "Onkel", "Tante", "Neffe", "Nichte", "Cousin", "Cousine", "Enkel",
                      "Enkelin", "Bruders", "Sohnes", "Vaters"})


def name_core(
    doc: PreparedDoc, cand: Candidate, types: list[str], kinds: KindAt | None = None
) -> tuple[int, int, RoleMatch | None]:
    """The name inside a mention: "die Forscherin Anna Berger" → "Anna Berger" (+ the role
    noun before it). Prefers the tokens the NER tagger typed as a person or organisation;
    otherwise drops leading articles, adjectives and role nouns and stops at the first
    lower-case word after the name ("Präsident Kennedy am 25. Mai" → "Kennedy"); "der"/"den"
    continue a name only after "von" ("Ursula von der Leyen", not "Erhöhung der Preise")."""
    toks = doc.tokens
    for tag in ("PER", "ORG"):
        idx = [i for i in range(cand.begin, cand.end) if types[i] == tag]
        if idx:
            b, e = idx[0], idx[0] + 1
            while e < cand.end and types[e] == tag:
                e += 1
            while b < e - 1 and toks[b].lower in lexicon().prepositions:
                b += 1  # "Laut Knoll", "Laut der Weltgesundheitsorganisation": the preposition is no name
            if tag == "PER":
                while b > cand.begin and not types[b - 1] and _given_name_before(doc, b - 1):
                    b -= 1  # "Sergej" + "Netschajew" tagged alone: the given name is part of the name
                while e - b >= 2 and (is_role(toks[b]) or toks[b].text in _KINSHIP) and _name_word(toks[b + 1]) and (
                    not is_role(toks[b + 1])
                ):
                    b += 1  # "Landeshauptmann Günther Platter", "Bruder Witali" tagged as one name
                # a surname the tagger left untyped ("Recep Tayyip" + "Erdoğan")
                while e < cand.end and not types[e] and _name_word(toks[e]):
                    e += 1
                e = _particle_tail(doc, e, cand.end)
            else:
                e = _english_name_end(doc, e, doc.sentences[toks[b].sent][1])  # beyond a cut mention
                b = _english_name_begin(doc, b, e, doc.sentences[toks[b].sent][0])
                # "die Hamburger Osteuropa-Expertin Vogel" tagged as one organisation: a role
                # noun inside it makes what follows the name of a person holding that role
                role_at = max((i for i in range(b, e - 1) if is_role(toks[i])), default=None)
                if role_at is not None and all(_name_word(t) for t in toks[role_at + 1 : e]):
                    b = role_at + 1
            return b, e, role_before(doc, b, kinds or _no_kind) or role_before_comma(doc, b, kinds or _no_kind)
    comma = next((i for i in range(cand.begin + 1, cand.end - 1) if toks[i].text == ","), None)
    if comma is not None and is_role(toks[_head(doc, Candidate(cand.begin, comma, cand.source))]):
        # "der Geschäftsführer der Firma, Gerd-Jürgen Bruckschen": the name follows the role
        role = parse_role(toks[cand.begin : comma], kinds or _no_kind)
        b, e, _ = name_core(doc, Candidate(comma + 1, cand.end, cand.source), types, kinds)
        return b, e, role
    b = cand.begin
    while b < cand.end - 1 and (
        toks[b].text[:1].islower() or not toks[b].text[:1].isalpha() or is_role(toks[b]) or toks[b].lower in _ARTICLES
        or toks[b].lower in lexicon().prepositions
    ):
        b += 1
    e = b + 1
    while e < cand.end and (toks[e].text.isalpha() or _GIVEN_HYPHENATED.match(toks[e].text)) and (
        toks[e].text[:1].isupper()
        or (toks[e].lower in NAME_PARTICLES and _particle_ok(toks[e].lower, toks[e - 1].lower))
    ):
        e += 1
    while e > b + 1 and toks[e - 1].text[:1].islower():
        e -= 1  # a particle cannot end a name
    if e == cand.end:
        e = _english_name_end(doc, e, doc.sentences[toks[b].sent][1])  # "das Institute" + "for the …"
    return b, e, role_before(doc, b, kinds or _no_kind) or role_before_comma(doc, b, kinds or _no_kind)


def _particle_tail(doc: PreparedDoc, e: int, limit: int) -> int:
    """The end of a person's name the tagger cut inside its particles ("Alexander Van" + "der
    Bellen", "Ursula von" + "der Leyen"): after a name ending in a particle, the particles allowed
    there and a capitalised word that is no common noun, within ``limit`` ("Anna Grün von der
    Gewerkschaft" is no name)."""
    toks = doc.tokens
    if toks[e - 1].lower not in _PARTICLE_LEADS:
        return e
    k = e
    while k < limit and toks[k].lower in NAME_PARTICLES and _particle_ok(toks[k].lower, toks[k - 1].lower):
        k += 1
    if k > e and k < limit and _name_word(toks[k]) and not common_noun(toks[k]):
        return k + 1
    return e


def _cap_alpha(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()


def _given_name_before(doc: PreparedDoc, i: int) -> bool:
    """An untagged capitalised word right before a tagged surname that can be its given name: no
    role noun, common noun, article, preposition or sentence opener."""
    tok = doc.tokens[i]
    if i == 0 or doc.tokens[i - 1].sent != tok.sent or doc.tokens[i - 1].text in ("–", "-", ":"):
        return False
    if i + 1 < len(doc.tokens) and is_role(doc.tokens[i + 1]) or tok.text in role_places():
        return False  # "Tiroler" + "Landeshauptmann Günther Platter": a place word before a role
    return _name_word(tok) and not common_noun(tok) and tok.lower not in _ARTICLES and (
        tok.lower not in lexicon().prepositions and tok.lower not in lexicon().time_words
        and not tok.text.isupper() and not tok.text.endswith("s")
    )


def _english_name_begin(doc: PreparedDoc, b: int, e: int, limit: int) -> int:
    """The start of an English organisation's name the tagger cut after a function word
    ("Center for Strategic and" + "International Studies"), not before ``limit``; kept only
    when the name then holds "for", "of" or "on"."""
    toks = doc.tokens
    start = b
    while True:
        k = start - 1
        if k > limit and toks[k].lower == "the":
            k -= 1
        if k - 1 < limit or toks[k].lower not in ENGLISH_JOINERS or toks[k].lower == "the" or not _cap_alpha(
            toks[k - 1]
        ):
            break
        m = k - 1
        while m - 1 >= limit and _cap_alpha(toks[m - 1]) and toks[m - 1].lower not in _ARTICLES:
            m -= 1
        start = m
    if start < b and any(t.lower in ("for", "of", "on") for t in toks[start:e]):
        return start
    return b


def _english_name_end(doc: PreparedDoc, e: int, limit: int) -> int:
    """The end of an organisation's name continued over English function words ("Institute" +
    "for the Study of War") within ``limit``."""
    toks = doc.tokens
    while e + 1 < limit and toks[e].lower in ENGLISH_JOINERS:
        k = e + 1 + (toks[e + 1].lower == "the" and e + 2 < limit)
        if not (toks[k].text[:1].isupper() and toks[k].text.replace("-", "").isalpha()):
            break
        e = k + 1
        while e < limit and toks[e].text[:1].isupper() and toks[e].text.replace("-", "").isalpha():
            e += 1
    return e


def entity_type(words: list[str], gaz: Gazetteer, has_role: bool, ner: set[str]) -> EntityType:
    """Type of a name: a role or a known given name make a person; then the NER tags, the
    gazetteer, organisation-word endings; an unknown two-word name is a person."""
    if has_role or words[0] in gaz.first_names:
        return "person"
    if not ("PER" in ner and len(words) > 1) and _known_place(" ".join(words)):
        return "location"  # "Addis Abeba", "Teheran", "Russlands": a place whatever the tagger says
    for tag in ("PER", "ORG", "LOC"):
        if tag in ner:
            return _TYPE_MAP[tag]
    if "OTH" in ner:
        return "other"
    votes = [gaz.types[w] for w in words if w in gaz.types]
    if votes:  # the most frequent type; a tie goes to the later word, the head of a German name
        return _TYPE_MAP.get(max(reversed(votes), key=votes.count), "other")
    last = words[-1].lower()
    if last.endswith(_ORG_SUFFIXES) or last[:-1].endswith(_ORG_SUFFIXES) and last.endswith("s"):
        return "organization"
    if "-" in words[-1] and gaz.types.get(words[-1].split("-")[0]) == "ORG":
        return "organization"  # "SPD-Führung", "CDU-Fraktion"
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return "organization"  # an acronym: "BGH", "DSW"
    return "person" if len(words) >= 2 else "other"


def is_name(words: list[str], gaz: Gazetteer, ner: set[str], has_role: bool) -> bool:
    """Whether a capitalised run not chosen as a speaker is a name: vouched for by the NER
    tagger (as a person, organisation or place: "Euro" in "Millionen Euro" is not one), the
    gazetteer, a known given name or a role (not every capitalised noun is one)."""
    if ner & {"PER", "ORG", "LOC"} or has_role:
        return True
    return words[0] in gaz.first_names or any(w in gaz.types for w in words)


def _inside(ranges: list[tuple[int, int, _Building]], cand: Candidate) -> _Building | None:
    for b, e, ent in reversed(ranges):
        if b <= cand.begin and cand.end <= e:
            return ent
    return None


@cache
def _head_skip() -> frozenset[str]:
    """Words that open a mention before its head: articles, possessives, prepositions."""
    return frozenset(_ARTICLES | _POSSESSIVES.keys() | lexicon().prepositions)


def _head(doc: PreparedDoc, cand: Candidate) -> int:
    """The first capitalised word of a mention that is not an article, a possessive or a
    preposition ("Der Kanzler" → Kanzler, "Seiner Meinung" → Meinung, "Laut Polizei" → Polizei)."""
    skip = _head_skip()
    for i in range(cand.begin, cand.end):
        tok = doc.tokens[i]
        if tok.text[:1].isupper() and (tok.lower not in skip or i == cand.end - 1):
            return i
    return cand.end - 1


def _article_before(doc: PreparedDoc, i: int) -> str:
    """The article right before token ``i`` (skipping adjectives), lower-cased, else ""."""
    j = i - 1
    while j >= 0 and i - j <= 4 and doc.tokens[j].text.isalpha() and doc.tokens[j].text[:1].islower():
        if doc.tokens[j].lower in _ARTICLES:
            return doc.tokens[j].lower
        j -= 1
    if j >= 0 and doc.tokens[j].lower in _ARTICLES:  # sentence-initial "Der", "Ein"
        return doc.tokens[j].lower
    return ""


def _role_only(doc: PreparedDoc, cand: Candidate, head: int, kinds: KindAt) -> bool:
    """A role noun or role phrase with no name in the mention ("der Sprecher", "ein Sprecher
    des Auswärtigen Amts"; not "Sprecher Steffen Hebestreit", not "Der Geschäftsführer der
    Firma, Gerd-Jürgen Bruckschen")."""
    if not is_role(doc.tokens[head]):
        return False
    if any(surname_first_name(doc, i, cand.end) for i in range(head + 1, cand.end - 1)):
        return False  # "Oppositionsführer Lee Jae-myung": a name follows the role
    return head + 1 >= cand.end or role_phrase(doc, cand.begin, cand.end, kinds) is not None


def _says_as_noun(tok: Token) -> bool:
    """A reporting noun ("Angaben"), a document ("Aussendung") or an abstract noun ("Meinung"),
    which stand for their owner or issuer, never for a person of that name."""
    if is_role(tok):
        return False
    lex = lexicon()
    return lex.cues.get(tok.lemma, lex.cues.get(tok.text)) == "noun" or is_document(tok, lex) or is_abstract(tok, lex)


def _reporting_owner(doc: PreparedDoc, cand: Candidate, head: int) -> Candidate | None:
    """For a reporting noun with a genitive owner ("Angaben der Polizei", "Aussagen der
    Anwältin") the owner, who is the source: a view of the mention from the owner on; a
    bare reporting noun ("Angaben") gives an empty view (no entity)."""
    toks = doc.tokens
    tok = toks[head]
    if not _says_as_noun(tok):
        return None
    prev = toks[head - 1] if head > 0 else None
    if (
        prev is not None and prev.text.endswith("s") and _name_word(prev) and prev.lemma[:1].isupper()
        and prev.lower not in _NOT_GENITIVE_NAMES and not _says_as_noun(prev)
    ):
        return Candidate(head - 1, head, cand.source)  # "Zschäpes Erklärung" → Zschäpe
    j = head + 1
    if j < len(toks) and toks[j].lower in ("der", "des", "eines", "einer", "von"):
        j += 1
        while j < len(toks) and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].lower not in _ARTICLES:
            j += 1
        if j < len(toks) and toks[j].text[:1].isupper() and toks[j].sent == tok.sent:
            end = j + 1
            while end < len(toks) and toks[end].text[:1].isupper() and toks[end].sent == tok.sent:
                end += 1
            return Candidate(j, max(end, cand.end), cand.source)
    return Candidate(head, head, cand.source)


def _is_group(doc: PreparedDoc, head: int) -> bool:
    """A plural group noun: listed, and not after a singular article ("ein Sprecher")."""
    tok = doc.tokens[head]
    if tok.text not in lexicon().groups:
        return False
    article = _article_before(doc, head)
    return not (is_role(tok) and (article in _INDEFINITE or article in ("der", "dem", "des")))


def _holder(state: _State, role_word: str) -> _Building | None:
    """The most recent person holding a role whose noun ends in ``role_word`` ("die
    Ministerin" → "Außenministerin Anna Müller")."""
    want = role_word.lower()
    holders = [
        b for b in state.building
        if b.type == "person" and any(r.head and r.head.lower().endswith(want) for r in b.roles)
    ]
    return max(holders, key=lambda b: state.last_seen.get(id(b), -1), default=None)


def _char_span(doc: PreparedDoc, begin: int, end: int) -> tuple[int, int]:
    return doc.tokens[begin].start, doc.tokens[end - 1].end


def _name_surface(doc: PreparedDoc, start: int, end: int, etype: EntityType) -> str:
    """The name as written, or for an organisation after an oblique article its nominative
    ("des Instituts für Weltwirtschaft" → "Institut für Weltwirtschaft")."""
    toks = doc.tokens
    text = doc.text[toks[start].start : toks[end - 1].end]
    if etype != "organization" or start == 0:
        return text
    article = toks[start - 1].lower
    if article == "der" and start >= 2 and toks[start - 2].lower in _PREPOSITIONS:
        return nominative(toks[start:end], "der")
    if article in _OBLIQUE:
        return nominative(toks[start:end], article)
    return text


def _possessor(doc: PreparedDoc, cand: Candidate, head: int) -> str | None:
    """For a reporting noun after a possessive ("seiner Meinung nach", "nach ihren Angaben")
    the pronoun that stands for its owner ("er", "sie"), else None."""
    toks = doc.tokens
    if not _says_as_noun(toks[head]):
        return None
    j = head - 1
    while j >= 0 and head - j <= 3 and toks[j].text.isalpha() and (
        toks[j].text.islower() or toks[j].lower in _POSSESSIVES
    ):
        if toks[j].lower in _POSSESSIVES:
            return _POSSESSIVES[toks[j].lower]
        j -= 1
    return None


def _pronoun(
    state: _State, head: str, span: tuple[int, int], cand: Candidate, is_speaker: bool, mention: bool = True
) -> None:
    """Resolve a pronoun speaker (``mention``: the span itself refers to the entity)."""
    target: _Building | None = None
    if head == "er":
        target = state.last_person
    elif head == "sie":
        options = [b for b in (state.last_person, state.last_collective) if b is not None]
        target = max(options, key=lambda b: state.last_seen.get(id(b), -1), default=None)
    if is_speaker and target is not None:
        if mention:
            target.mentions.append(span)
        state.of_mention[cand] = target
    elif head == "er" and mention and target is not None:
        target.mentions.append(span)  # "er" of no statement: a mention of the last person ("Er starb am …")


def _group(state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, head: int, kinds: KindAt) -> None:
    """An unnamed group ("Analysten"); the same noun again is the same group."""
    key = doc.tokens[head].text
    span = _char_span(doc, view.begin, view.end)
    target = state.groups.get(key)
    if target is None:
        target = state.groups[key] = state.new(None, doc.text[span[0] : span[1]], "group")
        phrase = role_phrase(doc, head, head + 1, kinds)
        if phrase is not None and not phrase.plural and (phrase.organization or phrase.place):
            target.roles.append(phrase)
    state.seen(target, span, cand)


def _named_just_before(state: _State, doc: PreparedDoc, begin: int) -> _Building | None:
    """The person named in the sentence before a definite role phrase that opens its sentence:
    "… hieß dieser Mario Kunasek. Der steirische FPÖ-Chef titelte …" (a role stated in the
    next sentence for the same person)."""
    toks = doc.tokens
    sent = toks[begin].sent
    sent_begin = doc.sentences[sent][0]
    person = state.last_person
    if person is None or person.cluster is None or sent == 0 or begin - sent_begin > 2:
        return None
    if any(t.text[:1].isupper() and t.text.isalpha() and t.lower not in _ARTICLES
           for t in toks[sent_begin:begin] if t.i != sent_begin):
        return None
    previous = toks[doc.sentences[sent - 1][0]].start
    return person if state.last_seen.get(id(person), -1) >= previous else None


def _same_body_holder(state: _State, phrase: RoleMatch) -> _Building | None:
    """The most recent named person who holds a role in the organisation a definite role phrase
    names ("UN-Generalsekretär Ban …" for "der UN-Chef"): the phrase describes that person."""
    if phrase.organization is None:
        return None
    holders = [b for b in state.building if b.type == "person" and b.cluster is not None
               and any(r.organization == phrase.organization for r in b.roles)]
    return max(holders, key=lambda b: state.last_seen.get(id(b), -1), default=None)


def _gender_clash(person: _Building, phrase: RoleMatch) -> bool:
    """Whether a role phrase's noun ("Rektorin") and the person's known role nouns differ in gender."""
    def gender(head: str | None) -> str | None:
        if head is None or head.endswith("e"):
            return None  # "Vorsitzende": either
        return "f" if is_feminine_role(head) else "m"

    want = gender(phrase.head)
    return want is not None and any(gender(r.head) not in (None, want) for r in person.roles)


#: how many sentences back the person a definite speaker phrase describes may be named last
#: ("…, so Lanzer. <sentence>. <sentence>, so der UN-Mitarbeiter": the quote runs on)
SPEAKER_SENTENCES = 2


def _speaker_just_named(state: _State, doc: PreparedDoc, phrase: RoleMatch) -> _Building | None:
    """For a definite role phrase that is a speaker after its cue ("…, sagt die Rektorin der
    Universität", "…, so der UN-Mitarbeiter"), the person named last, in this or one of the
    two sentences before: the phrase names that person's role."""
    toks = doc.tokens
    sent = toks[phrase.begin].sent
    person = state.last_person
    if person is None or person.cluster is None or _gender_clash(person, phrase):
        return None
    since = toks[doc.sentences[max(0, sent - SPEAKER_SENTENCES)][0]].start
    return person if state.last_seen.get(id(person), -1) >= since else None


def _after_cue(doc: PreparedDoc, begin: int) -> bool:
    """Whether a phrase follows a reporting verb or "so" after a comma ("…, sagt die Rektorin")."""
    toks = doc.tokens
    if begin < 2 or toks[begin - 2].text != ",":
        return False
    cue = toks[begin - 1]
    cues = lexicon().cues
    return cue.lower == "so" or cues.get(cue.lemma, cues.get(cue.lower)) == "verb"


#: articles that can open a subject (nominative); "des", "dem", "den", "einem" … cannot
_SUBJECT_ARTICLES = frozenset({"der", "die", "ein", "eine"})


def _subject_like(doc: PreparedDoc, begin: int) -> bool:
    """Whether an unnamed role phrase can be the subject of its clause, and so a holder the text
    reports on ("Ein Sprecher des Amts bestätigte …"): not after a preposition ("auf eine
    israelische Soldatin"), not in the genitive or dative ("nach den Worten des Außenministers",
    "dem Staatspräsidenten von Vietnam") — such a phrase mentions a role, it names no holder."""
    toks = doc.tokens
    first = toks[begin]
    if first.lower in _ARTICLES and first.lower not in _SUBJECT_ARTICLES:
        return False
    if begin > 0 and (toks[begin - 1].lower in lexicon().prepositions or toks[begin - 1].lower in _ARTICLES):
        return False
    return True


def _described_person(state: _State, doc: PreparedDoc, phrase: RoleMatch) -> _Building | None:
    """For a definite singular role phrase without a name that opens its sentence as its subject
    ("Der Jurist holte …", "Der Titelverteidiger musste …"), the person named in the sentence
    before: the phrase is a definite description of that person, one more role of it."""
    toks = doc.tokens
    if phrase.plural or toks[phrase.begin].lower not in ("der", "die"):
        return None
    if doc.sentences[toks[phrase.begin].sent][0] != phrase.begin:
        return None  # "Freigelassen wurde der katholische Priester, Blogger …": not a description
    if not _subject_like(doc, phrase.begin):
        return None
    person = _named_just_before(state, doc, phrase.begin)
    if person is None or _gender_clash(person, phrase):
        return None
    return person


def _unnamed_role(state: _State, doc: PreparedDoc, cand: Candidate | None, phrase: RoleMatch) -> None:
    """A role phrase without a name: its earlier holder, else a new person named by it."""
    article = doc.tokens[phrase.begin].lower
    target = _holder(state, phrase.head or "") if article not in _INDEFINITE else None
    span = _char_span(doc, phrase.begin, phrase.end)
    described = False
    if target is None and article in ("der", "die") and not phrase.plural:
        target = _same_body_holder(state, phrase) or _named_just_before(state, doc, phrase.begin)
        if target is None and (cand is not None or _after_cue(doc, phrase.begin)):
            target = _speaker_just_named(state, doc, phrase)
        described = target is not None and any(r.head != phrase.head for r in target.roles)
    if target is None:
        # named by the phrase without its article, so that "ein Sprecher des Auswärtigen Amts" and
        # "der Sprecher des Auswärtigen Amts" are one unnamed holder of that role
        name_from = phrase.begin + 1 if article in _ARTICLES and phrase.end - phrase.begin > 1 else phrase.begin
        target = state.new(None, doc.text[doc.tokens[name_from].start : span[1]], "person")
    if not phrase.plural and (phrase.organization or phrase.place or not target.roles or described):
        target.roles.append(phrase)  # a plural phrase names a group of holders: no one's role
    state.roles.append((phrase.begin, phrase.end, target))
    state.seen(target, span, cand)


def _named(
    state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, types: list[str], kinds: KindAt,
    gaz: Gazetteer, resolver: NameResolver, is_speaker: bool, quoted: bool = False,
) -> None:
    """A name: joins its name cluster, with the roles before and after it. A name inside
    quotation marks (``quoted``) needs the NER tagger, a given name or a known place to vouch
    for it: the words of a quote hold many capitalised nouns ("Mann", "Reich") and no speaker."""
    toks = doc.tokens
    lex = lexicon()
    start, end, prefix_role = name_core(doc, view, types, kinds)
    start, end = trim_name(doc, start, end, types, gaz)
    end = _syllable_tail(doc, start, end, types)
    while end - start > 1 and (toks[start].lower in lex.time_words or lex.non_names.get(toks[start].text) == "time"):
        start += 1  # "Mai Wien": a month glued to a city
    if end - start == 2 and toks[start].text.endswith("s") and kinds(start) == "LOC" and _name_word(toks[start + 1]):
        if types[start + 1] != "PER" and toks[start + 1].text not in gaz.first_names:
            end = start + 1  # "Deutschlands Unterstützung": the place, not a person
    outlet = _outlet_name(doc, start, end)
    if outlet is not None:
        start = outlet  # "der Zeitung Kurier" → Kurier, an outlet
    words = [t.text for t in toks[start:end]]
    if all(w.lower() in lex.time_words or lex.non_names.get(w) == "time" for w in words):
        return  # "Herbst", "Mai": no entity
    if all(lex.non_names.get(w) == "place" for w in words):
        types = [*types[:start], *(["LOC"] * (end - start)), *types[end:]]  # "Westen": a place
    ner = {t for t in types[start:end] if t}
    appos = apposition_after(doc, end, kinds)
    second = coordinated_after(doc, appos, kinds)
    joined = one_coordinated_title(appos, second)
    if joined is not None:
        appos, second = joined, None  # "X, ein Rechtsanwalt und Menschenrechtler": one title
    roles = [r for r in (role_before_role(doc, prefix_role, kinds), coordinated_before(doc, prefix_role, kinds),
                         prefix_role, appos, second) if r is not None]
    roles = affiliations_after(doc, end, roles, kinds)
    roles = described_body_names(doc, possessive_organisation(doc, roles, kinds), kinds)
    if not is_name(words, gaz, ner, bool(roles)) and not is_speaker:
        return
    if quoted and not (ner & {"PER", "ORG", "LOC"} or words[0] in gaz.first_names or _known_place(" ".join(words))):
        return
    if not is_speaker and not roles and outlet is None and _gazetteer_noun(doc, start, end, ner, gaz):
        return
    if not is_speaker and roles == [prefix_role] and _noun_after_role(doc, start, end, ner, gaz):
        return  # (a role after the word, "X arbeitete als Manager", vouches for a name)
    etype: EntityType = "organization" if outlet is not None else entity_type(words, gaz, bool(roles), ner)
    if etype == "person" and not roles and _inside(state.roles, view) is not None:
        # a name inside a role ("ein Sprecher des Auswärtigen Amts") is its organisation or place
        etype = "location" if "LOC" in ner else "organization"
    name_span = _char_span(doc, start, end)
    cluster = resolver.add(name_span, _name_surface(doc, start, end, etype), etype)
    ent = state.by_cluster.get(id(cluster))
    if ent is None:
        ent = state.new(cluster, cluster.name, etype)
    ent.name = cluster.name
    if roles and ent.type not in ("person", "organization"):
        ent.type = "person"
    if outlet is not None:
        ent.type, ent.kind = "organization", "outlet"
    ent.roles.extend(roles)
    state.names.append((start, end, ent))
    state.roles.extend((r.begin, r.end, ent) for r in roles)
    state.seen(ent, name_span, cand if is_speaker or cand.begin == view.begin else None)


#: contractions of a preposition and the definite article ("im Radio", "vom Band")
_CONTRACTIONS = frozenset({"im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "übers", "unterm"})


def _gazetteer_noun(doc: PreparedDoc, start: int, end: int, ner: set[str], gaz: Gazetteer) -> bool:
    """A common noun that only the word gazetteer vouches for, as a part of organisations or
    places it saw ("Dach", "Zeit", "Radio", "Armee"): one word, untyped by the NER tagger, no
    given name, known place or acronym, written after an article, a contraction or a possessive,
    perhaps with adjectives between ("unter dem gleichen Dach", "im Radio", "seine Partei"). A
    person's name takes no article; "der Mann" is left to the speaker rules."""
    if end - start != 1 or ner & {"PER", "ORG", "LOC"}:
        return False
    word = doc.tokens[start].text
    if word in gaz.first_names or gaz.types.get(word) not in ("ORG", "LOC") or _acronym(word):
        return False
    if _known_place(word) or (word.endswith("n") and _known_place(word[:-1])):  # "den Niederlanden"
        return False
    j = start - 1
    while j >= 0 and start - j <= 4 and doc.tokens[j].text.isalpha():
        low = doc.tokens[j].lower
        if low in _ARTICLES or low in _CONTRACTIONS or low in _POSSESSIVES:
            return True  # (also sentence-initial: "Im Radio hieß es")
        if not doc.tokens[j].text.islower():
            return False
        j -= 1
    return False


def _noun_after_role(doc: PreparedDoc, start: int, end: int, ner: set[str], gaz: Gazetteer) -> bool:
    """A lone noun after a role noun that names nobody ("die Gutachter Licht in … bringen", "werfen
    dem Finanzminister Zynismus vor"): one word that no tagger, gazetteer or given-name list
    knows and the text writes nowhere else."""
    if end - start != 1 or ner:
        return False
    word = doc.tokens[start].text
    if word in gaz.types or word in gaz.first_names or _acronym(word) or _known_place(word):
        return False
    counts = memoised(doc, "entities.word_counts", lambda: Counter(t.text for t in doc.tokens))
    return counts[word] + counts[word + "s"] == 1


def _acronym(word: str) -> bool:
    """A name in capitals ("EU", "ORF"), which takes an article as any organisation does."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _syllable_tail(doc: PreparedDoc, start: int, end: int, types: list[str]) -> int:
    """The end of a Korean or Chinese name whose last syllable is written apart and looks like a
    function word ("Moon Jae In"): a capitalised short word inside a sentence after a tagged
    person's name of two syllables is part of it (a preposition there would be lower case)."""
    toks = doc.tokens
    if end - start != 2 or end >= len(toks) or types[end - 1] not in ("PER", ""):
        return end  # (no sentence test: the splitter may take "In" for a sentence start)
    word = toks[end].text
    if not (2 <= len(word) <= 4 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return end
    if not all(len(t.text) <= 4 and t.text[:1].isupper() and t.text.isalpha() for t in toks[start:end]):
        return end  # "Angela Merkel In …" is no syllable name
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    if nxt is not None and nxt.sent == toks[end].sent and nxt.text[:1].isupper() and nxt.lower not in _ARTICLES:
        return end
    return end + 1


def _outlet_name(doc: PreparedDoc, start: int, end: int) -> int | None:
    """Where the name of a news outlet begins, when tokens [start, end) name one, else None:
    a listed outlet name ("APA", "STANDARD"), a name after a generic outlet noun ("Zeitung
    Kurier", "Agentur Anadolu" → the name), or a compound of an outlet noun ("Tageszeitung")."""
    toks = doc.tokens
    genders = [outlet_gender(t) for t in toks[start:end]]
    head = toks[start].text
    if (genders[0] not in (None, "name") and end - start >= 2 and "-" not in head and not head.startswith("Radio")
            and all(_name_word(t) for t in toks[start + 1 : end])):
        return start + 1  # "Zeitung Kurier": the generic noun is an apposition ("Radio France" is a name)
    if any(g == "name" for g in genders) or (head == "Radio" and end - start >= 2):
        return start
    if end - start == 1 and genders[0] is not None and toks[start].text not in lexicon().outlets:
        return start  # "Tageszeitung Morgenpost" is above; a compound alone ("Boulevardzeitung") stays
    return None


def build_entities(
    doc: PreparedDoc,
    mentions: list[Candidate],
    speakers: set[Candidate],
    gazetteer_path: Path,
    name_type: list[str] | None = None,
    quoted: list[Candidate] | None = None,
) -> tuple[list[Entity], dict[Candidate, str]]:
    """Entities of the document and the entity id of each speaker-like mention (see the
    module docstring for the order of the rules). ``name_type`` gives the NER tag
    (PER/ORG/LOC/OTH or "") of each token; ``quoted`` names inside quotation marks, read after
    all other mentions (no pronoun outside the quotes resolves to them)."""
    gaz = _gazetteer(gazetteer_path)
    lex = lexicon()
    toks = doc.tokens
    types = name_type or [""] * len(toks)
    kinds = kind_at(types, doc, gaz)
    resolver = NameResolver()
    state = _State()
    for cand in sorted(mentions, key=lambda c: (c.begin, -c.end)):
        is_speaker = cand in speakers
        if cand.end - cand.begin == 1 and toks[cand.begin].lower in lex.pronouns:
            _pronoun(state, toks[cand.begin].lower, _char_span(doc, cand.begin, cand.end), cand, is_speaker)
            continue
        if cand.end - cand.begin == 1 and toks[cand.begin].lower in lex.source_adverbs:
            continue  # "demnach" points to a source without naming it: no entity
        head = _head(doc, cand)
        if cand.end - 2 == head and toks[head].text.endswith("s") and _says_as_noun(toks[head + 1]):
            head = cand.end - 1  # "Zschäpes Erklärung": the document, after its issuer
        possessor = _possessor(doc, cand, head)
        if possessor is not None:
            _pronoun(state, possessor, _char_span(doc, cand.begin, cand.end), cand, is_speaker, mention=False)
            continue
        owner = _reporting_owner(doc, cand, head)
        for _ in range(3):  # "das Ergebnis der Studie des Instituts" → Institut
            if owner is None or owner.end <= owner.begin:
                break
            inner = _reporting_owner(doc, owner, _head(doc, owner))
            if inner is None:
                break
            owner = inner
        if owner is not None:
            if owner.end > owner.begin:
                _resolve(state, doc, owner, cand, is_speaker, types, kinds, gaz, resolver)
            continue
        _resolve(state, doc, cand, cand, is_speaker, types, kinds, gaz, resolver)
    for cand in sorted(quoted or [], key=lambda c: (c.begin, -c.end)):
        _resolve(state, doc, cand, cand, False, types, kinds, gaz, resolver, quoted=True)
    _compound_mentions(doc, state)
    return _finish(doc, state)


def _compound_mentions(doc: PreparedDoc, state: _State) -> None:
    """A name written hyphenated at the start of a compound is a mention of its entity ("EU-Staaten"
    → EU, "SPÖ-Chef" → SPÖ, "Faymann-Politik" → Faymann): a one-word name of an organisation or a
    place, or a person's last name, that names one entity only; or an acronym that the resolution
    gazetteer knows as a place or an organisation ("US-Militärs" → US, "UN-Flüchtlingshilfe" → UN),
    which joins the document's entity of that place or organisation ("USA") or becomes one. The
    mention is the name's characters inside the compound."""
    keys: dict[str, set[int]] = {}
    for index, ent in enumerate(state.building):
        parts = ent.name.split()
        if ent.type in ("organization", "location") and len(parts) == 1:
            keys.setdefault(parts[0], set()).add(index)
        elif ent.type == "person" and len(parts) > 1:
            keys.setdefault(parts[-1], set()).add(index)
    for tok in doc.tokens:
        head, hyphen, rest = tok.text.partition("-")
        if not hyphen or not rest[:1].isalpha():
            continue
        span = (tok.start, tok.start + len(head))
        if len(keys.get(head, ())) != 1:
            _known_acronym_mention(state, head, span)
            continue
        ent = state.building[next(iter(keys[head]))]
        if ent.mentions and span not in ent.mentions:
            ent.mentions.append(span)


def _known_acronym_mention(state: _State, head: str, span: tuple[int, int]) -> None:
    """``head`` of a compound at ``span``, an acronym the gazetteer knows as a place or an
    organisation, as a mention of the document's entity that the gazetteer gives the same
    names, or of a new entity."""
    if not _acronym(head):
        return
    entry = default_gazetteer().lookup(head)
    if entry is None or entry.type not in ("location", "organization"):
        return
    same = [b for b in state.building if b.mentions and b.type == entry.type
            and (found := default_gazetteer().lookup(b.name)) is not None and found.names == entry.names]
    if len(same) > 1:
        return
    ent = same[0] if same else _Building(cluster=None, name=head, type=entry.type)
    if not same:
        state.building.append(ent)
    if span not in ent.mentions:
        ent.mentions.append(span)


def _resolve(
    state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, is_speaker: bool, types: list[str],
    kinds: KindAt, gaz: Gazetteer, resolver: NameResolver, quoted: bool = False,
) -> None:
    """Resolve one non-pronoun mention (read as ``view``, recorded for ``cand``): rules 2–5;
    ``quoted``: a name inside quotation marks (:func:`_named`)."""
    toks = doc.tokens
    head = _head(doc, view)
    role_only = _role_only(doc, view, head, kinds)
    span = _char_span(doc, view.begin, view.end)
    holder = _inside(state.roles, view)
    if holder is not None and (is_speaker or role_only):
        if is_speaker:
            state.seen(holder, span, cand)
        return
    if _is_group(doc, head):
        if is_speaker:
            _group(state, doc, view, cand, head, kinds)
        return
    phrase = role_phrase(doc, view.begin, view.end, kinds) if is_speaker or role_only else None
    if phrase is not None and names_role_after(doc, phrase.end, kinds):
        return  # "Der Vertreter der EU im Rat, der dänische Diplomat X": X's role, read with X
    if phrase is not None and is_speaker:
        _unnamed_role(state, doc, cand, phrase)
        return
    if role_only:
        target = _holder(state, toks[head].text) if _article_before(doc, head) not in _INDEFINITE else None
        if target is not None:
            state.seen(target, span, None)
        elif phrase is not None and (phrase.organization or phrase.place) and _subject_like(doc, phrase.begin):
            _unnamed_role(state, doc, None, phrase)  # "Ein Sprecher des Amts bestätigte …"
        elif phrase is not None:
            described = _described_person(state, doc, phrase)
            if described is not None:  # "… Gerald Toifl. Der Jurist holte …": one more role of Toifl
                described.roles.append(phrase)
                state.roles.append((phrase.begin, phrase.end, described))
                state.seen(described, span, None)
        return
    owner = _inside(state.names, view)
    if owner is not None:
        state.seen(owner, span, cand if is_speaker else None, mention=False)
        return
    inner = _role_of_named(doc, view) if not quoted and _subject_like(doc, view.begin) else None
    if inner is not None:
        # "Ein Sprecher der EU-Kommissarin Viviane Reding erklärte …": the speaker is the unnamed
        # spokesman (title only: a person as employer gives no organisation), the name his employer's
        # (the phrase up to the name: the name is the employer's mention, not the spokesman's)
        outer = RoleMatch(nominative([toks[view.begin + 1]], toks[view.begin].lower), None, None, view.begin,
                          inner, toks[view.begin + 1].text)
        _unnamed_role(state, doc, cand if is_speaker else None, outer)
        view = Candidate(view.begin + 3, view.end, view.source)
        cand, is_speaker = view, False
    _named(state, doc, view, cand, types, kinds, gaz, resolver, is_speaker, quoted)


#: words that join a role noun to the person whose role it serves ("ein Sprecher von Minister X")
_OF_PERSON = frozenset({"von", "der", "des"})


def _role_of_named(doc: PreparedDoc, view: Candidate) -> int | None:
    """Where the name begins in "<Ein|Der> <role noun> <von|der|des> <role> <Name>" (the role of
    someone serving a named person: "Ein Sprecher von Verkehrsminister Winfried Hermann"), else None."""
    toks = doc.tokens
    b = view.begin
    if view.end - b < 4 or toks[b].lower not in ("ein", "eine", "der", "die"):
        return None
    if not is_role(toks[b + 1]) or toks[b + 1].text.endswith("n") and toks[b].lower == "die" \
            or toks[b + 2].lower not in _OF_PERSON:
        return None  # (a plural "die Sprechern" is no one person)
    for k in range(b + 3, min(b + 6, view.end - 1)):
        if is_role(toks[k]) and not is_role(toks[k + 1]) and toks[k + 1].text[:1].isupper():
            return k + 1  # the person has a role of its own before the name ("der Kommissarin Viviane Reding")
        if not toks[k].text[:1].isupper():
            return None
    return None  # "Der Präsident des Verbands Max Muster": the name is the holder's own


def _finish(doc: PreparedDoc, state: _State) -> tuple[list[Entity], dict[Candidate, str]]:
    entities: list[Entity] = []
    ids: dict[int, str] = {}
    for b in sorted(state.building, key=lambda x: min(x.mentions) if x.mentions else (0, 0)):
        if not b.mentions:
            continue
        eid = f"e{len(entities) + 1}"
        ids[id(b)] = eid
        roles = b.roles if b.type != "group" else [r for r in b.roles if r.organization or r.place]
        entities.append(
            Entity(id=eid, name=b.name, type=b.type, mentions=sorted(set(b.mentions)), roles=_dedupe_roles(doc, roles),
                   kind=b.kind)
        )
    return entities, {cand: ids[id(b)] for cand, b in state.of_mention.items() if id(b) in ids}


def _dedupe_roles(doc: PreparedDoc, roles: list[RoleMatch]) -> list[Role]:
    """One role per (title, organisation, place); a bare title already given with more
    detail ("Professorin" beside "Professorin für …, Universität Leipzig") is dropped."""
    seen: set[tuple[str | None, str | None, str | None, bool]] = set()
    out: list[Role] = []
    detailed = {r.title for r in roles if r.organization or r.place}
    for r in roles:
        key = (r.title, r.organization, r.place, r.former)
        if key in seen or (r.organization is None and r.place is None and r.title in detailed):
            continue
        seen.add(key)
        span = _char_span(doc, r.begin, r.end)
        out.append(Role(title=r.title, organization=r.organization, place=r.place, spans=[span], former=r.former))
    return out
