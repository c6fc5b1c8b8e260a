"""Stance rules of the round for generalisation (helper stance10, issue 17): each a general
statement of the guidelines, checked part by part over every read part of the stance set.
Sentences written for these tests; each case failed before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from tests.stance_helpers import _en, _quote

# --- headlines in title case: a capital marks no noun there (guidelines 1.2 belief)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Senator Alma Reyes: I Still Believe the Bridge Deal Was a Costly Mistake for the City.", "I Still Believe the Bridge Deal Was a Costly Mistake for the City", "belief"),
        ("Mayor Tom Hale: We Strongly Suspect The Water Report Was Rushed With Care.", "We Strongly Suspect The Water Report Was Rushed With Care", "belief"),
        # not title case: a capitalised word after the subject is a name, no stance verb
        ("The coach said: I Still remember the final whistle in that stadium.", "I Still remember the final whistle in that stadium", "asserted"),
    ],
)
def test_title_case_headline_opens_with_a_stance_verb(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, ":", text.split(":")[0])).stance == stance
