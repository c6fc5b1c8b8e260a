"""``about`` round 9 (issue 17 point 1/3, ABOUT-GUIDELINES.md "common nouns without a named
referent"): a one-word German "name" that the lemma table reads as a plural or genitive of a
common noun ("in Tests", "dass Babys …") names nothing; a place's genitive ("Europas Bauern",
"innerhalb Europas", "Bürger Syriens, Afghanistans und Ungarns") stays a name. Sentences
written for these tests; each test fails on the code before the rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction.stance_lexicon import LemmaFn
from onrecord.lang import get_extractor
from onrecord.lang.de.stance import annotate_quotes
from onrecord.model import Entity, EntityType, Mention, Quote


@pytest.fixture(scope="module")
def lemma() -> LemmaFn:
    extractor = get_extractor("de")
    table: Callable[[str], str] = extractor.lemmas  # type: ignore[attr-defined]
    return table


def _entity(text: str, eid: str, name: str, kind: EntityType, *words: str) -> Entity:
    mentions = [(text.index(w), text.index(w) + len(w)) for w in words]
    return Entity(id=eid, name=name, type=kind, mentions=mentions)


def _about(text: str, words: str, speaker: str, entities: list[Entity], lemma: LemmaFn) -> list[str]:
    b = text.index(words)
    s = text.index(speaker)
    quote = Quote(
        id="q1",
        kind="indirect",
        text=words,
        spans=[(b, b + len(words))],
        speaker=Mention(text=speaker, spans=[(s, s + len(speaker))]),
        entity="e1",
        confidence=1.0,
    )
    names = {e.id: e.name for e in entities}
    (annotated,) = annotate_quotes(text, [quote], entities, lemma)
    return [names[i] for i in annotated.about]


def test_plural_noun_taken_for_a_person_is_no_topic(lemma: LemmaFn) -> None:
    text = "Die Forscherin Lena Hartwig sagte, dass Babys schon früh die Stimmen in Europas Städten erkennen."
    words = "dass Babys schon früh die Stimmen in Europas Städten erkennen"
    entities = [
        _entity(text, "e1", "Lena Hartwig", "person", "Lena Hartwig"),
        _entity(text, "e2", "Babys", "person", "Babys"),
        _entity(text, "e3", "Europas", "location", "Europas"),
    ]
    assert _about(text, words, "Lena Hartwig", entities, lemma) == ["Europas"]


def test_plural_noun_taken_for_a_place_is_no_topic(lemma: LemmaFn) -> None:
    text = "Lena Hartwig meinte, die Geräte aus Israels Werken hätten in Tests gut abgeschnitten."
    words = "die Geräte aus Israels Werken hätten in Tests gut abgeschnitten"
    entities = [
        _entity(text, "e1", "Lena Hartwig", "person", "Lena Hartwig"),
        _entity(text, "e2", "Israels", "location", "Israels"),
        _entity(text, "e3", "Tests", "location", "Tests"),
    ]
    assert _about(text, words, "Lena Hartwig", entities, lemma) == ["Israels"]


def test_genitive_after_a_preposition_or_in_a_list_stays_a_name(lemma: LemmaFn) -> None:
    text = "Lena Hartwig sagte, innerhalb Europas hätten Geräte aus Afghanistans und Ungarns Werken in Tests versagt."
    words = "innerhalb Europas hätten Geräte aus Afghanistans und Ungarns Werken in Tests versagt"
    entities = [
        _entity(text, "e1", "Lena Hartwig", "person", "Lena Hartwig"),
        _entity(text, "e2", "Europas", "location", "Europas"),
        _entity(text, "e3", "Afghanistans", "location", "Afghanistans"),
        _entity(text, "e4", "Ungarns", "location", "Ungarns"),
        _entity(text, "e5", "Tests", "location", "Tests"),
    ]
    assert _about(text, words, "Lena Hartwig", entities, lemma) == ["Europas", "Afghanistans", "Ungarns"]
