"""English roles, issue 13 point 2 (round roles4): "Under Secretary" cut to "Secretary" (the tagger
reads "Under" as a preposition), "Press Secretary" split into a body "Press" and a title, the body
of the person before read as the next name's title in a list ("A of Centerview Partners, B of
…"), and a definite description given to a person its own sentence names beside it ("the New
Jersey governor tripped up Rubio"). Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_under_secretary_before_a_name_keeps_under(en: Extract) -> None:
    text = "Under Secretary of Defense Michael Greenfield told reporters the test had succeeded."
    assert [t for t, _, _ in _roles(en(text), "Michael Greenfield")] == ["Under Secretary of Defense"]


def test_deputy_under_secretary(en: Extract) -> None:
    text = "Deputy Under Secretary Laura Whitcombe said the budget would be cut."
    assert [t for t, _, _ in _roles(en(text), "Laura Whitcombe")] == ["Deputy Under Secretary"]


def test_under_before_a_title_in_running_text_is_no_title_word(en: Extract) -> None:
    text = "He served under Secretary Laura Whitcombe, who said the budget would be cut."
    assert all("under" not in (t or "").lower() for t, _, _ in _roles(en(text), "Laura Whitcombe"))


def test_press_secretary_is_one_title(en: Extract) -> None:
    text = "At the briefing, reporters questioned Press Secretary Tom Ashdown about the new rules."
    assert _roles(en(text), "Tom Ashdown") == [("Press Secretary", None, None)]


def test_body_of_the_previous_name_in_a_list_is_no_title(en: Extract) -> None:
    text = "The donors include Peter Hall of Brightwater Partners, Anna Kole of Ridge Capital Group and others."
    assert _roles(en(text), "Anna Kole") == [(None, "Ridge Capital Group", None)]


def test_description_is_not_the_person_its_sentence_names_after_it(en: Extract) -> None:
    text = ("Frank Delaney led the attacks against Mark Tolliver on Saturday, and the Ohio governor "
            "tripped up Tolliver by calling him out.")
    result = en(text)
    tolliver = next((e for e in result.entities if e.name == "Mark Tolliver"), None)
    assert tolliver is not None and not any(r.title == "governor" for r in tolliver.roles)
