"""English roles from the unlabelled-store audit: in a comma list of people, the
role words before the next name belong to that name, not to the name before the comma
("former Idaho governor Tom Reed, Utah Gov. Sam Cole and …"); a common noun or an interjection
right before a capitalised title is no part of it ("the reason President X …", "Well Senator X").
Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, Quad
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_role_of_the_next_name_in_a_list_is_not_an_apposition(en: Extract) -> None:
    result = en("The other candidates -- former Idaho governor Tom Reed, Utah Gov. Sam Cole, retired "
                "surgeon Ann Lee and Mark Hill -- spoke on Sunday.")
    assert _roles(result, "Tom Reed") == [("governor", None, "Idaho", True)]
    assert _roles(result, "Sam Cole") == [("Gov.", None, "Utah", False)]


def test_bare_surnames_before_a_titled_name_get_no_role(en: Extract) -> None:
    result = en("Reed, Hill, Utah Gov. Sam Cole and Sen. Amy Wolf of Ohio all appeared on Sunday shows.")
    assert _roles(result, "Hill") == []


def test_two_titled_names_joined_by_and(en: Extract) -> None:
    result = en("Former Acme CEO Jane Roe, former Idaho governor Tom Reed and Sen. Amy Wolf criticized the media.")
    assert _roles(result, "Jane Roe") == [("Acme CEO", None, None, True)]


@pytest.mark.parametrize(
    ("text", "quad"),
    [
        ("Tom Reed, an aide to Sen. Amy Wolf, declined to comment.", ("aide", None, None, False)),
        ("Tom Reed, chief of staff to Gov. Sam Cole, declined to comment.", ("chief of staff", None, None, False)),
    ],
)
def test_an_apposition_that_names_a_titled_person_after_a_preposition_stays(
    en: Extract, text: str, quad: Quad
) -> None:
    assert _roles(en(text), "Tom Reed") == [quad]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("It was a defeat President Ann Reed called the worst of her career.", "Ann Reed", "President"),
        ("That is the reason President Ann Reed stayed home.", "Ann Reed", "President"),
        ("Well Senator Tom Hill, you said that twice.", "Tom Hill", "Senator"),
        ("The day city Councilman Tom Hill resigned, nothing happened.", "Tom Hill", "Councilman"),
    ],
)
def test_a_common_noun_before_a_capitalised_title_is_dropped(en: Extract, text: str, name: str, title: str) -> None:
    assert [r[0] for r in _roles(en(text), name)] == [title]


def test_a_body_noun_before_a_capitalised_title_stays_the_organisation(en: Extract) -> None:
    assert _roles(en("Trump campaign Chairman Paul Roe spoke."), "Paul Roe") == [
        ("Chairman", "Trump campaign", None, False)
    ]

