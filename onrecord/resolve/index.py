"""Cross-article entity resolution: an in-memory index of canonical entities.

:meth:`EntityIndex.match` finds the canonical entity a name refers to, by these rules in
order (the first that decides wins; the rule is reported as provenance in :class:`Match`):

1. ``gazetteer`` — places and organisations known to the gazetteer resolve to the id of its
   canonical name, so *Moskau* and *Moscow* are one entity whichever is seen first;
2. ``exact`` — the same :func:`~onrecord.resolve.keys.name_key` as an entity's name;
3. ``alias`` — the same key as one of an entity's aliases (merged names, user corrections);
4. ``surname`` — a bare surname ("Scholz", "Xi", "von der Leyen") of exactly one full person
   name; when two different full names share it ("Anna Müller", "Peter Müller") it is
   ambiguous and the answer is ``new``;
5. ``transliteration`` — the same :func:`~onrecord.resolve.keys.translit_key` as a person's
   full name or a place ("Wolodymyr Selenskyj" = "Volodymyr Zelensky"); a bare surname only
   when a single entity owns it;
6. ``new`` — no known entity: the deterministic :func:`canonical_id` of the name.

Types: a person only matches persons, an organisation or group only organisations and groups,
a place only places; "other" matches anything with the same key (and anything matches "other").
Ties are broken by the entity id's order (an entity of the same type class first).
If nothing matches, a German genitive ("Merkels") is tried once without its -s.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from onrecord.model import EntityType
from onrecord.resolve.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from onrecord.resolve.keys import (
    fold,
    genitive_stem,
    is_surname_only,
    name_key,
    person_tokens,
    surname_candidates,
    translit_key,
)

RULES = ("gazetteer", "exact", "alias", "surname", "transliteration", "new")
TYPE_CLASS: dict[str, str] = {
    "person": "person",
    "organization": "organization",
    "group": "organization",
    "location": "location",
    "other": "other",
}
_CLASSES = ("other", "person", "organization", "location")
_SCORES = {"exact": 1.0, "alias": 0.97, "gazetteer": 0.97, "surname": 0.85}


@dataclass(frozen=True)
class Match:
    """The entity a name resolved to, the rule that decided and a confidence in [0, 1]."""

    entity_id: str
    rule: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """A canonical entity known to the index."""

    entity_id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


def _compatible(type: EntityType) -> tuple[str, ...]:
    """The type classes whose entities a name of this type may match, its own class first."""
    cls = TYPE_CLASS[type]
    return _CLASSES if cls == "other" else (cls, "other")


def _hash_id(cls: str, key: str, salt: str = "") -> str:
    return "E" + hashlib.sha256(f"{cls}\x1f{key}{salt}".encode()).hexdigest()[:16]


def canonical_id(name: str, type: EntityType, gazetteer: Gazetteer | None = None) -> str:
    """The deterministic id of a new entity: ``"E"`` + 16 hex digits of sha256 over its type
    class ("group" counts as "organization") and its key — the folded canonical name of its
    gazetteer entry (whose type class it then takes) if any, else :func:`name_key`."""
    gaz = default_gazetteer() if gazetteer is None else gazetteer
    entry = gaz.lookup(name, type)
    if entry is not None:
        return _entry_id(entry)
    return _hash_id(TYPE_CLASS[type], name_key(name, type))


def display_name(entity_id: str, name: str, type: EntityType, gazetteer: Gazetteer | None = None) -> str:
    """The name to show for a new entity: the gazetteer's canonical name when the entity is that
    gazetteer entry ("Moskau" and "Moscow" both show as "Moscow", whichever came first), else
    the name it was first seen under."""
    gaz = default_gazetteer() if gazetteer is None else gazetteer
    entry = gaz.lookup(name, type)
    return entry.canonical if entry is not None and _entry_id(entry) == entity_id else name


def _entry_id(entry: GazetteerEntry) -> str:
    return _hash_id(TYPE_CLASS[entry.type], fold(entry.canonical))


def merged(keep: Candidate, drop: Candidate) -> Candidate:
    """``keep`` with the name and aliases of ``drop`` as aliases (a user's merge); the type of
    ``keep`` unless it is "other"."""
    names = (*keep.aliases, drop.name, *drop.aliases)
    aliases = tuple(dict.fromkeys(n for n in names if n != keep.name))
    type = drop.type if keep.type == "other" else keep.type
    return replace(keep, type=type, aliases=aliases)


class _MultiMap:
    """key → entity ids, stored as one str or a tuple (small for 100k entities)."""

    __slots__ = ("_d",)

    def __init__(self) -> None:
        self._d: dict[str, str | tuple[str, ...]] = {}

    def add(self, key: str, value: str) -> None:
        old = self._d.get(key)
        if old is None:
            self._d[key] = value
        elif isinstance(old, str):
            if old != value:
                self._d[key] = (old, value)
        elif value not in old:
            self._d[key] = (*old, value)

    def discard(self, key: str, value: str) -> None:
        old = self._d.get(key)
        if old is None:
            return
        if isinstance(old, str):
            if old == value:
                del self._d[key]
            return
        rest = tuple(v for v in old if v != value)
        self._d[key] = rest[0] if len(rest) == 1 else rest

    def get(self, key: str) -> tuple[str, ...]:
        old = self._d.get(key)
        if old is None:
            return ()
        return (old,) if isinstance(old, str) else old


class EntityIndex:
    """Canonical entities by their keys; see the module docstring for the matching rules.

    ``gazetteer`` defaults to the packaged one (pass ``Gazetteer()`` for none)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = default_gazetteer() if gazetteer is None else gazetteer
        self._entities: dict[str, Candidate] = {}  # keys are recomputed (deterministically) on removal
        # 0 names, 1 aliases, 2 surnames of full person names, 3 bare surname entities,
        # 4 transliteration keys, 5 transliterated surnames of full names, 6 transliterated bare surnames
        self._maps = tuple(_MultiMap() for _ in range(7))

    # --- contents ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self._entities.values())

    def get(self, entity_id: str) -> Candidate | None:
        """The indexed candidate with this id, if any."""
        return self._entities.get(entity_id)

    def _keys(self, c: Candidate) -> tuple[tuple[int, str], ...]:
        cls = TYPE_CLASS[c.type]
        keys: list[tuple[int, str]] = []
        for slot, names in ((0, (c.name,)), (1, c.aliases)):
            for n in names:
                key = name_key(n, c.type)
                if key:
                    keys.append((slot, f"{cls}\x1f{key}"))
        if cls in ("person", "location"):
            for n in (c.name, *c.aliases):
                tk = translit_key(n)
                if tk:
                    keys.append((4, f"{cls}\x1f{tk}"))
        if cls == "person":
            for n in (c.name, *c.aliases):
                if not person_tokens(n):
                    continue
                bare = is_surname_only(n)
                for sk in surname_candidates(n):
                    keys.append((3 if bare else 2, sk))
                    keys.append((6 if bare else 5, translit_key(sk)))
        return tuple(dict.fromkeys(keys))

    def add(self, candidate: Candidate) -> None:
        """(Re)index an entity under all its keys (replacing an entity with the same id)."""
        self.remove(candidate.entity_id)
        keys = self._keys(candidate)
        for slot, key in keys:
            self._maps[slot].add(key, candidate.entity_id)
        self._entities[candidate.entity_id] = candidate

    def add_all(self, candidates: Iterable[Candidate]) -> None:
        """Index several entities."""
        for c in candidates:
            self.add(c)

    def remove(self, entity_id: str) -> None:
        """Forget an entity (no error if unknown)."""
        item = self._entities.pop(entity_id, None)
        if item is not None:
            for slot, key in self._keys(item):
                self._maps[slot].discard(key, entity_id)

    # --- user corrections ----------------------------------------------------------------

    def merge(self, keep_id: str, drop_id: str) -> Candidate:
        """Merge entity ``drop_id`` into ``keep_id`` (its names become aliases); returns the
        merged candidate, now indexed. Raises KeyError for an unknown id."""
        keep, drop = self._entities[keep_id], self._entities[drop_id]
        if keep_id == drop_id:
            return keep
        result = merged(keep, drop)
        self.remove(drop_id)
        self.add(result)
        return result

    def split(
        self, entity_id: str, name: str, aliases: Iterable[str] = (), new_id: str | None = None
    ) -> tuple[Candidate, Candidate]:
        """Split a new entity named ``name`` (with ``aliases``, taken away from the old entity)
        off ``entity_id``; returns (old, new), both indexed. The new id defaults to the
        canonical id of ``name``, salted deterministically when that id is taken."""
        old = self._entities[entity_id]
        moved = tuple(dict.fromkeys(a for a in aliases if a != name))
        if new_id is None:
            new_id, n = canonical_id(name, old.type, self.gazetteer), 1
            while new_id in self._entities:
                n += 1
                new_id = _hash_id(TYPE_CLASS[old.type], name_key(name, old.type), f"\x1f{n}")
        taken = {name_key(a, old.type) for a in (name, *moved)}
        rest = tuple(a for a in old.aliases if name_key(a, old.type) not in taken)
        old_new = replace(old, aliases=rest)
        new = Candidate(new_id, name, old.type, moved)
        self.add(old_new)
        self.add(new)
        return old_new, new

    # --- matching ------------------------------------------------------------------------

    def _ids(self, slot: int, key: str, classes: Iterable[str]) -> list[str]:
        """Ids under a class-prefixed key, same class first, then by id."""
        out: list[str] = []
        for cls in classes:
            out.extend(sorted(self._maps[slot].get(f"{cls}\x1f{key}")))
        return out

    def _new(self, name: str, type: EntityType) -> Match:
        return Match(canonical_id(name, type, self.gazetteer), "new", 1.0)

    def _similar(self, name: str, entity_id: str) -> float:
        other = self._entities[entity_id].name
        return round(0.6 + 0.3 * fuzz.ratio(fold(name), fold(other)) / 100, 3)

    def _match(self, name: str, type: EntityType) -> Match:
        key = name_key(name, type)
        if not key:
            return self._new(name, type)
        classes = _compatible(type)
        cls = TYPE_CLASS[type]
        entry = self.gazetteer.lookup(name, type)
        if entry is not None:
            gid = _entry_id(entry)
            if gid in self._entities:
                known = self._entities[gid]
                rule = "exact" if name_key(known.name, known.type) == key else "gazetteer"
                return Match(gid, rule, _SCORES[rule])
        for slot, rule in ((0, "exact"), (1, "alias")):
            ids = self._ids(slot, key, classes)
            if ids:
                return Match(ids[0], rule, _SCORES[rule])
        if entry is not None:  # the gazetteer entity indexed under another id (a user's merge)
            entry_classes = _compatible(entry.type)
            for n in entry.names:
                ids = self._ids(0, name_key(n, entry.type), entry_classes) or self._ids(
                    1, name_key(n, entry.type), entry_classes
                )
                if ids:
                    return Match(ids[0], "gazetteer", _SCORES["gazetteer"])
        bare = cls == "person" and is_surname_only(name)
        if bare:
            owners = sorted(set(self._maps[2].get(key)))
            if len(owners) == 1:
                return Match(owners[0], "surname", _SCORES["surname"])
            if owners:
                return self._new(name, type)  # ambiguous surname
        if cls in ("person", "location"):
            tk = translit_key(name)
            if bare:
                ids = sorted(set(self._maps[4].get(f"person\x1f{tk}")) | set(self._maps[5].get(tk)))
                if len(ids) == 1:
                    return Match(ids[0], "transliteration", self._similar(name, ids[0]))
            else:
                ids = self._ids(4, tk, (cls,))
                if ids:
                    return Match(ids[0], "transliteration", self._similar(name, ids[0]))
        return self._new(name, type)

    def match(self, name: str, type: EntityType, language: str | None = None) -> Match:
        """The best known entity for a name of a type, or ``Match(canonical_id(name, type),
        "new", 1.0)``. For German text (or unknown language) a name that matches nothing is
        tried once more without a genitive -s ("Merkels" → "Merkel") — never blindly."""
        result = self._match(name, type)
        if result.rule != "new" or language not in (None, "de"):
            return result
        stem_name = genitive_stem(name)
        if stem_name is not None:
            stem = self._match(stem_name, type)
            if stem.rule != "new":
                return Match(stem.entity_id, stem.rule, round(stem.score * 0.95, 3))
        return result

    def absorbed_by(self, name: str, type: EntityType) -> list[str]:
        """Ids of bare-surname person entities ("Scholz") that a full person name ("Olaf
        Scholz") would absorb: those of its surname (exact, or by transliteration) that no
        other full name in the index also owns. Empty for non-persons and bare names."""
        if TYPE_CLASS[type] != "person" or not person_tokens(name) or is_surname_only(name):
            return []
        own = set(self._ids(0, name_key(name, type), ("person",)))
        own |= set(self._ids(4, translit_key(name), ("person",)))
        out: set[str] = set()
        for sk in surname_candidates(name):
            tk = translit_key(sk)
            owners = (set(self._maps[2].get(sk)) | set(self._maps[5].get(tk))) - own
            if not owners:
                out |= set(self._maps[3].get(sk)) | set(self._maps[6].get(tk))
        return sorted(out - own)
