"""German entity names and types on news text without junk (issue 13, point 5; brief entpers):
a dictionary noun glued before a given name is no part of the name ("unter dem Namen Felix …",
"den Slowaken Martin …"); a noun after the genitive of a name is none either ("Kesslers Tod",
"Johann Brahms Klavierkonzert"); a genitive whose stem the text writes bare is that name, with the
stem's tag and without the -s ("Apples Spotify-Konkurrent" beside "Apple"); a one-word "person"
that is a declinable dictionary noun ("Tinte") is "other", while a surname in a list of names
stays a person ("Marx"); a surname read as a place becomes a person once the full name follows
("Rosberg" … "Nico Rosberg"). Sentences written for these tests; each failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.entity_names import _gazetteer
from onrecord.lang.de.extractor import MODEL_DIR

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _types(result: ExtractionResult) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Unter dem Namen Felix Brandauer veröffentlicht der Student seit Jahren Videos über Brettspiele.",
         "Felix Brandauer"),
        ("In der zweiten Runde trifft Berger auf den Slowaken Martin Kral, der zuletzt in Kitzbühel gewann.",
         "Martin Kral"),
        ("Der Musiker Anton Kogler spielt am Abend Johann Brahms Klavierkonzert im großen Saal.", "Johann Brahms"),
    ],
)  # fmt: skip
def test_a_noun_glued_to_a_name_is_no_part_of_it(extract: Extract, text: str, name: str) -> None:
    types = _types(extract(text))
    assert types.get(name) == "person", types
    assert not any(name in other and other != name for other in types), types


def test_a_genitive_before_a_noun_is_a_mention_of_the_person(extract: Extract) -> None:
    result = extract("Jörg Kessler starb im Oktober. Kesslers Tod erschütterte die ganze Partei.")
    people = [e for e in result.entities if e.type == "person"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Jörg Kessler", 2)], result.entities


def test_a_genitive_of_a_name_written_bare_takes_its_tag_and_stem(extract: Extract) -> None:
    result = extract(
        "Alle warten auf Apples Spotify-Konkurrent. Apple will den Dienst im Juni zeigen, Apple schweigt aber noch."
    )
    assert [(e.name, e.type, len(e.mentions)) for e in result.entities] == [("Apple", "organization", 3)]


def test_a_dictionary_noun_is_no_person_but_a_surname_among_names_is(extract: Extract) -> None:
    types = _types(extract(
        "Auf der Leinwand erscheinen Che, Mao, Marx und andere Revolutionäre, während Tinte über das Blatt läuft."
    ))
    assert types.get("Tinte") == "other" and types.get("Marx") == "person", types


def test_a_full_name_makes_a_surname_read_as_a_place_a_person(extract: Extract) -> None:
    result = extract("Am Freitag war Hamilton vor Rosberg der Schnellste. Nico Rosberg sagte danach, er sei zufrieden.")
    assert _types(result).get("Nico Rosberg") == "person", result.entities


@pytest.mark.parametrize(
    ("word", "noun"),
    [("Benzin", True), ("Namen", True), ("Fidesz-Partei", True), ("Merkel", False), ("Felix", False),
     ("Kjellberg", False), ("EU", False)],
)  # fmt: skip
def test_dictionary_nouns_exclude_given_names_and_tagged_persons(word: str, noun: bool) -> None:
    assert _gazetteer(MODEL_DIR / "gazetteer.json").dictionary_noun(word) is noun


def test_an_unnamed_plural_role_is_a_group(extract: Extract) -> None:
    result = extract("Den Kritikern zufolge würde die neue Abgabe vor allem kleine Betriebe treffen.")
    assert [(e.name, e.type) for e in result.entities] == [("Kritikern", "group")], result.entities


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Das Gesetz stammt noch aus der Zeit der Regierung Kreisky, sagte die Historikerin Eva Lenz.",
         "Regierung Kreisky", "organization"),
        ("Das Kabinett Obama hatte den Plan schon 2010 verworfen, hieß es in Washington.", "Kabinett Obama",
         "organization"),
    ],
)  # fmt: skip
def test_a_government_named_after_its_head_is_no_person(extract: Extract, text: str, name: str, kind: str) -> None:
    assert _types(extract(text)).get(name) == kind


def test_a_rival_before_a_genitive_name_is_no_part_of_it(extract: Extract) -> None:
    types = _types(extract("Die Widersacher Tuans protestierten am Sonntag, nachdem Minh Tuan gewonnen hatte."))
    assert types == {"Minh Tuan": "person"}, types
