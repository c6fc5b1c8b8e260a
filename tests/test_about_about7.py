"""`about` leaves out a one-word "name" that the German dictionary knows as a common noun by
its plural or dative forms ("an Bord", "in Ruhe", "die geplante Aktion"): a name tagger's false
name names nobody (ABOUT-GUIDELINES, 1). A name right after a definite article ("die Union",
"am Ring") and names without such forms ("Syrien", "Berlin") still count. Sentences written for
these tests; each failed before the rule."""

from __future__ import annotations

from functools import cache

import pytest

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
