"""Multilingual alias sets of places and organisations, as packaged data.

Each data file (``onrecord/resolve/data/*.tsv``) lists one entity a line: the canonical English
name, then tab-separated aliases (German and English names, acronyms, variants); lines starting
with ``#`` are comments. The type of an entry is the type of its file (:data:`FILE_TYPES`).
Names are matched on :func:`~onrecord.resolve.keys.fold`, so case and diacritics do not matter.
Demonyms ("German", "deutsch") are not entities and are not listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from onrecord.model import EntityType
from onrecord.resolve.keys import ARTICLES, fold

FILE_TYPES: dict[str, EntityType] = {
    "countries.tsv": "location",
    "places.tsv": "location",
    "organizations.tsv": "organization",
}

_COMPATIBLE: dict[str, frozenset[str]] = {
    "location": frozenset({"location", "other"}),
    "organization": frozenset({"organization", "group", "other"}),
}


@dataclass(frozen=True)
class GazetteerEntry:
    """One known entity: its canonical (English) name, its type and its aliases."""

    canonical: str
    type: EntityType
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and all aliases."""
        return (self.canonical, *self.aliases)


def parse_lines(lines: Iterable[str], type: EntityType) -> list[GazetteerEntry]:
    """Entries of one data file's lines (comments and blank lines skipped)."""
    entries = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        names = [n.strip() for n in line.rstrip("\n").split("\t") if n.strip()]
        entries.append(GazetteerEntry(names[0], type, tuple(dict.fromkeys(n for n in names[1:] if n != names[0]))))
    return entries


class Gazetteer:
    """Lookup of known places and organisations by any of their names.

    A folded name belongs to at most one entry per type (a conflict is a data error and raises
    :class:`ValueError`); a name may name a place and an organisation at once."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self._entries: list[GazetteerEntry] = []
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            self._add(entry)

    def _add(self, entry: GazetteerEntry) -> None:
        self._entries.append(entry)
        for name in entry.names:
            key = fold(name)
            if not key:
                continue
            found = self._by_key.setdefault(key, [])
            clash = [e for e in found if e.type == entry.type and e is not entry]
            if clash:
                raise ValueError(f"gazetteer: {name!r} names both {clash[0].canonical!r} and {entry.canonical!r}")
            if entry not in found:
                found.append(entry)

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of the packaged data files."""
        return cls(entry for filename in FILE_TYPES for entry in file_entries(filename))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    def _get(self, key: str, type: EntityType | None) -> GazetteerEntry | None:
        for entry in self._by_key.get(key, ()):
            if type is None or type in _COMPATIBLE.get(entry.type, ()):
                return entry
        return None

    def lookup(self, name: str, type: EntityType | None = None) -> GazetteerEntry | None:
        """The entry a name refers to, of a type compatible with ``type`` (any when None;
        an organisation also serves "group", anything serves "other"; never persons).

        Tried in order: the folded name; without a leading article ("the Netherlands" is
        listed, "der Kreml" → "Kreml", "den USA" → "USA"); without a German genitive ending
        -s/-es ("Russlands", "des Kremls")."""
        if type == "person":
            return None
        words = fold(name).split()
        if not words:
            return None
        tries = [words]
        if len(words) > 1 and words[0] in ARTICLES:
            tries.append(words[1:])
        for w in list(tries):
            last = w[-1]
            if len(last) > 3 and last.endswith("s"):
                tries.append([*w[:-1], last[:-1]])
                if last.endswith("es") and len(last) > 4:
                    tries.append([*w[:-1], last[:-2]])
        for w in tries:
            entry = self._get(" ".join(w), type)
            if entry is not None:
                return entry
        return None


@lru_cache(maxsize=len(FILE_TYPES))
def file_entries(filename: str) -> tuple[GazetteerEntry, ...]:
    """The entries of one packaged data file (a key of :data:`FILE_TYPES`), of its type: the one
    loader of ``onrecord/resolve/data/*.tsv``."""
    text = resources.files("onrecord.resolve").joinpath("data").joinpath(filename).read_text("utf-8")
    return tuple(parse_lines(text.splitlines(), FILE_TYPES[filename]))


def country_names() -> frozenset[str]:
    """Every name (canonical and aliases, German and English) of the listed countries."""
    return frozenset(name for entry in file_entries("countries.tsv") for name in entry.names)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()
