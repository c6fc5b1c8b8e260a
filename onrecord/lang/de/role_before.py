"""German roles before a name ("der frühere Außenminister X", "Südkoreas Präsident X", a role
phrase set off by a comma, coordinated roles and names) and unnamed speaker phrases that are
themselves a role ("ein Sprecher des Auswärtigen Amts").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from onrecord.lang.de.lexicon import lexicon, word_endings, word_set
from onrecord.lang.de.role_lexicon import (
    _ARTICLES,
    _CONTRACTIONS,
    _STOP,
    COPULAS,
    MAX_ADJECTIVES,
    MAX_APPOSITION,
    KindAt,
    RoleMatch,
    _adjective_stem,
    _is_adjective,
    _name_word,
    _no_kind,
    _place_names,
    bare_plural,
    is_feminine_role,
    is_role,
    place_adjective,
    role_adjectives,
    role_places,
    title_noun,
)
from onrecord.lang.de.role_orgs import _is_cap_adjective, nominative, org_noun_endings
from onrecord.lang.de.role_phrases import _split_compound, _title_parts, _truncated_pair, adjective_of_body, parse_role
from onrecord.lang.de.sources import addressee_inside
from onrecord.lang.de.tokens import PreparedDoc, Token
from onrecord.resolve.gazetteer import country_names


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
    if place_adjective(tok.text) is not None:
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
        place_adjective(toks[k].text) is not None or _is_adjective(toks[k]) or _known_modifier(toks[k])
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


def _seat_participles() -> frozenset[str]:
    """Participles after "in <Ort>" that place a role ("in Wien tätige"): data/seat_participles.txt."""
    return word_set("seat_participles.txt")


def _seat_before(toks: Sequence[Token], r: int, kind_at: KindAt) -> int | None:
    """The place token of "<article> in <Ort> <tätige|ansässige|…>" right before the role noun at
    ``r`` ("die in Klagenfurt tätige Politikwissenschaftlerin"), else None."""
    if r < 4 or any(t.sent != toks[r].sent for t in toks[r - 4 : r]):
        return None
    stem = _adjective_stem(toks[r - 1].text)
    place = toks[r - 2]
    if stem not in _seat_participles() or toks[r - 3].lower != "in" or toks[r - 4].lower not in _ARTICLES:
        return None
    if not (kind_at(place.i) == "LOC" or place.text in _place_names()):
        return None
    return r - 2


def _academic_titles() -> frozenset[str]:
    """Titles written between a role noun and the name ("Dr.", "Prof."): data/academic_titles.txt."""
    return word_set("academic_titles.txt")


def role_before(doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role noun before the name: "Außenministerin Anna Müller", "der frühere Außenminister
    Joschka Fischer" (former), "der SPD-Politiker Lars Klingbeil", "Südkoreas Präsident Moon
    Jae-in", "der bayerische Finanzminister" and "der Wiener Bürgermeister" (places), "Jurist
    und Diskriminierungsexperte X" (one title of two nouns)."""
    toks = doc.tokens
    while name_begin >= 2 and toks[name_begin - 1].text in _academic_titles() and (
        toks[name_begin - 1].sent == toks[name_begin].sent and is_role(toks[name_begin - 2])
    ):
        name_begin -= 1  # "Oberbürgermeister Dr. Albert Schröder": the role before the academic title
    r = name_begin - 1
    if kind_at(name_begin) == "LOC" and toks[name_begin].text.endswith("s") and r >= 0 and is_role(toks[r]):
        return None  # "die Außenminister Athens und Ankaras": the places of the role, no holders
    if r >= 0 and adjective_of_body(toks[r], toks[name_begin]):
        return None  # "der Oberste Gerichtshof": an adjective of the body's name, no role
    if r < 0 or toks[r].sent != toks[name_begin].sent or not is_role(toks[r]):
        genitive = _role_with_genitive_before(doc, name_begin, kind_at) or _team_participle(doc, name_begin) or (
            _headed_body(doc, name_begin, name_begin, kind_at)
        )
        if genitive is not None:
            return genitive
        if _example_of(toks, r):
            return _example_role(doc, r, kind_at)  # "Abgeordnete wie A und B": an example of the role
        first_name = _first_conjunct(toks, name_begin)
        if first_name is not None and _plural_role(toks, first_name - 1) and _in_list(toks, first_name, name_begin):
            return role_before(doc, first_name, kind_at)  # "den Soziologen A, B und C": B's too
        if first_name is not None and _example_of(toks, first_name - 1) and _in_list(toks, first_name, name_begin):
            return _example_role(doc, first_name - 1, kind_at)  # "Abgeordnete wie A und B": B's too
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
    elif r >= 2 and _truncated_pair(toks, r - 2) == r and toks[r - 2].sent == toks[r].sent and (
        compound.org is None and compound.place is None
    ):
        first = r - 2  # "Klima- und Energieexpertin": one title
    b = _modifiers_begin(toks, first)
    article = toks[b - 1].lower if b > 0 and toks[b - 1].lower in _ARTICLES else ""
    feminine = is_feminine_role(toks[r].text) or article in ("die", "eine")
    parts = _title_parts(toks, b, first, feminine, article)
    words = parts.words
    if first != r and toks[first].text.endswith("-"):
        words[-1:] = [toks[first].text, toks[first + 1].text, title_noun(compound.role, article)]
    elif first != r:
        for m in middle:
            words[-1] += ","
            words.append(title_noun(toks[m].text, article))
        words += ["und", title_noun(compound.role, article)]
    else:
        words[-1] = title_noun(compound.role, article)
    org, place = compound.org, compound.place or parts.place
    seat = _seat_before(toks, first, kind_at) if b == first and place is None else None
    if seat is not None:
        place, b = toks[seat].text, seat - 1  # "die in Klagenfurt tätige Politikwissenschaftlerin"
    club = club_role(compound.role)
    g = b - 1
    if g >= 0 and toks[g].sent == toks[r].sent and toks[g].text.endswith("s") and toks[g].text[:1].isupper():
        kind = kind_at(g)
        owner = toks[g].text[:-1]  # "Südkoreas" → "Südkorea"
        if club and org is None and kind != "PER" and _name_word(toks[g]) and owner not in _countries():
            org = owner  # "Leverkusens Tormann": a city's team
            b = g
        elif kind == "LOC" or owner in _place_names():
            place = place or owner
            b = g
        elif kind == "ORG":
            org = org or owner
            b = g
    if org is None and b == first:
        org = _body_before(toks, b, kind_at, club)  # "der 1. FC Köln von Trainer X"
    if org is None:
        start = b - 1 if b > 0 and toks[b - 1].lower in _ARTICLES else b
        headed = _headed_body(doc, start, name_begin, kind_at)  # "unter der Leitung des Genetikers X"
        org = headed.organization if headed is not None else None
    if club and org is None and compound.place is not None and compound.place not in _countries():
        org, place = compound.place, parts.place  # "Salzburg-Innenverteidiger": the club, no place
    return RoleMatch(" ".join(words), org, place, b, r + 1, toks[r].text, parts.former or compound.former)


