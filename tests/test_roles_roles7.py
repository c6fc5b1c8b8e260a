"""Roles on fresh text, organisation first (issue 13, point 2; branch roles7). Families: a city
or region before a sports-team role names the club, not a place ("Leverkusens Tormann",
"Salzburg-Innenverteidiger"; a country stays a place: a national team); a tagged organisation
before "von"/"mit" and a role noun is the holder's employer ("der FC Beispielstadt mit Coach X");
a partitive apposition ("X, einer der Gründer des Vereins Y,"); in English a person's last
name before a title is the holder's principal, no organisation ("Smith spokeswoman X"), and a
plural title before "such as" is the title of its examples. Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.role_before import club_role

Extract = Callable[[str], ExtractionResult]
Quad = tuple[str | None, str | None, str | None, bool]


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def _roles(result: ExtractionResult, name: str) -> list[Quad]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place, r.former) for r in entity.roles]


def test_club_roles_by_their_compound_head() -> None:
    assert club_role("Cheftrainer") and club_role("Co-Trainer") and club_role("Innenverteidiger")
    assert not club_role("Bürgermeister") and not club_role("Schauspieler")


def test_city_genitive_before_a_team_role_names_the_club(de: Extract) -> None:
    text = "Kurz vor der Pause scheiterte Huber an Leverkusens Tormann Jonas Probemann."
    assert ("Tormann", "Leverkusen", None, False) in _roles(de(text), "Jonas Probemann")


def test_city_compound_before_a_team_role_names_the_club(de: Extract) -> None:
    text = "Danach verschätzte sich Salzburg-Innenverteidiger Paul Beispielmann bei einem Freistoß."
    assert ("Innenverteidiger", "Salzburg", None, False) in _roles(de(text), "Paul Beispielmann")


def test_country_before_a_team_role_stays_a_place(de: Extract) -> None:
    text = "Dänemarks Trainer Morten Probesen war mit dem Remis zufrieden."
    assert ("Trainer", None, "Dänemark", False) in _roles(de(text), "Morten Probesen")


def test_city_genitive_before_an_office_stays_a_place(de: Extract) -> None:
    text = "Wiens Bürgermeister Karl Beispielhofer eröffnete am Montag die Ausstellung."
    assert ("Bürgermeister", None, "Wien", False) in _roles(de(text), "Karl Beispielhofer")


def test_tagged_organisation_with_von_or_mit_before_the_role(de: Extract) -> None:
    text = ("Der 1. FC Köln von Trainer Peter Probemann ist gerettet, ebenso der FC Ingolstadt "
            "mit Coach Rolf Testhuber.")
    result = de(text)
    assert ("Trainer", "1. FC Köln", None, False) in _roles(result, "Peter Probemann")
    assert ("Coach", "FC Ingolstadt", None, False) in _roles(result, "Rolf Testhuber")


def test_mit_before_an_office_names_no_employer(de: Extract) -> None:
    text = "Ein Treffen der EU mit Kanzler Werner Beispielmayr fand am Montag statt."
    assert ("Kanzler", None, None, False) in _roles(de(text), "Werner Beispielmayr")


def test_partitive_apposition_gives_the_singular_title_and_body(de: Extract) -> None:
    text = "Das sagte Anna Probstmüller, eine der Gründerinnen des Vereins Nachbarschaftshilfe, am Montag."
    assert ("Gründerin", "Verein Nachbarschaftshilfe", None, False) in _roles(de(text), "Anna Probstmüller")


def test_partitive_apposition_stops_before_another_name(de: Extract) -> None:
    text = "Der Kärntner Marco Probhaller, einer der Helfer bei Katjuscha für Ex-Sieger Alexander Testoff, stürzte."
    roles = _roles(de(text), "Marco Probhaller")
    assert ("Helfer", "Katjuscha", None, False) in roles


def test_last_name_of_a_person_before_a_title_is_no_organisation(en: Extract) -> None:
    text = '"He voted against every bill," Tom Sample, a Kessler spokesman, said of Jim Kessler.'
    assert ("spokesman", None, None, False) in _roles(en(text), "Tom Sample")


def test_company_before_a_title_stays_an_organisation(en: Extract) -> None:
    text = "Facebook spokeswoman Ann Tester said the site was down for an hour."
    assert ("spokeswoman", "Facebook", None, False) in _roles(en(text), "Ann Tester")


def test_plural_title_before_such_as_is_the_title_of_its_examples(en: Extract) -> None:
    text = "This is where candidates such as Tom Probert and Bill Testing are everywhere."
    result = en(text)
    names = {e.name for e in result.entities}
    holder = "Tom Probert" if "Tom Probert" in names else next(n for n in names if "Probert" in n)
    assert ("candidate", None, None, False) in _roles(result, holder)
