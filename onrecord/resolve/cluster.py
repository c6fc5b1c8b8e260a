"""Cross-article resolution as a function of a SET of names: :func:`resolve`.

The knowledge base calls this, not :class:`~onrecord.resolve.index.EntityIndex` (which matches
one name against what it has seen so far, so its answer depends on the order names arrive in).
Here the input is the set of distinct names the store holds — each a :class:`Name`: the name
as written, its entity type, whether it was seen in a German article, and how many article
entities carry it — and the output gives every name its canonical entity, the rule that decided
and a score. Nothing depends on the order of the input, on earlier calls or on hash seeds.

**Nodes.** Names with the same key form one node: the gazetteer entry they name (``Moskau``,
``Moscow``) or their class (``group`` counts as ``organization``) and
:func:`~onrecord.resolve.keys.name_key` (``Dr. Anna Berger`` = ``Anna Berger``).

**Links between nodes** (each decided on the whole set, never "whichever came first"):

1. ``transliteration`` — full person names (not a bare surname) with the same
   :func:`~onrecord.resolve.keys.translit_key` are one entity (Selenskyj = Zelensky);
2. ``surname`` — a bare surname ("Scholz", "von der Leyen", "Xi") joins the full name(s) it is
   the surname of when they are ONE entity; when the set holds two different full names with
   that surname ("Anna Müller", "Peter Müller") it is ambiguous and stays an entity of its own.
   With no full name of exactly that surname, a full name whose surname has the same
   transliteration key is used the same way (``transliteration``: "Selenskyj" → "Volodymyr
   Zelensky"), and bare surnames with one transliteration key and no owner are one entity;
3. ``exact`` — an organisation or place that is not in the gazetteer but written as a full
   person name ("Olaf Scholz" tagged as an organisation) joins that person (or ``transliteration``);
4. ``exact`` — a name of type "other" joins the person, organisation or place (in that order of
   preference) with the same key;
5. genitive — a name seen in a German article whose own look-ups above found nothing and whose
   last word ends in -s ("Merkels") joins what its stem ("Merkel") resolves to (rule of the stem,
   score × 0.95).

**The entity** of a group of linked nodes: its anchor node is the first by (gazetteer entry
first; person, organisation, place, other; full names before bare surnames; not a genitive;
the key) — a content order, so the anchor and the id never depend on arrival. The id is
:func:`~onrecord.resolve.index.canonical_id` of the anchor's key, so every writer computes the
same id. The display name is the gazetteer's canonical name, else the most frequent name of the
anchor's tier (ties: the fuller, i.e. longer, then in code-point order); the type is the most frequent type of
the anchor's class.

**Locality.** A name's result depends only on names that share one of its :func:`lookup_keys`
(its node, class-free key, transliteration key, surname keys, genitive stem), directly or
through others: resolving the connected component of the changed names gives the same answer
for them as resolving the whole set. The store relies on this to recompute only the affected
component inside each write transaction (see :mod:`onrecord.storage.resolution`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from onrecord.model import EntityType
from onrecord.resolve.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from onrecord.resolve.index import _SCORES, TYPE_CLASS, Match, _hash_id
from onrecord.resolve.keys import (
    fold,
    genitive_stem,
    is_surname_only,
    name_key,
    person_tokens,
    surname_candidates,
    translit_key,
)

__all__ = ["Canonical", "Name", "lookup_keys", "name_id", "resolve"]

_CLASS_RANK = {"person": 0, "organization": 1, "location": 2, "other": 3}
_TYPE_ORDER = ("person", "organization", "location", "group", "other")


@dataclass(frozen=True, order=True)
class Name:
    """A distinct name of the store: as written, its type, whether it was seen in a German
    (or undetermined-language) article, and how many article entities carry it."""

    name: str
    type: EntityType
    german: bool = True
    count: int = field(default=1, compare=False)

    @property
    def id(self) -> str:
        """The content id of the name (count excluded)."""
        return name_id(self.name, self.type, self.german)


@dataclass(frozen=True)
class Canonical:
    """A canonical entity: its id, display name and type."""

    entity_id: str
    name: str
    type: EntityType


def name_id(name: str, type: str, german: bool) -> str:
    """The content id of a distinct name: ``"N"`` + 20 hex digits of sha256."""
    payload = f"{type}\x1f{int(german)}\x1f{name}".encode()
    return "N" + hashlib.sha256(payload).hexdigest()[:20]


# --------------------------------------------------------------------------- keys of one name


def _is_full_person(name: str) -> bool:
    return bool(person_tokens(name)) and not is_surname_only(name)


@lru_cache(maxsize=1 << 16)
def _node_of(name: str, type: EntityType, gazetteer: Gazetteer) -> tuple[str, str, GazetteerEntry | None]:
    entry = gazetteer.lookup(name, type)
    if entry is not None:
        return TYPE_CLASS[entry.type], fold(entry.canonical), entry
    return TYPE_CLASS[type], name_key(name, type) or fold(name) or name, None


def _person_keys(name: str) -> list[str]:
    """Surname keys: S (exact surname) and U (its transliteration key) of a person name."""
    if not person_tokens(name):
        return []
    if is_surname_only(name):
        key = name_key(name, "person")
        return [f"S{key}", f"U{translit_key(name)}"]
    out: list[str] = []
    for sk in surname_candidates(name):
        out += [f"S{sk}", f"U{translit_key(sk)}"]
    return out


@lru_cache(maxsize=1 << 16)
def _lookup_keys(name: str, type: EntityType, german: bool, gazetteer: Gazetteer) -> frozenset[str]:
    cls, key, _ = _node_of(name, type, gazetteer)
    keys = {f"N{cls}\x1f{key}", f"K{name_key(name, type)}", f"T{translit_key(name)}"}
    if cls == "person":
        keys.update(_person_keys(name))
    elif cls in ("organization", "location") and _is_full_person(name):
        keys.add(f"K{name_key(name, 'person')}")
    stem = genitive_stem(name) if german else None
    if stem is not None:
        stem_key = name_key(stem, type)
        keys.update({f"N{cls}\x1f{stem_key}", f"K{stem_key}", f"T{translit_key(stem)}"})
        if cls in ("person", "other"):
            keys.update(_person_keys(stem))
            keys.add(f"Nperson\x1f{name_key(stem, 'person')}")
    keys.discard("K")
    keys.discard("T")
    return frozenset(keys)


def lookup_keys(name: str, type: EntityType, german: bool, gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """The keys under which a name looks others up or is looked up. Two names whose results may
    depend on each other share a key, directly or through other names (see the module)."""
    return _lookup_keys(name, type, german, default_gazetteer() if gazetteer is None else gazetteer)


# --------------------------------------------------------------------------- resolution


@dataclass
class _Node:
    cls: str
    key: str
    entry: GazetteerEntry | None
    names: list[Name] = field(default_factory=list)

    @property
    def ident(self) -> tuple[str, str]:
        return self.cls, self.key

    @property
    def full(self) -> bool:
        return self.cls == "person" and any(_is_full_person(n.name) for n in self.names)

    @property
    def bare(self) -> bool:
        return self.cls == "person" and not self.full


class _Links:
    """Union-find over nodes; remembers the rule (and score factor) that linked each node."""

    def __init__(self, nodes: Iterable[tuple[str, str]]) -> None:
        self.parent = {n: n for n in nodes}
        self.rule: dict[tuple[str, str], tuple[str, float]] = {}

    def find(self, n: tuple[str, str]) -> tuple[str, str]:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def join(self, child: tuple[str, str], other: tuple[str, str], rule: str, factor: float = 1.0) -> None:
        self.rule.setdefault(child, (rule, factor))
        a, b = self.find(child), self.find(other)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _anchor_order(node: _Node, genitive: bool) -> tuple[int, int, int, int, str]:
    return (0 if node.entry else 1, _CLASS_RANK[node.cls], 1 if node.bare else 0, int(genitive), node.key)


def resolve(
    names: Iterable[Name], gazetteer: Gazetteer | None = None
) -> tuple[dict[Name, Match], dict[str, Canonical]]:
    """Every name's canonical entity (see the module), and the canonical entities by id."""
    gaz = default_gazetteer() if gazetteer is None else gazetteer
    counts: Counter[Name] = Counter()
    for n in names:
        counts[n] += n.count
    nodes: dict[tuple[str, str], _Node] = {}
    for n in sorted(Name(n.name, n.type, n.german, c) for n, c in counts.items()):
        cls, key, entry = _node_of(n.name, n.type, gaz)
        node = nodes.setdefault((cls, key), _Node(cls, key, entry))
        node.names.append(n)
        if entry is not None and node.entry is None:
            node.entry = entry
    links = _Links(nodes)
    matched: set[tuple[str, str]] = set()  # nodes whose own look-ups found another node

    # indexes over the full person names
    full_tk: dict[str, set[tuple[str, str]]] = defaultdict(set)
    full_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    full_tsurname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    full_key: dict[str, tuple[str, str]] = {}
    bare_tk: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_key: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # key -> class -> node
    for ident, node in nodes.items():
        if node.entry is None:
            by_key[node.key].setdefault(node.cls, ident)
        if node.full:
            full_key[node.key] = ident
            for n in node.names:
                if _is_full_person(n.name):
                    full_tk[translit_key(n.name)].add(ident)
                    for sk in surname_candidates(n.name):
                        full_surname[sk].add(ident)
                        full_tsurname[translit_key(sk)].add(ident)
        elif node.bare:
            for n in node.names:
                bare_tk[translit_key(n.name)].add(ident)

    # 1. full names with one transliteration key
    for tk in sorted(full_tk):
        group = sorted(full_tk[tk])
        if len(group) > 1:
            matched.update(group)
            for ident in group[1:]:
                links.join(ident, group[0], "transliteration")
            links.rule.setdefault(group[0], ("transliteration", 1.0))

    def owners(ids: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        return {links.find(i) for i in ids}

    def person_target(text: str, bare: bool) -> tuple[tuple[str, str] | None, str, bool]:
        """What a person name's look-ups find: (node, rule, ambiguous) — after step 1."""
        if bare:
            key = name_key(text, "person")
            exact = owners(full_surname.get(key, ()))
            if len(exact) == 1:
                return min(full_surname[key]), "surname", False
            if exact:
                return None, "", True
            tk = translit_key(text)
            found = full_tsurname.get(tk, set()) | full_tk.get(tk, set())
            if len(owners(found)) == 1:
                return min(found), "transliteration", False
            return None, "", bool(found)
        found = full_tk.get(translit_key(text), set())
        return (min(found), "transliteration", False) if found else (None, "", False)

    # 2. bare surnames
    for ident in sorted(nodes):
        node = nodes[ident]
        if not node.bare:
            continue
        target, rule, ambiguous = person_target(node.names[0].name, bare=True)
        if target is not None:
            links.join(ident, target, rule)
            matched.add(ident)
        elif not ambiguous:
            partners = sorted(set().union(*(bare_tk[translit_key(n.name)] for n in node.names)))
            if len(partners) > 1:
                matched.add(ident)
                links.join(ident, partners[0], "transliteration")

    # 3. organisations and places written as a full person name
    for ident in sorted(nodes):
        node = nodes[ident]
        if node.cls not in ("organization", "location") or node.entry is not None:
            continue
        for n in node.names:
            if not _is_full_person(n.name):
                continue
            exact = full_key.get(name_key(n.name, "person"))
            if exact is not None:
                links.join(ident, exact, "exact")
            else:
                target, rule, _ = person_target(n.name, bare=False)
                if target is None:
                    continue
                links.join(ident, target, rule)
            matched.add(ident)
            break

    # 4. "other" joins the person, organisation or place of its key
    for ident in sorted(nodes):
        node = nodes[ident]
        if node.cls != "other" or node.entry is not None:
            continue
        for cls in ("person", "organization", "location"):
            target_id = by_key.get(node.key, {}).get(cls)
            if target_id is not None:
                links.join(ident, target_id, "exact")
                matched.add(ident)
                matched.add(target_id)
                break

    # 5. genitives, decided on the links of steps 1-4 (so their order does not matter)
    genitive: set[tuple[str, str]] = set()
    joins: list[tuple[tuple[str, str], tuple[str, str], str]] = []
    for ident in sorted(nodes):
        node = nodes[ident]
        if ident in matched or node.entry is not None:
            continue
        for n in node.names:
            stem = genitive_stem(n.name) if n.german else None
            if stem is None:
                continue
            found = _stem_target(stem, n.type, node.cls, by_key, person_target)
            if found is not None and found[0] != ident:
                joins.append((ident, found[0], found[1]))
                genitive.add(ident)
                break
    for ident, target, rule in joins:
        links.join(ident, target, rule, 0.95)

    return _entities(nodes, links, genitive, gaz)


def _stem_target(
    stem: str,
    type: EntityType,
    cls: str,
    by_key: dict[str, dict[str, tuple[str, str]]],
    person_target: object,
) -> tuple[tuple[str, str], str] | None:
    key = name_key(stem, type)
    same = by_key.get(key, {})
    for c in (cls, "other") if cls != "other" else ("other", "person", "organization", "location"):
        if c in same:
            return same[c], "exact"
    if cls in ("person", "other") and person_tokens(stem):
        target, rule, _ = person_target(stem, is_surname_only(stem))  # type: ignore[operator]
        if target is not None:
            return target, rule
    return None


def _entities(
    nodes: dict[tuple[str, str], _Node], links: _Links, genitive: set[tuple[str, str]], gaz: Gazetteer
) -> tuple[dict[Name, Match], dict[str, Canonical]]:
    clusters: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for ident in sorted(nodes):
        clusters[links.find(ident)].append(ident)
    results: dict[Name, Match] = {}
    entities: dict[str, Canonical] = {}
    for members in clusters.values():
        order = {m: _anchor_order(nodes[m], m in genitive) for m in members}
        anchor_id = min(members, key=order.__getitem__)
        anchor = nodes[anchor_id]
        entity_id = _hash_id(anchor.cls, anchor.key)
        tier = order[anchor_id][:4]
        display = _display(anchor, [nodes[m] for m in members if order[m][:4] == tier])
        entities[entity_id] = Canonical(entity_id, display, _type(anchor, [nodes[m] for m in members]))
        for m in members:
            rule, factor = ("exact", 1.0) if m == anchor_id else links.rule.get(m, ("exact", 1.0))
            for n in nodes[m].names:
                r = rule
                if nodes[m].entry is not None and m == anchor_id:
                    canonical_key = name_key(nodes[m].entry.canonical, n.type)  # type: ignore[union-attr]
                    r = "exact" if name_key(n.name, n.type) == canonical_key else "gazetteer"
                results[n] = Match(entity_id, r, _score(r, n.name, display, factor))
    return results, entities


def _score(rule: str, name: str, display: str, factor: float) -> float:
    if rule == "transliteration":
        base = round(0.6 + 0.3 * fuzz.ratio(fold(name), fold(display)) / 100, 3)
    else:
        base = _SCORES.get(rule, 1.0)
    return round(base * factor, 3)


def _display(anchor: _Node, tier: list[_Node]) -> str:
    if anchor.entry is not None:
        return anchor.entry.canonical
    counts: Counter[str] = Counter()
    for node in tier:
        for n in node.names:
            if node.cls != "person" or _is_full_person(n.name) == anchor.full:
                counts[n.name] += n.count
    if not counts:
        counts.update({n.name: n.count for n in anchor.names})
    return min(counts, key=lambda name: (-counts[name], -len(name), name))


def _type(anchor: _Node, members: list[_Node]) -> EntityType:
    counts: Counter[str] = Counter()
    for node in members:
        for n in node.names:
            if TYPE_CLASS[n.type] == anchor.cls:
                counts[n.type] += n.count
    if not counts:
        return anchor.entry.type if anchor.entry is not None else anchor.cls  # type: ignore[return-value]
    best = min(counts, key=lambda t: (-counts[t], _TYPE_ORDER.index(t)))
    return best  # type: ignore[return-value]
