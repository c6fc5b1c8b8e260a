"""The German role lexicons and role words: role nouns and their heads, title adjectives, place
words, and the :class:`RoleMatch` every role pattern gives (pure functions over tokens).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from onrecord.extraction.stance_lexicon import ADJECTIVE_ENDINGS
from onrecord.lang.de.lexicon import data_lines, lexicon, word_endings, word_set
from onrecord.lang.de.name_lists import capitalised_word
from onrecord.lang.de.sources import compound_of
from onrecord.lang.de.tokens import Token

#: copulas that join a role phrase and a name ("X ist Professorin für …", "Der Kandidat ist X",
#: "… als X 2002 Vorstandschef wurde")
COPULAS = frozenset({"ist", "war", "wird", "wurde", "bleibt", "blieb"})


@cache
def role_places() -> dict[str, str]:
    """Place adjective stems ("bayerisch") and indeclinable place words ("Wiener") → place."""
    return {parts[0]: parts[1] for parts in (line.split("\t") for line in data_lines("role_places.txt"))}


@lru_cache(maxsize=4_096)
def place_adjective(word: str) -> str | None:
    """The place of an indeclinable place adjective: listed ("Wiener" → Wien) or a known place
    of the gazetteer with "-er" ("Thüringer" → Thüringen, "Jenaer" → Jena, "Münchner" → München)."""
    listed = role_places().get(word)
    if listed is not None or not (word[:1].isupper() and word.endswith("er") and word.isalpha() and len(word) > 5):
        return listed
    from onrecord.resolve.gazetteer import default_gazetteer

    for candidate in _town_candidates(word[:-2]):
        if candidate in _towns():
            return candidate
        entry = default_gazetteer().lookup(candidate)
        if entry is not None and entry.type == "location" and candidate in entry.names:
            return candidate
    return None


_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


def _town_candidates(stem: str) -> tuple[str, ...]:
    """Town names an "-er" adjective's stem may come from, most literal first: "Villach",
    "Thüringen", "Jena", "Traiskirchen" (Traiskirchn-er), "Karlsruhe" (Karlsruh-er), "Waldviertel"
    (Waldviertl-er), "Mailand" (Mailänd-er, umlaut of the adjective undone)."""
    forms = [stem, stem + "en", stem + "n", stem[:-1] + "en", stem + "e"]
    if stem.endswith("l") and len(stem) > 3 and stem[-2] not in "aeiouäöü":
        forms.append(stem[:-1] + "el")
    plain = stem.translate(_UMLAUTS)
    if plain != stem:
        forms.append(plain)
    return tuple(dict.fromkeys(forms))


def _listed_towns() -> frozenset[str]:
    """Towns the gazetteer lacks whose "-er" adjective names a role's place and which
    data/role_places.txt does not list with their adjective: data/role_towns.txt."""
    return word_set("role_towns.txt")


@cache
def _towns() -> frozenset[str]:
    """Towns whose "-er" adjective names a role's place: those of data/role_towns.txt and the
    places of the "-er" adjectives data/role_places.txt lists ("Grazer" → Graz), one list each."""
    listed = (place for word, place in role_places().items() if word[:1].isupper() and word.endswith("er"))
    return _listed_towns() | frozenset(listed)


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
#: articles that can open a subject or a predicative noun phrase (nominative, masculine and
#: feminine; "des", "dem", "den", "einem" … cannot)
_NOMINATIVE_ARTICLES = frozenset({"der", "die", "ein", "eine"})
_FEMININE_ARTICLES = frozenset({"die", "eine", "einer", "der", "zur"})
_MASC_NEUT_ARTICLES = frozenset({"des", "eines", "dem", "einem", "im", "am", "beim", "vom", "zum", "ins",
                                 "das", "den", "ein", "einen"})
_GENITIVE_ARTICLES = frozenset({"des", "eines"})
_CONTRACTIONS = frozenset({"im", "am", "beim", "vom", "zum", "zur", "ins"})


_NOT_ADJECTIVES = frozenset({"aber", "oder", "sondern", "immer", "wieder", "seit", "unter", "über", "hinter",
                             "nach", "vor", "wegen", "heute", "gestern", "morgen", "sowie", "mehr", "sehr",
                             "inzwischen", "derzeit", "damals", "bisher", "später", "früher", "ebenfalls"})
#: the German adjective endings (:data:`~onrecord.extraction.stance_lexicon.ADJECTIVE_ENDINGS`),
#: longest first: a stem keeps no "e" of "-en"
_ADJ_ENDINGS = tuple(sorted(ADJECTIVE_ENDINGS, key=len, reverse=True))
_DETERMINER_STEMS = ("dies", "jen", "sein", "ihr", "unser", "eur", "mein", "dein", "kein", "welch", "jed", "manch")
_ADJ_SUFFIXES = ("ischen", "igen", "lichen", "alen", "ten", "ßen", "ären", "ellen", "iven", "schen", "ösen",
                 "aren", "eren", "ren", "nen")


MAX_APPOSITION = 16
MAX_ADJECTIVES = 3


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
    return rest if compound_of(rest, lexicon().roles) is not None else None


def _unit_relations() -> frozenset[str]:
    """Nouns of an organisation's relation to its parent, a role only after a hyphenated body
    ("Facebook-Tochter Oculus VR"; GUIDELINES B: an organisation's role relative to another
    body): data/unit_relations.txt. Alone ("seine Tochter") they are kinship, no role."""
    return word_set("unit_relations.txt")


def _not_fused_ex() -> tuple[str, ...]:
    """Word starts that begin with "ex" but hold no fused "Ex" ("Exportchef", "Exekutivdirektor")."""
    return word_endings("not_fused_ex.txt")


def _standing_nouns() -> tuple[str, ...]:
    """Endings of nouns that name a body's standing ("Marktführer", "Tabellenführer"), no
    person's role: data/standing_nouns.txt."""
    return word_endings("standing_nouns.txt")


