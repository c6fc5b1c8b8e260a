"""Roles of named persons from appositions, title prefixes and relative clauses.

Needs: a ``Doc`` with a parse and named entities. Adds: :class:`onrecord.model.Role` objects
for a person mention, e.g. "Jane Roe, a professor of economics at Harvard University in
Boston" -> title "professor of economics", organization "Harvard University", place "Boston";
"Police Commissioner Richard Ross" -> title "Police Commissioner"; "a spokesman for the State
Department, John Kirby" -> title "spokesman", organization "State Department".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.lang.en.spans import ent_at
from onrecord.model import Role

ORG_LABELS = ("ORG",)
PLACE_LABELS = ("GPE", "LOC")
SKIP_DEPS = ("det", "punct", "cc")
LINK_PREPS = ("at", "in", "for", "of", "from", "with", "on")


def _role_from_tokens(tokens: list[Token]) -> Role | None:
    """Title, organization and place of a role phrase."""
    if not tokens:
        return None
    doc = tokens[0].doc
    organization = place = None
    ent_tokens: set[int] = set()
    for tok in tokens:
        if tok.ent_type_ in ORG_LABELS + PLACE_LABELS and tok.ent_iob_ in ("B", "I"):
            ent = ent_at(tok)
            if ent is None:
                continue
            ent_tokens.update(range(ent.start, ent.end))
            if ent.label_ in ORG_LABELS and organization is None:
                organization = ent.text
            elif ent.label_ in PLACE_LABELS and place is None:
                place = ent.text
    words: list[Token] = []
    for tok in tokens:
        if tok.i in ent_tokens or tok.dep_ in SKIP_DEPS or tok.is_punct:
            continue
        if tok.lower_ in ("'s", "’s"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in LINK_PREPS and nxt is not None and (nxt.i in ent_tokens or (
                nxt.dep_ == "det" and nxt.i + 1 < len(doc) and nxt.i + 1 in ent_tokens)):
            continue
        words.append(tok)
    while words and (words[-1].lower_ in LINK_PREPS or words[-1].pos_ in ("ADP", "DET", "CCONJ")):
        words.pop()
    title = " ".join(t.text for t in words) or None
    if title is None and organization is None:
        return None
    begin = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Role(title=title, organization=organization, place=place, spans=[(begin, end)])


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "det"):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def person_roles(ent: SpacySpan) -> list[Role]:
    """Roles stated for a person mention in its own sentence."""
    doc = ent.doc
    root = ent.root
    roles: list[Role] = []
    # "Police Commissioner Richard Ross", "Amnesty International spokesman Eric Ferrero"
    left = root.left_edge.i
    if left < ent.start:
        prefix = [t for t in doc[left: ent.start] if t.head.i >= ent.start or t.head.i >= left]
        role = _role_from_tokens(_trimmed(prefix))
        if role is not None:
            roles.append(role)
    # "Jane Roe, a professor of economics at …"
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            role = _role_from_tokens(_trimmed(list(child.subtree)))
            if role is not None:
                roles.append(role)
        if child.dep_ == "relcl":
            for g in child.children:
                if g.dep_ == "attr" and child.lemma_ in ("be", "") or g.dep_ == "attr" and child.lower_ in (
                        "is", "was", "are", "were"):
                    role = _role_from_tokens(_trimmed(list(g.subtree)))
                    if role is not None:
                        roles.append(role)
    # "a spokesman for the State Department, John Kirby"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        tokens = [t for t in head.subtree if not (ent.start <= t.i < ent.end) and t.i not in
                  {x.i for x in root.subtree}]
        role = _role_from_tokens(_trimmed(tokens))
        if role is not None:
            roles.append(role)
    return roles
