"""German names in an article: where a name begins and ends, and what kind of entity it names.

Part of :mod:`onrecord.lang.de.entities`. Needs: a PreparedDoc, the NER tag of each token and the
:class:`Gazetteer` (GermEval 2014 word types and given names). Gives: the core of a name run
(:func:`name_core`, :func:`trim_name`: no role nouns, articles, prepositions or trailing words),
surname-first names, genitives, capitalised common nouns that name nothing (:func:`common_noun`),
the entity type of a name (:func:`entity_type`) and whether a run is a name (:func:`is_name`).
Pure functions over the document.

The sets of function words in this module (articles, prepositions, determiners) are closed
grammatical classes and stay beside the rule that reads them: each rule picks its own members of
a class on purpose (the articles whose case is unambiguous, the determiners in -s that are no
genitive name), and the open word lists (nouns, verbs, names) are data files under ``data/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from onrecord.lang.de.common_words import CommonWords, shared
from onrecord.lang.de.lexicon import data_lines, lexicon, word_endings, word_set, words_and_endings
from onrecord.lang.de.memo import memoised
from onrecord.lang.de.name_lists import capitalised_word
from onrecord.lang.de.name_lists import known_place as _known_place
from onrecord.lang.de.ner import COMMON_WORDS_FILE
from onrecord.lang.de.role_lexicon import _ARTICLES, name_word, place_adjective
from onrecord.lang.de.roles import (
    KindAt,
    RoleMatch,
    is_role,
    parse_role,
    role_before,
    role_before_comma,
    role_places,
)
from onrecord.lang.de.speakers import ENGLISH_JOINERS, NAME_PARTICLES, Candidate
from onrecord.lang.de.tokens import PreparedDoc, Token
from onrecord.model import EntityType
from onrecord.resolve.keys import fold, surnames_first

__all__ = [
    "Gazetteer",
    "common_noun",
    "entity_type",
    "is_name",
    "kind_at",
    "name_core",
    "surname_first_name",
    "trim_name",
]


_TYPE_MAP: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "location"}
#: a hyphenated given name ("Jae-myung", "Jae-in"), which a name run may contain
_GIVEN_HYPHENATED = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
#: the heads of compound times of day ("Mittwochabend", "Montagmorgen")
_TIME_HEADS = ("abend", "morgen", "nachmittag", "vormittag", "mittag")
_INDEFINITE = frozenset({"ein", "eine", "einer", "eines", "einem", "einen"})
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
    """Entity-type evidence per word and known given names (from GermEval 2014, CC BY 4.0), and
    the dictionary's word forms (``common-words.bin`` beside it, when there is one)."""

    types: dict[str, str] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    common: CommonWords | None = None

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        common_path = path.parent / COMMON_WORDS_FILE
        common = shared(common_path) if common_path.exists() else None
        if not path.exists():
            return cls(first_names=_given_names(), common=common)
        data = json.loads(path.read_text(encoding="utf-8"))
        # the training portion's given names and the common ones of the lexicon (data/given_names.txt)
        return cls(types=data["types"], first_names=frozenset(data["first_names"]) | _given_names(), common=common)

    def dictionary_noun(self, word: str) -> bool:
        """Whether ``word`` is a capitalised form the German dictionary knows (its own lemma or
        inflected: "Benzin", "Namen", "Slowaken"; the last part of a compound: "Fidesz-Partei")
        that is no given name, no frequent surname (``data/noun_surnames.txt``: "Huber"), no name
        the gazetteer saw as a person's or a place's and no known place ("Wien"). The dictionary
        holds other surnames too ("Merkel", "Haider"): callers read it only where a name is
        unlikely."""
        if self.common is None or not word[:1].isupper() or word.isupper() or word in self.first_names:
            return False
        if word in word_set("noun_surnames.txt"):
            return False  # "Huber", "Kaiser": surnames first
        last = word.rsplit("-", 1)[-1]
        if not last.isalpha() or self.types.get(word) in ("PER", "LOC") or self.common(last) is None:
            return False
        return not _known_place(word)

    def type_of(self, word: str) -> str:
        """The gazetteer type of a word or of its genitive stem ("Chinas" → LOC), else ""."""
        found = self.types.get(word)
        if found is None and word.endswith("s"):
            found = self.types.get(word[:-1])
        return found or ""