@lru_cache(maxsize=8192)
def role_head(word: str) -> str | None:
    """The role noun a word is or ends in: "Ministerin" → "Ministerin", "Oberbürgermeister" →
    "Bürgermeister", "SPD-Politiker" → "Politiker"; None for other words and for a body's
    standing ("Marktführer", "Tabellenführer")."""
    roles = lexicon().roles
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    if word.lower().endswith(_standing_nouns()):
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
    return compound_of(word, roles)  # the longest listed tail after a prefix of three letters or more


_UNDO_UMLAUT = {"ä": "a", "ö": "o", "ü": "u"}


def _singular_stems(word: str) -> Iterator[str]:
    """The stems a genitive or plural role noun may have, most literal first: the word without an
    ending of ``("nen", "en", "n", "es", "s", "e")``, and for a plural in "-e"/"-en" the stem with
    its last umlaut undone ("Landesräte" → "Landesrat", "Anwälten" → "Anwalt", "Ärzte" → "Arzt")."""
    for cut in ("nen", "en", "n", "es", "s", "e"):
        stem = word[: -len(cut)]
        if not word.endswith(cut) or len(stem) < 3:
            continue
        yield stem
        last = max(stem.rfind(u) for u in ("ä", "ö", "ü", "Ä", "Ö", "Ü"))
        if cut in ("e", "en") and last >= 0:
            plain = _UNDO_UMLAUT[stem[last].lower()]
            yield stem[:last] + (plain.upper() if stem[last].isupper() else plain) + stem[last + 1 :]


@lru_cache(maxsize=8192)
def _inflected_role(word: str) -> bool:
    """A genitive or plural of a role noun or compound ("Finanzministers", "Kommissare",
    "Landesräte")."""
    if word in _NOT_ROLES:
        return False
    for stem in _singular_stems(word):
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


def role_gender(head: str | None) -> str | None:
    """The gender a role noun gives its holder: "f" ("Rektorin"), "m" ("Rektor"), or None for no
    noun or a nominalised adjective in "-e" ("Vorsitzende": either)."""
    if not head or head.endswith("e"):
        return None
    return "f" if is_feminine_role(head) else "m"


