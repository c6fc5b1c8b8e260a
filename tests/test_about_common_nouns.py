"""`about` leaves out a one-word "name" that the German dictionary knows as a common noun
(ABOUT-GUIDELINES, 1, "common nouns without a named referent"): by its plural or dative forms ("an Bord",
"in Ruhe", "die geplante Aktion"), or read by the lemma table as a plural or genitive of a common
noun ("in Tests", "dass Babys …"): a name tagger's false name names nobody. A name right after a
definite article ("die Union", "am Ring"), names without such forms ("Syrien", "Berlin") and a
place's genitive ("Europas Bauern", "innerhalb Europas", "Bürger Syriens, Afghanistans und
Ungarns") still count. Sentences written for these tests; each failed before its rule."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from onrecord.extraction.stance_lexicon import LemmaFn
from onrecord.lang import get_extractor
from onrecord.lang.de.common_words import CommonWords
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.ner import COMMON_WORDS_FILE
from onrecord.lang.de.stance import annotate_quotes, declined_noun
from onrecord.lang.de.train import MODEL_DIR
from onrecord.model import Entity, EntityType, Mention, Quote


@cache
def _words() -> CommonWords:
    return CommonWords.load(MODEL_DIR / COMMON_WORDS_FILE)


@pytest.mark.parametrize("name", ["Bord", "Ruhe", "Aktion", "Technik", "Einleitung"])
def test_a_common_noun_is_declined_by_the_dictionary(name: str) -> None:
    assert declined_noun(_words(), name)


@pytest.mark.parametrize("name", ["Berlin", "Dell", "Syrien", "Microsoft", "Moldau", "EU", "Eva-Maria"])
def test_a_name_is_not(name: str) -> None:
    assert not declined_noun(_words(), name)


def _about(text: str, quote: str, names: list[tuple[str, EntityType]]) -> list[str]:
    """The names ``about`` gives for the words ``quote`` of ``text``, with one entity per
    (name, type), mentioned wherever the text writes the name."""
    entities: list[Entity] = []
    for i, (name, kind) in enumerate(names):
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + 1)
        entities.append(Entity(id=f"e{i}", name=name, type=kind, mentions=spans))
    b, s = text.index(quote), text.lower().index("ein sprecher")
    q = Quote(
        id="q",
        kind="indirect",
        text=quote,
        spans=[(b, b + len(quote))],
        speaker=Mention(text=text[s : s + 12], spans=[(s, s + 12)]),
        confidence=0.9,
    )
    lemma = LemmaTable.load(MODEL_DIR / "lemmas.tsv")
    (out,) = annotate_quotes(text, [q], entities, lemma, _words())
    by_id = {e.id: e.name for e in entities}
    return [by_id[i] for i in out.about]


def test_a_common_noun_taken_for_a_place_is_no_topic() -> None:
    text = "Wie ein Sprecher mitteilte, seien an Bord des Schiffes vier Fischer aus Moldau gewesen."
    found = _about(
        text, "an Bord des Schiffes vier Fischer aus Moldau gewesen", [("Bord", "location"), ("Moldau", "location")]
    )
    assert found == ["Moldau"], found


def test_a_common_noun_taken_for_an_organisation_is_no_topic() -> None:
    text = "Ein Sprecher sagte, die für Juni geplante Aktion in Wien werde verschoben."
    quote = "die für Juni geplante Aktion in Wien werde verschoben"
    found = _about(text, quote, [("Aktion", "organization"), ("Wien", "location")])
    assert found == ["Wien"], found


def test_a_name_after_the_article_still_counts() -> None:
    text = "Ein Sprecher sagte, die Union lehne den Vorschlag aus Berlin ab."
    found = _about(
        text, "die Union lehne den Vorschlag aus Berlin ab", [("Union", "organization"), ("Berlin", "location")]
    )
    assert found == ["Union", "Berlin"], found


@pytest.mark.parametrize(
    "quote",
    ["für Destiny erscheine im Herbst eine Erweiterung", "alle Destiny-Spieler bekämen im Herbst eine Erweiterung"],
)
def test_the_name_after_a_joined_common_noun_names_the_entity(quote: str) -> None:
    """ "Open-World-Shooter Destiny" as one name: "Destiny" alone, or opening a compound, later
    names it (the name tagger joined a common noun to the name)."""
    text = f"Der Open-World-Shooter Destiny verkauft sich gut. Ein Sprecher sagte, {quote}."
    found = _about(text, quote, [("Open-World-Shooter Destiny", "organization")])
    assert found == ["Open-World-Shooter Destiny"], found


@pytest.mark.parametrize(
    ("name", "text", "quote"),
    [
        (
            "Wiener Flughafen",
            "Der Wiener Flughafen wächst. Ein Sprecher sagte, der Flughafen werde erweitert.",
            "der Flughafen werde erweitert",
        ),
        (
            "Identitätskrise Klosterneuburgs",
            "Die Identitätskrise Klosterneuburgs hält an. Ein Sprecher sagte, "
            "Klosterneuburgs Bürgermeister habe recht.",
            "Klosterneuburgs Bürgermeister habe recht",
        ),
    ],
)
def test_a_place_adjective_or_a_genitive_gives_no_key(name: str, text: str, quote: str) -> None:
    """ "Wiener Flughafen" (an adjective of a place, no common noun, before "Flughafen") and
    "Identitätskrise Klosterneuburgs" (a genitive: a description) name nothing by their last word."""
    found = _about(text, quote, [(name, "organization")])
    assert found == [], found


@pytest.fixture(scope="module")
def lemma() -> LemmaFn:
    extractor = get_extractor("de")
    table: Callable[[str], str] = extractor.lemmas  # type: ignore[attr-defined]
    return table


def _entity(text: str, eid: str, name: str, kind: EntityType, *words: str) -> Entity:
    mentions = [(text.index(w), text.index(w) + len(w)) for w in words]
    return Entity(id=eid, name=name, type=kind, mentions=mentions)


def _about_of_speaker(text: str, words: str, speaker: str, entities: list[Entity], lemma: LemmaFn) -> list[str]:
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
    assert _about_of_speaker(text, words, "Lena Hartwig", entities, lemma) == ["Europas"]


def test_plural_noun_taken_for_a_place_is_no_topic(lemma: LemmaFn) -> None:
    text = "Lena Hartwig meinte, die Geräte aus Israels Werken hätten in Tests gut abgeschnitten."
    words = "die Geräte aus Israels Werken hätten in Tests gut abgeschnitten"
    entities = [
        _entity(text, "e1", "Lena Hartwig", "person", "Lena Hartwig"),
        _entity(text, "e2", "Israels", "location", "Israels"),
        _entity(text, "e3", "Tests", "location", "Tests"),
    ]
    assert _about_of_speaker(text, words, "Lena Hartwig", entities, lemma) == ["Israels"]


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
    assert _about_of_speaker(text, words, "Lena Hartwig", entities, lemma) == ["Europas", "Afghanistans", "Ungarns"]