def _given_names() -> frozenset[str]:
    return word_set("given_names.txt")


@cache
def _gazetteer(path: Path) -> Gazetteer:
    return Gazetteer.load(path)


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


def _noun_suffixes() -> tuple[str, ...]:
    """Endings of common nouns that end no name (``data/noun_suffixes.txt``)."""
    return word_endings("noun_suffixes.txt")


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
    if low.endswith(_org_endings()):
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
    while e - b >= 3 and _given_name(toks[b + 1].text, gaz) and toks[b].text not in gaz.first_names and (
        "-" in toks[b].text or common_noun(toks[b]) or gaz.types.get(toks[b].text) in ("LOC", "ORG")
        or _known_place(toks[b].text) or _person_noun(toks[b].text)
        or gaz.dictionary_noun(toks[b].text) and toks[b + 1].lower not in NAME_PARTICLES
        or written_stem(doc, b, gaz)
    ):
        b += 1  # "in der Steiermark Franz Voves", "dem Namen Felix …", "Gladbachs Lucien …": the given name opens it
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
    for i in range(b, e - 1):
        if _name_genitive(doc, b, i, gaz) and gaz.dictionary_noun(toks[i + 1].text) and (
            types[i + 1] not in ("LOC", "ORG", "OTH")
        ):
            return b, i + 1  # "Haiders Tod", "Francis Poulencs Klavierkonzert": the name, not the noun after it
    for i in range(b + 1, e - 1):
        if surname_first_name(doc, i, e) and toks[i - 1].text not in gaz.first_names and types[i - 1] != "PER":
            return i, e
    if _two_surnames(doc, b, e, gaz):
        return b, b + 1  # "sagten Merkel Macron und Biden": a list without its comma, no one person
    return b, e


def _given_name(word: str, gaz: Gazetteer) -> bool:
    """A known given name, or a hyphenated one that opens with one ("Jean-Guy", "Hans-Peter")."""
    return word in gaz.first_names or ("-" in word and word.split("-", 1)[0] in gaz.first_names)


def _name_genitive(doc: PreparedDoc, b: int, i: int, gaz: Gazetteer) -> bool:
    """Whether token ``i`` of a name run from ``b`` is the genitive of a person's name: a word in -s
    that is no given name, determiner or common noun, after a given name ("Francis Poulencs") or
    whose stem the text writes elsewhere ("Haiders" after "Jörg Haider")."""
    tok = doc.tokens[i]
    if not _genitive_form(tok, gaz) or common_noun(tok):
        return False
    return i > b and doc.tokens[b].text in gaz.first_names or written_stem(doc, i, gaz)


def _genitive_form(tok: Token, gaz: Gazetteer) -> bool:
    """A word that may be the genitive of a name: four letters or more ending in -s, no given
    name ("Klaus"), no acronym and no determiner ("dieses")."""
    text = tok.text
    return (text.endswith("s") and len(text) >= 4 and text.isalpha() and text not in gaz.first_names
            and not text.isupper() and tok.lower not in _NOT_GENITIVE_NAMES)


def written_stem(doc: PreparedDoc, i: int, gaz: Gazetteer) -> bool:
    """Whether token ``i`` is the genitive of a name that the text writes without its -s too
    ("Haiders" beside "Jörg Haider", "Apples" beside "Apple")."""
    tok = doc.tokens[i]
    if not _genitive_form(tok, gaz):
        return False
    words = memoised(doc, "entity_names.words", lambda: frozenset(t.text for t in doc.tokens))
    return tok.text[:-1] in words