def _body_before(toks: Sequence[Token], b: int, kind_at: KindAt, club: bool) -> str | None:
    """The organisation a role noun at ``b`` belongs to when a tagged organisation name stands
    right before it with "von" ("die SPD von Parteichef X") or, for a team role, "mit" ("der FC
    Ingolstadt mit Coach X"); "ein Treffen der EU mit Kanzler X" names no employer."""
    p = b - 1
    if p < 1 or toks[p].sent != toks[b].sent or not (toks[p].lower == "von" or club and toks[p].lower == "mit"):
        return None
    s = p
    while s > 0 and p - s < MAX_APPOSITION and toks[s - 1].sent == toks[b].sent and kind_at(s - 1) == "ORG" and (
        not is_role(toks[s - 1])
    ):
        s -= 1
    while s < p and toks[s].lower in _ARTICLES:
        s += 1  # the article the tagger took into the name
    if s == p or not toks[s].text[:1].isupper() and not toks[s].text[:1].isdigit():
        return None
    article = toks[s - 1].lower if s > 0 and toks[s - 1].lower in _ARTICLES else None
    return nominative(toks[s:p], article)


#: adverbs of time between a body and the "unter" of its head ("das Ministerium, einst unter X")
_HEAD_ADVERBS = frozenset({"einst", "nun", "jetzt", "damals", "zuletzt", "bisher", "derzeit", "heute", "zuvor"})
#: the most tokens between a body's noun and the "unter"/"mit" of its head
MAX_HEADED = 10


