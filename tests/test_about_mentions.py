"""``about`` (issue 17, ABOUT-GUIDELINES.md): the mentions inside the quote words that the
entity finder must see. Sentences written for these tests; each case failed before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract_de() -> Extract:
    return get_extractor("de").extract


def _about_names(result: ExtractionResult, words: str) -> list[str]:
    quote = next((q for q in result.quotes if words in q.text), None)
    assert quote is not None, [q.text for q in result.quotes]
    names = {e.id: e.name for e in result.entities}
    return [names[i] for i in quote.about or []]


# --- German: names inside quotation marks are the article's entities too (no speaker stands
# --- there, but a quote talks about them); a capitalised common noun there is none


@pytest.mark.parametrize(
    ("text", "words", "about"),
    [
        ("Die Sängerin Lotte Krämer zieht aufs Land. „Meine kleine Wohnung in Hamburg behalte ich aber noch“, "
         "sagte Krämer.", "Wohnung in Hamburg", ["Hamburg"]),
        ("Der Ökonom Jan Vogt lobte die Koalition. „Die Kanzlerin und Robert Habeck handeln klug, das Land "
         "braucht jetzt Ruhe“, sagte Vogt.", "handeln klug", ["Robert Habeck"]),
    ],
)  # fmt: skip
def test_german_names_inside_quotation_marks_count(
    extract_de: Extract, text: str, words: str, about: list[str]
) -> None:
    assert _about_names(extract_de(text), words) == about


def test_german_quoted_common_nouns_are_no_entities(extract_de: Extract) -> None:
    text = "„Wir sitzen alle in einem Boot, der Mann auf der Straße wie das Reich der Reichen“, sagte Uta Kern."
    result = extract_de(text)
    assert _about_names(result, "Boot") == []
    assert [e.name for e in result.entities] == ["Uta Kern"]


# --- German: a common noun that the word gazetteer knows only as a part of names ("Dach",
# --- "Radio", "Armee", "Zeit") is no entity after an article, a contraction or a possessive;
# --- a place in the dative plural ("den Niederlanden") and an acronym ("der EU") stay names


def test_german_gazetteer_nouns_after_an_article_are_no_entities(extract_de: Extract) -> None:
    text = ("Die Familie werde künftig unter dem gleichen Dach wohnen, sagte Uta Kern. Im Radio hieß es, die "
            "Armee sei bereit und seine Partei stehe zur EU.")  # fmt: skip
    names = {e.name for e in extract_de(text).entities}
    assert not names & {"Dach", "Radio", "Armee", "Partei"}, names
    assert {"Uta Kern", "EU"} <= names, names


def test_german_place_in_the_dative_plural_stays_a_place(extract_de: Extract) -> None:
    text = "Der Händler Piet Smit sagte, in den Niederlanden seien die Preise gestiegen."
    result = extract_de(text)
    assert "Niederlanden" in _about_names(result, "Preise gestiegen"), result.entities


# --- German: a name opening a hyphenated compound is a mention of its entity ("EU-Staaten" → EU),
# --- so that the entity's mentions show where a quote names it (ABOUT-GUIDELINES.md, 1)


def test_german_name_opening_a_compound_is_a_mention(extract_de: Extract) -> None:
    text = ("Die EU schickt eine EU-Mission in die Region. Die Ministerin Eva Lind sagte, die EU-Staaten seien "
            "sich einig.")  # fmt: skip
    result = extract_de(text)
    eu = next(e for e in result.entities if e.name == "EU")
    at = text.index("EU-Staaten")
    assert (at, at + 2) in eu.mentions, eu.mentions
    assert _about_names(result, "seien sich einig") == ["EU"]


# --- English: a surname that is a given name too ("Clinton") suggests no gender once the full
# --- name is read: "Hillary Clinton" makes the cluster female, so "she" in a quote finds her


@pytest.fixture(scope="module")
def extract_en() -> Extract:
    return get_extractor("en").extract


def test_english_full_name_sets_the_gender_of_a_surname_cluster(extract_en: Extract) -> None:
    text = ("Critics attacked Clinton over the budget on Monday. Hillary Clinton answered them in Ohio. "
            "Tom Berg, a local farmer, said she had no plan for rural towns.")  # fmt: skip
    result = extract_en(text)
    assert _about_names(result, "no plan for rural towns") == ["Hillary Clinton"], result.entities


# --- German: "er" that speaks no statement is a mention of the last person named (ABOUT-GUIDELINES.md,
# --- 2: a third-person pronoun inside the words counts when it refers to a named person)


def test_german_er_of_no_statement_is_a_mention_of_the_last_person(extract_de: Extract) -> None:
    text = "Der frühere Bürgermeister von Linz, Karl Brenner, ist tot. Er starb am Sonntag im Alter von 90 Jahren."
    result = extract_de(text)
    brenner = next(e for e in result.entities if e.name == "Karl Brenner")
    at = text.index("Er starb")
    assert (at, at + 2) in brenner.mentions, brenner.mentions
