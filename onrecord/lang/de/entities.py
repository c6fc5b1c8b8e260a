"""German entities of an article: names, pronoun and role-noun resolution, types and roles.

Needs: a PreparedDoc, the speaker-like mentions and the chosen speakers. Adds: entities with
their fullest name, all mentions, a type and the roles found in appositions, plus a map from
each speaker candidate to its entity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from onrecord.extraction.names import NameCluster, NameResolver
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.roles import RoleMatch, apposition_after, role_before, role_phrase
from onrecord.lang.de.speakers import NAME_PARTICLES, Candidate
from onrecord.lang.de.tokens import PreparedDoc
from onrecord.model import Entity, EntityType, Role

_TYPE_MAP: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "location"}
_ORG_SUFFIXES = ("ministerium", "amt", "partei", "regierung", "bank", "verband", "institut", "universität",
                 "gericht", "konzern", "agentur", "kommission", "rat", "behörde", "polizei", "armee", "union")


@dataclass
class Gazetteer:
    """Entity-type evidence per word and known given names (from GermEval 2014, CC BY 4.0)."""

    types: dict[str, str] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(types=data["types"], first_names=frozenset(data["first_names"]))


@cache
def _gazetteer(path: Path) -> Gazetteer:
    return Gazetteer.load(path)


@dataclass
class _Building:
    cluster: NameCluster | None
    name: str
    type: EntityType
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[RoleMatch] = field(default_factory=list)


def name_core(doc: PreparedDoc, cand: Candidate, types: list[str]) -> tuple[int, int, RoleMatch | None]:
    """The name inside a mention: "die Forscherin Anna Berger" → "Anna Berger" (+ the role
    noun before it). Prefers the tokens the NER tagger typed as a person or organisation;
    otherwise drops leading articles, adjectives and role nouns and stops at the first
    lower-case word after the name ("Präsident Kennedy am 25. Mai" → "Kennedy")."""
    toks = doc.tokens
    for tag in ("PER", "ORG"):
        idx = [i for i in range(cand.begin, cand.end) if types[i] == tag]
        if idx:
            b, e = idx[0], idx[0] + 1
            while e < cand.end and types[e] == tag:
                e += 1
            return b, e, role_before(doc, b)
    b = cand.begin
    while b < cand.end - 1 and (toks[b].text[:1].islower() or not toks[b].text[:1].isalpha() or role_before(doc, b + 1)):
        b += 1
    e = b + 1
    while e < cand.end and (toks[e].text[:1].isupper() or toks[e].lower in NAME_PARTICLES) and toks[e].text.isalpha():
        e += 1
    return b, e, role_before(doc, b)


def _name_type(words: list[str], gaz: Gazetteer, has_role: bool, ner: set[str]) -> EntityType:
    if has_role or words[0] in gaz.first_names:
        return "person"
    for tag in ("PER", "ORG", "LOC"):
        if tag in ner:
            return _TYPE_MAP[tag]
    votes = [gaz.types[w] for w in words if w in gaz.types]
    if votes:
        return _TYPE_MAP.get(max(set(votes), key=votes.count), "other")
    if any(words[-1].lower().endswith(s) for s in _ORG_SUFFIXES):
        return "organization"
    return "person" if len(words) >= 2 else "other"


def _is_name(words: list[str], gaz: Gazetteer, ner: set[str]) -> bool:
    return bool(ner) or len(words) >= 2 or words[0] in gaz.types or words[0] in gaz.first_names


def build_entities(
    doc: PreparedDoc,
    mentions: list[Candidate],
    speakers: set[Candidate],
    gazetteer_path: Path,
    name_type: list[str] | None = None,
) -> tuple[list[Entity], dict[Candidate, str]]:
    """Entities of the document and the entity id of each speaker-like mention.

    ``name_type`` gives the NER tag (PER/ORG/LOC/OTH or "") of each token. Pronoun speakers
    resolve to the most recent person ("er") or the most recent person, organisation or group
    ("sie", which may be plural)."""
    gaz = _gazetteer(gazetteer_path)
    lex = lexicon()
    text = doc.text
    toks = doc.tokens
    resolver = NameResolver()
    building: list[_Building] = []
    by_cluster: dict[int, _Building] = {}
    of_mention: dict[Candidate, _Building] = {}
    last_person: _Building | None = None
    last_collective: _Building | None = None  # organisation or group
    last_seen: dict[int, int] = {}
    types = name_type or [""] * len(toks)

    def new(cluster: NameCluster | None, name: str, etype: EntityType) -> _Building:
        b = _Building(cluster, name, etype)
        building.append(b)
        if cluster is not None:
            by_cluster[id(cluster)] = b
        return b

    for cand in mentions:
        words = [t.text for t in toks[cand.begin : cand.end]]
        span = (toks[cand.begin].start, toks[cand.end - 1].end)
        if len(words) == 1 and words[0].lower() in lex.pronouns:
            head = words[0].lower()
            target = None
            if head == "er":
                target = last_person
            elif head == "sie":
                options = [b for b in (last_person, last_collective) if b is not None]
                target = max(options, key=lambda b: last_seen.get(id(b), -1), default=None)
            if cand in speakers and target is not None:
                target.mentions.append(span)
                of_mention[cand] = target
            continue
        head = words[-1]
        if head in lex.groups or (cand.source in ("group", "role") and len(words) == 1):
            if cand not in speakers:
                continue
            phrase = role_phrase(doc, cand.begin, cand.end)
            if head in lex.roles and last_person is not None and cand.begin > 0 and toks[cand.begin - 1].lower in ("der", "die"):
                target = last_person  # "der Minister" refers back to the last person
            else:
                target = new(None, text[span[0] : span[1]], "group" if head in lex.groups else "person")
                if phrase:
                    target.roles.append(phrase)
            target.mentions.append(span)
            of_mention[cand] = target
            last_seen[id(target)] = span[0]
            if target.type == "group":
                last_collective = target
            continue
        start, end, prefix_role = name_core(doc, cand, types)
        words = [t.text for t in toks[start:end]]
        ner = {t for t in types[start:end] if t}
        if not _is_name(words, gaz, ner) and cand not in speakers:
            continue
        name_span = (toks[start].start, toks[end - 1].end)
        cluster = resolver.add(name_span, text[name_span[0] : name_span[1]])
        ent = by_cluster.get(id(cluster))
        roles = [r for r in (prefix_role, apposition_after(doc, end)) if r is not None]
        if ent is None:
            ent = new(cluster, cluster.name, _name_type(words, gaz, bool(roles), ner))
        ent.name = cluster.name
        if roles and ent.type != "person" and ent.type != "organization":
            ent.type = "person"
        ent.mentions.append(name_span)
        ent.roles.extend(roles)
        of_mention[cand] = ent
        last_seen[id(ent)] = span[0]
        if ent.type == "person":
            last_person = ent
        elif ent.type in ("organization", "group"):
            last_collective = ent

    entities: list[Entity] = []
    ids: dict[int, str] = {}
    for b in sorted(building, key=lambda x: min(x.mentions) if x.mentions else (0, 0)):
        if not b.mentions:
            continue
        eid = f"e{len(entities) + 1}"
        ids[id(b)] = eid
        entities.append(
            Entity(
                id=eid,
                name=b.name,
                type=b.type,
                mentions=sorted(set(b.mentions)),
                roles=_dedupe_roles(doc, b.roles),
            )
        )
    return entities, {cand: ids[id(b)] for cand, b in of_mention.items() if id(b) in ids}


def _dedupe_roles(doc: PreparedDoc, roles: list[RoleMatch]) -> list[Role]:
    seen: set[tuple[str | None, str | None, str | None]] = set()
    out: list[Role] = []
    for r in roles:
        key = (r.title, r.organization, r.place)
        if key in seen:
            continue
        seen.add(key)
        span = (doc.tokens[r.begin].start, doc.tokens[r.end - 1].end)
        out.append(Role(title=r.title, organization=r.organization, place=r.place, spans=[span]))
    return out