def _adjective_stem(word: str) -> str | None:
    """The stem of an inflected attributive adjective ("früheren" → "früher"), else None; a
    hyphenated pair counts by its last part ("nationalistisch-populistische")."""
    first, hyphen, last = word.rpartition("-")
    if hyphen and first.replace("-", "").isalpha() and first.islower() and last.isalpha():
        stem = _adjective_stem(last)
        return f"{first}-{stem}" if stem is not None else None
    if not word.isalpha() or not word.islower() or word in _ARTICLES or word in _NOT_ADJECTIVES:
        return None
    if word.startswith(_DETERMINER_STEMS) and len(word) <= 7:
        return None  # "in diesem Bereich", "seines Präsidenten": determiners, no adjectives
    for ending in _ADJ_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def _is_adjective(tok: Token) -> bool:
    """An inflected attributive adjective, not a finite verb ("sagte": lemma "sagen"); a
    participle adjective keeps its stem as lemma ("umstrittene": "umstritten")."""
    stem = _adjective_stem(tok.text)
    verb = tok.lemma != tok.text and tok.lemma != stem and tok.lemma.islower() and (
        tok.lemma.endswith(("en", "ern", "eln"))
    )
    return stem is not None and not verb


def strong_adjective(word: str, feminine: bool) -> str:
    """An attributive adjective in its strong nominative singular form: "früheren" → "früherer"."""
    stem = _adjective_stem(word.lower()) or word
    stem = word[0] + stem[1:] if word[:1].isupper() else stem
    return stem + ("e" if feminine else "er")


#: words that look like an inflected role noun but are none
_NOT_ROLES = frozenset({"Premiere", "Premieren", "Generale", "Senate", "Chefs-Etage", "Champions"})


def title_noun(word: str, article: str = "") -> str:
    """A role noun in the nominative singular: "Präsidenten" → "Präsident", "Finanzministers" →
    "Finanzminister", "Kommissare" → "Kommissar"; a nominalised adjective after a masculine
    article in its masculine form ("des Vorsitzenden", "der Vorsitzende" → "Vorsitzender")."""
    roles = lexicon().roles
    base = word
    head = role_head(word)
    if word not in roles and not (head is not None and word.lower().endswith(head.lower())):
        for stem in _singular_stems(word):
            head = role_head(stem)
            if head is not None and stem.lower().endswith(head.lower()):
                base = stem
                break
    article = article.lower()
    oblique = article in ("des", "dem", "den", "eines", "einem", "einen", "ein", "beim", "vom", "zum")
    if base.endswith("e") and (base + "r" in roles and (oblique or article == "der" and word == base) or (
        oblique and _weak_compound(base)
    )):
        base += "r"
    return base


def _weak_compound(word: str) -> bool:
    """A compound of a nominalised adjective in its weak "-e" form ("Nationalratsabgeordnete"):
    after a masculine article of the dative or genitive its nominative adds "-r"."""
    head = role_head(word)
    return head is not None and word.lower().endswith(head.lower()) and head + "r" in lexicon().roles


def english_modifiers() -> frozenset[str]:
    """Capitalised English words that open a title in German text ("Senior Adviser")."""
    return word_set("english_title_modifiers.txt")


_STOP = frozenset({",", "(", ")", ";", ":", ".", "!", "?", "–", "—", "„", "“", "\"", "»", "«"})


def clause_end(toks: Sequence[Token], j: int, sent: int, most: int | None = None) -> int:
    """The end of the clause that goes on at token ``j`` in sentence ``sent``: the first token
    from ``j`` that is a stop mark or stands in another sentence (or the end of the text); with
    ``most``, no further than ``j + most + 1``."""
    limit = len(toks) if most is None else min(len(toks), j + most + 1)
    k = j
    while k < limit and toks[k].sent == sent and toks[k].text not in _STOP:
        k += 1
    return k


def name_word(tok: Token) -> bool:
    """A capitalised word that can continue a name (not a role noun)."""
    return capitalised_word(tok.text) and not is_role(tok)


def _name_word(tok: Token) -> bool:
    """A capitalised word that can continue a name and is no article ("Der" opening a sentence)."""
    return name_word(tok) and tok.lower not in _ARTICLES


def bare_plural(tokens: Sequence[Token], match: RoleMatch) -> bool:
    """Whether a role phrase is a bare plural role noun ("Parteisekretären", "Experten aus der
    Industrie"): a group named in a list, no role of the one name beside it."""
    first = tokens[match.begin - tokens[0].i] if tokens else None
    if first is None or match.head is None or first.text != match.head:
        return False
    return title_noun(first.text) != first.text and not first.text.endswith("s")
