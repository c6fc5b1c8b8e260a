"""English roles, issue 13 point 2: error classes found by reading roles on unlabelled PolNeAR
train texts (not in the roles set) — a date after the body ("… on Monday") taken into the
organisation or the title, "and" inside a body's name cutting it before a title, a title glued
to its hyphen, an honorific ("Mr.") read as the organisation or as the title of the one served,
and an empty organisation when a tagged body has no capitalised name. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_weekday_after_the_body_is_no_part_of_it(en: Extract) -> None:
    text = '"The plan will fail," said Jane Roe, an analyst with the Brookings Institution on Monday.'
    assert _roles(en(text), "Jane Roe") == [("analyst", "Brookings Institution", None)]


def test_council_on_keeps_its_joiner(en: Extract) -> None:
    text = "Jane Roe, a fellow at the Council on Foreign Relations, said the plan would fail."
    assert _roles(en(text), "Jane Roe") == [("fellow", "Council on Foreign Relations", None)]


def test_and_inside_a_tagged_body_before_the_title(en: Extract) -> None:
    text = "Office of Management and Budget director Peter Examplesson said the numbers were wrong."
    assert ("director", "Office of Management and Budget", None) in _roles(en(text), "Peter Examplesson")


def test_hyphenated_plural_title_stays_glued(en: Extract) -> None:
    text = "Reporters followed the front-runners Jane Roe and John Doe through Iowa on Sunday."
    assert ("front-runner", None, None) in _roles(en(text), "Jane Roe")


def test_honorific_is_no_organisation(en: Extract) -> None:
    text = '"We will win," said John Doe, a senior adviser to Mr. Smithson, on Tuesday.'
    assert _roles(en(text), "John Doe") == [("senior adviser", None, None)]


def test_served_person_gets_no_title_of_the_servers(en: Extract) -> None:
    text = "Officials lobbied dozens of finance ministers for Mr. Exampleton, and he met some of them."
    result = en(text)
    assert all(not e.roles for e in result.entities), [(e.name, e.roles) for e in result.entities]


def test_tagged_department_without_name_gives_the_college(en: Extract) -> None:
    text = (
        '"I do not believe that," said Tom Barker, chairman of the computer science department at Dartmouth'
        " College, who built the system."
    )
    assert _roles(en(text), "Tom Barker") == [("chairman", "Dartmouth College", None)]


def test_honorific_after_on_ends_the_title(en: Extract) -> None:
    text = '"Turnout decides," said Dana Roe, a pollster and strategist on Mrs. Exampleton\'s 2012 campaign.'
    result = en(text)
    assert _roles(result, "Dana Roe") == [("pollster and strategist", None, None)]
    others = [(e.name, e.roles) for e in result.entities if e.name != "Dana Roe" and e.roles]
    assert not others, others


def test_former_body_role_before_a_rank_abbreviation_is_split(en: Extract) -> None:
    text = "Former NASA director Gen. Rob Exampleman was questioned on Monday."
    entity = next(e for e in en(text).entities if e.name == "Rob Exampleman")
    roles = [(r.title, r.organization, r.former) for r in entity.roles]
    assert roles == [("director", "NASA", True), ("Gen.", None, False)], roles


def test_former_before_a_lone_abbreviation_stays_one_role(en: Extract) -> None:
    text = "Former Sen. Rob Exampleman said the bill would pass."
    roles = [(r.title, r.former) for e in en(text).entities if e.name == "Rob Exampleman" for r in e.roles]
    assert roles == [("Sen.", True)], roles