def _headed_body(doc: PreparedDoc, start: int, name_begin: int, kind_at: KindAt) -> RoleMatch | None:
    """The body a person heads, named before "unter der Leitung (von|des <Rolle>) X", "einst/nun
    unter X" or "mit X an der Spitze" ("eine Expertengruppe unter der Leitung des Genetikers X",
    "das Außenministerium, einst unter A, nun unter B", "die Kommission mit X an der Spitze"): the
    nearest body noun before it (an organisation ending or a tagged organisation) with its article.
    A plain "unter X" is left alone (it added a false organisation on a CHECK part)."""
    toks = doc.tokens
    sent = toks[name_begin].sent
    p = start - 1
    if p >= 2 and toks[p].lower == "von" and toks[p - 1].lower == "leitung":
        p -= 1
    leitung = p >= 2 and toks[p].lower == "leitung" and toks[p - 1].lower == "der"
    if leitung:
        p -= 2
    if p < 1 or toks[p].sent != sent:
        return None
    if toks[p].lower == "mit":
        e = name_begin
        while e < len(toks) and toks[e].sent == sent and _name_word(toks[e]):
            e += 1
        if [t.lower for t in toks[e : e + 3]] != ["an", "der", "spitze"]:
            return None
    elif toks[p].lower != "unter" or not (leitung or toks[p - 1].lower in _HEAD_ADVERBS):
        return None  # plain "unter X" only after a time adverb: "einst unter X", "nun unter Y"
    k = p - 1
    while k > 0 and p - k <= MAX_HEADED and toks[k].sent == sent:
        t = toks[k]
        if t.text == "," or t.lower in _HEAD_ADVERBS or t.lower == "unter" or kind_at(k) == "PER":
            k -= 1  # "das Außenministerium, einst unter A, nun unter B": past the earlier head
            continue
        if t.text[:1].isupper() and (kind_at(k) == "ORG" or t.lower.endswith(org_noun_endings())) and (
            toks[k - 1].lower in _ARTICLES or _adjective_stem(toks[k - 1].text) is not None
        ):
            a = k - 1
            while a > 0 and _adjective_stem(toks[a].text) is not None and toks[a].lower not in _ARTICLES:
                a -= 1
            article = toks[a].lower if toks[a].lower in _ARTICLES else None
            first = a + 1 if article is not None else a
            return RoleMatch(None, nominative(toks[first : k + 1], article), None, start, name_begin)
        return None
    return None


def _club_roles() -> tuple[str, ...]:
    """Role nouns of a sports team (compound heads, lower case): data/club_roles.txt."""
    return word_endings("club_roles.txt")


#: the football nations inside the United Kingdom, which field national teams of their own
_HOME_NATIONS = frozenset({"England", "Schottland", "Wales", "Nordirland"})


@cache
def _countries() -> frozenset[str]:
    """Country names (the resolver's country list, German and English), whose team is a national
    one: the country stays a place ("Dänemarks Trainer")."""
    return country_names() | _HOME_NATIONS


def club_role(word: str) -> bool:
    """A role in a sports team ("Tormann", "Cheftrainer", "Co-Trainer"): a city or region named
    with it names the club, an organisation ("Ingolstadts Manager", "Salzburg-Innenverteidiger")."""
    lower = word.lower().rsplit("-", 1)[-1]
    return lower.endswith(_club_roles())


def _example_of(toks: Sequence[Token], w: int) -> bool:
    """Whether the token at ``w`` is the "wie" of role nouns with examples ("Abgeordnete wie A",
    "Grünen-Politiker wie A und B"); not after a negation ("keine Minister wie A")."""
    if w < 1 or toks[w].lower != "wie" or toks[w - 1].sent != toks[w].sent or not is_role(toks[w - 1]):
        return False
    return w < 2 or not toks[w - 2].lower.startswith("kein")


def _example_role(doc: PreparedDoc, w: int, kind_at: KindAt) -> RoleMatch | None:
    """The role of the role nouns before "wie" for one of its examples, in the singular (a
    nominalised adjective in its masculine form: "Abgeordnete wie A" → "Abgeordneter")."""
    match = role_before(doc, w, kind_at)
    if match is None or match.title is None:
        return match
    words = match.title.split()
    if words[-1].endswith("e") and words[-1] + "r" in lexicon().roles:
        words[-1] += "r"
    return replace(match, title=" ".join(words))


