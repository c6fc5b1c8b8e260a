"""German role noun phrases: [article] [adjectives] role noun [für …] [organisation] [place]
(:func:`parse_role`), hyphenated roles ("SPD-Politiker", "Ex-Minister") and the relative clauses
whose verb names a role (:func:`relative_role`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from onrecord.lang.de.lexicon import data_lines, lexicon, word_endings, word_set
from onrecord.lang.de.role_lexicon import (
    _ARTICLES,
    MAX_ADJECTIVES,
    KindAt,
    RoleMatch,
    _adjective_stem,
    _fused_former,
    _is_adjective,
    _no_kind,
    _place_names,
    english_modifiers,
    is_feminine_role,
    is_role,
    place_adjective,
    role_adjectives,
    role_head,
    role_places,
    strong_adjective,
    title_noun,
)
from onrecord.lang.de.role_orgs import (
    _cap_run,
    _genitive,
    _looks_like_org,
    _Org,
    _org_at,
    descriptor_head,
    nominative,
)
from onrecord.lang.de.tokens import Token

_NON_ORG_PREFIXES = frozenset({"ex", "vize", "ko", "co", "interims", "top", "alt", "noch", "ober", "chef",
                               "bundes", "landes", "staats", "sonder", "profi", "star"})
_PLACE_PREFIXES = {"us": "USA", "usa": "USA", "uk": "Großbritannien"}
_FORMER_PREFIXES = frozenset({"ex", "alt"})


#: roles whose compound prefix names a field, not an organisation ("Osteuropa-Expertin",
#: "Nahost-Kenner"), unless the prefix is an abbreviation ("SPD-Expertin")
_FIELD_ROLES = ("experte", "expertin", "kenner", "kennerin", "forscher", "forscherin", "champion", "star")
#: sporting honours whose compound prefix names the discipline or contest, not an organisation
#: ("Straßen-Radweltmeister", "Ironman-Sieger", "Fußball-Nationalstürmer"): the whole compound is
#: the title (GUIDELINES: a field prefix stays in the title)
_HONOUR_ROLES = ("weltmeister", "weltmeisterin", "europameister", "europameisterin", "sieger", "siegerin",
                 "schützenkönig", "schützenkönigin", "nationalspieler", "nationalspielerin", "nationalstürmer",
                 "nationalstürmerin")


_AUXILIARIES = frozenset({"hat", "hatte", "ist", "war", "wird", "wurde", "hätte", "habe"})


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
        seat = place_adjective(tok.text)
        if seat is not None:
            place = place or seat
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
    first, _, inner = word.partition("-")
    if first.lower() in _FORMER_PREFIXES and inner[:1].isupper() and "-" in inner:
        return replace(_split_compound(inner, kind), former=True)  # "Ex-ÖVP-Landesrätin": "ÖVP-Landesrätin", former
    if prefix.lower() in _NON_ORG_PREFIXES or not prefix[:1].isupper() or prefix.lower() in _discipline_prefixes():
        return _Compound(word)  # "Eishockey-Stürmer", "Ski-Trainer": a sport's prefix stays in the title
    if not prefix.isupper() and (rest.lower().startswith(_FIELD_ROLES) or rest.lower().endswith(_HONOUR_ROLES)):
        return _Compound(word)
    if _market_prefix(prefix, rest, kind):
        return _Compound(word)  # "Mobilfunk-Betreiber": the market, no organisation
    if prefix.lower() in _PLACE_PREFIXES:
        return _Compound(rest, place=_PLACE_PREFIXES[prefix.lower()])
    if kind == "LOC" or prefix in _place_names():
        return _Compound(rest, place=prefix)
    parts = prefix.split("-")
    former = False
    if len(parts) > 1 and parts[-1].lower() in _MODIFIER_PARTS:
        former = parts[-1].lower() in _FORMER_PREFIXES  # "AC-Milan-Neo-Trainer", "SPD-Ex-Chef"
        parts = parts[:-1]
        prefix = "-".join(parts)
    if len(parts) > 1 and all(p[:1].isupper() and p.isalpha() for p in parts) and not parts[-1].isupper() and (
        all(not p.isupper() for p in parts) or parts[0].isupper() and len(parts) == 2
    ):  # "Bank-Austria-Ökonom", "IG-Metall-Vorsitzender": the names "Bank Austria", "IG Metall"
        joiner = "-" if descriptor_head(parts[-1]) else " "  # "Vatikan-Bank-Chef": the compound "Vatikan-Bank"
        return _Compound(rest, org=joiner.join(parts), former=former)
    if prefix.endswith("en") and prefix[:-1] in _declined_bodies():
        return _Compound(rest, org=prefix[:-1], former=former)  # "Grünen-Abgeordneter" → "Grüne"
    return _Compound(rest, org=prefix, former=former)


def _field_endings() -> tuple[str, ...]:
    """Endings of nouns that name a field of study or work (data/field_nouns.txt)."""
    return word_endings("field_nouns.txt")


def _field_noun(word: str) -> bool:
    """A capitalised noun naming a field, no body ("Politikwissenschaft", "Medizin")."""
    return word[:1].isupper() and word.isalpha() and word.lower().endswith(_field_endings())


def _company_roles() -> tuple[str, ...]:
    """Endings of role nouns that head a company or body (data/company_roles.txt)."""
    return word_endings("company_roles.txt")


def company_role(role: str) -> bool:
    """Whether a role noun heads a company or body rather than a place ("Mitgründer", "Chef"),
    so that "von" + an unknown one-word name after it names its organisation."""
    return role.lower().endswith(_company_roles())


def _market_roles() -> tuple[str, ...]:
    """Endings of nouns for what a company does in a market (data/market_roles.txt)."""
    return word_endings("market_roles.txt")


def _market_prefix(prefix: str, rest: str, kind: str) -> bool:
    """Whether the prefix of a market role names the product or market ("Mobilfunk-Betreiber",
    "Internet-Suchmaschinen-Betreiber"), not a company ("SAP-Anbieter", a name
    when the tagger reads it as an organisation): no abbreviation, no part of it in capitals."""
    if not rest.lower().endswith(_market_roles()) or kind == "ORG":
        return False
    return not any(part.isupper() or sum(c.isupper() for c in part) > 1 for part in prefix.split("-"))


def _discipline_prefixes() -> frozenset[str]:
    """Sports and fields that open a hyphenated title ("Ski-Trainer"): data/discipline_prefixes.txt."""
    return word_set("discipline_prefixes.txt")


#: last parts of a compound's prefix that modify the role, no part of the body's name
_MODIFIER_PARTS = frozenset({"neo", "ex", "alt", "vize", "interims", "co", "ko"})


def _declined_bodies() -> frozenset[str]:
    """Bodies named by a nominalised adjective ("Grüne"): data/declined_bodies.txt."""
    return word_set("declined_bodies.txt")


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


#: prepositions that put an organisation inside another body ("Fraktion im Bundestag")
_SEAT_PREPOSITIONS = frozenset({"an"})
#: role nouns that also name a body ("Mitglied des Vorstands")
_BODY_ROLES = ("vorstand",)


def _holder_noun(org: str) -> bool:
    """Whether an organisation found after a role is one role noun naming a person ("des
    Präsidenten" → "Präsident"), no body."""
    return " " not in org and "-" not in org and role_head(org) is not None and (
        not org.lower().endswith(_BODY_ROLES)
    )


def _truncated_pair(tokens: Sequence[Token], i: int) -> int:
    """The role noun after a truncated first compound ("Klima- und Energieexpertin": one title
    of both), else ``i``."""
    if i + 2 < len(tokens) and tokens[i].text.endswith("-") and tokens[i].text[:1].isupper() and (
        tokens[i].text[:-1].replace("-", "").isalpha() and tokens[i + 1].lower in ("und", "oder", "sowie")
    ) and is_role(tokens[i + 2]) and "-" not in tokens[i + 2].text:
        return i + 2
    return i


@cache
def _title_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Fixed title phrases (``data/title_phrases.txt``: "Chefin vom Dienst") by their role noun:
    the words after it, which name no organisation."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("title_phrases.txt"):
        head, *rest = line.split()
        phrases.setdefault(head, []).append(tuple(rest))
    return {head: tuple(sorted(tails, key=len, reverse=True)) for head, tails in phrases.items()}


def _phrase_end(tokens: Sequence[Token], role_i: int) -> int:
    """The end of a fixed title phrase whose role noun is at ``role_i`` ("Chefin vom Dienst"),
    else ``role_i + 1``."""
    for tail in _title_phrases().get(tokens[role_i].text, ()):
        end = role_i + 1 + len(tail)
        if end <= len(tokens) and all(t.text == w for t, w in zip(tokens[role_i + 1 : end], tail, strict=True)):
            return end
    return role_i + 1


def _adjective_of_body(tokens: Sequence[Token], i: int) -> bool:
    """Whether the role-like word at ``i`` is an inflected adjective of an institution's name
    ("der Oberste Gerichtshof": "Oberste" is no form of the rank "Oberst")."""
    return i + 1 < len(tokens) and adjective_of_body(tokens[i], tokens[i + 1])


def adjective_of_body(word: Token, following: Token) -> bool:
    """Whether a role-like ``word`` is an inflected adjective of the institution noun after it
    ("Oberste Gerichtshof", "Obersten Rates"): not itself a listed role, ending in -e/-en, and
    followed by an institution noun (data/institution_heads.txt) that is no role itself."""
    return word.text not in lexicon().roles and word.text.endswith(("e", "en")) and (
        following.lower.endswith(lexicon().institution_heads) and not is_role(following)
    )


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
    i = _truncated_pair(tokens, i)
    if i >= len(tokens) or not is_role(tokens[i]) or _adjective_of_body(tokens, i):
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
    j = _phrase_end(tokens, role_i)
    title_words += [t.text for t in tokens[role_i + 1 : j]]  # "Chefin vom Dienst"
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
    while j + 1 < len(tokens) and tokens[j].lower in ("der", "des") and _field_noun(tokens[j + 1].text):
        title_words += [tokens[j].text, tokens[j + 1].text]  # "Student der Politikwissenschaft": a field
        j += 2
    org_from = -1
    seated = False  # whether the organisation already has a body it sits in
    last_org = False  # whether the phrase just before ``j`` was (part of) the organisation
    while j < len(tokens):
        genitive = tokens[j].lower in ("des", "der", "eines", "einer")
        found = _org_at(tokens, j, kind_at, genitive_ok=org is None or (genitive and org_from >= 0 and place is None))
        if found is not None and found.guessed and company_role(compound.role):
            if org is not None and last_org:  # "Sprecher einer Interessensgemeinschaft von Reiseleitern"
                org = f"{org} {' '.join(t.text for t in tokens[j : found.end])}"
                j = found.end
                break
            found = replace(found, is_place=False)  # "Mitgründer von Runtastic": the company, no place
        if found is None or ((not found.is_place or found.guessed) and _holder_noun(found.text)):
            break  # "Berater des Präsidenten", "von Premier X": a person, no organisation or place
        if found.is_place and place is None:
            place = found.text
        elif not found.is_place and org is None:
            org, org_from = found.text, j
            place = place or found.seat
        elif not found.is_place and last_org and not seated and tokens[j].lower in _SEAT_PREPOSITIONS:
            # "der Linksfraktion im Bundestag", "des Dachverbands … an den Pflichtschulen": the body
            # within which the organisation sits is part of its name (as a genitive chain)
            org = f"{org} {' '.join(t.text for t in tokens[j : found.end])}"
            org_from, seated = -1, True
        elif not found.is_place and genitive and org_from >= 0:
            # "Leiter des Lagezentrums des Verteidigungsministeriums": one organisation, the
            # genitive chain kept as written ("Lagezentrum des Verteidigungsministeriums")
            org = f"{org} {' '.join(t.text for t in tokens[j : found.end])}"
            org_from = -1
        else:
            break
        last_org = not found.is_place
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

