"""Organisations and places in German role phrases: a body or place phrase after a role noun
("der Bundeswehr", "an der Universität Y", "in Z") and its nominative without article
("des Auswärtigen Amts" → "Auswärtiges Amt").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.lang.de.lexicon import lexicon, time_word, word_endings, word_set
from onrecord.lang.de.name_lists import known_place
from onrecord.lang.de.role_lexicon import (
    _ADJ_SUFFIXES,
    _ARTICLES,
    _CONTRACTIONS,
    _FEMININE_ARTICLES,
    _GENITIVE_ARTICLES,
    _MASC_NEUT_ARTICLES,
    MAX_ADJECTIVES,
    KindAt,
    _adjective_stem,
    _place_names,
    is_role,
    place_adjective,
)
from onrecord.lang.de.sources import is_document
from onrecord.lang.de.tokens import Token

_ORG_PREPOSITIONS = frozenset({"an", "bei", "von", "für", "aus"})
_PLACE_INTRO = frozenset({"in", "aus"})


def english_org_heads() -> frozenset[str]:
    """English heads of organisation names quoted in German text ("Council on Foreign
    Relations"): ``data/english_org_heads.txt``."""
    return word_set("english_org_heads.txt")


def org_noun_endings() -> tuple[str, ...]:
    """Endings of nouns that name a body ("Universität", "Verteidigungsministerium"; "ADAC"
    aside): ``data/org_noun_endings.txt``."""
    return word_endings("org_noun_endings.txt")


#: English function words inside an organisation's name ("Council on Foreign Relations")
_ENGLISH = ("for", "of", "on", "and")
_JOINERS = ("für", "und", "&", *_ENGLISH)


def _the_name(the: Token, word: Token) -> bool:
    return the.lower == "the" and word.text[:1].isupper()


def _is_cap_adjective(tokens: Sequence[Token], i: int) -> bool:
    """An adjective opening a name ("Auswärtigen Amts", "deutschen Bundesumweltministeriums")."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not (nxt.text[:1].isupper() or _is_cap_adjective(tokens, i + 1)) or not tok.text.isalpha():
        return False
    if tok.text.islower():
        return _adjective_stem(tok.text) is not None
    lemma_adj = tok.lemma[:1].islower() and tok.lemma != tok.text.lower()
    return tok.text.endswith(("e", "en", "er", "es")) and (lemma_adj or tok.text.endswith(_ADJ_SUFFIXES))


def _neuter(noun: str) -> bool:
    return noun.lower().endswith(word_endings("neuter_endings.txt"))


_ES_GENITIVE_STEMS = (
    "nd", "nt", "rt", "ld", "ft", "at", "ag", "ug", "eg", "ich", "ach", "of", "uf", "ss", "tz",
    "ab", "eis", "mt", "ht", "rk", "lk", "st", "aus",  # "Krisenstabes", "Kreises", "Amtes", "Gerichtes",
    # "Werkes", "Volkes", "Dienstes", "Krankenhauses"
)


def _degenitive(tok: Token) -> str:
    """A masculine/neuter noun without its genitive ending: "Instituts" → "Institut"."""
    word = tok.text
    if tok.lemma != word and word.startswith(tok.lemma) and 0 < len(word) - len(tok.lemma) <= 2:
        return tok.lemma
    if word.endswith("es") and word[:-2].endswith(_ES_GENITIVE_STEMS):
        return word[:-2]  # "Hauptverbandes" → "Hauptverband", "Rates" → "Rat"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "fonds", "xs", "corps", "Corps")) and len(word) > 3:
        return word[:-1]
    return word


#: abbreviations that open or sit inside a place's or body's name
_NAME_ABBREVIATIONS = frozenset({"St.", "Ste.", "Mt."})


def _cap_run(tokens: Sequence[Token], i: int) -> int:
    """End of the run of capitalised words (joined by "für"/"und" + capitalised) from ``i``."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").replace("’", "").isalnum():
            j += 1
        elif t.text in _NAME_ABBREVIATIONS and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
            j += 1  # "St. Pölten", "St. Gallen": an abbreviation inside a name
        elif t.lower in _JOINERS and j > i and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper() and (
            not is_role(tokens[j + 1])  # "des Senats und Lega-Spitzenpolitiker X": a second role, no name
        ):
            j += 1
        elif t.lower in _ENGLISH and j > i and j + 2 < len(tokens) and _the_name(tokens[j + 1], tokens[j + 2]):
            j += 2  # "Institute for the Study of War"
        else:
            break
    return j