def _plain_role(tok: Token, kind_at: KindAt) -> bool:
    """A role noun that names neither body nor place ("Blogger", not "SPD-Politiker")."""
    split = _split_compound(tok.text, kind_at(tok.i))
    return split.org is None and split.place is None


_SINGULAR_ARTICLES = frozenset({"des", "dem", "eines", "einem", "einen", "ein", "eine", "einer"})
MAX_CONJUNCTS = 6


#: lower-case particles inside a name ("van", "van't", "von", "de", "da")
_PARTICLE_STARTS = ("van", "von", "de", "da", "di", "du", "ter", "ten", "zu")


def _first_conjunct(toks: Sequence[Token], name_begin: int) -> int | None:
    """For a later name of a coordination of names ("A B, C D und E F"), the first token of the
    first name; None when no name and coordinator come before ``name_begin``."""
    sent = toks[name_begin].sent
    k = name_begin - 1
    first: int | None = None
    joiners = word_set("list_joiners.txt")
    for _ in range(MAX_CONJUNCTS):
        if k < 1 or toks[k].sent != sent or toks[k].lower not in joiners:
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
    joiners = word_set("list_joiners.txt")
    while k < len(toks) and toks[k].sent == sent and k - name_begin < 4 * MAX_CONJUNCTS:
        if toks[k].lower in joiners and toks[k].lower != "," and k + 1 < len(toks) and _name_word(toks[k + 1]):
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
            if match is not None and bare_plural(toks, match):
                match = None  # "Experten aus der Industrie, Finanzen, …": a list of groups
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
    if article == "der" and word.endswith("n") and not is_feminine_role(word):
        base = title_noun(word)
        if base != word and not (base.endswith("e") and base + "r" in lexicon().roles):
            return True  # "nach Ansicht der Experten": a genitive plural (not "der Abgeordneten")
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


#: words after which a subject can open a clause ("…, und der Kandidat ist X"), unlike a
#: preposition ("Vom Entwicklungshelfer … wurde X")
_CLAUSE_OPENERS = frozenset({",", "und", "oder", "aber", "doch", "denn", "sondern", ":", "–", "—"})


def role_before_copula(doc: PreparedDoc, name_begin: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A definite role phrase that is the subject of a copula whose predicate is the name: "…,
    und der Bundespräsidentschaftskandidat ist Norbert Hofer", "Neuer Trainer wird X"."""
    toks = doc.tokens
    cop = name_begin - 1
    if cop < 1 or toks[cop].lower not in COPULAS or toks[cop - 1].sent != toks[name_begin].sent:
        return None
    sent = toks[cop].sent
    best: RoleMatch | None = None
    s = cop - 1
    while s >= 0 and cop - s <= MAX_APPOSITION and toks[s].sent == sent and toks[s].text not in _STOP:
        opens = s == doc.sentences[sent][0] or toks[s - 1].lower in _CLAUSE_OPENERS
        if opens and (toks[s].lower in ("der", "die") or is_role(toks[s])):
            match = parse_role(toks[s:cop], kind_at)
            if match is not None and match.end == cop and not match.plural and not bare_plural(toks, match):
                best = match
        s -= 1
    return best


#: participles of playing or starting for a team ("die für den VSC startende X")
_TEAM_PARTICIPLES = ("startend", "spielend", "antretend", "fahrend", "laufend", "kickend", "springend")


def _team_participle(doc: PreparedDoc, name_begin: int) -> RoleMatch | None:
    """The team of an athlete given by a participle phrase before the name: "die für den VSC
    Klingenthal startende Ulrike Beispiel" → organisation "VSC Klingenthal" (no title)."""
    toks = doc.tokens
    p = name_begin - 1
    if p < 3 or not toks[p].lower.startswith(_TEAM_PARTICIPLES) or toks[p].sent != toks[name_begin].sent:
        return None
    k = p - 1
    while k > 0 and p - k <= 4 and toks[k].text[:1].isupper() and toks[k].sent == toks[p].sent:
        k -= 1
    if k == p - 1 or toks[k].lower not in _ARTICLES or toks[k - 1].lower != "für":
        return None
    return RoleMatch(None, nominative(toks[k + 1 : p], toks[k].lower), None, k - 1, p + 1)
