"""Roles from German appositions, relative clauses and role nouns (pure functions over tokens).

Patterns (an apposition runs from the comma after a name to the next comma, bracket or
sentence end):

* "X, Professorin für Politikwissenschaft an der Universität Y in Z," → title
  "Professorin für Politikwissenschaft", organization "Universität Y", place "Z";
* "X, ein früherer Oberst der Bundeswehr," → title "früherer Oberst", organization "Bundeswehr";
* "X, der Chef des Instituts für Weltwirtschaft," → title "Chef", organization
  "Institut für Weltwirtschaft";
* a relative clause whose verb names a role: "X, die das Referat Energie im
  Wirtschaftsministerium leitet," → title "Leiterin des Referats Energie", organization
  "Wirtschaftsministerium"; without a second organisation the object is the organisation
  ("der den Konzern leitet" → "Leiter", "Konzern"); verbs without a role noun ("arbeitet",
  "lehrt") give only the organisation;
* a role noun right before the name: "Außenministerin Anna Müller", "der frühere
  Außenminister Joschka Fischer" (title "früherer Außenminister"), "der SPD-Politiker Lars
  Klingbeil" (title "Politiker", organization "SPD"), "Südkoreas Präsident Moon Jae-in"
  (place "Südkorea");
* a speaker phrase without a name: "ein Sprecher des Auswärtigen Amts" → title "Sprecher",
  organization "Auswärtiges Amt".

Normalisation: organisations are given in the nominative without article ("des Auswärtigen
Amts" → "Auswärtiges Amt", "der Europäischen Zentralbank" → "Europäische Zentralbank"), an
adjective of a title in its strong nominative form ("des früheren Ministers" → "früherer").
An apposition without a role noun ("X, 45,", "X, die am Montag sprach,") gives no role.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from onrecord.lang.de.lexicon import data_lines, lexicon
from onrecord.lang.de.sources import addressee_inside, is_document
from onrecord.lang.de.tokens import PreparedDoc, Token


@cache
def role_places() -> dict[str, str]:
    """Place adjective stems ("bayerisch") and indeclinable place words ("Wiener") → place."""
    return {parts[0]: parts[1] for parts in (line.split("\t") for line in data_lines("role_places.txt"))}


@cache
def _place_names() -> frozenset[str]:
    return frozenset(role_places().values())


@cache
def role_adjectives() -> dict[str, str]:
    """Adjective stems of role phrases → "keep" (part of the title) or "former"."""
    return {parts[0]: parts[1] for parts in (line.split("\t") for line in data_lines("role_adjectives.txt"))}


#: NER-like type of the token at an index ("LOC", "ORG", "PER", "OTH" or ""): lets a role put
#: a place ("Präsident von Frankreich", "Südkoreas Präsident") where it belongs.
KindAt = Callable[[int], str]

_ARTICLES = frozenset({"ein", "eine", "einer", "eines", "einem", "einen",
                       "der", "die", "das", "des", "dem", "den"})
_FEMININE_ARTICLES = frozenset({"die", "eine", "einer", "der", "zur"})
_MASC_NEUT_ARTICLES = frozenset({"des", "eines", "dem", "einem", "im", "am", "beim", "vom", "zum", "ins",
                                 "das", "den", "ein", "einen"})
_GENITIVE_ARTICLES = frozenset({"des", "eines"})
_CONTRACTIONS = frozenset({"im", "am", "beim", "vom", "zum", "zur", "ins"})
_ORG_PREPOSITIONS = frozenset({"an", "bei", "von", "für", "aus"})
_PLACE_INTRO = frozenset({"in", "aus"})
_NOT_ADJECTIVES = frozenset({"aber", "oder", "sondern", "immer", "wieder", "seit", "unter", "über", "hinter",
                             "nach", "vor", "wegen", "heute", "gestern", "morgen", "sowie", "mehr", "sehr",
                             "inzwischen", "derzeit", "damals", "bisher", "später", "früher", "ebenfalls"})
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_DETERMINER_STEMS = ("dies", "jen", "sein", "ihr", "unser", "eur", "mein", "dein", "kein", "welch", "jed", "manch")
_ADJ_SUFFIXES = ("ischen", "igen", "lichen", "alen", "ten", "ßen", "ären", "ellen", "iven", "schen", "ösen",
                 "aren", "eren", "ren", "nen")
_NON_ORG_PREFIXES = frozenset({"ex", "vize", "ko", "co", "interims", "top", "alt", "noch", "ober", "chef",
                               "bundes", "landes", "staats", "sonder"})
_PLACE_PREFIXES = {"us": "USA", "usa": "USA", "uk": "Großbritannien"}
_FORMER_PREFIXES = frozenset({"ex", "alt"})
#: English heads of organisation names quoted in German text ("Council on Foreign Relations")
_ENGLISH_ORG_HEADS = frozenset({"council", "institute", "university", "foundation", "center", "centre", "agency",
                                "office", "department", "school", "college", "corporation", "company", "group",
                                "association", "committee", "commission", "service", "bureau", "fund", "trust",
                                "watch", "forum", "network", "project", "alliance", "coalition", "initiative",
                                "society", "institution", "studies", "programme", "program", "club", "board"})
#: endings of nouns that name a body ("Universität", "Verteidigungsministerium", "ADAC" aside)
_ORG_SUFFIXES = ("universität", "institut", "ministerium", "amt", "verband", "partei", "gesellschaft", "bank",
                 "stiftung", "agentur", "behörde", "kommission", "rat", "gericht", "verein", "gewerkschaft",
                 "kammer", "polizei", "regierung", "akademie", "hochschule", "klinik", "klinikum", "zentrum",
                 "konzern", "unternehmen", "gruppe", "fraktion", "bund", "union", "organisation", "komitee",
                 "parlament", "senat", "armee", "bundeswehr", "museum", "theater", "zeitung", "verlag", "büro")
#: roles whose compound prefix names a field, not an organisation ("Osteuropa-Expertin",
#: "Nahost-Kenner"), unless the prefix is an abbreviation ("SPD-Expertin")
_FIELD_ROLES = ("experte", "expertin", "kenner", "kennerin", "forscher", "forscherin", "champion", "star")
_NEUTER = ("amt", "ministerium", "institut", "gericht", "parlament", "zentrum", "komitee", "büro",
           "unternehmen", "werk", "haus", "kommando", "kabinett", "präsidium", "sekretariat", "referat",
           "museum", "klinikum", "blatt", "magazin", "forum", "gremium", "kollegium", "bündnis", "netzwerk",
           "land", "team", "labor", "theater", "orchester", "hospital", "archiv", "kreuz", "dezernat",
           "kommissariat", "konsulat", "observatorium", "kuratorium", "direktorium", "konsortium")
#: English function words inside an organisation's name ("Council on Foreign Relations")
_ENGLISH = ("for", "of", "on", "and")
_JOINERS = ("für", "und", "&", *_ENGLISH)


def _the_name(the: Token, word: Token) -> bool:
    return the.lower == "the" and word.text[:1].isupper()

_AUXILIARIES = frozenset({"hat", "hatte", "ist", "war", "wird", "wurde", "hätte", "habe"})
MAX_APPOSITION = 16
MAX_ADJECTIVES = 3

#: finite verbs (and participles) of relative clauses that name the role of their subject:
#: form → (masculine title, feminine title, how the clause gives the organisation).
#: "lead": the object is the unit led; "member": the (dative) object is the organisation;
#: "at": only a prepositional phrase ("an der Universität", "beim Konzern") names it.
_ROLE_VERBS: dict[str, tuple[str | None, str | None, str]] = {
    **{v: ("Leiter", "Leiterin", "lead") for v in ("leitet", "leitete", "geleitet", "führt", "führte", "geführt")},
    **{v: ("Gründer", "Gründerin", "lead") for v in ("gründete", "gegründet", "mitbegründete", "mitbegründet")},
    **{v: ("Vertreter", "Vertreterin", "lead") for v in ("vertritt", "vertrat", "vertreten")},
    **{v: ("Berater", "Beraterin", "lead") for v in ("berät", "beriet", "beraten")},
    **{v: ("Vorsitzender", "Vorsitzende", "member") for v in ("vorsteht", "vorstand", "vorsitzt", "vorsaß")},
    **{v: ("Mitglied", "Mitglied", "member") for v in ("angehört", "angehörte", "angehören")},
    **{v: ("Forscher", "Forscherin", "at") for v in ("forscht", "forschte", "geforscht")},
    **{v: ("Sprecher", "Sprecherin", "at") for v in ("spricht",)},
    **{v: (None, None, "at") for v in ("arbeitet", "arbeitete", "gearbeitet", "lehrt", "lehrte", "gelehrt",
                                        "unterrichtet", "tätig", "beschäftigt", "angestellt")},
}


@dataclass(frozen=True)
class RoleMatch:
    """A role found in the text: title, organisation, place, its token range and role noun."""

    title: str | None
    organization: str | None
    place: str | None
    begin: int
    end: int
    head: str | None = None  # the role noun as written ("Außenministerin"), for "die Ministerin"
    former: bool = False  # "der frühere Minister", "Ex-Minister"
    #: an unnamed phrase whose role noun is plural ("die EU-Innenminister", "Politikern der SPD"):
    #: a group of holders, no person; the roles set records no role for it (GUIDELINES B)
    plural: bool = False


def _no_kind(_: int) -> str:
    return ""


def _fused_former(word: str) -> str | None:
    """The role after a fused "Ex" ("Exfinanzminister" → "Finanzminister", "Exanwalt" →
    "Anwalt"), else None; "Experte", "Export…" are no such word (the rest must be a role)."""
    if not word.startswith("Ex") or len(word) < 6 or not word[2].islower() or "-" in word:
        return None
    if word.lower().startswith(_not_fused_ex()):
        return None
    rest = word[2].upper() + word[3:]
    roles = lexicon().roles
    if rest in roles or any(rest[k].upper() + rest[k + 1 :] in roles for k in range(3, len(rest) - 3)):
        return rest
    return None


@cache
def _unit_relations() -> frozenset[str]:
    """Nouns of an organisation's relation to its parent, a role only after a hyphenated body
    ("Facebook-Tochter Oculus VR"; GUIDELINES B: an organisation's role relative to another
    body): data/unit_relations.txt. Alone ("seine Tochter") they are kinship, no role."""
    return frozenset(data_lines("unit_relations.txt"))


@cache
def _not_fused_ex() -> tuple[str, ...]:
    """Word starts that begin with "ex" but hold no fused "Ex" ("Exportchef", "Exekutivdirektor")."""
    return tuple(data_lines("not_fused_ex.txt"))


@cache
def role_head(word: str) -> str | None:
    """The role noun a word is or ends in: "Ministerin" → "Ministerin", "Oberbürgermeister" →
    "Bürgermeister", "SPD-Politiker" → "Politiker"; None for other words."""
    roles = lexicon().roles
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    if word in roles:
        return word
    fused = _fused_former(word)
    if fused is not None:
        return role_head(fused)  # "Exfinanzminister" → "Finanzminister"
    if "-" in word:
        first, last = word.rsplit("-", 1)
        if last in _unit_relations() and first[:1].isupper() and first.replace("-", "").isalnum():
            return last  # "Facebook-Tochter": a body's unit, relative to the body before it
        return role_head(last) if last[:1].isupper() else None
    for k in range(3, len(word) - 3):  # longest suffix first, a prefix of at least 3 letters
        part = word[k].upper() + word[k + 1 :]
        if part in roles:
            return part
    return None


@cache
def _inflected_role(word: str) -> bool:
    """A genitive or plural of a role noun or compound ("Finanzministers", "Kommissare")."""
    if word in _NOT_ROLES:
        return False
    for cut in ("nen", "en", "n", "es", "s", "e"):
        stem = word[: -len(cut)]
        if word.endswith(cut) and len(stem) >= 3:
            head = role_head(stem)
            if head is not None and stem.lower().endswith(head.lower()):
                return True
    return False


def is_role(tok: Token) -> bool:
    """Whether a token is a role noun (a listed one, its inflected form or a compound of one)."""
    return _is_role(tok.text, tok.lemma)


@lru_cache(maxsize=8_192)
def _is_role(text: str, lemma: str) -> bool:
    if role_head(text) is not None or (lemma in lexicon().roles and text[:1].isupper()):
        return True
    return text[:1].isupper() and text.replace("-", "").isalpha() and _inflected_role(text)


def is_feminine_role(word: str) -> bool:
    """Feminine role nouns end in -in ("Ministerin") or are the -e form of a nominalised adjective."""
    return word.endswith("in") or word.endswith("innen")


def _adjective_stem(word: str) -> str | None:
    """The stem of an inflected attributive adjective ("früheren" → "früher"), else None."""
    if not word.isalpha() or not word.islower() or word in _ARTICLES or word in _NOT_ADJECTIVES:
        return None
    if word.startswith(_DETERMINER_STEMS) and len(word) <= 7:
        return None  # "in diesem Bereich", "seines Präsidenten": determiners, no adjectives
    for ending in _ADJ_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def _is_adjective(tok: Token) -> bool:
    """An inflected attributive adjective, not a finite verb ("sagte": lemma "sagen")."""
    verb = tok.lemma != tok.text and tok.lemma.islower() and tok.lemma.endswith(("en", "ern", "eln"))
    return _adjective_stem(tok.text) is not None and not verb


def strong_adjective(word: str, feminine: bool) -> str:
    """An attributive adjective in its strong nominative singular form: "früheren" → "früherer"."""
    stem = _adjective_stem(word.lower()) or word
    stem = word[0] + stem[1:] if word[:1].isupper() else stem
    return stem + ("e" if feminine else "er")


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
    return noun.lower().endswith(_NEUTER)


#: words that look like an inflected role noun but are none
_NOT_ROLES = frozenset({"Premiere", "Premieren", "Generale", "Senate", "Chefs-Etage", "Champions"})
_ES_GENITIVE_STEMS = ("nd", "nt", "rt", "ld", "ft", "at", "ag", "ug", "eg", "ich", "ach", "of", "uf", "ss", "tz")


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


def _cap_run(tokens: Sequence[Token], i: int) -> int:
    """End of the run of capitalised words (joined by "für"/"und" + capitalised) from ``i``."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").replace("’", "").isalnum():
            j += 1
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
    return any(t.lower in _ENGLISH_ORG_HEADS or t.lower in _ENGLISH or t.lower == "the" for t in tokens)


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
        place, j = True, i + 1
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
    if k < len(tokens) and tokens[k].lower in lexicon().time_words:
        return None  # "der Botschafter in Südkorea am Montag": a day is no organisation
    person = next((m for m in range(k + 1, end - 1) if kind_at(tokens[m].i) == "PER"
                   and kind_at(tokens[m + 1].i) == "PER" and not tokens[m].text.isupper()), None)
    if person is not None and not _english_name(tokens[k:end]):
        end = person  # "die Präsidentin des Verbands Cinzia Franchini": the name is the holder's
        # (not inside an English name the tagger read as a person's: "von Human Rights Watch")
    if low in ("von", "aus", "in") and end > k + 1 and kind_at(tokens[k].i) == "LOC":
        end = k + 1  # "Gouverneur von Florida und Bruder …": the place, not the coordination
        while end < len(tokens) and kind_at(tokens[end].i) == "LOC" and tokens[end].text[:1].isupper():
            end += 1
    if end == k or is_document(tokens[k]):
        return None  # "in einem Gutachten": a document is no organisation or place
    if low == "aus" or kind_at(tokens[k].i) == "LOC" and kind_at(tokens[end - 1].i) == "LOC":
        place = place or low not in ("an", "bei", "beim") and article not in _CONTRACTIONS
    if low == "von" and article is None and end == k + 1 and not _looks_like_org(tokens[k:end], kind_at) and (
        not _national_branch(tokens[k].text)
    ):
        place = True  # "Gouverneur von Tabasco", "Bürgermeister von Linz"
    seat = _seat(tokens, j, end) if not place else None
    if seat is not None:
        j += 1
    text = nominative(tokens[j:end], article)
    words = text.split()
    if len(words) == 2 and words[0].isalpha() and not words[0].lower().endswith(_ORG_SUFFIXES) and (
        "-" in words[1] or sum(c.isupper() for c in words[1]) >= 2
    ):
        text = words[1]  # "des Einkaufstempels Lugner-City": the name, not its kind
    return _Org(text, place, end, seat)


