"""Stance rules of the round for generalisation (helper stance10, issue 17): each a general
statement of the guidelines, checked part by part over every read part of the stance set.
Sentences written for these tests; each case failed before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from tests.stance_helpers import _de, _en, _quote

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


# --- rule C where a complement clause puts its verb last (German): the content's own verb governs


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("dass mehrere Werften in der Luft- und Raumfahrt neue Aufträge aus Norwegen erwarten und bereits Verträge vorbereiteten", "prediction"),
        ("dass die Reedereien jede Beteiligung an dem Unfall bestreiten", "denial"),
        # the verb closing the clause is no stance verb: the content decides as before
        ("dass mehrere Werften neue Aufträge aus Norwegen erhalten hätten", "asserted"),
        # a zu-infinitive closing the clause is no finite verb of the content
        ("dass es schwer sei, neue Aufträge zu erwarten", "asserted"),
    ],
)
def test_verb_final_complement_verb_governs(words: str, stance: str) -> None:
    text = f"Die Zeitung meldete am Montag, {words}."
    assert _de(text, _quote(text, words, "meldete", "Die Zeitung", kind="indirect")).stance == stance


# --- epistemic "can": a possibility modal governing a verb of causing an effect (guidelines 1.2 hedged)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Higher ferry fares can also affect the island's schools, the economist said.", "Higher ferry fares can also affect the island's schools", "hedged"),
        ("Such droughts can push small farms into debt, the report's author said.", "Such droughts can push small farms into debt", "hedged"),
        # an ability: a subject pronoun before the modal, or a negated modal
        ("We can push the council to act, the mayor said.", "We can push the council to act", "asserted"),
        ("The new pipes can not affect the water supply, the engineer said.", "The new pipes can not affect the water supply", "asserted"),
    ],
)
def test_possible_effect_is_hedged_english(text: str, words: str, stance: str) -> None:
    assert _en(text, _quote(text, words, "said", kind="reported")).stance == stance


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("Der Mangel an Fahrern kann zu deutlich längeren Wartezeiten führen", "hedged"),
        ("Wir können die Fahrer nicht zwingen", "asserted"),
    ],
)
def test_possible_effect_is_hedged_german(words: str, stance: str) -> None:
    text = f"{words}, sagte der Sprecher."
    assert _de(text, _quote(text, words, "sagte", "der Sprecher", kind="reported")).stance == stance


# --- a fear verb with an object, not a clause: the feared event is to come (guidelines 1.2 prediction)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("Die Fischer befürchten einen weiteren Einbruch der Fangmengen.", "einen weiteren Einbruch der Fangmengen", "prediction"),
        ("Die Fischer befürchten noch mehr Konkurrenz aus dem Norden.", "Die Fischer befürchten noch mehr Konkurrenz aus dem Norden", "prediction"),
        # a clause after a comma decides by its tense, as before; a reflexive opens no object
        ("Die Fischer befürchten, dass die Fangmengen sinken.", "dass die Fangmengen sinken", "belief"),
        ("Die Fischer befürchten, die Fangmengen sinken.", "die Fangmengen sinken", "belief"),
    ],
)
def test_feared_event_is_a_prediction(text: str, words: str, stance: str) -> None:
    assert _de(text, _quote(text, words, "befürchten", "Die Fischer", kind="reported")).stance == stance


# --- rule C: a third-person pronoun and a belief verb frame the words as a noun subject does


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("she does not believe the harbour fees should be raised again", "belief"),
        ("they believe the ferry must run every hour", "belief"),
    ],
)
def test_pronoun_belief_frame_wins_over_deontic_content(words: str, stance: str) -> None:
    text = f"The councillor said {words}."
    assert _en(text, _quote(text, words, "said", "The councillor", kind="reported")).stance == stance


# --- "never" negates an obligation as "not" does (guidelines 1.2 demand: a negated obligation is none)


def test_never_have_to_is_no_demand() -> None:
    text = "“You never have to ask her twice,” the neighbour said."
    words = "“You never have to ask her twice,”"
    assert _en(text, _quote(text, words, "said", "the neighbour")).stance == "asserted"
