"""Places and organisations of the resolution gazetteer that the name tagger missed inside a
quote's words (issue 17, point 3: ``about``).

Needs: the text, the quotes and the entities an extractor built. Adds: for every name of the
gazetteer (:mod:`onrecord.resolve.gazetteer`: countries, places, organisations) written inside a
quote span that no entity mention and no speaker mention covers ("aus Moldau", "vor dem
Bundesverfassungsgericht", "MAKE MEXICO GREAT"), a mention of the article's entity that the
gazetteer gives the same names, or of a new entity of the gazetteer's type (appended, so that the
ids of the other entities stay as they were). Pure functions; one pass over
each quote span (an alias lookup at each capital letter that starts a word).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from onrecord.model import Entity, Quote, Span
from onrecord.resolve.gazetteer import GazetteerEntry, default_gazetteer

__all__ = ["add_known_names", "covered_spans", "new_entity_id", "overlaps", "with_mentions"]

#: the shortest alias matched (two letters would match "AP", "DB" in running text too easily)
_MIN_LENGTH = 3


#: what may follow an alias: no word character, hyphen or slash, and no dot that a word follows
_AFTER = re.compile(r"(?![\w\-/]|\.\w)")


@cache
def _aliases() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every alias of the gazetteer (three characters or more, starting with a capital letter) as
    written, and a title-case alias of four letters or more in capitals ("MEXICO"), sorted; and
    the pattern of where one may start: at one of their first letters, not inside a longer word
    nor a hyphenated compound ("US-Dollar", "EU-Kommissar": the compounds are
    :func:`onrecord.lang.de.entities` business)."""
    forms: set[str] = set()
    for entry in default_gazetteer():
        for name in entry.names:
            if len(name) < _MIN_LENGTH or not name[:1].isupper():
                continue
            forms.add(name)
            if len(name) >= 4 and name[1:2].islower():
                forms.add(name.upper())
    firsts = "".join(re.escape(first) for first in sorted({form[0] for form in forms}))
    start = re.compile(r"(?<![\w\-/.])(?=[" + firsts + "])") if firsts else re.compile(r"(?!)")
    return start, tuple(sorted(forms))


def _longest_at(text: str, at: int, end: int, forms: tuple[str, ...]) -> int | None:
    """The end of the longest alias of the sorted ``forms`` that stands at ``at`` and ends by
    ``end`` where the end test lets it stand, or ``None``: only the aliases that share the
    place's first three characters are tried (one run of the sorted tuple, found by bisection)."""
    key = text[at : at + _MIN_LENGTH]
    stop = None
    for k in range(bisect.bisect_left(forms, key), len(forms)):
        form = forms[k]
        if not form.startswith(key):
            break
        n = at + len(form)
        if (stop is None or n > stop) and n <= end and text.startswith(form, at) and _AFTER.match(text, n, end):
            stop = n
    return stop


def _matches(text: str, begin: int, end: int) -> Iterator[Span]:
    """The aliases in ``text[begin:end]``, left to right and not overlapping: at each place one may
    start, the longest that the end test lets stand (what one regular expression of all aliases,
    longest first, finds; without compiling 2,000 aliases into one)."""
    start, forms = _aliases()
    pos = begin
    while True:
        found = start.search(text, pos, end)
        if found is None:
            return
        at = found.start()
        stop = _longest_at(text, at, end, forms)
        if stop is None:
            pos = at + 1
        else:
            yield at, stop
            pos = stop


def _entry(name: str) -> GazetteerEntry | None:
    found = default_gazetteer().lookup(name)
    return found if found is not None and found.type in ("location", "organization") else None


def overlaps(span: Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` overlaps one of ``spans``."""
    return any(b < span[1] and span[0] < e for b, e in spans)


def covered_spans(quotes: Sequence[Quote], entities: Sequence[Entity]) -> list[Span]:
    """The spans a name found late must not overlap: every entity mention and speaker mention."""
    covered = [m for e in entities for m in e.mentions]
    covered += [s for q in quotes if q.speaker is not None for s in q.speaker.spans]
    return covered


def with_mentions(entities: list[Entity], added: dict[int, list[Span]]) -> list[Entity]:
    """``entities`` with the spans of ``added`` (entity index → spans) joined to their mentions, sorted."""
    for index, spans in added.items():
        entity = entities[index]
        entities[index] = entity.model_copy(update={"mentions": sorted({*entity.mentions, *spans})})
    return entities


def _found(text: str, quotes: Sequence[Quote], covered: Sequence[Span]) -> list[tuple[Span, GazetteerEntry]]:
    """The gazetteer names inside the quote spans that no span of ``covered`` overlaps, in text order."""
    hits: dict[Span, GazetteerEntry] = {}
    for quote in quotes:
        for qb, qe in quote.spans:
            for span in _matches(text, qb, qe):
                entry = _entry(text[span[0] : span[1]])
                if entry is not None and not overlaps(span, covered):
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
    covered = covered_spans(quotes, entities)
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
            out.append(Entity(id=new_entity_id(out), name=text[span[0] : span[1]], type=entry.type))
        added.setdefault(at, []).append(span)
    return with_mentions(out, added)


def new_entity_id(entities: Sequence[Entity]) -> str:
    """The next free id of the form ``e<n>``."""
    numbers = [int(e.id[1:]) for e in entities if e.id[:1] == "e" and e.id[1:].isdigit()]
    return f"e{max(numbers, default=0) + 1}"
