"""A role's organisation from the body around it (issue 13, roles round 11): named by a possessive
that points back to a body ("Die FPÖ plakatiert ihren Kandidaten Norbert Hofer"), and a body given
by kind noun and name reduced to the name ("Regierungspartei NCD" → "NCD")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from onrecord.lang.de.lexicon import word_endings
from onrecord.lang.de.role_orgs import body_kind_noun, name_after_kind
from onrecord.lang.de.roles import KindAt, RoleMatch, is_role
from onrecord.lang.de.tokens import PreparedDoc, Token

#: possessive determiners that can point back to a body named before them in the sentence
_POSSESSIVES = frozenset({"sein", "seine", "seinen", "seinem", "seiner", "seines",
                          "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"})
#: personal pronouns between the body and the possessive: the possessive may be theirs instead
_PRONOUNS = frozenset({"er", "sie", "ihm", "ihn", "ihnen", "sich", "es", "man", "wir", "ich", "du"})
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
_RELATIVES = frozenset({"der", "die", "das", "dessen", "deren", "dem", "den", "denen", "welcher", "welche"})
_BREAKS = frozenset({";", ":", "(", ")", "–", "—", "„", "“", "\"", "»", "«", "?", "!"})
#: the most tokens between the possessive and the role phrase's start ("seinem in der Kritik stehenden")
MAX_GAP = 5
#: the most tokens between the body and the possessive
MAX_BACK = 14


def _kind_nouns() -> tuple[str, ...]:
    """Endings of common nouns for a kind of body: data/body_kind_nouns.txt."""
    return word_endings("body_kind_nouns.txt")


def _possessive_at(toks: Sequence[Token], begin: int) -> int | None:
    """The possessive determiner that opens the role phrase starting at ``begin``, if any."""
    sent = toks[begin].sent
    for k in range(begin - 1, max(-1, begin - 1 - MAX_GAP), -1):
        if toks[k].sent != sent or toks[k].text in _BREAKS or toks[k].text == ",":
            return None
        if toks[k].lower in _POSSESSIVES:
            return k
    return None


def _body_before(toks: Sequence[Token], p: int, kind_at: KindAt) -> str | None:
    """The body the possessive at ``p`` points back to: the nearest run of organisation tokens
    before it in its sentence, with no person or personal pronoun between them."""
    sent = toks[p].sent
    k = p - 1
    while k >= 0 and p - k <= MAX_BACK and toks[k].sent == sent and toks[k].text not in _BREAKS:
        if toks[k].text == "," and k + 1 < p and toks[k + 1].lower in _RELATIVES:
            return None  # "Der Deutsche, der durch seinen Assistenten …": the relative clause's holder
        kind = kind_at(k)
        if kind == "PER" or toks[k].lower in _PRONOUNS or toks[k].lower in _POSSESSIVES:
            return None
        if kind == "ORG":
            e = k + 1
            while k > 0 and kind_at(k - 1) == "ORG" and toks[k - 1].sent == sent:
                k -= 1
            while k < e - 1 and toks[k].lower in _ARTICLES:
                k += 1  # "Die FPÖ" tagged with its article
            words = [t.text for t in toks[k:e]]
            if not all(w[:1].isupper() or w in ("&", "-") for w in words):
                return None
            if len(words) == 1 and not words[0].isupper() and words[0].lower().endswith(_kind_nouns()):
                return None  # "Die Partei folgte ihrem Präsidenten": a kind of body, no name
            return " ".join(words)
        k -= 1
    return None


def possessive_organisation(doc: PreparedDoc, roles: list[RoleMatch], kind_at: KindAt) -> list[RoleMatch]:
    """Roles before a name opened by "sein"/"ihr" get the body named before the possessive as
    their organisation ("Die FPÖ präsentiert neue Plakate, ihr Kandidat Norbert Hofer …" → FPÖ;
    "Die Klubführung von Real Madrid hat seinem Trainer X …" → Real Madrid). A person or a
    personal pronoun between body and possessive leaves the role as it is ("seine Tochter")."""
    toks = doc.tokens
    out: list[RoleMatch] = []
    for role in roles:
        if role.organization is None and role.title is not None and 0 < role.begin < len(toks):
            p = _possessive_at(toks, role.begin)
            body = _body_before(toks, p, kind_at) if p is not None else None
            if body is not None:
                role = replace(role, organization=body)
        out.append(role)
    return out


def _name_after(toks: Sequence[Token], role: RoleMatch, org: str, kind_at: KindAt) -> str | None:
    """A body's name tagged as an organisation right after the role's kind noun ("Trainer des
    niederländischen Fußballclubs Ajax Amsterdam" → "Ajax Amsterdam")."""
    words = org.split()
    if not words or not body_kind_noun(words[-1], len(words) > 1):
        return None
    last = words[-1].lower()
    for i in range(role.begin, min(len(toks) - 1, role.end + 1)):
        if "-" in toks[i].lower[len(last) :]:
            continue  # "Bundesbank-Chef Jens Weidmann": the kind noun opens the role's compound
        if toks[i].lower.startswith(last) and toks[i + 1].sent == toks[i].sent:
            e = i + 1
            while e < len(toks) and e - i <= 4 and toks[e].sent == toks[i].sent and _body_word(toks[e], kind_at):
                e += 1
            return " ".join(t.text for t in toks[i + 1 : e]) if e > i + 1 else None
    return None


def _body_word(tok: Token, kind_at: KindAt) -> bool:
    """A word of a body's name: tagged as an organisation, or a capitalised word that is no role noun."""
    return kind_at(tok.i) == "ORG" or (
        tok.text[:1].isupper() and tok.text.replace("-", "").isalnum() and not is_role(tok)
    )


def described_body_names(doc: PreparedDoc, roles: list[RoleMatch], kind_at: KindAt) -> list[RoleMatch]:
    """A role's organisation given by its kind and name becomes the name: "Mitglied der
    rechtskonservativen Regierungspartei NCD" → NCD; "der neue Trainer des niederländischen
    Fußballclubs Ajax Amsterdam" → Ajax Amsterdam (GUIDELINES B: the organisation's name)."""
    out: list[RoleMatch] = []
    for role in roles:
        if role.organization is not None:
            org = role.organization
            name = name_after_kind(org.split()) or _name_after(doc.tokens, role, org, kind_at)
            if name is not None:
                role = replace(role, organization=name)
        out.append(role)
    return out
