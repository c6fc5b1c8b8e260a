"""`about`: the person mentions a quote's places are checked against ("Senator Ann Kole of Ohio")
are indexed once per document and shared by all its quotes, not rebuilt for every quote (helper
reven). Sentences written for these tests."""

from __future__ import annotations

from onrecord.extraction.about import about_entities
from onrecord.extraction.stance_doc import _Doc
from onrecord.lang.en.stance import stance_lexicon
from onrecord.model import Entity, Mention, Quote

TEXT = "The mayor said Senator Ann Kole of Ohio backed the plan. She said Dayton and Ohio agreed."


def _entities() -> list[Entity]:
    def at(name: str, nth: int = 0) -> tuple[int, int]:
        begin = -1
        for _ in range(nth + 1):
            begin = TEXT.index(name, begin + 1)
        return begin, begin + len(name)

    return [
        Entity(id="e1", name="Ann Kole", type="person", mentions=[at("Ann Kole")]),
        Entity(id="e2", name="Ohio", type="location", mentions=[at("Ohio"), at("Ohio", 1)]),
        Entity(id="e3", name="Dayton", type="location", mentions=[at("Dayton")]),
    ]


def _quote(qid: str, words: str, speaker: str) -> Quote:
    b = TEXT.index(words)
    s = TEXT.index(speaker)
    return Quote(id=qid, kind="indirect", text=words, spans=[(b, b + len(words))],
                 speaker=Mention(text=speaker, spans=[(s, s + len(speaker))]), confidence=0.9)


def test_the_person_index_is_built_once_per_document() -> None:
    entities = _entities()
    doc = _Doc(TEXT, entities, stance_lexicon())
    types = {e.id: e.type for e in entities}
    ends = doc.person_ends(types)
    assert ends == frozenset({TEXT.index("Ann Kole") + len("Ann Kole")})
    assert doc.person_ends(types) is ends
    other = {**types, "e1": "organization"}
    assert doc.person_ends(other) == frozenset()


def test_every_quote_of_a_document_reads_the_same_index() -> None:
    entities = _entities()
    doc = _Doc(TEXT, entities, stance_lexicon())
    types = {e.id: e.type for e in entities}
    first = _quote("q1", "Senator Ann Kole of Ohio backed the plan", "The mayor")
    second = _quote("q2", "Dayton and Ohio agreed", "She")
    assert about_entities(doc, first, types) == ["e1"]  # "of Ohio": the senator's place, no topic
    ends = doc.person_ends(types)
    assert about_entities(doc, second, types) == ["e3", "e2"]
    assert doc.person_ends(types) is ends