@cache
def _seat_bodies() -> tuple[str, ...]:
    """Endings of bodies named by their kind after a seat adjective ("Berliner Arbeitsministerium"),
    unlike a proper name with the adjective in it ("Berliner Zeitung")."""
    return tuple(data_lines("seat_bodies.txt"))


def _seat(tokens: Sequence[Token], j: int, end: int) -> str | None:
    """The place of an indeclinable seat adjective that opens a two-word body ("im Berliner
    Arbeitsministerium" → Berlin, "der Londoner Serpentine-Galerie" → London), else None."""
    if end - j != 2:
        return None
    adj, body = tokens[j].text, tokens[j + 1].text
    if not (adj[:1].isupper() and adj.endswith("er") and adj in role_places()):
        return None
    return role_places()[adj] if body.lower().endswith(_seat_bodies()) else None


def title_noun(word: str, article: str = "") -> str:
    """A role noun in the nominative singular: "Präsidenten" → "Präsident", "Finanzministers" →
    "Finanzminister", "Kommissare" → "Kommissar"; a nominalised adjective after a masculine
    article in its masculine form ("des Vorsitzenden", "der Vorsitzende" → "Vorsitzender")."""
    roles = lexicon().roles
    base = word
    head = role_head(word)
    if word not in roles and not (head is not None and word.lower().endswith(head.lower())):
        for cut in ("nen", "en", "n", "es", "s", "e"):
            stem = word[: -len(cut)]
            if not word.endswith(cut) or len(stem) < 3:
                continue
            head = role_head(stem)
            if head is not None and stem.lower().endswith(head.lower()):
                base = stem
                break
    article = article.lower()
    if base.endswith("e") and base + "r" in roles and (
        article in ("des", "dem", "den", "eines", "einem", "einen", "ein", "beim", "vom", "zum")
        or (article == "der" and word == base)
    ):
        base += "r"
    return base


