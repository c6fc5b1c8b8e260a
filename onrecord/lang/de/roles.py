"""Roles from German appositions and role nouns (pure functions over tokens).

Patterns (after a name, up to the next comma, bracket or sentence end):
* "X, Professorin für Politikwissenschaft an der Universität Y in Z," → title
  "Professorin für Politikwissenschaft", organization "Universität Y", place "Z";
* "X, ein früherer Oberst der Bundeswehr," → title "früherer Oberst", organization "Bundeswehr";
* "X, der Chef des Instituts Y," (relative or article apposition);
* a role noun right before the name: "Außenminister Frank Müller", "Bundeskanzlerin Merkel";
* a speaker phrase without a name: "ein Sprecher des Auswärtigen Amts" → title "Sprecher",
  organization "Auswärtigen Amts".
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.tokens import PreparedDoc, Token

_ARTICLES = frozenset({"ein", "eine", "einer", "eines", "der", "die", "das", "des", "dem", "den"})
_ORG_INTRO = frozenset({"der", "des", "am", "an", "bei", "beim", "von", "vom", "im", "für", "aus"})
_PLACE_INTRO = frozenset({"in", "aus"})
_STOP = frozenset({",", "(", ")", ";", ":", ".", "!", "?", "–", "—", "sagte", "sagt"})
MAX_APPOSITION = 16


@dataclass(frozen=True)
class RoleMatch:
    """A role found in the text: title, organisation, place and its token range."""

    title: str | None
    organization: str | None
    place: str | None
    begin: int
    end: int


def _is_role(tok: Token) -> bool:
    lex = lexicon()
    if tok.text in lex.roles or tok.lemma in lex.roles:
        return True
    # compounds ending in a role noun: "Landwirtschaftsminister", "Konzernsprecherin"
    low = tok.text
    return low[:1].isupper() and any(low.endswith(r.lower()) and len(low) > len(r) + 2 for r in _ROLE_HEADS)


_ROLE_HEADS = ("minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "chef", "chefin",
               "vorsitzender", "vorsitzende", "direktor", "direktorin", "leiter", "leiterin", "experte", "expertin",
               "professor", "professorin", "forscher", "forscherin", "analyst", "analystin", "berater", "beraterin")


def _split_role(tokens: list[Token]) -> tuple[str | None, str | None, str | None]:
    """Split an apposition's tokens into title / organisation / place."""
    words = [t.text for t in tokens]
    lows = [w.lower() for w in words]
    start = 1 if lows and lows[0] in _ARTICLES else 0
    # the organisation starts at the first org-introducing word after the role noun
    role_idx = next((i for i in range(start, len(tokens)) if _is_role(tokens[i])), None)
    if role_idx is None:
        return None, None, None
    org_idx = place_idx = None
    for i in range(role_idx + 1, len(tokens)):
        if lows[i] in _PLACE_INTRO and i + 1 < len(tokens) and words[i + 1][:1].isupper() and org_idx is not None:
            place_idx = i
            break
        if org_idx is None and lows[i] in _ORG_INTRO and lows[i] != "für":
            org_idx = i
    title_end = org_idx if org_idx is not None else (place_idx if place_idx is not None else len(tokens))
    title = " ".join(words[start:title_end]) or None
    org = None
    if org_idx is not None:
        org_words = words[org_idx + 1 : place_idx if place_idx is not None else len(words)]
        if org_words and org_words[0].lower() in _ARTICLES:
            org_words = org_words[1:]
        org = " ".join(org_words) or None
    place = " ".join(words[place_idx + 1 :]) if place_idx is not None else None
    return title, org, place or None


def apposition_after(doc: PreparedDoc, name_end: int) -> RoleMatch | None:
    """A role apposition right after the name ending at token ``name_end``."""
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].text not in (",", "("):
        return None
    j = name_end + 1
    sent = toks[name_end].sent
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _STOP and j - name_end <= MAX_APPOSITION:
        j += 1
    body = toks[name_end + 1 : j]
    if not body or len(body) > MAX_APPOSITION or not any(_is_role(t) for t in body[:4]):
        return None
    title, org, place = _split_role(body)
    if title is None:
        return None
    return RoleMatch(title, org, place, body[0].i, body[-1].i + 1)


def role_before(doc: PreparedDoc, name_begin: int) -> RoleMatch | None:
    """A role noun directly before the name: "Außenministerin Anna Müller"."""
    if name_begin == 0:
        return None
    tok = doc.tokens[name_begin - 1]
    if tok.sent != doc.tokens[name_begin].sent or not _is_role(tok):
        return None
    return RoleMatch(tok.text, None, None, tok.i, tok.i + 1)


def role_phrase(doc: PreparedDoc, begin: int, end: int) -> RoleMatch | None:
    """A speaker phrase that is itself a role: "ein Sprecher des Auswärtigen Amts"."""
    toks = doc.tokens
    j = end
    sent = toks[begin].sent
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _STOP and j - begin <= MAX_APPOSITION:
        if toks[j].lower not in _ORG_INTRO and not toks[j].text[:1].isupper() and toks[j].lower not in _ARTICLES:
            break
        j += 1
    lo = begin - 1 if begin > 0 and toks[begin - 1].lower in _ARTICLES else begin
    body = toks[lo:j]
    if not any(_is_role(t) for t in body[:3]):
        return None
    title, org, place = _split_role(body)
    return RoleMatch(title, org, place, lo, j) if title else None