def given_name_genitive(tok: Token, gaz: Gazetteer) -> bool:
    """Whether ``tok`` is the genitive of a known given name ("Eugens" after "Prinz", a title of
    given names: ``data/given_name_titles.txt``, which the caller checks): the word without its
    -s is a given name, the word itself none ("Klaus", "Andreas" stay)."""
    return _genitive_form(tok, gaz) and tok.text[:-1] in gaz.first_names


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
               for t in (first, second, nxt)) or not name_word(nxt) or common_noun(nxt):
        return False  # "Hubert Siller, Leiter des …": an apposition, no list
    if toks[e].text == ",":
        after = e + 2 + (e + 2 < len(toks) and name_word(toks[e + 2]))
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


def _country_genitive(tok: Token) -> bool:
    """The genitive of a known place before a role ("Österreichs", "Indiens"; not "Paris")."""
    text = tok.text
    return (
        text.endswith("s") and len(text) > 3 and not _known_place(text, exact=True) and _known_place(text[:-1])
    )


def _syllables(word: str) -> bool:
    """The given-name part of an East-Asian name: short syllables, hyphenated ("Jae-myung",
    "Jinping", "Jae", "In")."""
    parts = word.split("-")
    return word[:1].isupper() and all(p.isalpha() and 1 < len(p) <= 7 for p in parts)


def _demonyms() -> frozenset[str]:
    """The listed demonyms that no rule derives (``data/demonyms.txt``)."""
    return word_set("demonyms.txt")


def demonym(word: str) -> bool:
    """A noun for a person from a known place: listed ("Steirer", "Französin"), or a place's
    "-er" word (:func:`~onrecord.lang.de.role_lexicon.place_adjective`: "Wiener" ← Wien,
    "Niederösterreicher", "Schweizer") with or without "-in" ("Tirolerin")."""
    if not (word[:1].isupper() and word.isalpha() and word[1:].islower()):
        return False
    if word in _demonyms():
        return True
    stem = word[:-2] if word.endswith("erin") else word
    return stem.endswith("er") and place_adjective(stem) is not None


def _org_endings() -> tuple[str, ...]:
    """Endings of nouns that make a name an organisation: data/org_name_endings.txt."""
    return word_endings("org_name_endings.txt")


def _name_prefix(tok: Token) -> bool:
    """A role, kinship or relation noun the tagger glues before a name ("Bruder Witali"), or a
    hyphenated compound for a kind of person ("EZB-Rat", "IHS-Mann", "Comic-Fan")."""
    return (
        is_role(tok)
        or tok.text in word_set("kinship_nouns.txt")
        or relation_noun(tok.text)
        or person_compound(tok.text)
    )


def person_compound(word: str) -> bool:
    """A hyphenated compound whose last part is a noun for a kind of person
    (``data/person_compound_tails.txt``: "EZB-Rat", "IHS-Mann", "Comic-Fan")."""
    head, _, tail = word.rpartition("-")
    return bool(head) and head[:1].isalnum() and tail in _person_tails()


def _person_tails() -> frozenset[str]:
    return word_set("person_compound_tails.txt")


def relation_noun(word: str) -> bool:
    """A noun for a person's relation to another ("Kollege", "Parteikollegin", "Vorgänger"),
    which is no part of the name it stands before."""
    words, endings = words_and_endings("relation_nouns.txt")
    if word in words:
        return True
    low = word.lower()
    return word[:1].isupper() and word.isalpha() and any(low.endswith(x) and len(low) - len(x) >= 3 for x in endings)


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
                if e - b >= 3 and _country_genitive(toks[b]) and is_role(toks[b + 1]) and name_word(toks[b + 2]):
                    b += 1  # "Österreichs Außenminister Sebastian Kurz" tagged as one name: the place is the role's
                while e - b >= 2 and (_name_prefix(toks[b]) or demonym(toks[b].text)) and name_word(toks[b + 1]) and (
                    not is_role(toks[b + 1])
                ):
                    b += 1  # "Landeshauptmann Günther Platter", "Bruder Witali", "Jordanier Samir" tagged as one name
                # a surname the tagger left untyped ("Recep Tayyip" + "Erdoğan")
                while e < cand.end and not types[e] and name_word(toks[e]):
                    e += 1
                e = _particle_tail(doc, e, cand.end)
            else:
                e = _english_name_end(doc, e, doc.sentences[toks[b].sent][1])  # beyond a cut mention
                b = _english_name_begin(doc, b, e, doc.sentences[toks[b].sent][0])
                # "die Hamburger Osteuropa-Expertin Vogel" tagged as one organisation: a role
                # noun inside it makes what follows the name of a person holding that role
                role_at = max((i for i in range(b, e - 1) if is_role(toks[i])), default=None)
                if role_at is not None and all(name_word(t) for t in toks[role_at + 1 : e]):
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
        toks[b].text[:1].islower() or not toks[b].text[:1].isalpha() or _name_prefix(toks[b])
        or toks[b].lower in _ARTICLES
        or (toks[b].lower in _POSSESSIVES and b + 2 < cand.end and relation_noun(toks[b + 1].text))
        or toks[b].lower in lexicon().prepositions
        or (_country_genitive(toks[b]) and b + 2 < cand.end and is_role(toks[b + 1]))
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
    if k > e and k < limit and name_word(toks[k]) and not common_noun(toks[k]):
        return k + 1
    return e


