"""``about`` (issue 17 point 3, ABOUT-GUIDELINES.md "What counts": "a named thing the article
talks about (a product, an event with a name)"): English events, laws and works that the tagger
labels EVENT, LAW or WORK_OF_ART are entities of type other and count inside the words.
Sentences written for these tests; each case fails on the code before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract_en() -> Extract:
    return get_extractor("en").extract


def _about(result: ExtractionResult, words: str) -> list[tuple[str, str]]:
    quote = next((q for q in result.quotes if words in q.text), None)
    assert quote is not None, [q.text for q in result.quotes]
    by_id = {e.id: e for e in result.entities}
    return [(by_id[i].name, by_id[i].type) for i in quote.about or []]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Rachel Moreno, a historian at the university, spoke on Tuesday. “Nobody in this town talks about "
            "the Cold War any more,” Moreno said.",
            "Nobody in this town",
            "Cold War",
        ),
        (
            "“The Clean Water Act has protected these rivers for fifty years,” said Daniel Ortiz, who chairs "
            "the county board.",
            "protected these rivers",
            "Clean Water Act",
        ),
    ],
)
def test_a_named_event_or_law_in_the_words_counts(extract_en: Extract, text: str, words: str, name: str) -> None:
    about = _about(extract_en(text), words)
    assert any(n.endswith(name) and t == "other" for n, t in about), about


def test_a_named_thing_is_never_merged_into_a_person(extract_en: Extract) -> None:
    text = ("Gloria Vance runs the museum. “Visitors come from everywhere for the Vance Festival each summer,” "
            "Vance said.")
    result = extract_en(text)
    people = [e for e in result.entities if e.type == "person"]
    assert all("Festival" not in e.name for e in people), [(e.name, e.type) for e in result.entities]
