"""``about`` (issue 17 point 3, ABOUT-GUIDELINES.md "What counts": "a named thing the article
talks about (a product, an event with a name)"): English events, laws and products that the
tagger labels EVENT, LAW or PRODUCT are entities of type other and count inside the words.
Sentences written for these tests; each case fails on the code before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.extraction.product_names import product_spans
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
            "“Farmers along the river still have to follow the Clean Water Act,” said Daniel Ortiz, who chairs "
            "the county board.",
            "Farmers along the river",
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
    assert any(e.name == "Gloria Vance" for e in people), [(e.name, e.type) for e in result.entities]
    assert all("Festival" not in e.name for e in people), [(e.name, e.type) for e in result.entities]


# --- German (and any language): a product written with a lower-case first letter and a capital
# --- inside ("iPhone 6s") is a named thing the name tagger misses


@pytest.fixture(scope="module")
def extract_de() -> Extract:
    return get_extractor("de").extract


def test_a_product_with_a_capital_inside_counts(extract_de: Extract) -> None:
    text = ("Die Händlerin Maria Kessler ist zufrieden. Das neue iPad Air 2 verkaufe sich in ihrem Laden besser "
            "als erwartet, sagte Kessler am Montag.")
    about = _about(extract_de(text), "verkaufe sich")
    assert any(n.startswith("iPad") and t == "other" for n, t in about), about


def test_a_product_with_a_model_number_counts_whole(extract_de: Extract) -> None:
    text = ("Der Techniker Paul Brandner hat Geduld. Das alte iPhone 6s halte noch Jahre durch, meinte Brandner "
            "am Freitag.")
    about = _about(extract_de(text), "halte noch")
    assert ("iPhone 6s", "other") in about, about


def test_product_spans_take_model_words_and_stop_at_a_noun_or_a_hyphen() -> None:
    text = "Mit dem iPhone 5s und iOS Nutzer, die eBay-Kunden sind, zahlen in kWh."
    nouns = {"Nutzer"}
    found = [text[b:e] for b, e in product_spans(text, 0, len(text), frozenset({"kWh"}), nouns.__contains__)]
    assert found == ["iPhone 5s", "iOS", "eBay"]


def test_an_address_or_a_handle_is_no_product() -> None:
    text = "Siehe www.exampleShop.at oder @maxMuster und user/myPage."
    assert list(product_spans(text, 0, len(text), frozenset())) == []


def test_a_name_opened_by_the_arabic_article_counts(extract_de: Extract) -> None:
    text = ("Der Sprecher Omar Haddad äußerte sich am Abend. Die Miliz al-Shabaab habe sich aus dem Hafen "
            "zurückgezogen, sagte Haddad.")
    about = _about(extract_de(text), "zurückgezogen")
    assert any(n.endswith("al-Shabaab") for n, _ in about), about


def test_a_year_after_a_product_is_no_model_number() -> None:
    text = "Das iPhone 2016 war teuer."
    assert [text[b:e] for b, e in product_spans(text, 0, len(text), frozenset())] == ["iPhone"]
