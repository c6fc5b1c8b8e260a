"""Places and organisations of the resolution gazetteer that the name tagger missed inside a
quote's words (issue 17, point 3: ``about``).

Needs: the text, the quotes and the entities an extractor built. Adds: for every name of the
gazetteer (:mod:`onrecord.resolve.gazetteer`: countries, places, organisations) written inside a
quote span that no entity mention and no speaker mention covers ("aus Moldau", "vor dem
Bundesverfassungsgericht", "MAKE MEXICO GREAT"), a mention of the article's entity that the
gazetteer gives the same names, or of a new entity of the gazetteer's type (appended, so that the
ids of the other entities stay as they were). Pure functions; one regular-expression pass over
each quote span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from onrecord.model import Entity, Quote, Span
from onrecord.resolve.gazetteer import GazetteerEntry, default_gazetteer

__all__ = ["add_known_names"]

#: the shortest alias matched (two letters would match "AP", "DB" in running text too easily)
_MIN_LENGTH = 3


@cache
def _pattern() -> re.Pattern[str]:
    """Every alias of the gazetteer (three characters or more, starting with a capital letter) as
    written, and a title-case alias of four letters or more in capitals ("MEXICO"), longest first,
    not inside a longer word nor a hyphenated compound ("US-Dollar", "EU-Kommissar": the
    compounds are :func:`onrecord.lang.de.entities` business)."""
    forms: set[str] = set()
    for entry in default_gazetteer():
        for name in entry.names:
            if len(name) < _MIN_LENGTH or not name[:1].isupper():
                continue
            forms.add(name)
            if len(name) >= 4 and name[1:2].islower():
                forms.add(name.upper())
    # grouped by first letter, longest first inside each group: at any one position only the
    # group of its letter can match, so this matches what one longest-first alternation of all
    # forms would (the same alias, with the same fallback to a shorter one where the end test
    # fails), but the engine tries one group instead of some 2,000 aliases (~20x faster)
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        groups.setdefault(form[0], []).append(re.escape(form[1:]))
    alternatives = "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())
    return re.compile(r"(?<![\w\-/.])(?:" + alternatives + r")(?![\w\-/]|\.\w)")


def _entry(name: str) -> GazetteerEntry | None:
    found = default_gazetteer().lookup(name)
    return found if found is not None and found.type in ("location", "organization") else None


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(b < span[1] and span[0] < e for b, e in spans)


def _found(text: str, quotes: Sequence[Quote], covered: Sequence[Span]) -> list[tuple[Span, GazetteerEntry]]:
    """The gazetteer names inside the quote spans that no span of ``covered`` overlaps, in text order."""
    pattern = _pattern()
    hits: dict[Span, GazetteerEntry] = {}
    for quote in quotes:
        for qb, qe in quote.spans:
            for m in pattern.finditer(text, qb, qe):
                span = (m.start(), m.end())
                entry = _entry(m.group())
                if entry is not None and not _overlaps(span, covered):
                    hits[span] = entry
    return sorted(hits.items())


def add_known_names(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    common: Callable[[str], bool] | None = None,
) -> list[Entity]:
    """``entities`` with the gazetteer names missed inside the quote spans (module docstring);
    ``common`` tells a one-word name that is a common noun too ("Bahn", "Linke": left out)."""
    covered = [m for e in entities for m in e.mentions]
    covered += [s for q in quotes if q.speaker is not None for s in q.speaker.spans]
    hits = [
        (span, entry)
        for span, entry in _found(text, quotes, covered)
        if common is None or " " in text[span[0] : span[1]] or not common(text[span[0] : span[1]])
    ]
    if not hits:
        return list(entities)
    out = list(entities)
    owner: dict[str, int] = {}  # canonical name → index in ``out``
    for index, entity in enumerate(out):
        if entity.type not in ("location", "organization", "other"):
            continue
        names = [entity.name, *(text[b:e] for b, e in entity.mentions)]
        entries = {found.canonical for found in map(_entry, names) if found is not None}
        if len(entries) == 1:
            owner.setdefault(next(iter(entries)), index)
    added: dict[int, list[Span]] = {}
    for span, entry in hits:
        at = owner.get(entry.canonical)
        if at is None:
            at = owner[entry.canonical] = len(out)
            out.append(Entity(id=_new_id(out), name=text[span[0] : span[1]], type=entry.type))
        added.setdefault(at, []).append(span)
    for index, spans in added.items():
        entity = out[index]
        out[index] = entity.model_copy(update={"mentions": sorted({*entity.mentions, *spans})})
    return out


def _new_id(entities: Sequence[Entity]) -> str:
    """The next free id of the form ``e<n>``."""
    numbers = [int(e.id[1:]) for e in entities if e.id[:1] == "e" and e.id[1:].isdigit()]
    return f"e{max(numbers, default=0) + 1}"