@dataclass(frozen=True)
class _Title:
    """The words of a title and what its adjectives said besides: a place, a former role."""

    words: list[str]
    place: str | None
    former: bool


def _title_parts(tokens: Sequence[Token], begin: int, role_i: int, feminine: bool, article: str = "") -> _Title:
    """Adjectives and the role noun: the adjectives that belong to the title in their strong
    nominative ("des stellvertretenden Vorsitzenden" → "stellvertretender Vorsitzender"); a
    place adjective gives the place ("der bayerische Finanzminister" → Bayern), a former one
    ("der frühere Minister") the former flag; other adjectives ("die zuständige") are dropped."""
    words: list[str] = []
    place: str | None = None
    former = False
    for tok in tokens[begin:role_i]:
        if tok.text in role_places():
            place = place or role_places()[tok.text]
            continue
        stem = _adjective_stem(tok.text.lower()) or tok.text.lower()
        kind = role_adjectives().get(stem)
        if stem in role_places():
            place = place or role_places()[stem]
        elif kind == "former":
            former = True
        elif kind == "keep":
            words.append(strong_adjective(tok.text, feminine))
    return _Title([*words, title_noun(tokens[role_i].text, article)], place, former)


@dataclass(frozen=True)
class _Compound:
    """A hyphenated role split: the role noun, and the organisation, place or former flag its
    first part gives."""

    role: str
    org: str | None = None
    place: str | None = None
    former: bool = False


def _split_compound(word: str, kind: str) -> _Compound:
    """A hyphenated role ("SPD-Politiker") → title "Politiker" and organisation "SPD"; a country
    code ("US-Präsident") gives a place ("USA"); "Ex-Minister", "Alt-Landeshauptmann" → the
    rest, former; "Vize-Präsident" stays whole."""
    if "-" not in word:
        fused = _fused_former(word)
        return _Compound(fused, former=True) if fused is not None else _Compound(word)
    prefix, rest = word.rsplit("-", 1)
    if prefix.lower() in _FORMER_PREFIXES and rest[:1].isupper():
        return _Compound(rest, former=True)
    if prefix.lower() in _NON_ORG_PREFIXES or not prefix[:1].isupper():
        return _Compound(word)
    if rest.lower().startswith(_FIELD_ROLES) and not prefix.isupper():
        return _Compound(word)
    if prefix.lower() in _PLACE_PREFIXES:
        return _Compound(rest, place=_PLACE_PREFIXES[prefix.lower()])
    if kind == "LOC" or prefix in _place_names():
        return _Compound(rest, place=prefix)
    parts = prefix.split("-")
    if len(parts) > 1 and all(p[:1].isupper() and p.isalpha() and not p.isupper() for p in parts):
        return _Compound(rest, org=" ".join(parts))  # "Bank-Austria-Ökonom": the name "Bank Austria"
    return _Compound(rest, org=prefix)


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
        if kind_at(tok.i) == "ORG" or (tok.text.isupper() and len(tok.text) > 1) or word.endswith(_ORG_SUFFIXES):
            return True
    return False


def _field_after(tokens: Sequence[Token], j: int, kind_at: KindAt) -> int | None:
    """The end of a field of work after "für" + article + adjectives ("für die öffentliche
    Sicherheit", "für internationale Politik"), which stays in the title; None when no such
    field or when the words name a body ("für das Rote Kreuz")."""
    if j + 2 >= len(tokens) or tokens[j].lower != "für":
        return None
    k = j + 1 + (tokens[j + 1].lower in _ARTICLES)
    a = k
    while k < len(tokens) and k - a < MAX_ADJECTIVES and tokens[k].text.islower() and _is_adjective(tokens[k]):
        k += 1
    if k == j + 1 or k >= len(tokens) or not tokens[k].text[:1].isupper():
        return None  # "für Politik": the plain run below
    end = _cap_run(tokens, k)
    if end != k + 1 or _looks_like_org(tokens[k:end], kind_at) or kind_at(tokens[k].i) in ("LOC", "PER"):
        return None
    return end


@cache
def english_modifiers() -> frozenset[str]:
    """Capitalised English words that open a title in German text ("Senior Adviser")."""
    return frozenset(data_lines("english_title_modifiers.txt"))


