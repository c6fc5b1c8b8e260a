"""English roles, issue 13 point 2 (families found on the roles set's READ parts):
the tail of a hyphenated modifier ("two-term", "far-right") goes with it, "from" names the
constituency of an elected seat, a party adjective before a role that is no candidacy describes the
holder, an "X-based" modifier in an apposition, a definite description that opens a sentence, and a
closed list of role phrases after an apposition. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_the_tail_of_a_hyphenated_modifier_is_dropped_with_it(en: Extract) -> None:
    text = 'Voters cheered when Tom Blake spoke. "We will win," said Blake, a two-term governor of Ohio.'
    assert _roles(en(text), "Tom Blake") == [("governor", None, "Ohio", False)]
    text = "Signs were sold by far-right radio host Jim Kerr at the fair."
    assert _roles(en(text), "Jim Kerr") == [("radio host", None, None, False)]


def test_from_names_the_constituency_of_an_elected_seat(en: Extract) -> None:
    text = '"It is over," said Ann Moss, the senator from Vermont. She left early.'
    assert _roles(en(text), "Ann Moss") == [("senator", None, "Vermont", False)]


def test_a_party_adjective_describes_the_holder_or_is_a_candidacy_s_organisation(en: Extract) -> None:
    text = '"It works," said Rick Dunn, a veteran Republican strategist.'
    assert _roles(en(text), "Rick Dunn") == [("strategist", None, None, False)]
    text = "Republican Secretary of State Jon Husted applauded the ruling."
    assert _roles(en(text), "Jon Husted") == [("Secretary of State", None, None, False)]
    text = "Polls favour Republican front-runner Dan Pike in the state."
    assert _roles(en(text), "Dan Pike") == [("front-runner", "Republican", None, False)]


def test_a_place_based_modifier_does_not_end_an_apposition(en: Extract) -> None:
    text = '"It works," said Rick Dunn, a Florida-based Republican strategist.'
    assert _roles(en(text), "Rick Dunn") == [("strategist", None, "Florida", False)]


def test_new_role_nouns(en: Extract) -> None:
    text = "Dan Roe, a top Tallahassee GOP operative who played a role in 2008, agreed."
    assert _roles(en(text), "Dan Roe")[0][0] is not None
    text = "Retired neurosurgeon Ben Moss proposed a new agency."
    assert _roles(en(text), "Ben Moss") == [("neurosurgeon", None, None, True)]


def test_a_description_opening_a_sentence_gives_its_role(en: Extract) -> None:
    text = "Ann Moss met Jim Kerr on Monday. The French president expressed his regret."
    assert ("president", None, "France", False) in _roles(en(text), "Jim Kerr")


def test_a_closed_list_of_role_phrases_after_the_apposition(en: Extract) -> None:
    text = '"We won," said Ann Moss, the former secretary of State, U.S. senator, and first lady.'
    roles = _roles(en(text), "Ann Moss")
    assert ("secretary of State", None, None, True) in roles
    assert ("senator", None, "U.S.", True) in roles


def test_a_list_of_names_with_appositions_is_no_role_list(en: Extract) -> None:
    text = '"We won," said Ann Moss, a lawyer, Jim Kerr, a nurse, and Bo Dee, a teacher.'
    assert _roles(en(text), "Ann Moss") == [("lawyer", None, None, False)]


def test_a_participle_phrase_between_a_plural_title_and_a_dashed_list(en: Extract) -> None:
    text = ("The Democratic governors running for the nomination -- Ann Moss of Ohio, Jim Kerr of Utah "
            "and Bo Dee of Iowa -- all voted for it.")
    result = en(text)
    assert _roles(result, "Ann Moss") == [("governor", None, "Ohio", False)]
    assert _roles(result, "Bo Dee") == [("governor", None, "Iowa", False)]
    text = "Voters backing the plan -- Ann Moss of Ohio and Jim Kerr of Utah -- wrote letters."
    assert _roles(en(text), "Ann Moss") == []


def test_a_plural_title_before_including_gives_each_name_the_title(en: Extract) -> None:
    text = "The board heard several senior officials including Tina Lobb and Dan Pike."
    result = en(text)
    assert _roles(result, "Tina Lobb") == [("senior official", None, None, False)]
    assert _roles(result, "Dan Pike") == [("senior official", None, None, False)]
    assert _roles(en("Many people including Tina Lobb came."), "Tina Lobb") == []


def test_a_copula_after_the_apposition_gives_a_second_role(en: Extract) -> None:
    text = "Tom Blake, a member of the state board, is editor of the Harbor Gazette."
    titles = [r[0] for r in _roles(en(text), "Tom Blake")]
    assert "member" in titles
    assert "editor" in titles


def test_among_them_after_a_plural_title_opens_a_list_of_its_holders(en: Extract) -> None:
    text = ("The vote is risky for governors up for re-election next year in close states, among them "
            "Ann Moss of Ohio, Jim Kerr of Utah and Bo Dee of Iowa.")
    result = en(text)
    assert _roles(result, "Ann Moss") == [("governor", None, "Ohio", False)]
    assert _roles(result, "Bo Dee") == [("governor", None, "Iowa", False)]
    assert _roles(en("Many people came to the fair, among them Ann Moss of Ohio."), "Ann Moss") == []


def test_the_person_a_spokesman_speaks_for_is_no_part_of_the_title(en: Extract) -> None:
    text = '"You can see it," said Rick Dunn, a spokesman for Ted Cruz.'
    assert _roles(en(text), "Rick Dunn") == [("spokesman", None, None, False)]


def test_a_candidacy_s_party_inside_the_title_is_its_organisation(en: Extract) -> None:
    text = "Voters cheered presumptive Democratic presidential nominee Olive Brandt at the farm."
    assert _roles(en(text), "Olive Brandt") == [("presumptive presidential nominee", "Democratic", None, False)]
    text = "Tom Reyes, the Libertarian candidate for governor, filed his papers."
    assert ("candidate for governor", "Libertarian", None, False) in _roles(en(text), "Tom Reyes")


def test_two_coordinated_roles_with_a_body_are_two_roles(en: Extract) -> None:
    text = '"Rates will rise," said Lena Hart, a tax attorney and senior fellow at the Corvex Institute.'
    roles = _roles(en(text), "Lena Hart")
    assert ("tax attorney", None, None, False) in roles
    assert ("senior fellow", "Corvex Institute", None, False) in roles