def _english_name(tokens: Sequence[Token]) -> bool:
    """An English organisation name quoted in German text: an English head or function word."""
    return any(t.lower in english_org_heads() or t.lower in _ENGLISH or t.lower == "the" for t in tokens)


def nominative(tokens: Sequence[Token], article: str | None) -> str:
    """An organisation's words in the nominative without article, given the article (or
    contraction) before them: ("Auswärtigen Amts", "des") → "Auswärtiges Amt"."""
    words = [t.text for t in tokens]
    if not tokens or article is None or _english_name(tokens):
        return " ".join(words)  # an English name is not inflected: "des Institute of International Finance"
    article = article.lower()
    feminine = article in _FEMININE_ARTICLES and article not in _MASC_NEUT_ARTICLES
    n_adj = 0
    while n_adj < len(tokens) - 1 and _is_cap_adjective(tokens, n_adj):
        n_adj += 1
    head = n_adj
    if article in _GENITIVE_ARTICLES:
        if not tokens[head].text.endswith("s"):
            run_end = _cap_run(tokens, head)
            last = max(head, run_end - 1)
            head = last if tokens[last].text.endswith("s") and tokens[last].lower != "und" else head
        words[head] = _degenitive(tokens[head])
    if article in _FEMININE_ARTICLES or article in _MASC_NEUT_ARTICLES:
        ending = "e" if feminine else ("es" if _neuter(words[head]) else "er")
        for k in range(n_adj):
            stem = _adjective_stem(words[k].lower())
            if stem is not None:
                words[k] = words[k][0] + stem[1:] + ending
    return " ".join(words)


def _genitive(tokens: Sequence[Token], article: str | None) -> str:
    """A noun phrase in the genitive with article ("das Referat Energie" → "des Referats Energie")."""
    base = nominative(tokens, article).split()
    feminine = (article or "").lower() in _FEMININE_ARTICLES
    n_adj = 0
    while n_adj < len(tokens) - 1 and _is_cap_adjective(tokens, n_adj):
        n_adj += 1
    for k in range(n_adj):
        stem = _adjective_stem(base[k].lower())
        base[k] = base[k][0] + (stem or base[k].lower())[1:] + "en"
    if not feminine and n_adj < len(base) and not base[n_adj].endswith("s"):
        base[n_adj] += "es" if base[n_adj].endswith(("s", "ß", "z", "x")) else "s"
    return ("der " if feminine else "des ") + " ".join(base)


@dataclass(frozen=True)
class _Org:
    """An organisation or place phrase parsed at a position: its text, kind and extent."""

    text: str
    is_place: bool
    end: int
    seat: str | None = None  # a seat adjective before it ("der Londoner Serpentine-Galerie" → London)
    named: bool = False  # the text is the name after the body's kind noun ("der Software-Firma Quellbit")
    guessed: bool = False  # a place only because one unknown word follows "von" ("Bürgermeister von Linz")


