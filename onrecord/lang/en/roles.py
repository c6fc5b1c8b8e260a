"""Roles of named persons from titles before the name, appositions, "of"-phrases and relative
clauses (issue 13; labels as in ``evaluation/data/GUIDELINES.md`` B).

Needs: a ``Doc`` with tags, a parse and named entities. Adds: :class:`onrecord.model.Role`
objects for a person mention:

* "Jane Roe, a professor of economics at Harvard University in Boston" → title "professor of
  economics", organization "Harvard University", place "Boston" (a bare field after "of"/"for"/
  "in" stays in the title; "of the exhibition" describes and is dropped);
* "Police Commissioner Richard Ross", "Swedish captain Andreas Granqvist" (place Sweden),
  "Labour's Shadow Home Secretary Yvette Cooper" (organization Labour), "the Navy's Office of
  Naval Intelligence analyst …" (a possessive organisation keeps its "'s" inside the name);
* "a spokesman for the State Department, John Kirby" (a role before the name and a comma);
* "Nick Rhodes of Duran Duran", "DAB's Ben Chan" → organization; coordinated names share the
  title of the first ("photographers Nat Finkelstein, Christopher Makos and Felice Quinto").

Titles are singular, without articles, "former" or descriptive modifiers ("pro-Beijing", "pan-
democracy camp"); organisations without a leading lower-case "the".

This module holds the entry points (:func:`person_roles`, :func:`unnamed_role`,
:func:`description_role`); the parts live beside it: :mod:`~onrecord.lang.en.role_lexicon` (role
nouns, places, portfolios, word classes), :mod:`~onrecord.lang.en.role_phrases` (the role phrase
parser), :mod:`~onrecord.lang.en.role_before` (titles before a name, shared plural titles) and
:mod:`~onrecord.lang.en.role_after` (appositions, copulas, relative clauses, "of" phrases).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.lang.en.lexicon import data_lines, word_set
from onrecord.lang.en.role_after import (
    _affiliation,
    _apposition_roles,
    _copula_roles,
    _of_place_end,
    _place_after,
    _relative_verb_role,
    _served_as,
    _tenure_role,
)
from onrecord.lang.en.role_before import (
    MAX_LIST,
    MAX_PREFIX,
    _list_shared_role,
    _prefix_roles,
    _role_before_comma,
    _shared_role,
)
from onrecord.lang.en.role_lexicon import (
    _BODY_NOUNS,
    _POSSESSIVE,
    ORG_LABELS,
    PLACE_LABELS,
    _is_role_word,
    field_plurals,
    finite_verb,
    is_role_noun,
    portfolio_words,
    role_nouns,
    role_places,
    singular,
)
from onrecord.lang.en.role_phrases import _parse, _role
from onrecord.model import Role

__all__ = [
    "MAX_LIST",
    "MAX_PREFIX",
    "ORG_LABELS",
    "PLACE_LABELS",
    "description_role",
    "field_plurals",
    "is_role_noun",
    "person_roles",
    "portfolio_words",
    "role_nouns",
    "role_places",
    "singular",
    "unnamed_role",
]


def person_roles(ent: SpacySpan) -> list[Role]:
    """Roles stated for a person mention in its own sentence."""
    roles: list[Role] = _prefix_roles(ent)
    if not roles:
        prefix = _role_before_comma(ent) or _shared_role(ent) or _list_shared_role(ent)
        if prefix is not None:
            roles.append(prefix)
    residence = not roles and _of_place_end(ent) > ent.end  # "Jane Roe of Ohio, a teacher,": where she lives
    roles += _apposition_roles(ent)
    served = _served_as(ent) or _tenure_role(ent)
    if served is not None:
        roles.append(served)
    roles += _copula_roles(ent)
    relative = _relative_verb_role(ent)
    if relative is not None:
        roles.append(relative)
    place = _place_after(ent)
    if place is not None and roles and roles[0].place is None and not residence:
        roles[0] = roles[0].model_copy(update={"place": place})  # "Senator Jane Roe of Vermont"
    org = _affiliation(ent) if place is None else None
    if org is not None:
        if roles and all(r.organization is None for r in roles):
            roles[0] = roles[0].model_copy(update={"organization": org})
        elif not roles:
            k = ent.end
            roles.append(Role(organization=org, spans=[(ent.doc[k].idx, ent.doc[k].idx + len(ent.doc[k].text))]))
    return [split for role in roles for split in _split_coordinated(role)]


def _office_nouns() -> frozenset[str]:
    """Role nouns of an office held at a body (data/office_nouns.txt)."""
    return word_set("office_nouns.txt")


def _split_coordinated(role: Role) -> list[Role]:
    """A profession coordinated with a role at a body is two roles, the body going with the
    second (roles set, calls of ``heldout9``: two roles with different bodies are two records;
    "a tax attorney and senior fellow at the Acme Institute" → "tax attorney"; "senior fellow",
    "Acme Institute"); two offices of one body ("chief operating officer and treasurer at …")
    and titles without a body ("actor and comedian") stay whole."""
    title = role.title or ""
    if role.organization is None or title.count(" and ") != 1:
        return [role]
    first, second = title.split(" and ")
    if not first or not second or not _is_role_word(first.split()[-1].lower()) or not _is_role_word(
        second.split()[-1].lower()
    ):
        return [role]  # "Minister for Health and Ageing": one portfolio
    if first.split()[-1].lower() in _office_nouns():
        return [role]  # "chief operating officer and treasurer at the Harbor Trust": two offices of one body
    return [Role(title=first, spans=list(role.spans), former=role.former), role.model_copy(update={"title": second})]


#: the dependents of a role noun kept in an unnamed source's phrase (before the noun, or a prepositional phrase)
_UNNAMED_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "case", "prep", "punct"})
#: the same for a definite description
_DESCRIPTION_KEEP = frozenset({"det", "amod", "compound", "nmod", "nummod", "prep", "punct", "advmod"})


def _phrase_bounds(tok: Token, deps: frozenset[str]) -> tuple[int, int]:
    """First and last token index of a role noun's phrase: the noun with the subtrees of its
    dependents in ``deps`` that stand before it, and of its prepositional phrases."""
    keep = {tok.i}
    for child in tok.children:
        if child.dep_ in deps and (child.i < tok.i or child.dep_ == "prep"):
            keep.update(t.i for t in child.subtree)
    return min(keep), max(keep)


def unnamed_role(tok: Token) -> Role | None:
    """The role of an unnamed singular source whose head is a role noun ("a spokesman for the
    State Department said" → title "spokesman", organisation "State Department"): the head with
    its modifiers and prepositional phrases, no relative clause."""
    if tok.tag_ != "NN" or not is_role_noun(tok) or tok.ent_type_:
        return None
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if dets not in (["a"], ["an"], ["another"]):
        return None  # "the chair of the DNC": a definite description names someone the text names
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return None  # "John Roe, a former White House adviser": the role of the name before it
    if any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in tok.children):
        return None  # "a spokesman for the party, John Roe": the role of the name
    doc = tok.doc
    first, last = _phrase_bounds(tok, _UNNAMED_DEPS)
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].ent_type_ == "PERSON":
        return None  # "a spokesman for Harbor Bank, John Rowe, said": the role of the name after it
    tokens = [t for t in doc[first : last + 1] if not t.is_space]
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    if finite_verb(tokens):
        return None
    parsed = _parse(tokens)
    if parsed is None or not parsed.title or not (parsed.organization or parsed.place):
        return None
    return _role(parsed, tokens)



_DESCRIPTION_STOPS = frozenset({"attr", "compound", "appos", "conj"})
#: the positions in which a description refers back to a named person: subject, object, possessor
_DESCRIPTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


@cache
def _non_referring() -> frozenset[str]:
    """Modifiers that make a description name a type or someone to come ("the next president",
    "the first president of …", "the real founder of …"): data/non_referring.txt."""
    return frozenset(w.lower() for w in data_lines("non_referring.txt"))



def description_role(tok: Token) -> Role | None:
    """The role of a definite description without a name ("the former secretary of state", "the
    Republican presidential nominee's", "the real estate mogul"): a singular role noun with
    "the", its modifiers and prepositional phrases; None where a name goes with the phrase
    (apposition, a name after it or after a comma) or where it is a predicate (read elsewhere)."""
    if tok.tag_ != "NN" or not is_role_noun(tok) or tok.ent_type_ or tok.dep_ in _DESCRIPTION_STOPS:
        return None
    if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"] or tok.dep_ not in _DESCRIPTION_DEPS:
        return None  # "for the Democratic nominee", "with the ambassador": no reference to a person named
    if any(c.dep_ == "conj" or c.lower_ in _non_referring() for c in tok.children):
        return None  # "the Texas senator and business mogul", "the next president": no one person named before
    if any(c.dep_ in ("appos", "relcl", "acl") or c.ent_type_ == "PERSON" for c in tok.children):
        return None  # "the senator, Jane Roe", "the nominee who …": the phrase goes with a name or clause
    if tok.dep_ == "pobj" and (tok.head.lower_ == "as" or is_role_noun(tok.head.head)):
        return None  # "as the 2012 nominee": a predicate; "undersecretary to the prime minister": another's
    if any(c.text in _POSSESSIVE for c in tok.children) and tok.head.lower_ in _BODY_NOUNS | {"station"}:
        return None  # "the sheriff's office": the office stands for a body
    doc = tok.doc
    first, last = _phrase_bounds(tok, _DESCRIPTION_KEEP)
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and (after.ent_type_ == "PERSON" or after.text == "," and last + 2 < len(doc)
                              and doc[last + 2].ent_type_ == "PERSON"):
        return None  # "the nominee Jane Roe", "the chair of the panel, Jane Roe"
    tokens = [t for t in doc[first : last + 1] if not t.is_space]
    if any(t.ent_type_ == "PERSON" or t.text in _POSSESSIVE for t in tokens):
        return None  # "the Clinton campaign's chairman": a person's or a body's phrase of its own kind
    if finite_verb(tokens):
        return None
    parsed = _parse(tokens)
    if parsed is None or not parsed.title:
        return None
    if len(parsed.title_extra.split()) < 2 and not (parsed.former or parsed.organization or parsed.place):
        return None  # "the president", "the head": a bare noun says too little to name its holder
    return _role(parsed, tokens)

