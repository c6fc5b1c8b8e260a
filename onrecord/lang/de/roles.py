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
from dataclasses import dataclass
from functools import cache

from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.sources import addressee_inside, is_document
from onrecord.lang.de.tokens import PreparedDoc, Token

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
_ADJ_SUFFIXES = ("ischen", "igen", "lichen", "alen", "ten", "ßen", "ären", "ellen", "iven", "schen", "ösen",
                 "aren", "eren", "ren", "nen")
_NON_ORG_PREFIXES = frozenset({"ex", "vize", "ko", "co", "interims", "top", "alt", "noch", "ober", "chef",
                               "bundes", "landes", "staats", "sonder"})
_PLACE_PREFIXES = frozenset({"us", "usa", "uk"})
#: roles whose compound prefix names a field, not an organisation ("Osteuropa-Expertin",
#: "Nahost-Kenner"), unless the prefix is an abbreviation ("SPD-Expertin")
_FIELD_ROLES = ("experte", "expertin", "kenner", "kennerin", "forscher", "forscherin")
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


def _no_kind(_: int) -> str:
    return ""


@cache
def role_head(word: str) -> str | None:
    """The role noun a word is or ends in: "Ministerin" → "Ministerin", "Oberbürgermeister" →
    "Bürgermeister", "SPD-Politiker" → "Politiker"; None for other words."""
    roles = lexicon().roles
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    if word in roles:
        return word
    if "-" in word:
        last = word.rsplit("-", 1)[1]
        return role_head(last) if last[:1].isupper() else None
    for k in range(3, len(word) - 3):  # longest suffix first, a prefix of at least 3 letters
        part = word[k].upper() + word[k + 1 :]
        if part in roles:
            return part
    return None


def is_role(tok: Token) -> bool:
    """Whether a token is a role noun (a listed one, its inflected form or a compound of one)."""
    return role_head(tok.text) is not None or (tok.lemma in lexicon().roles and tok.text[:1].isupper())


def is_feminine_role(word: str) -> bool:
    """Feminine role nouns end in -in ("Ministerin") or are the -e form of a nominalised adjective."""
    return word.endswith("in") or word.endswith("innen")


def _adjective_stem(word: str) -> str | None:
    """The stem of an inflected attributive adjective ("früheren" → "früher"), else None."""
    if not word.isalpha() or not word.islower() or word in _ARTICLES or word in _NOT_ADJECTIVES:
        return None
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


def _degenitive(tok: Token) -> str:
    """A masculine/neuter noun without its genitive ending: "Instituts" → "Institut"."""
    word = tok.text
    if tok.lemma != word and word.startswith(tok.lemma) and 0 < len(word) - len(tok.lemma) <= 2:
        return tok.lemma
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "fonds", "xs")) and len(word) > 3:
        return word[:-1]
    return word


def _cap_run(tokens: Sequence[Token], i: int) -> int:
    """End of the run of capitalised words (joined by "für"/"und" + capitalised) from ``i``."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.text[:1].isupper() and (t.text.replace("-", "").isalnum()):
            j += 1
        elif t.lower in _JOINERS and j > i and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
            j += 1
        elif t.lower in _ENGLISH and j > i and j + 2 < len(tokens) and _the_name(tokens[j + 1], tokens[j + 2]):
            j += 2  # "Institute for the Study of War"
        else:
            break
    return j


def nominative(tokens: Sequence[Token], article: str | None) -> str:
    """An organisation's words in the nominative without article, given the article (or
    contraction) before them: ("Auswärtigen Amts", "des") → "Auswärtiges Amt"."""
    words = [t.text for t in tokens]
    if not tokens or article is None:
        return " ".join(words)
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
    if end == k or is_document(tokens[k]):
        return None  # "in einem Gutachten": a document is no organisation or place
    if low == "aus" or kind_at(tokens[k].i) == "LOC" and kind_at(tokens[end - 1].i) == "LOC":
        place = place or low not in ("an", "bei", "beim") and article not in _CONTRACTIONS
    return _Org(nominative(tokens[j:end], article), place, end)


def _title_words(tokens: Sequence[Token], begin: int, role_i: int, feminine: bool) -> list[str]:
    """Adjectives (strong nominative) and the role noun: "den früheren Oberst" → früherer Oberst."""
    words = [strong_adjective(t.text, feminine) for t in tokens[begin:role_i]]
    return [*words, tokens[role_i].text]


def _split_compound(word: str, kind: str) -> tuple[str, str | None, str | None]:
    """A hyphenated role ("SPD-Politiker") → title "Politiker" and organisation "SPD"; a country
    code ("US-Präsident") gives a place; "Ex-Minister" stays whole."""
    if "-" not in word:
        return word, None, None
    prefix, rest = word.rsplit("-", 1)
    if prefix.lower() in _NON_ORG_PREFIXES or not prefix[:1].isupper():
        return word, None, None
    if rest.lower().startswith(_FIELD_ROLES) and not prefix.isupper():
        return word, None, None
    if prefix.lower() in _PLACE_PREFIXES or kind == "LOC":
        return rest, None, prefix
    return rest, prefix, None


def parse_role(tokens: Sequence[Token], kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role noun phrase at the start of ``tokens``: [article] [adjectives] role noun
    [für …] [organisation] [place]. None when no role noun heads it."""
    i = 1 if tokens and tokens[0].lower in _ARTICLES else 0
    adj_begin = i
    while i < len(tokens) and i - adj_begin < MAX_ADJECTIVES and _is_adjective(tokens[i]):
        i += 1
    if i >= len(tokens) or not is_role(tokens[i]):
        return None
    role_i = i
    article = tokens[0].lower if adj_begin else ""
    feminine = is_feminine_role(tokens[role_i].text) or article in ("die", "eine")
    title_words = _title_words(tokens, adj_begin, role_i, feminine)
    role_word, org, place = _split_compound(tokens[role_i].text, "")
    title_words[-1] = role_word
    j = role_i + 1
    if j + 1 < len(tokens) and tokens[j].lower == "für" and tokens[j + 1].text[:1].isupper():
        end = _cap_run(tokens, j + 1)
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
        elif not found.is_place and genitive and org_from >= 0:
            # "Leiter des Lagezentrums des Verteidigungsministeriums": the unit joins the title
            title_words += [t.text for t in tokens[org_from:j]]
            org, org_from = found.text, -1
        else:
            break
        j = found.end
    return RoleMatch(" ".join(title_words), org, place, tokens[0].i, tokens[j - 1].i + 1, tokens[role_i].text)


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