def _org_at(tokens: Sequence[Token], i: int, kind_at: KindAt, genitive_ok: bool = True) -> _Org | None:
    """An organisation introduced at ``i`` ("der Bundeswehr", "an der Universität Y",
    "im Wirtschaftsministerium", "von Frankreich"), or a place ("in Z")."""
    if i >= len(tokens):
        return None
    low = tokens[i].lower
    article: str | None = None
    j = i
    place = False
    if low in _PLACE_INTRO and low != "aus":
        place, j = not _body_after_in(tokens, i, kind_at), i + 1
    elif low in _CONTRACTIONS:
        article, j = low, i + 1
    elif low in _ORG_PREPOSITIONS:
        j = i + 1
    elif not (genitive_ok and low in ("der", "des", "eines", "einer")):
        return None
    if j < len(tokens) and tokens[j].lower in _ARTICLES:
        article, j = tokens[j].lower, j + 1
    k = j
    while k < len(tokens) and k - j < MAX_ADJECTIVES and _adjective_stem(tokens[k].text) is not None:
        k += 1  # "des deutschen Bundesumweltministeriums"
    end = _cap_run(tokens, k)
    if k < len(tokens) and time_word(tokens[k].lower):
        return None  # "der Botschafter in Südkorea am Montag": a day is no organisation
    person = next((m for m in range(k + 1, end - 1) if kind_at(tokens[m].i) == "PER"
                   and kind_at(tokens[m + 1].i) == "PER" and not tokens[m].text.isupper()), None)
    if person is not None and not _english_name(tokens[k:end]) and not _institution_head(tokens[end - 1].text):
        end = person  # "die Präsidentin des Verbands Cinzia Franchini": the name is the holder's
        # (not inside an English name the tagger read as a person's: "von Human Rights Watch")
    if low in ("von", "aus", "in") and end > k + 1 and kind_at(tokens[k].i) == "LOC":
        end = k + 1  # "Gouverneur von Florida und Bruder …": the place, not the coordination
        while end < len(tokens) and kind_at(tokens[end].i) == "LOC" and tokens[end].text[:1].isupper():
            end += 1
    if end < len(tokens) and end - k <= 2 and _number_of_name(tokens, end):
        end += 1  # "der Umweltorganisation Global 2000", "von der MA 22": a number ends the name
    if end == k or is_document(tokens[k]):
        return None  # "in einem Gutachten": a document is no organisation or place
    if (place and end == k + 1 and tokens[k].lower in _generic_places()) or tokens[k].lower.endswith(_event_nouns()):
        return None  # "in der Landeshauptstadt", "für die Bundespräsidentschaftswahl": no place or body named
    if low == "aus" or kind_at(tokens[k].i) == "LOC" and kind_at(tokens[end - 1].i) == "LOC":
        place = place or low not in ("an", "bei", "beim") and article not in _CONTRACTIONS
    single = end == k + 1 or end == k + 2 and tokens[k].text in _NAME_ABBREVIATIONS  # "von St. Pölten"
    guessed = False
    if low == "von" and article is None and single and not _looks_like_org(tokens[k:end], kind_at) and (
        not _national_branch(tokens[k].text)
    ):
        guessed = not known_place(tokens[k].text) and tokens[k].text not in _place_names()
        place = True  # "Gouverneur von Tabasco", "Bürgermeister von Linz"
    seat = _seat(tokens, j, end) if not place else None
    if seat is not None:
        j += 1
    if k > j and not place and tokens[j].text.islower() and (
        _proper_body(tokens[k:end], kind_at) or _kind_with_genitive_name(tokens, k, end)
    ):
        j = k  # "der konservativen ÖVP", "der liberalen Neos": the adjectives describe, the name is "ÖVP"
    text = nominative(tokens[j:end], article)
    declined = declined_body(text) if end == j + 1 and article is not None else None
    text = declined or text  # "der Grünen", "den Linken" → "Grüne", "Linke"
    if end > j and _fused_stop(tokens[end - 1]):
        text = text[:-1]  # "von der MA 48. Auch …": the sentence's full stop is no part of the name
    words = text.split()
    if len(words) == 2 and words[0].isalpha() and not words[0].lower().endswith(org_noun_endings()) and (
        "-" in words[1] or sum(c.isupper() for c in words[1]) >= 2
    ) and words[1] not in _LEGAL_FORMS:
        text = words[1]  # "des Einkaufstempels Lugner-City": the name, not its kind
    elif not place:
        kinds = None if _is_cap_adjective(tokens, k) or _adjective_stem(tokens[k].text.lower()) is not None else [
            kind_at(t.i) for t in tokens[j:end]  # "der Technischen Universität": an adjective of the name
        ]
        name = name_after_kind([t.text for t in tokens[j:end]], kinds)  # "der Software-Firma Quellbit"
        if name is not None:
            return _Org(name, place, end, seat, named=True)
    return _Org(text, place, end, seat, guessed=guessed)


def _kind_with_genitive_name(tokens: Sequence[Token], k: int, end: int) -> bool:
    """Whether the body at ``k`` is its kind noun alone, followed by a genitive name ("Partei der
    Unabhängigen Griechen", "Bank des Heiligen Stuhls"): adjectives in small letters before it
    describe the body, no part of its name. The genitive has two capitalised words at least."""
    if end != k + 1 or end + 1 >= len(tokens) or tokens[end].lower not in ("der", "des"):
        return False
    if end + 2 >= len(tokens) or not (tokens[end + 1].text[:1].isupper() and tokens[end + 2].text[:1].isupper()):
        return False  # two capitalised words: "der größten Partei des Landes" names no body
    return descriptor_head(tokens[k].text) or body_kind_noun(tokens[k].text, after_adjective=True)