def _given_name_before(doc: PreparedDoc, i: int) -> bool:
    """An untagged capitalised word right before a tagged surname that can be its given name: no
    role noun, common noun, article, preposition or sentence opener."""
    tok = doc.tokens[i]
    if i == 0 or doc.tokens[i - 1].sent != tok.sent or doc.tokens[i - 1].text in ("–", "-", ":"):
        return False
    if i + 1 < len(doc.tokens) and is_role(doc.tokens[i + 1]) or tok.text in role_places():
        return False  # "Tiroler" + "Landeshauptmann Günther Platter": a place word before a role
    return name_word(tok) and not common_noun(tok) and tok.lower not in _ARTICLES and (
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
        if k - 1 < limit or toks[k].lower not in ENGLISH_JOINERS or toks[k].lower == "the" or not capitalised_word(
            toks[k - 1].text
        ):
            break
        m = k - 1
        while m - 1 >= limit and capitalised_word(toks[m - 1].text) and toks[m - 1].lower not in _ARTICLES:
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


@cache
def _name_heads() -> dict[str, EntityType]:
    """Nouns that open the name of a body or a place, with its type (``data/name_heads.txt``)."""
    heads: dict[str, EntityType] = {}
    for line in data_lines("name_heads.txt"):
        word, kind = line.split("\t")
        heads[word] = "location" if kind == "location" else "other" if kind == "other" else "organization"
    return heads


def _name_head(word: str) -> EntityType | None:
    """The type of a name that ``word`` opens: a listed head ("Bank", "Fall") or a compound of
    one ("Rüstungskonzern", "Kriminalfall"), else None."""
    heads = _name_heads()
    if word in heads:
        return heads[word]
    low = word.lower()
    for head, kind in heads.items():
        if low.endswith(head.lower()) and len(low) - len(head) >= 3:
            return kind
    return None


def entity_type(words: list[str], gaz: Gazetteer, has_role: bool, ner: set[str]) -> EntityType:
    """Type of a name: a role makes a person; a name of several words that the gazetteer writes
    as a place is one; a known given name makes a person; then the NER tags, the gazetteer,
    organisation-word endings; an unknown two-word name is a person."""
    if has_role:
        return "person"
    if len(words) > 1 and _known_place(" ".join(words), exact=True):
        return "location"  # "Buenos Aires", "Los Angeles" tagged as persons: places as the gazetteer writes them
    if words[0] in gaz.first_names:
        return "person"
    head = _name_head(words[0]) if len(words) > 1 else None
    if head is not None:
        return head  # "Bank Austria", "Flughafen Mariscal Sucre", "Fall Güssing" tagged as persons
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
    if last.endswith(_org_endings()) or last[:-1].endswith(_org_endings()) and last.endswith("s"):
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


def _char_span(doc: PreparedDoc, begin: int, end: int) -> tuple[int, int]:
    return doc.tokens[begin].start, doc.tokens[end - 1].end
