"""German roles by general mechanisms (issue 13 point 2, branch rolesde): adverbs that open an
apposition, hyphenated and participle adjectives, a person's noun is no organisation, and the
families below. Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.model import Entity

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _entity(result: ExtractionResult, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}: {[e.name for e in result.entities]}"
    return matches[0]


def _roles(result: ExtractionResult, name: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(r.title, r.organization, r.place, r.former) for r in _entity(result, name).roles]


def test_apposition_opened_by_an_adverb_of_time(extract: Extract) -> None:
    result = extract("Neu im Vorstand ist Lukas Brenner, bisher Sprecher der Stadtwerke, wie es hieß.")
    assert _roles(result, "Lukas Brenner") == [("Sprecher", "Stadtwerke", None, True)]


def test_participle_and_hyphenated_adjectives_before_the_role(extract: Extract) -> None:
    result = extract(
        "Auch Jonas Feld, der umstrittene liberal-konservative Wirtschaftsberater der Landesregierung, "
        "blieb der Sitzung fern."
    )
    assert _roles(result, "Jonas Feld") == [("Wirtschaftsberater", "Landesregierung", None, False)]


def test_a_person_after_the_role_is_no_organisation(extract: Extract) -> None:
    result = extract("Mara Quint, die langjährige Beraterin des Bürgermeisters, trat am Montag zurück.")
    assert _roles(result, "Mara Quint") == [("Beraterin", None, None, False)]


def test_truncated_compound_pair_is_one_title(extract: Extract) -> None:
    result = extract("Das kritisierte die Verkehrs- und Umweltexpertin Hanna Lorenz am Dienstag.")
    assert _roles(result, "Hanna Lorenz") == [("Verkehrs- und Umweltexpertin", None, None, False)]
    result = extract("Das sagte Hanna Lorenz, Verkehrs- und Umweltexpertin der Grünen, am Dienstag.")
    assert _roles(result, "Hanna Lorenz")[0][0] == "Verkehrs- und Umweltexpertin"


def test_organisation_at_an_institution_is_kept_whole(extract: Extract) -> None:
    result = extract("Paula Wendt, Leiterin des Zentrums für Lehrerbildung an der Universität Graz, widersprach.")
    assert _roles(result, "Paula Wendt") == [
        ("Leiterin", "Zentrum für Lehrerbildung an der Universität Graz", None, False)
    ]


def test_role_after_a_name_that_follows_its_copula(extract: Extract) -> None:
    result = extract("Im neuen Kabinett bleibt Tomasz Nowicki weiterhin Finanzminister, hieß es.")
    assert _roles(result, "Tomasz Nowicki") == [("Finanzminister", None, None, False)]
    result = extract("Seit drei Jahren ist Ines Hagen mittlerweile Siemens-Chefin.")
    assert _roles(result, "Ines Hagen") == [("Chefin", "Siemens", None, False)]


def test_compound_prefix_names_a_body_in_its_nominative_form(extract: Extract) -> None:
    result = extract("Das erklärte der FC-Basel-Sportchef Urs Amrein am Abend.")
    assert _roles(result, "Urs Amrein") == [("Sportchef", "FC Basel", None, False)]
    result = extract("Das kritisierte Linken-Abgeordnete Sabine Hollmann scharf.")
    assert _roles(result, "Sabine Hollmann") == [("Abgeordnete", "Linke", None, False)]
    result = extract("Am Sonntag verlor der Ajax-Amsterdam-Neo-Trainer Ben Kok sein erstes Spiel.")
    assert _roles(result, "Ben Kok") == [("Trainer", "Ajax Amsterdam", None, False)]


def test_kind_noun_before_a_body_name_is_dropped(extract: Extract) -> None:
    result = extract("Das sagte Karin Lutz vom Softwareanbieter Datatec Systems.")
    assert _roles(result, "Karin Lutz") == [(None, "Datatec Systems", None, False)]


def test_profession_nouns_added_to_the_lexicon(extract: Extract) -> None:
    result = extract("Das sagte die Wettkampfschwimmerin Lea Brandl nach dem Rennen.")
    assert _roles(result, "Lea Brandl") == [("Wettkampfschwimmerin", None, None, False)]
    result = extract("Das Team leitet der Genetiker Paul Oswald, sagte sie.")
    assert _roles(result, "Paul Oswald")[0][0] == "Genetiker"


def test_seat_adjective_of_a_known_place_gives_the_place(extract: Extract) -> None:
    result = extract("Anwesend war Nora Keil, Referentin im Düsseldorfer Kulturministerium, wie es hieß.")
    assert _roles(result, "Nora Keil") == [("Referentin", "Kulturministerium", "Düsseldorf", False)]


def test_unnamed_holder_who_only_acts_records_no_role(extract: Extract) -> None:
    result = extract("Dabei wurde ein UN-Soldat schwer verletzt.")
    assert not [e for e in result.entities if e.roles]
    result = extract("Ein Sprecher des Umweltbundesamts bestätigte den Fund am Montag.")
    assert [(r.title, r.organization) for e in result.entities for r in e.roles] == [("Sprecher", "Umweltbundesamt")]


def test_legal_form_stays_with_the_company_name(extract: Extract) -> None:
    result = extract("Eröffnet wurde das Werk von Lena Vogt, der Vorstandsvorsitzenden der Brückner AG, am Montag.")
    assert _roles(result, "Lena Vogt") == [("Vorstandsvorsitzende", "Brückner AG", None, False)]


def test_body_named_after_a_person_is_the_organisation(extract: Extract) -> None:
    result = extract("Das sagte Karim Aziz, ein Referent der Friedrich Ebert Stiftung, am Montag.")
    assert _roles(result, "Karim Aziz") == [("Referent", "Friedrich Ebert Stiftung", None, False)]


def test_role_nouns_with_examples_after_wie(extract: Extract) -> None:
    result = extract("Er habe Abgeordnete wie Lukas Brunner und Tobias Kern gefördert.")
    assert _roles(result, "Lukas Brunner") == [("Abgeordneter", None, None, False)]
    assert _roles(result, "Tobias Kern") == [("Abgeordneter", None, None, False)]


def test_title_adjectives_national_and_executive(extract: Extract) -> None:
    result = extract("Das bestätigte der nationale Polizeichef Omar Haddad am Sonntag.")
    assert _roles(result, "Omar Haddad") == [("nationaler Polizeichef", None, None, False)]


def test_party_after_the_name_overrides_the_group_body(extract: Extract) -> None:
    result = extract("Es traten die Kandidaten der Opposition, Mario Holz für die NEOS, zur Debatte an.")
    assert _roles(result, "Mario Holz") == [("Kandidat", "NEOS", None, False)]


def test_definite_role_after_a_colon_describes_the_person_before_it(extract: Extract) -> None:
    result = extract(
        "In Madrid sorgt ein Interview von Oberst Ramón Ortega für Aufsehen: Der Armeesprecher hatte "
        "am Montag Kritik geübt."
    )
    assert ("Armeesprecher", None, None, False) in _roles(result, "Ramón Ortega")


def test_number_ends_a_body_name(extract: Extract) -> None:
    result = extract("Die Sprecherin des Vereins Zukunft 2030, Karla Wendl, widersprach.")
    assert _roles(result, "Karla Wendl") == [("Sprecherin", "Verein Zukunft 2030", None, False)]


def test_bare_plural_role_nouns_in_a_list_give_no_role(extract: Extract) -> None:
    result = extract("Beraten wurde er von Juristen, Ökonomen, Kommunikationsleuten und Lobbyisten.")
    assert not [e.name for e in result.entities if e.roles]


def test_role_subject_of_a_copula_with_the_name_as_predicate(extract: Extract) -> None:
    result = extract("Die Frist läuft ab, und der Spitzenkandidat ist Anton Weidinger.")
    assert _roles(result, "Anton Weidinger") == [("Spitzenkandidat", None, None, False)]
    result = extract("Vom Hilfstrainer beim Verein wurde Anton Weidinger rasch zum Chef.")
    assert not _roles(result, "Anton Weidinger")


def test_team_given_by_a_participle_before_the_name(extract: Extract) -> None:
    result = extract("Die für den SC Rheintal startende Nora Pichler gewann den Lauf.")
    assert _roles(result, "Nora Pichler") == [(None, "SC Rheintal", None, False)]


def test_place_adjective_before_a_title_from_the_gazetteer(extract: Extract) -> None:
    result = extract("Das sagte der Düsseldorfer Stadtrat Ingo Brandt am Montag.")
    assert _roles(result, "Ingo Brandt") == [("Stadtrat", None, "Düsseldorf", False)]


def test_abbreviation_inside_a_place_name(extract: Extract) -> None:
    result = extract("Begleitet wurde er vom Bürgermeister von St. Johann, Karl Eder, und anderen.")
    assert _roles(result, "Karl Eder") == [("Bürgermeister", None, "St. Johann", False)]


def test_commenting_adverb_opens_a_dash_apposition(extract: Extract) -> None:
    text = "Brandt – übrigens langjähriger Ehrenpräsident des Alpenvereins – hätte das nie gewollt."
    assert ("Ehrenpräsident", "Alpenverein", None, False) in _roles(extract(text), "Brandt")


def test_in_with_an_article_before_a_body_names_the_organisation(extract: Extract) -> None:
    text = "Karl Kern, Abteilungsleiter in der Österreichischen Nationalbank, sagte das am Montag."
    assert ("Abteilungsleiter", "Österreichische Nationalbank", None, False) in _roles(extract(text), "Karl Kern")