def _apposition_tokens(doc: PreparedDoc, name_end: int) -> list[Token]:
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].text not in (",", "("):
        return []
    sent = toks[name_end].sent
    j = name_end + 1
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _STOP and j - name_end <= MAX_APPOSITION:
        j += 1
    return toks[name_end + 1 : j]


_STOP = frozenset({",", "(", ")", ";", ":", ".", "!", "?", "–", "—", "„", "“", "\"", "»", "«"})


def apposition_after(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role apposition or role-naming relative clause right after the name ending at token
    ``name_end``: "Anna Berger, Professorin für …,", "Jana Wolf, die das Referat … leitet,"."""
    body = _apposition_tokens(doc, name_end)
    if not body or len(body) > MAX_APPOSITION:
        return None
    return parse_role(body, kind_at) or relative_role(body, kind_at)


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


def role_before(doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role noun before the name: "Außenministerin Anna Müller", "der frühere Außenminister
    Joschka Fischer", "der SPD-Politiker Lars Klingbeil", "Südkoreas Präsident Moon Jae-in"."""
    toks = doc.tokens
    r = name_begin - 1
    if r < 0 or toks[r].sent != toks[name_begin].sent or not is_role(toks[r]):
        return None
    b = _adjectives_begin(toks, r)
    article = toks[b - 1].lower if b > 0 and toks[b - 1].lower in _ARTICLES else ""
    feminine = is_feminine_role(toks[r].text) or article in ("die", "eine")
    words = _title_words(toks, b, r, feminine)
    title, org, place = _split_compound(toks[r].text, kind_at(r))
    words[-1] = title
    g = b - 1
    if g >= 0 and toks[g].sent == toks[r].sent and toks[g].text.endswith("s") and toks[g].text[:1].isupper():
        kind = kind_at(g)
        if kind in ("LOC", "ORG"):
            owner = toks[g].text[:-1]  # "Südkoreas" → "Südkorea"
            if kind == "LOC":
                place = place or owner
            else:
                org = org or owner
            b = g
    return RoleMatch(" ".join(words), org, place, b, r + 1, toks[r].text)


def role_before_comma(doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role phrase set off before the name by a comma: "die deutsche Botschafterin in Polen,
    Anna Beispiel" (the longest role phrase that ends at the comma, from an article or role noun
    after a reporting verb, a comma or the sentence start)."""
    toks = doc.tokens
    comma = name_begin - 1
    if comma < 1 or toks[comma].text != "," or toks[comma - 1].sent != toks[name_begin].sent:
        return None
    best: RoleMatch | None = None
    s = comma - 1
    sent = toks[name_begin].sent
    while s >= 0 and comma - s <= MAX_APPOSITION and toks[s].sent == sent and toks[s].text not in _STOP:
        if toks[s].lower in _ARTICLES or is_role(toks[s]):
            match = parse_role(toks[s:comma], kind_at)
            if match is not None and match.end == comma:
                best = match
        s -= 1
    return best


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
            return match
    return None
