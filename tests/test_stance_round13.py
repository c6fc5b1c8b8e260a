"""Stance rules of the thirteenth round (2026-12-07, helper "stance9"): the English clitic
"'ll" counts as the future inside a contact relative clause ("the best decision you'll ever
make"), like "will"; the English word lists of the contact relative clause rule live in the
lexicon data file. Sentences written for these tests; the contracted cases failed before the
fix, the guards passed before and after."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.lang.en.stance import stance_lexicon as english
from tests.test_stance_round6 import _quote
from tests.test_stance_round12 import _en

# --- "'ll" inside a contact relative clause belongs to the noun phrase (guidelines 1.1)

# fmt: off
CONTRACTED = [
    ("“The best decision you’ll ever make is to save early,” he said.", "“The best decision you’ll ever make is to save early,”"),
    ("“The best decision you'll ever make is to save early,” he said.", "“The best decision you'll ever make is to save early,”"),
    ("“The hardest job I’ll ever have was running that shelter,” she said.", "“The hardest job I’ll ever have was running that shelter,”"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words"), CONTRACTED)
def test_contracted_future_in_a_contact_relative_clause_is_no_stance(text: str, words: str) -> None:
    assert _en(text, _quote(text, words, "said")).stance == "asserted"


# fmt: off
GUARDS = [
    ("“We’ll close the plant next year,” she said.", "“We’ll close the plant next year,”", "prediction"),
    ("“The report says we’ll lose the seat,” he said.", "“The report says we’ll lose the seat,”", "prediction"),
    ("“The best decision you’ll ever make might be this one,” he said.", "“The best decision you’ll ever make might be this one,”", "hedged"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "stance"), GUARDS)
def test_contracted_future_of_the_main_clause_still_counts(text: str, words: str, stance: str) -> None:  # guards
    assert _en(text, _quote(text, words, "said")).stance == stance


def test_contact_relative_words_come_from_the_lexicon() -> None:
    lex = english()
    assert {"the", "their", "every"} <= lex.of("np_opener")
    assert {"is", "were"} <= lex.of("finite_copula")


# --- a noun phrase after a preposition that opens the clause is an adverbial, not the head of a
# contact relative clause: the modal after it is the main clause's ("In the end I'll call them")

# fmt: off
FRONTED = [
    ("“At the moment we will wait, and then we decide,” she said.", "“At the moment we will wait, and then we decide,”", "prediction"),
    ("“In the end I’ll call the council myself,” he said.", "“In the end I’ll call the council myself,”", "prediction"),
    ("“By the spring we might run out of salt, and the roads freeze,” he said.", "“By the spring we might run out of salt, and the roads freeze,”", "hedged"),
]
# fmt: on


@pytest.mark.parametrize(("text", "words", "stance"), FRONTED)
def test_modal_after_a_fronted_adverbial_is_the_main_clause_s(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said")).stance == stance
