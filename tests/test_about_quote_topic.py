"""``about`` (issue 17 point 3): an English object he/she outside quotation marks that would go
to the source of a direct quote in the sentence before ("'…,' says Kowalski. / Brandt describes
her as …") goes to the person that quote's words are about instead, its subject first; a subject
pronoun ("He added …": the speaker going on) and a pronoun inside quotation marks keep the
nearest subject. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract_en() -> Extract:
    return get_extractor("en").extract


def _entity_of(result: ExtractionResult, text: str, words: str, pronoun: str) -> str | None:
    at = text.index(words) + words.index(pronoun)
    return next((e.name for e in result.entities if (at, at + len(pronoun)) in e.mentions), None)


TOPIC = (
    "Helen Marsh ran the bakery on Elm Street for thirty years.\n\n"
    '"If Clara Voss had opened her shop a decade earlier, the whole town would have known her bread '
    '-- she never gave up on anything," says Ruth Kowalski.\n\n'
    'Peter Brandt describes her as "the steadiest hand the street ever had."'
)


def test_object_pronoun_after_a_quote_goes_to_the_quotes_topic(extract_en: Extract) -> None:
    result = extract_en(TOPIC)
    assert _entity_of(result, TOPIC, "describes her as", "her") == "Clara Voss"


SPEAKER = (
    '"We will open two more schools next year," said Daniel Okafor.\n\n'
    "He added that the city council had already approved the money."
)


def test_subject_pronoun_after_a_quote_stays_with_the_speaker(extract_en: Extract) -> None:
    result = extract_en(SPEAKER)
    assert _entity_of(result, SPEAKER, "He added", "He") == "Daniel Okafor"
