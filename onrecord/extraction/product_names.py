"""Names written with a lower-case first letter inside a quote's words (issue 17, point 3:
``about``): a product's with a capital inside ("iPhone 6s", "eBay", "iOS", "a7R II"; the
guidelines count a named thing that a statement names) and a name opened by the Arabic article
("al-Shabaab", "al-Baghdadi").

A name tagger trained on capitalised names misses them, and a capitalised run never starts at
one. Needs: the text, the quotes and the entities an extractor built (after the speakers are
final: this steers no speaker). Adds: for each such name inside a quote span that no entity
mention nor speaker mention covers, a mention of the entity of that name (or whose name ends in
it: "Abu Bakr al-Baghdadi"), else of a new entity of type other (appended, so the ids of the
other entities stay). A product's name is the word and the model words right after it (numbers
of up to three digits with a letter or two, short capitals: "iPhone 5s", "iPhone SE"; a
capitalised word that ``common`` takes for no noun: "iPad Air 2"); written before a hyphen
("iPhone-Nutzer"), the word alone. Pure functions.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from onrecord.extraction.known_names import covered_spans, new_entity_id, overlaps, with_mentions
from onrecord.model import Entity, Quote, Span

__all__ = ["add_product_names", "product_spans"]

#: a word opened by one to three lower-case letters or digits and then a capital ("iPhone",
#: "eBay", "iOS", "a7R"), not inside a longer word, an address, a handle or a path
_CAMEL = re.compile(r"(?<![\w\-/.@#])[a-z][a-z0-9]{0,2}[A-Z][A-Za-z0-9]*(?![\w/@]|\.\w)")
#: a name opened by the Arabic article ("al-Shabaab", "al-Baghdadi", "el-Sisi")
_ARTICLE_NAME = re.compile(r"(?<![\w\-/.@#])(?:al|el)-[A-Z][a-z]\w*(?![\w/@]|\.\w)")
#: a model word after the name: a number with a letter or two ("5s", "13"), short capitals ("SE", "II")
_MODEL = re.compile(r" (\d{1,3}[A-Za-z]{0,2}|[A-Z]{1,4})(?![\w\-])")
#: a capitalised word after the name ("Air", "Pro", "Store"), taken when no noun
_WORD = re.compile(r" ([A-Z][a-z]{1,7})(?![\w\-])")


def _name_end(text: str, end: int, limit: int, common: Callable[[str], bool] | None) -> int:
    """Where the name that ends its first word at ``end`` ends: after the model words that follow."""
    while True:
        found = _MODEL.match(text, end, limit)
        if found is None and common is not None:
            found = _WORD.match(text, end, limit)
            if found is not None and common(found.group(1)):
                found = None
        if found is None:
            return end
        end = found.end()


def product_spans(
    text: str, begin: int, end: int, non_names: frozenset[str], common: Callable[[str], bool] | None = None
) -> Iterator[Span]:
    """The product names in ``text[begin:end]`` (module docstring), left to right; a word of
    ``non_names`` (a unit or a common noun written so: "kWh", "eMail") is none."""
    for found in _CAMEL.finditer(text, begin, end):
        if found.group() in non_names:
            continue
        stop = found.end()
        if text[stop : stop + 1] != "-":
            stop = _name_end(text, stop, end, common)
        yield found.start(), stop
    for found in _ARTICLE_NAME.finditer(text, begin, end):
        yield found.span()


def _uncovered(text: str, span: Span, covered: Sequence[Span]) -> Span | None:
    """The name where no mention of ``covered`` overlaps it; else its first word alone where none
    overlaps that ("iPad" of "iPad Air" when "Air" was read as a name of its own); else none."""
    if not overlaps(span, covered):
        return span
    word = _CAMEL.match(text, span[0])
    first = (span[0], word.end()) if word is not None else span
    return first if first != span and not overlaps(first, covered) else None


def add_product_names(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    non_names: frozenset[str],
    common: Callable[[str], bool] | None = None,
) -> list[Entity]:
    """``entities`` with the product names missed inside the quote spans (module docstring);
    ``common`` tells whether a capitalised word is a common noun (it ends the name)."""
    covered = covered_spans(quotes, entities)
    spans = {span for q in quotes for qb, qe in q.spans for span in product_spans(text, qb, qe, non_names, common)}
    hits = sorted(found for found in (_uncovered(text, span, covered) for span in spans) if found is not None)
    if not hits:
        return list(entities)
    out = list(entities)
    owner = {e.name: i for i, e in enumerate(out)}
    for index, entity in enumerate(out):
        if entity.type != "group" and entity.name.split():
            owner.setdefault(entity.name.split()[-1], index)  # "al-Baghdadi" of "Abu Bakr al-Baghdadi"
    added: dict[int, list[Span]] = {}
    for b, e in hits:
        name = text[b:e]
        at = owner.get(name)
        if at is None:
            at = owner[name] = len(out)
            out.append(Entity(id=new_entity_id(out), name=name, type="other"))
        added.setdefault(at, []).append((b, e))
    return with_mentions(out, added)
