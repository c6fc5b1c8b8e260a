"""German roles, issue 13 point 2: error classes found by reading roles on unlabelled
derStandard articles (not in the roles set) — the organisation taken from the holder's name
after a "<Body>-<Role>" compound, a company after "von" read as a place, a genitive "-es" left on
the organisation, an adjective of a court's name read as a rank, a weekday compound read as an
organisation, a person's title after "von" read as a place, and "Präfekt" missing from the role
nouns. Original sentences, one per class."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def test_bank_compound_keeps_the_bank_not_the_holders_name(de: Extract) -> None:
    text = "Die Zinsen bleiben vorerst niedrig, sagte Notenbank-Chefin Anna Beispielfrau am Dienstag."
    assert _roles(de(text), "Anna Beispielfrau") == [("Chefin", "Notenbank", None)]


def test_company_after_von_is_the_organisation(de: Extract) -> None:
    text = "Das Geschäft wachse kräftig, sagte Paul Mustermann, Mitgründer von Fitnetic, am Montag."
    assert ("Mitgründer", "Fitnetic", None) in _roles(de(text), "Paul Mustermann")


def test_company_after_von_joins_the_body_before_it(de: Extract) -> None:
    text = "Ein Sprecher einer Interessensgemeinschaft von Bergführern sagte, die Route sei gesperrt."
    roles = de(text).entities
    assert any(
        r.title == "Sprecher" and r.organization == "Interessensgemeinschaft von Bergführern" and r.place is None
        for e in roles for r in e.roles
    ), [(e.name, e.roles) for e in roles]


def test_unknown_town_after_von_stays_a_place_for_a_mayor(de: Extract) -> None:
    text = "Die Straße werde gebaut, sagte Karl Huber, Bürgermeister von Kleinhausen, am Montag."
    assert ("Bürgermeister", None, "Kleinhausen") in _roles(de(text), "Karl Huber")


def test_genitive_es_after_b_is_removed(de: Extract) -> None:
    text = "Die Lage sei ernst, sagte ein Sprecher des Krisenstabes am Montag."
    roles = [r for e in de(text).entities for r in e.roles]
    assert [(r.title, r.organization) for r in roles] == [("Sprecher", "Krisenstab")]


def test_adjective_of_a_court_is_no_rank(de: Extract) -> None:
    text = "Der Oberste Gerichtshof in Lima hat das Urteil am Freitag bestätigt."
    assert all(not e.roles for e in de(text).entities)


def test_rank_before_a_name_stays(de: Extract) -> None:
    text = "Die Übung sei gelungen, sagte Oberst Klaus Beispielmann am Freitag."
    assert _roles(de(text), "Klaus Beispielmann") == [("Oberst", None, None)]


def test_weekday_compound_is_no_organisation(de: Extract) -> None:
    text = "Der Täter sei geflohen, sagte ein Polizeisprecher am Sonntagabend."
    roles = [r for e in de(text).entities for r in e.roles]
    assert [(r.title, r.organization, r.place) for r in roles] == [("Polizeisprecher", None, None)]


def test_title_after_von_is_no_place(de: Extract) -> None:
    text = "Die Sanktionen schadeten allen, sagte der Sprecher von Präsident Iwan Beispielow, Oleg Musterow."
    assert ("Sprecher", None, None) in _roles(de(text), "Oleg Musterow")


def test_prefect_is_a_role(de: Extract) -> None:
    text = "Das Lager werde geräumt, sagte Präfektin Marie Exemple am Dienstag."
    assert _roles(de(text), "Marie Exemple") == [("Präfektin", None, None)]


def test_genitive_of_haus_is_removed(de: Extract) -> None:
    text = "Zwei Verletzte seien außer Gefahr, sagte ein Sprecher des Krankenhauses in Kandahar am Montag."
    roles = [r for e in de(text).entities for r in e.roles]
    assert [(r.title, r.organization, r.place) for r in roles] == [("Sprecher", "Krankenhaus", "Kandahar")]


def test_kind_of_place_is_no_place(de: Extract) -> None:
    text = "Der frühere Chef der Sozialdemokraten in der Landeshauptstadt, Karl Beispielmann, tritt nicht mehr an."
    assert _roles(de(text), "Karl Beispielmann") == [("Chef", "Sozialdemokraten", None)]


def test_genitive_field_stays_in_the_title(de: Extract) -> None:
    text = "Das sei zu wenig, sagte Lisa Beispielfrau, Professorin der Rechtswissenschaften an der Universität Graz."
    assert _roles(de(text), "Lisa Beispielfrau") == [("Professorin der Rechtswissenschaften", "Universität Graz", None)]


def test_election_is_no_organisation(de: Extract) -> None:
    text = "Die Plakate hängen, und Eva Beispielfrau, Kandidatin für die Bürgermeisterwahl Ende März, ist zufrieden."
    roles = _roles(de(text), "Eva Beispielfrau")
    assert roles and all(t is not None and t.startswith("Kandidatin") and o is None for t, o, _ in roles), roles
