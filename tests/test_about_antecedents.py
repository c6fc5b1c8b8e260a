"""``about`` (issue 17 point 1/3, ABOUT-GUIDELINES.md): English he/she resolved to the
subject of the nearest sentence that names a person, never to the subject of the pronoun's own
clause when it is an object, and inside a direct quote never to its speaker; German acronyms
that the gazetteer knows opening a compound ("US-Militär") as a mention of that place or
organisation. Sentences written for these tests; each case fails on the code before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.en.entities import Antecedent, pick_antecedent

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract_en() -> Extract:
    return get_extractor("en").extract


@pytest.fixture(scope="module")
def extract_de() -> Extract:
    return get_extractor("de").extract


def _about_names(result: ExtractionResult, words: str) -> list[str]:
    quote = next((q for q in result.quotes if words in q.text), None)
    assert quote is not None, [q.text for q in result.quotes]
    names = {e.id: e.name for e in result.entities}
    return [names[i] for i in quote.about or []]


def _entity_of(result: ExtractionResult, text: str, words: str, pronoun: str) -> str | None:
    at = text.index(words) + words.index(pronoun)
    return next((e.name for e in result.entities if (at, at + len(pronoun)) in e.mentions), None)


# --- English: the subject of the nearest sentence that names a compatible person, not the
# --- latest name (an object or a prepositional object after it)


def test_pick_antecedent_prefers_the_nearest_sentences_subject() -> None:
    candidates = [Antecedent(0, 0, True), Antecedent(40, 1, True), Antecedent(60, 1, False)]
    assert pick_antecedent(candidates, 2) == Antecedent(40, 1, True)
    assert pick_antecedent([Antecedent(0, 0, True), Antecedent(60, 1, False)], 2) == Antecedent(60, 1, False)
    assert pick_antecedent([Antecedent(90, 3, True)], 2) is None


def test_english_pronoun_goes_to_the_subject_not_the_latest_name(extract_en: Extract) -> None:
    text = ("Tom Becker lost the opening match against Martin Hale in March. By the final in June, he had "
            "recovered completely.\n\n“He played the best tennis of his life,” said Anna Lindqvist, a coach.")
    result = extract_en(text)
    assert _about_names(result, "best tennis") == ["Tom Becker"]


def test_english_subject_of_the_telling_clause_is_the_reported_he(extract_en: Extract) -> None:
    text = ("Paul Dorsey told the host Greg Mills that he had no idea why the plan had failed in the "
            "northern districts.")
    result = extract_en(text)
    assert _entity_of(result, text, "that he had", "he") == "Paul Dorsey"


def test_english_object_pronoun_is_not_its_clauses_subject(extract_en: Extract) -> None:
    text = ("Critics of Frank Ortiz kept their distance from him all week. On Sunday, Ben Carver declined "
            "to criticize him in public.")
    result = extract_en(text)
    assert _entity_of(result, text, "criticize him", "him") == "Frank Ortiz"


# --- English: a direct quote's speaker says "I"; a he inside the quote is someone else


def test_english_direct_quote_he_is_not_its_speaker(extract_en: Extract) -> None:
    text = ("Mark Dunn attacked the city budget again on Monday. Ed Wilson answered him on Tuesday.\n\n"
            "“He is wrong about the numbers and he knows it,” Wilson said.")
    result = extract_en(text)
    assert _about_names(result, "wrong about the numbers") == ["Mark Dunn"]


# --- German: an acronym the gazetteer knows opening a compound names that place or organisation


@pytest.mark.parametrize(
    ("text", "words", "about"),
    [
        ("Die Ärztin Eva Roth sagte, die Berichte des US-Militärs seien unvollständig.", "US-Militärs", ["US"]),
        ("Der Anwalt Jonas Weber sagte, die UN-Beobachter hätten das Lager nie besucht.", "UN-Beobachter",
         ["UN"]),
    ],
)  # fmt: skip
def test_german_known_acronym_opening_a_compound_counts(
    extract_de: Extract, text: str, words: str, about: list[str]
) -> None:
    assert _about_names(extract_de(text), words) == about


def test_german_acronym_compound_joins_the_named_country(extract_de: Extract) -> None:
    text = ("Die USA wollen ihre Truppen abziehen. Der Forscher Paul Lang sagte, die US-Armee bleibe trotzdem "
            "noch ein Jahr im Land.")
    result = extract_de(text)
    names = _about_names(result, "US-Armee")
    assert len(names) == 1 and names[0] in ("USA", "US")
    assert sum(1 for e in result.entities if e.name in ("USA", "US")) == 1



# --- a pronoun counts only when its referent is named in the article (guidelines 2): not when
# --- it goes to an unnamed source ("Her mother", "an Australian woman")


def test_english_pronoun_of_an_unnamed_source_is_no_topic(extract_en: Extract) -> None:
    text = ("An elderly woman told reporters that the clinic had closed in May. Police said on Friday that she "
            "had tried to warn the city council about the fire risk.")
    result = extract_en(text)
    assert "Police" in [q.speaker.text for q in result.quotes if q.speaker is not None]
    assert _about_names(result, "tried to warn") == []
