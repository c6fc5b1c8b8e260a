"""`about`: a name inside the quote's words that names the source of those words
("laut Sprecher X", "X zufolge", "according to Senator X") is no topic, like the speaker mention
(ABOUT-GUIDELINES); "State" of "Secretary of State" is part of a title, no organisation. Sentences
written for these tests; each failed before its rule."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.common_words import CommonWords
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.ner import COMMON_WORDS_FILE
from onrecord.lang.de.stance import annotate_quotes as annotate_de
from onrecord.lang.de.train import MODEL_DIR
from onrecord.lang.en.stance import annotate_quotes as annotate_en
from onrecord.model import Entity, EntityType, Mention, Quote

Extract = Callable[[str], ExtractionResult]


@cache
def _words() -> CommonWords:
    return CommonWords.load(MODEL_DIR / COMMON_WORDS_FILE)


def _about(
    text: str,
    quote: str,
    speaker: str,
    names: list[tuple[str, EntityType]],
    german: bool = True,
    cue: str | None = None,
) -> list[str]:
    """The names ``about`` gives for the words ``quote`` of ``text``, one entity per (name, type)
    mentioned wherever the text writes the name."""
    entities: list[Entity] = []
    for i, (name, kind) in enumerate(names):
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + 1)
        entities.append(Entity(id=f"e{i}", name=name, type=kind, mentions=spans))
    b, s = text.index(quote), text.index(speaker)
    q = Quote(
        id="q",
        kind="indirect",
        text=quote,
        spans=[(b, b + len(quote))],
        speaker=Mention(text=speaker, spans=[(s, s + len(speaker))]),
        cue=None if cue is None else Mention(text=cue, spans=[(text.index(cue), text.index(cue) + len(cue))]),
        confidence=0.9,
    )
    if german:
        (out,) = annotate_de(text, [q], entities, LemmaTable.load(MODEL_DIR / "lemmas.tsv"), _words())
    else:
        (out,) = annotate_en(text, [q], entities)
    by_id = {e.id: e.name for e in entities}
    return [by_id[i] for i in out.about]


@pytest.mark.parametrize(
    "quote",
    [
        "Laut Stadtsprecher Jonas Hald sei der Brand in Linz rasch gelöscht worden.",
        "Jonas Hald zufolge sei der Brand in Linz rasch gelöscht worden.",
        "Laut dem Sprecher Jonas Hald sei der Brand in Linz rasch gelöscht worden.",
    ],
)
def test_a_source_named_inside_the_german_words_is_no_topic(quote: str) -> None:
    text = f"Die Feuerwehr teilte am Morgen mit: {quote}"
    found = _about(text, quote.rstrip("."), "Die Feuerwehr", [("Jonas Hald", "person"), ("Linz", "location")])
    assert found == ["Linz"], found


def test_a_source_named_inside_the_english_words_is_no_topic() -> None:
    text = "The agency said on Monday that according to Senator Ruth Pell the fire in Dayton was out."
    quote = "according to Senator Ruth Pell the fire in Dayton was out"
    found = _about(text, quote, "The agency", [("Ruth Pell", "person"), ("Dayton", "location")], german=False)
    assert found == ["Dayton"], found


def test_a_name_after_another_preposition_still_counts() -> None:
    text = "Die Feuerwehr teilte mit, nach Jonas Hald habe niemand gefragt."
    quote = "nach Jonas Hald habe niemand gefragt"
    assert _about(text, quote, "Die Feuerwehr", [("Jonas Hald", "person")]) == ["Jonas Hald"]


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_state_of_secretary_of_state_is_no_organisation(en: Extract) -> None:
    text = "Senator Paul Dorn said the former Secretary of State Nora Vale had met the governor of Ohio twice."
    names = [e.name for e in en(text).entities]
    assert "State" not in names, names
    assert "Nora Vale" in names, names


@pytest.mark.parametrize(
    ("text", "quote", "german"),
    [
        (
            "Der Konzern teilte mit, die Kosten lägen bei 80 Millionen US-Dollar.",
            "die Kosten lägen bei 80 Millionen US-Dollar",
            True,
        ),
        ("The company said the costs were 80 million U.S. dollars.", "the costs were 80 million U.S. dollars", False),
    ],
)
def test_the_country_of_a_currency_is_no_topic(text: str, quote: str, german: bool) -> None:
    name = "US" if german else "U.S."
    speaker = "Der Konzern" if german else "The company"
    assert _about(text, quote, speaker, [(name, "location")], german) == []


def test_a_country_before_another_word_still_counts() -> None:
    text = "Der Konzern teilte mit, die US-Behörden prüften den Fall."
    found = _about(text, "die US-Behörden prüften den Fall", "Der Konzern", [("US", "location")])
    assert found == ["US"], found


def test_a_name_and_its_acronym_in_parentheses_are_one_topic() -> None:
    text = (
        "Das Magazin berichtete, der Bundesnachrichtendienst (BND) habe mit dem Zollkriminalamt (ZKA) "
        "zusammengearbeitet, der BND bestreite das."
    )
    quote = text[text.index("der Bundes") : -1]
    names: list[tuple[str, EntityType]] = [
        ("Bundesnachrichtendienst", "organization"),
        ("BND", "organization"),
        ("Zollkriminalamt", "organization"),
        ("ZKA", "organization"),
    ]
    found = _about(text, quote, "Das Magazin", names)
    assert found == ["Bundesnachrichtendienst", "Zollkriminalamt"], found


def test_a_person_and_her_party_in_parentheses_are_two() -> None:
    text = "Die Zeitung schrieb, Landesrätin Vera Moll (SPÖ) habe den Antrag gestellt."
    quote = "Landesrätin Vera Moll (SPÖ) habe den Antrag gestellt"
    found = _about(text, quote, "Die Zeitung", [("Vera Moll", "person"), ("SPÖ", "organization")])
    assert found == ["Vera Moll", "SPÖ"], found


@pytest.mark.parametrize(
    ("text", "cue", "german"),
    [
        (
            "Gleich nach der Wahl forderte Staatschef Max Brenner den Minister in Graz zum Rücktritt auf.",
            "forderte",
            True,
        ),
        ("The bridge in Graz will be rebuilt next year, said Governor Max Brenner.", "said", False),
    ],
)
def test_the_subject_of_the_cue_inside_the_span_is_no_topic(text: str, cue: str, german: bool) -> None:
    """A span drawn over the whole sentence holds its cue; the cue's subject is the source, even
    where the speaker was taken to be another phrase ("der Wahl", "the vote")."""
    speaker = "der Wahl" if german else "The bridge"
    names: list[tuple[str, EntityType]] = [("Max Brenner", "person"), ("Graz", "location")]
    found = _about(text, text[:-1], speaker, names, german, cue)
    assert found == ["Graz"], found


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Gleich nach der Wahl forderte die Partei den Minister Max Brenner zum Rücktritt auf.",
            "forderte",
            "die Partei",
        ),
        ("Der Parteichef hält Max Brenner für den besten Kandidaten.", "hält", "Der Parteichef"),
    ],
)
def test_an_object_after_the_cue_still_counts(text: str, cue: str, speaker: str) -> None:
    """An article or no role noun at all between cue and name: the object may stand there."""
    names: list[tuple[str, EntityType]] = [("Max Brenner", "person")]
    assert _about(text, text[:-1], speaker, names, True, cue) == ["Max Brenner"]


@pytest.mark.parametrize(
    "quote",
    [
        "Senator Ann Kole of Ohio had backed the plan for Dayton",
        "Governor Ann Kole of Ohio and Dayton had backed the plan",
    ],
)
def test_the_place_of_a_persons_role_is_no_topic(quote: str) -> None:
    """Senator X of Ohio: the place describes the person, no topic."""
    text = f"The mayor said {quote}."
    names: list[tuple[str, EntityType]] = [("Ann Kole", "person"), ("Ohio", "location"), ("Dayton", "location")]
    found = _about(text, quote, "The mayor", names, german=False)
    assert found == [n for n in ("Ann Kole", "Dayton") if n in quote], found


@pytest.mark.parametrize(
    "quote",
    [
        "the governor of Ohio had backed the plan",
        "the plan of Ohio had been backed by Ann Kole",
        "the Ohio economy had grown",
    ],
)
def test_a_place_not_describing_a_person_still_counts(quote: str) -> None:
    text = f"The mayor said {quote}."
    found = _about(text, quote, "The mayor", [("Ohio", "location"), ("Ann Kole", "person")], german=False)
    assert found == [n for n in ("Ohio", "Ann Kole") if n in quote], found
