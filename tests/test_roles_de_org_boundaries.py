"""German organisations on fresh text (issue 13, point 2): a market prefix of a company noun
names no organisation ("Mobilfunk-Betreiber"); the round of a contest is no body ("im
Viertelfinale"); a compound ending in a body's kind noun keeps its hyphen ("Vatikan-Bank-Chef");
small-letter adjectives before a kind noun with a genitive name describe the body ("der
rechtspopulistischen Partei der Freien Bürger"). Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def test_market_prefix_stays_in_the_title(de: Extract) -> None:
    result = de("Der führende Mobilfunk-Betreiber Nordtel Mobil kaufte die Lizenzen, sagte ein Sprecher.")
    assert _roles(result, "Nordtel Mobil") == [("Mobilfunk-Betreiber", None, None)]


def test_company_prefix_of_a_market_noun_still_names_it(de: Extract) -> None:
    result = de("„Die Preise steigen“, sagte der Chef des SAP-Anbieters, Jonas Weber.")
    assert all(org != "Anbieter" for _, org, _ in _roles(result, "Jonas Weber"))


def test_round_of_a_contest_is_no_body(de: Extract) -> None:
    result = de("„Das war knapp“, sagte Anna Miller, Spielerin im Halbfinale.")
    assert _roles(result, "Anna Miller") == [("Spielerin", None, None)]


def test_hyphenated_kind_compound_keeps_its_hyphen(de: Extract) -> None:
    result = de("„Das war ein Fehler“, sagte der frühere Vatikan-Bank-Chef Mario Rossi.")
    assert [org for _, org, _ in _roles(result, "Mario Rossi")] == ["Vatikan-Bank"]


def test_name_of_two_parts_is_still_joined_by_a_space(de: Extract) -> None:
    result = de("„Das war ein Fehler“, sagte der Bank-Austria-Ökonom Stefan Bruckbauer.")
    assert _roles(result, "Stefan Bruckbauer") == [("Ökonom", "Bank Austria", None)]


def test_describing_adjective_before_kind_and_genitive_name(de: Extract) -> None:
    result = de("„Wir bleiben hart“, sagte Nikos Petrou, Chef der nationalkonservativen Partei der Freien Bürger.")
    assert _roles(result, "Nikos Petrou") == [("Chef", "Partei der Freien Bürger", None)]


def test_adjective_before_a_common_genitive_stays(de: Extract) -> None:
    result = de("„Wir bleiben hart“, sagte Nikos Petrou, Chef der größten Partei des Landes.")
    assert _roles(result, "Nikos Petrou") == [("Chef", "größte Partei des Landes", None)]