def declined_body(word: str) -> str | None:
    """The nominative of a body named by a declined nominalised adjective of
    ``data/declined_bodies.txt`` ("Grünen" → "Grüne", "Linken" → "Linke"), else None."""
    bodies = word_set("declined_bodies.txt")
    if word in bodies:
        return word
    return word[:-1] if word.endswith("en") and word[:-1] in bodies else None


def _proper_body(tokens: Sequence[Token], kind_at: KindAt) -> bool:
    """Whether the words after a body's lower-case adjectives are its proper name, which the
    adjectives only describe ("konservativen ÖVP", "liberalen Neos", "oppositionellen Grünen",
    "angeschlagenen Hypo Alpe Adria"), not a common noun the adjectives belong to ("thailändische
    Armee", "französische Staatsbahn SNCF"): an acronym, a declined body of
    ``data/declined_bodies.txt``, a party of ``data/party_names.txt``, or words the tagger reads
    as an organisation, none of them a body's kind noun."""
    if not tokens:
        return False
    first = tokens[0].text
    if len(tokens) == 1 and (
        sum(c.isupper() for c in first) >= 2 or declined_body(first) is not None or first in word_set("party_names.txt")
    ):
        return True
    return all(kind_at(t.i) == "ORG" for t in tokens) and not any(
        t.text.lower().endswith(org_noun_endings()) or body_kind_noun(t.text, True) for t in tokens
    )


def _generic_places() -> frozenset[str]:
    """Common nouns for a kind of place (data/generic_places.txt)."""
    return word_set("generic_places.txt")


def _event_nouns() -> tuple[str, ...]:
    """Endings of nouns for an event a role is held for (data/event_nouns.txt)."""
    return word_endings("event_nouns.txt")


def _body_after_in(tokens: Sequence[Token], i: int, kind_at: KindAt) -> bool:
    """Whether "in" at ``i`` opens a body with its article, as "im" does ("Koordinator in der
    ORF-Generaldirektion" as "Referent im Bundeskanzleramt"): a name that looks like an
    organisation (:func:`_looks_like_org`) and that the tagger does not read as a place."""
    j = i + 1
    if j + 1 >= len(tokens) or tokens[j].lower not in ("der", "dem"):
        return False
    end = _cap_run(tokens, j + 1)
    name = tokens[j + 1 : end]
    return bool(name) and all(kind_at(t.i) != "LOC" for t in name) and _looks_like_org(name, kind_at)


def _descriptors() -> tuple[str, ...]:
    """Heads of nouns that describe a body's kind before its name: data/body_descriptors.txt."""
    return word_endings("body_descriptors.txt")


def descriptor_head(word: str) -> bool:
    """Whether a word is itself a listed head of a body's kind ("Bank", "Partei", "Gruppe")."""
    return word.lower() in _descriptors()


def body_kind_noun(word: str, after_adjective: bool) -> bool:
    """Whether a word is a kind noun before a body's name: a compound with a descriptor head
    ("Regierungspartei", "Fußballclub"), or the head itself after an adjective ("konservative Partei")."""
    low = word.lower()
    for cut in ("es", "s", "en", "n", ""):  # "Fußballclubs", "Regierungspartei"
        stem = low[: len(low) - len(cut)] if cut and low.endswith(cut) else low
        for head in _descriptors():
            if stem == head and after_adjective or stem.endswith(head) and len(stem) > len(head) + 2:
                return True
    return False


def name_after_kind(words: Sequence[str], kinds: Sequence[str] | None = None) -> str | None:
    """The body's name in a phrase "[adjectives] <kind noun> <Name>", else None: after a listed
    kind noun (:func:`body_kind_noun`) the capitalised words or numbers ("rechtskonservative
    Regierungspartei NCD" → "NCD", "Umweltorganisation Global 2000", "Denkfabrik Centre for
    European Reform" → "Centre for European Reform"); with the tagger's ``kinds``
    of the words also after a capitalised kind noun outside its names, when it tags every word of
    the name as an organisation ("Prüfstelle Nordwert Analytics", "Software-Firma Quellbit").
    "Bank Austria" (one tagged name) and "Universität Wien" (a place) stay as they are."""
    k = 0
    while k < len(words) and words[k][:1].islower():
        k += 1  # adjectives
    if k + 1 >= len(words):
        return None
    noun, rest = words[k], words[k + 1 :]
    if body_kind_noun(noun, k > 0):
        return " ".join(rest) if _name_words(rest) else None
    if kinds is None or kinds[k] or not noun[:1].isupper() or noun.isupper():
        return None
    tagged = all(kind == "ORG" and w[:1].isupper() for w, kind in zip(rest, kinds[k + 1 :], strict=True))
    return " ".join(rest) if tagged else None


