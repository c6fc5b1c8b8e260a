"""Lists of one-word names that the NER tagger reads as one name.

The tagger sometimes spans a coordination of names ("Richtung Hamilton und Rosberg") as a
single organisation or place. Such a span is split into its names when every part is one
word that the text names on its own elsewhere (another tagged span holds it) or a known place
of the resolution gazetteer; each part then takes the tag the text gives it elsewhere.
Organisation names with a coordination ("Bundesministerium für Bildung und Forschung",
"Procter & Gamble") keep their span: their parts are no one-word names of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from onrecord.lang.de.tokens import PreparedDoc
from onrecord.resolve.gazetteer import default_gazetteer
from onrecord.resolve.keys import fold

#: the order in which a tie between the tags of a word is broken
_TAG_ORDER = ("PER", "LOC", "ORG", "OTH")

#: words that join the names of a list ("Hamilton und Rosberg", "Wien, Graz sowie Linz")
LIST_JOINERS = frozenset({"und", "sowie"})


#: a typed token span: (type, begin, end) — the shape of a NER span
TypedSpan = tuple[str, int, int]


def known_place(name: str, exact: bool = False) -> bool:
    """A place or country of the resolution gazetteer ("Ruritania" is none, "Kanada" is one);
    ``exact``: as written, not as the genitive of one ("Paris" is, "Kanadas" is not). Shared
    with :mod:`onrecord.lang.de.entity_names` (which imports this module through the tagger)."""
    entry = default_gazetteer().lookup(name)
    if entry is None or entry.type != "location":
        return False
    return not exact or fold(name) in {fold(n) for n in entry.names}


def _place_as_written(word: str) -> bool:
    """A known place as written: a list part must be the place itself, not its genitive."""
    return known_place(word, exact=True)


def list_parts(words: Sequence[str]) -> list[int] | None:
    """The offsets of the names of a list of one-word names ("Hamilton und Rosberg" → [0, 2],
    "Wien , Graz und Linz" → [0, 2, 4]), or None when ``words`` is no such list: names and
    joiners alternate, the last joiner is "und" or "sowie", the others commas."""
    if len(words) < 3 or len(words) % 2 == 0 or words[-2] not in LIST_JOINERS:
        return None
    if any(w not in (",", *LIST_JOINERS) for w in words[1:-2:2]):
        return None
    names = list(range(0, len(words), 2))
    if not all(capitalised_word(words[k]) for k in names):
        return None
    return names


def capitalised_word(word: str) -> bool:
    """A capitalised word of letters (hyphens allowed): "Rosberg", "Meyer-Landrut" (shared with
    :func:`onrecord.lang.de.role_lexicon.name_word` and :mod:`onrecord.lang.de.entity_names`)."""
    return word[:1].isupper() and word.replace("-", "").isalpha()


def split_name_lists(
    doc: PreparedDoc, spans: Sequence[TypedSpan], place: Callable[[str], bool] = _place_as_written
) -> list[TypedSpan]:
    """``spans`` with each list of one-word names split into its names (see the module
    docstring); a part's type is the tag other spans give that word most often, or LOC for a
    known place the text tags nowhere else."""
    toks = doc.tokens
    words_of = [[t.text for t in toks[b:e]] for _, b, e in spans]
    lists = [list_parts(words) for words in words_of]
    out: list[TypedSpan] = []
    for i, (kind, begin, end) in enumerate(spans):
        parts = lists[i]
        if parts is None:
            out.append((kind, begin, end))
            continue
        words = words_of[i]
        tags = [[spans[j][0] for j, w in enumerate(words_of) if lists[j] is None and words[k] in w] for k in parts]
        if not all(t or place(words[k]) for t, k in zip(tags, parts, strict=True)):
            out.append((kind, begin, end))
            continue
        out.extend((_commonest(t) if t else "LOC", begin + k, begin + k + 1) for t, k in zip(tags, parts, strict=True))
    return out


def _commonest(tags: list[str]) -> str:
    """The tag given most often; a tie goes to the first of PER, LOC, ORG, OTH ("Rosberg"
    tagged once as a place and once inside "Nico Rosberg" is a person)."""
    counts = Counter(tags)
    return min(counts, key=lambda t: (-counts[t], _TAG_ORDER.index(t) if t in _TAG_ORDER else len(_TAG_ORDER), t))