def parse_role(tokens: Sequence[Token], kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role noun phrase at the start of ``tokens``: [article] [adjectives] role noun
    [für …] [organisation [genitive chain]] [place]. None when no role noun heads it."""
    i = 1 if tokens and tokens[0].lower in _ARTICLES else 0
    adj_begin = i
    while i < len(tokens) and i - adj_begin < MAX_ADJECTIVES and _is_adjective(tokens[i]):
        i += 1
    english = i
    while i < len(tokens) - 1 and tokens[i].text in english_modifiers():
        i += 1  # "Senior Adviser am Center for …"
    if i >= len(tokens) or not is_role(tokens[i]):
        return None
    role_i = i
    article = tokens[0].lower if adj_begin else ""
    feminine = is_feminine_role(tokens[role_i].text) or article in ("die", "eine")
    compound = _split_compound(tokens[role_i].text, "")
    parts = _title_parts(tokens, adj_begin, role_i, feminine, article)
    title_words = parts.words
    title_words[-1] = title_noun(compound.role, article)
    title_words[-1:-1] = [t.text for t in tokens[english:role_i]]
    org, place = compound.org, compound.place
    j = role_i + 1
    field_end = _field_after(tokens, j, kind_at)
    if field_end is not None:
        title_words += [t.text for t in tokens[j:field_end]]  # "Generaldirektor für die öffentliche Sicherheit"
        j = field_end
    elif j + 1 < len(tokens) and tokens[j].lower == "für" and tokens[j + 1].text[:1].isupper():
        end = _cap_run(tokens, j + 1)
        title_words += [t.text for t in tokens[j:end]]
        j = end
        # "Professor für Grundlagen der Sozialwissenschaften": a genitive of a field, no body
        while j + 1 < len(tokens) and tokens[j].lower in ("der", "des") and tokens[j + 1].text[:1].isupper():
            end = _cap_run(tokens, j + 1)
            if _looks_like_org(tokens[j + 1 : end], kind_at):
                break
            title_words += [t.text for t in tokens[j:end]]
            j = end
    org_from = -1
    while j < len(tokens):
        genitive = tokens[j].lower in ("des", "der", "eines", "einer")
        found = _org_at(tokens, j, kind_at, genitive_ok=org is None or (genitive and org_from >= 0 and place is None))
        if found is None:
            break
        if found.is_place and place is None:
            place = found.text
        elif not found.is_place and org is None:
            org, org_from = found.text, j
            place = place or found.seat
        elif not found.is_place and genitive and org_from >= 0:
            # "Leiter des Lagezentrums des Verteidigungsministeriums": one organisation, the
            # genitive chain kept as written ("Lagezentrum des Verteidigungsministeriums")
            org = f"{org} {' '.join(t.text for t in tokens[j : found.end])}"
            org_from = -1
        else:
            break
        j = found.end
    place = place or parts.place
    return RoleMatch(
        " ".join(title_words), org, place, tokens[0].i, tokens[j - 1].i + 1, tokens[role_i].text,
        parts.former or compound.former,
    )


def _clause_verb(tokens: Sequence[Token]) -> int | None:
    """Index of the role-naming verb at the end of a relative clause (before an auxiliary)."""
    k = len(tokens) - 1
    if k >= 1 and tokens[k].lower in _AUXILIARIES:
        k -= 1
    return k if k >= 1 and tokens[k].lower in _ROLE_VERBS else None


def relative_role(tokens: Sequence[Token], kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role from a relative clause "der/die … VERB": see the module docstring."""
    if len(tokens) < 3 or tokens[0].lower not in ("der", "die", "das"):
        return None
    k = _clause_verb(tokens)
    if k is None:
        return None
    masc, fem, how = _ROLE_VERBS[tokens[k].lower]
    title = fem if tokens[0].lower == "die" else masc
    obj: tuple[int, int, str] | None = None
    org: _Org | None = None
    place: str | None = None
    j = 1
    while j < k:
        low = tokens[j].lower
        if low in _ARTICLES and obj is None and j + 1 < k and tokens[j + 1].text[:1].isupper():
            end = min(_cap_run(tokens, j + 1), k)
            obj, j = (j + 1, end, low), end
            continue
        found = _org_at(tokens[:k], j, kind_at, genitive_ok=False) if low not in _ARTICLES else None
        if found is not None:
            if found.is_place:
                place = place or found.text
            else:
                org = org or found
            j = found.end
            continue
        j += 1
    organization: str | None = org.text if org is not None else None
    if obj is not None and how in ("lead", "member"):
        obj_tokens = tokens[obj[0] : obj[1]]
        if how == "lead" and organization is not None and title is not None:
            title = f"{title} {_genitive(obj_tokens, obj[2])}"
        else:
            organization = nominative(obj_tokens, obj[2])
    if organization is None and (how != "lead" or title is None):
        return None
    return RoleMatch(title, organization, place, tokens[0].i, tokens[-1].i + 1, None)


#: dashes that open and close a parenthesis ("Tom Brandt – Sicherheitsexperte beim … – sagte")
_DASHES = frozenset({"–", "—", "-", "--"})


def _dash_parenthesis(doc: PreparedDoc, name_end: int, person: bool) -> list[Token]:
    """The words between a dash right after a name and the closing dash of the same sentence
    ("Eva Klein – Chefin der Agentur für Gesundheit – verteidigte …"); empty without a closing
    dash (a dateline "Wien – Bundeskanzler …" has none after its role). The splitter may end a
    sentence at the first dash as after a dateline: a tagged ``person`` name goes on over it."""
    toks = doc.tokens
    if name_end + 1 >= len(toks):
        return []
    sent = toks[name_end + 1].sent
    if sent != toks[name_end - 1].sent and not person:
        return []
    j = name_end + 1
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _DASHES and j - name_end <= MAX_APPOSITION:
        if toks[j].text in _STOP:
            return []
        j += 1
    if j >= len(toks) or toks[j].sent != sent or toks[j].text not in _DASHES or j == name_end + 1:
        return []
    return toks[name_end + 1 : j]


#: adverbs between a name and its apposition ("X wiederum, die ehemalige Richterin")
_CONTRAST_ADVERBS = frozenset({"wiederum", "hingegen", "dagegen", "indes", "ihrerseits", "seinerseits"})


def _apposition_tokens(doc: PreparedDoc, name_end: int, person: bool = False) -> list[Token]:
    toks = doc.tokens
    if name_end < len(toks) and toks[name_end].text in _DASHES and name_end > 0:
        return _dash_parenthesis(doc, name_end, person)
    if name_end + 1 < len(toks) and toks[name_end].lower in _CONTRAST_ADVERBS and toks[name_end + 1].text == ",":
        name_end += 1  # "Irmgard Griss wiederum, die ehemalige Richterin, …"
    if name_end >= len(toks) or toks[name_end].text not in (",", "("):
        return []
    sent = toks[name_end].sent
    begin = name_end + 1
    if begin + 2 < len(toks) and toks[begin].text.isdigit() and toks[begin + 1].text == "," and (
        toks[begin + 2].sent == sent
    ):
        begin += 2  # "Anna Berg, 45, Professorin für …": the age is no role
    j = begin
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _STOP and j - begin < MAX_APPOSITION:
        j += 1
    return toks[begin:j]


_STOP = frozenset({",", "(", ")", ";", ":", ".", "!", "?", "–", "—", "„", "“", "\"", "»", "«"})


def apposition_after(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role apposition or role-naming relative clause right after the name ending at token
    ``name_end``: "Anna Berger, Professorin für …,", "Jana Wolf, die das Referat … leitet,"."""
    body = _apposition_tokens(doc, name_end, name_end > 0 and kind_at(name_end - 1) == "PER")
    if not body:
        return predicative_role(doc, name_end, kind_at)
    if len(body) > MAX_APPOSITION:
        return None
    k = 0
    while k < len(body) - 1 and body[k].lower in _APPOSITION_ADVERBS:
        k += 1  # "X, ebenfalls ein Kandidat", "X, ehemals langjähriger Direktor der Y"
    former = any(_APPOSITION_ADVERBS[t.lower] for t in body[:k])
    r = k + (body[k].lower in _ARTICLES)
    if r + 1 < len(body) and is_role(body[r]) and kind_at(body[r + 1].i) == "PER" and _name_word(body[r + 1]):
        return None  # "die Landesregierung, Bischof Anton Weber und …": the next name's role, a list
    if r == k and r + 2 < len(body) and is_role(body[r]) and body[r + 1].lower in ("und", "sowie", "oder") and (
        is_role(body[r + 2]) and title_noun(body[r + 2].text) != body[r + 2].text
    ):
        return None  # "Bundesregierung, Bundespräsident und Parteichefs verurteilten …": a list
    after = body[-1].i + 1
    if r == k and r == len(body) - 1 and is_role(body[r]) and after + 1 < len(doc.tokens) and (
        doc.tokens[after].text == "," and is_role(doc.tokens[after + 1])
    ):
        return None  # "Bundesregierung, Bundespräsident, Parteichefs und …": a list of bare nouns
    match = parse_role(body[k:], kind_at) or relative_role(body, kind_at)
    if match is not None and match.end < len(doc.tokens) and kind_at(match.end) == "PER" and (
        _name_word(doc.tokens[match.end])
    ):
        return None  # "…, der dänische Diplomat Peter Sörensen": the role of the name that follows
    if match is not None and match.title is not None:
        match = _retired(doc, match)
    return replace(match, former=True) if match is not None and former else match


def coordinated_after(doc: PreparedDoc, first: RoleMatch | None, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A second role phrase joined to an apposition's role by "und"/"sowie" ("X, Ex-Verkehrsminister
    und Mitglied der Regierungspartei NCD,", "ein Repräsentant aus Minnesota und Marineoberst außer
    Dienst"); None when the words after the conjunction hold no role noun."""
    toks = doc.tokens
    if first is None or first.end + 1 >= len(toks) or toks[first.end].lower not in ("und", "sowie"):
        return None
    sent = toks[first.end].sent
    j = first.end + 1
    end = j
    while end < len(toks) and toks[end].sent == sent and toks[end].text not in _STOP and end - j < MAX_APPOSITION:
        end += 1
    second = parse_role(toks[j:end], kind_at)
    if second is None:
        return None
    return _retired(doc, second)


def one_coordinated_title(first: RoleMatch | None, second: RoleMatch | None) -> RoleMatch | None:
    """Two bare role nouns of an apposition joined by "und" ("X, ein Rechtsanwalt und
    Menschenrechtler,") are one title, as before a name ("Jurist und Diskriminierungsexperte");
    None when either has a body, a place or another tense, or the second is more than its noun."""
    if first is None or second is None or first.title is None or second.title is None:
        return None
    if any((first.organization, first.place, second.organization, second.place)) or first.former != second.former:
        return None
    if second.end - second.begin != 1 or second.begin != first.end + 1:
        return None
    return replace(first, title=f"{first.title} und {second.title}", end=second.end, head=second.head)


def _retired(doc: PreparedDoc, role: RoleMatch) -> RoleMatch:
    """A role followed by "außer Dienst" / "a. D." is a past one."""
    toks = doc.tokens
    k = role.end
    words = [t.text for t in toks[k : k + 3]]
    if words[:2] == ["außer", "Dienst"] or words[:1] == ["a.D."] or words[:2] == ["a.", "D."]:
        return replace(role, former=True, end=k + (1 if words[:1] == ["a.D."] else 2))
    return role


#: adverbs that may open an apposition before its role; True: they make the role a past one
_APPOSITION_ADVERBS = {"ebenfalls": False, "auch": False, "selbst": False, "derzeit": False, "seit": False,
                       "ehemals": True, "einst": True, "vormals": True, "zuvor": True, "bis": False}


#: copulas that make a role noun phrase the name's role ("X ist Professorin für …", "… als X
#: 2002 Vorstandschef wurde")
_COPULAS = frozenset({"ist", "war", "wird", "wurde", "bleibt", "blieb"})
#: words between a copula and the role that say when ("ist seit 2012 Professor")
_TIME_ADVERBS = frozenset({"seit", "derzeit", "inzwischen", "nun", "jetzt", "bereits", "schon", "heute", "noch",
                           "weiterhin", "auch", "zudem", "außerdem", "damals", "bis", "ab", "zuletzt"})


#: nouns of a time phrase between a copula and the role ("wird in der kommenden Saison Trainer")
_TIME_NOUNS = frozenset({"saison", "spielzeit", "jahr", "jahren", "zukunft", "amtszeit", "legislaturperiode",
                         "woche", "wochen", "monat", "monaten", "zeit", "übergangszeit"})
_TIME_PREPOSITIONS = frozenset({"in", "im", "ab", "seit", "bis", "zur", "für", "nach"})


def _time_phrase_end(toks: Sequence[Token], j: int, limit: int) -> int:
    """The end of a prepositional time phrase at ``j`` ("in der kommenden Saison", "im
    nächsten Jahr"), else ``j``."""
    if j >= limit or toks[j].lower not in _TIME_PREPOSITIONS:
        return j
    k = j + 1
    if k < limit and toks[k].lower in _ARTICLES:
        k += 1
    while k < limit and k - j <= 1 + MAX_ADJECTIVES and _adjective_stem(toks[k].text) is not None:
        k += 1
    if k < limit and (toks[k].lower in _TIME_NOUNS or toks[k].lower in lexicon().time_words):
        return k + 1
    return j


def _when_words(toks: Sequence[Token], j: int, limit: int) -> int:
    """``j`` moved past words that only say when ("seit 2012", "derzeit", "in der kommenden Saison")."""
    while j < limit:
        if toks[j].lower in _TIME_ADVERBS or toks[j].text.isdigit():
            j += 1
            continue
        after = _time_phrase_end(toks, j, limit)
        if after == j:
            break
        j = after
    return j


def _clause_tokens(toks: Sequence[Token], j: int) -> list[Token]:
    sent = toks[j].sent if j < len(toks) else -1
    k = j
    while k < len(toks) and toks[k].sent == sent and toks[k].text not in _STOP and k - j <= MAX_APPOSITION:
        k += 1
    return list(toks[j:k])


MAX_ALS_DISTANCE = 12


def _als_role(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """A role given with "als" in the clause a name opens: "X arbeitete als Manager für die Y",
    "X folgt dem entlassenen Z als Cheftrainer des VSV nach" (the subject's role)."""
    toks = doc.tokens
    sent = toks[name_end - 1].sent
    b = name_end - 1
    while b > 0 and toks[b - 1].sent == sent and _name_word(toks[b - 1]):
        b -= 1
    opens = b == doc.sentences[sent][0] or toks[b - 1].text in ("–", "—", ":") or (
        toks[b - 1].lower in _ARTICLES and b - 1 == doc.sentences[sent][0]
    )
    if not opens:
        return None
    k = name_end
    while k < len(toks) and toks[k].sent == sent and k - name_end < MAX_ALS_DISTANCE and toks[k].text not in _STOP:
        if toks[k].lower == "als" and k + 1 < len(toks):
            body = _clause_tokens(toks, k + 1)
            return parse_role(body, kind_at) if body and (is_role(body[0]) or body[0].lower in _ARTICLES) else None
        k += 1
    return None


def predicative_role(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role stated with a copula right after the name: "X ist seit 2012 Professorin für Ethik
    an der Universität Y", "seit X 2002 Chef des Konzerns wurde" (the copula ends the clause).
    A role noun phrase only: "X ist müde", "X wurde Opfer" give none."""
    toks = doc.tokens
    if name_end >= len(toks):
        return None
    als = _als_role(doc, name_end, kind_at)
    if als is not None:
        return als
    if toks[name_end].lower in _COPULAS:
        body = _clause_tokens(toks, _when_words(toks, name_end + 1, len(toks)))
        return parse_role(body, kind_at) if body else None
    body = _clause_tokens(toks, _when_words(toks, name_end, len(toks)))
    if not body or body[0].lower in _ARTICLES or not is_role(body[0]):
        return None
    match = parse_role(body, kind_at)
    if match is None or match.end >= len(toks) or toks[match.end].lower not in _COPULAS:
        return None
    return match



def _adjectives_begin(toks: Sequence[Token], r: int) -> int:
    """Start of the adjectives between an article and the role noun at ``r`` ("der frühere
    Außenminister" → "frühere"); ``r`` itself when no article opens them (so that a verb such
    as "sagte" before "Außenministerin" is not taken for an adjective)."""
    b = r
    while b > 0 and r - b < MAX_ADJECTIVES and toks[b - 1].sent == toks[r].sent and _is_adjective(toks[b - 1]):
        b -= 1
    if b < r and (b == 0 or toks[b - 1].lower not in _ARTICLES or toks[b - 1].sent != toks[r].sent):
        return r
    return b


def _known_modifier(tok: Token) -> bool:
    """A word before a role noun that the role lexicons know: a place word ("Wiener"), a place,
    former or title adjective ("bayerische", "frühere", "stellvertretende")."""
    if tok.text in role_places():
        return True
    stem = _adjective_stem(tok.text.lower())
    return stem is not None and tok.text.islower() and (stem in role_places() or stem in role_adjectives())


def _modifiers_begin(toks: Sequence[Token], r: int) -> int:
    """Start of the modifiers of the role noun at ``r``: adjectives and place words after an
    article ("der künftige Welser Bürgermeister"); without an article only words the role
    lexicons know ("bayerischen Finanzministers"), so that a verb ("sagte") is never one."""
    sent = toks[r].sent
    k = r - 1
    while k >= 0 and r - k <= MAX_ADJECTIVES + 1 and toks[k].sent == sent and (
        toks[k].text in role_places() or _is_adjective(toks[k]) or _known_modifier(toks[k])
    ):  # "zurückgetretenen" (a participle the lemmatiser takes for a verb) is a known one
        k -= 1
    b = k + 1
    if b < r and not (k >= 0 and toks[k].sent == sent and toks[k].lower in _ARTICLES):
        b = r
        while b > k + 1 and _known_modifier(toks[b - 1]):
            b -= 1
    return b


MAX_GENITIVE_BEFORE = 6


def _role_with_genitive_before(doc: PreparedDoc, name_begin: int, kind_at: KindAt) -> RoleMatch | None:
    """A role noun with its genitive organisation right before the name, without a comma: "die
    Präsidentin des Verbands Cinzia Franchini" → title "Präsidentin", organisation "Verband"
    (a person's name only: "der Regierungspartei NCD" names the party)."""
    toks = doc.tokens
    if kind_at(name_begin) != "PER" or toks[name_begin].text.isupper() or name_begin < 1:
        return None
    if _is_cap_adjective(toks, name_begin - 1) or _adjective_stem(toks[name_begin - 1].text.lower()) is not None and (
        toks[name_begin - 1].text.endswith(("en", "er"))
    ):
        return None  # "des Auswärtigen Amts": the word after an adjective is the body's noun
    return _role_with_genitive_ending(doc, name_begin, kind_at)


def _role_with_genitive_ending(doc: PreparedDoc, name_begin: int, kind_at: KindAt) -> RoleMatch | None:
    """A role noun phrase with a genitive organisation that ends right at token ``name_begin``."""
    toks = doc.tokens
    sent = toks[name_begin].sent
    for r in range(name_begin - 2, max(-1, name_begin - 2 - MAX_GENITIVE_BEFORE), -1):
        if toks[r].sent != sent or toks[r].text in _STOP:
            return None
        if not is_role(toks[r]) or toks[r + 1].lower not in ("des", "der"):
            continue
        b = _modifiers_begin(toks, r)
        if b > 0 and toks[b - 1].lower in _ARTICLES:
            b -= 1
        match = parse_role(toks[b:name_begin], kind_at)
        if match is not None and match.organization is not None and match.end == name_begin:
            return match
        return None
    return None


def role_before(doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role noun before the name: "Außenministerin Anna Müller", "der frühere Außenminister
    Joschka Fischer" (former), "der SPD-Politiker Lars Klingbeil", "Südkoreas Präsident Moon
    Jae-in", "der bayerische Finanzminister" and "der Wiener Bürgermeister" (places), "Jurist
    und Diskriminierungsexperte X" (one title of two nouns)."""
    toks = doc.tokens
    r = name_begin - 1
    if kind_at(name_begin) == "LOC" and toks[name_begin].text.endswith("s") and r >= 0 and is_role(toks[r]):
        return None  # "die Außenminister Athens und Ankaras": the places of the role, no holders
    if r < 0 or toks[r].sent != toks[name_begin].sent or not is_role(toks[r]):
        genitive = _role_with_genitive_before(doc, name_begin, kind_at)
        if genitive is not None:
            return genitive
        first_name = _first_conjunct(toks, name_begin)
        if first_name is not None and _plural_role(toks, first_name - 1) and _in_list(toks, first_name, name_begin):
            return role_before(doc, first_name, kind_at)  # "den Soziologen A, B und C": B's too
        return None
    first = r
    middle: list[int] = []  # "Priester, Blogger und Dissident": the nouns between first and last
    compound = _split_compound(toks[r].text, kind_at(r))
    if r >= 2 and toks[r - 1].lower == "und" and is_role(toks[r - 2]) and toks[r - 2].sent == toks[r].sent:
        other = _split_compound(toks[r - 2].text, kind_at(r - 2))
        if (other.org, other.place, compound.org, compound.place) == (None, None, None, None):
            first = r - 2  # "Jurist und Diskriminierungsexperte": one title
            while first >= 2 and toks[first - 1].text == "," and is_role(toks[first - 2]) and (
                toks[first - 2].sent == toks[r].sent and _plain_role(toks[first - 2], kind_at)
            ):
                middle.insert(0, first)
                first -= 2
    b = _modifiers_begin(toks, first)
    article = toks[b - 1].lower if b > 0 and toks[b - 1].lower in _ARTICLES else ""
    feminine = is_feminine_role(toks[r].text) or article in ("die", "eine")
    parts = _title_parts(toks, b, first, feminine, article)
    words = parts.words
    if first != r:
        for m in middle:
            words[-1] += ","
            words.append(title_noun(toks[m].text, article))
        words += ["und", title_noun(compound.role, article)]
    else:
        words[-1] = title_noun(compound.role, article)
    org, place = compound.org, compound.place or parts.place
    g = b - 1
    if g >= 0 and toks[g].sent == toks[r].sent and toks[g].text.endswith("s") and toks[g].text[:1].isupper():
        kind = kind_at(g)
        owner = toks[g].text[:-1]  # "Südkoreas" → "Südkorea"
        if kind == "LOC" or owner in _place_names():
            place = place or owner
            b = g
        elif kind == "ORG":
            org = org or owner
            b = g
    return RoleMatch(" ".join(words), org, place, b, r + 1, toks[r].text, parts.former or compound.former)


def _plain_role(tok: Token, kind_at: KindAt) -> bool:
    """A role noun that names neither body nor place ("Blogger", not "SPD-Politiker")."""
    split = _split_compound(tok.text, kind_at(tok.i))
    return split.org is None and split.place is None


_COORDINATORS = frozenset({",", "und", "sowie", "oder"})
_SINGULAR_ARTICLES = frozenset({"des", "dem", "eines", "einem", "einen", "ein", "eine", "einer"})
MAX_CONJUNCTS = 6


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace("-", "").isalpha() and not is_role(tok) and (
        tok.lower not in _ARTICLES
    )


#: lower-case particles inside a name ("van", "van't", "von", "de", "da")
_PARTICLE_STARTS = ("van", "von", "de", "da", "di", "du", "ter", "ten", "zu")


def _first_conjunct(toks: Sequence[Token], name_begin: int) -> int | None:
    """For a later name of a coordination of names ("A B, C D und E F"), the first token of the
    first name; None when no name and coordinator come before ``name_begin``."""
    sent = toks[name_begin].sent
    k = name_begin - 1
    first: int | None = None
    for _ in range(MAX_CONJUNCTS):
        if k < 1 or toks[k].sent != sent or toks[k].lower not in _COORDINATORS:
            break
        e = k - 1
        if toks[e].text == ")":  # "Frans Timmermans (Vizepräsident) und Dimitris Avramopoulos"
            opening = next((o for o in range(e - 1, max(-1, e - MAX_APPOSITION), -1) if toks[o].text in "()"), None)
            if opening is None or toks[opening].text != "(":
                break
            e = opening - 1
        j = e
        while j >= 0 and toks[j].sent == sent and e - j < 4 and (
            _name_word(toks[j]) or j < e and toks[j].lower.startswith(_PARTICLE_STARTS)
            and j > 0 and _name_word(toks[j - 1])
        ):
            j -= 1  # "John van't Schip": a particle inside the name
        if j == e:
            break
        first, k = j + 1, j
    return first


def _in_list(toks: Sequence[Token], first: int, name_begin: int) -> bool:
    """Whether names from ``first`` form a list closed by "und"/"sowie"/"oder" ("A, B und C"),
    not a name and its apposition ("des Chefs A, B, hat …")."""
    k = name_begin
    sent = toks[name_begin].sent
    while k < len(toks) and toks[k].sent == sent and k - name_begin < 4 * MAX_CONJUNCTS:
        if toks[k].lower in _COORDINATORS and toks[k].lower != "," and k + 1 < len(toks) and _name_word(toks[k + 1]):
            return True
        if not (_name_word(toks[k]) or toks[k].text == ","):
            break
        k += 1
    return any(t.lower in ("und", "sowie", "oder") for t in toks[first:name_begin])


def _plural_role(toks: Sequence[Token], r: int) -> bool:
    """A role noun in the plural right before a name ("die Kommissare", "den Soziologen"): a title
    the coordinated names after it share."""
    if r < 0 or not is_role(toks[r]) or is_feminine_role(toks[r].text) and not toks[r].text.endswith("innen"):
        return False
    article = toks[r - 1].lower if r > 0 else ""
    if article == "die" and not toks[r].text.endswith("e"):
        return True  # "die Gründer A und B": "die" with a masculine role noun is a plural
    return title_noun(toks[r].text, article) != toks[r].text and article not in _SINGULAR_ARTICLES


def coordinated_before(doc: PreparedDoc, role: RoleMatch | None, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """The first of two coordinated roles before a name when they differ in organisation or
    place: "Bundeskanzler und SPÖ-Chef Werner Faymann" → "Bundeskanzler" (besides "Chef", SPÖ)."""
    toks = doc.tokens
    if role is None:
        return None
    r = role.begin  # "die Unternehmerin und ehemalige Wiener ÖVP-Abgeordnete X": the first is hers too
    if r >= 2 and toks[r - 1].lower == "und" and not is_role(toks[r - 2]) and toks[r - 2].sent == toks[r].sent:
        # "der Vizepräsident des Senats und Lega-Spitzenpolitiker X": a role with its genitive body
        return _role_with_genitive_ending(doc, r - 1, kind_at)
    if r < 2 or toks[r - 1].lower != "und" or not is_role(toks[r - 2]) or toks[r - 2].sent != toks[r].sent:
        return None
    compound = _split_compound(toks[r - 2].text, kind_at(r - 2))
    b = _modifiers_begin(toks, r - 2)
    article = toks[b - 1].lower if b > 0 and toks[b - 1].lower in _ARTICLES else ""
    parts = _title_parts(toks, b, r - 2, is_feminine_role(toks[r - 2].text), article)
    words = [*parts.words[:-1], title_noun(compound.role, article)]
    return RoleMatch(
        " ".join(words), compound.org, compound.place or parts.place, b, r - 1, toks[r - 2].text,
        parts.former or compound.former,
    )


def role_before_comma(
    doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind, tail: int = 0
) -> RoleMatch | None:
    """A role phrase set off before the name by a comma: "die deutsche Botschafterin in Polen,
    Anna Beispiel" (the longest role phrase that ends at the comma, from an article or role noun
    after a reporting verb, a comma or the sentence start)."""
    toks = doc.tokens
    comma = name_begin - 1
    if comma < 1 or toks[comma].text != "," or toks[comma - 1].sent != toks[name_begin].sent:
        return None
    best: RoleMatch | None = None
    sent = toks[name_begin].sent
    if comma >= 3 and toks[comma - 1].text == ")" and toks[comma - 3].text == "(":
        comma -= 3  # "Der Generalsekretär der Industriellenvereinigung (IV), Christoph Neumayer"
    s = comma - 1
    while s >= 0 and comma - s <= MAX_APPOSITION and toks[s].sent == sent and toks[s].text not in _STOP:
        if toks[s].lower in _ARTICLES or is_role(toks[s]):
            match = parse_role(toks[s:comma], kind_at)
            if match is not None and (s == 0 or toks[s - 1].text != "(") and (
                match.end == comma or 0 < comma - match.end <= tail and toks[match.end].lower in lexicon().prepositions
            ):  # ("(Vizepräsident, Grundrechte)": notes in brackets, no role and name)
                best = match  # (with a tail: "Der Vertreter der EU im Rat," — a place phrase may follow)
        s -= 1
    return best


#: the most words of a prepositional phrase between a role phrase and its comma ("im Menschenrechtsrat")
MAX_TAIL = 4


def role_before_role(doc: PreparedDoc, role: RoleMatch | None, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A further role phrase set off by a comma before the role phrase in front of a name: "Der
    Vertreter der EU im Menschenrechtsrat, der dänische Diplomat Peter Sörensen" → both roles
    are Sörensen's."""
    if role is None:
        return None
    return role_before_comma(doc, _phrase_start(doc.tokens, role.begin), kind_at, tail=MAX_TAIL)


def _phrase_start(toks: Sequence[Token], b: int) -> int:
    """The start of a role phrase with the article and adjectives the role left out ("der
    erfahrene Diplomat")."""
    k = b
    while k > 0 and b - k <= MAX_ADJECTIVES and toks[k - 1].sent == toks[b].sent and (
        toks[k - 1].text[:1].islower() and toks[k - 1].text.isalpha()
    ) and toks[k - 1].lower not in ("und", "oder", "sowie"):
        k -= 1
        if toks[k].lower in _ARTICLES:
            return k
    return b


def names_role_after(doc: PreparedDoc, end: int, kind_at: KindAt = _no_kind) -> bool:
    """Whether a comma at ``end`` opens a role phrase right before a name ("…, der dänische
    Diplomat Peter Sörensen"): what stands before the comma is that name's role too, not another
    holder's."""
    toks = doc.tokens
    if end < len(toks) and toks[end].lower in lexicon().prepositions:
        end = next((j for j in range(end, min(len(toks), end + MAX_TAIL + 1)) if toks[j].text in _STOP), end)
    if end >= len(toks) or toks[end].text != ",":
        return False
    sent = toks[end].sent
    for n in range(end + 2, min(len(toks), end + 2 + MAX_ADJECTIVES + 2)):
        if toks[n].sent != sent or toks[n].text in _STOP:
            return False
        if kind_at(n) == "PER" and _name_word(toks[n]):
            role = role_before(doc, n, kind_at)
            return role is not None and _phrase_start(toks, role.begin) == end + 1
    return False


def role_phrase(doc: PreparedDoc, begin: int, end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """The unnamed speaker phrase around tokens ``[begin, end)`` that is itself a role: "ein
    Sprecher des Auswärtigen Amts" for the mention "Sprecher" or "Amts". Its range starts at
    the article and covers the organisation."""
    toks = doc.tokens
    sent = toks[begin].sent
    lo = begin
    while lo > 0 and begin - lo < 6 and toks[lo - 1].sent == sent and toks[lo - 1].text not in _STOP:
        lo -= 1
    for r in range(end - 1, lo - 1, -1):
        if not is_role(toks[r]):
            continue
        s = _adjectives_begin(toks, r)
        if s > 0 and toks[s - 1].lower in _ARTICLES and toks[s - 1].sent == sent:
            s -= 1
        stop = s
        while stop < len(toks) and toks[stop].sent == sent and toks[stop].text not in _STOP:
            if stop - s > MAX_APPOSITION:
                break
            stop += 1
        stop = addressee_inside(doc, s, stop) or stop  # "die Ärztin zum STANDARD": no organisation
        match = parse_role(toks[s:stop], kind_at)
        if match is not None and match.begin <= begin and match.end >= end:
            if _names_follow(doc, match.end):
                return None
            return replace(match, plural=True) if _plural_phrase(toks, s, r) else match
    return None


#: words before a role noun that make it a plural ("einige Künstler", "zwei Sprecher")
_QUANTIFIERS = frozenset({"einige", "einigen", "viele", "vielen", "mehrere", "mehreren", "manche", "manchen",
                          "zahlreiche", "zahlreichen", "alle", "allen", "beide", "beiden", "zwei", "drei", "vier",
                          "fünf", "andere", "anderen", "weitere", "weiteren", "verschiedene", "verschiedenen"})


def _plural_phrase(toks: Sequence[Token], s: int, r: int) -> bool:
    """Whether the role noun at ``r`` of a phrase from ``s`` is plural: "-innen"; "die" with a
    masculine role noun ("die EU-Innenminister"); a quantifier before it; or no article and a
    plural ending ("Politikern der SPD", "Journalisten aus Fernost")."""
    word = toks[r].text
    if word.endswith("innen") or any(t.lower in _QUANTIFIERS for t in toks[max(0, s - 1) : r]):
        return True
    article = toks[s].lower if toks[s].lower in _ARTICLES else ""
    if article == "die":
        weak_feminine = word.endswith("e") and word + "r" in lexicon().roles  # "die Vorsitzende"
        return not is_feminine_role(word) and not weak_feminine
    if article == "den" and word.endswith(("ern", "eln")) and title_noun(word) == word[:-1]:
        return True  # "den EU-Innenministern": a dative plural (the singular has no -n)
    if article or (s > 0 and toks[s - 1].lower in _CONTRACTIONS):
        return False
    if title_noun(word) != word and not word.endswith("s"):
        return True
    # no determiner at all and no preposition before it ("Vertreter der US-Regierung hatten
    # erklärt"): a bare count noun is a plural ("laut Polizeisprecher" stays one person)
    before = toks[s - 1] if s > 0 and toks[s - 1].sent == toks[s].sent else None
    return before is None or (before.lower not in lexicon().prepositions and before.text[:1].islower()
                              and not _adjective_stem(before.text) and before.lower not in _DETERMINER_WORDS)


#: possessives and demonstratives that make a bare-looking role noun a singular ("seinen Gegenspieler")
_DETERMINER_WORDS = frozenset({"sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren",
                               "ihrem", "ihrer", "ihres", "dieser", "diese", "diesen", "diesem", "dieses", "unser",
                               "unsere", "unseren", "unserem", "unserer", "jeder", "jede", "jeden", "jedem"})


def _names_follow(doc: PreparedDoc, end: int) -> bool:
    """Whether a name follows a role phrase ending at ``end`` as its apposition ("Der
    Generalsekretär der Vereinigung (IV), Christoph Neumayer, …"): the role is the name's."""
    toks = doc.tokens
    j = end
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        j += 3
    if j + 2 >= len(toks) or toks[j].text != "," or toks[j + 1].sent != toks[end - 1].sent:
        return False
    first, second = toks[j + 1], toks[j + 2]
    return all(t.text[:1].isupper() and t.text.isalpha() and not is_role(t) and t.lower not in _ARTICLES
               for t in (first, second))


def _bracketed_party(doc: PreparedDoc, name_end: int) -> str | None:
    """A party or body in brackets right after a name: "Andreas Rabl (FPÖ)", "(Grüne)"."""
    toks = doc.tokens
    if name_end + 2 >= len(toks) or toks[name_end].text != "(" or toks[name_end + 2].text != ")":
        return None
    word = toks[name_end + 1].text
    upper = sum(c.isupper() for c in word)
    if word.replace("-", "").isalpha() and (upper >= 2 or word in _PARTY_WORDS):
        return word
    return None


@cache
def _place_codes() -> frozenset[str]:
    """Country codes and short country names in brackets after a sportsperson ("(USA)", "(AUT)")."""
    return frozenset(data_lines("country_codes.txt"))


_PARTY_WORDS = frozenset({"Grüne", "Linke", "Neos", "Piraten", "Republikaner", "Demokraten"})


def _von_organisation(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """The body after "von"/"vom" right after a name: "Manfred Wolf von der Gewerkschaft GPA",
    "Christoph Hecht vom Autoclub ADAC" (a kind noun before an acronym is dropped: "ADAC")."""
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].lower not in ("von", "vom"):
        return None
    if kind_at(name_end - 1) != "PER" and not (name_end >= 2 and _name_word(toks[name_end - 2])):
        return None  # "15 Kilometer von der Front", "dessen Mandat vom Rat": a common noun, no member
    found = _org_at(toks, name_end, kind_at)
    if found is None or found.is_place or kind_at(toks[found.end - 1].i) == "LOC":
        return None
    words = found.text.split()
    if len(words) == 1 and (words[0] in _place_names() or words[0].lower() in lexicon().time_words):
        return None  # "von Wien", "vom Montag"; "von der Boku Wien" names a body with its seat
    if not (kind_at(toks[found.end - 1].i) == "ORG" or any(sum(c.isupper() for c in w) >= 2 for w in words)
            or any(w.lower().endswith(_ORG_SUFFIXES) or w.lower() in _ENGLISH_ORG_HEADS for w in words)):
        return None
    text = words[-1] if len(words) == 2 and sum(c.isupper() for c in words[-1]) >= 2 else found.text
    return RoleMatch(None, text, None, name_end, found.end)


def _fuer_party(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """A party after "für" right after a person's name: "Rudolf Beispiel für die SPÖ" (its
    candidate or representative); "Haft für den Ex-Politiker" names no body."""
    toks = doc.tokens
    if name_end + 2 >= len(toks) or toks[name_end].lower != "für" or toks[name_end + 1].lower not in _ARTICLES:
        return None
    if kind_at(name_end - 1) != "PER":
        return None
    word = toks[name_end + 2].text
    if not (word.isupper() and word.isalpha() and len(word) >= 2 or word in _PARTY_WORDS):
        return None
    if name_end + 3 < len(toks) and toks[name_end + 3].text[:1].isupper() and toks[name_end + 3].text.isalpha() and (
        kind_at(name_end + 3) != "PER"
    ):
        return None  # "für die EU Kommission …": a longer name goes on
    return RoleMatch(None, word, None, name_end, name_end + 3)


def affiliations_after(
    doc: PreparedDoc, name_end: int, roles: list[RoleMatch], kind_at: KindAt = _no_kind
) -> list[RoleMatch]:
    """The roles of a name completed by what follows it: a party in brackets becomes the
    organisation of roles that name none ("Welser Bürgermeister Andreas Rabl (FPÖ)"); "von der
    GPA-djp" gives the organisation, as a role of its own when no role names one."""
    party = _bracketed_party(doc, name_end)
    von = _von_organisation(doc, name_end, kind_at) or _fuer_party(doc, name_end, kind_at)
    org = party or (von.organization if von is not None else None)
    if org is None:
        return roles
    completed = [r if r.organization else replace(r, organization=org) for r in roles]
    if von is not None and not roles:
        completed.append(von)
    elif party is not None and not roles and kind_at(name_end - 1) == "PER" and kind_at(name_end + 1) != "LOC" and (
        party not in _place_names() and party not in _place_codes()
    ):  # "Barbara Beispiel (FPÖ)": membership without a role noun; "(USA)", "(AUT)" are places
        completed.append(RoleMatch(None, party, None, name_end, name_end + 3))
    return completed
