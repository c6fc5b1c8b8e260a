"""Source kinds (issue 18): which kind of source a quote's speaker is, from roles, not names.

A quote's *source kind* is one of :data:`SOURCE_KINDS`:

* ``government`` — the executive, administration, police, courts, the military, central
  banks, diplomats (*Innenministerin*, *Polizeisprecher*, *Behörde*, *officials*);
* ``politician`` — parliamentarians, parties, candidates, the opposition (*Abgeordnete*,
  *Fraktionschef*, *lawmaker*, *SPD*);
* ``expert`` — academics, researchers, analysts, doctors, lawyers (*Ökonomin*, *Professor*,
  *Institut*, *analysts*);
* ``business`` — companies, executives, banks, traders, industry bodies (*Konzernchef*, *CEO*);
* ``civil_society`` — unions, associations, NGOs, churches, activists, critics;
* ``journalist`` — journalists and outlets (*Korrespondentin*, *Nachrichtenagentur*, *editor*);
* ``citizen`` — people speaking for themselves (*Anwohner*, *Augenzeugin*, *voters*);
* ``unnamed_group`` — an unnamed source whose role says nothing more (*Kreise*, *some*);
* ``anonymous`` — the identity is withheld (``source_anonymity == "anonymous"``);
* ``other`` — a named source without a role that tells its kind.

How (:func:`source_kind`, first rule that decides):

1. ``source_anonymity`` ``anonymous`` → ``anonymous`` (a withheld source is counted as such,
   whatever its role).
2. The role titles and organisations of the speaker in that article, and — only for an
   organisation, an unnamed group or a place speaking itself — the entity's own name (an
   organisation's name *is* its organisation; a group's name is a noun such as *Analysten*): the
   **longest** lexicon pattern that matches any of them decides (*Präsident* of the *Chamber of
   Commerce* is business: the organisation's pattern is longer); a tie goes to the kind listed
   first in the lexicon. A person's name is never looked at.
3. A place speaking (*Russland erklärte*) → ``government``.
4. ``source_anonymity`` ``unnamed`` or an unnamed group → ``unnamed_group``.
5. Otherwise ``other``.

The lexicons are data files, one per language: ``onrecord/lang/<lang>/data/source_kinds.txt``
(sections per kind; patterns ``word``, ``*suffix`` for compound heads, ``prefix*``,
``*infix*``, ``several words``; matched on :func:`onrecord.resolve.keys.fold` forms). A language
without its own lexicon uses the English one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

from onrecord.errors import DataError
from onrecord.resolve.keys import fold

__all__ = [
    "SOURCE_KINDS",
    "Lexicon",
    "Pattern",
    "SourceKind",
    "kind_of_words",
    "lexicon",
    "parse_lexicon",
    "source_kind",
]

SourceKind = Literal[
    "government",
    "politician",
    "expert",
    "business",
    "civil_society",
    "journalist",
    "citizen",
    "unnamed_group",
    "anonymous",
    "other",
]
#: every source kind, in the order reports list them
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
#: the kinds a lexicon may name (the others follow from anonymity and entity type)
_LEXICON_KINDS = frozenset(SOURCE_KINDS) - {"unnamed_group", "anonymous", "other"}
_SECTION = re.compile(r"^\[(\w+)\]$")
_FALLBACK = "en"


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry: folded words, how the (single) word is matched, its kind and rank."""

    words: tuple[str, ...]
    prefix: bool  # ``*word``: the text word may have letters before (a compound head)
    suffix: bool  # ``word*``: the text word may have letters after
    kind: SourceKind
    rank: int  # position of the kind's section in the file (ties: the earlier wins)

    @property
    def length(self) -> int:
        """How specific the pattern is: its letters without the stars."""
        return sum(len(word) for word in self.words) + len(self.words) - 1

    def matches(self, words: Sequence[str]) -> bool:
        """Whether the pattern occurs in the folded ``words``."""
        if len(self.words) > 1:
            size = len(self.words)
            return any(tuple(words[i : i + size]) == self.words for i in range(len(words) - size + 1))
        needle = self.words[0]
        for word in words:
            if word == needle:
                return True
            if self.prefix and self.suffix and needle in word:
                return True
            if self.prefix and not self.suffix and word.endswith(needle):
                return True
            if self.suffix and not self.prefix and word.startswith(needle):
                return True
        return False


Lexicon = tuple[Pattern, ...]


def parse_lexicon(lines: Iterable[str], origin: str = "lexicon") -> Lexicon:
    """Patterns of a ``source_kinds.txt`` text; :class:`DataError` on an unknown section or a
    pattern outside one."""
    patterns: list[Pattern] = []
    kind: SourceKind | None = None
    ranks: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        section = _SECTION.match(line)
        if section:
            name = section.group(1)
            if name not in _LEXICON_KINDS:
                raise DataError(f"{origin}:{number}: unknown source kind [{name}]")
            kind = name  # type: ignore[assignment]
            ranks.setdefault(name, len(ranks))
            continue
        if kind is None:
            raise DataError(f"{origin}:{number}: pattern {line!r} before the first [kind] section")
        prefix, suffix = line.startswith("*"), line.endswith("*")
        words = tuple(fold(line.strip("*")).split())
        if not words or ((prefix or suffix) and len(words) > 1):
            raise DataError(f"{origin}:{number}: bad pattern {line!r} (stars only on a single word)")
        patterns.append(Pattern(words, prefix, suffix, kind, ranks[kind]))
    return tuple(patterns)


@cache
def lexicon(language: str) -> Lexicon:
    """The source-kind lexicon of ``language`` (English where it has none), read once."""
    folder = resources.files("onrecord.lang")
    for code in (language.lower(), _FALLBACK):
        path = folder / code / "data" / "source_kinds.txt"
        if path.is_file():
            return parse_lexicon(path.read_text(encoding="utf-8").splitlines(), f"{code}/data/source_kinds.txt")
    raise DataError("no source-kind lexicon (onrecord/lang/en/data/source_kinds.txt is missing)")


def kind_of_words(texts: Iterable[str | None], patterns: Lexicon) -> SourceKind | None:
    """The kind the longest pattern matching any of ``texts`` names (ties: the earlier section,
    then the earlier pattern), or None."""
    best: tuple[int, int, int] | None = None
    found: SourceKind | None = None
    for text in texts:
        if not text:
            continue
        words = fold(text).split()
        for index, pattern in enumerate(patterns):
            key = (-pattern.length, pattern.rank, index)
            if (best is None or key < best) and pattern.matches(words):
                best, found = key, pattern.kind
    return found


def source_kind(
    titles: Sequence[str | None],
    organizations: Sequence[str | None],
    entity_type: str | None,
    entity_name: str | None,
    anonymity: str | None,
    language: str,
) -> SourceKind:
    """The source kind of a quote (rules: module docstring). ``titles`` and ``organizations``
    are the speaker's roles in the article; ``entity_name`` is read only for an organisation,
    a group or a place speaking, never for a person."""
    if anonymity == "anonymous":
        return "anonymous"
    texts = [*titles, *organizations]
    if entity_type in ("organization", "group", "location"):
        texts.append(entity_name)
    found = kind_of_words(texts, lexicon(language))
    if found is not None:
        return found
    if entity_type == "location":
        return "government"
    if anonymity == "unnamed" or entity_type == "group":
        return "unnamed_group"
    return "other"