def _name_words(words: Sequence[str]) -> bool:
    """Whether words make a name: capitalised words or numbers, and English function words between
    them ("Centre for European Reform", "Institute of the Americas")."""
    inner = all(w[:1].isupper() or w[:1].isdigit() or w in _ENGLISH or w == "the" for w in words)
    return inner and bool(words) and not (words[0] in _ENGLISH or words[-1] in _ENGLISH or words[-1] == "the")


def _number_of_name(tokens: Sequence[Token], i: int) -> bool:
    """A number that ends a body's name ("Global 2000", "MA 22", "Hannover 96"): one to four
    digits, no ordinal or date (no full stop after it) and no unit or count noun after it."""
    tok = tokens[i]
    if _fused_stop(tok) and tok.start == tokens[i - 1].end + 1:
        return i + 1 >= len(tokens) or tokens[i + 1].text in lexicon().sentence_openers
    if not (tok.text.isdigit() and len(tok.text) <= 4) or tok.start != tokens[i - 1].end + 1:
        return False
    if i + 1 >= len(tokens):
        return True
    after = tokens[i + 1]
    if after.text == ".":  # a sentence end, not an ordinal ("am 22. Mai")
        return i + 2 >= len(tokens) or tokens[i + 2].sent != tok.sent
    return not (after.text[:1].isupper() or after.text.isdigit())


def _fused_stop(tok: Token) -> bool:
    """A number of one to four digits with a full stop fused to it ("48."): an ordinal, or a
    number at the end of a sentence ("von der MA 48. Auch …") when a sentence opener follows."""
    return tok.text.endswith(".") and tok.text[:-1].isdigit() and len(tok.text) <= 5


#: legal forms after a company's name ("Jenoptik AG"): part of the name, never the name itself
_LEGAL_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "OG", "KGaA", "Inc.", "Inc", "Ltd", "Ltd.", "plc", "SA", "NV",
                          "BV", "AB", "ASA", "LLC", "Corp.", "Co."})


def _institution_head(word: str) -> bool:
    """A word that ends a body's name made of a person's name ("Bahauddin Zakariya Universität",
    "Konrad-Adenauer-Stiftung"): an institution noun, not the name of the role's holder."""
    return word.lower().endswith((*_seat_bodies(), "stiftung", "schule", "akademie", "zentrum", "center"))


def _seat_bodies() -> tuple[str, ...]:
    """Endings of bodies named by their kind after a seat adjective ("Berliner Arbeitsministerium"),
    unlike a proper name with the adjective in it ("Berliner Zeitung")."""
    return word_endings("seat_bodies.txt")


def _seat(tokens: Sequence[Token], j: int, end: int) -> str | None:
    """The place of an indeclinable seat adjective that opens a two-word body ("im Berliner
    Arbeitsministerium" → Berlin, "der Londoner Serpentine-Galerie" → London), else None."""
    if end - j != 2:
        return None
    adj, body = tokens[j].text, tokens[j + 1].text
    place = place_adjective(adj) if adj[:1].isupper() and adj.endswith("er") else None
    return place if place is not None and body.lower().endswith(_seat_bodies()) else None


def _national_branch(word: str) -> bool:
    """A body's national branch written "<Body>-<Country>" ("Attac-Österreich", "Greenpeace-Schweiz"):
    an organisation, though its last part is a place; "Baden-Württemberg" is a place throughout."""
    first, _, last = word.partition("-")
    places = _place_names()
    return bool(last) and last in places and first not in places and first[:1].isupper() and (
        word not in places and not any(first == p.split("-")[0] for p in places)
    )


def _looks_like_org(tokens: Sequence[Token], kind_at: KindAt) -> bool:
    """Whether a noun phrase names a body ("der Universität Wien", "des ADAC"), not a field of
    work ("der Sozialwissenschaften")."""
    for tok in tokens:
        word = tok.text.lower()
        if kind_at(tok.i) == "ORG" or (tok.text.isupper() and len(tok.text) > 1) or word.endswith(org_noun_endings()):
            return True
    return False

